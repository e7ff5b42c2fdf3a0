// The current language for every component, and the `t` that reads the dictionary in it.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadLocale, pickBilingual, saveLocale, translate, type Locale, type MessageKey, type Vars } from './i18n';

interface LocaleValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** The current language's half of a "한국어 / English" message. */
  pick: (message: string) => string;
}

const LocaleContext = createContext<LocaleValue | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(loadLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.brand');
  }, [locale]);

  const value = useMemo<LocaleValue>(
    () => ({
      locale,
      setLocale: (next) => {
        saveLocale(next);
        setLocaleState(next);
      },
      t: (key, vars) => translate(locale, key, vars),
      pick: (message) => pickBilingual(message, locale),
    }),
    [locale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useI18n(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useI18n outside LocaleProvider');
  return value;
}
