// Outbound e-mail as the API and the admin see it (`GET /tickets/:id/outbound-messages`).

export const OUTBOUND_MAIL_KINDS = ['confirmation', 'agent_reply', 'resolution', 'sla_escalation', 'access_link'] as const;
export type OutboundMailKind = (typeof OUTBOUND_MAIL_KINDS)[number];

/** queued → sent | failed (after the last retry); not_sent when no SMTP server is configured. */
export const OUTBOUND_MAIL_STATUSES = ['queued', 'sent', 'failed', 'not_sent'] as const;
export type OutboundMailStatus = (typeof OUTBOUND_MAIL_STATUSES)[number];

export const MAIL_LOCALES = ['ko', 'en'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

/**
 * Stored bodies carry this placeholder where the customer's private status link goes: the link
 * holds a secret token, minted only when the mail is sent and never stored in clear.
 */
export const STATUS_URL_PLACEHOLDER = '{{statusUrl}}';

export interface OutboundMessageRecord {
  id: string;
  kind: OutboundMailKind;
  to: string;
  locale: MailLocale;
  subject: string;
  /** Plain text as stored, with `{{statusUrl}}` in place of the private link. */
  body: string;
  status: OutboundMailStatus;
  /** Why a mail was not sent (e.g. `no SMTP`). */
  statusReason: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
