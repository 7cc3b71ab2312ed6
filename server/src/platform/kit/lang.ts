import type { Bilingual, Lang } from '../http/errors.ts';

/** Bilingual labels: every label a module shows has a Chinese and an English text. */

/** The label in the caller's language. */
export const say = (b: Bilingual, lang: Lang): string => (lang === 'en' ? b.en : b.zh);

/** Every code with its label, for the web app's pickers. */
export function labelList<K extends string>(names: Record<K, Bilingual>, lang: Lang) {
  return (Object.keys(names) as K[]).map((code) => ({ code, name: say(names[code], lang) }));
}

/** 是 / 否 in the caller's language (Excel cells of yes-or-no columns). */
export const yesNo = (value: boolean, lang: Lang): string => say(value ? YES : NO, lang);

const YES: Bilingual = { zh: '是', en: 'Yes' };
const NO: Bilingual = { zh: '否', en: 'No' };
