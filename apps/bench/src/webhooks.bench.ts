// Courier webhook intake at load: signed generic webhooks with 30 % duplicates posted over HTTP
// (autocannon) to the real API process (spawned, so the load generator does not share its event
// loop), and the applied-event throughput of the real worker process. Each run's ack rate sits beside its ceilings measured in the same run, for as
// long, at the same concurrency: a raw single-row INSERT and a raw BullMQ add.
import { Queue } from 'bullmq';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { redisOptionsFromUrl } from '@shopdesk/server/core/queue/redis-options';
import { API_MAIN, apiNodeArgs, freePort, prepareBenchDatabase, stopProcess, waitForHealth, WORKER_MAIN } from './bench-env';
import { loadHttp, statusSummary } from './http-load';
import { type BenchResult, rateFor, summarize } from './stats';

const SECRET = 'bench-generic-secret';
/** Extra node flags for the spawned worker, e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const workerNodeArgs = () => (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const GOAL_APPLIED = 1_500;
const GOAL_ACKS = 3_000;

/** CPU seconds (user + system) a running process has used so far; null when /proc is not readable. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

/** CPU milliseconds per unit, or "n/a". */
const per = (seconds: number | null, n: number) => (seconds === null || n === 0 ? 'n/a' : `${((seconds * 1000) / n).toFixed(2)} ms`);

function sign(raw: string): string {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac('sha256', SECRET).update(`${t}.${raw}`).digest('hex')}`;
}

/** Courier events of one run: new ones, and a `duplicateShare` of re-deliveries of earlier ones. */
function courierEvents(run: number, duplicateShare: number): () => { body: string; headers: Record<string, string> } {
  const sent: string[] = [];
  return () => {
    let body: string;
    if (sent.length > 0 && Math.random() < duplicateShare) body = sent[Math.floor(Math.random() * sent.length)];
    else {
      const i = sent.length;
      body = JSON.stringify({
        id: `bench-${run}-${i}`,
        courier: '04',
        waybill: String(600000000000 + run * 1_000_000 + Math.floor(i / 3)),
        status: i % 3 === 0 ? 'in_transit' : i % 3 === 1 ? 'out_for_delivery' : 'delivered',
        occurred_at: new Date(Date.UTC(2026, 10, 21, 0, 0, 0) + i * 1000).toISOString(),
        location: '대전 HUB',
      });
      sent.push(body);
    }
    return { body, headers: { 'x-signature': sign(body) } };
  };
}

export interface WebhooksOptions {
  seconds: number;
  concurrency: number;
  runs: number;
  duplicateShare: number;
  /** Unmeasured load first, so the runs see a warmed-up API (JIT, pools), as intake.bench.ts does. */
  warmupSeconds?: number;
}

export async function benchWebhooks(opts: WebhooksOptions): Promise<BenchResult> {
  const url = await prepareBenchDatabase();
  process.env.GENERIC_WEBHOOK_SECRETS = SECRET;
  const redis = new IORedis(redisOptionsFromUrl(process.env.REDIS_URL!));
  await redis.flushdb();
  const pool = new Pool({ connectionString: url, max: opts.concurrency });
  await pool.query(`TRUNCATE courier_events, shipments, courier_webhook_rejections CASCADE`);

  // The API as `npm start` runs it, on a free port.
  const port = await freePort();
  const api: ChildProcess = spawn(process.execPath, [...apiNodeArgs(), API_MAIN], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), COOKIE_SECURE: 'false', FORM_TOKEN_SECRET: 'bench-form-token-secret-0123456789abcdef', SMTP_HOST: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const queue = new Queue('bench-ceiling', { connection: redisOptionsFromUrl(process.env.REDIS_URL!), prefix: process.env.QUEUE_PREFIX });
  const sampleBody = courierEvents(0, 0)().body;

  const warmupSeconds = opts.warmupSeconds ?? Math.min(5, opts.seconds);
  const ackRates: number[] = [];
  const insertRates: number[] = [];
  const addRates: number[] = [];
  const noopRates: number[] = [];
  const latencies: number[] = [];
  let sentTotal = 0;
  try {
    await waitForHealth(api, port);
    if (warmupSeconds > 0) {
      const w = await loadHttp({
        url: `http://127.0.0.1:${port}/webhooks/couriers/generic`,
        method: 'POST',
        connections: opts.concurrency,
        duration: warmupSeconds,
        next: courierEvents(0, opts.duplicateShare),
      });
      console.log(`warm-up: ${w.requests} signed webhooks in ${warmupSeconds} s → ${w.rate.toFixed(0)}/s (not measured), statuses ${statusSummary(w.statuses)}`);
    }
    for (let run = 1; run <= opts.runs; run++) {
      const cpu0 = cpuSeconds(api.pid);
      const r = await loadHttp({
        url: `http://127.0.0.1:${port}/webhooks/couriers/generic`,
        method: 'POST',
        connections: opts.concurrency,
        duration: opts.seconds,
        next: courierEvents(run, opts.duplicateShare),
      });
      const apiCpu = cpu0 === null ? null : (cpuSeconds(api.pid) ?? cpu0) - cpu0;
      sentTotal += r.requests;
      ackRates.push(r.rate);
      latencies.push(...r.latencies);
      const l = summarize(r.latencies);
      const insert = await rateFor(opts.seconds, opts.concurrency, () =>
        pool.query(`INSERT INTO courier_webhook_rejections (provider, http_status, field, reason) VALUES ('bench', 200, 'x', $1)`, [sampleBody]),
      );
      const add = await rateFor(opts.seconds, opts.concurrency, (i) => queue.add('x', { n: i }, { jobId: `c-${run}-${i}` }));
      // The same API process answering a route that does no work (HTTP stack, middleware, logging
      // only), driven by the same load generator on the same cores: no route of it can be faster.
      const noop = await loadHttp({ url: `http://127.0.0.1:${port}/health/live`, connections: opts.concurrency, duration: opts.seconds });
      insertRates.push(insert);
      addRates.push(add);
      noopRates.push(noop.rate);
      console.log(
        `run ${run}: ${r.requests} signed webhooks (${Math.round(opts.duplicateShare * 100)} % duplicates) → ${r.rate.toFixed(0)} acks/s, ` +
          `p50 ${l.p50.toFixed(1)} ms p99 ${l.p99.toFixed(1)} ms, statuses ${statusSummary(r.statuses)}; ` +
          `raw INSERT ${insert.toFixed(0)}/s, raw BullMQ add ${add.toFixed(0)}/s, no-op route GET /health/live ${noop.rate.toFixed(0)}/s; ` +
          `API CPU ${per(apiCpu, r.requests)}/webhook`,
      );
    }
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await pool.query(`DELETE FROM courier_webhook_rejections WHERE provider = 'bench'`);
    await stopProcess(api);
  }
  const [{ stored }] = (await pool.query(`SELECT count(*)::int AS stored FROM courier_events`)).rows;

  // Applied-event throughput: the real worker drains what the API stored.
  const worker = spawn(process.execPath, [...workerNodeArgs(), WORKER_MAIN], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let done = 0;
  let workerCpu: number | null = null;
  // CPU from the first applied event on (start-up excluded), over the events applied since.
  let firstSeen: { cpu: number | null; done: number } | null = null;
  try {
    const t1 = Date.now();
    while (Date.now() - t1 < 300_000) {
      done = (await pool.query(`SELECT count(*)::int AS n FROM courier_events WHERE applied_at IS NOT NULL`)).rows[0].n;
      if (done > 0 && !firstSeen) firstSeen = { cpu: cpuSeconds(worker.pid), done };
      if (done >= stored) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const end = cpuSeconds(worker.pid);
    workerCpu = end === null || firstSeen?.cpu == null ? null : end - firstSeen.cpu;
  } finally {
    await stopProcess(worker);
  }
  const [{ first, last }] = (await pool.query(`SELECT min(applied_at) AS first, max(applied_at) AS last FROM courier_events`)).rows;
  const applySeconds = Math.max((new Date(last).getTime() - new Date(first).getTime()) / 1000, 0.001);
  const applyRate = done / applySeconds;
  console.log(
    `applied events: ${done} of ${stored} in ${applySeconds.toFixed(2)} s → ${applyRate.toFixed(0)}/s; ` +
      `worker CPU ${per(workerCpu, done - (firstSeen?.done ?? 0))}/event`,
  );
  await pool.query(`TRUNCATE courier_events, shipments, courier_webhook_rejections CASCADE`);
  await pool.end();
  await redis.flushdb();
  await redis.quit();

  return {
    bench: 'webhooks',
    dataset: `${sentTotal.toLocaleString('en-US')} signed generic webhooks (${Math.round(opts.duplicateShare * 100)} % duplicates), ${opts.runs} runs × ${opts.seconds} s at concurrency ${opts.concurrency} after a ${warmupSeconds} s warm-up (its events are applied too); ${stored.toLocaleString('en-US')} distinct events stored`,
    figures: [
      {
        name: 'webhook acks',
        unit: 'acks/s',
        runs: ackRates,
        ceilings: [
          { name: 'raw BullMQ add', runs: addRates },
          { name: 'raw pg single-row INSERT', runs: insertRates },
          { name: 'same API, no-op route GET /health/live', runs: noopRates },
        ],
        goal: { stat: 'median', op: '>=', value: GOAL_ACKS },
      },
      { name: 'webhook ack latency', unit: 'ms', runs: latencies },
      {
        name: 'courier events applied by the worker',
        unit: 'events/s',
        runs: done > 0 ? [applyRate] : [],
        goal: { stat: 'median', op: '>=', value: GOAL_APPLIED },
      },
    ],
  };
}
