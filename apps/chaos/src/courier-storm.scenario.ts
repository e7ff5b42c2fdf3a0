// A storm of signed courier webhooks (generic format): 30 % re-deliveries, shuffled order, 5 %
// forged or badly signed. Every bad signature must be a 401 and store nothing; every event must be
// stored and applied once; each shipment must end where an in-order replay of its events ends.
import { randomInt } from 'node:crypto';
import { genericSignatureHeader } from '@shopdesk/server/couriers/providers/signatures';
import { call, type ChaosRun, GENERIC_WEBHOOK_SECRET, login, networkErrorCode, pool } from './harness';
import { check, type ScenarioResult } from './report';
import type { Scenario } from './scenario';

export interface CourierStormSize {
  events: number;
  duplicateShare: number;
  badShare: number;
  concurrency: number;
  /** Tickets that wait on some of the waybills, so the ticket automation runs too. */
  tickets: number;
}

interface CourierEvent {
  id: string;
  courier: string;
  waybill: string;
  status: string;
  occurred_at: string;
  location: string;
}

interface Delivery {
  body: string;
  kind: 'new' | 'duplicate' | 'bad';
  /** How a bad one is bad. */
  bad?: 'wrong-secret' | 'tampered' | 'missing' | 'stale';
}

const CHAIN = ['in_transit', 'in_transit', 'out_for_delivery', 'attempt_failed', 'out_for_delivery', 'delivered'];
const BASE = Date.UTC(2026, 10, 20, 0, 0, 0);

/** The events of one waybill in the order they happened (3–6 scans, so the final states vary). */
function chain(w: number, waybill: string, runTag: string): CourierEvent[] {
  const length = 3 + (w % 4);
  return CHAIN.slice(0, length).map((status, j) => ({
    id: `${runTag}-${w}-${j}`,
    courier: '04',
    waybill,
    status,
    occurred_at: new Date(BASE + w * 1000 + j * 3_600_000).toISOString(),
    location: '대전 HUB',
  }));
}

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

function signatureFor(d: Delivery): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  switch (d.bad) {
    case undefined:
      return { 'x-signature': genericSignatureHeader(d.body, GENERIC_WEBHOOK_SECRET, now) };
    case 'wrong-secret':
      return { 'x-signature': genericSignatureHeader(d.body, 'not-the-shared-secret-at-all', now) };
    case 'tampered': // signed, then changed on the way (status rewritten)
      return { 'x-signature': genericSignatureHeader(d.body.replace('"lost"', '"delivered"'), GENERIC_WEBHOOK_SECRET, now) };
    case 'stale': // a replay of a captured request an hour later
      return { 'x-signature': genericSignatureHeader(d.body, GENERIC_WEBHOOK_SECRET, now - 3_600) };
    case 'missing':
      return {};
  }
}

export const courierStorm: Scenario<CourierStormSize> = {
  name: 'courier-storm',
  summary: '10,000 signed courier webhooks, 30 % duplicates, shuffled, 5 % bad signatures → 401 = bad, 0 double-applied, final states = ordered replay',
  deadlineMs: 420_000,
  full: { events: 10_000, duplicateShare: 0.3, badShare: 0.05, concurrency: 32, tickets: 30 },
  async run(run: ChaosRun, size: CourierStormSize): Promise<ScenarioResult> {
    await run.startRedis();
    await run.createDatabase();
    await run.seed();
    const api = await run.startApi();
    await run.startWorker({ DATABASE_POOL_SIZE: '20' });
    const db = run.pool();
    const cookie = await login(api.url);

    // The planned traffic: every event once, re-deliveries of random earlier events, forgeries.
    const bad = Math.round(size.events * size.badShare);
    const duplicates = Math.round(size.events * size.duplicateShare);
    const distinct = size.events - bad - duplicates;
    const runTag = `storm${Date.now()}`;
    const events: CourierEvent[] = [];
    const waybills: string[] = [];
    for (let w = 0; events.length < distinct; w++) {
      const waybill = String(700_000_000_000 + w);
      waybills.push(waybill);
      events.push(...chain(w, waybill, runTag).slice(0, distinct - events.length));
    }
    const deliveries: Delivery[] = events.map((e) => ({ body: JSON.stringify(e), kind: 'new' }));
    for (let i = 0; i < duplicates; i++) deliveries.push({ body: deliveries[randomInt(distinct)].body, kind: 'duplicate' });
    const kinds = ['wrong-secret', 'tampered', 'missing', 'stale'] as const;
    for (let i = 0; i < bad; i++) {
      // A forgery that would change the outcome if it got in: "lost", later than anything real.
      const forged: CourierEvent = {
        id: `${runTag}-forged-${i}`,
        courier: '04',
        waybill: waybills[randomInt(waybills.length)],
        status: 'lost',
        occurred_at: new Date(BASE + 30 * 86_400_000 + i * 1000).toISOString(),
        location: '위조 / forged',
      };
      deliveries.push({ body: JSON.stringify(forged), kind: 'bad', bad: kinds[i % kinds.length] });
    }
    shuffle(deliveries);

    // Tickets that wait on the first waybills, so applying an event also writes the ticket timeline.
    await pool(Math.min(size.tickets, waybills.length), 4, async (i) => {
      const r = await call(`${api.url}/tickets`, {
        cookie,
        body: {
          type: 'missing_delivery',
          subject: `택배 추적 ${i + 1} / tracking ${i + 1}`,
          customer: { name: '김민준', email: `chaos.storm.${i}@example.com` },
          shipment: { courierCode: '04', waybillNumber: waybills[i] },
        },
      });
      if (r.status !== 201) throw new Error(`POST /tickets answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
    });
    run.say(
      `sending ${deliveries.length} webhooks (${distinct} distinct events on ${waybills.length} waybills, ${duplicates} duplicates, ${bad} bad) at concurrency ${size.concurrency}`,
    );

    const statuses = new Map<string, number>();
    let unauthorized = 0;
    let badAnswered401 = 0;
    let reportedDuplicates = 0;
    let networkErrors = 0;
    const networkErrorKinds: Record<string, number> = {};
    const t0 = Date.now();
    await pool(deliveries.length, size.concurrency, async (i) => {
      const d = deliveries[i];
      const r = await call(`${api.url}/webhooks/couriers/generic`, { body: d.body, headers: signatureFor(d) }).catch((err: unknown) => {
        const code = networkErrorCode(err);
        networkErrorKinds[code] = (networkErrorKinds[code] ?? 0) + 1;
        return null;
      });
      if (!r) {
        networkErrors++;
        return;
      }
      statuses.set(String(r.status), (statuses.get(String(r.status)) ?? 0) + 1);
      if (r.status === 401) unauthorized++;
      if (d.kind === 'bad' && r.status === 401) badAnswered401++;
      if (r.status === 200) reportedDuplicates += Number(r.body?.duplicates ?? 0);
    });
    const sendSeconds = (Date.now() - t0) / 1000;
    run.say(`sent in ${sendSeconds.toFixed(1)} s (${Math.round(deliveries.length / sendSeconds)}/s); statuses ${JSON.stringify(Object.fromEntries(statuses))}`);

    const [{ stored }] = (await db.query(`SELECT count(*)::int AS stored FROM courier_events`)).rows;
    await run
      .until(
        'every stored event applied',
        async () => {
          const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM courier_events WHERE applied_at IS NULL`)).rows;
          return n === 0 ? true : undefined;
        },
        240_000,
        500,
      )
      .catch((err: Error) => run.say(err.message));
    const applySeconds = (Date.now() - t0) / 1000 - sendSeconds;
    run.say(`all stored events applied ${applySeconds.toFixed(1)} s after the last webhook`);

    // The ordered replay: per waybill, the last event by occurred_at decides the shipment.
    const expected = new Map<string, CourierEvent>();
    for (const e of events) {
      const cur = expected.get(e.waybill);
      if (!cur || e.occurred_at >= cur.occurred_at) expected.set(e.waybill, e);
    }
    const shipments = (
      await db.query(`SELECT waybill, status, last_event_at FROM shipments WHERE courier_code = '04'`)
    ).rows as { waybill: string; status: string; last_event_at: Date }[];
    const mismatched = shipments.filter((s) => {
      const e = expected.get(s.waybill);
      return !e || e.status !== s.status || new Date(e.occurred_at).getTime() !== new Date(s.last_event_at).getTime();
    });
    const missingShipments = [...expected.keys()].filter((w) => !shipments.some((s) => s.waybill === w)).length;
    const [{ forgedStored }] = (await db.query(`SELECT count(*)::int AS "forgedStored" FROM courier_events WHERE event_id LIKE '%-forged-%'`)).rows;
    const [{ unapplied }] = (await db.query(`SELECT count(*)::int AS unapplied FROM courier_events WHERE applied_at IS NULL`)).rows;
    // Double application shows as the same scan twice on a ticket's timeline (or a second event row).
    const [{ doubleApplied }] = (
      await db.query(
        `SELECT coalesce(sum(n - 1), 0)::int AS "doubleApplied" FROM (
           SELECT count(*) AS n FROM ticket_events WHERE kind = 'courier_update'
           GROUP BY ticket_id, after->>'occurredAt', after->>'shipmentStatus' HAVING count(*) > 1) d`,
      )
    ).rows;
    const [{ eventRowsTwice }] = (
      await db.query(
        `SELECT coalesce(sum(n - 1), 0)::int AS "eventRowsTwice" FROM (SELECT count(*) AS n FROM courier_events GROUP BY provider, event_id HAVING count(*) > 1) d`,
      )
    ).rows;
    const [{ timelineUpdates }] = (await db.query(`SELECT count(*)::int AS "timelineUpdates" FROM ticket_events WHERE kind = 'courier_update'`)).rows;
    const http5xx = [...statuses].filter(([s]) => Number(s) >= 500).reduce((a, [, n]) => a + n, 0);
    const acknowledged = statuses.get('200') ?? 0;
    const lost = Math.max(0, distinct - (stored - forgedStored));

    return {
      scenario: 'courier-storm',
      description: `${deliveries.length} generic courier webhooks: ${distinct} distinct events on ${waybills.length} waybills, ${duplicates} re-deliveries, ${bad} bad signatures (wrong secret, tampered, missing, stale), shuffled, concurrency ${size.concurrency}`,
      counts: { sent: deliveries.length, acknowledged, stored, duplicated: doubleApplied + eventRowsTwice, lost, http5xx },
      figures: {
        bad,
        answered401: unauthorized,
        badAnswered401,
        duplicatesSent: duplicates,
        duplicatesReported: reportedDuplicates,
        waybills: waybills.length,
        stateMismatches: mismatched.length + missingShipments,
        ticketTimelineUpdates: timelineUpdates,
        acksPerSecond: Math.round(deliveries.length / sendSeconds),
        applySecondsAfterLast: Math.round(applySeconds * 10) / 10,
        networkErrors,
      },
      checks: [
        check('every bad signature answered 401', unauthorized === bad && badAnswered401 === bad, `${badAnswered401} of ${bad} bad answered 401; ${unauthorized} 401s in all`),
        check('every good delivery acknowledged', acknowledged === deliveries.length - bad, `${acknowledged} of ${deliveries.length - bad} answered 200`),
        check('nothing forged stored', forgedStored === 0, `${forgedStored} forged events stored`),
        check('every event stored once', stored === distinct && eventRowsTwice === 0, `${stored} stored of ${distinct} distinct`),
        check('duplicates recognised', reportedDuplicates === duplicates, `${reportedDuplicates} reported duplicates of ${duplicates} re-deliveries`),
        check('every event applied', unapplied === 0, `${unapplied} not applied`),
        check('0 double-applied', doubleApplied === 0, `${doubleApplied} scans applied twice on a ticket timeline`),
        check(
          'final shipment states == ordered replay',
          mismatched.length === 0 && missingShipments === 0 && shipments.length === waybills.length,
          `${shipments.length} shipments, ${mismatched.length} differ, ${missingShipments} missing` +
            (mismatched[0] ? ` (e.g. ${mismatched[0].waybill}: ${mismatched[0].status}, expected ${expected.get(mismatched[0].waybill)?.status})` : ''),
        ),
        check('no 5xx, no network errors', http5xx === 0 && networkErrors === 0, `${http5xx} answers ≥ 500, ${networkErrors} network errors ${JSON.stringify(networkErrorKinds)}`),
      ],
    };
  },
};
