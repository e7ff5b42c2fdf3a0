import type { ChipProps } from '@mui/material';
import { STATUS_URL_PLACEHOLDER, type OutboundMessageRecord } from '@shopdesk/contracts/mail';

// Pure helpers of the "발송 메일" section (unit-tested in mail-format.spec.ts).

/** The reason the worker stores when no SMTP server is configured. */
export const NO_SMTP_REASON = 'no SMTP';

/** Queued mails still change on their own (the worker): the section polls while any is present. */
export const hasQueuedMail = (records: Pick<OutboundMessageRecord, 'status'>[] | undefined) =>
  !!records?.some((r) => r.status === 'queued');

/** The chip's translation key: "미발송: SMTP 없음" is its own label, other reasons show beside the chip. */
export function mailStatusKey(m: Pick<OutboundMessageRecord, 'status' | 'statusReason'>): string {
  if (m.status === 'not_sent' && m.statusReason === NO_SMTP_REASON) return 'shopdesk.mail.status.not_sent_no_smtp';
  return `shopdesk.mail.status.${m.status}`;
}

/** Sent green, failed red, not sent amber, queued blue. */
export function mailStatusColor(status: OutboundMessageRecord['status'] | string): NonNullable<ChipProps['color']> {
  switch (status) {
    case 'sent':
      return 'success';
    case 'failed':
      return 'error';
    case 'not_sent':
      return 'warning';
    default:
      return 'info';
  }
}

/** The stored body as agents read it: the private link (minted at send time, never stored) as a label. */
export const displayMailBody = (body: string, privateLinkLabel: string) => body.split(STATUS_URL_PLACEHOLDER).join(privateLinkLabel);
