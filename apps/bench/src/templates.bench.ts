// Apply-template + resolve round trip through the real services on real PostgreSQL (and Redis for
// the activity queue): apply micropayment_cancel, fill the missing field, tick both blocking steps,
// resolve "cancelled" with the rendered canned reply. Five audited transactions per round trip.
import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import { NestFactory } from '@nestjs/core';
import { SYSTEM_ACTOR, type Actor } from '@shopdesk/server/auth/actor';
import { AppConfigModule } from '@shopdesk/server/core/config/config.module';
import { DatabaseModule } from '@shopdesk/server/core/db/database.module';
import { QueueModule } from '@shopdesk/server/core/queue/queue.module';
import { ScenarioTemplatesService } from '@shopdesk/server/scenarios/scenario-templates.service';
import { TicketingModule } from '@shopdesk/server/ticketing.module';
import { SEED_TEMPLATES } from '@shopdesk/server/scenarios/seed-templates';
import { TicketScenarioService } from '@shopdesk/server/scenarios/ticket-scenario.service';
import { TicketsService } from '@shopdesk/server/tickets/tickets.service';
import { prepareBenchDatabase } from './bench-env';
import { type BenchResult, ms, summarize } from './stats';

/** Issue 3's goal: apply-template + resolve round trips per second on this machine. */
const GOAL_ROUND_TRIPS = 500;

@Module({ imports: [AppConfigModule, DatabaseModule, QueueModule.forRoot('producer'), TicketingModule] })
class BenchModule {}

export async function benchTemplates(opts: { roundTrips: number; concurrency: number; runs: number }): Promise<BenchResult> {
  await prepareBenchDatabase();
  process.env.DATABASE_POOL_SIZE = String(opts.concurrency + 2);
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  const tickets = app.get(TicketsService);
  const scenarios = app.get(TicketScenarioService);
  await app.get(ScenarioTemplatesService).ensureSeeded(SEED_TEMPLATES);
  const actor: Actor = { ...SYSTEM_ACTOR, name: '벤치 / bench' };

  const results: number[] = [];
  for (let run = 1; run <= opts.runs; run++) {
    const ids: string[] = [];
    for (let i = 0; i < opts.roundTrips; i++) {
      const t = await tickets.create(
        {
          type: 'cancellation',
          subject: '휴대폰 소액결제 취소 요청',
          channel: 'form',
          customer: { name: '벤치고객', phone: '010-0000-1234' },
          order: { amount: 9_900, paymentMethod: 'mobile_carrier', paidAt: new Date().toISOString() },
        },
        actor,
      );
      ids.push(t.id);
    }
    const latencies: number[] = [];
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (next < ids.length) {
          const id = ids[next++];
          const t0 = process.hrtime.bigint();
          await scenarios.apply(id, 'micropayment_cancel', actor);
          await scenarios.setFields(id, { productName: '웹툰 이용권' }, actor);
          await scenarios.setChecklistStep(id, 'matchPayment', true, actor);
          await scenarios.setChecklistStep(id, 'checkWindow', true, actor);
          await scenarios.resolve(id, { code: 'cancelled', reply: { lang: 'ko' } }, actor);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rate = opts.roundTrips / seconds;
    results.push(rate);
    const s = summarize(latencies);
    console.log(
      `run ${run}: ${opts.roundTrips} round trips in ${seconds.toFixed(2)} s → ${rate.toFixed(0)} round trips/s ` +
        `(${(rate * 5).toFixed(0)} audited writes/s); latency p50 ${ms(s.p50)} p95 ${ms(s.p95)} p99 ${ms(s.p99)}`,
    );
  }
  const s = summarize(results);
  console.log(
    `templates: apply+resolve round trips/s over ${opts.runs} runs — min ${s.min.toFixed(0)}, median ${s.p50.toFixed(0)}, max ${s.max.toFixed(0)} ` +
      `(concurrency ${opts.concurrency})`,
  );
  await app.close();

  // Ceiling: the same five audited changes per round trip as bare SQL over node-pg (lock the
  // ticket, update it, append its event; one transaction each) — what PostgreSQL and the
  // network stack allow on this machine before any framework code runs.
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: opts.concurrency });
  const ids = (
    await pool.query<{ id: string }>(`SELECT id FROM tickets ORDER BY created_at DESC LIMIT $1`, [opts.roundTrips])
  ).rows.map((r) => r.id);
  const ceilings: number[] = [];
  for (let run = 1; run <= opts.runs; run++) {
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        const c = await pool.connect();
        try {
          while (next < ids.length) {
            const id = ids[next++];
            for (let step = 0; step < 5; step++) {
              await c.query('BEGIN');
              await c.query('SELECT id, status FROM tickets WHERE id = $1 FOR UPDATE', [id]);
              await c.query('UPDATE tickets SET updated_at = now() WHERE id = $1', [id]);
              await c.query(
                `INSERT INTO ticket_events (ticket_id, kind, actor_type, actor_name, after) VALUES ($1, 'checklist_changed', 'system', 'bench', $2) RETURNING id`,
                [id, { step, done: true }],
              );
              await c.query('COMMIT');
            }
          }
        } finally {
          c.release();
        }
      }),
    );
    ceilings.push(ids.length / (Number(process.hrtime.bigint() - started) / 1e9));
  }
  const ceiling = summarize(ceilings).p50;
  console.log(`ceiling (raw pg, 5 audited changes per round trip): median ${ceiling.toFixed(0)} round trips/s — ShopDesk reaches ${((100 * s.p50) / ceiling).toFixed(0)} % of it`);
  await pool.end();
  return {
    bench: 'templates',
    dataset: `${opts.runs} runs × ${opts.roundTrips.toLocaleString('en-US')} apply+resolve round trips (5 audited writes each) at concurrency ${opts.concurrency}`,
    figures: [
      {
        name: 'template apply+resolve round trips',
        unit: 'round trips/s',
        runs: results,
        ceilings: [{ name: 'raw pg, 5 audited transactions per round trip', runs: ceilings }],
        goal: { stat: 'median', op: '>=', value: GOAL_ROUND_TRIPS },
      },
    ],
  };
}
