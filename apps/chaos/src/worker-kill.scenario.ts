// kill -9 the worker, again and again, while agents request reshipments through the API (as the
// admin UI does: POST /tickets/:id/reshipments). Afterwards the warehouse sandbox's own records
// must hold exactly one order per request (per idempotency key), none missing, all shipped back.
import type { WorkerProcess } from '@shopdesk/testing/worker-process';
import { call, type ChaosRun, login, pool, sleep } from './harness';
import { check, type ScenarioResult } from './report';
import type { Scenario } from './scenario';

export interface WorkerKillSize {
  requests: number;
  kills: number;
  /** Pause between a restarted worker being up and the next kill -9. */
  killEveryMs: number;
}

interface SandboxOrder {
  idempotencyKey: string;
  reference: string;
  status: string;
}

export const workerKill: Scenario<WorkerKillSize> = {
  name: 'worker-kill',
  summary: '100 reshipment requests while the worker is kill -9ed and restarted 3+ times → one warehouse order per idempotency key, none lost',
  deadlineMs: 300_000,
  full: { requests: 100, kills: 4, killEveryMs: 1_500 },
  async run(run: ChaosRun, size: WorkerKillSize): Promise<ScenarioResult> {
    await run.startRedis();
    await run.createDatabase();
    // Slow answers keep calls in flight when the worker dies; the "shipped" callback comes late, so a
    // killed call is retried (same Idempotency-Key → the sandbox replays) before the callback settles it.
    const sandbox = await run.startSandbox({ WAREHOUSE_DELAY_MS: '800', WAREHOUSE_SHIP_AFTER_MS: '20000' });
    await run.seed();
    const api = await run.startApi();
    let worker: WorkerProcess = await run.startWorker();
    const db = run.pool();
    const cookie = await login(api.url);

    // Tickets first (set-up, not under fire): one per request.
    const tag = `chaos-wk-${Date.now()}`;
    const tickets = await pool(size.requests, 4, async (i) => {
      const r = await call(`${api.url}/tickets`, {
        cookie,
        body: {
          type: 'missing_delivery',
          subject: `재배송 요청 ${i + 1} / reshipment ${i + 1}`,
          tags: [tag],
          customer: { name: '이서연', email: `chaos.wk.${i}@example.com` },
          order: { number: `ORD-CHAOS-${i}`, items: [{ sku: `SKU-${i}`, name: '머그컵', qty: 1, price: 12_000 }] },
        },
      });
      if (r.status !== 201) throw new Error(`POST /tickets answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
      return r.body.id as string;
    });
    run.say(`${tickets.length} tickets created (tag ${tag})`);

    let http5xx = 0;
    let acknowledged = 0;
    const requestIds: string[] = [];
    let sendingDone = false;
    const send = (async () => {
      await pool(tickets.length, 2, async (i) => {
        const r = await call(`${api.url}/tickets/${tickets[i]}/reshipments`, {
          cookie,
          body: { items: [{ sku: `SKU-${i}`, qty: 1 }], reason: '누락분 재발송 / resend the missing item' },
        }).catch(() => ({ status: 0, body: null }));
        if (r.status >= 500) http5xx++;
        if (r.status === 201) {
          acknowledged++;
          requestIds.push(r.body.id);
        }
        await sleep(120); // spread the requests over the kills
      });
      sendingDone = true;
      run.say(`${tickets.length} reshipment requests sent, ${acknowledged} acknowledged`);
    })();

    // The killer: wait, kill -9 (whatever the worker is doing), restart, repeat.
    const inFlightAtKill: number[] = [];
    for (let k = 1; k <= size.kills; k++) {
      await sleep(size.killEveryMs);
      run.checkDeadline();
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM reshipment_requests WHERE status = 'sent'`)).rows;
      inFlightAtKill.push(n);
      const exited = new Promise((r) => worker.child.once('exit', r));
      worker.child.kill('SIGKILL');
      await exited;
      run.say(`kill -9 #${k} of worker pid ${worker.child.pid} (${n} requests mid-call to the warehouse)`);
      worker = await run.startWorker();
    }
    await send;
    if (!sendingDone) throw new Error('sending did not finish');

    // Quiescence: every request accepted by the warehouse and its "shipped" callback applied.
    const quietFrom = Date.now();
    await run
      .until(
        'every reshipment shipped',
        async () => {
          const [{ n }] = (
            await db.query(`SELECT count(*)::int AS n FROM reshipment_requests WHERE id = ANY($1::uuid[]) AND status = 'shipped'`, [requestIds])
          ).rows;
          return n === requestIds.length ? true : undefined;
        },
        150_000,
        500,
      )
      .catch((err: Error) => run.say(err.message));
    const settleSeconds = Math.round((Date.now() - quietFrom) / 100) / 10;
    run.say(`quiescent after ${settleSeconds} s`);

    const rows = (
      await db.query(
        `SELECT r.id, r.idempotency_key, r.status, r.attempts FROM reshipment_requests r JOIN tickets t ON t.id = r.ticket_id WHERE $1 = ANY(t.tags)`,
        [tag],
      )
    ).rows as { id: string; idempotency_key: string; status: string; attempts: number }[];
    const stats = (await call(`${sandbox}/stats`)).body as { orders: number; replays: number; byKey: Record<string, number> };
    const orders = ((await call(`${sandbox}/orders`)).body as { orders: SandboxOrder[] }).orders;
    const perReference = new Map<string, number>();
    for (const o of orders) perReference.set(o.reference, (perReference.get(o.reference) ?? 0) + 1);
    const lost = rows.filter((r) => !perReference.has(r.id)).length;
    const duplicated = rows.reduce((sum, r) => sum + Math.max(0, (perReference.get(r.id) ?? 0) - 1), 0);
    const keysOff = rows.filter((r) => stats.byKey[r.idempotency_key] !== 1).length;
    const shipped = rows.filter((r) => r.status === 'shipped').length;
    const foreign = orders.filter((o) => !rows.some((r) => r.id === o.reference)).length;

    return {
      scenario: 'worker-kill',
      description: `${size.requests} reshipment requests through the API, worker kill -9 ×${size.kills} (every ${size.killEveryMs / 1000} s after restart)`,
      counts: { sent: tickets.length, acknowledged, stored: rows.length, duplicated, lost, http5xx },
      figures: {
        kills: size.kills,
        midCallAtKills: inFlightAtKill.reduce((a, b) => a + b, 0),
        warehouseOrders: orders.length,
        warehouseReplays: stats.replays,
        maxAttempts: Math.max(0, ...rows.map((r) => r.attempts)),
        shipped,
        settleSeconds,
      },
      checks: [
        check('every request acknowledged', acknowledged === tickets.length, `${acknowledged} of ${tickets.length} answered 201`),
        check('acknowledged == stored', rows.length === acknowledged, `${rows.length} stored`),
        check('none lost', lost === 0, `${lost} requests never reached the warehouse`),
        check('exactly once per idempotency key', keysOff === 0 && duplicated === 0 && foreign === 0, `${keysOff} keys not exactly 1, ${duplicated} extra orders, ${foreign} unknown orders`),
        check('every request shipped back', shipped === rows.length, `${shipped} of ${rows.length} shipped (callback applied)`),
        check('no 5xx', http5xx === 0, `${http5xx} answers ≥ 500`),
        check('the worker was killed mid-call', inFlightAtKill.some((n) => n > 0), `requests mid-call at each kill: ${inFlightAtKill.join(', ')}`),
      ],
    };
  },
};
