// What every fault scenario stands on: its own database (dropped, created, migrated with the
// compiled migrations), its own redis-server on a private port, and the real processes (API,
// worker, warehouse sandbox) on loopback — each tracked so that a deadline, a failure or Ctrl+C
// kills everything the run started.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { TEST_FORM_TOKEN_SECRET } from '@shopdesk/testing/test-env';
import { SANDBOX_API_KEY, SANDBOX_CALLBACK_SECRET, startWarehouseSandbox } from '@shopdesk/testing/warehouse-sandbox';
import { freePort } from '@shopdesk/testing/net';
import { startWorkerProcess, waitFor, type WorkerProcess } from '@shopdesk/testing/worker-process';
import { type SmtpCatcher, startSmtpCatcher } from '@shopdesk/testing/smtp-catcher';

const ROOT = join(__dirname, '../../..');
export const API_MAIN = join(ROOT, 'apps/api/dist/main.js');
export const API_CLI = join(ROOT, 'apps/api/dist/cli.js');
export const GENERIC_WEBHOOK_SECRET = 'chaos-generic-webhook-secret-0123456789';
export const DEMO_PASSWORD = 'chaos-demo-password';
/** The API shares the tests' form secret, so `formToken()` of libs/testing signs valid tokens. */
export const FORM_TOKEN_SECRET = TEST_FORM_TOKEN_SECRET;

/** Private ports the brief gives the fault scripts. */
const REDIS_PORTS = [6391, 6392, 6393, 6394, 6395, 6396, 6397, 6398, 6399];
export const PG_PORTS = [5442, 5443, 5444, 5445, 5446, 5447, 5448, 5449];

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class DeadlineExceeded extends Error {}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen({ port, host: '127.0.0.1', exclusive: true }, () => s.close(() => resolve(true)));
  });
}

export async function firstFreePort(candidates: number[]): Promise<number> {
  for (const p of candidates) if (await isPortFree(p)) return p;
  throw new Error(`no free port among ${candidates.join(', ')}`);
}

export interface RedisServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** FLUSHALL over a raw connection (this server only). */
  flushAll(): Promise<void>;
  /** Stops the process (SIGKILL: nothing is saved anyway; skipped if it is already dead) and starts a new, empty one on the same port. */
  restart(): Promise<void>;
}

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  url: string;
  log(): string;
}

export interface RunOptions {
  /** The run's name: database shopdesk_chaos_<name>, JSON file test-results/chaos/<name>.json. */
  name: string;
  /** Hard limit for the whole run, set-up and checks included. */
  deadlineMs: number;
  /** Prints progress lines; silent in tests unless CHAOS_VERBOSE=1. */
  log?: (line: string) => void;
}

/** One scenario's run: owns every process and resource it starts, and frees them in `close()`. */
export class ChaosRun {
  readonly name: string;
  readonly startedAt = Date.now();
  readonly deadline: number;
  readonly actions: string[] = [];
  private readonly children = new Set<ChildProcess>();
  private readonly cleanups: (() => Promise<void>)[] = [];
  private readonly print: (line: string) => void;
  private closed = false;
  databaseUrl = '';
  redis: RedisServer | null = null;
  sandboxUrl: string | null = null;
  /** Where the warehouse calls back: the first API this run started. */
  publicBaseUrl: string | null = null;

  constructor(opts: RunOptions) {
    this.name = opts.name;
    this.deadline = this.startedAt + opts.deadlineMs;
    this.print = opts.log ?? ((line) => console.log(line));
  }

  /** Logs what the run does; the lines also go into the JSON result. */
  say(line: string): void {
    const t = ((Date.now() - this.startedAt) / 1000).toFixed(1).padStart(6);
    this.actions.push(`${t}s ${line}`);
    this.print(`[${this.name} ${t}s] ${line}`);
  }

  remainingMs(): number {
    return this.deadline - Date.now();
  }

  checkDeadline(): void {
    if (Date.now() > this.deadline) throw new DeadlineExceeded(`${this.name}: hard deadline reached`);
  }

  /** Polls `probe` until it returns a value, within the run's deadline (and `timeoutMs`). */
  async until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 250): Promise<T> {
    const limit = Math.min(timeoutMs, this.remainingMs());
    try {
      return await waitFor(probe, limit, intervalMs);
    } catch {
      throw new Error(`${what}: not reached within ${Math.round(limit / 1000)} s`);
    }
  }

  track(child: ChildProcess): ChildProcess {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    return child;
  }

  onClose(fn: () => Promise<void>): void {
    this.cleanups.push(fn);
  }

  /** Drops and creates this run's database, then migrates it with the compiled migrations. */
  async createDatabase(serverUrl = process.env.CHAOS_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432', suffix = ''): Promise<string> {
    const db = `shopdesk_chaos_${this.name.replace(/-/g, '_')}${suffix}`;
    const admin = new Client({ connectionString: `${serverUrl}/postgres` });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${db}"`);
    } finally {
      await admin.end();
    }
    const url = `${serverUrl}/${db}`;
    await this.runCli('migrate', { DATABASE_URL: url });
    this.databaseUrl = url;
    this.say(`database ${db} created and migrated`);
    return url;
  }

  /** `node apps/api/dist/cli.js <command>` on this run's services. */
  async runCli(command: 'migrate' | 'seed', env: NodeJS.ProcessEnv = {}): Promise<void> {
    const child = this.track(
      spawn(process.execPath, [API_CLI, command], {
        env: { ...this.env(), NODE_ENV: 'development', DEMO_PASSWORD, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    if (code !== 0) throw new Error(`cli ${command} exited with ${code}:\n${out.slice(-2000)}`);
  }

  /** Templates and the demo accounts (agent/lead/admin@shopdesk.test, password DEMO_PASSWORD). */
  async seed(): Promise<void> {
    await this.runCli('seed');
    this.say('seeded scenario templates and demo accounts');
  }

  /** A redis-server of this run's own on a private port (the first free of `ports`), without persistence. */
  async startRedis(ports: number[] = REDIS_PORTS): Promise<RedisServer> {
    const port = await firstFreePort(ports);
    let child = await this.spawnRedis(port);
    const run = this;
    const server: RedisServer = {
      url: `redis://127.0.0.1:${port}/0`,
      port,
      get child() {
        return child;
      },
      flushAll: async () => void (await redisCommand(port, 'FLUSHALL')),
      async restart() {
        // Already killed by the caller (an outage of its own length): just start the new one.
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGKILL');
          await exited;
        }
        child = await run.spawnRedis(port);
      },
    };
    this.redis = server;
    this.say(`redis-server on :${port} (pid ${child.pid}, no persistence)`);
    return server;
  }

  private async spawnRedis(port: number): Promise<ChildProcess> {
    const child = this.track(
      spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], {
        stdio: 'ignore',
      }),
    );
    await this.until(`redis-server on :${port}`, async () => ((await redisCommand(port, 'PING').then(() => true, () => false)) ? true : undefined), 10_000, 100);
    return child;
  }

  /** The warehouse sandbox (libs/testing) as a real process; tracked. */
  async startSandbox(env: Record<string, string> = {}): Promise<string> {
    const { url, child } = await startWarehouseSandbox(env);
    this.track(child);
    this.sandboxUrl = url;
    this.say(`warehouse sandbox on ${url} (pid ${child.pid})`);
    return url;
  }

  /** The environment every ShopDesk process of this run gets (what `npm start` would set, limits raised). */
  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const attachments = join(tmpdir(), `shopdesk-chaos-${this.name}`);
    mkdirSync(attachments, { recursive: true });
    return {
      NODE_ENV: 'production',
      DATABASE_URL: this.databaseUrl,
      DATABASE_POOL_SIZE: '10',
      REDIS_URL: this.redis?.url ?? '',
      QUEUE_PREFIX: 'chaos',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      FORM_TOKEN_SECRET,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      PUBLIC_RATE_LIMIT_PER_IP_PER_HOUR: '100000000',
      PUBLIC_RATE_LIMIT_PER_EMAIL_PER_HOUR: '100000000',
      PUBLIC_READ_RATE_LIMIT_PER_MINUTE: '100000000',
      GENERIC_WEBHOOK_SECRETS: GENERIC_WEBHOOK_SECRET,
      ATTACHMENTS_DIR: join(attachments, 'attachments'),
      EXPORTS_DIR: join(attachments, 'exports'),
      SMTP_HOST: '',
      ...(this.publicBaseUrl ? { PUBLIC_BASE_URL: this.publicBaseUrl } : {}),
      ...(this.sandboxUrl
        ? { WAREHOUSE_API_URL: this.sandboxUrl, WAREHOUSE_API_KEY: SANDBOX_API_KEY, WAREHOUSE_CALLBACK_SECRET: SANDBOX_CALLBACK_SECRET }
        : {}),
      ...extra,
    };
  }

  /** The built API (`npm run build:server`) on a free port; resolves once GET /health answers 200. */
  async startApi(extra: NodeJS.ProcessEnv = {}, port?: number): Promise<ApiProcess> {
    port ??= await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = this.track(
      spawn(process.execPath, [API_MAIN], {
        env: { ...process.env, ...this.env({ PORT: String(port), PUBLIC_BASE_URL: this.publicBaseUrl ?? url, ...extra }) },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    let out = '';
    const keep = (d: Buffer) => {
      out = (out + d.toString()).slice(-200_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    await this.until(
      `API on :${port} healthy`,
      async () => {
        if (child.exitCode !== null) throw new Error(`the API exited during start-up (code ${child.exitCode}):\n${out.slice(-2000)}`);
        const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
        return res?.status === 200 ? true : undefined;
      },
      60_000,
      200,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${out.slice(-2000)}`);
    });
    this.publicBaseUrl ??= url;
    this.say(`API pid ${child.pid} on ${url}`);
    return { child, port, url, log: () => out };
  }

  /** The built worker, via libs/testing's startWorkerProcess with this run's environment. */
  async startWorker(extra: NodeJS.ProcessEnv = {}): Promise<WorkerProcess> {
    const w = await startWorkerProcess(Math.min(60_000, this.remainingMs()), this.env({ LOG_LEVEL: 'info', ...extra }));
    this.track(w.child);
    this.say(`worker pid ${w.child.pid} started`);
    return w;
  }

  /** A pg pool on this run's database, closed with the run. */
  pool(max = 4): Pool {
    const pool = new Pool({ connectionString: this.databaseUrl, max });
    pool.on('error', () => undefined);
    this.onClose(() => pool.end().catch(() => undefined));
    return pool;
  }

  /** Stops everything this run started: cleanups first, then SIGTERM / SIGKILL for what still runs. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const fn of this.cleanups.reverse()) await fn().catch(() => undefined);
    const alive = [...this.children].filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(
      alive.map(async (c) => {
        const exited = new Promise((r) => c.once('exit', r));
        c.kill('SIGTERM');
        const timer = setTimeout(() => c.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  /** Last resort from process.on('exit'): nothing asynchronous runs any more. */
  killAllSync(): void {
    for (const c of this.children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }
}

/** Sends one inline command to a Redis server and resolves on its first reply (rejects on an error reply). */
export function redisCommand(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: '127.0.0.1', port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`redis ${command}: no answer`));
    }, 5_000);
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.once('data', (d) => {
      clearTimeout(timer);
      socket.destroy();
      const text = d.toString('latin1');
      if (text.startsWith('-')) reject(new Error(text.trim()));
      else resolve(text.trim());
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** A signed-in agent's session (cookie) against a running API. */
export async function login(apiUrl: string, email = 'agent@shopdesk.test', password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sd_session='));
  if (!cookie) throw new Error('login: no session cookie');
  return cookie.split(';')[0];
}

/** What a failed fetch met: ECONNRESET, UND_ERR_SOCKET, TimeoutError, … */
export function networkErrorCode(err: unknown): string {
  const e = err as { cause?: { code?: string; message?: string }; name?: string; message?: string };
  return e.cause?.code ?? e.cause?.message ?? e.name ?? String(err);
}

/** JSON over fetch with a session cookie; never throws on a status, returns it with the body. */
export async function call<T = any>(
  url: string,
  opts: { method?: string; cookie?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

/** Runs `task(i)` for i in [0, n) with at most `concurrency` at once. */
export async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= n) return;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

/**
 * libs/testing's SMTP catcher in this process, closed with the run: point a worker at it with
 * `{ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(catcher.port) }` and count what really went out.
 */
export async function startMailCatcher(run: ChaosRun): Promise<SmtpCatcher> {
  const catcher = await startSmtpCatcher();
  run.onClose(() => catcher.close());
  run.say(`SMTP catcher on 127.0.0.1:${catcher.port}`);
  return catcher;
}
