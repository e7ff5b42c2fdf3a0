// Reshipments end to end: resolving 배송 누락 with "reship" writes the request and an outbox row in
// the ticket's transaction; the worker's relay queues it, the processor calls the warehouse sandbox
// (a real HTTP server) with an Idempotency-Key, and the sandbox's signed callback tracks the new
// waybill on the ticket. Killing the worker mid-flight loses nothing and sends nothing twice.
import type { ChildProcess } from 'node:child_process';
import { createTicket, createUser, seedTemplates, testQuery } from '@shopdesk/testing/factories';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { SANDBOX_API_KEY, SANDBOX_CALLBACK_SECRET, startWarehouseSandbox } from '@shopdesk/testing/warehouse-sandbox';
import { startWorkerProcess, waitFor, type WorkerProcess } from '@shopdesk/testing/worker-process';

jest.setTimeout(120_000);

const API_KEY = SANDBOX_API_KEY;
const CALLBACK_SECRET = SANDBOX_CALLBACK_SECRET;

function startSandbox() {
  return startWarehouseSandbox({ WAREHOUSE_DELAY_MS: '100', WAREHOUSE_SHIP_AFTER_MS: '300' });
}

describe('reshipments (outbox → BullMQ → warehouse sandbox → callback)', () => {
  let server: TestServer;
  let worker: WorkerProcess;
  let sandbox: { url: string; child: ChildProcess };
  const saved = { ...process.env };

  beforeAll(async () => {
    await seedTemplates();
    sandbox = await startSandbox();
    process.env.WAREHOUSE_API_URL = sandbox.url;
    process.env.WAREHOUSE_API_KEY = API_KEY;
    process.env.WAREHOUSE_CALLBACK_SECRET = CALLBACK_SECRET;
    server = await startTestServer();
    process.env.PUBLIC_BASE_URL = server.baseUrl; // where the worker tells the warehouse to call back
    worker = await startWorkerProcess();
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await server?.close();
    sandbox?.child.kill('SIGTERM');
    process.env = saved;
  });

  const stats = async () => (await fetch(`${sandbox.url}/stats`)).json() as Promise<{ orders: number; byKey: Record<string, number> }>;

  it('resolving with reship sends one request and tracks the new waybill on the ticket', async () => {
    const agent = await createUser();
    const s = await loginAs(server.app, agent);
    const t = await createTicket({ subject: '상품 하나가 누락됐어요', shipment: { courierCode: '04', waybillNumber: '612300000001' } });
    await s.post(`/tickets/${t.id}/scenario`).send({ templateKey: 'missing_item' }).expect(200);
    await s.put(`/tickets/${t.id}/scenario/fields`).send({ fields: { missingItems: [{ sku: 'SKU-MUG-WHT', qty: 1 }] } }).expect(200);
    for (const step of ['compareItems', 'checkTracking', 'contactCourier']) {
      await s.post(`/tickets/${t.id}/scenario/checklist/${step}`).send({ done: true }).expect(200);
    }
    await s.post(`/tickets/${t.id}/scenario/resolve`).send({ code: 'reship', reply: { lang: 'ko' } }).expect(200);

    const [req] = (await s.get(`/tickets/${t.id}/reshipments`).expect(200)).body;
    expect(req).toMatchObject({ items: [{ sku: 'SKU-MUG-WHT', qty: 1 }] });
    const shipped = await waitFor(async () => {
      const [r] = (await s.get(`/tickets/${t.id}/reshipments`).expect(200)).body;
      return r.status === 'shipped' ? r : undefined;
    }, 20_000);
    expect(shipped.waybill).toMatch(/^\d{12}$/);
    const ticket = (await s.get(`/tickets/${t.id}`).expect(200)).body;
    expect(ticket).toMatchObject({ status: 'pending_courier', shipment: { courierCode: '04', waybillNumber: shipped.waybill } });
    const st = await stats();
    expect(st.byKey[req.idempotencyKey]).toBe(1);
    const kinds = (await testQuery<{ kind: string }>(`SELECT kind FROM ticket_events WHERE ticket_id = $1 ORDER BY id`, [t.id])).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['automation_pending', 'reshipment_requested', 'reshipment_updated']));
  });

  it('rejects an unsigned warehouse callback', async () => {
    const res = await fetch(`${server.baseUrl}/webhooks/warehouse`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference: '00000000-0000-4000-8000-000000000000', status: 'shipped', courierCode: '04', waybill: '1' }),
    });
    expect(res.status).toBe(401);
  });

  it('SIGKILL of the worker while requests are in flight: every request reaches the warehouse exactly once', async () => {
    await fetch(`${sandbox.url}/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ delayMs: 400 }) });
    const agent = await createUser();
    const s = await loginAs(server.app, agent);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const t = await createTicket({ subject: `재배송 ${i}` });
      const r = await s.post(`/tickets/${t.id}/reshipments`).send({ items: [{ sku: `SKU-${i}`, qty: 1 }], reason: '누락분 재발송' }).expect(201);
      ids.push(r.body.id);
    }
    await new Promise((r) => setTimeout(r, 700)); // some requests are now mid-call
    worker.child.kill('SIGKILL');
    await new Promise((r) => worker.child.once('exit', r));
    worker = await startWorkerProcess();
    await waitFor(async () => {
      const rows = await testQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM reshipment_requests WHERE id = ANY($1::uuid[]) AND status IN ('accepted', 'shipped')`,
        [ids],
      );
      return rows[0].n === ids.length ? true : undefined;
    }, 80_000); // stalled jobs of the killed worker are taken over once their lock expires
    const keys = await testQuery<{ idempotency_key: string }>(`SELECT idempotency_key FROM reshipment_requests WHERE id = ANY($1::uuid[])`, [ids]);
    const st = await stats();
    for (const k of keys) expect(st.byKey[k.idempotency_key]).toBe(1);
  });
});
