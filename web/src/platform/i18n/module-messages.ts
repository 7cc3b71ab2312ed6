import { use } from 'react';
import { useI18n } from './i18n.tsx';

/**
 * A module's (or module part's) own message catalogue: Chinese bundled with the module's pages,
 * English fetched only when the page is in English, so the shell and login never load either.
 * Type the English catalogue `Record<keyof typeof zh, string>` so a missing key does not compile.
 * Placeholders: `{name}`.
 */
export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

export interface ModuleMessages<C extends Record<string, string>> {
  zh: C;
  en: () => Promise<Record<keyof C, string>>;
}

const format = (template: string, vars?: Record<string, string | number>) =>
  vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : template;

/** Declares a catalogue at module level; the English half is loaded once, on first use. */
export function defineMessages<C extends Record<string, string>>(
  zh: C,
  loadEn: () => Promise<Record<keyof C, string>>,
): ModuleMessages<C> {
  let enPromise: Promise<Record<keyof C, string>> | null = null;
  return {
    zh,
    en: () => {
      enPromise ??= loadEn();
      return enPromise;
    },
  };
}

/** Translate with a module's catalogue in the page's language (suspends once while English loads). */
export function useModuleMessages<C extends Record<string, string>>(
  catalogue: ModuleMessages<C>,
): Translate<Extract<keyof C, string>> {
  const { lang } = useI18n();
  const messages: Record<keyof C, string> = lang === 'en' ? use(catalogue.en()) : catalogue.zh;
  return (key, vars) => format(messages[key] ?? key, vars);
}
