// GET /dashboard/stats against real PostgreSQL: a small, hand-computed data set in one KST week
// (2026-03-02 Mon … 03-08 Sun) checks every aggregate, KST day bucketing, agent vs lead scoping
// and the parameter validation.
import type { DashboardStats } from '@shopdesk/contracts/dashboard';
import { createTicket, createUser, seedTemplates, testQuery, type TestUser } from '@shopdesk/testing/factories';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';

jest.setTimeout(60_000);

const kst = (local: string) => new Date(`${local}+09:00`).toISOString();
const RANGE = 'from=2026-03-02&to=2026-03-08';

describe('GET /dashboard/stats', () => {
  let server: TestServer;
  let agentA: TestUser;
  let lead: TestUser;

  beforeAll(async () => {
    // Counts are over the whole table; start from an empty one (TRUNCATE bypasses the audit trigger).
    await testQuery(`TRUNCATE tickets, ticket_events, ticket_messages, ticket_sla, ticket_scenarios, reshipment_requests, courier_events CASCADE`);
    await seedTemplates();
    server = await startTestServer();
    agentA = await createUser({ role: 'agent' });
    const agentB = await createUser({ role: 'agent' });
    lead = await createUser({ role: 'lead' });

    const set = async (id: string, cols: Record<string, unknown>) => {
      const keys = Object.keys(cols);
      await testQuery(`UPDATE tickets SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')} WHERE id = $1`, [id, ...Object.values(cols)]);
    };
    const t1 = await createTicket({ type: 'missing_delivery' });
    const t2 = await createTicket({ type: 'refund' });
    const t3 = await createTicket({ type: 'refund' });
    const t4 = await createTicket({ type: 'cancellation' });
    // 00:30 KST on 03-02 is still 03-01 in UTC: must count on 03-02.
    await set(t1.id, { assignee_id: agentA.id, status: 'resolved', created_at: kst('2026-03-02T00:30:00'), resolved_at: kst('2026-03-03T10:00:00'), courier_code: '04', waybill_number: 'W100' });
    await set(t2.id, { assignee_id: agentB.id, status: 'resolved', created_at: kst('2026-03-02T10:00:00'), resolved_at: kst('2026-03-02T12:00:00') });
    await set(t3.id, { assignee_id: agentA.id, status: 'open', created_at: kst('2026-03-04T09:00:00') });
    await set(t4.id, { assignee_id: null, status: 'new', created_at: kst('2026-03-01T23:59:00') });

    const reply = (ticketId: string, at: string) =>
      testQuery(`INSERT INTO ticket_messages (ticket_id, kind, author_type, author_name, body, created_at) VALUES ($1, 'public_reply', 'agent', '상담원', '안녕하세요', $2)`, [ticketId, at]);
    await reply(t1.id, kst('2026-03-02T01:00:00')); // 30 min
    await reply(t1.id, kst('2026-03-02T05:00:00')); // not the first
    await reply(t2.id, kst('2026-03-02T11:30:00')); // 90 min

    await testQuery(`DELETE FROM ticket_sla`);
    const sla = (ticketId: string, target: string, state: string, at: string) =>
      testQuery(
        `INSERT INTO ticket_sla (ticket_id, target, policy_id, business, target_minutes, state, started_at, fulfilled_at, breached_at)
         VALUES ($1, $2, (SELECT id FROM sla_policies ORDER BY position LIMIT 1), false, 60, $3, $4, $5, $6)`,
        [ticketId, target, state, kst('2026-03-01T12:00:00'), state === 'fulfilled' ? at : null, state === 'breached' ? at : null],
      );
    await sla(t1.id, 'first_reply', 'fulfilled', kst('2026-03-02T01:00:00'));
    await sla(t1.id, 'resolution', 'breached', kst('2026-03-03T09:00:00'));
    await sla(t2.id, 'first_reply', 'fulfilled', kst('2026-03-02T11:30:00'));
    await sla(t2.id, 'resolution', 'fulfilled', kst('2026-03-02T12:00:00'));
    await sla(t3.id, 'first_reply', 'active', kst('2026-03-04T10:00:00')); // still running: not counted

    const reship = (ticketId: string, status: string, at: string) =>
      testQuery(`INSERT INTO reshipment_requests (ticket_id, items, reason, status, updated_at) VALUES ($1, '[]', '누락', $2, $3)`, [ticketId, status, at]);
    await reship(t1.id, 'shipped', kst('2026-03-03T12:00:00'));
    await reship(t2.id, 'failed', kst('2026-03-05T12:00:00'));
    await reship(t2.id, 'delivered', kst('2026-03-05T12:00:00'));

    let n = 0;
    const scan = (courier: string, waybill: string, status: string, at: string) =>
      testQuery(
        `INSERT INTO courier_events (provider, event_id, courier_code, waybill, status, raw_status, occurred_at, raw) VALUES ('generic', $1, $2, $3, $4, $4, $5, '{}')`,
        [`e${++n}`, courier, waybill, status, at],
      );
    await scan('04', 'W100', 'exception', kst('2026-03-03T08:00:00'));
    await scan('04', 'W100', 'delivered', kst('2026-03-04T08:00:00'));
    await scan('08', 'W999', 'lost', kst('2026-03-05T08:00:00'));
    await scan('08', 'W999', 'attempt_failed', kst('2026-03-06T08:00:00'));
    await scan('04', 'W100', 'exception', kst('2026-02-20T08:00:00')); // before the range

    const applied = (ticketId: string, key: string, at: string) =>
      testQuery(
        `INSERT INTO ticket_scenarios (ticket_id, template_id, applied_at) VALUES ($1, (SELECT id FROM scenario_templates WHERE key = $2 ORDER BY version DESC LIMIT 1), $3)`,
        [ticketId, key, at],
      );
    await applied(t1.id, 'missing_item', kst('2026-03-02T02:00:00'));
    await applied(t2.id, 'refund_refused', kst('2026-03-02T10:30:00'));
    await applied(t3.id, 'refund_refused', kst('2026-03-04T09:30:00'));
  });

  afterAll(async () => {
    await server?.close();
  });

  const get = async (user: TestUser, query: string) => (await loginAs(server.app, user)).get(`/dashboard/stats?${query}`);

  it('gives a lead the whole team', async () => {
    const res = await get(lead, RANGE);
    expect(res.status).toBe(200);
    const s = res.body as DashboardStats;
    expect(s.scope).toBe('team');
    expect(s.daily).toHaveLength(7);
    expect(s.daily[0]).toEqual({ day: '2026-03-02', opened: { missing_delivery: 1, refund: 1, cancellation: 0 }, resolved: { missing_delivery: 0, refund: 1, cancellation: 0 } });
    expect(s.daily[1].resolved).toEqual({ missing_delivery: 1, refund: 0, cancellation: 0 });
    expect(s.daily[2].opened).toEqual({ missing_delivery: 0, refund: 1, cancellation: 0 });
    expect(s.backlog).toEqual([
      { status: 'new', count: 1 },
      { status: 'open', count: 1 },
    ]);
    expect(s.slaWeekly).toEqual([
      { week: '2026-03-02', target: 'first_reply', fulfilled: 2, breached: 0, compliancePct: 100 },
      { week: '2026-03-02', target: 'resolution', fulfilled: 1, breached: 1, compliancePct: 50 },
    ]);
    // First replies 30 and 90 min; resolutions 33.5 h (2010 min) and 120 min.
    expect(s.medians).toEqual({ firstReplyMinutes: 60, resolutionMinutes: 1065 });
    expect(s.reshipments).toEqual({ inFlight: 1, failed: 1 });
    expect(s.courierExceptions).toEqual([
      { courierCode: '08', count: 2 },
      { courierCode: '04', count: 1 },
    ]);
    expect(s.templateUsage.map(({ key, count }) => ({ key, count }))).toEqual([
      { key: 'refund_refused', count: 2 },
      { key: 'missing_item', count: 1 },
    ]);
    expect(s.templateUsage[0].titleKo).toBeTruthy();
  });

  it('gives an agent only their own tickets', async () => {
    const s = (await get(agentA, RANGE)).body as DashboardStats;
    expect(s.scope).toBe('mine');
    expect(s.daily[0].opened).toEqual({ missing_delivery: 1, refund: 0, cancellation: 0 });
    expect(s.backlog).toEqual([{ status: 'open', count: 1 }]);
    expect(s.slaWeekly).toEqual([
      { week: '2026-03-02', target: 'first_reply', fulfilled: 1, breached: 0, compliancePct: 100 },
      { week: '2026-03-02', target: 'resolution', fulfilled: 0, breached: 1, compliancePct: 0 },
    ]);
    expect(s.medians).toEqual({ firstReplyMinutes: 30, resolutionMinutes: 2010 });
    expect(s.reshipments).toEqual({ inFlight: 1, failed: 0 });
    expect(s.courierExceptions).toEqual([{ courierCode: '04', count: 1 }]);
    expect(s.templateUsage.map(({ key, count }) => ({ key, count }))).toEqual([
      { key: 'missing_item', count: 1 },
      { key: 'refund_refused', count: 1 },
    ]);
  });

  it('filters by type', async () => {
    const s = (await get(lead, `${RANGE}&type=refund`)).body as DashboardStats;
    expect(s.type).toBe('refund');
    expect(s.daily[0].opened).toEqual({ missing_delivery: 0, refund: 1, cancellation: 0 });
    expect(s.backlog).toEqual([{ status: 'open', count: 1 }]);
    expect(s.medians).toEqual({ firstReplyMinutes: 90, resolutionMinutes: 120 });
    expect(s.courierExceptions).toEqual([]);
  });

  it('refuses bad parameters with a 4xx naming the field', async () => {
    for (const [query, field] of [
      ['from=2026-13-01', 'from'],
      ['from=2026-03-09&to=2026-03-02', 'from'],
      ['from=2025-01-01&to=2026-03-02', 'to'],
      ['to=tomorrow', 'to'],
      ['type=lost_parcel', 'type'],
    ]) {
      const res = await get(lead, query);
      expect(res.status).toBe(422);
      expect(res.body.errors).toHaveProperty(field);
      expect(res.body.message).toMatch(/대시보드.*Invalid dashboard parameter/);
    }
  });

  it('needs a session', async () => {
    const res = await fetch(`${server.baseUrl}/dashboard/stats?${RANGE}`);
    expect(res.status).toBe(401);
  });
});
