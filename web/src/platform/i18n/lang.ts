/** The user's language: zh-CN by default, English on request; kept in the `gongfu_lang` cookie. */
export type Lang = 'zh-CN' | 'en';

export const LANG_COOKIE = 'gongfu_lang';

function readCookie(): Lang {
  if (typeof document === 'undefined') return 'zh-CN';
  const m = /(?:^|;\s*)gongfu_lang=([^;]*)/.exec(document.cookie);
  return m && /^en\b/i.test(decodeURIComponent(m[1] ?? '')) ? 'en' : 'zh-CN';
}

let current: Lang = readCookie();
if (typeof document !== 'undefined') document.documentElement.lang = current;

/** The language of the page now; the API client sends it as Accept-Language. */
export const currentLang = (): Lang => current;

/** Switches the language for the API client, the server (cookie) and assistive technology (<html lang>). */
export function storeLang(lang: Lang): void {
  current = lang;
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this plain cookie for its own messages
  document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; samesite=strict`;
  document.documentElement.lang = lang;
}
