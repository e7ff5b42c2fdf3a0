import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource, EntityManager, In } from 'typeorm';
import { SLA_RUNGS, type SlaRung, type SlaTarget, type TicketSlaRecord } from '@shopdesk/contracts/sla';
import { TICKET_PRIORITIES, type TicketPriority } from '@shopdesk/contracts/tickets';
import { SYSTEM_ACTOR } from '../auth/actor';
import { QueueName } from '../core/queue/queue-names';
import { REDIS_CLIENT } from '../core/queue/queue.module';
import { NotificationEntity } from '../notifications/notification.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { TicketsService, type EventDraft, type TicketChangeContext } from '../tickets/tickets.service';
import { addCalendarMinutes, BusinessCalendar } from './business-calendar';
import { BusinessCalendarEntity } from './business-calendar.entity';
import { FIRE_SLA_RUNG, FIRE_SLA_RUNG_OPTIONS, slaJobId, type FireSlaRungPayload } from './sla-ladder.job';
import { SlaPolicyEntity } from './sla-policy.entity';
import {
  fulfilTimer,
  pauseTimer,
  nextRung,
  pendingRungs,
  reopenTimer,
  replanTimer,
  resumeTimer,
  startTimer,
  type SlaClock,
  type TimerState,
} from './sla-timer';
import { TicketSlaEntity } from './ticket-sla.entity';
import { withRequestId } from '../core/request-context/request-context';

/** Policies and calendars are re-read at most this often, so edits reach every process quickly. */
const POLICY_CACHE_MS = 10_000;
/** A rung that fires later than this after its time is marked late (the lateness goal is p99 ≤ 1 s). */
const LATE_AFTER_MS = 1_000;

interface LoadedPolicies {
  at: number;
  policies: SlaPolicyEntity[];
  calendars: Map<string, BusinessCalendar>;
}

const RUNG_TEXT: Record<SlaRung, { ko: string; en: string }> = {
  warning: { ko: 'SLA 임박', en: 'SLA at risk' },
  breach: { ko: 'SLA 위반', en: 'SLA breached' },
  escalate: { ko: 'SLA 위반 에스컬레이션', en: 'SLA breach escalated' },
  raise_priority: { ko: 'SLA 위반으로 우선순위 상향', en: 'Priority raised after SLA breach' },
};
const RUNG_EVENT: Record<SlaRung, EventDraft['kind']> = {
  warning: 'sla_warning',
  breach: 'sla_breached',
  escalate: 'sla_escalated',
  raise_priority: 'sla_priority_raised',
};
const TARGET_TEXT: Record<SlaTarget, { ko: string; en: string }> = {
  first_reply: { ko: '첫 응답', en: 'first reply' },
  next_reply: { ko: '다음 응답', en: 'next reply' },
  resolution: { ko: '해결', en: 'resolution' },
};

/**
 * SLA timers: planned inside every ticket change's transaction (PostgreSQL is the truth), fired by
 * delayed BullMQ jobs (one per rung, deterministic ids), and re-created by the reconciler when
 * Redis loses them. Firing re-checks the database, so duplicate or stale jobs do nothing.
 */
@Injectable()
export class SlaService implements OnModuleInit {
  private readonly logger = new Logger(SlaService.name);
  private cache: LoadedPolicies | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    @InjectQueue(QueueName.SlaLadder) private readonly queue: Queue<FireSlaRungPayload>,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    this.tickets.addListener({ onTicketChange: (ctx) => this.onTicketChange(ctx) });
  }

  invalidatePolicies(): void {
    this.cache = null;
  }

  async forTicket(ticketId: string): Promise<TicketSlaRecord[]> {
    const rows = await this.db.getRepository(TicketSlaEntity).find({ where: { ticketId }, relations: { policy: true } });
    const order = ['first_reply', 'next_reply', 'resolution'];
    return rows
      .sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target))
      .map((r) => ({
        target: r.target,
        policyKey: r.policy?.key ?? '',
        state: r.state,
        startedAt: r.startedAt.toISOString(),
        dueAt: r.dueAt?.toISOString() ?? null,
        pausedAt: r.pausedAt?.toISOString() ?? null,
        pausedMinutes: r.pausedMinutes,
        breachedAt: r.breachedAt?.toISOString() ?? null,
        fulfilledAt: r.fulfilledAt?.toISOString() ?? null,
        rungsDone: r.rungsDone,
        planVersion: r.planVersion,
      }));
  }

  // ---- planning (inside the ticket's transaction) -------------------------------------------

  private async onTicketChange(ctx: TicketChangeContext) {
    const { m, ticket: t, before, drafts, at } = ctx;
    // Only a new ticket, a message, or a change of status, priority, template or tags moves a timer:
    // other changes (fields, checklist, assignee…) skip the timer read altogether.
    const moves =
      before === null ||
      before.status !== t.status ||
      before.priority !== t.priority ||
      before.templateKey !== t.templateKey ||
      before.tags.join() !== t.tags.join() ||
      drafts.some((d) => d.kind === 'message_added');
    if (!moves) return;
    const loaded = await this.policies(m);
    const policy = matchPolicy(loaded.policies, t);
    // A ticket being created has no timers yet.
    const rows = before === null ? [] : await m.getRepository(TicketSlaEntity).findBy({ ticketId: t.id });
    const byTarget = new Map(rows.map((r) => [r.target, r]));
    if (!policy && rows.length === 0) return;
    const changed = new Map<SlaTarget, TicketSlaEntity>();
    const put = (target: SlaTarget, next: TimerState, policyId: string) => {
      const row = byTarget.get(target) ?? m.create(TicketSlaEntity, { ticketId: t.id, target });
      if (row.planVersion === next.planVersion && row.state === next.state && row.policyId === policyId) return;
      Object.assign(row, next, { policyId });
      byTarget.set(target, row);
      changed.set(target, row);
    };
    const timer = (r: TicketSlaEntity): TimerState => ({ ...r, rungsDone: [...r.rungsDone] });
    const clockOf = (business: boolean, p: SlaPolicyEntity | undefined) =>
      clockFor(business, loaded.calendars.get(p?.calendarId ?? '') ?? null);
    const policyOf = (r: TicketSlaEntity) => loaded.policies.find((p) => p.id === r.policyId) ?? policy ?? undefined;
    const paused = (status: string, p: SlaPolicyEntity | undefined | null) => !!p && p.pauseStatuses.includes(status as never);
    const specs = policy ? (policy.targets[t.priority] ?? {}) : {};

    // 1. New timers.
    if (before === null && policy) {
      for (const target of ['first_reply', 'resolution'] as const) {
        const spec = specs[target];
        if (spec) put(target, startTimer(clockOf(spec.business, policy), spec, at, paused(t.status, policy)), policy.id);
      }
    }
    for (const d of drafts) {
      if (d.kind !== 'message_added') continue;
      const kind = (d.after as { kind?: string } | null)?.kind;
      if (kind === 'public_reply') {
        for (const target of ['first_reply', 'next_reply'] as const) {
          const r = byTarget.get(target);
          if (r) put(target, fulfilTimer(timer(r), at), r.policyId);
        }
      } else if (kind === 'customer_message' && policy && specs.next_reply) {
        // The oldest unanswered customer message starts the clock; later ones do not restart it.
        const r = byTarget.get('next_reply');
        if (!r || r.fulfilledAt) {
          const spec = specs.next_reply;
          put('next_reply', startTimer(clockOf(spec.business, policy), spec, at, paused(t.status, policy), r?.planVersion ?? 0), policy.id);
        }
      }
    }

    // 2. Status: resolve fulfils everything; reopen resumes the resolution clock; pending states pause.
    if (before && before.status !== t.status) {
      const done = t.status === 'resolved' || t.status === 'closed';
      for (const r of [...byTarget.values()]) {
        const p = policyOf(r);
        const clock = clockOf(r.business, p);
        let next = timer(r);
        if (done) next = fulfilTimer(next, at);
        else if (before.status === 'resolved' && r.target === 'resolution') next = reopenTimer(clock, next, at);
        if (!done) {
          if (paused(t.status, p) && !paused(before.status, p)) next = pauseTimer(next, at);
          if (!paused(t.status, p)) next = resumeTimer(clock, next, at);
        }
        put(r.target, next, r.policyId);
      }
    }

    // 3. Priority, tags or template changed: the matching policy or its targets may differ.
    if (before && policy && (before.priority !== t.priority || before.templateKey !== t.templateKey || before.tags.join() !== t.tags.join())) {
      for (const r of [...byTarget.values()]) {
        const spec = specs[r.target];
        if (!spec) continue;
        const next = replanTimer(clockOf(spec.business, policy), timer(r), spec);
        put(r.target, next, next === timer(r) ? r.policyId : policy.id);
      }
    }

    if (changed.size === 0) return;
    await m.getRepository(TicketSlaEntity).save([...changed.values()]);
    const all = [...byTarget.values()];
    t.slaDueAt = minDate(all.filter((r) => r.state === 'active' && !r.fulfilledAt).map((r) => r.dueAt));
    t.slaBreached = all.some((r) => r.state === 'breached' && !r.fulfilledAt);
    const jobs = [...changed.values()].flatMap((r) => this.jobsFor(r, policyOf(r), loaded));
    return { afterCommit: () => this.enqueue(jobs) };
  }

  /**
   * The job of the timer's next rung only (none when nothing is pending). Each rung, once fired,
   * queues the one after it, so Redis holds one delayed job per live timer instead of one per rung:
   * a rebuild after Redis loss adds a third as many jobs. A lost hand-over is re-created by the
   * minute-by-minute reconcile (and fires marked late).
   */
  private jobsFor(r: TicketSlaEntity, p: SlaPolicyEntity | undefined, loaded: LoadedPolicies): FireSlaRungPayload[] {
    if (!p) return [];
    const clock = clockFor(r.business, loaded.calendars.get(p.calendarId) ?? null);
    const next = nextRung(pendingRungs(clock, r, p.ladder));
    return next ? [{ ticketId: r.ticketId, target: r.target, rung: next.rung, planVersion: r.planVersion, fireAt: next.fireAt.getTime() }] : [];
  }

  async enqueue(jobs: FireSlaRungPayload[]): Promise<void> {
    if (jobs.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(
      jobs.map((data) => ({
        name: FIRE_SLA_RUNG,
        data: withRequestId(data),
        opts: { ...FIRE_SLA_RUNG_OPTIONS, jobId: slaJobId(data), delay: Math.max(0, data.fireAt - now) },
      })),
    );
  }

  // ---- firing (worker) ------------------------------------------------------------------

  /** Applies one rung if it is still due under the same plan; otherwise does nothing. */
  async fireRung(p: FireSlaRungPayload): Promise<'fired' | 'stale'> {
    let outcome: 'fired' | 'stale' = 'stale';
    let following: FireSlaRungPayload[] = [];
    await this.tickets.applyChange(p.ticketId, SYSTEM_ACTOR, { allowClosed: true }, async (t, at, m) => {
      const row = await m.getRepository(TicketSlaEntity).findOneBy({ ticketId: p.ticketId, target: p.target });
      if (!row || row.planVersion !== p.planVersion || row.fulfilledAt || row.rungsDone.includes(p.rung)) return [];
      if (row.state !== 'active' && row.state !== 'breached') return [];
      const policy = (await this.policies(m)).policies.find((x) => x.id === row.policyId);
      const lateMs = Math.max(0, at.getTime() - p.fireAt);
      const late = lateMs > LATE_AFTER_MS;
      if (p.rung === 'warning' && row.state !== 'active') return [];
      const drafts: EventDraft[] = [];
      const done = new Set(row.rungsDone);
      // Rungs can arrive out of order (equal fire times, retries): a later rung applies the
      // earlier ones it implies first, and they are then stale when their own job arrives.
      const ladder: SlaRung[] = ['breach', 'escalate', 'raise_priority'];
      const rungs = p.rung === 'warning' ? (['warning'] as SlaRung[]) : ladder.slice(0, ladder.indexOf(p.rung) + 1).filter((r) => !done.has(r));
      for (const rung of rungs) {
        if (rung === 'breach' && row.state === 'active') {
          row.state = 'breached';
          row.breachedAt = row.dueAt ?? at;
          t.slaBreached = true;
        }
        if (rung === 'raise_priority') {
          const next = TICKET_PRIORITIES[Math.min(TICKET_PRIORITIES.indexOf(t.priority) + 1, TICKET_PRIORITIES.length - 1)] as TicketPriority;
          if (next !== t.priority) {
            drafts.push({ kind: 'priority_changed', before: { priority: t.priority }, after: { priority: next } });
            t.priority = next;
          }
        }
        done.add(rung);
        drafts.push({
          kind: RUNG_EVENT[rung],
          before: null,
          after: { target: p.target, rung, dueAt: row.dueAt?.toISOString() ?? null, policy: policy?.key ?? null, late, lateMs },
        });
        await this.notify(m, t, p.target, rung);
      }
      row.rungsDone = SLA_RUNGS.filter((r) => done.has(r));
      await m.getRepository(TicketSlaEntity).save(row);
      following = this.jobsFor(row, policy, await this.policies(m));
      const others = await m.getRepository(TicketSlaEntity).findBy({ ticketId: t.id });
      t.slaDueAt = minDate(others.filter((r) => r.state === 'active' && !r.fulfilledAt).map((r) => r.dueAt));
      outcome = 'fired';
      return drafts;
    });
    // The next rung of this timer (set only when this one fired), now that this one is committed.
    await this.enqueue(following);
    return outcome;
  }

  private async notify(m: EntityManager, t: TicketEntity, target: SlaTarget, rung: SlaRung): Promise<void> {
    const text = RUNG_TEXT[rung];
    const what = TARGET_TEXT[target];
    const base = {
      ticketId: t.id,
      kind: `sla_${rung}`,
      titleKo: `${t.reference} ${what.ko} ${text.ko}`,
      titleEn: `${t.reference}: ${text.en} (${what.en})`,
    };
    const rows: Partial<NotificationEntity>[] = [];
    // Every rung notifies someone: the assignee hears about warnings and breaches; leads hear
    // about breaches and escalations, and about warnings on tickets nobody owns.
    if (t.assigneeId && (rung === 'warning' || rung === 'breach')) rows.push({ ...base, recipientId: t.assigneeId });
    if (rung !== 'warning' || !t.assigneeId) rows.push({ ...base, recipientRole: 'lead' });
    if (rows.length) await m.insert(NotificationEntity, rows);
  }

  // ---- re-planning after a policy or calendar change (worker) -------------------------------

  /** Re-plans every running timer under the current policies and calendars. */
  async replanAll(batchSize = 500): Promise<{ tickets: number; moved: number }> {
    this.invalidatePolicies();
    let after = '00000000-0000-0000-0000-000000000000';
    let tickets = 0;
    let moved = 0;
    for (;;) {
      const ids = (
        (await this.db.query(
          `SELECT DISTINCT ticket_id FROM ticket_sla WHERE state IN ('active', 'paused') AND ticket_id > $1 ORDER BY ticket_id LIMIT $2`,
          [after, batchSize],
        )) as { ticket_id: string }[]
      ).map((r) => r.ticket_id);
      if (ids.length === 0) break;
      for (const id of ids) {
        tickets++;
        if (await this.replanTicket(id)) moved++;
      }
      after = ids[ids.length - 1];
    }
    return { tickets, moved };
  }

  private async replanTicket(ticketId: string): Promise<boolean> {
    const jobs = await this.db.transaction(async (m) => {
      const t = await m.getRepository(TicketEntity).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id: ticketId }).getOne();
      if (!t) return [];
      const loaded = await this.policies(m);
      const policy = matchPolicy(loaded.policies, t);
      const rows = await m.getRepository(TicketSlaEntity).findBy({ ticketId });
      const changed: TicketSlaEntity[] = [];
      for (const r of rows) {
        if (r.state !== 'active' && r.state !== 'paused') continue;
        const spec = policy?.targets[t.priority]?.[r.target];
        const owner = spec ? policy! : loaded.policies.find((p) => p.id === r.policyId);
        const clock = clockFor(spec?.business ?? r.business, loaded.calendars.get(owner?.calendarId ?? '') ?? null);
        let next: TimerState = { ...r, rungsDone: [...r.rungsDone] };
        if (spec) next = replanTimer(clock, next, spec);
        // Calendar edits move due times even when the target itself did not change.
        if (next.state === 'active') {
          const due = clock.add(next.startedAt, next.targetMinutes + next.pausedMinutes);
          if (due.getTime() !== next.dueAt?.getTime()) next = { ...next, dueAt: due, planVersion: next.planVersion + 1 };
        }
        if (next.planVersion !== r.planVersion) {
          Object.assign(r, next, { policyId: owner?.id ?? r.policyId });
          changed.push(r);
        }
      }
      if (changed.length === 0) return [];
      await m.getRepository(TicketSlaEntity).save(changed);
      const dueAt = minDate(rows.filter((r) => r.state === 'active' && !r.fulfilledAt).map((r) => r.dueAt));
      await m.update(TicketEntity, { id: ticketId }, { slaDueAt: dueAt });
      return changed.flatMap((r) => this.jobsFor(r, loaded.policies.find((p) => p.id === r.policyId), loaded));
    });
    await this.enqueue(jobs);
    return jobs.length > 0;
  }

  /** Lead dashboard: breaches since midnight KST, timers due within the hour, open breached tickets. */
  async summary(): Promise<{ breachedToday: number; atRisk: number; breachedOpen: number }> {
    const [r] = (await this.db.query(`
      SELECT
        (SELECT count(*) FROM ticket_sla
          WHERE breached_at >= date_trunc('day', now() AT TIME ZONE 'Asia/Seoul') AT TIME ZONE 'Asia/Seoul')::int AS "breachedToday",
        (SELECT count(*) FROM tickets WHERE sla_due_at > now() AND sla_due_at <= now() + interval '1 hour')::int AS "atRisk",
        (SELECT count(*) FROM tickets WHERE sla_breached AND status NOT IN ('resolved', 'closed'))::int AS "breachedOpen"
    `)) as { breachedToday: number; atRisk: number; breachedOpen: number }[];
    return r;
  }

  // ---- reconciliation (worker) ------------------------------------------------------------

  /**
   * Re-creates the job of every rung that PostgreSQL says is still to fire but Redis does not
   * hold (FLUSHALL, Redis restart, lost enqueue). Late rungs fire at once and are marked late.
   */
  async reconcile(batchSize = 5_000): Promise<{ checked: number; recreated: number }> {
    const loaded = await this.policies(this.db.manager);
    const backend = this.queue.getBackend();
    let checked = 0;
    let recreated = 0;
    let after: [string, string] | null = null;
    let pending: Promise<void> = Promise.resolve();
    for (;;) {
      // Keyset pagination on the primary key: each batch is an index range scan, not a sort.
      const qb = this.db
        .getRepository(TicketSlaEntity)
        .createQueryBuilder('s')
        .where(`s.state IN ('active', 'breached') AND s.fulfilled_at IS NULL`);
      if (after) qb.andWhere(`(s.ticket_id, s.target) > (:id::uuid, :target::sla_target)`, { id: after[0], target: after[1] });
      const rows = await qb.orderBy('s.ticket_id', 'ASC').addOrderBy('s.target', 'ASC').limit(batchSize).getMany();
      if (rows.length === 0) break;
      after = [rows[rows.length - 1].ticketId, rows[rows.length - 1].target];
      const jobs = rows.flatMap((r) => this.jobsFor(r, loaded.policies.find((p) => p.id === r.policyId), loaded));
      checked += jobs.length;
      if (jobs.length === 0) continue;
      const pipeline = this.redis.pipeline();
      for (const j of jobs) pipeline.exists(backend.toKey(slaJobId(j)));
      const exists = (await pipeline.exec()) ?? [];
      const missing = jobs.filter((_, i) => exists[i]?.[1] !== 1);
      recreated += missing.length;
      // Enqueue this batch while PostgreSQL reads the next one.
      await pending;
      pending = this.enqueue(missing);
    }
    await pending;
    if (recreated) this.logger.warn(`SLA reconcile: re-created ${recreated} of ${checked} timers`);
    return { checked, recreated };
  }

  private async policies(m: EntityManager): Promise<LoadedPolicies> {
    if (this.cache && Date.now() - this.cache.at < POLICY_CACHE_MS) return this.cache;
    const policies = await m.getRepository(SlaPolicyEntity).find({ where: { active: true }, order: { position: 'ASC' } });
    const ids = [...new Set(policies.map((p) => p.calendarId))];
    const cals = ids.length ? await m.getRepository(BusinessCalendarEntity).findBy({ id: In(ids) }) : [];
    const calendars = new Map(
      cals.map((c) => [c.id, new BusinessCalendar({ weekly: c.weeklyHours, closedDays: c.closedDays, publicHolidays: c.publicHolidays })]),
    );
    this.cache = { at: Date.now(), policies, calendars };
    return this.cache;
  }
}

export function clockFor(business: boolean, calendar: BusinessCalendar | null): SlaClock {
  if (business && calendar) {
    return { add: (s, min) => calendar.addBusinessMinutes(s, min), between: (a, b) => calendar.businessMinutesBetween(a, b) };
  }
  return { add: addCalendarMinutes, between: (a, b) => Math.max(0, (b.getTime() - a.getTime()) / 60_000) };
}

export function matchPolicy(policies: SlaPolicyEntity[], t: TicketEntity): SlaPolicyEntity | null {
  return (
    policies.find((p) => {
      const f = p.filter;
      return (
        (!f.types || f.types.includes(t.type)) &&
        (!f.templateKeys || (t.templateKey !== null && f.templateKeys.includes(t.templateKey))) &&
        (!f.priorities || f.priorities.includes(t.priority)) &&
        (!f.channels || f.channels.includes(t.channel)) &&
        (!f.tagsAny || f.tagsAny.some((tag) => t.tags.includes(tag)))
      );
    }) ?? null
  );
}

function minDate(ds: (Date | null)[]): Date | null {
  const xs = ds.filter((d): d is Date => d !== null);
  return xs.length ? new Date(Math.min(...xs.map((d) => d.getTime()))) : null;
}
