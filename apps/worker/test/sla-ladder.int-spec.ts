// SLA timers on the real PostgreSQL, Redis and worker process: seconds-long targets walk the
// whole escalation ladder; replies fulfil; pauses push the breach out; duplicates fire once;
// losing Redis loses nothing.
import IORedis from 'ioredis';
import { redisOptionsFromUrl } from '@shopdesk/server/core/queue/redis-options';
import { SlaService } from '@shopdesk/server/sla/sla.service';
import { TicketsService } from '@shopdesk/server/tickets/tickets.service';
import { SYSTEM_ACTOR } from '@shopdesk/server/auth/actor';
import { createTicket, factoryContext, testQuery } from '@shopdesk/testing/factories';
import { TEST_REDIS_URL } from '@shopdesk/testing/test-env';
import { startWorkerProcess, waitFor, type WorkerProcess } from '@shopdesk/testing/worker-process';

jest.setTimeout(60_000);

const sec = (s: number) => ({ minutes: s / 60, business: false });

async function events(ticketId: string): Promise<{ kind: string; after: Record<string, unknown> }[]> {
  return testQuery(`SELECT kind, after FROM ticket_events WHERE ticket_id = $1 AND kind LIKE 'sla_%' ORDER BY id`, [ticketId]);
}

describe('SLA escalation ladder (real Redis + PostgreSQL + worker)', () => {
  let worker: WorkerProcess;

  beforeAll(async () => {
    const [{ id: calendarId }] = await testQuery<{ id: string }>(`SELECT id FROM business_calendars WHERE key = 'default'`);
    // Wall-clock seconds so the ladder runs inside a test; position 0 so it matches first.
    await testQuery(
      `INSERT INTO sla_policies (key, name_ko, name_en, position, filter, targets, ladder, calendar_id)
       VALUES ('fastTest', '테스트', 'Test', 0, $1, $2, $3, $4)`,
      [
        JSON.stringify({ tagsAny: ['sla-fast'] }),
        JSON.stringify({ normal: { first_reply: sec(2), resolution: sec(3) } }),
        JSON.stringify({ warningPercent: 50, escalateAfterSeconds: 1, raisePriorityAfterSeconds: 2 }),
        calendarId,
      ],
    );
    worker = await startWorkerProcess();
  }, 30_000);

  afterAll(async () => {
    await worker?.stop();
    await testQuery(`DELETE FROM ticket_sla WHERE policy_id IN (SELECT id FROM sla_policies WHERE key = 'fastTest')`);
    await testQuery(`DELETE FROM sla_policies WHERE key = 'fastTest'`);
  });

  it('walks warning → breach → escalate → raise priority, in order, once each', async () => {
    const t = await createTicket({ tags: ['sla-fast'], priority: 'normal' });
    const [row] = await testQuery<{ due_at: Date; state: string }>(
      `SELECT due_at, state FROM ticket_sla WHERE ticket_id = $1 AND target = 'first_reply'`,
      [t.id],
    );
    expect(row.state).toBe('active');
    const firstReply = await waitFor(async () => {
      const es = (await events(t.id)).filter((e) => e.after.target === 'first_reply');
      return es.length >= 4 ? es : undefined;
    }, 15_000);
    expect(firstReply.map((e) => e.kind)).toEqual(['sla_warning', 'sla_breached', 'sla_escalated', 'sla_priority_raised']);
    const [after] = await testQuery<{ priority: string; sla_breached: boolean }>(
      `SELECT priority, sla_breached FROM tickets WHERE id = $1`,
      [t.id],
    );
    expect(after.priority).not.toBe('normal');
    expect(after.sla_breached).toBe(true);
    const notes = await testQuery<{ kind: string; recipient_role: string | null }>(
      `SELECT kind, recipient_role FROM notifications WHERE ticket_id = $1 ORDER BY created_at`,
      [t.id],
    );
    expect(notes.map((n) => n.kind)).toEqual(expect.arrayContaining(['sla_breach', 'sla_escalate', 'sla_raise_priority']));
    const [timer] = await testQuery<{ state: string; rungs_done: string[]; breached_at: Date }>(
      `SELECT state, rungs_done, breached_at FROM ticket_sla WHERE ticket_id = $1 AND target = 'first_reply'`,
      [t.id],
    );
    expect(timer.state).toBe('breached');
    expect(timer.rungs_done).toEqual(['warning', 'breach', 'escalate', 'raise_priority']);
    expect(new Date(timer.breached_at).getTime()).toBe(new Date(row.due_at).getTime());
  });

  it('a reply fulfils the first-reply target and its later rungs do nothing', async () => {
    const t = await createTicket({ tags: ['sla-fast'], priority: 'normal' });
    const tickets = (await factoryContext()).get(TicketsService);
    await tickets.addMessage(t.id, { kind: 'public_reply', body: '확인 중입니다.' }, { ...SYSTEM_ACTOR, type: 'agent', name: '김상담' });
    await new Promise((r) => setTimeout(r, 3_500));
    const kinds = (await events(t.id)).filter((e) => e.after.target === 'first_reply').map((e) => e.kind);
    expect(kinds.filter((k) => k !== 'sla_warning')).toEqual([]);
    const [timer] = await testQuery<{ state: string; fulfilled_at: Date | null }>(
      `SELECT state, fulfilled_at FROM ticket_sla WHERE ticket_id = $1 AND target = 'first_reply'`,
      [t.id],
    );
    expect(timer.state).toBe('fulfilled');
    expect(timer.fulfilled_at).not.toBeNull();
  });

  it('pausing (pending_customer) delays the resolution breach by the paused time', async () => {
    const t = await createTicket({ tags: ['sla-fast'], priority: 'normal' });
    const tickets = (await factoryContext()).get(TicketsService);
    await tickets.changeStatus(t.id, 'pending_customer', SYSTEM_ACTOR);
    const [paused] = await testQuery<{ state: string; due_at: Date | null }>(
      `SELECT state, due_at FROM ticket_sla WHERE ticket_id = $1 AND target = 'resolution'`,
      [t.id],
    );
    expect(paused).toEqual({ state: 'paused', due_at: null });
    await new Promise((r) => setTimeout(r, 2_000));
    await tickets.changeStatus(t.id, 'open', SYSTEM_ACTOR);
    const [resumed] = await testQuery<{ started_at: Date; due_at: Date; paused_minutes: string }>(
      `SELECT started_at, due_at, paused_minutes FROM ticket_sla WHERE ticket_id = $1 AND target = 'resolution'`,
      [t.id],
    );
    const pausedMs = Number(resumed.paused_minutes) * 60_000;
    expect(pausedMs).toBeGreaterThanOrEqual(1_900);
    expect(new Date(resumed.due_at).getTime() - new Date(resumed.started_at).getTime()).toBeCloseTo(3_000 + pausedMs, -1);
    const breach = await waitFor(async () => {
      const es = (await events(t.id)).filter((e) => e.after.target === 'resolution' && e.kind === 'sla_breached');
      return es.length ? es : undefined;
    }, 10_000);
    expect(breach).toHaveLength(1);
  });

  it('duplicated jobs and duplicated deliveries escalate once', async () => {
    const t = await createTicket({ priority: 'low' }); // the standard policy: hours away
    const sla = (await factoryContext()).get(SlaService);
    const [row] = await testQuery<{ plan_version: number; due_at: Date }>(
      `SELECT plan_version, due_at FROM ticket_sla WHERE ticket_id = $1 AND target = 'resolution'`,
      [t.id],
    );
    const payload = { ticketId: t.id, target: 'resolution' as const, rung: 'breach' as const, planVersion: row.plan_version, fireAt: Date.now() };
    const results = await Promise.all([sla.fireRung(payload), sla.fireRung(payload), sla.fireRung(payload)]);
    expect(results.filter((r) => r === 'fired')).toHaveLength(1);
    await sla.enqueue([payload, payload]);
    expect(await sla.fireRung({ ...payload, planVersion: row.plan_version - 1 })).toBe('stale');
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await events(t.id)).filter((e) => e.kind === 'sla_breached')).toHaveLength(1);
  });

  it('after Redis is flushed, one reconcile brings every timer back and each breach fires once (late)', async () => {
    const redis = new IORedis(redisOptionsFromUrl(TEST_REDIS_URL));
    await worker.stop();
    const far = await createTicket({ priority: 'high' }); // standard policy: hours away
    const soon = await createTicket({ tags: ['sla-fast'], priority: 'normal' }); // 2 s first reply
    await redis.flushdb(); // the test Redis DB only: every queued job is gone
    await new Promise((r) => setTimeout(r, 3_000)); // soon's due time passes with no job to fire it

    worker = await startWorkerProcess(); // reconciles on start
    const breach = await waitFor(async () => {
      const es = (await events(soon.id)).filter((e) => e.after.target === 'first_reply' && e.kind === 'sla_breached');
      return es.length ? es : undefined;
    }, 15_000);
    expect(breach).toHaveLength(1);
    expect(breach[0].after.late).toBe(true);

    const sla = (await factoryContext()).get(SlaService);
    const again = await sla.reconcile();
    expect(again.recreated).toBe(0); // everything pending is back in Redis
    const [{ n }] = await testQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM ticket_sla WHERE ticket_id = $1 AND state = 'active'`,
      [far.id],
    );
    expect(n).toBeGreaterThan(0);
    const keys = await redis.keys(`shopdesk-test:sla-ladder:sla-${far.id}-*`);
    expect(keys).toHaveLength(n); // one queued rung (the next one) per live timer; each fired rung queues the one after it
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await events(soon.id)).filter((e) => e.kind === 'sla_breached' && e.after.target === 'first_reply')).toHaveLength(1);
    await redis.quit();
  });
});
