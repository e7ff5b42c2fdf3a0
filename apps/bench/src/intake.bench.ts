// Public support form at load: `POST /public/tickets` (JSON, no attachment) against the real API
// process, side by side with its ceiling measured in the same run — a raw node-pg single-row INSERT
// loop into a table shaped like `tickets`, at the same concurrency and the same pool size.
// Afterwards: every acknowledged ticket (201) must be stored.
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import type { PublicTicketInput } from '@shopdesk/contracts/public';
import { loadConfig } from '@shopdesk/server/core/config/app-config';
import { AppConfigModule } from '@shopdesk/server/core/config/config.module';
import { DatabaseModule } from '@shopdesk/server/core/db/database.module';
import { QueueModule } from '@shopdesk/server/core/queue/queue.module';
import { redisOptionsFromUrl } from '@shopdesk/server/core/queue/redis-options';
import { signFormToken } from '@shopdesk/server/customer-portal/public-crypto';
import { ScenarioTemplatesService } from '@shopdesk/server/scenarios/scenario-templates.service';
import { SEED_TEMPLATES } from '@shopdesk/server/scenarios/seed-templates';
import { TicketingModule } from '@shopdesk/server/ticketing.module';
import { API_MAIN, apiNodeArgs, freePort, peakRssMb, prepareOwnBenchDatabase, publicFormLoadEnv, stopProcess, waitForHealth, WORKER_MAIN } from './bench-env';
import { loadHttp, statusSummary } from './http-load';
import { type BenchResult, ms, rateFor, summarize } from './stats';

export const FORM_SECRET = 'bench-form-token-secret-0123456789abcdef';
const GOAL_RATE = 1_500;
const GOAL_RATIO = 0.5;

@Module({ imports: [AppConfigModule, DatabaseModule, QueueModule.forRoot('producer'), TicketingModule] })
class SeedModule {}

/** The seed templates (micropayment_cancel is the form's situation), as `npm run seed` writes them. */
export async function seedFormTemplates(): Promise<void> {
  const seeder = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  await seeder.get(ScenarioTemplatesService).ensureSeeded(SEED_TEMPLATES);
  await seeder.close();
}

/**
 * The same submission as `micropaymentSubmission()` in libs/testing/src/public-form.ts (not
 * imported: that module's test-env points the process at the test database on import), with a
 * unique e-mail and a form token signed a minute ago with the bench's shared secret.
 */
export function submission(email: string): PublicTicketInput {
  return {
    templateKey: 'micropayment_cancel',
    type: 'cancellation',
    locale: 'ko',
    fields: {
      productName: '모바일 게임 아이템 패키지',
      paidAt: '2026-11-20T21:10:00+09:00',
      amount: 33_000,
      phoneNumber: '010-2345-6789',
      carrier: 'skt',
      cancelReason: '아이가 실수로 결제했습니다.',
    },
    description: '어젯밤 아이가 제 휴대폰으로 게임 아이템을 결제했어요. 취소해 주세요.',
    contact: { name: '박고객', email, phone: '010-2345-6789' },
    privacyConsent: true,
    formToken: signFormToken(FORM_SECRET, Date.now() - 60_000),
    website: '',
  };
}

/** A new submission for each request: unique e-mail and idempotency key. */
function nextSubmission(tag: string): () => { body: string; headers: Record<string, string> } {
  let i = 0;
  return () => ({
    body: JSON.stringify(submission(`bench.${tag}.${i++}.${randomUUID().slice(0, 8)}@example.com`)),
    headers: { 'idempotency-key': `bench-${randomUUID()}` },
  });
}

const pct = (x: number) => `${(100 * x).toFixed(0)} %`;

export interface IntakeOptions {
  /** Seconds of load per run (each run: the API, then the raw INSERT ceiling for as long). */
  seconds: number;
  concurrency: number;
  runs: number;
  warmupSeconds?: number;
}

export async function benchIntake(opts: IntakeOptions): Promise<BenchResult> {
  const warmupSeconds = opts.warmupSeconds ?? Math.min(5, opts.seconds);
  const poolSize = Number(process.env.BENCH_POOL_SIZE || loadConfig({}).databasePoolSize);
  // This bench's own database, Redis DB and queue prefix (other benches TRUNCATE tickets).
  const url = await prepareOwnBenchDatabase({
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/shopdesk_bench_intake',
    redisUrl: 'redis://127.0.0.1:6379/10',
    queuePrefix: 'shopdesk-bench-intake',
  });
  const redisUrl = process.env.REDIS_URL!;

  const redis = new IORedis(redisOptionsFromUrl(redisUrl));
  await redis.flushdb(); // the bench Redis DB only
  const pool = new Pool({ connectionString: url, max: poolSize });
  await pool.query(
    `TRUNCATE tickets, public_requests, outbox, outbound_messages, notifications, ticket_event_projections, ticket_stats_daily CASCADE`,
  );
  await pool.query(`DROP TABLE IF EXISTS bench_tickets`);
  await pool.query(`DROP SEQUENCE IF EXISTS bench_ticket_reference_seq`);

  await seedFormTemplates();

  const port = await freePort();
  const env = publicFormLoadEnv({
    port,
    databaseUrl: url,
    poolSize,
    formSecret: FORM_SECRET,
    attachmentsDir: join(tmpdir(), 'shopdesk-bench-intake-attachments'),
  });
  let api: ChildProcess | null = null;
  let worker: ChildProcess | null = null;
  try {
    api = spawn(process.execPath, [...apiNodeArgs(), API_MAIN], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    worker = spawn(process.execPath, [WORKER_MAIN], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    await waitForHealth(api, port);
    const target = `http://127.0.0.1:${port}/public/tickets`;
    const form = (tag: string, seconds: number) =>
      loadHttp({ url: target, method: 'POST', connections: opts.concurrency, duration: seconds, next: nextSubmission(tag) });
    console.log(
      `API pid ${api.pid} on :${port}, worker pid ${worker.pid}; ${opts.runs} runs × ${opts.seconds} s of JSON submissions ` +
        `at concurrency ${opts.concurrency}, DATABASE_POOL_SIZE ${poolSize}, ${warmupSeconds} s warm-up`,
    );

    // One sample answer first: the bench fails loudly if the body no longer matches the contract.
    const probe = nextSubmission('probe')();
    const check = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...probe.headers }, body: probe.body });
    if (check.status !== 201) throw new Error(`POST /public/tickets answered ${check.status}: ${(await check.text()).slice(0, 500)}`);
    let acknowledged = 1;

    // Ceiling table: same columns, defaults, checks and indexes as tickets; references from its own sequence.
    await pool.query(`CREATE TABLE bench_tickets (LIKE tickets INCLUDING ALL)`);
    await pool.query(`CREATE SEQUENCE bench_ticket_reference_seq`);
    const skip = new Set(['id', 'reference', 'customer_email', 'created_at', 'updated_at']);
    const columns = (
      await pool.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'tickets' ORDER BY ordinal_position`,
      )
    ).rows
      .map((r) => r.column_name)
      .filter((c) => !skip.has(c));
    // The values a form ticket really gets (the probe's row), as text; PostgreSQL types each parameter from its column.
    const [sample] = (
      await pool.query<Record<string, string | null>>(
        `SELECT ${columns.map((c) => `"${c}"::text AS "${c}"`).join(', ')} FROM tickets WHERE channel = 'form' LIMIT 1`,
      )
    ).rows;
    const values = columns.map((c) => sample[c]);
    const insertSql =
      `INSERT INTO bench_tickets (reference, customer_email, ${columns.map((c) => `"${c}"`).join(', ')}) ` +
      `VALUES ('SB-' || lpad(nextval('bench_ticket_reference_seq')::text, 6, '0'), $1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})`;
    const rawInsert = (tag: string, seconds: number) =>
      rateFor(seconds, opts.concurrency, (i) => pool.query(insertSql, [`raw.${tag}.${i}@example.com`, ...values]));

    const w = await form('warmup', warmupSeconds);
    acknowledged += w.statuses.get(201) ?? 0;
    await rawInsert('warmup', warmupSeconds);
    console.log(`warm-up: ${w.requests} submissions → ${w.rate.toFixed(0)}/s, statuses ${statusSummary(w.statuses)}`);

    // Interleaved so both sides see the same machine state; tickets grows across runs as in production.
    const apiRates: number[] = [];
    const rawRates: number[] = [];
    const ratios: number[] = [];
    const latencies: number[] = [];
    let non201 = 0;
    for (let run = 1; run <= opts.runs; run++) {
      const r = await form(`r${run}`, opts.seconds);
      const ok = r.statuses.get(201) ?? 0;
      acknowledged += ok;
      non201 += r.requests - ok;
      apiRates.push(r.rate);
      latencies.push(...r.latencies);
      const l = summarize(r.latencies);
      console.log(
        `run ${run}: API ${r.requests} tickets in ${r.seconds.toFixed(2)} s → ${r.rate.toFixed(0)} tickets/s; ` +
          `latency p50 ${ms(l.p50)} p95 ${ms(l.p95)} p99 ${ms(l.p99)} max ${ms(l.max)}; non-201 ${r.requests - ok}` +
          (ok !== r.requests ? ` (statuses ${statusSummary(r.statuses)}, errors ${r.errors})` : ''),
      );
      const raw = await rawInsert(`r${run}`, opts.seconds);
      rawRates.push(raw);
      ratios.push((100 * r.rate) / raw);
      console.log(`run ${run}: raw pg single-row INSERT → ${raw.toFixed(0)} rows/s (ratio ${pct(r.rate / raw)})`);
    }
    const apiRss = peakRssMb(api.pid);
    const workerRss = peakRssMb(worker.pid);

    // Every acknowledged ticket is stored (the one figure here that is a correctness check).
    const [{ stored }] = (await pool.query(`SELECT count(*)::int AS stored FROM tickets WHERE channel = 'form'`)).rows;
    // Requests still in flight when a run's time is up are stored but their 201 is not counted: stored ≥ acknowledged.
    const lost = Math.max(0, acknowledged - stored);
    console.log(`acknowledged (201) ${acknowledged}, stored form tickets ${stored}, lost ${lost}; non-201 in measured runs ${non201}`);
    return {
      bench: 'intake',
      dataset: `public form tickets, ${opts.runs} runs × ${opts.seconds} s at concurrency ${opts.concurrency} (pool ${poolSize}); ${stored.toLocaleString('en-US')} tickets stored`,
      figures: [
        {
          name: 'public ticket creation',
          unit: 'tickets/s',
          runs: apiRates,
          ceilings: [{ name: 'raw pg single-row INSERT (same shape)', runs: rawRates }],
          goal: { stat: 'median', op: '>=', value: GOAL_RATE },
        },
        { name: 'intake ÷ raw INSERT', unit: '%', runs: ratios, goal: { stat: 'median', op: '>=', value: 100 * GOAL_RATIO } },
        { name: 'intake latency', unit: 'ms', runs: latencies },
        { name: 'acknowledged but not stored', unit: 'tickets', runs: [lost], goal: { stat: 'max', op: '<=', value: 0 } },
        { name: 'API peak RSS under intake load', unit: 'MB', runs: apiRss === null ? [] : [apiRss], goal: { stat: 'max', op: '<=', value: 250 } },
        { name: 'worker peak RSS under intake load', unit: 'MB', runs: workerRss === null ? [] : [workerRss] },
      ],
    };
  } finally {
    await stopProcess(api);
    await stopProcess(worker);
    await pool.query(`DROP TABLE IF EXISTS bench_tickets`).catch(() => undefined);
    await pool.query(`DROP SEQUENCE IF EXISTS bench_ticket_reference_seq`).catch(() => undefined);
    await pool.end();
    await redis.flushdb();
    await redis.quit();
  }
}
