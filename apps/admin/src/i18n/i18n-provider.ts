import polyglotI18nProvider from 'ra-i18n-polyglot';
import ko from './ko';
import en from './en';

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : ko), 'ko', [
  { locale: 'ko', name: '한국어' },
  { locale: 'en', name: 'English' },
]);
