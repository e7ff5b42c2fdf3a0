// SLA timers at scale: N open tickets with live timers (default 100,000). Prints how long it
// takes to (re)build every timer in Redis from PostgreSQL — once from empty, once after FLUSHDB —
// and how late the real worker process fires breaches against their due time.
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { AppConfigModule } from '@shopdesk/server/core/config/config.module';
import { DatabaseModule } from '@shopdesk/server/core/db/database.module';
import { QueueModule } from '@shopdesk/server/core/queue/queue.module';
import { redisOptionsFromUrl } from '@shopdesk/server/core/queue/redis-options';
import { SlaService } from '@shopdesk/server/sla/sla.service';
import { TicketingModule } from '@shopdesk/server/ticketing.module';
import { DataSource } from 'typeorm';
import { prepareBenchDatabase } from './bench-env';
import { summarize } from './stats';

@Module({ imports: [AppConfigModule, DatabaseModule, QueueModule.forRoot('producer'), TicketingModule] })
class BenchModule {}

export async function benchSla(opts: { tickets: number; nearTerm: number; windowSeconds: number }): Promise<void> {
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

  await redis.flushdb();
  started = Date.now();
  const rebuilt = await sla.reconcile();
  const rebuildSeconds = (Date.now() - started) / 1000;
  console.log(`timer rebuild after FLUSHDB: ${rebuilt.recreated.toLocaleString()} jobs in ${rebuildSeconds.toFixed(1)} s (goal ≤ 30 s)`);

  const worker = spawn(process.execPath, [join(__dirname, '../../worker/dist/main.js')], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Let the worker finish its start-up reconcile, then put the near-term timers due inside the
  // measuring window (a new plan version each, so their earlier jobs are stale).
  await new Promise((r) => setTimeout(r, 20_000));
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
  const exited = new Promise((r) => worker.once('exit', r));
  worker.kill('SIGTERM');
  await exited;

  const rows = (await db.query(`SELECT (after->>'lateMs')::float AS late FROM ticket_events WHERE kind = 'sla_breached'`)) as { late: number }[];
  const s = summarize(rows.map((r) => r.late));
  console.log(
    `escalation lateness (breach rung, ${s.n} of ${opts.nearTerm} due in the window, ${opts.tickets.toLocaleString()} live timers): ` +
      `p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, max ${s.max.toFixed(0)} ms (goal p99 ≤ 1000 ms)`,
  );
  await db.query(`TRUNCATE tickets, ticket_events, ticket_messages, ticket_sla, notifications, ticket_event_projections, ticket_scenarios CASCADE`);
  await db.query(`DELETE FROM sla_policies WHERE key = 'benchWall'`);
  await redis.flushdb();
  await redis.quit();
  await app.close();
}
