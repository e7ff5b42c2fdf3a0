// Courier webhook intake at load: signed generic webhooks with 30 % duplicates posted over HTTP
// to the real API (in this process), and the applied-event throughput of the real worker process.
// Each figure is printed beside its ceiling measured in the same run (raw INSERT, raw BullMQ add).
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { redisOptionsFromUrl } from '@shopdesk/server/core/queue/redis-options';
import { prepareBenchDatabase } from './bench-env';
import { summarize } from './stats';

const SECRET = 'bench-generic-secret';

function sign(raw: string): string {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac('sha256', SECRET).update(`${t}.${raw}`).digest('hex')}`;
}

function post(agent: http.Agent, port: number, raw: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: '127.0.0.1', port, method: 'POST', path: '/webhooks/couriers/generic', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(raw), 'x-signature': sign(raw) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(raw);
  });
}

export async function benchWebhooks(opts: { requests: number; concurrency: number; duplicateShare: number }): Promise<void> {
  const url = await prepareBenchDatabase();
  process.env.GENERIC_WEBHOOK_SECRETS = SECRET;
  const redis = new IORedis(redisOptionsFromUrl(process.env.REDIS_URL!));
  await redis.flushdb();
  const pool = new Pool({ connectionString: url, max: opts.concurrency });
  await pool.query(`TRUNCATE courier_events, shipments, courier_webhook_rejections CASCADE`);

  // The API as `npm start` runs it, on a random port.
  const { AppModule } = await import('@shopdesk/api/app.module');
  const { configureApp } = await import('@shopdesk/api/configure-app');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: ['error'], rawBody: true });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as { port: number }).port;

  const unique = Math.round(opts.requests * (1 - opts.duplicateShare));
  const bodies = Array.from({ length: unique }, (_, i) =>
    JSON.stringify({
      id: `bench-${i}`,
      courier: '04',
      waybill: String(600000000000 + (i % Math.max(1, Math.floor(unique / 3)))),
      status: i % 3 === 0 ? 'in_transit' : i % 3 === 1 ? 'out_for_delivery' : 'delivered',
      occurred_at: new Date(Date.UTC(2026, 10, 21, 0, 0, 0) + i * 1000).toISOString(),
      location: '대전 HUB',
    }),
  );
  const sequence = Array.from({ length: opts.requests }, (_, i) => (i < unique ? bodies[i] : bodies[Math.floor(Math.random() * unique)]));
  sequence.sort(() => Math.random() - 0.5);

  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < sequence.length) {
        const raw = sequence[next++];
        const t0 = process.hrtime.bigint();
        const code = await post(agent, port, raw);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        statuses.set(code, (statuses.get(code) ?? 0) + 1);
      }
    }),
  );
  const ackSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const l = summarize(latencies);
  const [{ stored }] = (await pool.query(`SELECT count(*)::int AS stored FROM courier_events`)).rows;
  console.log(
    `webhook acks: ${opts.requests} signed requests (${Math.round(opts.duplicateShare * 100)} % duplicates) in ${ackSeconds.toFixed(2)} s → ` +
      `${(opts.requests / ackSeconds).toFixed(0)} acks/s (goal ≥ 3000/s); latency p50 ${l.p50.toFixed(1)} ms p99 ${l.p99.toFixed(1)} ms; ` +
      `statuses ${JSON.stringify(Object.fromEntries(statuses))}; stored ${stored} of ${unique} unique`,
  );

  // Ceilings in the same run: a raw single-row INSERT of the same shape, and a raw BullMQ add.
  await pool.query(`CREATE TEMP TABLE IF NOT EXISTS x (provider text, event_id text, raw jsonb)`);
  let i = 0;
  let t = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (i < opts.requests) {
        const n = i++;
        await pool.query(`INSERT INTO courier_webhook_rejections (provider, http_status, field, reason) VALUES ('bench', 200, 'x', $1)`, [bodies[n % unique]]);
      }
    }),
  );
  const insertRate = opts.requests / (Number(process.hrtime.bigint() - t) / 1e9);
  const q = new Queue('bench-ceiling', { connection: redisOptionsFromUrl(process.env.REDIS_URL!), prefix: 'shopdesk-bench' });
  i = 0;
  t = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (i < opts.requests) await q.add('x', { n: i++ }, { jobId: `c-${i}` });
    }),
  );
  const addRate = opts.requests / (Number(process.hrtime.bigint() - t) / 1e9);
  await q.close();
  await pool.query(`DELETE FROM courier_webhook_rejections WHERE provider = 'bench'`);
  console.log(`ceilings: raw pg INSERT ${insertRate.toFixed(0)}/s, raw BullMQ add ${addRate.toFixed(0)}/s (same concurrency ${opts.concurrency})`);

  // Applied-event throughput: the real worker drains what the API stored.
  await app.close();
  const worker = spawn(process.execPath, [join(__dirname, '../../worker/dist/main.js')], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const t1 = Date.now();
  let done = 0;
  while (Date.now() - t1 < 300_000) {
    done = (await pool.query(`SELECT count(*)::int AS n FROM courier_events WHERE applied_at IS NOT NULL`)).rows[0].n;
    if (done >= stored) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const [{ first, last }] = (await pool.query(`SELECT min(applied_at) AS first, max(applied_at) AS last FROM courier_events`)).rows;
  const applySeconds = (new Date(last).getTime() - new Date(first).getTime()) / 1000;
  console.log(`applied events: ${done} of ${stored} in ${applySeconds.toFixed(2)} s → ${(done / Math.max(applySeconds, 0.001)).toFixed(0)}/s (goal ≥ 1500/s)`);
  const exited = new Promise((r) => worker.once('exit', r));
  worker.kill('SIGTERM');
  await exited;
  await pool.query(`TRUNCATE courier_events, shipments, courier_webhook_rejections CASCADE`);
  await pool.end();
  await redis.flushdb();
  await redis.quit();
}
