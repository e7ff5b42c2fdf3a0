import { type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { createMigrationDataSource } from '@shopdesk/migrations/data-source';

/**
 * Benchmarks run on their own database (BENCH_DATABASE_URL, default shopdesk_bench on the local
 * server) and queue prefix, so they never touch dev data. The database is created and migrated.
 */
export async function prepareBenchDatabase(): Promise<string> {
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/shopdesk_bench';
  const u = new URL(url);
  const name = u.pathname.slice(1);
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  await admin.end();
  const ds = createMigrationDataSource(url);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  process.env.DATABASE_URL = url;
  process.env.REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379/8';
  process.env.QUEUE_PREFIX = process.env.BENCH_QUEUE_PREFIX || 'shopdesk-bench';
  process.env.LOG_LEVEL = 'warn';
  return url;
}

/**
 * `prepareBenchDatabase` on a bench's own database, Redis DB and queue prefix (benches truncate and
 * flush what they use), unless BENCH_DATABASE_URL / BENCH_REDIS_URL / BENCH_QUEUE_PREFIX name others
 * (the CI smoke points them at the test ones). The BENCH_* variables are restored afterwards, so a
 * following bench keeps its own defaults.
 */
export async function prepareOwnBenchDatabase(own: { databaseUrl: string; redisUrl: string; queuePrefix: string }): Promise<string> {
  const wanted = { BENCH_DATABASE_URL: own.databaseUrl, BENCH_REDIS_URL: own.redisUrl, BENCH_QUEUE_PREFIX: own.queuePrefix };
  const saved = Object.fromEntries(Object.keys(wanted).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(wanted)) process.env[k] ||= v;
  try {
    return await prepareBenchDatabase();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/**
 * Environment of the API and worker a public-form bench spawns: production mode as `npm start`
 * runs them, the bench's database and Redis, and the form's abuse limits out of the way (the load
 * comes from one address and would otherwise be refused as the flood it resembles).
 */
export function publicFormLoadEnv(o: {
  port: number;
  databaseUrl: string;
  poolSize: number;
  formSecret: string;
  attachmentsDir: string;
  minFillMs?: number;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(o.port),
    DATABASE_URL: o.databaseUrl,
    DATABASE_POOL_SIZE: String(o.poolSize),
    REDIS_URL: process.env.REDIS_URL,
    QUEUE_PREFIX: process.env.QUEUE_PREFIX,
    LOG_LEVEL: 'warn',
    COOKIE_SECURE: 'false',
    FORM_TOKEN_SECRET: o.formSecret,
    PUBLIC_RATE_LIMIT_PER_IP_PER_HOUR: '100000000',
    PUBLIC_RATE_LIMIT_PER_EMAIL_PER_HOUR: '100000000',
    PUBLIC_READ_RATE_LIMIT_PER_MINUTE: '100000000',
    ...(o.minFillMs === undefined ? {} : { PUBLIC_FORM_MIN_FILL_MS: String(o.minFillMs) }),
    ATTACHMENTS_DIR: o.attachmentsDir,
    SMTP_HOST: '',
  };
}

/** A free TCP port on 127.0.0.1 for a spawned API process. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Polls GET /health until it answers 200; fails early when the process exits. */
export async function waitForHealth(api: ChildProcess, port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the API process exited during start-up (code ${api.exitCode})`);
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

/** SIGTERM, then SIGKILL after 15 s; resolves once the process has exited. */
export async function stopProcess(child: ChildProcess | null | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Peak resident set of a running process (VmHWM), in MB; null when /proc is not readable. */
export function peakRssMb(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The built API and worker entry points (`npm run build:server`). */
export const API_MAIN = join(__dirname, '../../api/dist/main.js');
export const WORKER_MAIN = join(__dirname, '../../worker/dist/main.js');

/** Seconds each measured figure runs for (HTTP load and its ceilings). */
/**
 * Node flags for the spawned API: the heap cap it runs with in production (apps/launcher/start.mjs,
 * Dockerfile, docker-compose.yml), then any extra ones, e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
export const apiNodeArgs = () => ['--max-old-space-size=192', ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)];
export const benchDuration = () => Number(process.env.BENCH_DURATION ?? 10);
export const benchRuns = () => Number(process.env.BENCH_RUNS ?? 3);
export const benchConcurrency = (fallback: number) => Number(process.env.BENCH_CONCURRENCY ?? fallback);
