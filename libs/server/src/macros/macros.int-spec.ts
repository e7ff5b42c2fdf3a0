import type { MacroRecord } from '@shopdesk/contracts/macros';
import { createTicket, createUser, testQuery, type TestUser } from '@shopdesk/testing/factories';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import request from 'supertest';

const body = (ko: string, en = 'Hello {{customer.name}}') => ({ ko, en });

describe('Macros API (integration)', () => {
  let server: TestServer;
  let agent: TestUser;
  let otherAgent: TestUser;
  let lead: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    [agent, otherAgent, lead] = await Promise.all([
      createUser({ role: 'agent', name: '김상담' }),
      createUser({ role: 'agent' }),
      createUser({ role: 'lead' }),
    ]);
  });
  afterAll(() => server.close());

  it('refuses anonymous callers on every route', async () => {
    const http = request(server.app.getHttpServer());
    await http.get('/macros').expect(401);
    await http.post('/macros').send({ title: 'x', body: body('x') }).expect(401);
    const id = '00000000-0000-4000-8000-000000000000';
    await http.put(`/macros/${id}`).send({ title: 'x', body: body('x') }).expect(401);
    await http.delete(`/macros/${id}`).expect(401);
    await http.post(`/tickets/${id}/macros/${id}/preview`).send({ lang: 'ko' }).expect(401);
  });

  it('creates, reads, updates and deletes a personal macro; others cannot see it', async () => {
    const s = await loginAs(server.app, agent);
    const created = (await s.post('/macros').send({ title: '  배송 조회 안내 ', body: body('{{customer.name}}님, 운송장 {{shipment.waybill}}') }).expect(201))
      .body as MacroRecord;
    expect(created).toMatchObject({ title: '배송 조회 안내', shared: false, ownerId: agent.id, ownerName: '김상담' });
    const rows = await testQuery('SELECT owner_id, body_ko FROM macros WHERE id = $1', [created.id]);
    expect(rows).toEqual([{ owner_id: agent.id, body_ko: '{{customer.name}}님, 운송장 {{shipment.waybill}}' }]);

    const updated = (await s.put(`/macros/${created.id}`).send({ title: '배송 조회', body: body('수정됨') }).expect(200)).body as MacroRecord;
    expect(updated.body.ko).toBe('수정됨');

    const other = await loginAs(server.app, otherAgent);
    await other.get(`/macros/${created.id}`).expect(404);
    await other.put(`/macros/${created.id}`).send({ title: 'x', body: body('x') }).expect(404);
    const list = (await other.get('/macros').query({ filter: JSON.stringify({ mine: true }) }).expect(200)).body as MacroRecord[];
    expect(list.map((m) => m.id)).not.toContain(created.id);

    await s.delete(`/macros/${created.id}`).expect(200);
    await s.get(`/macros/${created.id}`).expect(404);
  });

  it('lets only leads and admins share macros or change shared ones; everyone sees shared ones', async () => {
    const a = await loginAs(server.app, agent);
    const refused = await a.post('/macros').send({ title: '공유 시도', shared: true, body: body('x') }).expect(403);
    expect(refused.body.errors).toEqual({ shared: expect.any(String) });

    const l = await loginAs(server.app, lead);
    const shared = (await l.post('/macros').send({ title: `공유 ${Date.now()}`, shared: true, body: body('팀 공통 안내') }).expect(201)).body as MacroRecord;

    const seen = (await a.get('/macros').query({ filter: JSON.stringify({ shared: true }), range: '[0,199]' }).expect(200)).body as MacroRecord[];
    expect(seen.map((m) => m.id)).toContain(shared.id);
    await a.put(`/macros/${shared.id}`).send({ title: '바꿈', shared: true, body: body('x') }).expect(403);
    await a.delete(`/macros/${shared.id}`).expect(403);

    // An agent's own macro cannot be turned into a shared one by its owner either.
    const mine = (await a.post('/macros').send({ title: '내 매크로', body: body('x') }).expect(201)).body as MacroRecord;
    await a.put(`/macros/${mine.id}`).send({ title: '내 매크로', shared: true, body: body('x') }).expect(403);

    await l.put(`/macros/${shared.id}`).send({ title: '팀 안내', shared: true, body: body('바뀐 안내') }).expect(200);
    await l.delete(`/macros/${shared.id}`).expect(200);
  });

  it('rejects unknown variables and bad input with 422 naming the field', async () => {
    const s = await loginAs(server.app, agent);
    const unknown = await s.post('/macros').send({ title: '변수', body: { ko: '{{customer.nmae}} 님', en: '{{order.number}} {{field.x}}' } }).expect(422);
    expect(Object.keys(unknown.body.errors).sort()).toEqual(['body.en', 'body.ko']);
    expect(unknown.body.errors['body.ko']).toContain('{{customer.nmae}}');
    expect(unknown.body.errors['body.en']).toContain('{{field.x}}');

    const missing = await s.post('/macros').send({ title: '', body: { ko: 'x' } }).expect(422);
    expect(Object.keys(missing.body.errors).sort()).toEqual(['body.en', 'title']);
    await s.get('/macros').query({ sort: '["body_ko","ASC"]' }).expect(400);
    await s.get('/macros').query({ filter: JSON.stringify({ ownerId: agent.id }) }).expect(400);
  });

  it('lists own and shared macros, sorted by title and searchable', async () => {
    const s = await loginAs(server.app, otherAgent);
    const tag = `검색-${Date.now().toString(36)}`;
    for (const title of [`${tag} 나`, `${tag} 가`]) await s.post('/macros').send({ title, body: body('x') }).expect(201);
    const res = await s.get('/macros').query({ filter: JSON.stringify({ q: tag }), sort: '["title","ASC"]', range: '[0,9]' }).expect(200);
    expect(res.body.map((m: MacroRecord) => m.title)).toEqual([`${tag} 가`, `${tag} 나`]);
    expect(res.headers['content-range']).toBe('macros 0-1/2');
  });

  it('renders a macro for a ticket in the chosen language', async () => {
    const ticket = await createTicket({ customer: { name: '이서연', email: 'seoyeon.macro@example.com', phone: null } });
    const s = await loginAs(server.app, agent);
    const macro = (await s
      .post('/macros')
      .send({
        title: '안내',
        body: { ko: '{{customer.name}} 고객님, 주문 {{order.number}} ({{order.amount}}) — {{agent.name}} / {{resolution.amount}}', en: 'Dear {{customer.name}}, ticket {{ticket.reference}}' },
      })
      .expect(201)).body as MacroRecord;
    const ko = await s.post(`/tickets/${ticket.id}/macros/${macro.id}/preview`).send({ lang: 'ko' }).expect(200);
    expect(ko.body.body).toBe(`이서연 고객님, 주문 ${ticket.order.number} (49,000원) — 김상담 / (미입력)`);
    expect(ko.body.missing).toEqual(['resolution.amount']);
    const en = await s.post(`/tickets/${ticket.id}/macros/${macro.id}/preview`).send({ lang: 'en' }).expect(200);
    expect(en.body.body).toBe(`Dear 이서연, ticket ${ticket.reference}`);

    await s.post(`/tickets/${ticket.id}/macros/${macro.id}/preview`).send({ lang: 'jp' }).expect(422);
    const other = await loginAs(server.app, otherAgent);
    await other.post(`/tickets/${ticket.id}/macros/${macro.id}/preview`).send({ lang: 'ko' }).expect(404);
  });
});
