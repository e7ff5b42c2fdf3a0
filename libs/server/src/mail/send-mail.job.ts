/** Send one stored outbound e-mail over SMTP. */
export const SEND_MAIL = 'send-mail';
export interface SendMailPayload {
  messageId: string;
}
/** Deterministic, so the outbox relay re-adding it after a crash is harmless (BullMQ forbids ':'). */
export const mailJobId = (messageId: string) => `mail-${messageId}`;

/** Tries per mail; the delay doubles after each failure from SMTP_RETRY_DELAY_MS (10 s by default). */
export const SEND_MAIL_ATTEMPTS = 5;
