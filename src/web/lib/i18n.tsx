import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * Chinese first, English available. Texts sit where they are used: `t('组织机构', 'Org units')`.
 * Label maps exported by domain schemas ({zh, en}) go through `label(map[value])`.
 */
export type Lang = 'zh' | 'en';
type I18n = { lang: Lang; setLang(lang: Lang): void; t(zh: string, en: string): string; label(l: { zh: string; en: string } | undefined): string };

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'qcity.lang';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'));
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        setLangState(next);
      },
      t: (zh, en) => (lang === 'zh' ? zh : en),
      label: (l) => (l ? (lang === 'zh' ? l.zh : l.en) : ''),
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
