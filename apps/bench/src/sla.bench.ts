// SLA timers at scale: N open tickets with live timers (default 100,000). Measures how long it
// takes to (re)build every timer in Redis from PostgreSQL — once from empty, then `runs` times after
// FLUSHDB, beside a raw BullMQ addBulk of as many delayed jobs — and how late the real worker
// process fires breaches against their due time.
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { spawn } from 'node:child_process';
import IORedis from 'ioredis';
import { AppConfigModule } from '@shopdesk/server/core/config/config.module';
import { DatabaseModule } from '@shopdesk/server/core/db/database.module';
import { QueueModule } from '@shopdesk/server/core/queue/queue.module';
import { QueueName } from '@shopdesk/server/core/queue/queue-names';
import { redisOptionsFromUrl } from '@shopdesk/server/core/queue/redis-options';
import { SlaService } from '@shopdesk/server/sla/sla.service';
import { TicketingModule } from '@shopdesk/server/ticketing.module';
import { DataSource } from 'typeorm';
import { prepareBenchDatabase, stopProcess, WORKER_MAIN } from './bench-env';
import { type BenchResult, summarize } from './stats';

@Module({ imports: [AppConfigModule, DatabaseModule, QueueModule.forRoot('producer'), TicketingModule] })
class BenchModule {}

export interface SlaOptions {
  tickets: number;
  nearTerm: number;
  windowSeconds: number;
  runs: number;
}

/** Until the worker listens on the SLA queue and its start-up reconcile has left nothing waiting. */
async function workerSettled(queue: Queue, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const counts = await queue.getJobCounts('wait', 'active', 'prioritized');
    if ((await queue.getWorkersCount()) > 0 && counts.wait + counts.active + counts.prioritized === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the worker did not settle on the ${QueueName.SlaLadder} queue within ${timeoutMs / 1000} s`);
}

export async function benchSla(opts: SlaOptions): Promise<BenchResult> {
  await prepareBenchDatabase();
  const redis = new IORedis(redisOptionsFromUrl(process.env.REDIS_URL!));
  await redis.flushdb(); // the bench Redis DB only
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  const db = app.get(DataSource);
  const sla = app.get(SlaService);

  console.log(`preparing ${opts.tickets.toLocaleString()} open tickets with live first-reply timers…`);
  await db.query(`TRUNCATE tickets, ticket_events, ticket_messages, ticket_sla, notifications, ticket_event_projections, ticket_scenarios CASCADE`);
  await db.query(`DELETE FROM sla_policies WHERE key = 'benchWall'`);
  await db.query(
    `INSERT INTO sla_policies (key, name_ko, name_en, position, filter, targets, ladder, calendar_id)
     SELECT 'benchWall', '벤치', 'Bench', 0, '{"tagsAny":["bench-sla"]}',
            '{"normal":{"first_reply":{"minutes":60,"business":false}}}',
            '{"warningPercent":75,"escalateAfterSeconds":3600,"raisePriorityAfterSeconds":7200}', id
       FROM business_calendars WHERE key = 'default'`,
  );
  sla.invalidatePolicies();
  const t0 = Date.now();
  await db.query(
    `INSERT INTO tickets (reference, type, status, priority, channel, subject, customer_name, tags)
     SELECT 'SB-' || lpad(i::text, 7, '0'), 'missing_delivery', 'open', 'normal', 'form', '벤치 티켓', '벤치 고객', '{bench-sla}'
       FROM generate_series(1, $1) AS i`,
    [opts.tickets],
  );
  // All timers start hours away; the first `nearTerm` are moved into the window once the worker runs.
  await db.query(
    `INSERT INTO ticket_sla (ticket_id, target, policy_id, business, target_minutes, state, started_at, due_at, rungs_done)
     SELECT t.id, 'first_reply', p.id, false, 60, 'active', now(),
            now() + make_interval(hours => (1 + (row_number() OVER (ORDER BY t.reference) % 48))::int),
            '{warning}'
       FROM tickets t, sla_policies p WHERE p.key = 'benchWall'`,
  );
  await db.query(`UPDATE tickets t SET sla_due_at = s.due_at FROM ticket_sla s WHERE s.ticket_id = t.id`);
  console.log(`  data ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  let started = Date.now();
  const first = await sla.reconcile();
  const buildSeconds = (Date.now() - started) / 1000;
  console.log(`timer build from PostgreSQL (empty Redis): ${first.recreated.toLocaleString()} jobs for ${opts.tickets.toLocaleString()} timers in ${buildSeconds.toFixed(1)} s`);

  const rebuilds: number[] = [];
  const ceilings: number[] = [];
  const ceilingQueue = new Queue('bench-sla-ceiling', { connection: redisOptionsFromUrl(process.env.REDIS_URL!), prefix: process.env.QUEUE_PREFIX });
  for (let run = 1; run <= opts.runs; run++) {
    await redis.flushdb();
    started = Date.now();
    const rebuilt = await sla.reconcile();
    rebuilds.push((Date.now() - started) / 1000);
    // Ceiling: the same number of delayed jobs added with raw BullMQ addBulk, in the reconciler's batch size.
    await redis.flushdb();
    started = Date.now();
    for (let from = 0; from < rebuilt.recreated; from += 5_000) {
      const n = Math.min(5_000, rebuilt.recreated - from);
      await ceilingQueue.addBulk(
        Array.from({ length: n }, (_, i) => ({ name: 'x', data: { i: from + i }, opts: { jobId: `c-${from + i}`, delay: 3_600_000 } })),
      );
    }
    ceilings.push((Date.now() - started) / 1000);
    console.log(
      `run ${run}: timer rebuild after FLUSHDB: ${rebuilt.recreated.toLocaleString()} jobs in ${rebuilds[run - 1].toFixed(1)} s; ` +
        `raw BullMQ addBulk of as many delayed jobs ${ceilings[run - 1].toFixed(1)} s`,
    );
  }
  await redis.flushdb();
  await ceilingQueue.close();
  await sla.reconcile();

  const worker = spawn(process.execPath, [WORKER_MAIN], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Let the worker finish its start-up reconcile, then put the near-term timers due inside the
  // measuring window (a new plan version each, so their earlier jobs are stale).
  const slaQueue = new Queue(QueueName.SlaLadder, { connection: redisOptionsFromUrl(process.env.REDIS_URL!), prefix: process.env.QUEUE_PREFIX });
  await workerSettled(slaQueue, 120_000);
  await slaQueue.close();
  const shifted = (await db.query(
    `UPDATE ticket_sla s SET plan_version = plan_version + 1,
            due_at = now() + make_interval(secs => 5 + $2::float * n.rn / $1)
       FROM (SELECT ticket_id, row_number() OVER (ORDER BY ticket_id) AS rn FROM ticket_sla ORDER BY ticket_id LIMIT $1) n
      WHERE s.ticket_id = n.ticket_id AND s.target = 'first_reply'
      RETURNING s.ticket_id, s.plan_version, s.due_at`,
    [opts.nearTerm, opts.windowSeconds],
  )) as [{ ticket_id: string; plan_version: number; due_at: Date }[], number];
  await sla.enqueue(
    shifted[0].map((r) => ({
      ticketId: r.ticket_id,
      target: 'first_reply' as const,
      rung: 'breach' as const,
      planVersion: r.plan_version,
      fireAt: new Date(r.due_at).getTime(),
    })),
  );
  const deadline = Date.now() + (opts.windowSeconds + 60) * 1000;
  let fired = 0;
  while (Date.now() < deadline) {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM ticket_events WHERE kind = 'sla_breached'`)) as { n: number }[];
    fired = n;
    if (fired >= opts.nearTerm) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  await stopProcess(worker);

  const rows = (await db.query(`SELECT (after->>'lateMs')::float AS late FROM ticket_events WHERE kind = 'sla_breached'`)) as { late: number }[];
  const lateness = rows.map((r) => r.late);
  const s = summarize(lateness);
  console.log(
    `escalation lateness (breach rung, ${s.n} of ${opts.nearTerm} due in the window, ${opts.tickets.toLocaleString()} live timers): ` +
      `p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, max ${s.max.toFixed(0)} ms (goal p99 ≤ 1000 ms)`,
  );
  await db.query(`TRUNCATE tickets, ticket_events, ticket_messages, ticket_sla, notifications, ticket_event_projections, ticket_scenarios CASCADE`);
  await db.query(`DELETE FROM sla_policies WHERE key = 'benchWall'`);
  await redis.flushdb();
  await redis.quit();
  await app.close();
  return {
    bench: 'sla',
    dataset: `${opts.tickets.toLocaleString('en-US')} live first-reply timers; ${opts.nearTerm.toLocaleString('en-US')} made due within ${opts.windowSeconds} s`,
    figures: [
      { name: 'SLA breach lateness (worker)', unit: 'ms', runs: lateness, goal: { stat: 'p99', op: '<=', value: 1_000 } },
      {
        name: 'SLA timer rebuild after Redis loss',
        unit: 's',
        runs: rebuilds,
        ceilings: [{ name: 'raw BullMQ addBulk of as many delayed jobs', runs: ceilings }],
        goal: { stat: 'max', op: '<=', value: 30 },
      },
      { name: 'SLA timer build from empty Redis', unit: 's', runs: [buildSeconds] },
    ],
  };
}
