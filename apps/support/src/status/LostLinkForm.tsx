// "Lost my link": asks the API to e-mail the status link again. The answer is the same whether or
// not anything matched, so the confirmation is worded neutrally too.
import { useEffect, useRef, useState } from 'react';
import { isEmail, REFERENCE_PATTERN } from '@shopdesk/contracts/public';
import { api, toApiError } from '../api';
import { bilingual } from '../i18n';
import { useI18n } from '../locale';
import { Alert, Field } from '../form/Field';

export function LostLinkForm({ initialReference = '' }: { initialReference?: string }) {
  const { locale, t } = useI18n();
  const [email, setEmail] = useState('');
  const [reference, setReference] = useState(initialReference);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  useEffect(() => {
    if (Object.keys(errors).length) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  if (done) {
    return (
      <p ref={doneRef} tabIndex={-1} role="status" className="notice" data-testid="lost-link-done">
        {t('lost.done')}
      </p>
    );
  }

  const submit = async () => {
    if (sending) return;
    const ref = reference.trim().toUpperCase();
    const problems: Record<string, string> = {};
    if (!isEmail(email.trim())) problems['lost.email'] = bilingual('lost.emailInvalid');
    if (ref && !REFERENCE_PATTERN.test(ref)) problems['lost.reference'] = bilingual('lost.referenceInvalid');
    setErrors(problems);
    setAlert(null);
    if (Object.keys(problems).length) return;
    setSending(true);
    try {
      await api.requestLink({ email: email.trim(), reference: ref || null, locale });
      setDone(true);
    } catch (e) {
      const error = toApiError(e);
      if (error.status === 422 && error.errors.email) setErrors({ 'lost.email': error.errors.email });
      else if (error.status === 422 && error.errors.reference) setErrors({ 'lost.reference': error.errors.reference });
      else setAlert(error.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      ref={formRef}
      className="lost-link"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field path="lost.email" label={t('lost.email')} error={errors['lost.email']} required>
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="email"
            spellCheck={false}
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="lost-link-email"
          />
        )}
      </Field>
      <Field
        path="lost.reference"
        label={
          <>
            {t('done.reference')} <span className="opt">({t('app.optional')})</span>
          </>
        }
        hint={t('lost.referenceHint')}
        error={errors['lost.reference']}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            data-testid="lost-link-reference"
          />
        )}
      </Field>
      {alert && <Alert messages={[alert]} />}
      <div className="actions">
        <button type="submit" className="secondary" disabled={sending} data-testid="lost-link-submit">
          {sending ? t('submit.sending') : t('lost.submit')}
        </button>
      </div>
    </form>
  );
}
