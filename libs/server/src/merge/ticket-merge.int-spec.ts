// Merging duplicate tickets through the API: the conversation (messages, attachments), the
// customer's access tokens and the shipment follow the surviving ticket; both tickets get a
// `merged` event, the duplicate keeps its own history and is closed with a pointer, and the
// customer's status links of both tickets open the survivor.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { PublicTicketCreated, PublicTicketView } from '@shopdesk/contracts/public';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { createTicket, createUser, seedTemplates, testQuery, type TestUser } from '@shopdesk/testing/factories';
import { micropaymentSubmission, PNG_1PX } from '@shopdesk/testing/public-form';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';

type Session = Awaited<ReturnType<typeof loginAs>>;

describe('ticket merge (API)', () => {
  let server: TestServer;
  let agent: TestUser;
  let lead: TestUser;
  let session: Session;

  beforeAll(async () => {
    await seedTemplates();
    server = await startTestServer();
    [agent, lead] = await Promise.all([createUser({ role: 'agent', name: '김상담' }), createUser({ role: 'lead', name: '박리드' })]);
    session = await loginAs(server.app, agent);
  });
  afterAll(() => server.close());

  const http = () => request(server.app.getHttpServer());

  /** A customer's form submission with one attachment; answers the reference and the private token. */
  async function submit(email: string): Promise<PublicTicketCreated & { id: string }> {
    const body = micropaymentSubmission({ contact: { name: '박고객', email, phone: '010-2345-6789' } });
    const res = await http()
      .post('/public/tickets')
      .set('Idempotency-Key', randomUUID())
      .field('payload', JSON.stringify(body))
      .attach('files', PNG_1PX, '영수증.png')
      .expect(201);
    const [{ id }] = await testQuery<{ id: string }>(`SELECT id FROM tickets WHERE reference = $1`, [res.body.reference]);
    return { ...res.body, id };
  }

  const count = async (table: string, ticketId: string) =>
    (await testQuery<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ticket_id = $1`, [ticketId]))[0].n;

  it('moves messages, attachments, tokens and the shipment to the survivor; both links open it', async () => {
    const email = `merge.${randomUUID().slice(0, 8)}@example.com`;
    const dup = await submit(email);
    const survivor = await submit(email);
    // The duplicate carries the waybill (with a tracked shipment) and an agent's note.
    const waybill = `7${Date.now().toString().slice(-11)}`;
    await session.put(`/tickets/${dup.id}`).send({ shipment: { courierCode: '04', waybillNumber: waybill } }).expect(200);
    await testQuery(
      `INSERT INTO shipments (courier_code, waybill, status, raw_status, last_event_at) VALUES ('04', $1, 'in_transit', '배송중', now())`,
      [waybill],
    );
    await session.post(`/tickets/${dup.id}/messages`).send({ kind: 'internal_note', body: '중복 문의로 보입니다.' }).expect(201);
    const dupMessages = await count('ticket_messages', dup.id);
    const survivorMessagesBefore = await count('ticket_messages', survivor.id);
    const dupEventsBefore = await count('ticket_events', dup.id);

    // Suggestions put the same customer's ticket first.
    const candidates = (await session.get(`/tickets/${dup.id}/merge-candidates`).expect(200)).body;
    expect(candidates[0]).toMatchObject({ id: survivor.id, sameCustomer: true });

    const merged = await session.post(`/tickets/${dup.id}/merge`).send({ intoId: survivor.id }).expect(200);
    expect(merged.body).toMatchObject({ id: survivor.id, shipment: { courierCode: '04', waybillNumber: waybill } });

    expect(await count('ticket_messages', dup.id)).toBe(0);
    expect(await count('ticket_messages', survivor.id)).toBe(survivorMessagesBefore + dupMessages);
    expect(await count('attachments', dup.id)).toBe(0);
    expect(await count('attachments', survivor.id)).toBe(2);
    expect(await count('customer_access_tokens', dup.id)).toBe(0);
    expect(await count('customer_access_tokens', survivor.id)).toBe(2);
    const shipments = (await session.get(`/tickets/${survivor.id}/shipments`).expect(200)).body;
    expect(shipments).toEqual([expect.objectContaining({ waybill, status: 'in_transit' })]);

    const closed = (await session.get(`/tickets/${dup.id}`).expect(200)).body as TicketRecord;
    expect(closed).toMatchObject({ status: 'closed', mergedIntoId: survivor.id });

    // Events: a `merged` event on both; the duplicate's own history stays with it.
    const kinds = async (id: string) =>
      (await testQuery<{ kind: string; after: Record<string, unknown> }>(`SELECT kind, after FROM ticket_events WHERE ticket_id = $1 ORDER BY id`, [id]));
    const dupEvents = await kinds(dup.id);
    expect(dupEvents.length).toBeGreaterThan(dupEventsBefore);
    expect(dupEvents[0].kind).toBe('created');
    expect(dupEvents.find((e) => e.kind === 'merged')?.after).toMatchObject({ intoId: survivor.id, intoReference: survivor.reference });
    expect(dupEvents.at(-1)).toMatchObject({ kind: 'status_changed', after: { status: 'closed', reason: 'merged' } });
    expect((await kinds(survivor.id)).find((e) => e.kind === 'merged')?.after).toMatchObject({
      fromId: dup.id,
      fromReference: dup.reference,
      moved: { messages: dupMessages, attachments: 1, accessTokens: 1 },
    });

    // The customer's status links: the duplicate's opens the survivor, as does the survivor's own.
    const viaOld = (await http().get(`/public/tickets/${dup.reference}`).set('X-Ticket-Token', dup.token).expect(200)).body as PublicTicketView;
    expect(viaOld.reference).toBe(survivor.reference);
    const viaNew = (await http().get(`/public/tickets/${survivor.reference}`).set('X-Ticket-Token', survivor.token).expect(200)).body as PublicTicketView;
    expect(viaNew.reference).toBe(survivor.reference);
    await http().get(`/public/tickets/${dup.reference}`).set('X-Ticket-Token', 'x'.repeat(43)).expect(404);

    // A merged (closed) ticket is no target, and cannot be merged again.
    const other = await createTicket({ customer: { name: '박고객', email } });
    const intoMerged = await session.post(`/tickets/${other.id}/merge`).send({ intoId: dup.id }).expect(409);
    expect(intoMerged.body).toMatchObject({ code: 'MERGE_REFUSED', errors: { intoId: expect.any(String) } });
    await session.post(`/tickets/${dup.id}/merge`).send({ intoId: other.id }).expect(409);
  });

  it('refuses a merge into itself, and unrelated tickets unless a lead forces it', async () => {
    const a = await createTicket();
    const b = await createTicket(); // different e-mail and order number (random per ticket)
    const self = await session.post(`/tickets/${a.id}/merge`).send({ intoId: a.id }).expect(422);
    expect(self.body.errors).toHaveProperty('intoId');
    await session.post(`/tickets/${a.id}/merge`).send({ intoId: 'nope' }).expect(422);

    const unrelated = await session.post(`/tickets/${a.id}/merge`).send({ intoId: b.id }).expect(409);
    expect(unrelated.body.code).toBe('MERGE_REFUSED');
    await session.post(`/tickets/${a.id}/merge`).send({ intoId: b.id, force: true }).expect(403);
    const asLead = await loginAs(server.app, lead);
    await asLead.post(`/tickets/${a.id}/merge`).send({ intoId: b.id, force: true }).expect(200);

    const sameOrder = await createTicket({ order: { number: 'ORD-MERGE-1' } });
    const sameOrder2 = await createTicket({ order: { number: 'ORD-MERGE-1' } });
    await session.post(`/tickets/${sameOrder.id}/merge`).send({ intoId: sameOrder2.id }).expect(200);
    await http().post(`/tickets/${sameOrder2.id}/merge`).send({ intoId: sameOrder.id }).expect(401);
  });
});
