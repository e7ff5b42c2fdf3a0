// The conversation, oldest first: the customer's messages and the agents' public replies.
import { useState } from 'react';
import type { PublicAttachment, PublicMessage } from '@shopdesk/contracts/public';
import { api } from '../api';
import { formatFileSize, formatKst } from '../format';
import { useI18n } from '../locale';

interface TicketThreadProps {
  reference: string;
  token: string;
  messages: PublicMessage[];
}

export function TicketThread({ reference, token, messages }: TicketThreadProps) {
  const { locale, t } = useI18n();
  const ordered = [...messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return (
    <ol className="thread">
      {ordered.map((m) => (
        <li key={m.id} className={`message ${m.kind}`} data-testid="thread-message" data-kind={m.kind}>
          <p className="message-meta">
            <span className="author">{m.authorName}</span> <span className="kind">· {t(`status.kind.${m.kind}`)}</span>
            <br />
            <time dateTime={m.createdAt}>{formatKst(m.createdAt, locale)}</time>
          </p>
          <p className="message-body">{m.body}</p>
          {m.attachments.length > 0 && <AttachmentList reference={reference} token={token} attachments={m.attachments} />}
        </li>
      ))}
    </ol>
  );
}

/** Attachment downloads need the token header, so they are fetched and handed over as blob URLs. */
function AttachmentList({ reference, token, attachments }: { reference: string; token: string; attachments: PublicAttachment[] }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const download = async (a: PublicAttachment) => {
    setBusy(a.id);
    setFailed(false);
    try {
      const blob = await api.downloadAttachment(reference, token, a.id);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = a.filename;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later: some browsers read the URL after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="attachments">
      <p className="attachments-title">{t('status.attachments')}</p>
      <ul>
        {attachments.map((a) => (
          <li key={a.id}>
            <button type="button" className="link-button" onClick={() => void download(a)} disabled={busy === a.id} data-testid="attachment-download">
              {a.filename}
            </button>{' '}
            <span className="file-size">({formatFileSize(a.size)})</span>
          </li>
        ))}
      </ul>
      {failed && (
        <p className="field-error" role="alert">
          {t('status.downloadFailed')}
        </p>
      )}
    </div>
  );
}
