import { Injectable, Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SORT_FIELDS,
  TICKET_STATUSES,
  TICKET_TYPES,
  type CreateTicketInput,
  type MessageKind,
  type TicketEventKind,
  type TicketEventRecord,
  type TicketMessageRecord,
  type TicketPriority,
  type TicketRecord,
  type TicketStatus,
} from '@shopdesk/contracts/tickets';
import { roleAtLeast } from '@shopdesk/contracts/users';
import { TicketActivityPublisher } from '../activity/ticket-activity.publisher';
import type { Actor } from '../auth/actor';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { normalizeWaybill } from '../couriers/providers/parsing';
import { DomainError } from '../core/errors/domain-error';
import type { ListQuery, ListQuerySpec } from '../core/http/list-query';
import { UserEntity } from '../users/user.entity';
import { planStatusChange } from './ticket-lifecycle';
import { TicketEventEntity } from './ticket-event.entity';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';
import { toEventRecord, toMessageRecord, toTicketRecord } from './ticket.mapper';
import { applySearchFilter, attachSearchMatches, orderBySearchRank } from '../ticket-search/ticket-search';

export const TICKET_LIST_SPEC = {
  sortFields: TICKET_SORT_FIELDS,
  // Search rank when `q` is given, otherwise newest first.
  defaultSort: { field: 'relevance' as const, order: 'DESC' as const },
  filters: {
    q: { kind: 'text' as const, maxLength: 100 },
    id: { kind: 'uuid' as const, multiple: true },
    status: { kind: 'enum' as const, values: TICKET_STATUSES, multiple: true },
    type: { kind: 'enum' as const, values: TICKET_TYPES, multiple: true },
    priority: { kind: 'enum' as const, values: TICKET_PRIORITIES, multiple: true },
    channel: { kind: 'enum' as const, values: TICKET_CHANNELS, multiple: true },
    assigneeId: { kind: 'uuid' as const, multiple: true, nullable: true },
    tag: { kind: 'text' as const, maxLength: 40 },
    createdAt_gte: { kind: 'datetime' as const },
    createdAt_lte: { kind: 'datetime' as const },
    templateKey: { kind: 'text' as const, maxLength: 60 },
    /** "마감 임박": a template deadline within N hours (or already passed), open work only. */
    deadlineWithinHours: { kind: 'number' as const, min: 1, max: 24 * 30 },
    /** "곧 SLA 위반": a running SLA timer due within N minutes (or overdue). */
    slaDueWithinMinutes: { kind: 'number' as const, min: 1, max: 60 * 24 * 30 },
    slaBreached: { kind: 'boolean' as const },
    /** "내 티켓": assigned to the signed-in agent (the server resolves who that is). */
    mine: { kind: 'boolean' as const },
    /** "미배정": nobody is assigned (the admin cannot send `assigneeId: null`; react-admin drops nulls). */
    unassigned: { kind: 'boolean' as const },
  },
} satisfies ListQuerySpec<string, string>;

export type TicketListQuery = ListQuery<
  (typeof TICKET_SORT_FIELDS)[number],
  keyof typeof TICKET_LIST_SPEC.filters & string
>;

export const THREAD_LIST_SPEC = {
  sortFields: ['createdAt'] as const,
  defaultSort: { field: 'createdAt' as const, order: 'ASC' as const },
  filters: {},
  maxPageSize: 500,
} satisfies ListQuerySpec<string, string>;

export const EVENT_LIST_SPEC = {
  sortFields: ['at'] as const,
  defaultSort: { field: 'at' as const, order: 'ASC' as const },
  filters: {},
  maxPageSize: 500,
} satisfies ListQuerySpec<string, string>;

const SORT_COLUMN: Record<(typeof TICKET_SORT_FIELDS)[number], string> = {
  relevance: 't.created_at', // without `q`; with it, orderBySearchRank
  reference: 't.reference',
  createdAt: 't.created_at',
  updatedAt: 't.updated_at',
  priority: 't.priority',
  status: 't.status',
  type: 't.type',
  // NULLs (no running timer) sort last either way via the column's partial index order.
  slaDueAt: 't.sla_due_at',
  nextDeadlineAt: 't.next_deadline_at',
};

/** Sort columns that hold NULLs (no running timer, no template deadline): those rows come last. */
const NULLABLE_SORTS = new Set<string>(['slaDueAt', 'nextDeadlineAt']);

export interface EventDraft {
  kind: TicketEventKind;
  before: TicketEventEntity['before'];
  after: TicketEventEntity['after'];
}

/**
 * Capabilities that keep state derived from tickets (SLA timers) listen to every change. A
 * listener runs inside the ticket's transaction, may adjust the ticket and add events, and may
 * return work for after the commit (e.g. scheduling jobs).
 */
export interface TicketChangeContext {
  m: EntityManager;
  /** The ticket after the change (listeners may set derived columns on it). */
  ticket: TicketEntity;
  /** Status and priority before the change; null when the ticket was just created. */
  before: Pick<TicketEntity, 'status' | 'priority' | 'tags' | 'templateKey'> | null;
  drafts: EventDraft[];
  actor: Actor;
  at: Date;
}
export interface TicketChangeListener {
  onTicketChange(ctx: TicketChangeContext): Promise<{ drafts?: EventDraft[]; afterCommit?: () => Promise<void> } | void>;
}

/** Seeding and imports may back-date a change; HTTP callers never pass this. */
export interface WriteOptions {
  at?: Date;
  /**
   * Run inside the caller's transaction (e.g. a courier event applied together with the tickets it
   * changes). Post-commit work is then handed to `enclosing.afterCommit` for the caller to run once
   * its own transaction has committed.
   */
  enclosing?: { m: EntityManager; afterCommit: (() => Promise<void>)[] };
}

export interface TicketDetailsPatch {
  subject?: string;
  description?: string;
  customer?: CreateTicketInput['customer'];
  order?: CreateTicketInput['order'];
  shipment?: CreateTicketInput['shipment'];
}

/**
 * Every ticket write goes through here: the change, its audit events and (for messages) the
 * message row are written in one transaction with the ticket row locked; the events are then
 * handed to the worker for projection.
 */
@Injectable()
export class TicketsService {
  private readonly listeners: TicketChangeListener[] = [];
  private readonly logger = new Logger(TicketsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activity: TicketActivityPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  addListener(listener: TicketChangeListener): void {
    this.listeners.push(listener);
  }

  /** Runs the listeners in the change's transaction; returns their extra events and post-commit work. */
  private async notifyListeners(ctx: TicketChangeContext): Promise<{ drafts: EventDraft[]; afterCommit: (() => Promise<void>)[] }> {
    const drafts: EventDraft[] = [];
    const afterCommit: (() => Promise<void>)[] = [];
    for (const l of this.listeners) {
      const r = await l.onTicketChange(ctx);
      if (r?.drafts) drafts.push(...r.drafts);
      if (r?.afterCommit) afterCommit.push(r.afterCommit);
    }
    return { drafts, afterCommit };
  }

  private inTransaction<T>(opts: WriteOptions, fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return opts.enclosing ? fn(opts.enclosing.m) : this.db.transaction(fn);
  }

  /** Publishes events and runs listener work now, or hands both to the enclosing transaction's owner. */
  private async afterWrite(opts: WriteOptions, eventIds: string[], work: (() => Promise<void>)[]): Promise<void> {
    const all = [() => this.activity.publish(eventIds), ...work];
    if (opts.enclosing) opts.enclosing.afterCommit.push(...all);
    else await this.runAfterCommit(all);
  }

  private async runAfterCommit(work: (() => Promise<void>)[]): Promise<void> {
    for (const w of work) {
      try {
        await w();
      } catch (err) {
        // The database already holds the truth; reconcilers repair what did not reach Redis.
        this.logger.warn({ err }, 'Post-commit work failed; reconciliation will repair it');
      }
    }
  }

  async create(input: CreateTicketInput, actor: Actor, opts: WriteOptions = {}): Promise<TicketRecord> {
    const at = opts.at ?? new Date();
    const { ticket, eventIds, afterCommit } = await this.inTransaction(opts, async (m) => {
      const [{ n }] = (await m.query(`SELECT nextval('ticket_reference_seq')::int AS n`)) as { n: number }[];
      const ticket = m.create(TicketEntity, {
        reference: `SD-${String(n).padStart(6, '0')}`,
        type: input.type,
        status: 'new',
        priority: input.priority ?? 'normal',
        channel: input.channel ?? 'agent',
        subject: input.subject.trim(),
        description: input.description?.trim() || null,
        tags: normaliseTags(input.tags ?? []),
        createdAt: at,
        updatedAt: at,
        resolvedAt: null,
        closedAt: null,
        assigneeId: null,
        templateKey: null,
        nextDeadlineAt: null,
        slaDueAt: null,
        slaBreached: false,
        ...customerColumns(input.customer),
        ...orderColumns(input.order ?? {}),
        ...shipmentColumns(input.shipment ?? {}),
      });
      await m.insert(TicketEntity, ticket);
      const drafts: EventDraft[] = [
        {
          kind: 'created',
          before: null,
          after: {
            reference: ticket.reference,
            type: ticket.type,
            status: ticket.status,
            priority: ticket.priority,
            channel: ticket.channel,
            subject: ticket.subject,
          },
        },
      ];
      const snapshot = JSON.stringify(ticket);
      const heard = await this.notifyListeners({ m, ticket, before: null, drafts, actor, at });
      await this.writeChangedColumns(m, ticket, JSON.parse(snapshot));
      const eventIds = await this.recordEvents(m, ticket.id, actor, at, [...drafts, ...heard.drafts]);
      return { ticket, eventIds, afterCommit: heard.afterCommit };
    });
    await this.afterWrite(opts, eventIds, afterCommit);
    return toTicketRecord(ticket);
  }

  /** UPDATE only the columns that differ from `before` (a JSON snapshot of the row). */
  private async writeChangedColumns(m: EntityManager, t: TicketEntity, before: Record<string, unknown>): Promise<void> {
    const { assignee: _assignee, ...current } = t;
    const changed = Object.fromEntries(
      Object.entries(current).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
    );
    if (Object.keys(changed).length) await m.update(TicketEntity, { id: t.id }, changed);
  }

  async get(id: string): Promise<TicketRecord> {
    const t = await this.db
      .getRepository(TicketEntity)
      .findOne({ where: { id }, relations: { assignee: true } });
    if (!t) throw ticketNotFound(id);
    return toTicketRecord(t);
  }

  /** `viewerId` is the signed-in agent: the `mine` filter resolves to them. */
  async list(query: TicketListQuery, viewerId?: string): Promise<{ rows: TicketRecord[]; total: number; capped: boolean }> {
    // Bounded count: never scan the whole table just to print "of N".
    const cap = this.countCap(query);
    const countOf = (c: { sql: string; params: unknown[] }) => (this.db.query(c.sql, c.params) as Promise<{ n: number }[]>).then(([r]) => r.n);
    let n: number;
    let entities: TicketEntity[];
    if (typeof query.filter.q === 'string' && query.sort.field === 'relevance') {
      // Ranking reads every match's search vector: affordable for up to `cap` matches. A search
      // matching more (a 1-character term over a large desk) lists them newest first instead —
      // the count says how many there are before the page is chosen.
      n = await countOf(this.listStatements(query, viewerId).count);
      entities = await this.listStatements(query, viewerId, n > cap ? 'newest' : 'rank').page.getMany();
    } else {
      const { count, page } = this.listStatements(query, viewerId);
      // Two pooled connections at once: the page does not wait for the count's round trip.
      [n, entities] = await Promise.all([countOf(count), page.getMany()]);
    }
    const rows = entities.map(toTicketRecord);
    if (typeof query.filter.q === 'string') await attachSearchMatches(this.db.manager, rows, query.filter.q);
    return { rows, total: Math.min(n, cap), capped: n > cap };
  }

  /** How far a list's total is counted: searches less far (each match costs a read of its search vector). */
  private countCap(query: TicketListQuery): number {
    return typeof query.filter.q === 'string' ? this.config.searchCountCap : this.config.listCountCap;
  }

  /**
   * The list's two statements, built but not run: the bounded count (SQL) and the page (a query
   * builder). `list` runs them; the views EXPLAIN test reads their plans.
   */
  listStatements(
    query: TicketListQuery,
    viewerId?: string,
    /** How a search sorted by relevance is ordered: ranked (the default), or newest first when it matches too many to rank. */
    relevance: 'rank' | 'newest' = 'rank',
  ): { count: { sql: string; params: unknown[] }; page: SelectQueryBuilder<TicketEntity> } {
    const qb = this.db.getRepository(TicketEntity).createQueryBuilder('t');
    const f = query.filter;
    if (f.mine === true) {
      if (!viewerId) {
        throw new DomainError('INVALID_LIST_QUERY', '"내 티켓"에는 로그인이 필요합니다. / The "mine" filter needs a signed-in agent.', {
          'filter.mine': 'needs a signed-in agent',
        });
      }
      qb.andWhere('t.assignee_id = :mine', { mine: viewerId });
    }
    if (f.unassigned === true) qb.andWhere('t.assignee_id IS NULL');
    if (typeof f.q === 'string') applySearchFilter(qb, f.q);
    if (f.id !== undefined) qb.andWhere('t.id IN (:...ids)', { ids: [f.id].flat() });
    if (f.status !== undefined) qb.andWhere('t.status IN (:...statuses)', { statuses: [f.status].flat() });
    if (f.type !== undefined) qb.andWhere('t.type IN (:...types)', { types: [f.type].flat() });
    if (f.priority !== undefined) qb.andWhere('t.priority IN (:...priorities)', { priorities: [f.priority].flat() });
    if (f.channel !== undefined) qb.andWhere('t.channel IN (:...channels)', { channels: [f.channel].flat() });
    if (f.assigneeId === null) qb.andWhere('t.assignee_id IS NULL');
    else if (f.assigneeId !== undefined) qb.andWhere('t.assignee_id IN (:...assignees)', { assignees: [f.assigneeId].flat() });
    if (typeof f.tag === 'string') qb.andWhere('t.tags @> ARRAY[:tag]::text[]', { tag: f.tag });
    if (f.createdAt_gte instanceof Date) qb.andWhere('t.created_at >= :gte', { gte: f.createdAt_gte });
    if (f.createdAt_lte instanceof Date) qb.andWhere('t.created_at <= :lte', { lte: f.createdAt_lte });
    if (typeof f.slaDueWithinMinutes === 'number') {
      qb.andWhere('t.sla_due_at IS NOT NULL AND t.sla_due_at <= now() + make_interval(mins => :slaWithin)', {
        slaWithin: f.slaDueWithinMinutes,
      });
    }
    if (typeof f.slaBreached === 'boolean') qb.andWhere('t.sla_breached = :slaBreached', { slaBreached: f.slaBreached });
    if (typeof f.templateKey === 'string') qb.andWhere('t.template_key = :templateKey', { templateKey: f.templateKey });
    if (typeof f.deadlineWithinHours === 'number') {
      qb.andWhere(
        `t.next_deadline_at IS NOT NULL AND t.status NOT IN ('resolved', 'closed')
         AND t.next_deadline_at <= now() + make_interval(hours => :within)`,
        { within: f.deadlineWithinHours },
      );
    }

    const [countSql, countParams] = qb.clone().select('1').limit(this.countCap(query) + 1).getQueryAndParameters();
    const page = qb.leftJoinAndSelect('t.assignee', 'assignee');
    if (typeof f.q === 'string' && query.sort.field === 'relevance' && relevance === 'rank') orderBySearchRank(page, f.q);
    // NULLS LAST only where NULLs exist: on a NOT NULL column it would stop the DESC indexes from giving the order.
    else page.orderBy(SORT_COLUMN[query.sort.field], query.sort.order, NULLABLE_SORTS.has(query.sort.field) ? 'NULLS LAST' : undefined);
    page
      .addOrderBy('t.id', query.sort.order)
      .offset(query.offset)
      .limit(query.limit);
    return { count: { sql: `SELECT count(*)::int AS n FROM (${countSql}) s`, params: countParams }, page };
  }

  async updateDetails(id: string, patch: TicketDetailsPatch, actor: Actor): Promise<TicketRecord> {
    return this.applyChange(id, actor, {}, (t) => {
      const next: Partial<TicketEntity> = {};
      if (patch.subject !== undefined) next.subject = patch.subject.trim();
      if (patch.description !== undefined) next.description = patch.description.trim() || null;
      // Nested facts are merged with what the ticket holds, so a partial patch keeps the rest.
      const current = toTicketRecord(t);
      if (patch.customer) Object.assign(next, customerColumns({ ...current.customer, ...definedOnly(patch.customer) }));
      if (patch.order) Object.assign(next, orderColumns({ ...current.order, ...definedOnly(patch.order) }));
      if (patch.shipment) Object.assign(next, shipmentColumns({ ...current.shipment, ...definedOnly(patch.shipment) }));
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(next) as [keyof TicketEntity, unknown][]) {
        const old = t[key];
        if (JSON.stringify(normaliseForDiff(old)) === JSON.stringify(normaliseForDiff(value))) continue;
        before[key] = normaliseForDiff(old);
        after[key] = normaliseForDiff(value);
        (t as unknown as Record<string, unknown>)[key] = value;
      }
      return Object.keys(after).length ? [{ kind: 'details_changed', before, after }] : [];
    });
  }

  async changeStatus(id: string, status: TicketStatus, actor: Actor, opts: WriteOptions = {}): Promise<TicketRecord> {
    return this.applyChange(id, actor, opts, (t, at) => {
      if (t.status === status) return [];
      const from = t.status;
      Object.assign(t, planStatusChange(from, status, t, at));
      t.status = status;
      return [{ kind: 'status_changed', before: { status: from }, after: { status } }];
    });
  }

  async changePriority(id: string, priority: TicketPriority, actor: Actor, opts: WriteOptions = {}): Promise<TicketRecord> {
    return this.applyChange(id, actor, opts, (t) => {
      if (t.priority === priority) return [];
      const before = { priority: t.priority };
      t.priority = priority;
      return [{ kind: 'priority_changed', before, after: { priority } }];
    });
  }

  async setTags(id: string, tags: string[], actor: Actor, opts: WriteOptions = {}): Promise<TicketRecord> {
    return this.applyChange(id, actor, opts, (t) => {
      const next = normaliseTags(tags);
      if (JSON.stringify(next) === JSON.stringify(t.tags)) return [];
      const before = { tags: t.tags };
      t.tags = next;
      return [{ kind: 'tags_changed', before, after: { tags: next } }];
    });
  }

  /**
   * Agents may take an unassigned ticket or hand back their own; moving a ticket that belongs
   * to someone else, or giving one to a colleague, needs the lead role.
   */
  async assign(id: string, assigneeId: string | null, actor: Actor, opts: WriteOptions = {}): Promise<TicketRecord> {
    return this.applyChange(id, actor, opts, async (t, _at, m) => {
      if (t.assigneeId === assigneeId) return [];
      const isLead = actor.type === 'system' || (actor.role !== undefined && roleAtLeast(actor.role, 'lead'));
      if (!isLead) {
        const takingFree = assigneeId === actor.id && t.assigneeId === null;
        const handingBack = assigneeId === null && t.assigneeId === actor.id;
        if (!takingFree && !handingBack) {
          throw new DomainError(
            'FORBIDDEN',
            '다른 상담원의 티켓을 재배정하거나 남에게 배정하려면 리드 권한이 필요합니다. / ' +
              "Reassigning someone else's ticket, or assigning to a colleague, needs the lead role.",
          );
        }
      }
      let assigneeName: string | null = null;
      let assignee: UserEntity | null = null;
      if (assigneeId !== null) {
        const user = await m.findOneBy(UserEntity, { id: assigneeId });
        if (!user || !user.active) {
          throw new DomainError('ASSIGNEE_INVALID', '배정할 수 없는 사용자입니다. / That user cannot be assigned.', {
            assigneeId: 'no active user with this id',
          });
        }
        assigneeName = user.name;
        assignee = user;
      }
      const before = { assigneeId: t.assigneeId, assigneeName: t.assignee?.name ?? null };
      t.assigneeId = assigneeId;
      t.assignee = assignee;
      return [{ kind: 'assigned', before, after: { assigneeId, assigneeName } }];
    });
  }

  async addMessage(
    id: string,
    input: { kind: MessageKind; body: string },
    actor: Actor,
    opts: WriteOptions = {},
  ): Promise<TicketMessageRecord> {
    let message!: TicketMessageEntity;
    await this.applyChange(
      id,
      actor,
      { ...opts, allowClosed: input.kind === 'internal_note' },
      async (t, at, m) => {
        message = m.create(TicketMessageEntity, {
          ticketId: t.id,
          kind: input.kind,
          authorType: input.kind === 'customer_message' ? 'customer' : actor.type,
          authorId: input.kind === 'customer_message' ? null : actor.id,
          authorName: input.kind === 'customer_message' ? t.customerName : actor.name,
          body: input.body,
          createdAt: at,
        });
        await m.insert(TicketMessageEntity, message);
        const drafts: EventDraft[] = [
          { kind: 'message_added', before: null, after: { messageId: message.id, kind: input.kind } },
        ];
        // A first public answer takes a new ticket into work; a customer's answer re-opens a wait on them.
        const autoStatus: TicketStatus | null =
          input.kind === 'public_reply' && t.status === 'new'
            ? 'open'
            : input.kind === 'customer_message' && (t.status === 'pending_customer' || t.status === 'resolved')
              ? 'open'
              : null;
        if (autoStatus) {
          const from = t.status;
          Object.assign(t, planStatusChange(from, autoStatus, t, at));
          t.status = autoStatus;
          drafts.push({ kind: 'status_changed', before: { status: from }, after: { status: autoStatus } });
        }
        return drafts;
      },
    );
    return toMessageRecord(message);
  }

  async listMessages(
    ticketId: string,
    page: { offset: number; limit: number; order: 'ASC' | 'DESC' },
  ): Promise<{ rows: TicketMessageRecord[]; total: number }> {
    await this.assertExists(ticketId);
    const [rows, total] = await this.db.getRepository(TicketMessageEntity).findAndCount({
      where: { ticketId },
      order: { createdAt: page.order, id: page.order },
      skip: page.offset,
      take: page.limit,
    });
    return { rows: rows.map(toMessageRecord), total };
  }

  async listEvents(
    ticketId: string,
    page: { offset: number; limit: number; order: 'ASC' | 'DESC' },
  ): Promise<{ rows: TicketEventRecord[]; total: number }> {
    await this.assertExists(ticketId);
    const [rows, total] = await this.db.getRepository(TicketEventEntity).findAndCount({
      where: { ticketId },
      order: { id: page.order },
      skip: page.offset,
      take: page.limit,
    });
    return { rows: rows.map(toEventRecord), total };
  }

  private async assertExists(id: string): Promise<void> {
    if (!(await this.db.getRepository(TicketEntity).existsBy({ id }))) throw ticketNotFound(id);
  }

  /**
   * Locks the ticket, applies `change`, and records the events it returns, all in one
   * transaction. Other capabilities (scenarios, couriers) change tickets only through this.
   */
  async applyChange(
    id: string,
    actor: Actor,
    opts: WriteOptions & { allowClosed?: boolean },
    change: (t: TicketEntity, at: Date, m: EntityManager) => EventDraft[] | Promise<EventDraft[]>,
  ): Promise<TicketRecord> {
    const at = opts.at ?? new Date();
    const result = await this.inTransaction(opts, async (m) => {
      const t = await m
        .getRepository(TicketEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id', { id })
        .getOne();
      if (!t) throw ticketNotFound(id);
      if (t.status === 'closed' && !opts.allowClosed) {
        throw new DomainError(
          'TICKET_CLOSED',
          '종료된 티켓은 변경할 수 없습니다 (내부 메모만 가능). / A closed ticket cannot be changed (internal notes only).',
        );
      }
      if (t.assigneeId) t.assignee = await m.findOneBy(UserEntity, { id: t.assigneeId });
      const { assignee: _before, ...original } = t;
      const snapshot = JSON.stringify(original);
      const before = { status: t.status, priority: t.priority, tags: t.tags, templateKey: t.templateKey };
      const drafts = await change(t, at, m);
      if (drafts.length === 0) return { eventIds: [] as string[], record: toTicketRecord(t), afterCommit: [] };
      t.updatedAt = at;
      const heard = await this.notifyListeners({ m, ticket: t, before, drafts, actor, at });
      // Write only the columns the change (and the listeners) touched.
      await this.writeChangedColumns(m, t, JSON.parse(snapshot));
      // The record is built from the locked, updated row: no second read after commit.
      return {
        eventIds: await this.recordEvents(m, t.id, actor, at, [...drafts, ...heard.drafts]),
        record: toTicketRecord(t),
        afterCommit: heard.afterCommit,
      };
    });
    await this.afterWrite(opts, result.eventIds, result.afterCommit);
    return result.record;
  }

  private async recordEvents(
    m: EntityManager,
    ticketId: string,
    actor: Actor,
    at: Date,
    drafts: EventDraft[],
  ): Promise<string[]> {
    const result = await m.insert(
      TicketEventEntity,
      drafts.map((d) => ({
        ticketId,
        kind: d.kind,
        actorType: actor.type,
        actorId: actor.id,
        actorName: actor.name,
        before: d.before,
        after: d.after,
        at,
      })),
    );
    return result.identifiers.map((i) => String(i.id));
  }
}

function ticketNotFound(id: string): DomainError {
  return new DomainError('TICKET_NOT_FOUND', `티켓을 찾을 수 없습니다. / Ticket ${id} not found.`);
}

/** DTO instances carry every declared property, absent ones as undefined; keep only what was sent. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function normaliseTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))].sort();
}

function normaliseForDiff(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : (v ?? null);
}

function customerColumns(c: CreateTicketInput['customer']): Partial<TicketEntity> {
  return {
    customerName: c.name.trim(),
    customerEmail: c.email?.trim().toLowerCase() || null,
    customerPhone: c.phone?.trim() || null,
    ...(c.locale ? { customerLocale: c.locale } : {}),
  };
}

function orderColumns(o: NonNullable<CreateTicketInput['order']>): Partial<TicketEntity> {
  return {
    orderNumber: o.number?.trim() || null,
    orderItems: o.items ?? [],
    orderAmount: o.amount ?? (o.items?.length ? o.items.reduce((sum, i) => sum + i.qty * i.price, 0) : null),
    currency: 'KRW',
    paymentMethod: o.paymentMethod ?? null,
    paidAt: o.paidAt ? new Date(o.paidAt) : null,
  };
}

function shipmentColumns(s: NonNullable<CreateTicketInput['shipment']>): Partial<TicketEntity> {
  return {
    courierCode: s.courierCode?.trim() || null,
    // Stored the way couriers report it (no spaces or dashes, upper case) so scans find the ticket.
    waybillNumber: s.waybillNumber ? normalizeWaybill(s.waybillNumber) || null : null,
    expectedDeliveryDate: s.expectedDeliveryDate ?? null,
  };
}
