// Page frame (header with the language switch, footer) around the screen the URL asks for.
import { LocaleProvider, useI18n } from './locale';
import { TicketForm } from './form/TicketForm';
import { LostLinkForm } from './status/LostLinkForm';
import { StatusPage } from './status/StatusPage';
import { routeFor } from './route';

export function App() {
  return (
    <LocaleProvider>
      <Page />
    </LocaleProvider>
  );
}

function Page() {
  const { t } = useI18n();
  const route = routeFor(window.location.pathname);
  return (
    <>
      <header className="site-header">
        <a className="brand" href={import.meta.env.BASE_URL}>
          {t('app.brand')}
        </a>
        <LanguageSwitch />
      </header>
      <main className="content">{route.screen === 'status' ? <StatusPage reference={route.reference} /> : <TicketForm />}</main>
      {route.screen === 'form' && (
        <footer className="site-footer">
          <details className="lost-link-disclosure">
            <summary data-testid="lost-link-toggle">{t('lost.toggle')}</summary>
            <LostLinkForm />
          </details>
        </footer>
      )}
    </>
  );
}

function LanguageSwitch() {
  const { locale, setLocale } = useI18n();
  // Each button is labelled in its own language, so either reader finds theirs.
  return (
    <div className="lang-switch" role="group" aria-label="언어 / Language">
      <button type="button" lang="ko" aria-pressed={locale === 'ko'} onClick={() => setLocale('ko')} data-testid="lang-ko">
        한국어
      </button>
      <button type="button" lang="en" aria-pressed={locale === 'en'} onClick={() => setLocale('en')} data-testid="lang-en">
        English
      </button>
    </div>
  );
}
