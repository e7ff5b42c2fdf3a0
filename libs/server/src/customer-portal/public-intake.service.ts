import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThrottlerStorage } from '@nestjs/throttler';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { courierByCode } from '@shopdesk/contracts/couriers';
import {
  ATTACHMENT_RULES,
  bilingual,
  validatePublicTicket,
  type PublicFormInfo,
  type PublicSituation,
  type PublicTicketCreated,
  type PublicTicketInput,
} from '@shopdesk/contracts/public';
import type { FieldDef } from '@shopdesk/contracts/scenarios';
import { PAYMENT_METHODS, type CreateTicketInput, type PaymentMethod } from '@shopdesk/contracts/tickets';
import { AttachmentsService } from '../attachments/attachments.service';
import type { IncomingFile } from '../attachments/attachment-store';
import type { Actor } from '../auth/actor';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { DomainError } from '../core/errors/domain-error';
import { OutboundMailService } from '../mail/outbound-mail.service';
import { ScenarioTemplatesService } from '../scenarios/scenario-templates.service';
import { TicketScenarioService } from '../scenarios/ticket-scenario.service';
import { firstReplyDueAt } from '../sla/first-reply-due';
import { TicketsService } from '../tickets/tickets.service';
import { CustomerAccessService } from './customer-access.service';
import { idempotencyKeyHash, openResponse, requestFingerprint, sealResponse, signFormToken, verifyFormToken, type Sealed } from './public-crypto';
import { buildSituations, findSituation } from './public-situations';
import { WriteTurns } from './write-turns';

const FORM_TOKEN_MAX_AGE_MS = 24 * 3_600_000;
const SITUATIONS_CACHE_MS = 30_000;

export interface IntakeRequest {
  body: unknown;
  files: IncomingFile[];
  idempotencyKey: string | null;
}

export interface IntakeResult {
  status: number;
  body: PublicTicketCreated;
  replayed: boolean;
}

const msg = bilingual;

/**
 * The public support form: a customer without an account files a ticket. Everything a submission
 * creates — ticket, template and fields, SLA timers, attachments, access token, confirmation mail,
 * the replay record — is written in one transaction, so a failure leaves nothing behind.
 */
@Injectable()
export class PublicIntakeService {
  private readonly logger = new Logger(PublicIntakeService.name);
  private readonly formSecret: string;
  private readonly writeTurns: WriteTurns;
  private situationsCache: { at: number; value: PublicSituation[] } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tickets: TicketsService,
    private readonly scenarios: TicketScenarioService,
    private readonly templates: ScenarioTemplatesService,
    private readonly attachments: AttachmentsService,
    private readonly access: CustomerAccessService,
    private readonly mail: OutboundMailService,
    @Inject(ThrottlerStorage) private readonly limits: ThrottlerStorage,
  ) {
    this.writeTurns = new WriteTurns(config.publicForm.intakeConcurrency, config.publicForm.intakeMaxWaiting);
    this.formSecret = config.publicForm.formTokenSecret ?? randomBytes(32).toString('hex');
    if (!config.publicForm.formTokenSecret) {
      this.logger.warn('FORM_TOKEN_SECRET is not set: using a per-process secret (fine for one API instance in development)');
    }
  }

  async situations(): Promise<PublicSituation[]> {
    const now = Date.now();
    if (this.situationsCache && now - this.situationsCache.at < SITUATIONS_CACHE_MS) return this.situationsCache.value;
    const active = (await Promise.all((['missing_delivery', 'refund', 'cancellation'] as const).map((t) => this.templates.activeForType(t)))).flat();
    const value = buildSituations(active);
    this.situationsCache = { at: now, value };
    return value;
  }

  async formInfo(): Promise<PublicFormInfo> {
    return {
      situations: await this.situations(),
      attachments: ATTACHMENT_RULES,
      formToken: signFormToken(this.formSecret, Date.now()),
      minFillMs: this.config.publicForm.minFillMs,
      reopenDays: this.config.publicForm.reopenDays,
    };
  }

  async submit(req: IntakeRequest): Promise<IntakeResult> {
    const input = req.body as PublicTicketInput;
    const b = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;

    // A filled honeypot is a bot: refuse before anything else, and keep nothing.
    if (typeof b.website === 'string' && b.website.trim() !== '') {
      throw new DomainError('VALIDATION_FAILED', msg('접수할 수 없는 요청입니다.', 'This request cannot be accepted.'), {
        website: msg('비워 두어야 하는 항목입니다', 'must be left empty'),
      });
    }

    const situation = findSituation(await this.situations(), b.templateKey, b.type);
    const errors = validatePublicTicket(req.body, situation);
    if (Object.keys(errors).length) {
      throw new DomainError('VALIDATION_FAILED', msg(`입력값을 확인해 주세요: ${Object.keys(errors).join(', ')}`, `Invalid input: ${Object.keys(errors).join(', ')}`), errors);
    }
    this.checkFillTime(input.formToken);

    // Files are checked (size, sniffed type) before anything is written.
    const checked = await this.attachments.check(req.files);
    const fingerprint = requestFingerprint(req.body, checked.map((f) => f.sha256));

    if (req.idempotencyKey) {
      const replay = await this.replay(req.idempotencyKey, fingerprint);
      if (replay) return replay;
    }
    await this.limitPerEmail(input.contact.email);
    await this.attachments.writeFiles(req.files, checked);

    const actor: Actor = { type: 'customer', id: null, name: input.contact.name.trim() };
    const afterCommit: (() => Promise<void>)[] = [];
    const outcome = await this.takeTurn(() => this.db.transaction(async (m): Promise<IntakeResult> => {
      if (req.idempotencyKey) {
        // Claims the key; a concurrent double tap waits here for the first one to commit.
        const claimed = (await m.query(
          `INSERT INTO public_requests (scope, key, request_hash, status, response)
           VALUES ('ticket', $1, $2, 0, '{}'::jsonb) ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
          [idempotencyKeyHash(req.idempotencyKey), fingerprint],
        )) as unknown[];
        if (claimed.length === 0) {
          const replay = await this.replay(req.idempotencyKey, fingerprint, m);
          if (replay) return replay;
          throw new DomainError('SERVICE_UNAVAILABLE', msg('같은 요청을 처리하고 있습니다. 잠시 후 다시 시도해 주세요.', 'The same request is being processed; try again shortly.'));
        }
      }
      const ticket = await this.tickets.create(this.ticketInput(input, situation!), actor, { enclosing: { m, afterCommit } });
      if (situation!.templateKey) {
        const fields = Object.fromEntries(Object.entries(input.fields ?? {}).filter(([, v]) => v !== '' && v !== null && v !== undefined));
        await this.scenarios.apply(ticket.id, situation!.templateKey, actor, { enclosing: { m, afterCommit }, fields });
      }
      const files = await this.attachments.record(m, ticket.id, null, checked, 'customer');
      const token = await this.access.mint(m, ticket.id, 'form');
      await this.mail.queueConfirmation(m, ticket.id);
      const due = await firstReplyDueAt(m, ticket.id);
      const body: PublicTicketCreated = {
        reference: ticket.reference,
        statusUrl: this.access.statusUrl(ticket.reference, token),
        token,
        status: ticket.status,
        locale: input.locale,
        firstReplyDueAt: due?.toISOString() ?? null,
        attachments: files,
      };
      if (req.idempotencyKey) {
        await m.query(`UPDATE public_requests SET status = 201, response = $3, ticket_id = $4 WHERE scope = 'ticket' AND key = $1 AND request_hash = $2`, [
          idempotencyKeyHash(req.idempotencyKey),
          fingerprint,
          sealResponse(req.idempotencyKey, body),
          ticket.id,
        ]);
      }
      return { status: 201, body, replayed: false };
    }));
    for (const work of afterCommit) {
      await work().catch((err: unknown) => this.logger.warn({ err }, 'Post-commit work failed; reconciliation will repair it'));
    }
    return outcome;
  }

  /**
   * At most `intakeConcurrency` submissions hold database connections at once, so a rush on the
   * public form queues here instead of taking every pooled connection from the agents' desk.
   * A queue longer than `intakeMaxWaiting` is answered 503 with Retry-After (nothing written).
   */
  private takeTurn<T>(write: () => Promise<T>): Promise<T> {
    const turn = this.writeTurns.run(write);
    if (!turn) {
      throw new DomainError('SERVICE_UNAVAILABLE', msg('지금 접수가 몰려 있습니다. 잠시 후 다시 제출해 주세요.', 'Too many submissions right now; please submit again shortly.'));
    }
    return turn;
  }

  private checkFillTime(formToken: string): void {
    const check = verifyFormToken(this.formSecret, formToken);
    const age = check.ok ? Date.now() - check.issuedAtMs : -1;
    if (!check.ok || age > FORM_TOKEN_MAX_AGE_MS) {
      throw new DomainError('VALIDATION_FAILED', msg('양식이 만료되었습니다. 새로고침 후 다시 제출해 주세요.', 'The form has expired; reload it and submit again.'), {
        formToken: msg('유효하지 않거나 만료되었습니다', 'is invalid or expired'),
      });
    }
    if (age < this.config.publicForm.minFillMs) {
      throw new DomainError('VALIDATION_FAILED', msg('너무 빨리 제출되었습니다. 내용을 확인하고 다시 제출해 주세요.', 'Submitted too quickly; check the form and submit again.'), {
        formToken: msg('양식을 연 뒤 너무 빨리 제출되었습니다', 'submitted too soon after the form was opened'),
      });
    }
  }

  private async replay(key: string, fingerprint: string, m: EntityManager = this.db.manager): Promise<IntakeResult | null> {
    const [row] = (await m.query(`SELECT request_hash, status, response FROM public_requests WHERE scope = 'ticket' AND key = $1`, [
      idempotencyKeyHash(key),
    ])) as { request_hash: string; status: number; response: Sealed }[];
    if (!row || row.status === 0) return null;
    if (row.request_hash !== fingerprint) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', msg('같은 Idempotency-Key로 다른 내용을 보낼 수 없습니다.', 'This Idempotency-Key was already used with different content.'), {
        'Idempotency-Key': msg('다른 요청에 이미 사용되었습니다', 'was used for a different request'),
      });
    }
    return { status: row.status, body: openResponse<PublicTicketCreated>(key, row.response), replayed: true };
  }

  /** Per-e-mail limit, counted in Redis so it holds across API instances. */
  private async limitPerEmail(email: string): Promise<void> {
    const key = `email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
    const limit = this.config.publicForm.perEmailPerHour;
    const r = await this.limits.increment(key, 3_600_000, limit, 3_600_000, 'public-email');
    if (r.totalHits > limit || r.isBlocked) {
      throw new DomainError(
        'RATE_LIMITED',
        msg('같은 이메일로 접수된 문의가 너무 많습니다. 1시간 후 다시 시도하거나 받은 안내 메일의 링크를 이용해 주세요.', 'Too many requests from this e-mail address. Try again in an hour, or use the link in the mail you received.'),
      );
    }
  }

  /** Template fields that mirror ticket facts (order number, waybill…) also fill the ticket's columns. */
  private ticketInput(input: PublicTicketInput, situation: PublicSituation): CreateTicketInput {
    const fact = (path: string): unknown => {
      const def = situation.fields.find((f: FieldDef) => f.prefillFrom === path);
      const v = def ? input.fields?.[def.id] : undefined;
      return v === '' ? undefined : v;
    };
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    const paymentMethod = str(fact('order.paymentMethod'));
    const courier = str(fact('shipment.courierCode'));
    const paidAt = str(fact('order.paidAt'));
    const amount = fact('order.amount');
    const title = situation.title[input.locale];
    const orderNumber = str(fact('order.number'));
    return {
      type: situation.type,
      channel: 'form',
      subject: (orderNumber ? `${title} (${orderNumber})` : title).slice(0, 200),
      description: input.description.trim(),
      customer: {
        name: input.contact.name.trim(),
        email: input.contact.email.trim(),
        phone: str(input.contact.phone) ?? str(fact('customer.phone')) ?? null,
        locale: input.locale,
      },
      order: {
        number: orderNumber ?? null,
        amount: typeof amount === 'number' ? amount : null,
        paymentMethod: paymentMethod && (PAYMENT_METHODS as readonly string[]).includes(paymentMethod) ? (paymentMethod as PaymentMethod) : null,
        paidAt: paidAt ?? null,
      },
      shipment: {
        courierCode: courier && courierByCode(courier) ? courier : null,
        waybillNumber: str(fact('shipment.waybillNumber')) ?? null,
        expectedDeliveryDate: str(fact('shipment.expectedDeliveryDate')) ?? null,
      },
    };
  }
}
