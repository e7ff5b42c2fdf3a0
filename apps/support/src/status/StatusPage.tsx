// The private status page (`/support/t/<reference>#<token>`): the ticket as the customer may see
// it, the conversation, and what they can do now (reply, confirm the fix, reopen).
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { REFERENCE_PATTERN, type PublicTicketView } from '@shopdesk/contracts/public';
import { api, toApiError, type ApiError } from '../api';
import type { MessageKey } from '../i18n';
import { formatKst } from '../format';
import { useI18n } from '../locale';
import { Alert } from '../form/Field';
import { LostLinkForm } from './LostLinkForm';
import { ReplyBox } from './ReplyBox';
import { TicketThread } from './TicketThread';
import { takeTicketToken } from './ticket-token';

type PageState =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; view: PublicTicketView };

/** 401/403/404 all look the same to the customer: whether the reference exists is never revealed. */
const isLinkProblem = (e: ApiError) => e.status === 404 || e.status === 401 || e.status === 403;

export function StatusPage({ reference }: { reference: string }) {
  const { t } = useI18n();
  const [token, setToken] = useState(() => (REFERENCE_PATTERN.test(reference) ? takeTicketToken(reference) : null));
  const [state, setState] = useState<PageState>(token ? { kind: 'loading' } : { kind: 'not-found' });
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);

  // After confirm/reopen the pressed button may be gone: put focus back at the top of the ticket.
  useEffect(() => {
    if (!focusHeading.current) return;
    focusHeading.current = false;
    headingRef.current?.focus();
  });

  const load = useCallback(async () => {
    if (!token) return setState({ kind: 'not-found' });
    try {
      setState({ kind: 'ready', view: await api.getTicket(reference, token) });
    } catch (e) {
      const error = toApiError(e);
      if (isLinkProblem(error)) setState({ kind: 'not-found' });
      else setState({ kind: 'failed', message: error.message });
    }
  }, [reference, token]);

  useEffect(() => {
    void load();
  }, [load]);

  // Opening another link to the same ticket only changes the fragment: no page load happens.
  useEffect(() => {
    const onHash = () => {
      if (window.location.hash.length > 1) setToken(takeTicketToken(reference));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [reference]);

  const announce = (key: MessageKey) => {
    // Cleared first so the same sentence twice is announced twice.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(t(key)), 50);
  };

  let content;
  if (state.kind === 'not-found') {
    content = <NotFound reference={REFERENCE_PATTERN.test(reference) ? reference : ''} />;
  } else if (state.kind === 'loading') {
    content = <p role="status">{t('app.loading')}</p>;
  } else if (state.kind === 'failed') {
    content = (
      <Alert messages={[state.message]}>
        <button type="button" className="secondary" onClick={() => void load()}>
          {t('app.retry')}
        </button>
      </Alert>
    );
  } else {
    content = (
      <TicketStatus
        view={state.view}
        token={token!}
        headingRef={headingRef}
        onChange={(view, key) => {
          focusHeading.current = true;
          setState({ kind: 'ready', view });
          announce(key);
        }}
        onReplySent={async () => {
          await load();
          announce('reply.sent');
        }}
        onLost={() => setState({ kind: 'not-found' })}
      />
    );
  }

  return (
    <>
      {content}
      <div className="sr-only" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}

function NotFound({ reference }: { reference: string }) {
  const { t } = useI18n();
  return (
    <section data-testid="not-found" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <div className="panel">
        <h2>{t('lost.heading')}</h2>
        <LostLinkForm initialReference={reference} />
      </div>
      <p>
        <a href={import.meta.env.BASE_URL}>{t('done.new')}</a>
      </p>
    </section>
  );
}

interface TicketStatusProps {
  view: PublicTicketView;
  token: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onChange: (view: PublicTicketView, announcement: MessageKey) => void;
  onReplySent: () => Promise<void>;
  onLost: () => void;
}

function TicketStatus({ view, token, headingRef, onChange, onReplySent, onLost }: TicketStatusProps) {
  const { locale, t } = useI18n();
  const noReplyYet = !view.messages.some((m) => m.kind === 'public_reply');
  const showFirstReplyDue = view.firstReplyDueAt && noReplyYet && (view.status === 'new' || view.status === 'open');

  return (
    <div data-testid="status-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('status.heading')}
      </h1>
      <dl className="summary">
        <div>
          <dt>{t('done.reference')}</dt>
          <dd className="reference-inline" data-testid="status-reference">
            {view.reference}
          </dd>
        </div>
        <div>
          <dt>{t('status.situation')}</dt>
          <dd>{view.situation?.[locale] ?? view.subject}</dd>
        </div>
        <div>
          <dt>{t('status.current')}</dt>
          <dd>
            <span className={`badge status-${view.status}`} data-testid="status-label" data-status={view.status}>
              {t(`status.label.${view.status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('status.createdAt')}</dt>
          <dd>
            <time dateTime={view.createdAt}>{formatKst(view.createdAt, locale)}</time>
          </dd>
        </div>
        {view.resolution && (
          <div>
            <dt>{t('status.resolution')}</dt>
            <dd data-testid="status-resolution">{view.resolution.label[locale]}</dd>
          </div>
        )}
      </dl>

      {(showFirstReplyDue || view.deadlines.length > 0) && (
        <section className="panel" aria-labelledby="dates-heading">
          <h2 id="dates-heading">{t('status.dates')}</h2>
          <dl className="dates">
            {showFirstReplyDue && (
              <div>
                <dt>{t('status.firstReplyDue')}</dt>
                <dd>
                  <time dateTime={view.firstReplyDueAt!}>{formatKst(view.firstReplyDueAt!, locale)}</time>
                </dd>
              </div>
            )}
            {view.deadlines.map((d) => (
              <div key={d.id} data-testid="status-deadline">
                <dt>{d.label[locale]}</dt>
                <dd>
                  <time dateTime={d.dueAt}>{formatKst(d.dueAt, locale)}</time>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading">{t('status.thread')}</h2>
        <TicketThread reference={view.reference} token={token} messages={view.messages} />
      </section>

      {(view.can.confirm || view.can.reopen) && <ResolutionActions view={view} token={token} onChange={onChange} onLost={onLost} />}

      {view.can.reply && <ReplyBox reference={view.reference} token={token} onSent={() => void onReplySent()} onLost={onLost} />}

      {view.status === 'closed' && !view.can.reopen && (
        <p className="notice">
          {t('status.closedNote')} <a href={import.meta.env.BASE_URL}>{t('done.new')}</a>
        </p>
      )}
    </div>
  );
}

function ResolutionActions({ view, token, onChange, onLost }: Omit<TicketStatusProps, 'onReplySent' | 'headingRef'>) {
  const { locale, t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  const act = async (action: 'confirm' | 'reopen') => {
    setBusy(true);
    setAlert(null);
    try {
      const next = await (action === 'confirm' ? api.confirm(view.reference, token) : api.reopen(view.reference, token));
      onChange(next, action === 'confirm' ? 'resolve.confirmed' : 'resolve.reopened');
    } catch (e) {
      const error = toApiError(e);
      if (isLinkProblem(error)) return onLost();
      setAlert(error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="resolve-heading">
      <h2 id="resolve-heading">
        {t('resolve.heading')}
      </h2>
      {view.can.reopen && view.reopenUntil && <p>{t('resolve.reopenUntil', { until: formatKst(view.reopenUntil, locale) })}</p>}
      <div className="actions">
        {view.can.confirm && (
          <button type="button" className="primary" disabled={busy} onClick={() => void act('confirm')} data-testid="confirm-resolution">
            {t('resolve.confirm')}
          </button>
        )}
        {view.can.reopen && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void act('reopen')} data-testid="reopen-ticket">
            {t('resolve.reopen')}
          </button>
        )}
      </div>
      {alert && <Alert messages={[alert]} />}
    </section>
  );
}
