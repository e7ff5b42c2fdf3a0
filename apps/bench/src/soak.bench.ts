// Soak (issue 9, "load held"): many customers filling in the public form at once — each loops
// GET /public/form, then POST /public/tickets with the form token it was given — while a few agents
// list the new tickets, open one, read its thread and reply. Against the built API and worker
// (production mode). Afterwards every acknowledged ticket and reply must be in the database; any
// non-2xx answer or lost write fails the bench (`npm run bench -- soak` exits non-zero).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import type { PublicFormInfo, PublicTicketCreated } from '@shopdesk/contracts/public';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { loadConfig } from '@shopdesk/server/core/config/app-config';
import { hashPassword } from '@shopdesk/server/users/password';
import { API_MAIN, apiNodeArgs, freePort, peakRssMb, prepareOwnBenchDatabase, publicFormLoadEnv, stopProcess, waitForHealth, WORKER_MAIN } from './bench-env';
import { FORM_SECRET, seedFormTemplates, submission } from './intake.bench';
import { type BenchFigure, type BenchResult, ms, summarize } from './stats';

export interface SoakOptions {
  seconds: number;
  /** Customers submitting the form at once, each in a closed loop. */
  submitters: number;
  /** Agents listing and replying at the same time. */
  agents: number;
  /** An agent's pause between two rounds (list → open → thread → reply). */
  agentThinkMs?: number;
}

const AGENT_PASSWORD = 'bench-soak-agent-password';
const REQUEST_TIMEOUT_MS = 30_000;

/** One kind of request: latencies of every answer, and answers by status ("network" when none came). */
class RequestKind {
  readonly latencies: number[] = [];
  readonly statuses = new Map<string, number>();
  constructor(readonly name: string) {}

  count(status: string): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
  get errors(): number {
    return [...this.statuses].filter(([s]) => !/^2/.test(s)).reduce((n, [, c]) => n + c, 0);
  }
  get serverErrors(): number {
    return [...this.statuses].filter(([s]) => /^5/.test(s)).reduce((n, [, c]) => n + c, 0);
  }
}

class Traffic {
  readonly kinds = new Map<string, RequestKind>();
  /** First bodies of refused answers, one per kind and status, to say why. */
  readonly samples = new Map<string, string>();

  constructor(private readonly base: string) {}

  /** One request, timed to the end of its body; the parsed JSON when it answered 2xx, else null. */
  async call<T>(kind: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: T | null }> {
    let k = this.kinds.get(kind);
    if (!k) this.kinds.set(kind, (k = new RequestKind(kind)));
    const started = performance.now();
    try {
      const res = await fetch(this.base + path, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const text = await res.text();
      k.latencies.push(performance.now() - started);
      k.count(String(res.status));
      if (res.ok) return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
      if (!this.samples.has(`${kind} ${res.status}`)) this.samples.set(`${kind} ${res.status}`, text.slice(0, 300));
      return { status: res.status, body: null };
    } catch (err) {
      k.count('network');
      const key = `${kind} network`;
      if (!this.samples.has(key)) this.samples.set(key, (err as Error).message);
      return { status: 0, body: null };
    }
  }
}

const pause = (msDelay: number) => new Promise((r) => setTimeout(r, msDelay));

export async function benchSoak(opts: SoakOptions): Promise<BenchResult> {
  const thinkMs = opts.agentThinkMs ?? 250;
  const poolSize = Number(process.env.BENCH_POOL_SIZE || loadConfig({}).databasePoolSize);
  const url = await prepareOwnBenchDatabase({
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/shopdesk_bench_soak',
    redisUrl: 'redis://127.0.0.1:6379/7',
    queuePrefix: 'shopdesk-bench-soak',
  });
  // This run's rows are told apart by a tag in the e-mail and reply text, so nothing is truncated
  // (the CI smoke runs it on the shared test database) and each run counts only its own.
  const tag = `soak${Date.now().toString(36)}`;
  const pool = new Pool({ connectionString: url, max: 2 });
  await seedFormTemplates();
  const agentEmails = Array.from({ length: opts.agents }, (_, i) => `bench.soak.agent${i}@shopdesk.test`);
  const hash = await hashPassword(AGENT_PASSWORD);
  for (const [i, email] of agentEmails.entries()) {
    await pool.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, 'agent', $3)
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true`,
      [email, `소크 상담원 ${i}`, hash],
    );
  }

  const port = await freePort();
  // The fill-time check stays on but short: the submitters "fill in" the form instantly.
  const env = publicFormLoadEnv({
    port,
    databaseUrl: url,
    poolSize,
    formSecret: FORM_SECRET,
    attachmentsDir: join(tmpdir(), 'shopdesk-bench-soak-attachments'),
    minFillMs: 0,
  });
  let api: ChildProcess | null = null;
  let worker: ChildProcess | null = null;
  try {
    api = spawn(process.execPath, [...apiNodeArgs(), API_MAIN], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    worker = spawn(process.execPath, [WORKER_MAIN], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    await waitForHealth(api, port);
    const base = `http://127.0.0.1:${port}`;
    const traffic = new Traffic(base);

    const cookies: string[] = [];
    for (const email of agentEmails) {
      const login = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: AGENT_PASSWORD }),
      });
      if (login.status !== 200) throw new Error(`login of ${email} answered ${login.status}: ${await login.text()}`);
      cookies.push(String(login.headers.getSetCookie()[0] ?? '').split(';')[0]);
    }

    console.log(
      `API pid ${api.pid} on :${port}, worker pid ${worker.pid}; ${opts.submitters} form submitters and ${opts.agents} agents ` +
        `for ${opts.seconds} s (DATABASE_POOL_SIZE ${poolSize}, run tag ${tag})`,
    );
    const startedAt = new Date();
    const deadline = performance.now() + opts.seconds * 1_000;
    let sent = 0;
    const acknowledged: string[] = [];
    let repliesSent = 0;
    let repliesAcknowledged = 0;

    // A customer: open the form (its token proves when), submit, start over. A refused form page
    // is counted and retried after a short pause, so an outage shows as errors, not as a hot loop.
    const submitter = async (s: number) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const form = await traffic.call<PublicFormInfo>('GET /public/form', '/public/form');
        if (!form.body) {
          await pause(200);
          continue;
        }
        const body = { ...submission(`${tag}.${s}.${i}@example.com`), formToken: form.body.formToken };
        sent++;
        const created = await traffic.call<PublicTicketCreated>('POST /public/tickets', '/public/tickets', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `${tag}-${s}-${i}-${randomUUID().slice(0, 8)}` },
          body: JSON.stringify(body),
        });
        if (created.status === 201 && created.body) acknowledged.push(created.body.reference);
      }
    };

    // An agent: the newest form tickets of this run, one of them opened, its thread read, a public reply sent.
    const listPath = `/tickets?${new URLSearchParams({
      filter: JSON.stringify({ channel: 'form', createdAt_gte: startedAt.toISOString() }),
      range: '[0,24]',
      sort: '["createdAt","DESC"]',
    })}`;
    const agent = async (a: number) => {
      const headers = { cookie: cookies[a], 'content-type': 'application/json' };
      for (let round = 0; performance.now() < deadline; round++) {
        const list = await traffic.call<TicketRecord[]>('GET /tickets (list)', listPath, { headers });
        const mine = (list.body ?? []).filter((t) => t.customer.email?.startsWith(`${tag}.`));
        const ticket = mine[Math.floor(Math.random() * mine.length)];
        if (ticket) {
          await traffic.call('GET /tickets/:id', `/tickets/${ticket.id}`, { headers });
          await traffic.call('GET /tickets/:id/messages', `/tickets/${ticket.id}/messages`, { headers });
          repliesSent++;
          const reply = await traffic.call('POST /tickets/:id/messages (reply)', `/tickets/${ticket.id}/messages`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ kind: 'public_reply', body: `안녕하세요, 확인 중입니다. / We are on it. (${tag} ${a}.${round})` }),
          });
          if (reply.status === 201 || reply.status === 200) repliesAcknowledged++;
        }
        await pause(ticket ? thinkMs : 100);
      }
    };

    await Promise.all([
      ...Array.from({ length: opts.submitters }, (_, s) => submitter(s)),
      ...Array.from({ length: opts.agents }, (_, a) => agent(a)),
    ]);
    const seconds = (Date.now() - startedAt.getTime()) / 1_000;
    const apiRss = peakRssMb(api.pid);

    // Every answer has come back (loops only stop between requests): what was acknowledged must be stored.
    const [{ stored }] = (await pool.query(`SELECT count(*)::int AS stored FROM tickets WHERE customer_email LIKE $1`, [`${tag}.%`])).rows;
    const [{ found }] = (await pool.query(`SELECT count(*)::int AS found FROM tickets WHERE reference = ANY($1)`, [acknowledged])).rows;
    const [{ replies }] = (
      await pool.query(`SELECT count(*)::int AS replies FROM ticket_messages WHERE kind = 'public_reply' AND body LIKE $1`, [`%(${tag} %`])
    ).rows;
    const lost = acknowledged.length - found + Math.max(0, repliesAcknowledged - replies);

    const kinds = [...traffic.kinds.values()];
    const errors = kinds.reduce((n, k) => n + k.errors, 0);
    const serverErrors = kinds.reduce((n, k) => n + k.serverErrors, 0);
    const byStatus = kinds
      .filter((k) => k.errors > 0)
      .map((k) => `${k.name}: ${[...k.statuses].filter(([s]) => !/^2/.test(s)).map(([s, c]) => `${s}×${c}`).join(' ')}`);

    console.log(`\n${seconds.toFixed(1)} s; ${(acknowledged.length / seconds).toFixed(0)} tickets/s acknowledged`);
    for (const k of kinds) {
      const l = summarize(k.latencies);
      console.log(
        `${k.name.padEnd(36)} n ${String(k.latencies.length).padStart(6)}  p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  max ${ms(l.max)}  ` +
          `statuses ${JSON.stringify(Object.fromEntries(k.statuses))}`,
      );
    }
    console.log(
      `tickets: sent ${sent}, acknowledged ${acknowledged.length}, stored ${stored}, lost ${acknowledged.length - found}; ` +
        `replies: sent ${repliesSent}, acknowledged ${repliesAcknowledged}, stored ${replies}; errors ${errors} (5xx ${serverErrors})`,
    );
    for (const line of byStatus) console.log(`  refused — ${line}`);
    for (const [key, body] of traffic.samples) console.log(`  first ${key}: ${body}`);

    const count = (name: string, unit: string, n: number, goal?: boolean, note?: string): BenchFigure => ({
      name,
      unit,
      runs: [n],
      ...(goal ? { goal: { stat: 'max' as const, op: '<=' as const, value: 0 }, hard: true } : {}),
      ...(note ? { note } : {}),
    });
    return {
      bench: 'soak',
      dataset: `${opts.submitters} form submitters (GET /public/form → POST /public/tickets) and ${opts.agents} agents (list → ticket → thread → reply, ${thinkMs} ms pause) for ${opts.seconds} s, one API and one worker (pool ${poolSize})`,
      figures: [
        ...kinds.map((k) => ({ name: `${k.name} latency`, unit: 'ms', runs: k.latencies })),
        { name: 'tickets acknowledged per second', unit: 'tickets/s', runs: [acknowledged.length / seconds] },
        count('tickets sent', 'tickets', sent),
        count('tickets acknowledged (201)', 'tickets', acknowledged.length),
        count('tickets stored', 'tickets', stored),
        count('agent replies sent', 'replies', repliesSent),
        count('agent replies stored', 'replies', replies),
        count('acknowledged but not stored (tickets + replies)', 'writes', lost, true),
        count('errors (non-2xx or no answer)', 'requests', errors, true, byStatus.join('; ') || undefined),
        count('5xx answers', 'requests', serverErrors, true),
        { name: 'API peak RSS under soak', unit: 'MB', runs: apiRss === null ? [] : [apiRss] },
      ],
    };
  } finally {
    await stopProcess(api);
    await stopProcess(worker);
    await pool.end();
  }
}
