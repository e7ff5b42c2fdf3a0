import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { roleAtLeast, type UserRole } from '@shopdesk/contracts/users';
import { QueueName } from '@shopdesk/server/core/queue/queue-names';
import { EXPORT_TICKETS, exportJobId } from '@shopdesk/server/exports/ticket-export.job';
import { createUser, seedTemplates, type TestUser } from '@shopdesk/testing/factories';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { MOUNTED_ACCESS, ROUTE_ACCESS, servedRoutes, type Access, type RouteKey } from './route-access';
import { fileCustomerTicket, SECURITY_TAG, sessionCookie, type CustomerTicket } from './security-fixtures';

// Issue 9, "Abuse and input": every served route × every kind of caller answers exactly as
// ROUTE_ACCESS says. Deny is 401 (no valid session), 403 (role too low) or 404 (customer routes
// without the ticket's own token: they never say whether the ticket exists); allow is anything but
// 401/403 — request bodies are empty and ids of writes are unknown, so nothing is changed.

jest.setTimeout(120_000);

type PrincipalName = 'anonymous' | 'customerA' | 'customerB' | 'agent' | 'lead' | 'admin' | 'deactivated';
const PRINCIPALS: PrincipalName[] = ['anonymous', 'customerA', 'customerB', 'agent', 'lead', 'admin', 'deactivated'];
const STAFF_ROLE: Partial<Record<PrincipalName, UserRole>> = { agent: 'agent', lead: 'lead', admin: 'admin' };

type Expected = 'allow' | 401 | 403 | 404;

function expected(access: Access, who: PrincipalName): Expected {
  switch (access.kind) {
    case 'public':
    case 'metrics': // no METRICS_TOKEN in tests: loopback callers are let in
      return 'allow';
    case 'webhook':
      return 401;
    case 'customer':
      return who === 'customerA' ? 'allow' : 404;
    case 'role': {
      const role = STAFF_ROLE[who];
      if (!role) return 401; // anonymous, customer tokens, the deactivated agent's old session
      return roleAtLeast(role, access.min) ? 'allow' : 403;
    }
  }
}

let server: TestServer;
let A: CustomerTicket;
let B: CustomerTicket;
const staff: Partial<Record<PrincipalName, TestUser>> = {};
const cookies: Partial<Record<PrincipalName, string>> = {};
const http = () => request(server.app.getHttpServer());

beforeAll(async () => {
  await seedTemplates();
  server = await startTestServer();
  [A, B] = [await fileCustomerTicket(server), await fileCustomerTicket(server)];
  for (const [who, role] of [['agent', 'agent'], ['lead', 'lead'], ['admin', 'admin'], ['deactivated', 'agent']] as const) {
    staff[who] = await createUser({ role, email: `sec-authz-${who}-${randomUUID().slice(0, 8)}@shopdesk.test` });
    cookies[who] = await sessionCookie(server, staff[who]!);
  }
  // Signed in first, then deactivated by an admin: the session it holds must stop working.
  await http().put(`/users/${staff.deactivated!.id}`).set('Cookie', cookies.admin!).send({ active: false }).expect(200);
});
afterAll(async () => {
  await server?.close();
});

/** Concrete path for a route: real ids for reads (so IDOR checks reach data), unknown ids for writes. */
function fill(path: string, method: string): string {
  const write = method !== 'GET';
  const values: Record<string, string> = {
    id: write ? randomUUID() : A.id,
    ticketId: write ? randomUUID() : A.id,
    attachmentId: A.attachmentId,
    reference: A.reference,
    key: write ? `sec_missing_${randomUUID().slice(0, 8)}` : 'missing_item',
    stepId: 'step1',
    replyId: 'reply1',
    macroId: randomUUID(),
    jobId: randomUUID(),
    token: 'x'.repeat(40),
  };
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no sample value for :${name} in ${path}`);
    return encodeURIComponent(values[name]);
  });
}

const QUERY: Partial<Record<RouteKey, string>> = {
  // Keep the direct download small and never queue a background export.
  'GET /tickets/export.csv': `filter=${encodeURIComponent(JSON.stringify({ tag: SECURITY_TAG }))}`,
};

const STREAMING = new Set<RouteKey>(['GET /live/events']);

/** Status only: streams are cut once headers arrive. */
async function call(key: RouteKey, method: string, path: string, who: PrincipalName): Promise<number> {
  const headers: Record<string, string> = {};
  if (who === 'customerA') headers['x-ticket-token'] = A.token;
  if (who === 'customerB') headers['x-ticket-token'] = B.token;
  let cookie = cookies[who];
  // Logging out must not end the session the rest of the matrix uses.
  if (key === 'POST /auth/logout' && STAFF_ROLE[who]) cookie = await sessionCookie(server, staff[who]!);
  if (cookie) headers.cookie = cookie;
  const url = QUERY[key] ? `${path}?${QUERY[key]}` : path;

  if (STREAMING.has(key) || key.startsWith('GET /admin/queues')) {
    return new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.baseUrl}${url}`, { method, headers, agent: false }, (res) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      });
      req.on('error', reject).end();
    });
  }
  const req = http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url).set(headers);
  const res = method === 'GET' || method === 'DELETE' ? await req : await req.send({});
  return res.status;
}

function verdict(status: number, want: Expected): boolean {
  if (status >= 500) return false;
  return want === 'allow' ? status !== 401 && status !== 403 : status === want;
}

describe('authorization matrix', () => {
  it('has an expectation for every served route, and no stale ones', () => {
    const served = servedRoutes(server.app).map((r) => r.key);
    const missing = served.filter((k) => !(k in ROUTE_ACCESS));
    const stale = (Object.keys(ROUTE_ACCESS) as RouteKey[]).filter((k) => !served.includes(k));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('answers every route × principal exactly as specified', async () => {
    const routes = [
      ...servedRoutes(server.app).filter((r) => r.key in ROUTE_ACCESS),
      ...Object.keys(MOUNTED_ACCESS).map((key) => {
        const [method, path] = key.split(' ');
        return { key: key as RouteKey, method, path };
      }),
    ];
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const access = ROUTE_ACCESS[route.key] ?? MOUNTED_ACCESS[route.key];
      const path = fill(route.path, route.method);
      const results = await Promise.all(
        PRINCIPALS.map(async (who) => [who, await call(route.key, route.method, path, who)] as const),
      );
      for (const [who, status] of results) {
        checked++;
        const want = expected(access, who);
        if (!verdict(status, want)) mismatches.push(`${route.key} as ${who}: got ${status}, expected ${want}`);
      }
    }
    console.log(`authorization matrix: ${routes.length} routes × ${PRINCIPALS.length} principals = ${checked} checks`);
    expect(mismatches).toEqual([]);
  });
});

describe('no IDOR through references, tokens, attachment ids or exports', () => {
  const get = (path: string, token?: string) => {
    const req = http().get(path);
    return token ? req.set('X-Ticket-Token', token) : req;
  };

  it("ticket B's token never opens ticket A, on any customer route", async () => {
    expect((await get(`/public/tickets/${A.reference}`, B.token)).status).toBe(404);
    expect((await get(`/public/tickets/${A.reference}`, A.token)).status).toBe(200);
    for (const action of ['confirm', 'reopen']) {
      expect((await http().post(`/public/tickets/${A.reference}/${action}`).set('X-Ticket-Token', B.token)).status).toBe(404);
    }
    const reply = await http().post(`/public/tickets/${A.reference}/messages`).set('X-Ticket-Token', B.token).send({ body: '남의 문의에 답장 / reply' });
    expect(reply.status).toBe(404);
    // The 404 is the same answer as for a reference that does not exist.
    const unknown = await get(`/public/tickets/SD-999999999`, B.token);
    expect(unknown.status).toBe(404);
    expect((await get(`/public/tickets/${A.reference}`, B.token)).body).toEqual(unknown.body);
  });

  it("an attachment of ticket A is not fetchable through ticket B's reference or token", async () => {
    const own = `/public/tickets/${A.reference}/attachments/${A.attachmentId}`;
    expect((await get(own, A.token)).status).toBe(200);
    expect((await get(`/public/tickets/${B.reference}/attachments/${A.attachmentId}`, B.token)).status).toBe(404);
    expect((await get(own, B.token)).status).toBe(404);
    expect((await get(own)).status).toBe(404);
    // Staff route: the attachment id must belong to the ticket in the path.
    const agent = cookies.agent!;
    expect((await http().get(`/tickets/${A.id}/attachments/${A.attachmentId}`).set('Cookie', agent)).status).toBe(200);
    expect((await http().get(`/tickets/${B.id}/attachments/${A.attachmentId}`).set('Cookie', agent)).status).toBe(404);
  });

  it('a customer token is no staff session, in a header or as the session cookie', async () => {
    expect((await get(`/tickets/${A.id}`, A.token)).status).toBe(401);
    expect((await http().get(`/tickets/${A.id}`).set('Cookie', `sd_session=${A.token}`)).status).toBe(401);
    expect((await http().get(`/tickets/${A.id}/attachments/${A.attachmentId}`).set('Cookie', `sd_session=${A.token}`)).status).toBe(401);
  });

  it("an export is read only by the agent who requested it (others get 404, not the file)", async () => {
    const queue = server.app.get<Queue>(getQueueToken(QueueName.Exports));
    const exportId = randomUUID();
    // A queued export of the admin's (no worker runs here, so it stays queued until removed).
    const job = await queue.add(
      EXPORT_TICKETS,
      { exportId, requestedBy: staff.admin!.id, fileName: 'sec.csv', createdAt: new Date().toISOString() },
      { jobId: exportJobId(exportId), delay: 3_600_000 },
    );
    try {
      expect((await http().get(`/exports/${exportId}`).set('Cookie', cookies.admin!)).status).toBe(200);
      for (const who of ['agent', 'lead'] as const) {
        expect((await http().get(`/exports/${exportId}`).set('Cookie', cookies[who]!)).status).toBe(404);
        expect((await http().get(`/exports/${exportId}/download`).set('Cookie', cookies[who]!)).status).toBe(404);
      }
    } finally {
      await job.remove();
    }
  });

  it("an agent's personal saved view is invisible and untouchable for other staff", async () => {
    const created = await http()
      .post('/saved-views')
      .set('Cookie', cookies.agent!)
      .send({ name: `sec ${randomUUID().slice(0, 6)}`, filter: { tag: SECURITY_TAG } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    try {
      for (const who of ['lead', 'admin'] as const) {
        expect((await http().get(`/saved-views/${id}`).set('Cookie', cookies[who]!)).status).toBe(404);
        expect([403, 404]).toContain((await http().put(`/saved-views/${id}`).set('Cookie', cookies[who]!).send({ name: 'taken' })).status);
        expect([403, 404]).toContain((await http().delete(`/saved-views/${id}`).set('Cookie', cookies[who]!)).status);
      }
    } finally {
      await http().delete(`/saved-views/${id}`).set('Cookie', cookies.agent!).expect(200);
    }
  });

  it('the deactivated agent can neither use its old session nor sign in again', async () => {
    expect((await http().get('/auth/me').set('Cookie', cookies.deactivated!)).status).toBe(401);
    const login = await http().post('/auth/login').send({ email: staff.deactivated!.email, password: staff.deactivated!.password });
    expect(login.status).toBe(401);
  });
});
