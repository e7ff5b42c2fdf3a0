import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThrottlerStorage } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  bilingual,
  isEmail,
  REFERENCE_PATTERN,
  validatePublicReply,
  type PublicAttachment,
  type PublicMessage,
  type PublicTicketView,
} from '@shopdesk/contracts/public';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { AttachmentsService } from '../attachments/attachments.service';
import type { IncomingFile } from '../attachments/attachment-store';
import type { Actor } from '../auth/actor';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { DomainError } from '../core/errors/domain-error';
import { OutboundMailService } from '../mail/outbound-mail.service';
import { TicketScenarioService } from '../scenarios/ticket-scenario.service';
import { firstReplyDueAt } from '../sla/first-reply-due';
import { TicketsService } from '../tickets/tickets.service';
import { CustomerAccessService, type CustomerTicketRef } from './customer-access.service';
import { idempotencyKeyHash, requestFingerprint } from './public-crypto';

const msg = bilingual;

/** Same answer for an unknown reference and a wrong token. */
export const notFound = () => new DomainError('NOT_FOUND', msg('문의를 찾을 수 없습니다. 링크를 확인해 주세요.', 'We could not find this request. Check the link.'));

interface MessageRow {
  id: string;
  kind: 'customer_message' | 'public_reply';
  author_name: string;
  body: string;
  created_at: Date;
}

/**
 * What a customer can see and do with the private link: status, public replies (never internal
 * notes), deadlines meant for them; reply with evidence, confirm the resolution, reopen in time.
 */
@Injectable()
export class PublicStatusService {
  private readonly logger = new Logger(PublicStatusService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tickets: TicketsService,
    private readonly scenarios: TicketScenarioService,
    private readonly attachments: AttachmentsService,
    private readonly access: CustomerAccessService,
    private readonly mail: OutboundMailService,
    @Inject(ThrottlerStorage) private readonly limits: ThrottlerStorage,
  ) {}

  async open(reference: string, token: string | undefined): Promise<CustomerTicketRef> {
    if (typeof reference !== 'string' || !REFERENCE_PATTERN.test(reference)) throw notFound();
    const ref = await this.access.open(reference, token);
    if (!ref) throw notFound();
    return ref;
  }

  async view(ref: CustomerTicketRef, now = new Date()): Promise<PublicTicketView> {
    const [t, scenario, files] = await Promise.all([
      this.tickets.get(ref.id),
      this.scenarios.get(ref.id, now),
      this.attachments.listPublic(ref.id),
    ]);
    const rows = (await this.db.query(
      `SELECT id, kind, author_name, body, created_at FROM ticket_messages
        WHERE ticket_id = $1 AND kind IN ('customer_message', 'public_reply')
        ORDER BY created_at, id`,
      [ref.id],
    )) as MessageRow[];
    const byMessage = new Map<string | null, PublicAttachment[]>();
    const fileRows = (await this.db.query(`SELECT id, message_id FROM attachments WHERE ticket_id = $1`, [ref.id])) as { id: string; message_id: string | null }[];
    const messageOf = new Map(fileRows.map((f) => [f.id, f.message_id]));
    for (const f of files) {
      const key = messageOf.get(f.id) ?? null;
      byMessage.set(key, [...(byMessage.get(key) ?? []), f]);
    }
    // The form's description (and its files) opens the thread.
    const opening: PublicMessage = {
      id: `${t.id}:opening`,
      kind: 'customer_message',
      authorName: t.customer.name,
      body: t.description ?? '',
      createdAt: t.createdAt,
      attachments: byMessage.get(null) ?? [],
    };
    const messages: PublicMessage[] = [
      opening,
      ...rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        authorName: r.kind === 'public_reply' ? r.author_name : t.customer.name,
        body: r.body,
        createdAt: new Date(r.created_at).toISOString(),
        attachments: byMessage.get(r.id) ?? [],
      })),
    ];
    const due = await firstReplyDueAt(this.db, ref.id);
    const reopenUntil = this.reopenUntil(t);
    const def = scenario?.definition;
    const resolutionDef = scenario?.resolution ? def?.resolutions.find((r) => r.code === scenario.resolution!.code) : undefined;
    return {
      reference: t.reference,
      type: t.type,
      status: t.status,
      subject: t.subject,
      locale: t.customer.locale,
      situation: def?.customerTitle ?? null,
      createdAt: t.createdAt,
      resolvedAt: t.resolvedAt,
      firstReplyDueAt: due?.toISOString() ?? null,
      deadlines: (scenario?.deadlines ?? [])
        .filter((d) => d.dueAt && def?.deadlines.find((x) => x.id === d.id)?.customerVisible)
        .map((d) => ({ id: d.id, label: def!.deadlines.find((x) => x.id === d.id)!.label, dueAt: d.dueAt! })),
      resolution: resolutionDef ? { code: resolutionDef.code, label: resolutionDef.label } : null,
      messages,
      can: {
        reply: t.status !== 'closed' && (t.status !== 'resolved' || (reopenUntil !== null && now < reopenUntil)),
        confirm: t.status === 'resolved',
        reopen: t.status === 'resolved' && reopenUntil !== null && now < reopenUntil,
      },
      reopenUntil: reopenUntil?.toISOString() ?? null,
    };
  }

  private reopenUntil(t: TicketRecord): Date | null {
    if (t.status !== 'resolved' || !t.resolvedAt) return null;
    return new Date(new Date(t.resolvedAt).getTime() + this.config.publicForm.reopenDays * 86_400_000);
  }

  private actor(t: { customer: { name: string } }): Actor {
    return { type: 'customer', id: null, name: t.customer.name };
  }

  /** A customer message (with evidence) in one transaction; a resolved ticket reopens, a closed one refuses. */
  async reply(ref: CustomerTicketRef, body: unknown, files: IncomingFile[], idempotencyKey: string | null = null): Promise<PublicTicketView> {
    const errors = validatePublicReply(body);
    if (Object.keys(errors).length) {
      throw new DomainError('VALIDATION_FAILED', msg(`입력값을 확인해 주세요: ${Object.keys(errors).join(', ')}`, `Invalid input: ${Object.keys(errors).join(', ')}`), errors);
    }
    const current = await this.view(ref);
    if (!current.can.reply) {
      throw new DomainError(
        current.status === 'closed' ? 'TICKET_CLOSED' : 'REOPEN_WINDOW_CLOSED',
        msg('이 문의에는 더 이상 답장할 수 없습니다. 새 문의를 접수해 주세요.', 'This request can no longer be answered; please file a new one.'),
      );
    }
    const checked = await this.attachments.check(files);
    await this.attachments.writeFiles(files, checked);
    const t = await this.tickets.get(ref.id);
    const afterCommit: (() => Promise<void>)[] = [];
    await this.db.transaction(async (m) => {
      if (idempotencyKey) {
        // A double tap posts one message: the second request finds the key taken and only reads.
        const claimed = (await m.query(
          `INSERT INTO public_requests (scope, key, request_hash, status, response, ticket_id)
           VALUES ('reply', $1, $2, 201, '{}'::jsonb, $3) ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
          [idempotencyKeyHash(`${ref.id}:${idempotencyKey}`), requestFingerprint(body, checked.map((f) => f.sha256)), ref.id],
        )) as unknown[];
        if (claimed.length === 0) return;
      }
      const message = await this.tickets.addMessage(
        ref.id,
        { kind: 'customer_message', body: (body as { body: string }).body.trim() },
        this.actor(t),
        { enclosing: { m, afterCommit } },
      );
      await this.attachments.record(m, ref.id, message.id, checked, 'customer');
    });
    await this.runAfterCommit(afterCommit);
    return this.view(ref);
  }

  async confirm(ref: CustomerTicketRef): Promise<PublicTicketView> {
    const t = await this.tickets.get(ref.id);
    if (t.status !== 'resolved') {
      throw new DomainError('ILLEGAL_STATUS_TRANSITION', msg('처리 완료된 문의만 확인할 수 있습니다.', 'Only a resolved request can be confirmed.'));
    }
    await this.tickets.changeStatus(ref.id, 'closed', this.actor(t));
    return this.view(ref);
  }

  async reopen(ref: CustomerTicketRef, now = new Date()): Promise<PublicTicketView> {
    const t = await this.tickets.get(ref.id);
    const until = this.reopenUntil(t);
    if (t.status !== 'resolved') {
      throw new DomainError('ILLEGAL_STATUS_TRANSITION', msg('처리 완료된 문의만 다시 열 수 있습니다.', 'Only a resolved request can be reopened.'));
    }
    if (!until || now >= until) {
      throw new DomainError(
        'REOPEN_WINDOW_CLOSED',
        msg(`처리 완료 후 ${this.config.publicForm.reopenDays}일이 지나 다시 열 수 없습니다. 새 문의를 접수해 주세요.`, `More than ${this.config.publicForm.reopenDays} days have passed since resolution; please file a new request.`),
      );
    }
    await this.tickets.changeStatus(ref.id, 'open', this.actor(t));
    return this.view(ref);
  }

  /**
   * "Lost my link": mails a fresh link to the address on file when it matches. The answer never
   * says whether a ticket exists; at most a few mails per address per hour.
   */
  async resendLinks(body: unknown): Promise<void> {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const errors: Record<string, string> = {};
    if (!isEmail(b.email)) errors.email = msg('올바른 이메일 주소를 입력해 주세요', 'must be a valid e-mail address');
    if (b.reference !== undefined && b.reference !== null && b.reference !== '' && !(typeof b.reference === 'string' && REFERENCE_PATTERN.test(b.reference))) {
      errors.reference = msg('SD-000123 형식이어야 합니다', 'must look like SD-000123');
    }
    for (const k of Object.keys(b)) if (!['email', 'reference', 'locale'].includes(k)) errors[k] = msg('알 수 없는 항목입니다', 'is not a known field');
    if (Object.keys(errors).length) throw new DomainError('VALIDATION_FAILED', msg('입력값을 확인해 주세요', 'Invalid input'), errors);

    const email = (b.email as string).trim().toLowerCase();
    const key = `link:${createHash('sha256').update(email).digest('hex')}`;
    const r = await this.limits.increment(key, 3_600_000, this.config.publicForm.perEmailPerHour, 3_600_000, 'public-link');
    if (r.totalHits > this.config.publicForm.perEmailPerHour) return; // silently: same answer either way

    const reference = typeof b.reference === 'string' && b.reference ? b.reference : null;
    const rows = (await this.db.query(
      `SELECT id FROM tickets WHERE customer_email = $1 ${reference ? 'AND reference = $2' : ''}
        ORDER BY created_at DESC LIMIT 5`,
      reference ? [email, reference] : [email],
    )) as { id: string }[];
    if (!rows.length) return;
    await this.db.transaction(async (m) => {
      for (const row of rows) await this.mail.queueAccessLink(m, row.id);
    });
  }

  private async runAfterCommit(work: (() => Promise<void>)[]): Promise<void> {
    for (const w of work) {
      await w().catch((err: unknown) => this.logger.warn({ err }, 'Post-commit work failed; reconciliation will repair it'));
    }
  }
}
