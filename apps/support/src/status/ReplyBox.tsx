// The customer's reply on the status page: text plus optional files, validated with the contract's
// `validatePublicReply`, sent once per draft (Idempotency-Key).
import { useEffect, useRef, useState } from 'react';
import { ATTACHMENT_RULES, validatePublicReply } from '@shopdesk/contracts/public';
import { api, newIdempotencyKey, toApiError } from '../api';
import { attachmentProblem } from '../attachments';
import { bilingual } from '../i18n';
import { useI18n } from '../locale';
import { AttachmentPicker } from '../form/AttachmentPicker';
import { Alert, Field } from '../form/Field';

interface ReplyBoxProps {
  reference: string;
  token: string;
  onSent: () => void;
  /** The link stopped working (revoked token): show the not-found screen. */
  onLost: () => void;
}

export function ReplyBox({ reference, token, onSent, onLost }: ReplyBoxProps) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useRef(false);

  // After a refused send, focus the first field with an error (once; not while the customer types).
  useEffect(() => {
    if (!focusInvalid.current) return;
    focusInvalid.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });

  const submit = async () => {
    if (sending) return;
    const input = { body: body.trim() };
    const problems = validatePublicReply(input);
    const fileProblem = attachmentProblem(files, ATTACHMENT_RULES);
    if (fileProblem) problems.attachments = fileProblem;
    setErrors(problems);
    setAlert(null);
    focusInvalid.current = true;
    if (Object.keys(problems).length) return;
    setSending(true);
    try {
      await api.reply(reference, token, input, files, idempotencyKey);
      setBody('');
      setFiles([]);
      setIdempotencyKey(newIdempotencyKey());
      onSent();
    } catch (e) {
      const error = toApiError(e);
      if (error.status === 404) return onLost();
      const fileError = Object.entries(error.errors).find(([k]) => k === 'files' || k.startsWith('files.'))?.[1];
      focusInvalid.current = true;
      if (error.status === 422 && (error.errors.body || fileError)) {
        setErrors({ ...(error.errors.body ? { body: error.errors.body } : {}), ...(fileError ? { attachments: fileError } : {}) });
      } else if (error.status === 413) {
        setErrors({ attachments: bilingual('error.tooLarge') });
      } else {
        setAlert(error.message);
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="reply-heading">
      <h2 id="reply-heading">{t('reply.heading')}</h2>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field path="body" label={t('reply.body')} error={errors.body} required>
          {(control) => (
            <textarea
              {...control}
              rows={5}
              maxLength={5000}
              value={body}
              onChange={(e) => {
                setBody(e.target.value);
                if (errors.body) setErrors(({ body: _, ...rest }) => rest);
              }}
              data-testid="reply-body"
            />
          )}
        </Field>
        <AttachmentPicker path="attachments" files={files} onChange={setFiles} rules={ATTACHMENT_RULES} error={errors.attachments} testId="reply-attachments-input" />
        {alert && <Alert messages={[alert]} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={sending} data-testid="reply-submit">
            {sending ? t('submit.sending') : t('reply.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
