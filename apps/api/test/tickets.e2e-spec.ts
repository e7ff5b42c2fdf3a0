import request from 'supertest';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { createTicket, createUser, testQuery, ticketInput, type TestUser } from '@shopdesk/testing/factories';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';

type Session = Awaited<ReturnType<typeof loginAs>>;

describe('tickets API (e2e)', () => {
  let server: TestServer;
  let agent: TestUser;
  let otherAgent: TestUser;
  let lead: TestUser;
  let session: Session;
  const tag = `suite-${Date.now().toString(36)}`;
  let seeded: TicketRecord[];

  beforeAll(async () => {
    server = await startTestServer();
    [agent, otherAgent, lead] = await Promise.all([
      createUser({ role: 'agent', name: '김상담' }),
      createUser({ role: 'agent', name: '이상담' }),
      createUser({ role: 'lead', name: '박리드' }),
    ]);
    session = await loginAs(server.app, agent);
    seeded = [];
    const priorities = ['low', 'normal', 'high', 'urgent'] as const;
    for (let i = 0; i < 12; i++) {
      seeded.push(
        await createTicket({
          tags: [tag],
          priority: priorities[i % 4],
          type: i % 3 === 0 ? 'refund' : 'missing_delivery',
          status: i % 2 === 0 ? 'open' : 'new',
        }),
      );
    }
  });
  afterAll(() => server.close());

  describe('list in the ra-data-simple-rest contract', () => {
    it('pages with range and reports Content-Range', async () => {
      const res = await session
        .get('/tickets')
        .query({ filter: JSON.stringify({ tag }), sort: '["reference","ASC"]', range: '[0,4]' })
        .expect(200);
      expect(res.body).toHaveLength(5);
      expect(res.headers['content-range']).toBe('tickets 0-4/12');
      expect(res.body.map((t: TicketRecord) => t.reference)).toEqual(seeded.slice(0, 5).map((t) => t.reference));

      const page2 = await session
        .get('/tickets')
        .query({ filter: JSON.stringify({ tag }), sort: '["reference","ASC"]', range: '[10,14]' })
        .expect(200);
      expect(page2.body).toHaveLength(2);
      expect(page2.headers['content-range']).toBe('tickets 10-11/12');
    });

    it('sorts by priority in business order and filters by status, type and ids', async () => {
      const byPriority = await session
        .get('/tickets')
        .query({ filter: JSON.stringify({ tag }), sort: '["priority","DESC"]', range: '[0,2]' })
        .expect(200);
      expect(byPriority.body.map((t: TicketRecord) => t.priority)).toEqual(['urgent', 'urgent', 'urgent']);

      const open = await session
        .get('/tickets')
        .query({ filter: JSON.stringify({ tag, status: ['open'], type: 'refund' }), range: '[0,24]' })
        .expect(200);
      const expected = seeded.filter((_, i) => i % 2 === 0 && i % 3 === 0).map((t) => t.id).sort();
      expect(open.body.map((t: TicketRecord) => t.id).sort()).toEqual(expected);
      expect(open.body.every((t: TicketRecord) => t.status === 'open' && t.type === 'refund')).toBe(true);

      const ids = [seeded[1].id, seeded[7].id];
      const byId = await session.get('/tickets').query({ filter: JSON.stringify({ id: ids }) }).expect(200);
      expect(byId.body.map((t: TicketRecord) => t.id).sort()).toEqual([...ids].sort());
    });

    it('searches reference, customer and order number with q', async () => {
      const target = seeded[3];
      for (const q of [target.reference, target.order.number!.slice(-5), target.customer.email!]) {
        const res = await session.get('/tickets').query({ filter: JSON.stringify({ q, tag }) }).expect(200);
        expect(res.body.map((t: TicketRecord) => t.id)).toContain(target.id);
      }
    });

    it('filters unassigned tickets with assigneeId: null', async () => {
      const res = await session
        .get('/tickets')
        .query({ filter: JSON.stringify({ tag, assigneeId: null }), range: '[0,49]' })
        .expect(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.body.every((t: TicketRecord) => t.assigneeId === null)).toBe(true);
    });
  });

  describe('bad input is a 4xx that names the field', () => {
    it.each([
      ['unknown sort field', { sort: '["password_hash","ASC"]' }, 'sort'],
      ['SQL in sort', { sort: '["created_at; DROP TABLE tickets; --","ASC"]' }, 'sort'],
      ['SQL in sort order', { sort: '["createdAt","ASC; DELETE FROM users"]' }, 'sort'],
      ['SQL in a filter value', { filter: `{"status":"open' OR '1'='1"}` }, 'filter.status'],
      ['unknown filter field', { filter: '{"customer_name":"x"}' }, 'filter'],
      ['malformed filter JSON', { filter: '{status:' }, 'filter'],
      ['bad range', { range: '[0,"9"]' }, 'range'],
    ])('%s → 400', async (_label, query, field) => {
      const res = await session.get('/tickets').query(query).expect(400);
      expect(res.body.code).toBe('INVALID_LIST_QUERY');
      expect(res.body.errors).toHaveProperty([field]);
    });

    it('keeps the table intact after SQL in q', async () => {
      const q = "'; DROP TABLE tickets; --";
      await session.get('/tickets').query({ filter: JSON.stringify({ q }) }).expect(200);
      await session.get('/tickets').query({ filter: JSON.stringify({ tag }) }).expect(200);
    });

    it('malformed JSON body → 400', async () => {
      const res = await session
        .post('/tickets')
        .set('Content-Type', 'application/json')
        .send('{"type": "refund", ')
        .expect(400);
      expect(res.body.code).toBe('MALFORMED_REQUEST');
      expect(res.body.message).toMatch(/JSON/);
    });

    it('wrong types → 422 with react-admin errors per field', async () => {
      const res = await session
        .post('/tickets')
        .send({ ...ticketInput({ channel: 'email' }), subject: 42, priority: 'asap', customer: { name: '', email: 'not-an-email' } })
        .expect(422);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.errors).sort()).toEqual(
        ['customer.email', 'customer.name', 'priority', 'subject'].sort(),
      );
      expect(res.body.errors['customer.email']).toMatch(/customer\.email must be an email/);
    });

    it('unknown fields → 422 naming them, nothing written', async () => {
      const before = await testQuery<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
      const res = await session
        .post('/tickets')
        .send({ ...ticketInput({ channel: 'phone' }), status: 'resolved', order: { ...ticketInput().order, discount: 5 } })
        .expect(422);
      expect(Object.keys(res.body.errors).sort()).toEqual(['order.discount', 'status']);
      expect(res.body.errors['order.discount']).toMatch(/should not exist/);
      const after = await testQuery<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
      expect(after[0].n).toBe(before[0].n);
    });

    it('a non-uuid id → 400, an unknown id → 404', async () => {
      const bad = await session.get('/tickets/1%20OR%201=1').expect(400);
      expect(bad.body.code).toBe('MALFORMED_REQUEST');
      const missing = await session.get('/tickets/00000000-0000-4000-8000-000000000000').expect(404);
      expect(missing.body.code).toBe('TICKET_NOT_FOUND');
    });
  });

  describe('actions', () => {
    it('creates a ticket with a sequence reference and records the audit event', async () => {
      const res = await session.post('/tickets').send(ticketInput({ channel: 'phone' })).expect(201);
      const t = res.body as TicketRecord;
      expect(t.reference).toMatch(/^SD-\d{6}$/);
      expect(t).toMatchObject({ status: 'new', channel: 'phone', order: { amount: 49_000, currency: 'KRW' } });
      const events = await session.get(`/tickets/${t.id}/events`).expect(200);
      expect(events.body).toHaveLength(1);
      expect(events.body[0]).toMatchObject({ kind: 'created', actorId: agent.id, actorName: '김상담' });
    });

    it('rejects an illegal status transition with 409 and writes nothing', async () => {
      const t = await createTicket({ status: 'closed' });
      const res = await session.post(`/tickets/${t.id}/status`).send({ status: 'open' }).expect(409);
      expect(res.body.code).toBe('TICKET_CLOSED');

      const fresh = await createTicket();
      const illegal = await session.post(`/tickets/${fresh.id}/status`).send({ status: 'closed' }).expect(409);
      expect(illegal.body.code).toBe('ILLEGAL_STATUS_TRANSITION');
      expect(illegal.body.message).toMatch(/new to closed/);
      const events = await testQuery('SELECT kind FROM ticket_events WHERE ticket_id = $1', [fresh.id]);
      expect(events).toEqual([{ kind: 'created' }]);
    });

    it('walks the lifecycle and audits every change with before/after', async () => {
      const t = await createTicket();
      for (const status of ['open', 'pending_courier', 'resolved', 'open', 'resolved', 'closed']) {
        const res = await session.post(`/tickets/${t.id}/status`).send({ status }).expect(200);
        expect(res.body.status).toBe(status);
      }
      await session.post(`/tickets/${t.id}/priority`).send({ priority: 'urgent' }).expect(409); // closed
      const events = await session.get(`/tickets/${t.id}/events`).query({ range: '[0,99]' }).expect(200);
      expect(events.body.map((e: { after: { status?: string } }) => e.after?.status ?? null)).toEqual([
        'new',
        'open',
        'pending_courier',
        'resolved',
        'open',
        'resolved',
        'closed',
      ]);
      expect(events.body[2]).toMatchObject({ kind: 'status_changed', before: { status: 'open' } });
    });

    it('replies, notes, priority and tags — each with its event; a first reply opens a new ticket', async () => {
      const t = await createTicket();
      const reply = await session
        .post(`/tickets/${t.id}/messages`)
        .send({ kind: 'public_reply', body: '<script>alert(1)</script> 확인 후 연락드리겠습니다.' })
        .expect(201);
      expect(reply.body).toMatchObject({ kind: 'public_reply', authorName: '김상담', authorType: 'agent' });
      expect(reply.body.body).toBe('<script>alert(1)</script> 확인 후 연락드리겠습니다.'); // stored as text, UIs render text
      await session.post(`/tickets/${t.id}/messages`).send({ kind: 'internal_note', body: '택배사 확인 필요' }).expect(201);
      await session.post(`/tickets/${t.id}/messages`).send({ kind: 'customer_message', body: 'x' }).expect(422);
      const p = await session.post(`/tickets/${t.id}/priority`).send({ priority: 'high' }).expect(200);
      expect(p.body.priority).toBe('high');
      const tg = await session.post(`/tickets/${t.id}/tags`).send({ tags: ['VIP', 'reship', 'vip'] }).expect(200);
      expect(tg.body.tags).toEqual(['reship', 'vip']);

      const thread = await session.get(`/tickets/${t.id}/messages`).expect(200);
      expect(thread.body.map((m: { kind: string }) => m.kind)).toEqual(['public_reply', 'internal_note']);
      expect(thread.headers['content-range']).toBe('messages 0-1/2');
      const kinds = (await testQuery<{ kind: string }>(
        'SELECT kind FROM ticket_events WHERE ticket_id = $1 ORDER BY id',
        [t.id],
      )).map((e) => e.kind);
      expect(kinds).toEqual([
        'created',
        'message_added',
        'status_changed',
        'message_added',
        'priority_changed',
        'tags_changed',
      ]);
      const after = await session.get(`/tickets/${t.id}`).expect(200);
      expect(after.body.status).toBe('open');
    });

    it('lets an agent take a free ticket but not reassign a colleague’s; a lead can', async () => {
      const t = await createTicket();
      const mine = await session.post(`/tickets/${t.id}/assign`).send({ assigneeId: agent.id }).expect(200);
      expect(mine.body).toMatchObject({ assigneeId: agent.id, assigneeName: '김상담' });

      const other = await loginAs(server.app, otherAgent);
      const denied = await other.post(`/tickets/${t.id}/assign`).send({ assigneeId: otherAgent.id }).expect(403);
      expect(denied.body.code).toBe('FORBIDDEN');

      const leadSession = await loginAs(server.app, lead);
      const moved = await leadSession.post(`/tickets/${t.id}/assign`).send({ assigneeId: otherAgent.id }).expect(200);
      expect(moved.body.assigneeName).toBe('이상담');
      const bad = await leadSession
        .post(`/tickets/${t.id}/assign`)
        .send({ assigneeId: '00000000-0000-4000-8000-000000000000' })
        .expect(422);
      expect(bad.body.errors).toHaveProperty('assigneeId');

      const events = await testQuery<{ before: unknown; after: unknown; actor_id: string }>(
        `SELECT before, after, actor_id FROM ticket_events WHERE ticket_id = $1 AND kind = 'assigned' ORDER BY id`,
        [t.id],
      );
      expect(events).toEqual([
        { before: { assigneeId: null, assigneeName: null }, after: { assigneeId: agent.id, assigneeName: '김상담' }, actor_id: agent.id },
        {
          before: { assigneeId: agent.id, assigneeName: '김상담' },
          after: { assigneeId: otherAgent.id, assigneeName: '이상담' },
          actor_id: lead.id,
        },
      ]);
    });

    it('updates facts with PUT, merging partial nested objects, and audits the diff', async () => {
      const t = await createTicket();
      const res = await session
        .put(`/tickets/${t.id}`)
        .send({ shipment: { waybillNumber: '612345678901' }, customer: { name: '이서연', phone: '010-9999-0000' } })
        .expect(200);
      expect(res.body.shipment).toEqual({ ...t.shipment, waybillNumber: '612345678901' });
      expect(res.body.customer).toEqual({ ...t.customer, phone: '010-9999-0000' });
      const [event] = await testQuery<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
        `SELECT before, after FROM ticket_events WHERE ticket_id = $1 AND kind = 'details_changed'`,
        [t.id],
      );
      expect(event.after).toEqual({ waybillNumber: '612345678901', customerPhone: '010-9999-0000' });
      expect(event.before).toEqual({ waybillNumber: t.shipment.waybillNumber, customerPhone: t.customer.phone });
    });

    it('refuses to rewrite the audit log', async () => {
      await expect(testQuery(`UPDATE ticket_events SET actor_name = 'x'`)).rejects.toThrow(/append-only/);
      await expect(testQuery(`DELETE FROM ticket_events`)).rejects.toThrow(/append-only/);
    });
  });

  it('health reports postgres and redis', async () => {
    const res = await request(server.app.getHttpServer()).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(server.app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/tickets', '/tickets/{id}/status', '/auth/login']));
  });
});
