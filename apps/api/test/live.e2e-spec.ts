import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import request from 'supertest';
import type { Redis } from 'ioredis';
import { PRESENCE_TTL_MS, type LiveEvent, type LivePresenceEvent, type LiveTicketEvent } from '@shopdesk/contracts/live';
import { REDIS_CLIENT } from '@shopdesk/server/core/queue/queue.module';
import { presenceKey } from '@shopdesk/server/live/live-channel';
import { LiveHub } from '@shopdesk/server/live/live-hub';
import { PresenceService } from '@shopdesk/server/live/presence.service';
import { createTicket, createUser, type TestUser } from '@shopdesk/testing/factories';
import { TEST_QUEUE_PREFIX } from '@shopdesk/testing/test-env';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';

// The live queue across TWO API instances sharing one Redis: a change made through A reaches an
// event stream open on B, and so does presence. Every stream is closed before the servers are.

interface Stream {
  status: number;
  /** The next event (already received or still to come) that matches. */
  next<T extends LiveEvent>(match: (e: LiveEvent) => e is T): Promise<T>;
  raw: string[];
  close(): void;
}

/** A minimal SSE client: parses `event:`/`data:` frames from the response body. */
function openStream(baseUrl: string, cookie?: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const events: LiveEvent[] = [];
    const raw: string[] = [];
    const waiters: { match: (e: LiveEvent) => boolean; resolve: (e: LiveEvent) => void }[] = [];
    let req: ClientRequest | undefined = undefined;
    const deliver = (e: LiveEvent) => {
      events.push(e);
      for (const w of [...waiters]) {
        if (w.match(e)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(e);
        }
      }
    };
    req = httpRequest(`${baseUrl}/live/events`, { headers: cookie ? { cookie, accept: 'text/event-stream' } : {} }, (res: IncomingMessage) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (data) {
            raw.push(frame);
            deliver(JSON.parse(data) as LiveEvent);
          }
        }
      });
      res.on('error', () => undefined);
      resolve({
        status: res.statusCode ?? 0,
        raw,
        next: <T extends LiveEvent>(match: (e: LiveEvent) => e is T) =>
          new Promise<T>((done) => {
            const seen = events.find(match);
            if (seen) done(seen);
            else waiters.push({ match, resolve: done as (e: LiveEvent) => void });
          }),
        close: () => req?.destroy(),
      });
    });
    req.on('error', (err) => {
      if (!('code' in err) || err.code !== 'ECONNRESET') reject(err);
    });
    req.end();
  });
}

async function sessionCookie(server: TestServer, user: TestUser): Promise<string> {
  const res = await request(server.app.getHttpServer()).post('/auth/login').send({ email: user.email, password: user.password }).expect(200);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('sd_session='))!;
}

const isTicketEvent = (ticketId: string) => (e: LiveEvent): e is LiveTicketEvent => e.type === 'ticket' && e.ticketId === ticketId;
const isPresence = (ticketId: string, count: number) => (e: LiveEvent): e is LivePresenceEvent =>
  e.type === 'presence' && e.ticketId === ticketId && e.agents.length === count;

describe('live queue across two API instances (integration)', () => {
  let a: TestServer;
  let b: TestServer;
  let agentA: TestUser;
  let agentB: TestUser;
  const streams: Stream[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer(), startTestServer()]);
    await Promise.all([a.app.get(LiveHub).ready, b.app.get(LiveHub).ready]);
    [agentA, agentB] = await Promise.all([
      createUser({ role: 'agent', name: '김상담' }),
      createUser({ role: 'agent', name: '이상담' }),
    ]);
  });

  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const open = async (server: TestServer, cookie?: string) => {
    const s = await openStream(server.baseUrl, cookie);
    streams.push(s);
    return s;
  };

  it('refuses a stream without a session (401)', async () => {
    const s = await open(b);
    expect(s.status).toBe(401);
    await request(b.app.getHttpServer()).get('/live/presence/00000000-0000-4000-8000-000000000000').expect(401);
  });

  it('delivers a reply made through A to a stream open on B, without customer data', async () => {
    const ticket = await createTicket({ customer: { name: '최고객', email: 'live.customer@example.com', phone: '010-1111-2222' } });
    const stream = await open(b, await sessionCookie(b, agentB));
    expect(stream.status).toBe(200);

    const onA = await loginAs(a.app, agentA);
    await onA.post(`/tickets/${ticket.id}/messages`).send({ kind: 'public_reply', body: '확인해 보겠습니다.' }).expect(201);

    const event = await stream.next(
      (e): e is LiveTicketEvent => isTicketEvent(ticket.id)(e) && e.changes.includes('message_added'),
    );
    expect(event).toMatchObject({
      reference: ticket.reference,
      actor: { type: 'agent', id: agentA.id, name: '김상담' },
    });
    const frame = stream.raw.find((f) => f.includes(ticket.id) && f.includes('message_added'))!;
    expect(frame.startsWith('event: ticket\n')).toBe(true);
    expect(frame).not.toContain('live.customer@example.com');
    expect(frame).not.toContain('최고객');
    expect(frame).not.toContain('010-1111-2222');
  });

  it('shares presence set on A with B, announces it, and forgets it after the TTL', async () => {
    const ticket = await createTicket();
    const stream = await open(b, await sessionCookie(b, agentB));
    const onA = await loginAs(a.app, agentA);
    const onB = await loginAs(b.app, agentB);

    const viewing = await onA.post(`/live/presence/${ticket.id}`).send({ state: 'viewing' }).expect(200);
    expect(viewing.body).toEqual([expect.objectContaining({ userId: agentA.id, name: '김상담', state: 'viewing' })]);
    const announced = await stream.next(isPresence(ticket.id, 1));
    expect(announced.agents[0]).toMatchObject({ userId: agentA.id, state: 'viewing' });

    await onA.post(`/live/presence/${ticket.id}`).send({ state: 'replying' }).expect(200);
    await stream.next((e): e is LivePresenceEvent => isPresence(ticket.id, 1)(e) && e.agents[0].state === 'replying');

    const seenOnB = await onB.get(`/live/presence/${ticket.id}`).expect(200);
    expect(seenOnB.body).toEqual([expect.objectContaining({ userId: agentA.id, state: 'replying' })]);

    // Expiry without waiting: the entry is good for PRESENCE_TTL_MS, and so is the Redis key.
    const presence = b.app.get(PresenceService);
    expect(await presence.list(ticket.id, new Date(Date.now() + PRESENCE_TTL_MS + 1_000))).toEqual([]);
    const ttl = await b.app.get<Redis>(REDIS_CLIENT).pttl(presenceKey(TEST_QUEUE_PREFIX, ticket.id));
    expect(ttl).toBeLessThanOrEqual(PRESENCE_TTL_MS);

    // Leaving is announced with the remaining list (nobody).
    await onA.post(`/live/presence/${ticket.id}`).send({ state: 'viewing' }).expect(200);
    await onA.delete(`/live/presence/${ticket.id}`).expect(204);
    await stream.next(isPresence(ticket.id, 0));
    expect((await onB.get(`/live/presence/${ticket.id}`).expect(200)).body).toEqual([]);
  });

  it('names the bad field and the unknown ticket', async () => {
    const onA = await loginAs(a.app, agentA);
    const ticket = await createTicket();
    const bad = await onA.post(`/live/presence/${ticket.id}`).send({ state: 'typing' }).expect(422);
    expect(Object.keys(bad.body.errors)).toEqual(['state']);
    await onA.post('/live/presence/00000000-0000-4000-8000-000000000000').send({ state: 'viewing' }).expect(404);
    await onA.post('/live/presence/not-a-uuid').send({ state: 'viewing' }).expect(400);
  });

  it('ends open streams when the app shuts down', async () => {
    const extra = await startTestServer();
    const stream = await openStream(extra.baseUrl, await sessionCookie(extra, agentA));
    expect(extra.app.get(LiveHub).connectedClients).toBe(1);
    await extra.close(); // would never resolve if the open stream kept the HTTP server busy
    stream.close();
  });
});
