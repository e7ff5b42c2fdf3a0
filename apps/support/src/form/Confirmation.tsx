// After a successful submit: the reference, when to expect a reply, and the private status link.
import { useEffect, useRef, useState } from 'react';
import type { PublicTicketCreated } from '@shopdesk/contracts/public';
import { formatKst } from '../format';
import { useI18n } from '../locale';

export function Confirmation({ created, onNew }: { created: PublicTicketCreated; onNew: () => void }) {
  const { locale, t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const [copyNote, setCopyNote] = useState('');

  useEffect(() => headingRef.current?.focus(), []);

  const copy = async () => {
    let ok = false;
    try {
      await navigator.clipboard.writeText(created.statusUrl);
      ok = true;
    } catch {
      // No clipboard API (older browsers, insecure origin): copy from the selected field instead.
      urlRef.current?.select();
      ok = document.execCommand?.('copy') ?? false;
    }
    setCopyNote(t(ok ? 'done.copied' : 'done.copyFailed'));
  };

  return (
    <section className="confirmation" data-testid="confirmation" aria-labelledby="done-heading">
      <h1 id="done-heading" ref={headingRef} tabIndex={-1}>
        {t('done.heading')}
      </h1>
      <p className="reference-label">{t('done.reference')}</p>
      <p className="reference" data-testid="confirmation-reference">
        {created.reference}
      </p>
      <p data-testid="first-reply-due">
        {created.firstReplyDueAt ? t('done.firstReply', { due: formatKst(created.firstReplyDueAt, locale) }) : t('done.firstReplyGeneric')}
      </p>

      <div className="panel">
        <h2>{t('done.linkHeading')}</h2>
        <p>{t('done.linkNote')}</p>
        <label htmlFor="status-url" className="label">
          {t('done.linkAddress')}
        </label>
        <input id="status-url" ref={urlRef} type="text" readOnly value={created.statusUrl} onFocus={(e) => e.target.select()} />
        <div className="actions">
          <a className="button primary" href={created.statusUrl} data-testid="confirmation-status-link">
            {t('done.open')}
          </a>
          <button type="button" className="secondary" onClick={copy} data-testid="copy-status-link">
            {t('done.copy')}
          </button>
        </div>
        <p className="note" aria-live="polite">
          {copyNote}
        </p>
      </div>

      <p>
        <button type="button" className="link-button" onClick={onNew}>
          {t('done.new')}
        </button>
      </p>
    </section>
  );
}
