// The new-ticket form's state and how it becomes the `PublicTicketInput` the contract validates.
import type { PublicFormInfo, PublicLocale, PublicSituation, PublicTicketInput } from '@shopdesk/contracts/public';
import { collectFields, formFields, type FieldDraft } from './field-values';

export interface TicketDraft {
  situationKey: string | null;
  /** Drafts by field id; kept when the customer switches situation and comes back. */
  fields: Record<string, FieldDraft>;
  description: string;
  files: File[];
  contact: { name: string; email: string; phone: string };
  privacyConsent: boolean;
  /** Honeypot, see PublicTicketInput.website. */
  website: string;
}

export const emptyTicketDraft = (): TicketDraft => ({
  situationKey: null,
  fields: {},
  description: '',
  files: [],
  contact: { name: '', email: '', phone: '' },
  privacyConsent: false,
  website: '',
});

/** Stable key of a situation; also the suffix of its test id (`situation-<key>`). */
export const situationKey = (s: PublicSituation): string => s.templateKey ?? `other-${s.type}`;

/** Template situations in the server's order, then the "something else" ones. */
export function groupSituations(situations: readonly PublicSituation[]): { templates: PublicSituation[]; other: PublicSituation[] } {
  return {
    templates: situations.filter((s) => s.templateKey !== null),
    other: situations.filter((s) => s.templateKey === null),
  };
}

export function buildTicketInput(draft: TicketDraft, situation: PublicSituation, info: PublicFormInfo, locale: PublicLocale): PublicTicketInput {
  const phone = draft.contact.phone.trim();
  return {
    templateKey: situation.templateKey,
    type: situation.type,
    locale,
    fields: collectFields(situation.fields, draft.fields),
    description: draft.description.trim(),
    contact: { name: draft.contact.name.trim(), email: draft.contact.email.trim(), ...(phone ? { phone } : {}) },
    privacyConsent: draft.privacyConsent,
    formToken: info.formToken,
    website: draft.website,
  };
}

/** Error paths the details step shows next to an input; the rest go to the form's alert. */
export function inlineErrorPaths(situation: PublicSituation): Set<string> {
  return new Set([
    ...formFields(situation.fields).map((f) => `fields.${f.id}`),
    'description',
    'attachments',
    'contact.name',
    'contact.email',
    'contact.phone',
    'privacyConsent',
  ]);
}

/** Splits server/contract errors into inline ones (by path) and the rest (messages for the alert). */
export function splitErrors(errors: Record<string, string>, inline: Set<string>): { inline: Record<string, string>; other: string[] } {
  const out = { inline: {} as Record<string, string>, other: [] as string[] };
  for (const [rawPath, message] of Object.entries(errors)) {
    // The API reports upload problems on the multipart part name ("files", "files.2").
    const path = rawPath === 'files' || rawPath.startsWith('files.') ? 'attachments' : rawPath;
    if (inline.has(path)) out.inline[path] ??= message;
    else if (!out.other.includes(message)) out.other.push(message);
  }
  return out;
}
