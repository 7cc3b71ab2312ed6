import { isMessageKey, type Translate } from './i18n/i18n.tsx';

/** A built-in role's name in the page's language (unknown roles show their code). */
export function roleLabel(t: Translate, role: string): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

/** A programme module's name in the page's language (unknown ones show their id). */
export function programmeLabel(t: Translate, id: string): string {
  const key = `programme.${id}`;
  return isMessageKey(key) ? t(key) : id;
}

/** Programme modules users can be granted; more arrive with each programme module. */
export const KNOWN_PROGRAMMES = ['renewal', 'employment', 'cadres', 'workshops'] as const;
