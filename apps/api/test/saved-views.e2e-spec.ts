import type { SavedViewRecord } from '@shopdesk/contracts/saved-views';
import { createUser, type TestUser } from '@shopdesk/testing/factories';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';

type Session = Awaited<ReturnType<typeof loginAs>>;

describe('saved views API (e2e)', () => {
  let server: TestServer;
  let agent: TestUser;
  let otherAgent: TestUser;
  let lead: TestUser;
  let asAgent: Session;
  let asOther: Session;
  let asLead: Session;

  beforeAll(async () => {
    server = await startTestServer();
    [agent, otherAgent, lead] = await Promise.all([
      createUser({ role: 'agent' }),
      createUser({ role: 'agent' }),
      createUser({ role: 'lead' }),
    ]);
    [asAgent, asOther, asLead] = await Promise.all([loginAs(server.app, agent), loginAs(server.app, otherAgent), loginAs(server.app, lead)]);
  });
  afterAll(() => server.close());

  it('keeps an agent\'s views private and lists own + shared ones', async () => {
    const mine = await asAgent
      .post('/saved-views')
      .send({ name: '내 환불 건', filter: { type: 'refund', mine: true }, sort: { field: 'slaDueAt', order: 'ASC' } })
      .expect(201);
    expect(mine.body).toMatchObject({ name: '내 환불 건', shared: false, canEdit: true, ownerId: agent.id });

    const shared = await asLead.post('/saved-views').send({ name: '팀 긴급', filter: { priority: 'urgent' }, shared: true }).expect(201);

    const listed = await asOther.get('/saved-views').expect(200);
    const names = (listed.body as SavedViewRecord[]).map((v) => v.name);
    expect(names).toContain('팀 긴급');
    expect(names).not.toContain('내 환불 건');
    expect(listed.headers['content-range']).toMatch(/^saved-views 0-\d+\/\d+$/);
    expect((listed.body as SavedViewRecord[]).find((v) => v.id === shared.body.id)!.canEdit).toBe(false);

    await asOther.get(`/saved-views/${mine.body.id}`).expect(404);
    await asOther.delete(`/saved-views/${mine.body.id}`).expect(404);
  });

  it('rejects filter and sort fields outside the ticket list allowlist, naming them', async () => {
    const bad = await asAgent.post('/saved-views').send({ name: '잘못된 보기', filter: { secret: 1 } }).expect(400);
    expect(bad.body.code).toBe('INVALID_LIST_QUERY');
    expect(bad.body.errors.filter).toContain('"secret"');

    const badSort = await asAgent
      .post('/saved-views')
      .send({ name: '잘못된 정렬', filter: {}, sort: { field: 'password', order: 'ASC' } })
      .expect(400);
    expect(badSort.body.errors.sort).toContain('"password"');

    const badValue = await asAgent.post('/saved-views').send({ name: '잘못된 값', filter: { status: 'lost' } }).expect(400);
    expect(Object.keys(badValue.body.errors)).toEqual(['filter.status']);

    const noName = await asAgent.post('/saved-views').send({ filter: {} }).expect(422);
    expect(Object.keys(noName.body.errors)).toContain('name');
  });

  it('refuses a duplicate name for the same owner with 422 on name', async () => {
    await asAgent.post('/saved-views').send({ name: '중복', filter: {} }).expect(201);
    const dup = await asAgent.post('/saved-views').send({ name: '중복', filter: {} }).expect(422);
    expect(Object.keys(dup.body.errors)).toEqual(['name']);
    await asOther.post('/saved-views').send({ name: '중복', filter: {} }).expect(201);
  });

  it('lets only leads and admins share a view or change a shared one', async () => {
    await asAgent.post('/saved-views').send({ name: '공유 시도', filter: {}, shared: true }).expect(403);
    const own = await asAgent.post('/saved-views').send({ name: '나중에 공유', filter: {} }).expect(201);
    await asAgent.put(`/saved-views/${own.body.id}`).send({ shared: true }).expect(403);

    const renamed = await asAgent.put(`/saved-views/${own.body.id}`).send({ name: '이름 바꿈', filter: { status: ['open'] } }).expect(200);
    expect(renamed.body).toMatchObject({ name: '이름 바꿈', filter: { status: ['open'] } });

    const teamView = await asLead.post('/saved-views').send({ name: '팀 보기', filter: { slaBreached: true }, shared: true }).expect(201);
    await asAgent.put(`/saved-views/${teamView.body.id}`).send({ name: '바꿔치기' }).expect(403);
    await asAgent.delete(`/saved-views/${teamView.body.id}`).expect(403);

    const otherLead = await loginAs(server.app, await createUser({ role: 'lead' }));
    const unshared = await otherLead.put(`/saved-views/${teamView.body.id}`).send({ shared: false }).expect(200);
    expect(unshared.body.shared).toBe(false);
    await asAgent.get(`/saved-views/${teamView.body.id}`).expect(404);
    await asLead.delete(`/saved-views/${teamView.body.id}`).expect(200);
  });

  it('needs a session', async () => {
    const res = await fetch(`${server.baseUrl}/saved-views`);
    expect(res.status).toBe(401);
  });
});
