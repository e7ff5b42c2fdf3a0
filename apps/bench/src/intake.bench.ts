// Public support form at load: `POST /public/tickets` (JSON, no attachment) against the real API
// process, side by side with its ceiling measured in the same run — a raw node-pg single-row INSERT
// loop into a table shaped like `tickets`, at the same concurrency and the same pool size.
// Afterwards: every acknowledged ticket (201) must be stored.
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
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
import { prepareBenchDatabase } from './bench-env';
import { ms, summarize } from './stats';

const FORM_SECRET = 'bench-form-token-secret-0123456789abcdef';
const GOAL_RATE = 1_500;
const GOAL_RATIO = 0.5;

@Module({ imports: [AppConfigModule, DatabaseModule, QueueModule.forRoot('producer'), TicketingModule] })
class SeedModule {}

/**
 * The same submission as `micropaymentSubmission()` in libs/testing/src/public-form.ts (not
 * imported: that module's test-env points the process at the test database on import), with a
 * unique e-mail and a form token signed a minute ago with the bench's shared secret.
 */
function submission(email: string): PublicTicketInput {
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

interface Prepared {
  raw: string;
  key: string;
}

function prepare(tag: string, n: number): Prepared[] {
  return Array.from({ length: n }, (_, i) => ({
    raw: JSON.stringify(submission(`bench.${tag}.${i}.${randomUUID().slice(0, 8)}@example.com`)),
    key: `bench-${randomUUID()}`,
  }));
}

function post(agent: http.Agent, port: number, p: Prepared, keepBody: boolean): Promise<{ code: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/public/tickets',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(p.raw), 'idempotency-key': p.key },
      },
      (res) => {
        const code = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        if (keepBody || code !== 201) res.on('data', (c: Buffer) => chunks.push(c));
        else res.resume();
        res.on('end', () => resolve({ code, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(p.raw);
  });
}

interface LoadResult {
  seconds: number;
  latencies: number[];
  statuses: Map<number, number>;
  failures: string[];
}

/** `concurrency` closed loops over the prepared requests. */
async function load(agent: http.Agent, port: number, requests: Prepared[], concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const p = requests[next++];
        const t0 = process.hrtime.bigint();
        let code = 0;
        try {
          const r = await post(agent, port, p, false);
          code = r.code;
          if (code !== 201 && failures.length < 5) failures.push(`${code} ${r.body.slice(0, 300)}`);
        } catch (err) {
          if (failures.length < 5) failures.push(`network error: ${(err as Error).message}`);
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        statuses.set(code, (statuses.get(code) ?? 0) + 1);
      }
    }),
  );
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, latencies, statuses, failures };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(api: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null | undefined;
  api.once('exit', (code) => (exited = code));
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`the API process exited during start-up (code ${exited})`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/health' }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.setTimeout(2_000, () => req.destroy());
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API did not answer GET /health within ${timeoutMs / 1000} s`);
}

async function stop(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Peak resident set of a process (VmHWM), in MB; null when /proc is not readable. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export async function benchIntake(opts: { requests: number; concurrency: number; runs: number }): Promise<void> {
  const warmup = Number(process.env.BENCH_INTAKE_WARMUP ?? Math.min(1_000, opts.requests));
  const poolSize = Number(process.env.BENCH_POOL_SIZE || loadConfig({}).databasePoolSize);
  // This bench's own database, Redis DB and queue prefix (other benches TRUNCATE tickets); the
  // BENCH_* overrides are restored afterwards so a following bench keeps its own defaults.
  const own = { BENCH_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/shopdesk_bench_intake', BENCH_REDIS_URL: 'redis://127.0.0.1:6379/12', BENCH_QUEUE_PREFIX: 'shopdesk-bench-intake' };
  const saved = Object.fromEntries(Object.keys(own).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(own)) process.env[k] ||= v;
  const url = await prepareBenchDatabase();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const redisUrl = process.env.REDIS_URL!;
  const queuePrefix = process.env.QUEUE_PREFIX!;

  const redis = new IORedis(redisOptionsFromUrl(redisUrl));
  await redis.flushdb(); // the bench Redis DB only
  const pool = new Pool({ connectionString: url, max: poolSize });
  await pool.query(
    `TRUNCATE tickets, public_requests, outbox, outbound_messages, notifications, ticket_event_projections, ticket_stats_daily CASCADE`,
  );
  await pool.query(`DROP TABLE IF EXISTS bench_tickets`);
  await pool.query(`DROP SEQUENCE IF EXISTS bench_ticket_reference_seq`);

  // The seed templates (micropayment_cancel is the form's situation), as `npm run seed` writes them.
  const seeder = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  await seeder.get(ScenarioTemplatesService).ensureSeeded(SEED_TEMPLATES);
  await seeder.close();

  const port = await freePort();
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean); // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  let api: ChildProcess | null = null;
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  try {
    // The API as `npm start` runs it (production mode), abuse limits out of the way.
    api = spawn(process.execPath, [...nodeArgs, join(__dirname, '../../api/dist/main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: String(poolSize),
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: queuePrefix,
        LOG_LEVEL: 'warn',
        COOKIE_SECURE: 'false',
        FORM_TOKEN_SECRET: FORM_SECRET,
        PUBLIC_RATE_LIMIT_PER_IP_PER_HOUR: '100000000',
        PUBLIC_RATE_LIMIT_PER_EMAIL_PER_HOUR: '100000000',
        PUBLIC_READ_RATE_LIMIT_PER_MINUTE: '100000000',
        ATTACHMENTS_DIR: join(tmpdir(), 'shopdesk-bench-intake-attachments'),
        SMTP_HOST: '',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await waitForHealth(api, port, 60_000);
    console.log(
      `API pid ${api.pid} on :${port}; ${opts.runs} runs × ${opts.requests} JSON submissions at concurrency ${opts.concurrency}, ` +
        `DATABASE_POOL_SIZE ${poolSize}, ${warmup} warm-up submissions`,
    );

    // One sample answer first: the bench fails loudly if the body no longer matches the contract.
    const probe = await post(agent, port, prepare('probe', 1)[0], true);
    if (probe.code !== 201) throw new Error(`POST /public/tickets answered ${probe.code}: ${probe.body.slice(0, 500)}`);
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
    const rawLoop = async (n: number, tag: string) => {
      let next = 0;
      const started = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: opts.concurrency }, async () => {
          while (next < n) {
            const i = next++;
            await pool.query(insertSql, [`raw.${tag}.${i}@example.com`, ...values]);
          }
        }),
      );
      return n / (Number(process.hrtime.bigint() - started) / 1e9);
    };

    const w = await load(agent, port, prepare('warmup', warmup), opts.concurrency);
    acknowledged += w.statuses.get(201) ?? 0;
    await rawLoop(warmup, 'warmup');
    console.log(`warm-up: ${warmup} submissions → ${(warmup / w.seconds).toFixed(0)}/s, statuses ${JSON.stringify(Object.fromEntries(w.statuses))}`);

    // Interleaved so both sides see the same machine state; tickets grows across runs as in production.
    const apiRates: number[] = [];
    const rawRates: number[] = [];
    let non201 = 0;
    for (let run = 1; run <= opts.runs; run++) {
      const requests = prepare(`r${run}`, opts.requests);
      const r = await load(agent, port, requests, opts.concurrency);
      const ok = r.statuses.get(201) ?? 0;
      acknowledged += ok;
      non201 += opts.requests - ok;
      const rate = opts.requests / r.seconds;
      apiRates.push(rate);
      const l = summarize(r.latencies);
      console.log(
        `run ${run}: API ${opts.requests} tickets in ${r.seconds.toFixed(2)} s → ${rate.toFixed(0)} tickets/s; ` +
          `latency p50 ${ms(l.p50)} p95 ${ms(l.p95)} p99 ${ms(l.p99)} max ${ms(l.max)}; non-201 ${opts.requests - ok}`,
      );
      if (ok !== opts.requests) {
        console.log(`  statuses ${JSON.stringify(Object.fromEntries(r.statuses))}`);
        for (const f of r.failures) console.log(`  ${f}`);
      }
      const raw = await rawLoop(opts.requests, `r${run}`);
      rawRates.push(raw);
      console.log(`run ${run}: raw pg single-row INSERT → ${raw.toFixed(0)} rows/s (ratio ${pct(rate / raw)})`);
    }

    const a = summarize(apiRates);
    const c = summarize(rawRates);
    const ratio = a.p50 / c.p50;
    console.log(
      `intake: API tickets/s over ${opts.runs} runs — min ${a.min.toFixed(0)}, median ${a.p50.toFixed(0)}, p95 ${a.p95.toFixed(0)}, max ${a.max.toFixed(0)}`,
    );
    console.log(
      `ceiling: raw pg single-row INSERT into bench_tickets (pool ${poolSize}) — min ${c.min.toFixed(0)}, median ${c.p50.toFixed(0)}, p95 ${c.p95.toFixed(0)}, max ${c.max.toFixed(0)} rows/s`,
    );
    console.log(`ratio API/raw (medians): ${pct(ratio)} — goal ≥ ${pct(GOAL_RATIO)}: ${verdict(ratio >= GOAL_RATIO)}`);
    console.log(`rate: median ${a.p50.toFixed(0)} tickets/s — goal ≥ ${GOAL_RATE}/s: ${verdict(a.p50 >= GOAL_RATE)}`);
    console.log(`non-201 answers in measured runs: ${non201} — goal 0: ${verdict(non201 === 0)}`);

    const [{ stored }] = (await pool.query(`SELECT count(*)::int AS stored FROM tickets WHERE channel = 'form'`)).rows;
    console.log(`acknowledged (201) ${acknowledged}, stored form tickets ${stored} — ${verdict(stored === acknowledged)}`);
    const rss = peakRssMb(api.pid);
    if (rss !== null) console.log(`API process peak RSS (VmHWM): ${rss.toFixed(0)} MB`);
  } finally {
    agent.destroy();
    await stop(api);
    await pool.query(`DROP TABLE IF EXISTS bench_tickets`).catch(() => undefined);
    await pool.query(`DROP SEQUENCE IF EXISTS bench_ticket_reference_seq`).catch(() => undefined);
    await pool.end();
    await redis.flushdb();
    await redis.quit();
  }
}
