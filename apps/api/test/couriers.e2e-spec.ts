// Courier webhooks end to end: real-shaped AfterShip, Sweet Tracker and generic payloads through
// the API, stored once, applied by the real worker process through BullMQ, driving tickets.
import request from 'supertest';
import {
  aftershipPayload,
  genericPayload,
  signAftership,
  signGeneric,
  sweetTrackerPayload,
} from '@shopdesk/server/couriers/providers/fixtures/index';
import { SYSTEM_ACTOR } from '@shopdesk/server/auth/actor';
import { TicketsService } from '@shopdesk/server/tickets/tickets.service';
import { createTicket, createUser, factoryContext, seedTemplates, testQuery } from '@shopdesk/testing/factories';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { startWorkerProcess, waitFor, type WorkerProcess } from '@shopdesk/testing/worker-process';

jest.setTimeout(60_000);

const AFTERSHIP = ['old-aftership-secret', 'new-aftership-secret'];
const GENERIC = 'generic-secret-for-tests';
const TOKEN = 'st-token-0123456789abcdef0123456789abcdef';

describe('courier webhooks (e2e)', () => {
  let server: TestServer;
  let worker: WorkerProcess;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.AFTERSHIP_WEBHOOK_SECRETS = AFTERSHIP.join(',');
    process.env.GENERIC_WEBHOOK_SECRETS = GENERIC;
    process.env.SWEETTRACKER_WEBHOOK_TOKEN = TOKEN;
    await seedTemplates();
    server = await startTestServer();
    worker = await startWorkerProcess();
  }, 40_000);
  afterAll(async () => {
    await worker?.stop();
    await server?.close();
    process.env = saved;
  });

  const http = () => request(server.app.getHttpServer());
  const postGeneric = (body: unknown, at = new Date(), secret = GENERIC) => {
    const raw = JSON.stringify(body);
    return http().post('/webhooks/couriers/generic').set('Content-Type', 'application/json').set('X-Signature', signGeneric(raw, secret, at)).send(raw);
  };
  const applied = (eventId: string) =>
    waitFor(async () => {
      const [r] = await testQuery<{ applied_at: Date | null; outcome: string | null }>(
        `SELECT applied_at, outcome FROM courier_events WHERE event_id = $1`,
        [eventId],
      );
      return r?.applied_at ? r : undefined;
    }, 15_000);

  describe('AfterShip', () => {
    it('accepts a signed event once; a resend is a 200 without effect; a rotated secret works', async () => {
      const body = aftershipPayload({ event_id: `as-${Date.now()}` });
      const raw = JSON.stringify(body);
      const first = await http().post('/webhooks/couriers/aftership').set('Content-Type', 'application/json').set('aftership-hmac-sha256', signAftership(raw, AFTERSHIP[1])).send(raw).expect(200);
      expect(first.body).toMatchObject({ accepted: 1, duplicates: 0 });
      const again = await http().post('/webhooks/couriers/aftership').set('Content-Type', 'application/json').set('aftership-hmac-sha256', signAftership(raw, AFTERSHIP[0])).send(raw).expect(200);
      expect(again.body).toMatchObject({ accepted: 0, duplicates: 1 });
      const rows = await testQuery(`SELECT 1 FROM courier_events WHERE provider = 'aftership' AND event_id = $1`, [body.event_id]);
      expect(rows).toHaveLength(1);
    });

    it('rejects a bad signature with 401 and records the attempt', async () => {
      const raw = JSON.stringify(aftershipPayload({ event_id: `as-bad-${Date.now()}` }));
      const res = await http().post('/webhooks/couriers/aftership').set('Content-Type', 'application/json').set('aftership-hmac-sha256', signAftership(raw, 'wrong')).send(raw).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      const [r] = await testQuery<{ n: number }>(`SELECT count(*)::int AS n FROM courier_webhook_rejections WHERE provider = 'aftership' AND http_status = 401`);
      expect(r.n).toBeGreaterThan(0);
    });

    it('answers malformed JSON with 400 and a missing tracking number with 422 naming the field', async () => {
      const bad = '{"event":"tracking_update",';
      await http().post('/webhooks/couriers/aftership').set('Content-Type', 'application/json').set('aftership-hmac-sha256', signAftership(bad, AFTERSHIP[0])).send(bad).expect(400);
      const noWaybill = JSON.stringify(aftershipPayload({ event_id: `as-nw-${Date.now()}`, msg: { tracking_number: undefined } }));
      const res = await http().post('/webhooks/couriers/aftership').set('Content-Type', 'application/json').set('aftership-hmac-sha256', signAftership(noWaybill, AFTERSHIP[0])).send(noWaybill).expect(422);
      expect(Object.keys(res.body.errors)[0]).toMatch(/tracking_number/);
    });
  });

  describe('generic (Stripe-style signature)', () => {
    it('refuses a stale timestamp and accepts a fresh batch', async () => {
      await postGeneric(genericPayload({ id: `g-stale-${Date.now()}` }), new Date(Date.now() - 10 * 60_000)).expect(401);
      const res = await postGeneric({ events: [genericPayload({ id: `g-a-${Date.now()}` }), genericPayload({ id: `g-b-${Date.now()}` })] }).expect(200);
      expect(res.body).toMatchObject({ accepted: 2 });
    });

    it('never moves a shipment backwards when an older scan arrives late, but keeps it in history', async () => {
      const waybill = `5${Date.now()}`.slice(0, 12);
      const delivered = genericPayload({ id: `g-d-${waybill}`, waybill, status: 'delivered', occurred_at: '2026-11-21T10:00:00+09:00' });
      const older = genericPayload({ id: `g-o-${waybill}`, waybill, status: 'in_transit', occurred_at: '2026-11-21T09:00:00+09:00' });
      await postGeneric(delivered).expect(200);
      await applied(delivered.id);
      await postGeneric(older).expect(200);
      expect((await applied(older.id)).outcome).toBe('out_of_order');
      const [s] = await testQuery<{ status: string }>(`SELECT status FROM shipments WHERE waybill = $1`, [waybill]);
      expect(s.status).toBe('delivered');
      const [{ n }] = await testQuery<{ n: number }>(`SELECT count(*)::int AS n FROM courier_events WHERE waybill = $1`, [waybill]);
      expect(n).toBe(2);
    });
  });

  describe('Sweet Tracker (token in the path)', () => {
    it('refuses an unknown token, acknowledges JSON and form callbacks the way Sweet Tracker expects', async () => {
      const body = sweetTrackerPayload({ invoice_no: `4${Date.now()}`.slice(0, 12), level: 6, time_trans: '2026-11-21 11:00:00' });
      await http().post('/webhooks/couriers/sweettracker/not-the-token').send(body).expect(401);
      const ok = await http().post(`/webhooks/couriers/sweettracker/${TOKEN}`).send(body).expect(200);
      expect(ok.body).toEqual({ code: true, message: 'success' });
      const form = await http()
        .post(`/webhooks/couriers/sweettracker/${TOKEN}`)
        .type('form')
        .send({ ...body, level: String(body.level) })
        .expect(200);
      expect(form.body).toEqual({ code: true, message: 'success' });
    });
  });

  describe('automation through the queue', () => {
    it('delivered while a missing-delivery ticket waits on the courier → back to open, flagged, on the timeline', async () => {
      const waybill = `3${Date.now()}`.slice(0, 12);
      const t = await createTicket({ shipment: { courierCode: '08', waybillNumber: waybill }, status: 'pending_courier' });
      const scan = genericPayload({ id: `g-deliv-${waybill}`, waybill, status: 'delivered', occurred_at: new Date().toISOString() });
      await postGeneric(scan).expect(200);
      await applied(scan.id);
      const [after] = await testQuery<{ status: string; tags: string[] }>(`SELECT status, tags FROM tickets WHERE id = $1`, [t.id]);
      expect(after.status).toBe('open');
      expect(after.tags).toContain('courier_delivered');
      const kinds = (await testQuery<{ kind: string }>(`SELECT kind FROM ticket_events WHERE ticket_id = $1 ORDER BY id`, [t.id])).map((e) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(['courier_update', 'status_changed']));
    });

    it('a lost high-value parcel with no open ticket opens a proactive ticket with the 고가 상품 분실 template', async () => {
      const waybill = `EB${Date.now()}`.slice(0, 13);
      const closed = await createTicket({
        order: { number: 'ORD-20261101-77002', items: [{ sku: 'SKU-NB-14', name: '노트북', qty: 1, price: 1_280_000 }], paymentMethod: 'card' },
        shipment: { courierCode: '01', waybillNumber: waybill },
        status: 'closed',
      });
      const scan = genericPayload({ id: `g-lost-${waybill}`, courier: '01', waybill, status: 'lost', occurred_at: new Date().toISOString() });
      await postGeneric(scan).expect(200);
      await applied(scan.id);
      const [p] = await testQuery<{ id: string; channel: string; priority: string; template_key: string; customer_name: string; order_amount: string }>(
        `SELECT id, channel, priority, template_key, customer_name, order_amount FROM tickets WHERE waybill_number = $1 AND id <> $2`,
        [waybill, closed.id],
      );
      expect(p).toMatchObject({ channel: 'courier', priority: 'urgent', template_key: 'lost_high_value', customer_name: closed.customer.name });
      expect(Number(p.order_amount)).toBe(1_280_000);
      // A second scan of the same trouble does not open another ticket.
      const again = genericPayload({ id: `g-lost2-${waybill}`, courier: '01', waybill, status: 'returned_to_sender', occurred_at: new Date().toISOString() });
      await postGeneric(again).expect(200);
      await applied(again.id);
      const [{ n }] = await testQuery<{ n: number }>(`SELECT count(*)::int AS n FROM tickets WHERE waybill_number = $1`, [waybill]);
      expect(n).toBe(2);
    });

    it('a failed delivery attempt notifies the assignee', async () => {
      const agent = await createUser();
      const waybill = `6${Date.now()}`.slice(0, 11);
      const t = await createTicket({ shipment: { courierCode: '06', waybillNumber: waybill } });
      await (await factoryContext()).get(TicketsService).assign(t.id, agent.id, SYSTEM_ACTOR);
      const scan = genericPayload({ id: `g-fail-${waybill}`, courier: '06', waybill, status: 'attempt_failed', location: '로젠 성남지점', occurred_at: new Date().toISOString() });
      await postGeneric(scan).expect(200);
      await applied(scan.id);
      const notes = await testQuery<{ recipient_id: string; kind: string }>(`SELECT recipient_id, kind FROM notifications WHERE ticket_id = $1`, [t.id]);
      expect(notes).toEqual(expect.arrayContaining([{ recipient_id: agent.id, kind: 'courier_attempt_failed' }]));
    });
  });
});
