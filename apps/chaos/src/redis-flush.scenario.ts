// Redis loses everything twice while SLA timers run and mails and reshipments are queued: first a
// FLUSHALL, then kill -9 of the (persistence-less) redis-server and a new, empty one after an
// outage. The worker must notice each time and rebuild from PostgreSQL (RedisResetWatcher):
// schedules and every timer back, every SLA rung fired exactly once (ticket events in PostgreSQL),
// every mail sent once (the SMTP catcher counts), every reshipment at the warehouse once.
import IORedis from 'ioredis';
import { SLA_RUNGS, type SlaLadder, type SlaRung } from '@shopdesk/contracts/sla';
import { clockFor } from '@shopdesk/server/sla/sla.service';
import { nextRung, pendingRungs, type TimerState } from '@shopdesk/server/sla/sla-timer';
import { startSmtpCatcher } from '@shopdesk/testing/smtp-catcher';
import { call, type ChaosRun, login, pool, sleep } from './harness';
import { check, type ScenarioResult } from './report';
import type { Scenario } from './scenario';

export interface RedisFlushSize {
  /** Tickets under a seconds-long SLA policy, one every `createEveryMs` while the faults happen. */
  tickets: number;
  createEveryMs: number;
  /** Every n-th ticket gets a reshipment request, every m-th an agent's public reply (a mail). */
  reshipEvery: number;
  replyEvery: number;
  /** Reshipments requested at once just before each fault, so that jobs wait in Redis when it empties. */
  reshipBurst: number;
  firstReplySeconds: number;
  resolutionSeconds: number;
  /** From the first ticket: FLUSHALL at, then kill -9 at, Redis down for. */
  flushAtMs: number;
  killAtMs: number;
  downMs: number;
}

/** The ports the brief gives this scenario (another scenario uses 6391–6394). */
const REDIS_PORTS = [6395, 6396, 6397];
const QUEUE_PREFIX = 'chaos'; // the harness's QUEUE_PREFIX
const LADDER: SlaLadder = { warningPercent: 50, escalateAfterSeconds: 3, raisePriorityAfterSeconds: 6 };
const SCHEDULED_QUEUES = ['sla-ladder', 'courier-events', 'ticket-activity'];

interface TimerRow extends TimerState {
  ticketId: string;
  target: string;
}

interface Rebuild {
  fault: string;
  /** Pending SLA rungs in PostgreSQL when Redis lost its data (all of their jobs gone). */
  pendingRungs: number;
  mailsQueued: number;
  reshipmentsUnfinished: number;
  /** Seconds from Redis being empty (and reachable) to schedules and every pending rung's job back; null = never. */
  seconds: number | null;
}

export const redisFlush: Scenario<RedisFlushSize> = {
  name: 'redis-flush',
  summary: 'FLUSHALL, then kill -9 and restart of an empty Redis, during live SLA timers, queued mails and reshipments → timers rebuilt, each rung once, nothing lost',
  deadlineMs: 300_000,
  full: {
    tickets: 40,
    createEveryMs: 500,
    reshipEvery: 3,
    replyEvery: 5,
    reshipBurst: 16,
    firstReplySeconds: 12,
    resolutionSeconds: 20,
    flushAtMs: 9_000,
    killAtMs: 21_000,
    downMs: 3_000,
  },
  async run(run: ChaosRun, size: RedisFlushSize): Promise<ScenarioResult> {
    const redisServer = await run.startRedis(REDIS_PORTS);
    await run.createDatabase();
    const smtp = await startSmtpCatcher();
    run.onClose(() => smtp.close());
    run.say(`SMTP catcher on :${smtp.port}`);
    // Slow warehouse answers keep reshipment jobs waiting in Redis; no "shipped" callback within the
    // run (it would pause the tickets' SLA timers).
    const sandbox = await run.startSandbox({ WAREHOUSE_DELAY_MS: '1500', WAREHOUSE_SHIP_AFTER_MS: '600000' });
    await run.seed();
    const db = run.pool();
    const tag = `chaos-rf-${Date.now()}`;
    const sec = (s: number) => ({ minutes: s / 60, business: false });
    const spec = { first_reply: sec(size.firstReplySeconds), resolution: sec(size.resolutionSeconds) };
    await db.query(
      `INSERT INTO sla_policies (key, name_ko, name_en, position, filter, targets, ladder, calendar_id)
       SELECT 'chaosRedisFlush', '장애 시험', 'Chaos test', 0, $1, $2, $3, id FROM business_calendars WHERE key = 'default'`,
      [{ tagsAny: [tag] }, { low: spec, normal: spec, high: spec, urgent: spec }, LADDER],
    );
    run.say(`SLA policy: first reply ${size.firstReplySeconds} s, resolution ${size.resolutionSeconds} s, ladder ${JSON.stringify(LADDER)} (tag ${tag})`);
    const api = await run.startApi();
    const worker = await run.startWorker({
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      SMTP_RETRY_DELAY_MS: '1000',
    });
    const cookie = await login(api.url);

    const redis = new IORedis(redisServer.url, { maxRetriesPerRequest: 1, retryStrategy: () => 200, lazyConnect: true });
    redis.on('error', () => undefined);
    await redis.connect();
    run.onClose(async () => void redis.disconnect());

    // ---- what PostgreSQL says is pending, and whether Redis holds it -------------------------------
    const timers = async (): Promise<TimerRow[]> =>
      (
        await db.query(
          `SELECT s.ticket_id AS "ticketId", s.target, s.state, s.started_at AS "startedAt", s.due_at AS "dueAt",
                  s.target_minutes::float AS "targetMinutes", s.paused_minutes::float AS "pausedMinutes", s.business,
                  s.fulfilled_at AS "fulfilledAt", s.rungs_done AS "rungsDone", s.plan_version AS "planVersion"
             FROM ticket_sla s JOIN tickets t ON t.id = s.ticket_id WHERE $1 = ANY(t.tags)`,
          [tag],
        )
      ).rows as TimerRow[];
    const clock = clockFor(false, null);
    const pendingOf = (rows: TimerRow[]) => rows.flatMap((r) => pendingRungs(clock, r, LADDER));
    /** The job each live timer must have queued: its next rung (each fired rung queues the one after it). */
    const queuedKeysOf = (rows: TimerRow[]) =>
      rows.flatMap((r) => {
        const next = nextRung(pendingRungs(clock, r, LADDER));
        return next ? [`${QUEUE_PREFIX}:sla-ladder:sla-${r.ticketId}-${r.target}-${next.rung}-${r.planVersion}`] : [];
      });
    const unfinished = async () => {
      const [r] = (
        await db.query(
          `SELECT (SELECT count(*) FROM outbound_messages m JOIN tickets t ON t.id = m.ticket_id WHERE $1 = ANY(t.tags) AND m.status = 'queued')::int AS mails,
                  (SELECT count(*) FROM reshipment_requests r JOIN tickets t ON t.id = r.ticket_id WHERE $1 = ANY(t.tags) AND r.status IN ('requested', 'sent'))::int AS reshipments,
                  (SELECT count(*) FROM outbox WHERE dispatched_at IS NULL)::int AS undispatched`,
          [tag],
        )
      ).rows;
      return r as { mails: number; reshipments: number; undispatched: number };
    };
    /** Polls until the schedules and every pending rung's job are in Redis again. */
    const rebuilt = async (fault: string, emptyAt: number, before: { pending: number; mails: number; reshipments: number }): Promise<Rebuild> => {
      const result: Rebuild = { fault, pendingRungs: before.pending, mailsQueued: before.mails, reshipmentsUnfinished: before.reshipments, seconds: null };
      await run
        .until(
          `${fault}: schedules and timers rebuilt`,
          async () => {
            try {
              const schedules = await Promise.all(SCHEDULED_QUEUES.map((q) => redis.exists(`${QUEUE_PREFIX}:${q}:repeat`)));
              if (schedules.some((n) => n !== 1)) return undefined;
              const keys = queuedKeysOf(await timers());
              return keys.length === 0 || (await redis.exists(...keys)) === keys.length ? true : undefined;
            } catch {
              return undefined; // Redis not back yet
            }
          },
          30_000,
          100,
        )
        .then(() => (result.seconds = Math.round((Date.now() - emptyAt) / 100) / 10))
        .catch((err: Error) => run.say(err.message));
      run.say(`${fault}: ${result.seconds === null ? 'NOT rebuilt' : `schedules and ${pendingOf(await timers()).length} pending timers back after ${result.seconds} s`}`);
      return result;
    };

    // ---- load: tickets with live timers, reshipments and replies, while the faults happen ----------
    let sent = 0;
    let acknowledged = 0;
    let http5xx = 0;
    let networkErrors = 0;
    const statuses = new Map<string, number>();
    const request = async (path: string, body: unknown) => {
      sent++;
      const r = await call(`${api.url}${path}`, { cookie, body, timeoutMs: 15_000 }).catch(() => ({ status: 0, body: null }));
      statuses.set(String(r.status), (statuses.get(String(r.status)) ?? 0) + 1);
      if (r.status === 0) networkErrors++;
      if (r.status >= 500) http5xx++;
      if (r.status === 201) acknowledged++;
      return r;
    };
    const created: string[] = [];
    const reshipped = new Set<string>();
    const reship = (id: string, i: number) => {
      reshipped.add(id);
      return request(`/tickets/${id}/reshipments`, { items: [{ sku: `SKU-RF-${i}`, qty: 1 }], reason: '누락분 재발송 / resend the missing item' });
    };
    /** Several requests at once: more than the worker's 8 warehouse calls, so some wait in Redis. */
    const reshipBurst = async () => {
      const ids = created.filter((id) => !reshipped.has(id)).slice(0, size.reshipBurst);
      await pool(ids.length, 8, (k) => reship(ids[k], created.indexOf(ids[k])));
      return ids.length;
    };
    const t0 = Date.now();
    const at = (ms: number) => sleep(Math.max(0, t0 + ms - Date.now()));
    const load = (async () => {
      for (let i = 0; i < size.tickets; i++) {
        const r = await request('/tickets', {
          type: 'missing_delivery',
          subject: `배송 누락 ${i + 1} / missing item ${i + 1}`,
          tags: [tag],
          customer: { name: '김민준', email: `chaos.rf.${i}@example.com` },
          order: { number: `ORD-RF-${i}`, items: [{ sku: `SKU-RF-${i}`, name: '텀블러', qty: 1, price: 25_000 }] },
        });
        if (r.status === 201) {
          const id = (r.body as { id: string }).id;
          created.push(id);
          if (i % size.reshipEvery === 0) await reship(id, i);
          if (i % size.replyEvery === 1) await request(`/tickets/${id}/messages`, { kind: 'public_reply', body: '확인 후 다시 보내 드리겠습니다. / We will resend it.' });
        }
        await at((i + 1) * size.createEveryMs);
      }
      run.say(`load done: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    })();

    // ---- fault 1: FLUSHALL (mails in SMTP retry at that moment: the catcher answers 451) -----------
    await at(size.flushAtMs - 3_000);
    smtp.refuseWith(451);
    await at(size.flushAtMs - 500);
    run.say(`${await reshipBurst()} reshipments requested at once; SMTP answering 451 for 3 s`);
    const before1 = { pending: pendingOf(await timers()).length, ...(await unfinished()) };
    await redisServer.flushAll();
    const flushedAt = Date.now();
    run.say(`FLUSHALL with ${before1.pending} pending SLA rungs, ${before1.mails} mails queued, ${before1.reshipments} reshipments unfinished`);
    const rebuild1 = await rebuilt('FLUSHALL', flushedAt, before1);
    await sleep(Math.max(0, flushedAt + 1_500 - Date.now()));
    smtp.refuseWith(null);

    // ---- fault 2: kill -9, an outage, then a new empty redis-server on the same port ---------------
    await at(size.killAtMs - 3_000);
    smtp.refuseWith(451);
    await at(size.killAtMs - 500);
    run.say(`${await reshipBurst()} reshipments requested at once; SMTP answering 451 for 3 s`);
    const before2 = { pending: pendingOf(await timers()).length, ...(await unfinished()) };
    const exited = new Promise((r) => redisServer.child.once('exit', r));
    redisServer.child.kill('SIGKILL');
    await exited;
    run.say(`kill -9 redis-server with ${before2.pending} pending SLA rungs, ${before2.mails} mails queued, ${before2.reshipments} reshipments unfinished; down for ${size.downMs / 1000} s`);
    await sleep(size.downMs);
    smtp.refuseWith(null);
    await redisServer.restart();
    const upAt = Date.now();
    run.say(`redis-server back, empty (pid ${redisServer.child.pid})`);
    const rebuild2 = await rebuilt('restart', upAt, before2);
    await load;

    // ---- quiescence: every timer done or fulfilled, every mail and reshipment settled -------------
    const quietFrom = Date.now();
    await run
      .until(
        'every timer, mail and reshipment settled',
        async () => {
          const u = await unfinished();
          return pendingOf(await timers()).length === 0 && u.mails === 0 && u.reshipments === 0 && u.undispatched === 0 ? true : undefined;
        },
        120_000,
        500,
      )
      .catch((err: Error) => run.say(err.message));
    await sleep(2_000); // anything fired twice would show up now
    const settleSeconds = Math.round((Date.now() - quietFrom) / 100) / 10;
    run.say(`settled ${settleSeconds} s after the load ended`);

    // ---- counting, in PostgreSQL, the SMTP catcher and the warehouse's own records ----------------
    const finalTimers = await timers();
    const overdue = pendingOf(finalTimers).filter((p) => p.fireAt.getTime() < Date.now()).length;
    const fired = (
      await db.query(
        `SELECT e.ticket_id, e.after->>'target' AS target, e.after->>'rung' AS rung, count(*)::int AS n, bool_or((e.after->>'late')::boolean) AS late
           FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
          WHERE $1 = ANY(t.tags) AND e.kind IN ('sla_warning', 'sla_breached', 'sla_escalated', 'sla_priority_raised')
          GROUP BY 1, 2, 3`,
        [tag],
      )
    ).rows as { ticket_id: string; target: string; rung: SlaRung; n: number; late: boolean }[];
    const firedTwice = fired.filter((f) => f.n > 1).length;
    const byRung = Object.fromEntries(SLA_RUNGS.map((r) => [r, fired.filter((f) => f.rung === r).length]));
    const lateRungs = fired.filter((f) => f.late).length;
    // Every rung a timer's final state says is done must have exactly one event (none silently skipped).
    const doneWithoutEvent = finalTimers.reduce(
      (n, t) => n + t.rungsDone.filter((rung) => !fired.some((f) => f.ticket_id === t.ticketId && f.target === t.target && f.rung === rung)).length,
      0,
    );
    const unfulfilled = finalTimers.filter((t) => !t.fulfilledAt);
    const escalatedOnce = unfulfilled.filter((t) => fired.some((f) => f.ticket_id === t.ticketId && f.target === t.target && f.rung === 'escalate' && f.n === 1)).length;
    const [{ extraNotifications }] = (
      await db.query(
        `WITH ev AS (SELECT e.ticket_id, e.after->>'rung' AS rung, count(*) AS n FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
                      WHERE $1 = ANY(t.tags) AND e.kind LIKE 'sla\\_%' GROUP BY 1, 2),
              nt AS (SELECT ticket_id, substr(kind, 5) AS rung, coalesce(recipient_id::text, recipient_role::text) AS who, count(*) AS n
                       FROM notifications WHERE kind LIKE 'sla\\_%' GROUP BY 1, 2, 3)
         SELECT coalesce(sum(nt.n - coalesce(ev.n, 0)) FILTER (WHERE nt.n > coalesce(ev.n, 0)), 0)::int AS "extraNotifications"
           FROM nt JOIN tickets t ON t.id = nt.ticket_id AND $1 = ANY(t.tags) LEFT JOIN ev USING (ticket_id, rung)`,
        [tag],
      )
    ).rows;

    const mails = (
      await db.query(`SELECT m.id, m.kind, m.status FROM outbound_messages m JOIN tickets t ON t.id = m.ticket_id WHERE $1 = ANY(t.tags)`, [tag])
    ).rows as { id: string; kind: string; status: string }[];
    const caught = new Map<string, number>();
    for (const m of smtp.messages) {
      const id = m.headers['x-shopdesk-mail-id'];
      if (id) caught.set(id, (caught.get(id) ?? 0) + 1);
    }
    const mailsSent = mails.filter((m) => m.status === 'sent' && caught.get(m.id) === 1).length;
    const mailsLost = mails.filter((m) => !caught.has(m.id)).length;
    const mailsDuplicated = mails.reduce((n, m) => n + Math.max(0, (caught.get(m.id) ?? 0) - 1), 0);
    const mailKinds = Object.fromEntries([...new Set(mails.map((m) => m.kind))].map((k) => [k, mails.filter((m) => m.kind === k).length]));

    const reships = (
      await db.query(
        `SELECT r.id, r.idempotency_key, r.status FROM reshipment_requests r JOIN tickets t ON t.id = r.ticket_id WHERE $1 = ANY(t.tags)`,
        [tag],
      )
    ).rows as { id: string; idempotency_key: string; status: string }[];
    const stats = (await call(`${sandbox}/stats`)).body as { orders: number; replays: number; byKey: Record<string, number> };
    const reshipLost = reships.filter((r) => !stats.byKey[r.idempotency_key]).length;
    const reshipDuplicated = reships.reduce((n, r) => n + Math.max(0, (stats.byKey[r.idempotency_key] ?? 0) - 1), 0);
    const reshipAccepted = reships.filter((r) => r.status === 'accepted' || r.status === 'shipped').length;
    const [{ tickets: storedTickets, replies }] = (
      await db.query(
        `SELECT (SELECT count(*) FROM tickets WHERE $1 = ANY(tags))::int AS tickets,
                (SELECT count(*) FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id WHERE $1 = ANY(t.tags) AND m.kind = 'public_reply')::int AS replies`,
        [tag],
      )
    ).rows;
    const workerLog = worker.log();
    const resetsLogged = (workerLog.match(/lost its data/g) ?? []).length;
    // What the rebuilds did, from the worker's own log lines.
    const sum = (re: RegExp) => [...workerLog.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
    const outboxRedispatched = sum(/outbox: re-dispatched (\d+) of/g);
    const timersRecreated = sum(/SLA reconcile: re-created (\d+) of/g);
    const rebuilds = [rebuild1, rebuild2];
    const hit = rebuilds.map((r) => r.pendingRungs + r.mailsQueued + r.reshipmentsUnfinished);

    return {
      scenario: 'redis-flush',
      description:
        `${size.tickets} tickets under a ${size.firstReplySeconds}/${size.resolutionSeconds} s SLA policy (one per ${size.createEveryMs} ms), ` +
        `reshipments (plus ${size.reshipBurst} at once before each fault) and replies among them; FLUSHALL at ${size.flushAtMs / 1000} s (SMTP answering 451 around it), ` +
        `kill -9 of Redis at ${size.killAtMs / 1000} s, down ${size.downMs / 1000} s, restarted empty. Counts: API requests; ` +
        `duplicated/lost = SLA rungs + mails + warehouse orders`,
      counts: {
        sent,
        acknowledged,
        stored: storedTickets + reships.length + replies,
        duplicated: firedTwice + mailsDuplicated + reshipDuplicated + extraNotifications,
        lost: overdue + doneWithoutEvent + mailsLost + reshipLost,
        http5xx,
      },
      figures: {
        rungsPendingAtFlush: rebuild1.pendingRungs,
        mailsQueuedAtFlush: rebuild1.mailsQueued,
        reshipmentsUnfinishedAtFlush: rebuild1.reshipmentsUnfinished,
        rebuildSecondsAfterFlush: rebuild1.seconds ?? 'never',
        rungsPendingAtKill: rebuild2.pendingRungs,
        mailsQueuedAtKill: rebuild2.mailsQueued,
        reshipmentsUnfinishedAtKill: rebuild2.reshipmentsUnfinished,
        rebuildSecondsAfterRestart: rebuild2.seconds ?? 'never',
        resetsSeenByWorker: resetsLogged,
        outboxRedispatched,
        slaJobsRecreatedLogged: timersRecreated,
        rungsFired: fired.length,
        warnings: byRung.warning,
        breaches: byRung.breach,
        escalations: byRung.escalate,
        priorityRaises: byRung.raise_priority,
        lateRungs,
        mails: mails.length,
        mailKinds: JSON.stringify(mailKinds),
        smtpRefused: smtp.refused,
        reshipments: reships.length,
        warehouseOrders: stats.orders,
        warehouseReplays: stats.replays,
        networkErrors,
        settleSeconds,
      },
      checks: [
        check('every request answered 201', acknowledged === sent && networkErrors === 0, `${acknowledged} of ${sent}; statuses ${JSON.stringify(Object.fromEntries(statuses))}`),
        check('no 5xx', http5xx === 0, `${http5xx} answers ≥ 500`),
        check(
          'the faults hit live work',
          hit.every((n) => n > 0),
          rebuilds.map((r) => `${r.fault}: ${r.pendingRungs} rungs, ${r.mailsQueued} mails, ${r.reshipmentsUnfinished} reshipments`).join('; '),
        ),
        check(
          'schedules and every timer rebuilt after each fault',
          rebuilds.every((r) => r.seconds !== null && r.seconds <= 10),
          rebuilds.map((r) => `${r.fault}: ${r.seconds ?? 'never'} s`).join(', '),
        ),
        check(
          'the worker saw both resets and re-dispatched lost outbox jobs',
          resetsLogged >= 2 && outboxRedispatched > 0,
          `${resetsLogged} "lost its data" lines; ${outboxRedispatched} outbox jobs re-dispatched, ${timersRecreated} SLA job re-creations logged (summed over reconcile runs)`,
        ),
        check('no rung overdue or silently skipped', overdue === 0 && doneWithoutEvent === 0, `${overdue} overdue, ${doneWithoutEvent} done without an event`),
        check('every rung fired at most once', firedTwice === 0 && extraNotifications === 0, `${firedTwice} (ticket, target, rung) twice, ${extraNotifications} extra notifications`),
        check('every unfulfilled timer escalated exactly once', escalatedOnce === unfulfilled.length, `${escalatedOnce} of ${unfulfilled.length}`),
        check('every mail sent exactly once', mailsSent === mails.length && mailsLost === 0 && mailsDuplicated === 0, `${mailsSent} of ${mails.length} sent once, ${mailsLost} never sent, ${mailsDuplicated} extra copies`),
        check('every reshipment at the warehouse exactly once', reshipLost === 0 && reshipDuplicated === 0 && reshipAccepted === reships.length, `${reships.length - reshipLost} of ${reships.length} received, ${reshipDuplicated} extra orders, ${reshipAccepted} accepted`),
      ],
    };
  },
};
