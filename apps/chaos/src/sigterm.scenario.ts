// SIGTERM under load. API: agents list tickets and customers submit the public form at full
// speed; SIGTERM lands mid-load → every request already sent before the signal gets its answer
// (no reset, no 5xx), the process exits 0, acknowledged tickets are stored. Worker: SIGTERM while
// reshipment calls are active → they finish, the process exits 0, no job is left active/stalled.
import { Queue } from 'bullmq';
import { QueueName } from '@shopdesk/server/core/queue/queue-names';
import { redisOptionsFromUrl } from '@shopdesk/server/core/queue/redis-options';
import { micropaymentSubmission } from '@shopdesk/testing/public-form';
import { call, type ChaosRun, login, networkErrorCode, pool, sleep } from './harness';
import { check, type ScenarioResult } from './report';
import type { Scenario } from './scenario';

export interface SigtermSize {
  concurrency: number;
  /** Load before the signal. */
  loadMs: number;
  /** Reshipments the worker is busy with when it gets SIGTERM. */
  reshipments: number;
}

interface Outcome {
  start: number;
  end: number;
  status: number | null;
  error: string | null;
  kind: 'list' | 'form';
  reference?: string;
}

export const sigterm: Scenario<SigtermSize> = {
  name: 'sigterm',
  summary: 'SIGTERM to the API under agent + public-form load, and to the worker with active jobs → in-flight work finishes, exit 0, no stalled jobs',
  deadlineMs: 240_000,
  full: { concurrency: 24, loadMs: 4_000, reshipments: 16 },
  async run(run: ChaosRun, size: SigtermSize): Promise<ScenarioResult> {
    await run.startRedis();
    await run.createDatabase();
    const sandbox = await run.startSandbox({ WAREHOUSE_DELAY_MS: '3000', WAREHOUSE_SHIP_AFTER_MS: '200' });
    await run.seed();
    const api = await run.startApi();
    const db = run.pool();
    const cookie = await login(api.url);

    // --- API ---------------------------------------------------------------------------------
    const outcomes: Outcome[] = [];
    let signalAt = Infinity;
    let exitedAt = Infinity;
    const apiExit = new Promise<number | null>((r) => api.child.once('exit', (code) => ((exitedAt = Date.now()), r(code))));
    const loop = async (n: number) => {
      for (let i = 0; Date.now() < Math.min(exitedAt + 500, signalAt + 35_000); i++) {
        const kind: Outcome['kind'] = (n + i) % 2 === 0 ? 'list' : 'form';
        const o: Outcome = { start: Date.now(), end: 0, status: null, error: null, kind };
        try {
          const r =
            kind === 'list'
              ? await call(`${api.url}/tickets?sort=${encodeURIComponent('["createdAt","DESC"]')}&range=[0,24]`, { cookie })
              : await call(`${api.url}/public/tickets`, { body: micropaymentSubmission(), headers: { 'idempotency-key': crypto.randomUUID() } });
          o.status = r.status;
          if (kind === 'form' && r.status === 201) o.reference = r.body.reference;
        } catch (err) {
          o.error = networkErrorCode(err);
        }
        o.end = Date.now();
        outcomes.push(o);
        if (o.error) await sleep(50); // refused after close: do not spin
      }
    };
    run.say(`load: ${size.concurrency} clients alternating GET /tickets (agent) and POST /public/tickets`);
    const load = Promise.all(Array.from({ length: size.concurrency }, (_, n) => loop(n)));
    await sleep(size.loadMs);
    signalAt = Date.now();
    api.child.kill('SIGTERM');
    run.say(`SIGTERM → API pid ${api.child.pid}`);
    const apiCode = await Promise.race([apiExit, sleep(30_000).then(() => 'timeout' as const)]);
    const apiExitMs = exitedAt - signalAt;
    run.say(`API exited with ${apiCode} ${Math.round(apiExitMs)} ms after SIGTERM`);
    await load;

    const before = outcomes.filter((o) => o.start < signalAt);
    const inFlight = before.filter((o) => o.end >= signalAt);
    const after = outcomes.filter((o) => o.start >= signalAt);
    const failedBefore = before.filter((o) => o.error !== null || (o.status ?? 0) >= 500);
    const answeredAfter = after.filter((o) => o.status !== null);
    const resetAfter = after.filter((o) => o.error !== null && o.error !== 'ECONNREFUSED');
    const api5xx = outcomes.filter((o) => (o.status ?? 0) >= 500).length;
    const acknowledgedForms = outcomes.filter((o) => o.kind === 'form' && o.status === 201);
    const refs = acknowledgedForms.map((o) => o.reference!);
    const [{ stored }] = (await db.query(`SELECT count(*)::int AS stored FROM tickets WHERE reference = ANY($1::text[])`, [refs])).rows;
    const [{ formTickets }] = (await db.query(`SELECT count(*)::int AS "formTickets" FROM tickets WHERE channel = 'form' AND customer_email LIKE 'park.%@example.com'`)).rows;
    run.say(
      `${outcomes.length} requests: ${before.length} sent before the signal (${inFlight.length} in flight at it, ${failedBefore.length} failed), ` +
        `${after.length} after (${answeredAfter.length} answered, ${resetAfter.length} reset); ${acknowledgedForms.length} form tickets acknowledged, ${stored} of them stored`,
    );

    // --- worker ------------------------------------------------------------------------------
    const api2 = await run.startApi({}, api.port); // the warehouse calls back to the same URL
    const cookie2 = await login(api2.url);
    const worker = await run.startWorker();
    const ids = await pool(size.reshipments, 4, async (i) => {
      const t = await call(`${api2.url}/tickets`, {
        cookie: cookie2,
        body: { type: 'missing_delivery', subject: `종료 신호 ${i}`, customer: { name: '정하늘', email: `chaos.term.${i}@example.com` } },
      });
      const r = await call(`${api2.url}/tickets/${t.body.id}/reshipments`, { cookie: cookie2, body: { items: [{ sku: `SKU-T-${i}`, qty: 1 }], reason: '재발송' } });
      if (r.status !== 201) throw new Error(`reshipment request answered ${r.status}`);
      return r.body.id as string;
    });
    const activeAtSignal = await run.until(
      'reshipment calls active in the worker',
      async () => {
        const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM reshipment_requests WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [ids])).rows;
        return n >= Math.min(4, ids.length) ? (n as number) : undefined;
      },
      30_000,
      100,
    );
    const wSignal = Date.now();
    const workerExit = new Promise<number | null>((r) => worker.child.once('exit', (code) => r(code)));
    worker.child.kill('SIGTERM');
    run.say(`SIGTERM → worker pid ${worker.child.pid} with ${activeAtSignal} warehouse calls active`);
    const workerCode = await Promise.race([workerExit, sleep(60_000).then(() => 'timeout' as const)]);
    const workerExitMs = Date.now() - wSignal;
    run.say(`worker exited with ${workerCode} ${workerExitMs} ms after SIGTERM`);

    const queue = new Queue(QueueName.Reshipments, { connection: redisOptionsFromUrl(run.redis!.url), prefix: 'chaos' });
    run.onClose(() => queue.close());
    const countsAfterExit = await queue.getJobCounts('active', 'waiting', 'delayed', 'failed', 'completed');
    const [{ finished }] = (
      await db.query(`SELECT count(*)::int AS finished FROM reshipment_requests WHERE id = ANY($1::uuid[]) AND status IN ('accepted', 'shipped')`, [ids])
    ).rows;
    run.say(`after exit: ${finished} of ${ids.length} requests accepted; jobs ${JSON.stringify(countsAfterExit)}`);

    // A new worker takes the rest; nothing may run twice (a stalled job would be re-sent).
    await run.startWorker();
    await run.until(
      'every reshipment accepted after the restart',
      async () => {
        const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM reshipment_requests WHERE id = ANY($1::uuid[]) AND status IN ('accepted', 'shipped')`, [ids])).rows;
        return n === ids.length ? true : undefined;
      },
      60_000,
      250,
    );
    const stats = (await call(`${sandbox}/stats`)).body as { orders: number; replays: number };
    const [{ maxAttempts }] = (await db.query(`SELECT max(attempts)::int AS "maxAttempts" FROM reshipment_requests WHERE id = ANY($1::uuid[])`, [ids])).rows;

    return {
      scenario: 'sigterm',
      description: `API: ${size.concurrency} clients (agent list + public form) for ${size.loadMs / 1000} s, then SIGTERM; worker: SIGTERM with ${activeAtSignal} of ${size.reshipments} reshipment calls active (warehouse answers in 3 s)`,
      counts: {
        sent: outcomes.length,
        acknowledged: acknowledgedForms.length,
        stored,
        duplicated: Math.max(0, formTickets - acknowledgedForms.length - (outcomes.filter((o) => o.kind === 'form' && o.status === null).length)),
        lost: acknowledgedForms.length - stored,
        http5xx: api5xx,
      },
      figures: {
        sentBeforeSignal: before.length,
        inFlightAtSignal: inFlight.length,
        failedInFlight: failedBefore.length,
        answeredAfterSignal: answeredAfter.length,
        resetAfterSignal: resetAfter.length,
        refusedAfterClose: after.length - answeredAfter.length - resetAfter.length,
        apiExitCode: String(apiCode),
        apiExitMs: Math.round(apiExitMs),
        workerActiveAtSignal: activeAtSignal,
        workerExitCode: String(workerCode),
        workerExitMs,
        finishedBeforeWorkerExit: finished,
        activeJobsAfterExit: countsAfterExit.active,
        warehouseReplays: stats.replays,
      },
      checks: [
        check('every request sent before SIGTERM answered < 500', failedBefore.length === 0, `${failedBefore.length} of ${before.length} failed (${[...new Set(failedBefore.map((o) => o.error ?? o.status))].join(', ') || '-'})`),
        check('requests were in flight at SIGTERM', inFlight.length > 0, `${inFlight.length} in flight`),
        check('API exits 0', apiCode === 0, `exit ${apiCode} after ${Math.round(apiExitMs)} ms`),
        check('acknowledged form tickets == stored', stored === acknowledgedForms.length, `${stored} of ${acknowledgedForms.length}`),
        check('no 5xx', api5xx === 0, `${api5xx} answers ≥ 500`),
        check('worker exits 0 after its active jobs', workerCode === 0 && finished >= activeAtSignal, `exit ${workerCode} after ${workerExitMs} ms; ${finished} accepted before exit, ${activeAtSignal} were active`),
        check('no job left active (stalled) after the worker exit', countsAfterExit.active === 0, `active ${countsAfterExit.active}`),
        check('nothing sent twice', stats.orders === ids.length && stats.replays === 0 && maxAttempts === 1, `${stats.orders} orders, ${stats.replays} replays, max attempts ${maxAttempts}`),
      ],
    };
  },
};
