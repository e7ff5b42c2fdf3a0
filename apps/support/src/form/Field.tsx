// One labelled form control with its hint and error, wired for screen readers: the control gets
// `aria-describedby` (hint, error), `aria-invalid` and `aria-required` from here.
import type { ReactNode } from 'react';
import { useI18n } from '../locale';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

/** DOM ids from a dotted error path ("contact.email" → "in-contact-email"). */
export const controlId = (path: string) => `in-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function describedBy(path: string, hasHint: boolean, hasError: boolean, extra?: string): string | undefined {
  const id = controlId(path);
  const ids = [hasHint && `${id}-hint`, extra, hasError && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function RequiredMark({ required }: { required?: boolean }) {
  const { t } = useI18n();
  return required ? <span className="req">({t('app.required')})</span> : null;
}

/** `live` announces the error as it appears (for errors that show up without a submit). */
export function FieldError({ path, error, live }: { path: string; error?: string; live?: boolean }) {
  const { pick } = useI18n();
  if (!error) return null;
  return (
    <p id={`${controlId(path)}-error`} className="field-error" data-testid={`field-error-${path}`} role={live ? 'alert' : undefined}>
      {pick(error)}
    </p>
  );
}

export function FieldHint({ path, hint }: { path: string; hint?: string }) {
  return hint ? (
    <p id={`${controlId(path)}-hint`} className="hint">
      {hint}
    </p>
  ) : null;
}

interface FieldProps {
  /** Dotted path the contract reports errors under ("description", "fields.orderNumber"). */
  path: string;
  label: ReactNode;
  hint?: string;
  /** Bilingual message. */
  error?: string;
  required?: boolean;
  /** Extra element id to describe the control with (a unit, a note). */
  describe?: string;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ path, label, hint, error, required, describe, children }: FieldProps) {
  const id = controlId(path);
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label} <RequiredMark required={required} />
      </label>
      <FieldHint path={path} hint={hint} />
      {children({
        id,
        'aria-describedby': describedBy(path, !!hint, !!error, describe),
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      <FieldError path={path} error={error} />
    </div>
  );
}

/** A message that is announced as it appears: failures that are not about one field. */
export function Alert({ messages, testId, children }: { messages: string[]; testId?: string; children?: ReactNode }) {
  const { pick } = useI18n();
  return (
    <div className="alert" role="alert" data-testid={testId}>
      {messages.map((m) => (
        <p key={m}>{pick(m)}</p>
      ))}
      {children}
    </div>
  );
}
