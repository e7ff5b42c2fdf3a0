// The new-ticket screen (`/support/`): loads the form info, runs the two steps, validates with the
// contract's `validatePublicTicket` (the same code as the server), sends, and confirms.
import { useCallback, useEffect, useRef, useState } from 'react';
import { validatePublicTicket, type PublicFormInfo, type PublicTicketCreated } from '@shopdesk/contracts/public';
import { api, newIdempotencyKey, toApiError } from '../api';
import { attachmentProblem } from '../attachments';
import { bilingual } from '../i18n';
import { useI18n } from '../locale';
import { Confirmation } from './Confirmation';
import { DetailsStep } from './DetailsStep';
import { Alert } from './Field';
import { SituationStep } from './SituationStep';
import { buildTicketInput, emptyTicketDraft, inlineErrorPaths, situationKey, splitErrors, type TicketDraft } from './ticket-draft';

type Step = 'situation' | 'details';
type FocusTarget = 'heading' | 'invalid';

export function TicketForm() {
  const { locale, t } = useI18n();
  const [info, setInfo] = useState<PublicFormInfo | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [step, setStep] = useState<Step>('situation');
  const [draft, setDraft] = useState<TicketDraft>(emptyTicketDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<{ messages: string[]; seq: number } | null>(null);
  const [sending, setSending] = useState(false);
  // One key per filled form: a second tap or a retry after a dropped connection replays, not duplicates.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [created, setCreated] = useState<PublicTicketCreated | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<FocusTarget | null>(null);
  const sendingRef = useRef(false);

  const load = useCallback(() => {
    setLoadFailed(false);
    api.getForm().then(setInfo, () => setLoadFailed(true));
  }, []);
  useEffect(load, [load]);

  // Focus moves after the render that shows the new step or the errors.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    if (target === 'heading') headingRef.current?.focus();
    else containerRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });

  const situation = info?.situations.find((s) => situationKey(s) === draft.situationKey) ?? null;

  const update = (path: string, patch: Partial<TicketDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (errors[path]) {
      setErrors(({ [path]: _, ...rest }) => rest);
    }
  };

  const goTo = (next: Step) => {
    setStep(next);
    setAlert(null);
    pendingFocus.current = 'heading';
  };

  const next = () => {
    if (!situation) {
      setErrors({ templateKey: bilingual('situation.required') });
      pendingFocus.current = 'invalid';
      return;
    }
    setErrors({});
    goTo('details');
  };

  /** Errors with a path go next to their inputs; the alert counts them and carries the rest. */
  const showErrors = (all: Record<string, string>, extra: string[] = []) => {
    if (!situation) return;
    const { inline, other } = splitErrors(all, inlineErrorPaths(situation));
    const count = Object.keys(inline).length;
    setErrors(inline);
    const messages = [...(count ? [bilingual('form.invalid', { count })] : []), ...other, ...extra];
    setAlert(messages.length ? { messages, seq: Date.now() } : null);
    if (count) pendingFocus.current = 'invalid';
  };

  const submit = async () => {
    if (!info || !situation || sendingRef.current) return;
    const input = buildTicketInput(draft, situation, info, locale);
    const problems = validatePublicTicket(input, situation);
    const fileProblem = attachmentProblem(draft.files, info.attachments);
    if (fileProblem) problems.attachments = fileProblem;
    if (Object.keys(problems).length) return showErrors(problems);

    sendingRef.current = true;
    setSending(true);
    setAlert(null);
    try {
      const result = await api.createTicket(input, draft.files, idempotencyKey);
      setCreated(result);
      setDraft(emptyTicketDraft());
      setErrors({});
      setIdempotencyKey(newIdempotencyKey());
    } catch (e) {
      const error = toApiError(e);
      if (error.status === 422 && error.errors.formToken) {
        // Sent too soon after the form opened, or the form is a day old. Either way a fresh token
        // and another tap fix it, and nothing the customer typed is lost.
        showErrors({}, [bilingual('error.formToken')]);
        api.getForm().then((fresh) => setInfo((current) => current && { ...current, formToken: fresh.formToken }), () => {});
      } else if (error.status === 422 && Object.keys(error.errors).length) showErrors(error.errors);
      else if (error.status === 413) showErrors({ attachments: bilingual('error.tooLarge') });
      // 429 (RATE_LIMITED), network errors and the rest: the message says what to do.
      else showErrors({}, [error.message]);
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  const startOver = () => {
    setCreated(null);
    setStep('situation');
    setAlert(null);
    // A fresh form token: the old one was spent on the ticket just created.
    setInfo(null);
    load();
  };

  if (created) {
    return <Confirmation created={created} onNew={startOver} />;
  }

  return (
    <div ref={containerRef}>
      <h1>{t('form.title')}</h1>
      <p className="intro">{t('form.intro')}</p>
      {loadFailed ? (
        <Alert messages={[bilingual('form.loadError')]}>
          <button type="button" className="secondary" onClick={load}>
            {t('app.retry')}
          </button>
        </Alert>
      ) : !info ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <>
          <p className="step-indicator">{t('form.step', { step: step === 'situation' ? 1 : 2, total: 2 })}</p>
          {step === 'details' && situation ? (
            <DetailsStep
              situation={situation}
              info={info}
              draft={draft}
              update={update}
              errors={errors}
              alert={alert}
              sending={sending}
              onSubmit={submit}
              onBack={() => goTo('situation')}
              headingRef={headingRef}
            />
          ) : (
            <SituationStep
              situations={info.situations}
              selected={draft.situationKey}
              onSelect={(key) => {
                // Errors of the previous situation's fields no longer apply.
                setErrors({});
                setDraft((d) => ({ ...d, situationKey: key }));
              }}
              error={errors.templateKey}
              onNext={next}
              headingRef={headingRef}
            />
          )}
        </>
      )}
    </div>
  );
}
