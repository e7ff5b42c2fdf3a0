import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createUser, seedTemplates, testQuery, type TestUser } from '@shopdesk/testing/factories';
import { micropaymentSubmission } from '@shopdesk/testing/public-form';
import { loginAs, startTestServer, withTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { freePort } from '@shopdesk/testing/net';
import { waitFor } from '@shopdesk/testing/worker-process';

describe('operations: health, metrics, request ids, headers (e2e)', () => {
  let server: TestServer;
  let admin: TestUser;
  beforeAll(async () => {
    await seedTemplates();
    server = await startTestServer();
    admin = await createUser({ role: 'admin' });
  });
  afterAll(() => server.close());
  const http = () => request(server.app.getHttpServer());

  it('answers liveness without asking anything and readiness after asking PostgreSQL and Redis', async () => {
    await http().get('/health/live').expect(200, { status: 'ok' });
    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
    await http().get('/health').expect(200);
  });

  it('keeps a caller X-Request-Id, mints one otherwise, and carries it into the jobs the request queues', async () => {
    const requestId = `it-${randomUUID()}`;
    const res = await http().post('/public/tickets').set('X-Request-Id', requestId).set('Idempotency-Key', randomUUID()).send(micropaymentSubmission());
    expect(res.status).toBe(201);
    expect(res.headers['x-request-id']).toBe(requestId);
    const outbox = await testQuery<{ payload: { data: { requestId?: string } } }>(
      `SELECT payload FROM outbox WHERE payload->'data'->>'requestId' = $1`,
      [requestId],
    );
    expect(outbox.length).toBeGreaterThan(0);

    const minted = await http().get('/health/live').set('X-Request-Id', 'bad id; with spaces');
    expect(minted.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves Prometheus metrics to loopback: HTTP latency per route template, queue depth, SLA breaches', async () => {
    const agent = await loginAs(server.app, admin);
    await agent.get(`/tickets/${randomUUID()}`).expect(404);
    const res = await http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/shopdesk_http_request_duration_seconds_count\{method="GET",route="\/tickets\/:id",status="404"\} \d+/);
    expect(res.text).not.toMatch(/route="\/tickets\/[0-9a-f]{8}-/); // never the raw path
    expect(res.text).toMatch(/shopdesk_queue_jobs\{queue="sla-ladder",state="delayed"\} \d+/);
    expect(res.text).toMatch(/shopdesk_queue_stalled_jobs_total\{queue="reshipments"\} \d+/);
    expect(res.text).toContain('# TYPE shopdesk_sla_breaches_total gauge');
    expect(res.text).toContain('shopdesk_process_resident_memory_bytes');
  });

  it('counts refused webhooks by source', async () => {
    await http().post('/webhooks/couriers/generic').set('Content-Type', 'application/json').send('{"events":[]}');
    const res = await http().get('/metrics').expect(200);
    expect(res.text).toMatch(/shopdesk_webhook_rejects_total\{source="generic",status="(401|404|503)"\} [1-9]/);
  });

  it('sends helmet headers and refuses cross-origin writes and CORS for origins not on the list', async () => {
    const res = await http().get('/health/live').set('Origin', 'https://evil.example');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    const post = await http()
      .post('/auth/login')
      .set('Origin', 'https://evil.example')
      .send({ email: admin.email, password: admin.password });
    expect(post.status).toBe(403);
    expect(post.body.message).toMatch(/허용되지 않은 출처/);
  });

  it('answers a request whose headers or URL are over 16 KB with the JSON error shape (431)', async () => {
    const long = await fetch(`${server.baseUrl}/tickets?q=${'가'.repeat(6_000)}`);
    expect(long.status).toBe(431);
    expect(await long.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('16 KB') });
  });

  it('requires the bearer token for /metrics once METRICS_TOKEN is set', async () => {
    await withTestServer({ METRICS_TOKEN: 'metrics-token-for-tests-0123' }, async (s) => {
      const r = () => request(s.app.getHttpServer());
      expect((await r().get('/metrics')).status).toBe(401);
      expect((await r().get('/metrics').set('Authorization', 'Bearer wrong-token-wrong-token-x')).status).toBe(401);
      await r().get('/metrics').set('Authorization', 'Bearer metrics-token-for-tests-0123').expect(200);
    });
  });
});

describe('readiness follows Redis (e2e, private redis-server)', () => {
  let redis: ChildProcess | undefined;
  afterAll(() => {
    redis?.kill('SIGKILL');
  });

  it('fails readiness, naming redis, while Redis does not answer, and recovers by itself', async () => {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--enable-debug-command', 'local'], { stdio: 'ignore' });
    await withTestServer({ REDIS_URL: `redis://127.0.0.1:${port}/0` }, async (s) => {
      const ready = () => request(s.app.getHttpServer()).get('/health/ready');
      await waitFor(async () => ((await ready()).status === 200 ? true : undefined), 10_000);
      // Redis stops answering for 5 s (the readiness probe gives up after 2 s). Killing it instead
      // would leave BullMQ 6 queue connections reconnecting after close, keeping jest alive.
      const sleeper = spawn('redis-cli', ['-p', String(port), 'DEBUG', 'SLEEP', '5'], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 300));
      const down = await ready();
      expect(down.status).toBe(503);
      expect(down.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(Object.keys(down.body.errors)).toEqual(['redis']);
      await request(s.app.getHttpServer()).get('/health/live').expect(200);
      await new Promise((r) => sleeper.once('exit', r));
      await waitFor(async () => ((await ready()).status === 200 ? true : undefined), 10_000);
    });
  }, 60_000);
});

describe('sign-in abuse and session revocation (e2e)', () => {
  it('locks an account after the configured failures per hour, with one message for known and unknown addresses', async () => {
    await withTestServer({ LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: '3' }, async (s) => {
      const user = await createUser({ role: 'agent' });
      const other = await createUser({ role: 'agent' });
      const login = (email: string, password: string) => request(s.app.getHttpServer()).post('/auth/login').send({ email, password });
      const unknown = `nobody.${randomUUID()}@shopdesk.test`;
      for (let i = 0; i < 3; i++) {
        expect((await login(user.email, 'wrong-password-123')).status).toBe(401);
        expect((await login(unknown, 'wrong-password-123')).status).toBe(401);
      }
      const locked = await login(user.email.toUpperCase(), user.password); // right password, still refused
      const lockedUnknown = await login(unknown, 'wrong-password-123');
      expect(locked.status).toBe(429);
      expect(lockedUnknown.status).toBe(429);
      expect(locked.body.message).toBe(lockedUnknown.body.message);
      expect(locked.body.message).toMatch(/로그인 시도가 너무 많습니다/);
      // Other accounts are unaffected; a success clears the count.
      expect((await login(other.email, 'wrong-password-123')).status).toBe(401);
      expect((await login(other.email, other.password)).status).toBe(200);
      for (let i = 0; i < 2; i++) expect((await login(other.email, 'wrong-password-123')).status).toBe(401);
      expect((await login(other.email, other.password)).status).toBe(200);
    });
  });

  it('ends every session of an agent the moment an admin deactivates it', async () => {
    const server = await startTestServer();
    try {
      const admin = await createUser({ role: 'admin' });
      const agent = await createUser({ role: 'agent' });
      const adminSession = await loginAs(server.app, admin);
      const first = await loginAs(server.app, agent);
      const second = await loginAs(server.app, agent);
      await first.get('/auth/me').expect(200);
      await adminSession.put(`/users/${agent.id}`).send({ active: false }).expect(200);
      await first.get('/auth/me').expect(401);
      await second.get('/tickets').expect(401);
      const rows = await testQuery(`SELECT 1 FROM sessions WHERE user_id = $1`, [agent.id]);
      expect(rows).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
