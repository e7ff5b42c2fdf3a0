// Step 2: the situation's fields, the description, evidence files, contact details and consent.
import type { Ref } from 'react';
import type { PublicFormInfo, PublicSituation } from '@shopdesk/contracts/public';
import { useI18n } from '../locale';
import { AttachmentPicker } from './AttachmentPicker';
import { Alert, controlId, describedBy, Field, FieldError, RequiredMark } from './Field';
import { FieldInput } from './FieldInput';
import { emptyDraft, formFields, type FieldDraft } from './field-values';
import type { TicketDraft } from './ticket-draft';

interface DetailsStepProps {
  situation: PublicSituation;
  info: PublicFormInfo;
  draft: TicketDraft;
  /** Applies a change and clears the error shown at `path`, if any. */
  update: (path: string, patch: Partial<TicketDraft>) => void;
  errors: Record<string, string>;
  /** Bilingual messages for the form's alert; `seq` re-announces a repeated message. */
  alert: { messages: string[]; seq: number } | null;
  sending: boolean;
  onSubmit: () => void;
  onBack: () => void;
  headingRef: Ref<HTMLHeadingElement>;
}

export function DetailsStep({ situation, info, draft, update, errors, alert, sending, onSubmit, onBack, headingRef }: DetailsStepProps) {
  const { locale, t } = useI18n();
  const fields = formFields(situation.fields);
  const setField = (id: string, value: FieldDraft) => update(`fields.${id}`, { fields: { ...draft.fields, [id]: value } });
  const setContact = (key: keyof TicketDraft['contact'], value: string) =>
    update(`contact.${key}`, { contact: { ...draft.contact, [key]: value } });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2 ref={headingRef} tabIndex={-1}>
        {t('details.heading')}
      </h2>
      <div className="chosen">
        <p>
          <span className="muted">{t('details.chosen')}:</span> <strong>{situation.title[locale]}</strong>
        </p>
        <button type="button" className="link-button" onClick={onBack} data-testid="prev-step">
          {t('nav.prev')}
        </button>
      </div>

      {fields.length > 0 && (
        <section className="form-section" aria-labelledby="sec-fields">
          <h3 id="sec-fields">{t('details.fields')}</h3>
          {fields.map((def) => (
            <FieldInput
              key={def.id}
              def={def}
              draft={draft.fields[def.id] ?? emptyDraft(def)}
              onChange={(value) => setField(def.id, value)}
              error={errors[`fields.${def.id}`]}
            />
          ))}
        </section>
      )}

      <div className="form-section">
        <Field path="description" label={t('details.description')} hint={t('details.descriptionHint')} error={errors.description} required>
          {(control) => (
            <textarea
              {...control}
              rows={6}
              maxLength={5000}
              value={draft.description}
              onChange={(e) => update('description', { description: e.target.value })}
              data-testid="description"
            />
          )}
        </Field>
        <AttachmentPicker
          path="attachments"
          files={draft.files}
          onChange={(files) => update('attachments', { files })}
          rules={info.attachments}
          error={errors.attachments}
          testId="attachments-input"
        />
      </div>

      <section className="form-section" aria-labelledby="sec-contact">
        <h3 id="sec-contact">{t('contact.heading')}</h3>
        <p className="hint">{t('contact.hint')}</p>
        <Field path="contact.name" label={t('contact.name')} error={errors['contact.name']} required>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="name"
              maxLength={100}
              value={draft.contact.name}
              onChange={(e) => setContact('name', e.target.value)}
              data-testid="contact-name"
            />
          )}
        </Field>
        <Field path="contact.email" label={t('contact.email')} error={errors['contact.email']} required>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="email"
              spellCheck={false}
              maxLength={254}
              value={draft.contact.email}
              onChange={(e) => setContact('email', e.target.value)}
              data-testid="contact-email"
            />
          )}
        </Field>
        <Field path="contact.phone" label={t('contact.phone')} hint={t('contact.phoneHint')} error={errors['contact.phone']}>
          {(control) => (
            <input
              {...control}
              type="tel"
              autoComplete="tel"
              maxLength={20}
              value={draft.contact.phone}
              onChange={(e) => setContact('phone', e.target.value)}
              data-testid="contact-phone"
            />
          )}
        </Field>
        {/* Honeypot: off-screen, hidden from assistive technology and the tab order; people leave it empty. */}
        <div className="hp" aria-hidden="true">
          <label htmlFor="website">{t('honeypot.label')}</label>
          <input
            id="website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            aria-hidden="true"
            value={draft.website}
            onChange={(e) => update('website', { website: e.target.value })}
          />
        </div>
      </section>

      <PrivacyConsent checked={draft.privacyConsent} onChange={(privacyConsent) => update('privacyConsent', { privacyConsent })} error={errors.privacyConsent} />

      {alert && <Alert key={alert.seq} messages={alert.messages} testId="form-error" />}
      <div className="actions">
        <button type="submit" className="primary" disabled={sending} data-testid="submit">
          {sending ? t('submit.sending') : t('submit.send')}
        </button>
      </div>
    </form>
  );
}

/** 개인정보 수집·이용 동의: what is collected, why, for how long, and that refusing is allowed. */
function PrivacyConsent({ checked, onChange, error }: { checked: boolean; onChange: (checked: boolean) => void; error?: string }) {
  const { t } = useI18n();
  const path = 'privacyConsent';
  const id = controlId(path);
  return (
    <section className="form-section privacy" aria-labelledby="sec-privacy">
      <h3 id="sec-privacy">
        {t('privacy.heading')} <RequiredMark required />
      </h3>
      <dl className="privacy-notice">
        <dt>{t('privacy.itemsLabel')}</dt>
        <dd>{t('privacy.items')}</dd>
        <dt>{t('privacy.purposeLabel')}</dt>
        <dd>{t('privacy.purpose')}</dd>
        <dt>{t('privacy.retentionLabel')}</dt>
        <dd>{t('privacy.retention')}</dd>
      </dl>
      <p id="privacy-refuse" className="hint">
        {t('privacy.refuse')}
      </p>
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={describedBy(path, false, !!error, 'privacy-refuse')}
          aria-invalid={error ? true : undefined}
          aria-required="true"
          data-testid="privacy-consent"
        />
        <label htmlFor={id}>
          {t('privacy.agree')} <RequiredMark required />
        </label>
      </div>
      <FieldError path={path} error={error} />
    </section>
  );
}
