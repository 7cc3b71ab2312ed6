import { use } from 'react';
import { useI18n } from '../../../platform/i18n/i18n.tsx';
import type { RenewalCatalogue, RenewalKey } from './zh.ts';
import { renewalZh } from './zh.ts';

/**
 * The renewal module's own messages. They live with the module (not in the platform catalogues)
 * so the login page and the shell never load them; the English catalogue is fetched only when
 * the page is in English. Typed like the platform's: the English one must have every key.
 */
export type { RenewalKey } from './zh.ts';
export type RTranslate = (key: RenewalKey, vars?: Record<string, string | number>) => string;

let enPromise: Promise<RenewalCatalogue> | null = null;
const loadEn = () => {
  enPromise ??= import('./en.ts').then((m) => m.renewalEn);
  return enPromise;
};

const format = (template: string, vars?: Record<string, string | number>) =>
  vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : template;

/** Translate a renewal message in the page's language (suspends once while English loads). */
export function useRT(): RTranslate {
  const { lang } = useI18n();
  const messages = lang === 'en' ? use(loadEn()) : renewalZh;
  return (key, vars) => format(messages[key] ?? key, vars);
}
