import request from 'supertest';
import type { SlaPolicyRecord, TicketSlaRecord } from '@shopdesk/contracts/sla';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { SlaService } from '@shopdesk/server/sla/sla.service';
import { createTicket, createUser, factoryContext, testQuery, type TestUser } from '@shopdesk/testing/factories';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';

describe('SLA API (e2e)', () => {
  let server: TestServer;
  let agent: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    [agent, admin] = await Promise.all([createUser({ role: 'agent' }), createUser({ role: 'admin' })]);
  });
  afterAll(() => server.close());

  it('plans first-reply and resolution targets for a new ticket, in business time, written with the ticket', async () => {
    const s = await loginAs(server.app, agent);
    const created = (await s.post('/tickets').send({ type: 'refund', subject: '환불 문의', channel: 'phone', priority: 'urgent', customer: { name: '정하늘' } }).expect(201)).body as TicketRecord;
    const timers = (await s.get(`/tickets/${created.id}/sla`).expect(200)).body as TicketSlaRecord[];
    expect(timers.map((x) => [x.target, x.state, x.policyKey])).toEqual([
      ['first_reply', 'active', 'standard'],
      ['resolution', 'active', 'standard'],
    ]);
    const ticket = (await s.get(`/tickets/${created.id}`).expect(200)).body as TicketRecord;
    expect(ticket.slaDueAt).toBe(timers[0].dueAt); // the earliest running target
    // A public reply fulfils the first reply; the list's "next SLA" moves to the resolution target.
    await s.post(`/tickets/${created.id}/messages`).send({ kind: 'public_reply', body: '확인하겠습니다.' }).expect(201);
    const after = (await s.get(`/tickets/${created.id}/sla`).expect(200)).body as TicketSlaRecord[];
    expect(after[0]).toMatchObject({ target: 'first_reply', state: 'fulfilled' });
    expect((await s.get(`/tickets/${created.id}`).expect(200)).body.slaDueAt).toBe(after[1].dueAt);
  });

  it('lists, sorts and filters by the next SLA due time', async () => {
    const s = await loginAs(server.app, agent);
    const tag = `sla-${Date.now().toString(36)}`;
    const urgent = await createTicket({ priority: 'urgent', tags: [tag] });
    const low = await createTicket({ priority: 'low', tags: [tag] });
    const sorted = await s.get('/tickets').query({ filter: JSON.stringify({ tag }), sort: '["slaDueAt","ASC"]' }).expect(200);
    expect(sorted.body.map((t: TicketRecord) => t.id)).toEqual([urgent.id, low.id]);
    await s.get('/tickets').query({ filter: JSON.stringify({ tag, slaDueWithinMinutes: 60 * 24 * 30 }) }).expect(200);
    await s.get('/tickets').query({ filter: JSON.stringify({ slaDueWithinMinutes: 'soon' }) }).expect(400);
    const breached = await s.get('/tickets').query({ filter: JSON.stringify({ tag, slaBreached: true }) }).expect(200);
    expect(breached.body).toEqual([]);
  });

  it('lets admins edit policies (validated, then open tickets are re-planned) and nobody else', async () => {
    const s = await loginAs(server.app, agent);
    const a = await loginAs(server.app, admin);
    const policies = (await s.get('/sla-policies').expect(200)).body as SlaPolicyRecord[];
    const standard = policies.find((p) => p.key === 'standard')!;
    await s.put(`/sla-policies/${standard.id}`).send(standard).expect(403);

    const bad = await a
      .put(`/sla-policies/${standard.id}`)
      .send({ ...standard, targets: { ...standard.targets, high: { first_reply: { minutes: -5, business: true } } }, ladder: { ...standard.ladder, warningPercent: 150 } })
      .expect(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['ladder.warningPercent', 'targets.high.first_reply.minutes']);

    const t = await createTicket({ priority: 'high' });
    const [before] = await testQuery<{ due_at: Date; started_at: Date }>(
      `SELECT due_at, started_at FROM ticket_sla WHERE ticket_id = $1 AND target = 'first_reply'`,
      [t.id],
    );
    const saved = await a
      .put(`/sla-policies/${standard.id}`)
      .send({ ...standard, targets: { ...standard.targets, high: { ...standard.targets.high, first_reply: { minutes: 24 * 60, business: false } } } })
      .expect(200);
    expect(saved.body.targets.high.first_reply).toEqual({ minutes: 1440, business: false });
    await (await factoryContext()).get(SlaService).replanAll(); // what the worker's replan job runs
    const [afterRow] = await testQuery<{ due_at: Date; started_at: Date }>(
      `SELECT due_at, started_at FROM ticket_sla WHERE ticket_id = $1 AND target = 'first_reply'`,
      [t.id],
    );
    expect(new Date(afterRow.due_at).getTime() - new Date(afterRow.started_at).getTime()).toBe(24 * 3600_000);
    expect(new Date(afterRow.due_at).getTime()).not.toBe(new Date(before.due_at).getTime());
    await a.put(`/sla-policies/${standard.id}`).send(standard).expect(200); // restore
  });

  it('validates business calendars', async () => {
    const a = await loginAs(server.app, admin);
    const [cal] = (await a.get('/business-calendars').expect(200)).body;
    expect(cal.key).toBe('default');
    expect(cal.upcomingHolidays.length).toBeGreaterThan(5);
    const bad = await a
      .put(`/business-calendars/${cal.id}`)
      .send({ weekly: [[], [[600, 540]], [], [], [], [], []], closedDays: ['2026-02-30'] })
      .expect(422);
    expect(Object.keys(bad.body.errors).length).toBeGreaterThanOrEqual(2);
  });

  it('serves Bull Board to admins only', async () => {
    const http = server.app.getHttpServer();
    await request(http).get('/admin/queues').expect(401);
    const s = await loginAs(server.app, agent);
    await s.get('/admin/queues').expect(403);
    const a = await loginAs(server.app, admin);
    const page = await a.get('/admin/queues').expect(200);
    expect(page.text).toMatch(/<html/i);
    const api = await a.get('/admin/queues/api/queues').expect(200);
    expect(JSON.stringify(api.body)).toMatch(/sla-ladder/);
  });

  it('shows leads the role-wide notifications and a summary', async () => {
    const lead = await createUser({ role: 'lead' });
    const t = await createTicket();
    await testQuery(
      `INSERT INTO notifications (recipient_role, ticket_id, kind, title_ko, title_en) VALUES ('lead', $1, 'sla_breach', '위반', 'Breached')`,
      [t.id],
    );
    const l = await loginAs(server.app, lead);
    const list = await l.get('/notifications').query({ filter: '{"unread":true}' }).expect(200);
    const mine = list.body.find((n: { ticketId: string }) => n.ticketId === t.id);
    expect(mine).toMatchObject({ kind: 'sla_breach', ticketReference: t.reference, readAt: null });
    const read = await l.post(`/notifications/${mine.id}/read`).expect(200);
    expect(read.body.readAt).not.toBeNull();
    const s = await loginAs(server.app, agent);
    await s.post(`/notifications/${mine.id}/read`).expect(404); // not addressed to agents
    const summary = await l.get('/sla/summary').expect(200);
    expect(summary.body).toEqual({ breachedToday: expect.any(Number), atRisk: expect.any(Number), breachedOpen: expect.any(Number) });
  });
});
