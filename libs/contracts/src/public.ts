// The customer-facing contract: the public support form (`apps/support`) and the API
// (`/public/*`) validate with this same code, so a customer sees the server's rules before
// submitting. Kept free of zod/MUI so the support bundle stays small.
import { fieldValueError, isEmptyValue } from './scenario-fields';
import type { FieldDef, Localized } from './scenarios';
import { TICKET_TYPES, type MessageKind, type TicketStatus, type TicketType } from './tickets';

export const PUBLIC_LOCALES = ['ko', 'en'] as const;
export type PublicLocale = (typeof PUBLIC_LOCALES)[number];

/** Upload rules shared by the form and the API (type is checked by content on the server). */
export const ATTACHMENT_RULES = {
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 25 * 1024 * 1024,
  maxFiles: 5,
  /** Content types accepted after sniffing the bytes. */
  contentTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'application/pdf'],
} as const;

/** One situation on the form's first step: a template, or "something else" for a ticket type. */
export interface PublicSituation {
  /** Template key, or null for "something else" of `type`. */
  templateKey: string | null;
  type: TicketType;
  title: Localized;
  /** Customer-fillable fields of the template (agent-only fields never leave the server). */
  fields: FieldDef[];
}

/** `GET /public/form` */
export interface PublicFormInfo {
  situations: PublicSituation[];
  attachments: typeof ATTACHMENT_RULES;
  /** Signed proof of when the form was opened; send it back as `formToken`. */
  formToken: string;
  /** The form is refused when submitted sooner than this after `formToken` was issued. */
  minFillMs: number;
  /** Days after resolution during which the customer may still reopen. */
  reopenDays: number;
}

/** Body of `POST /public/tickets` (JSON, or the `payload` part of multipart/form-data). */
export interface PublicTicketInput {
  templateKey: string | null;
  type: TicketType;
  locale: PublicLocale;
  /** Values of the template's customer-fillable fields, by field id. */
  fields: Record<string, unknown>;
  description: string;
  contact: { name: string; email: string; phone?: string | null };
  /** 개인정보 수집·이용 동의 — must be true. */
  privacyConsent: boolean;
  formToken: string;
  /** Honeypot: a hidden input people never fill. Must be empty or absent. */
  website?: string;
}

/** `201` answer of `POST /public/tickets` (replayed as-is for the same `Idempotency-Key`). */
export interface PublicTicketCreated {
  reference: string;
  /** `/support/t/<reference>#<token>` on the configured public base URL. */
  statusUrl: string;
  token: string;
  status: TicketStatus;
  locale: PublicLocale;
  /** When the first reply is promised (SLA first-reply target), or null without SLA. */
  firstReplyDueAt: string | null;
  attachments: PublicAttachment[];
}

export interface PublicAttachment {
  id: string;
  filename: string;
  size: number;
  contentType: string;
  createdAt: string;
}

/** An attachment as agents see it (`GET /tickets/:id/attachments`). */
export interface AttachmentRecord extends PublicAttachment {
  ticketId: string;
  /** The customer message it came with; null for the form's opening description. */
  messageId: string | null;
  uploadedBy: 'customer' | 'agent';
}

export interface PublicMessage {
  id: string;
  /** `customer_message` or `public_reply` only; internal notes never reach the customer API. */
  kind: Extract<MessageKind, 'customer_message' | 'public_reply'>;
  authorName: string;
  body: string;
  createdAt: string;
  attachments: PublicAttachment[];
}

/** `GET /public/tickets/:reference` with header `X-Ticket-Token`. */
export interface PublicTicketView {
  reference: string;
  type: TicketType;
  status: TicketStatus;
  subject: string;
  locale: PublicLocale;
  situation: Localized | null;
  createdAt: string;
  resolvedAt: string | null;
  firstReplyDueAt: string | null;
  /** Deadlines that concern the customer (label and due time), from the applied template. */
  deadlines: { id: string; label: Localized; dueAt: string }[];
  resolution: { code: string; label: Localized } | null;
  messages: PublicMessage[];
  /** What the customer may do now. */
  can: { reply: boolean; confirm: boolean; reopen: boolean };
  /** Last moment a resolved ticket may be reopened, or null. */
  reopenUntil: string | null;
}

/** Body of `POST /public/tickets/:reference/messages` (JSON or the `payload` part of multipart). */
export interface PublicReplyInput {
  body: string;
}

/** Body of `POST /public/links` ("lost my link"): always answered 202 with the same text. */
export interface PublicLinkRequest {
  email: string;
  reference?: string | null;
  locale?: PublicLocale;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{6,19}$/;
export const REFERENCE_PATTERN = /^SD-\d{6,}$/;

export const isEmail = (s: unknown): s is string => typeof s === 'string' && s.length <= 254 && EMAIL.test(s);

/** Errors are bilingual, Korean first, keyed by the dotted field path. */
export type FieldErrors = Record<string, string>;

/** A user-facing message: Korean first, English second (clients show the part for their locale). */
export const bilingual = (ko: string, en: string): string => `${ko} / ${en}`;
const msg = bilingual;

/**
 * Checks a form submission against the chosen situation. Returns `{}` when valid.
 * `situation` is null when `templateKey` does not name an offered situation (reported on `templateKey`).
 */
export function validatePublicTicket(input: unknown, situation: PublicSituation | null): FieldErrors {
  const errors: FieldErrors = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { body: msg('요청 본문은 JSON 객체여야 합니다', 'the body must be a JSON object') };
  }
  const b = input as Record<string, unknown>;
  const allowed = ['templateKey', 'type', 'locale', 'fields', 'description', 'contact', 'privacyConsent', 'formToken', 'website'];
  for (const key of Object.keys(b)) {
    if (!allowed.includes(key)) errors[key] = msg('알 수 없는 항목입니다', 'is not a known field');
  }
  if (!TICKET_TYPES.includes(b.type as TicketType)) {
    errors.type = msg(`다음 중 하나여야 합니다: ${TICKET_TYPES.join(', ')}`, `must be one of ${TICKET_TYPES.join(', ')}`);
  }
  if (b.templateKey !== null && b.templateKey !== undefined && typeof b.templateKey !== 'string') {
    errors.templateKey = msg('문자열이거나 null이어야 합니다', 'must be a string or null');
  } else if (!situation) {
    errors.templateKey = msg('선택할 수 있는 상황이 아닙니다', 'is not one of the offered situations');
  } else if (!errors.type && situation.type !== b.type) {
    errors.type = msg(`선택한 상황에 맞는 유형(${situation.type})이어야 합니다`, `must be ${situation.type} for this situation`);
  }
  if (!PUBLIC_LOCALES.includes(b.locale as PublicLocale)) errors.locale = msg('ko 또는 en이어야 합니다', 'must be ko or en');

  if (typeof b.description !== 'string' || b.description.trim().length < 5) {
    errors.description = msg('무슨 일이 있었는지 5자 이상 적어 주세요', 'Please describe what happened in at least 5 characters');
  } else if (b.description.length > 5_000) {
    errors.description = msg('5,000자 이하로 적어 주세요', 'must be at most 5,000 characters');
  }

  const c = b.contact;
  if (typeof c !== 'object' || c === null || Array.isArray(c)) {
    errors.contact = msg('이름과 이메일을 입력해 주세요', 'name and e-mail are required');
  } else {
    const contact = c as Record<string, unknown>;
    for (const key of Object.keys(contact)) {
      if (!['name', 'email', 'phone'].includes(key)) errors[`contact.${key}`] = msg('알 수 없는 항목입니다', 'is not a known field');
    }
    if (typeof contact.name !== 'string' || contact.name.trim().length < 1) {
      errors['contact.name'] = msg('이름을 입력해 주세요', 'Please enter your name');
    } else if (contact.name.length > 100) {
      errors['contact.name'] = msg('100자 이하로 입력해 주세요', 'must be at most 100 characters');
    }
    if (!isEmail(contact.email)) errors['contact.email'] = msg('올바른 이메일 주소를 입력해 주세요', 'Please enter a valid e-mail address');
    if (contact.phone !== undefined && contact.phone !== null && contact.phone !== '' && !(typeof contact.phone === 'string' && PHONE.test(contact.phone))) {
      errors['contact.phone'] = msg('010-1234-5678 형식으로 입력해 주세요', 'Please enter a phone number like 010-1234-5678');
    }
  }

  if (b.privacyConsent !== true) {
    errors.privacyConsent = msg('개인정보 수집·이용에 동의해야 접수할 수 있습니다', 'Please agree to the collection and use of personal information');
  }
  if (typeof b.formToken !== 'string' || b.formToken.length < 10 || b.formToken.length > 200) {
    errors.formToken = msg('양식을 새로 열어 주세요', 'is missing; reload the form');
  }
  if (b.website !== undefined && typeof b.website !== 'string') errors.website = msg('문자열이어야 합니다', 'must be a string');

  const fields = b.fields ?? {};
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    errors.fields = msg('객체여야 합니다', 'must be an object');
  } else if (situation) {
    const values = fields as Record<string, unknown>;
    const defs = new Map(situation.fields.map((f) => [f.id, f]));
    for (const key of Object.keys(values)) {
      if (!defs.has(key)) errors[`fields.${key}`] = msg('이 상황에서 받는 항목이 아닙니다', 'is not a field of this situation');
    }
    for (const def of situation.fields) {
      const value = values[def.id];
      // Evidence is uploaded as files, not typed in; it is never required on the form.
      if (def.type === 'evidence') {
        if (!isEmptyValue(value)) errors[`fields.${def.id}`] = msg('파일은 첨부로 올려 주세요', 'attach files instead');
        continue;
      }
      if (isEmptyValue(value)) {
        if (def.required) errors[`fields.${def.id}`] = msg(`'${def.label.ko}' 항목을 입력해 주세요`, `Please fill in ${def.label.en}`);
        continue;
      }
      const problem = fieldValueError(def, value);
      if (problem) {
        // A raw regular expression means nothing to a customer: say "format" instead.
        const en = problem.startsWith('must match ') ? 'has the wrong format' : problem;
        errors[`fields.${def.id}`] = msg(`'${def.label.ko}' 항목의 형식이나 값을 확인해 주세요`, `${def.label.en} ${en}`);
      }
    }
  }
  return errors;
}

/** Checks a customer reply body. */
export function validatePublicReply(input: unknown): FieldErrors {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { body: msg('요청 본문은 JSON 객체여야 합니다', 'the body must be a JSON object') };
  }
  const b = input as Record<string, unknown>;
  const errors: FieldErrors = {};
  for (const key of Object.keys(b)) if (key !== 'body') errors[key] = msg('알 수 없는 항목입니다', 'is not a known field');
  if (typeof b.body !== 'string' || b.body.trim().length < 1) errors.body = msg('내용을 입력해 주세요', 'body is required');
  else if (b.body.length > 5_000) errors.body = msg('5,000자 이하로 적어 주세요', 'must be at most 5,000 characters');
  return errors;
}
