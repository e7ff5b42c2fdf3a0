import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { STATUS_URL_PLACEHOLDER } from '@shopdesk/contracts/mail';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { CustomerAccessService } from '../customer-portal/customer-access.service';
import { fillStatusUrl } from './mail-renderer';

export type DeliveryOutcome = 'sent' | 'not_sent' | 'skipped';

/** Why a mail is stored but not sent when no SMTP server is configured (development). */
export const NO_SMTP = 'no SMTP';

/** Advisory-lock namespace: two deliveries of the same mail run one after the other. */
const LOCK_NAMESPACE = 'outbound_messages';

interface StoredMail {
  id: string;
  ticket_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  status: string;
}

/**
 * Outbound e-mail, sending side (worker). One SMTP try per call: the private link is minted now
 * and put into the body, the mail goes out with nodemailer, and the row records the outcome.
 * Temporary failures throw so BullMQ retries with backoff; the last try (or a permanent 5xx
 * refusal) marks the mail failed. A mail that is not `queued` any more is left alone, so duplicate
 * jobs send nothing twice.
 */
@Injectable()
export class MailDeliveryService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailDeliveryService.name);
  private transport: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CustomerAccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  /**
   * Sends mail `id` once. `finalAttempt`: no retry follows, so a failure is final.
   * No transaction is held while SMTP talks (a ticket change must never wait on a mail server):
   * a session advisory lock on one connection serialises deliveries of the same mail instead.
   */
  async deliver(id: string, opts: { finalAttempt: boolean }): Promise<DeliveryOutcome> {
    const qr = this.db.createQueryRunner();
    await qr.connect();
    try {
      await qr.query(`SELECT pg_advisory_lock(hashtext($1), hashtext($2))`, [LOCK_NAMESPACE, id]);
      try {
        return await this.deliverLocked(qr.manager, id, opts);
      } finally {
        await qr.query(`SELECT pg_advisory_unlock(hashtext($1), hashtext($2))`, [LOCK_NAMESPACE, id]);
      }
    } finally {
      await qr.release();
    }
  }

  private async deliverLocked(
    m: import('typeorm').EntityManager,
    id: string,
    opts: { finalAttempt: boolean },
  ): Promise<DeliveryOutcome> {
    const [mail] = (await m.query(
      `SELECT id, ticket_id, to_address, subject, body_text, status FROM outbound_messages WHERE id = $1`,
      [id],
    )) as StoredMail[];
    if (!mail || mail.status !== 'queued') return 'skipped';

    const smtp = this.config.smtp;
    if (!smtp.host) {
      await m.query(`UPDATE outbound_messages SET status = 'not_sent', status_reason = $2 WHERE id = $1`, [id, NO_SMTP]);
      return 'not_sent';
    }

    await m.query(`UPDATE outbound_messages SET attempts = attempts + 1 WHERE id = $1`, [id]);
    try {
      const text = await this.withStatusUrl(m, mail);
      const info = (await this.smtp().sendMail({
        from: smtp.from,
        to: mail.to_address,
        subject: mail.subject,
        text,
        // Korean bodies: one predictable transfer encoding (base64) for subject words and text.
        textEncoding: 'base64',
        headers: { 'X-ShopDesk-Mail-Id': mail.id },
      })) as { messageId?: string };
      await m.query(
        `UPDATE outbound_messages SET status = 'sent', smtp_message_id = $2, sent_at = now(), last_error = NULL, status_reason = NULL WHERE id = $1`,
        [id, info.messageId ?? null],
      );
      return 'sent';
    } catch (err) {
      const permanent = isPermanentRefusal(err);
      const message = describe(err).slice(0, 500);
      const final = opts.finalAttempt || permanent;
      await m.query(`UPDATE outbound_messages SET last_error = $2, status = $3 WHERE id = $1`, [id, message, final ? 'failed' : 'queued']);
      this.logger.warn({ mailId: id, final, err: message }, 'mail not delivered');
      // A 5xx will not change on retry: fail the job now (it stays in the failed set for inspection).
      throw permanent ? new UnrecoverableError(message) : err;
    }
  }

  /** Mints a fresh private link for this mail only; the token is never stored in clear. */
  private async withStatusUrl(m: import('typeorm').EntityManager, mail: StoredMail): Promise<string> {
    if (!mail.body_text.includes(STATUS_URL_PLACEHOLDER)) return mail.body_text;
    if (!mail.ticket_id) throw new Error(`mail ${mail.id} has a status link but no ticket`);
    const [ticket] = (await m.query(`SELECT reference FROM tickets WHERE id = $1`, [mail.ticket_id])) as { reference: string }[];
    const token = await this.access.mint(m, mail.ticket_id, 'mail');
    return fillStatusUrl(mail.body_text, this.access.statusUrl(ticket.reference, token));
  }

  private smtp(): Transporter {
    const s = this.config.smtp;
    this.transport ??= createTransport({
      host: s.host!,
      port: s.port,
      secure: s.secure,
      auth: s.user ? { user: s.user, pass: s.password ?? '' } : undefined,
      // A hanging server must not hold a worker slot for nodemailer's default minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return this.transport;
  }
}

/** SMTP 5xx (mailbox unknown, message refused, authentication rejected): retrying will not help. */
function isPermanentRefusal(err: unknown): boolean {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const e = err as Error & { code?: string; responseCode?: number };
  return [e.code, e.responseCode, e.message].filter((x) => x !== undefined && x !== '').join(' ');
}
