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
export const benchDuration = () => Number(process.env.BENCH_DURATION ?? 10);
export const benchRuns = () => Number(process.env.BENCH_RUNS ?? 3);
export const benchConcurrency = (fallback: number) => Number(process.env.BENCH_CONCURRENCY ?? fallback);
