// Two API and two worker processes on one PostgreSQL database and one Redis, under mixed load:
// SLA timers with second-long targets (both workers run the ladder, extra reconcile jobs run in
// both at once), reshipment requests alternating between the APIs, concurrent replies and priority
// changes on the same tickets through both APIs, and every mail delivered to a real SMTP listener.
// Afterwards PostgreSQL, the warehouse sandbox and the SMTP catcher must show each rung, order and
// mail exactly once. Rate limits are set small and probed through both APIs alternately: the
// combined count must stop at the limit, not at twice the limit.
import { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { QueueName } from '@shopdesk/server/core/queue/queue-names';
import { redisOptionsFromUrl } from '@shopdesk/server/core/queue/redis-options';
import { stalledCountersKey } from '@shopdesk/server/core/metrics/stalled-counters';
import { RECONCILE_SLA } from '@shopdesk/server/sla/sla-ladder.job';
import { micropaymentSubmission } from '@shopdesk/testing/public-form';
import { type ApiProcess, call, type ChaosRun, login, pool, sleep, startMailCatcher } from './harness';
import { check, type Check, type ScenarioResult } from './report';
import type { Scenario } from './scenario';

export interface MultiInstanceSize {
  /** Tickets under the fast SLA policy: each walks 2 targets × 4 rungs. */
  slaTickets: number;
  /** Reshipment requests, each on its own ticket, sent through API 1 and API 2 alternately. */
  reshipments: number;
  /** Tickets that both agents reply to (and re-prioritise) at once through both APIs. */
  replyTickets: number;
  updatesPerTicket: number;
  /** Every rate limit of both APIs is set to this; each probe sends three times as many. */
  limit: number;
  /** Two extra SLA reconcile jobs (one per worker, at the same time) this often. */
  reconcileEveryMs: number;
}

const QUEUE_PREFIX = 'chaos';
const SLA_KINDS = ['sla_warning', 'sla_breached', 'sla_escalated', 'sla_priority_raised'] as const;
const SLA_TARGETS = ['first_reply', 'resolution'] as const;
/** The fast policy: warning at 50 %, escalate 2 s and raise priority 4 s after the breach. */
const FAST_POLICY = {
  targets: { normal: { first_reply: { minutes: 4 / 60, business: false }, resolution: { minutes: 8 / 60, business: false } } },
  ladder: { warningPercent: 50, escalateAfterSeconds: 2, raisePriorityAfterSeconds: 4 },
};

/** Counts answers per status and notes 5xx; every request of the scenario goes through one. */
class Tally {
  http5xx = 0;
  readonly statuses: number[] = [];
  async send(url: string, opts: Parameters<typeof call>[1] = {}): Promise<{ status: number; body: any }> {
    const r = await call(url, opts).catch((err: Error) => ({ status: 0, body: { message: err.message } }));
    this.statuses.push(r.status);
    if (r.status >= 500) this.http5xx++;
    return r;
  }
}

interface ProbeResult {
  /** Answers that got past the limiter (not 429), per API. */
  passedPerApi: [number, number];
  passed: number;
  limited: number;
  other: number;
}

/** Sends `n` requests (at most 4 at once), alternating between the two APIs. */
async function probe(n: number, apis: ApiProcess[], send: (api: ApiProcess, i: number) => Promise<number>, passStatus: number): Promise<ProbeResult> {
  const r: ProbeResult = { passedPerApi: [0, 0], passed: 0, limited: 0, other: 0 };
  await pool(n, 4, async (i) => {
    const status = await send(apis[i % 2], i);
    if (status === passStatus) {
      r.passed++;
      r.passedPerApi[i % 2]++;
    } else if (status === 429) r.limited++;
    else r.other++;
  });
  return r;
}

const probeDetail = (p: ProbeResult, limit: number, sent: number) =>
  `${p.passed} passed (API 1: ${p.passedPerApi[0]}, API 2: ${p.passedPerApi[1]}), ${p.limited} × 429, ${p.other} other, of ${sent} sent; limit ${limit}`;

async function count(db: Pool, sql: string, params: unknown[]): Promise<number> {
  const [{ n }] = (await db.query(sql, params)).rows;
  return n as number;
}

export const multiInstance: Scenario<MultiInstanceSize> = {
  name: 'multi-instance',
  summary: '2 APIs + 2 workers on one PostgreSQL and Redis under load → each SLA rung, reshipment and mail once; rate limits hold across instances',
  deadlineMs: 300_000,
  full: { slaTickets: 40, reshipments: 40, replyTickets: 10, updatesPerTicket: 8, limit: 5, reconcileEveryMs: 2_000 },
  async run(run: ChaosRun, size: MultiInstanceSize): Promise<ScenarioResult> {
    await run.startRedis();
    await run.createDatabase();
    const sandbox = await run.startSandbox({ WAREHOUSE_DELAY_MS: '300', WAREHOUSE_SHIP_AFTER_MS: '1000' });
    await run.seed();
    const db = run.pool(4);
    const tag = `chaos-mi-${Date.now()}`;
    // Before any process starts: policies are cached per process.
    await db.query(
      `INSERT INTO sla_policies (key, name_ko, name_en, position, filter, targets, ladder, calendar_id)
       SELECT 'chaosMultiFast', '카오스 빠른 SLA', 'Chaos fast SLA', 0, $1, $2, $3, id FROM business_calendars WHERE key = 'default'`,
      [JSON.stringify({ tagsAny: [`${tag}-sla`] }), JSON.stringify(FAST_POLICY.targets), JSON.stringify(FAST_POLICY.ladder)],
    );
    run.say(`fast SLA policy for tag ${tag}-sla: first reply 4 s, resolution 8 s, warning 50 %, escalate +2 s, raise +4 s`);
    const smtp = await startMailCatcher(run);
    const mailEnv = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' };
    const limits = {
      LOGIN_RATE_LIMIT_PER_MINUTE: String(size.limit),
      LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: String(size.limit),
      PUBLIC_RATE_LIMIT_PER_IP_PER_HOUR: String(size.limit),
      PUBLIC_RATE_LIMIT_PER_EMAIL_PER_HOUR: String(size.limit),
    };
    const api1 = await run.startApi({ ...limits, ...mailEnv });
    const api2 = await run.startApi({ ...limits, ...mailEnv });
    const apis = [api1, api2];
    await run.startWorker(mailEnv);
    // The second worker's warehouse calls ask for their callbacks on API 2.
    await run.startWorker({ ...mailEnv, PUBLIC_BASE_URL: api2.url });

    // One session each, signed in on API 1 and used on both (sessions live in PostgreSQL).
    const agent = await login(api1.url, 'agent@shopdesk.test');
    const lead = await login(api1.url, 'lead@shopdesk.test');
    const sessions = [agent, lead];
    const writes = new Tally(); // requests that must be stored
    const reads = new Tally(); // rate-limit probes

    const slaQueue = new Queue(QueueName.SlaLadder, { connection: redisOptionsFromUrl(run.redis!.url), prefix: QUEUE_PREFIX });
    run.onClose(() => slaQueue.close());

    const newTicket = async (i: number, kind: string, extra: Record<string, unknown> = {}) => {
      const r = await writes.send(`${apis[i % 2].url}/tickets`, {
        cookie: sessions[i % 2],
        body: {
          type: 'missing_delivery',
          priority: 'normal',
          subject: `다중 인스턴스 ${kind} ${i + 1} / multi-instance ${kind} ${i + 1}`,
          customer: { name: '이서연', email: `chaos.mi.${kind}.${i}@example.com` },
          order: { number: `ORD-MI-${kind}-${i}`, items: [{ sku: `SKU-MI-${i}`, name: '머그컵', qty: 1, price: 12_000 }] },
          ...extra,
        },
      });
      return r.status === 201 ? (r.body.id as string) : null;
    };

    // Set-up: the tickets the agents will work on together.
    const replyTickets = (await pool(size.replyTickets, 4, (i) => newTicket(i, 'reply', { tags: [`${tag}-reply`] }))).filter((x): x is string => !!x);
    run.say(`${replyTickets.length} tickets for concurrent updates created`);

    // ---- load: everything at once ---------------------------------------------------------
    const loadStart = Date.now();
    let loadDone = false;
    let reconcileJobs = 0;
    const reconciler = (async () => {
      while (!loadDone) {
        const k = reconcileJobs;
        reconcileJobs += 2;
        await slaQueue.addBulk([0, 1].map((w) => ({ name: RECONCILE_SLA, data: {}, opts: { jobId: `reconcile-chaos-${k}-${w}`, removeOnComplete: false } })));
        await sleep(size.reconcileEveryMs);
      }
    })();

    const slaTickets: string[] = [];
    const sla = pool(size.slaTickets, 4, async (i) => {
      const id = await newTicket(i, 'sla', { tags: [`${tag}-sla`] });
      if (id) slaTickets.push(id);
      await sleep(100);
    });

    let reshipAcknowledged = 0;
    const requestIds: string[] = [];
    const reship = pool(size.reshipments, 3, async (i) => {
      const ticketId = await newTicket(i, 'reship', { tags: [`${tag}-reship`] });
      if (!ticketId) return;
      // Requested through the other API than the one that created the ticket.
      const r = await writes.send(`${apis[(i + 1) % 2].url}/tickets/${ticketId}/reshipments`, {
        cookie: sessions[(i + 1) % 2],
        body: { items: [{ sku: `SKU-MI-${i}`, qty: 1 }], reason: '누락분 재발송 / resend the missing item' },
      });
      if (r.status === 201) {
        reshipAcknowledged++;
        requestIds.push(r.body.id);
      }
    });

    // Both agents on the same tickets through both APIs: public replies, notes, priority changes.
    const replyMarkers: { marker: string; kind: string }[] = [];
    let updatesAcknowledged = 0;
    let updatesRefused = 0;
    const updates = pool(replyTickets.length * size.updatesPerTicket, 8, async (n) => {
      const i = n % replyTickets.length;
      const j = Math.floor(n / replyTickets.length);
      const url = `${apis[n % 2].url}/tickets/${replyTickets[i]}`;
      const cookie = sessions[(n + j) % 2];
      if (j % 4 === 3) {
        const r = await writes.send(`${url}/priority`, { cookie, body: { priority: j % 8 === 3 ? 'high' : 'normal' } });
        if (r.status === 200) updatesAcknowledged++;
        else updatesRefused++;
        return;
      }
      const kind = j % 4 === 2 ? 'internal_note' : 'public_reply';
      const marker = `[mi-${i}-${j}]`;
      const r = await writes.send(`${url}/messages`, { cookie, body: { kind, body: `확인 중입니다 ${marker} / we are checking ${marker}` } });
      if (r.status === 201) {
        updatesAcknowledged++;
        replyMarkers.push({ marker, kind });
      } else updatesRefused++;
    });

    // Rate limits, each probe from addresses of its own (the APIs trust X-Forwarded-For from loopback).
    const attempts = size.limit * 3;
    const loginBody = (email: string) => ({ email, password: 'wrong-password-123' });
    const limitsProbe = (async () => {
      const loginPerIp = await probe(attempts, apis, async (api, i) =>
        (await reads.send(`${api.url}/auth/login`, { body: loginBody(`probe.ip.${i}@example.com`), headers: { 'x-forwarded-for': '10.77.0.1' } })).status, 401);
      const loginPerAccount = await probe(attempts, apis, async (api, i) =>
        (await reads.send(`${api.url}/auth/login`, { body: loginBody('probe.account@example.com'), headers: { 'x-forwarded-for': `10.78.0.${i + 1}` } })).status, 401);
      const submit = (api: ApiProcess, ip: string, email: string) =>
        reads.send(`${api.url}/public/tickets`, {
          body: micropaymentSubmission({ contact: { name: '박고객', email, phone: '010-2345-6789' } }),
          headers: { 'idempotency-key': crypto.randomUUID(), 'x-forwarded-for': ip },
        });
      const intakePerIp = await probe(attempts, apis, async (api, i) => (await submit(api, '10.79.0.1', `park.ip${i}@example.com`)).status, 201);
      const intakePerEmail = await probe(attempts, apis, async (api, i) => (await submit(api, `10.80.0.${i + 1}`, 'park.same@example.com')).status, 201);
      return { loginPerIp, loginPerAccount, intakePerIp, intakePerEmail };
    })();

    await Promise.all([sla, reship, updates]);
    const rateLimits = await limitsProbe;
    const loadEnd = Date.now();
    run.say(
      `load done in ${((Date.now() - loadStart) / 1000).toFixed(1)} s: ${slaTickets.length} SLA tickets, ${reshipAcknowledged} reshipments, ` +
        `${updatesAcknowledged} updates (${updatesRefused} refused), ${writes.http5xx + reads.http5xx} × 5xx`,
    );

    // ---- quiescence ------------------------------------------------------------------------
    const quietFrom = Date.now();
    const expectedRungRows = slaTickets.length * SLA_TARGETS.length;
    await run
      .until(
        'every rung fired, reshipment shipped and mail sent',
        async () => {
          const rungs = await count(
            db,
            `SELECT count(*)::int AS n FROM ticket_sla WHERE ticket_id = ANY($1::uuid[]) AND cardinality(rungs_done) = 4`,
            [slaTickets],
          );
          const shipped = await count(db, `SELECT count(*)::int AS n FROM reshipment_requests WHERE id = ANY($1::uuid[]) AND status = 'shipped'`, [requestIds]);
          const pending = await count(
            db,
            `SELECT ((SELECT count(*) FROM outbound_messages WHERE status = 'queued') + (SELECT count(*) FROM outbox WHERE dispatched_at IS NULL))::int AS n`,
            [],
          );
          return rungs === expectedRungRows && shipped === requestIds.length && pending === 0 ? true : undefined;
        },
        120_000,
        500,
      )
      .catch((err: Error) => run.say(err.message));
    // Both workers keep reconciling for a while after the last rung: a duplicate would show now.
    await sleep(Math.max(3_000, size.reconcileEveryMs * 2));
    loadDone = true;
    await reconciler;
    const settleSeconds = Math.round((Date.now() - quietFrom) / 100) / 10;
    run.say(`quiescent after ${settleSeconds} s (grace included)`);

    // ---- counting --------------------------------------------------------------------------
    // SLA: each ticket × target × rung exactly once, as an event and as a notification.
    const rungRows = (
      await db.query(
        `SELECT e.ticket_id, e.after->>'target' AS target, e.kind, count(*)::int AS n FROM ticket_events e
          WHERE e.ticket_id = ANY($1::uuid[]) AND e.kind = ANY($2::text[]) GROUP BY 1, 2, 3`,
        [slaTickets, SLA_KINDS],
      )
    ).rows as { ticket_id: string; target: string; kind: string; n: number }[];
    const rungExpected = slaTickets.length * SLA_TARGETS.length * SLA_KINDS.length;
    const rungDup = rungRows.reduce((s, r) => s + Math.max(0, r.n - 1), 0);
    const rungLost = rungExpected - rungRows.filter((r) => (SLA_TARGETS as readonly string[]).includes(r.target)).length;
    const notes = (
      await db.query(
        `SELECT ticket_id, kind, title_en, coalesce(recipient_id::text, recipient_role::text) AS who, count(*)::int AS n FROM notifications
          WHERE ticket_id = ANY($1::uuid[]) GROUP BY 1, 2, 3, 4`,
        [slaTickets],
      )
    ).rows as { n: number }[];
    // Nobody is assigned: every rung of every target tells the leads once.
    const notesExpected = rungExpected;
    const notesDup = notes.reduce((s, r) => s + Math.max(0, r.n - 1), 0);
    const notesLost = Math.max(0, notesExpected - notes.length);

    // Reshipments: the warehouse's own records, one order per request and idempotency key.
    const reshipRows = (
      await db.query(`SELECT id, idempotency_key, status, attempts FROM reshipment_requests WHERE id = ANY($1::uuid[])`, [requestIds])
    ).rows as { id: string; idempotency_key: string; status: string; attempts: number }[];
    const stats = (await call(`${sandbox}/stats`)).body as { orders: number; replays: number; byKey: Record<string, number> };
    const orders = ((await call(`${sandbox}/orders`)).body as { orders: { reference: string }[] }).orders;
    const perReference = new Map<string, number>();
    for (const o of orders) perReference.set(o.reference, (perReference.get(o.reference) ?? 0) + 1);
    const reshipLost = reshipRows.filter((r) => !perReference.has(r.id)).length;
    const reshipDup = reshipRows.reduce((s, r) => s + Math.max(0, (perReference.get(r.id) ?? 0) - 1), 0);
    const keysOff = reshipRows.filter((r) => stats.byKey[r.idempotency_key] !== 1).length;
    const shipped = reshipRows.filter((r) => r.status === 'shipped').length;

    // Updates: every acknowledged message stored once.
    const stored = (
      await db.query(
        `SELECT substring(body from '\\[mi-[0-9]+-[0-9]+\\]') AS marker, count(*)::int AS n FROM ticket_messages
          WHERE ticket_id = ANY($1::uuid[]) AND body LIKE '%[mi-%' GROUP BY 1`,
        [replyTickets],
      )
    ).rows as { marker: string; n: number }[];
    const storedMarkers = new Map(stored.map((r) => [r.marker, r.n]));
    const msgLost = replyMarkers.filter((m) => !storedMarkers.has(m.marker)).length;
    const msgDup = stored.reduce((s, r) => s + Math.max(0, r.n - 1), 0);

    // Mails: every stored mail delivered to the SMTP listener exactly once (the outbox relay and
    // the mail queue run in both workers).
    const mails = (await db.query(`SELECT id, kind, status, ticket_id FROM outbound_messages`)).rows as {
      id: string;
      kind: string;
      status: string;
      ticket_id: string | null;
    }[];
    const caught = new Map<string, number>();
    for (const m of smtp.messages) {
      const id = m.headers['x-shopdesk-mail-id'];
      caught.set(id, (caught.get(id) ?? 0) + 1);
    }
    const mailIds = new Set(mails.map((m) => m.id));
    const mailLost = mails.filter((m) => m.status !== 'not_sent' && (m.status !== 'sent' || !caught.has(m.id))).length;
    const mailDup = [...caught.values()].reduce((s, n) => s + Math.max(0, n - 1), 0);
    const mailForeign = [...caught.keys()].filter((id) => !mailIds.has(id)).length;
    const replyMailsExpected = replyMarkers.filter((m) => m.kind === 'public_reply').length;
    const replySet = new Set(replyTickets);
    const replyMails = mails.filter((m) => m.kind === 'agent_reply' && m.ticket_id && replySet.has(m.ticket_id)).length;
    const slaSet = new Set(slaTickets);
    const slaMails = mails.filter((m) => m.kind === 'sla_escalation' && m.ticket_id && slaSet.has(m.ticket_id)).length;
    const outboxLeft = await count(db, `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`, []);

    // Reconcilers: how many ran (in both workers at once) and how many timers they re-created.
    const reconciled = (await slaQueue.getJobs(['completed'], 0, -1)).filter((j) => j.id?.startsWith('reconcile-chaos-'));
    const recreatedBy = (jobs: typeof reconciled) => jobs.reduce((s, j) => s + ((j.returnvalue as { recreated?: number } | null)?.recreated ?? 0), 0);
    const recreated = recreatedBy(reconciled);
    // Timers re-created while tickets are being created are jobs enqueued right after their commit
    // (same deterministic id, so harmless); once the load is over nothing may be missing.
    const recreatedAfterLoad = recreatedBy(reconciled.filter((j) => j.timestamp > loadEnd));
    const slaWorkers = await slaQueue.getWorkersCount();
    const redis = slaQueue.getBackend();
    const stalled = Object.values(((await (await redis.client).hgetall(stalledCountersKey(QUEUE_PREFIX))) ?? {}) as Record<string, string>)
      .reduce((s, v) => s + Number(v), 0);

    // ---- rate limits -------------------------------------------------------------------------
    const limitChecks: Check[] = (
      [
        ['login per IP per minute', rateLimits.loginPerIp],
        ['login failures per account per hour', rateLimits.loginPerAccount],
        ['public intake per IP per hour', rateLimits.intakePerIp],
        ['public intake per e-mail per hour', rateLimits.intakePerEmail],
      ] as const
    ).map(([name, p]) =>
      check(
        `rate limit across both APIs: ${name}`,
        p.passed === size.limit && p.limited === attempts - size.limit,
        probeDetail(p, size.limit, attempts),
      ),
    );

    const sent = size.replyTickets + size.slaTickets + size.reshipments * 2 + replyTickets.length * size.updatesPerTicket;
    const acknowledged = writes.statuses.filter((s) => s >= 200 && s < 300).length;
    const ticketsStored = await count(db, `SELECT count(*)::int AS n FROM tickets WHERE tags && $1::text[]`, [[`${tag}-sla`, `${tag}-reship`, `${tag}-reply`]]);
    // A priority change leaves no row of its own (setting the same priority is no change): applied = acknowledged.
    const priorityChanges = updatesAcknowledged - replyMarkers.length;
    const storedTotal = ticketsStored + reshipRows.length + stored.length + priorityChanges;
    const http5xx = writes.http5xx + reads.http5xx;

    return {
      scenario: 'multi-instance',
      description:
        `2 APIs + 2 workers, one PostgreSQL and Redis: ${size.slaTickets} tickets on a seconds-long SLA ladder (reconcile ×2 every ${size.reconcileEveryMs / 1000} s), ` +
        `${size.reshipments} reshipments and ${replyTickets.length}×${size.updatesPerTicket} concurrent updates alternating APIs, ` +
        `4 rate-limit probes of ${attempts} requests (limit ${size.limit})`,
      counts: {
        sent,
        acknowledged,
        stored: storedTotal,
        duplicated: rungDup + notesDup + reshipDup + msgDup + mailDup,
        lost: rungLost + notesLost + reshipLost + msgLost + mailLost,
        http5xx,
      },
      figures: {
        slaTickets: slaTickets.length,
        rungEvents: rungRows.reduce((s, r) => s + r.n, 0),
        rungEventsExpected: rungExpected,
        notifications: notes.reduce((s, r) => s + r.n, 0),
        reconcileRuns: reconciled.length,
        timersRecreated: recreated,
        timersRecreatedAfterLoad: recreatedAfterLoad,
        slaWorkers,
        warehouseOrders: orders.length,
        warehouseReplays: stats.replays,
        maxReshipAttempts: Math.max(0, ...reshipRows.map((r) => r.attempts)),
        updates: updatesAcknowledged,
        updatesRefused,
        mailsStored: mails.length,
        mailsDelivered: smtp.messages.length,
        slaMails,
        replyMails,
        stalledJobs: stalled,
        loginPerIp: `${rateLimits.loginPerIp.passed}/${attempts}`,
        loginPerAccount: `${rateLimits.loginPerAccount.passed}/${attempts}`,
        intakePerIp: `${rateLimits.intakePerIp.passed}/${attempts}`,
        intakePerEmail: `${rateLimits.intakePerEmail.passed}/${attempts}`,
        settleSeconds,
      },
      checks: [
        check('every write acknowledged', acknowledged === sent && updatesRefused === 0, `${acknowledged} of ${sent} answered 2xx (${updatesRefused} updates refused)`),
        check('both workers serve the queues', slaWorkers >= 2, `${slaWorkers} workers on ${QueueName.SlaLadder}`),
        check('each SLA rung fired exactly once per ticket and target', rungDup === 0 && rungLost === 0, `${rungRows.length} of ${rungExpected} rungs present, ${rungDup} extra, ${rungLost} missing`),
        check('each SLA notification once', notesDup === 0 && notesLost === 0, `${notes.length} distinct of ${notesExpected} expected, ${notesDup} extra`),
        check('reconcile jobs ran in both workers alongside the ladder', reconciled.length >= 4 && slaWorkers >= 2, `${reconciled.length} reconcile runs, ${recreated} timers re-created`),
        check('each reshipment reaches the warehouse exactly once per idempotency key', reshipLost === 0 && reshipDup === 0 && keysOff === 0 && reshipRows.length === size.reshipments, `${reshipRows.length} requests, ${orders.length} orders, ${reshipLost} missing, ${reshipDup} extra, ${keysOff} keys not exactly 1, ${stats.replays} replays`),
        check('every reshipment shipped back (callbacks on both APIs)', shipped === reshipRows.length, `${shipped} of ${reshipRows.length} shipped`),
        check('every concurrent update stored once', msgLost === 0 && msgDup === 0, `${stored.length} messages stored, ${msgLost} missing, ${msgDup} extra`),
        check('each mail delivered exactly once', mailLost === 0 && mailDup === 0 && mailForeign === 0 && outboxLeft === 0, `${mails.length} mails stored, ${smtp.messages.length} delivered, ${mailLost} undelivered, ${mailDup} twice, ${outboxLeft} outbox rows left`),
        check('one agent-reply mail per public reply', replyMails === replyMailsExpected, `${replyMails} of ${replyMailsExpected}`),
        ...limitChecks,
        check('no 5xx', http5xx === 0, `${http5xx} answers ≥ 500`),
      ],
    };
  },
};
