import { useQueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import zhCNLocale from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { currentLang, type Lang, storeLang } from './lang.ts';
import { type Catalogue, type MessageKey, zhCN } from './zh-CN.ts';

export type { Lang } from './lang.ts';
export type { MessageKey } from './zh-CN.ts';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface Bundle {
  messages: Catalogue;
  antdLocale: Locale;
}

interface I18nValue {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => Promise<void>;
}

const zhBundle: Bundle = { messages: zhCN, antdLocale: zhCNLocale };
const loadBundle = async (lang: Lang): Promise<Bundle> =>
  lang === 'en' ? (await import('./en-bundle.ts')).enBundle : zhBundle;

const requiredMark = (label: ReactNode, { required }: { required: boolean }) => (
  <>
    {required ? <span className="gf-required" aria-hidden /> : null}
    {label}
  </>
);

const I18nContext = createContext<I18nValue | null>(null);

function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/**
 * Language for the whole page: message catalogue, antd and dayjs locales, `<html lang>`, the
 * `gongfu_lang` cookie and the Accept-Language header. Server-side texts (menu labels, kind names,
 * error messages) are fetched again after a switch.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ lang: Lang; bundle: Bundle } | null>(() =>
    currentLang() === 'zh-CN' ? { lang: 'zh-CN', bundle: zhBundle } : null,
  );

  useEffect(() => {
    if (state) return;
    void loadBundle('en').then((bundle) => setState({ lang: 'en', bundle }));
  }, [state]);

  const lang = state?.lang ?? currentLang();
  useEffect(() => {
    storeLang(lang);
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  }, [lang]);

  const setLang = useCallback(
    async (next: Lang) => {
      const bundle = await loadBundle(next);
      storeLang(next);
      setState({ lang: next, bundle });
      await queryClient.invalidateQueries();
    },
    [queryClient],
  );

  const messages = state?.bundle.messages;
  const t = useCallback<Translate>((key, vars) => format(messages?.[key] ?? key, vars), [messages]);
  const value = useMemo(() => ({ lang, t, setLang }), [lang, t, setLang]);

  if (!state) return null;
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={state.bundle.antdLocale}
        // "登录", not "登 录": a stable accessible name, read as one word.
        button={{ autoInsertSpace: false }}
        // The required star and the colon are decoration (inputs carry aria-required): keep them out of
        // the fields' names (styles.css draws the colon of inline filter labels).
        form={{ requiredMark, colon: false }}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** Whether a computed key (e.g. `role.${role}`) is in the catalogue. */
export const isMessageKey = (key: string): key is MessageKey => key in zhCN;

/** The translate function alone, for components that only show text. */
export const useT = (): Translate => useI18n().t;
