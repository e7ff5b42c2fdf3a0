import request from 'supertest';
import { createUser, type TestUser } from '@shopdesk/testing/factories';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';

describe('auth (e2e)', () => {
  let server: TestServer;
  let agent: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    agent = await createUser({ role: 'agent' });
  });
  afterAll(() => server.close());

  it('logs in with an httpOnly, SameSite session cookie and answers /auth/me', async () => {
    const res = await request(server.app.getHttpServer())
      .post('/auth/login')
      .send({ email: agent.email.toUpperCase(), password: agent.password })
      .expect(200);
    expect(res.body.user).toMatchObject({ id: agent.id, email: agent.email, role: 'agent' });
    expect(res.body.user.passwordHash).toBeUndefined();
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/sd_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const me = await request(server.app.getHttpServer())
      .get('/auth/me')
      .set('Cookie', cookie.split(';')[0])
      .expect(200);
    expect(me.body.user.id).toBe(agent.id);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const http = server.app.getHttpServer();
    const wrong = await request(http).post('/auth/login').send({ email: agent.email, password: 'nope-nope-nope' });
    const unknown = await request(http)
      .post('/auth/login')
      .send({ email: 'nobody@shopdesk.test', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses inactive users', async () => {
    const gone = await createUser({ active: false });
    await request(server.app.getHttpServer())
      .post('/auth/login')
      .send({ email: gone.email, password: gone.password })
      .expect(401);
  });

  it('requires a session on agent routes and ends it on logout', async () => {
    const http = server.app.getHttpServer();
    const anon = await request(http).get('/tickets').expect(401);
    expect(anon.body.code).toBe('UNAUTHENTICATED');
    await request(http).get('/tickets').set('Cookie', 'sd_session=forged-token').expect(401);

    const session = await loginAs(server.app, agent);
    await session.get('/tickets').expect(200);
    await session.post('/auth/logout').expect(204);
    await session.get('/tickets').expect(401);
  });

  it('refuses cross-origin writes', async () => {
    const session = await loginAs(server.app, agent);
    const res = await session.post('/auth/logout').set('Origin', 'https://evil.example').expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('keeps role boundaries: agents cannot manage users, admins can', async () => {
    const session = await loginAs(server.app, agent);
    const denied = await session
      .post('/users')
      .send({ email: 'new@shopdesk.test', name: '신규', role: 'agent', password: 'long-enough-pw' })
      .expect(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    await session.get('/users').expect(200); // agents still see colleagues for assignment

    const admin = await createUser({ role: 'admin' });
    const adminSession = await loginAs(server.app, admin);
    const created = await adminSession
      .post('/users')
      .send({ email: 'New.Agent@shopdesk.test', name: '신규 상담원', role: 'agent', password: 'long-enough-pw' })
      .expect(201);
    expect(created.body).toMatchObject({ email: 'new.agent@shopdesk.test', role: 'agent', active: true });
    const dup = await adminSession
      .post('/users')
      .send({ email: 'new.agent@shopdesk.test', name: '중복', role: 'agent', password: 'long-enough-pw' })
      .expect(409);
    expect(dup.body.errors).toHaveProperty('email');
    const self = await adminSession.put(`/users/${admin.id}`).send({ active: false }).expect(403);
    expect(self.body.code).toBe('FORBIDDEN');
  });
});

describe('login rate limit (e2e)', () => {
  let server: TestServer;
  const previous = process.env.LOGIN_RATE_LIMIT_PER_MINUTE;

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '3';
    server = await startTestServer();
  });
  afterAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = previous;
    await server.close();
  });

  it('answers 429 after the configured number of attempts per minute', async () => {
    const http = server.app.getHttpServer();
    // Counters live in Redis (shared by API instances); a client address of its own keeps this
    // test apart from other logins (the API trusts X-Forwarded-For from loopback only).
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await request(http)
        .post('/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ email: 'x@shopdesk.test', password: 'wrong-password' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // A second API instance shares the counter: the same client is still limited there.
    const other = await startTestServer();
    try {
      const res = await request(other.app.getHttpServer())
        .post('/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ email: 'x@shopdesk.test', password: 'wrong-password' });
      expect(res.status).toBe(429);
      expect(res.body.message).toMatch(/요청이 너무 많습니다/);
    } finally {
      await other.close();
    }
  });
});
