import { getQueueToken } from '@nestjs/bullmq';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { templateDefinitionSchema } from '@shopdesk/contracts/scenario-schema';
import { slaPolicyInputSchema } from '@shopdesk/contracts/sla-schema';
import { QueueName } from '@shopdesk/server/core/queue/queue-names';
import { createTicket, createUser, seedTemplates, testQuery, type TestUser } from '@shopdesk/testing/factories';
import { micropaymentSubmission } from '@shopdesk/testing/public-form';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import {
  FUZZ_EMAIL_DOMAIN,
  fromSchema,
  listQuery,
  mutated,
  shortNastyString,
  nastyValue,
  pathParam,
  rawBody,
  type JsonSchema,
} from './fuzz-arbitraries';
import { ROUTE_ACCESS, servedRoutes, type RouteKey } from './route-access';
import { fileCustomerTicket, SECURITY_TAG, sessionCookie, type CustomerTicket } from './security-fixtures';

// Issue 9, "Abuse and input": property-based fuzzing of every public and agent route, in process.
// Bodies come from the routes' schemas (OpenAPI from the Nest DTOs; zod contracts for templates and
// SLA policies), from mutations of valid samples, and from hostile raw bodies; path parameters and
// query strings are hostile too. Agent routes run as an admin, public ones anonymously, customer
// routes with a real ticket's token. Every answer must be < 500, and every 4xx a JSON body with a
// message. A failure prints the route, the seed and the input:
//   FUZZ_SEED=<seed> FUZZ_ROUTE='<METHOD /path>' [FUZZ_SHRINK=1] npx jest apps/api/test/security/fuzz.e2e-spec.ts

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 10_500);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const ONLY = process.env.FUZZ_ROUTE;
const PARALLEL_ROUTES = 4;

jest.setTimeout(300_000);

/** Not fuzzed: a never-ending stream, and logging out (it would end the fuzzing session). */
const SKIP = new Set<RouteKey>(['GET /live/events', 'POST /auth/logout']);
/** Ticket routes whose writes may touch the fuzz's own ticket (the rest get unknown ids only). */
const OWN_TICKET_WRITES = /^(PUT \/tickets\/:id|POST \/tickets\/:id\/(messages|assign|status|priority|tags|scenario.*|macros.*)|PUT \/tickets\/:id\/scenario.*|(POST|DELETE) \/live\/presence\/:ticketId)$/;

let server: TestServer;
let admin: TestUser;
let adminCookie: string;
let A: CustomerTicket;
let fuzzTicketId: string;
const startedAt = new Date();
let slaPolicyIds: string[] = [];

beforeAll(async () => {
  await seedTemplates();
  server = await startTestServer();
  admin = await createUser({ role: 'admin', email: `sec-fuzz-admin-${randomUUID().slice(0, 8)}@shopdesk.test` });
  adminCookie = await sessionCookie(server, admin);
  A = await fileCustomerTicket(server);
  // No customer e-mail: agent replies fuzzed onto this ticket never become mail.
  fuzzTicketId = (await createTicket({ tags: [SECURITY_TAG], customer: { name: '퍼즈 고객' } })).id;
  slaPolicyIds = (await testQuery<{ id: string }>(`SELECT id FROM sla_policies`)).map((r) => r.id);
});

afterAll(async () => {
  if (server) await cleanUp();
  await server?.close();
});

/**
 * Leaves the shared test DB and queues as they were: nothing the fuzz created may act later.
 * (Through the app's own connection: the factories' context is already closed in afterAll.)
 */
async function cleanUp(): Promise<void> {
  const db = server.app.get(DataSource);
  const sql = <T,>(text: string, params: unknown[] = []) => db.query(text, params) as Promise<T[]>;
  const [made] = await sql<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM tickets WHERE created_at >= $1) AS tickets,
            (SELECT count(*)::int FROM users WHERE email LIKE $2) AS users,
            (SELECT count(*)::int FROM scenario_templates WHERE created_by = $3) AS templates,
            (SELECT count(*)::int FROM sla_policies WHERE NOT (id = ANY($4::uuid[]))) AS "slaPolicies",
            (SELECT count(*)::int FROM macros WHERE owner_id = $3) AS macros,
            (SELECT count(*)::int FROM saved_views WHERE owner_id = $3) AS "savedViews",
            (SELECT count(*)::int FROM bulk_actions WHERE requester_id = $3) AS "bulkActions"`,
    [startedAt, `%@${FUZZ_EMAIL_DOMAIN}`, admin.id, slaPolicyIds],
  );
  console.log(`fuzz clean-up: created during the run ${JSON.stringify(made)}; removed all but the (tagged) tickets`);
  const bulk = await sql<{ id: string }>(`SELECT id FROM bulk_actions WHERE requester_id = $1`, [admin.id]);
  const bulkQueue = server.app.get<Queue>(getQueueToken(QueueName.BulkActions));
  for (const job of await bulkQueue.getJobs(['waiting', 'delayed', 'prioritized', 'waiting-children'])) {
    if (bulk.some((b) => JSON.stringify(job.data).includes(b.id))) await job.remove();
  }
  await sql(`UPDATE bulk_actions SET state = 'failed', finished_at = now() WHERE requester_id = $1 AND finished_at IS NULL`, [admin.id]);
  const exportsQueue = server.app.get<Queue>(getQueueToken(QueueName.Exports));
  for (const job of await exportsQueue.getJobs(['waiting', 'delayed', 'prioritized', 'waiting-children'])) {
    if ((job.data as { requestedBy?: string }).requestedBy === admin.id) await job.remove();
  }
  await sql(`DELETE FROM users WHERE email LIKE $1`, [`%@${FUZZ_EMAIL_DOMAIN}`]);
  // Templates and SLA policies the fuzz managed to create, with whatever fuzzed tickets got from them.
  await sql(`DELETE FROM ticket_scenarios WHERE template_id IN (SELECT id FROM scenario_templates WHERE created_by = $1)`, [admin.id]);
  await sql(`DELETE FROM scenario_templates WHERE created_by = $1`, [admin.id]);
  await sql(`DELETE FROM ticket_sla WHERE NOT (policy_id = ANY($1::uuid[]))`, [slaPolicyIds]);
  await sql(`DELETE FROM sla_policies WHERE NOT (id = ANY($1::uuid[]))`, [slaPolicyIds]);
  await sql(`DELETE FROM macros WHERE owner_id = $1`, [admin.id]);
  await sql(`DELETE FROM saved_views WHERE owner_id = $1`, [admin.id]);
  await sql(
    `UPDATE outbound_messages SET status = 'not_sent', status_reason = 'security fuzz'
      WHERE status = 'queued' AND created_at >= $1`,
    [startedAt],
  );
  await sql(
    `UPDATE tickets SET tags = array_append(tags, $2) WHERE created_at >= $1 AND NOT ($2 = ANY(tags))`,
    [startedAt, SECURITY_TAG],
  );
}

// ---- what each route accepts ----

type Body = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; contentType: string; text: string };
interface FuzzInput {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: Body;
}

const zodJson = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;

/** Valid samples for routes whose schema is code, not data (the customer side, webhooks, login). */
function samples(): Partial<Record<RouteKey, Record<string, unknown>>> {
  const submission = micropaymentSubmission({ contact: { name: '퍼즈', email: `form@${FUZZ_EMAIL_DOMAIN}`, phone: '010-2345-6789' } });
  return {
    'POST /auth/login': { email: admin.email, password: 'wrong-password-123' },
    'POST /public/tickets': submission as unknown as Record<string, unknown>,
    'POST /public/links': { email: `lost@${FUZZ_EMAIL_DOMAIN}`, reference: A.reference, locale: 'ko' },
    'POST /public/tickets/:reference/messages': { body: '확인 부탁드립니다.' },
    'POST /webhooks/couriers/generic': { events: [{ id: 'e1', waybill: '5123456789', courier: '04', status: 'in_transit', occurred_at: new Date().toISOString() }] },
    'POST /webhooks/warehouse': { requestId: randomUUID(), status: 'shipped' },
    'POST /tickets/:id/scenario': { templateKey: 'missing_item' },
    'POST /bulk-actions': { action: 'add_tag', params: { tag: SECURITY_TAG }, ids: [randomUUID()] },
    'POST /saved-views': { name: 'fuzz', filter: { tag: SECURITY_TAG }, sort: { field: 'createdAt', order: 'DESC' } },
    'POST /macros': { title: 'fuzz', body: { ko: '안녕하세요 {{customerName}}', en: 'Hello' }, shared: false },
  };
}

interface Target {
  key: RouteKey;
  method: string;
  path: string;
  who: 'admin' | 'anonymous' | 'customer';
  input: fc.Arbitrary<FuzzInput>;
  weight: number;
}

function buildTargets(): Target[] {
  const doc = SwaggerModule.createDocument(server.app, new DocumentBuilder().build());
  const defs = (doc.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const zodBodies: Partial<Record<RouteKey, JsonSchema>> = {
    'POST /scenario-templates': zodJson(templateDefinitionSchema),
    'PUT /scenario-templates/:key': zodJson(templateDefinitionSchema),
    'POST /scenario-templates/validate': zodJson(templateDefinitionSchema),
    'POST /sla-policies': zodJson(slaPolicyInputSchema),
    'PUT /sla-policies/:id': zodJson(slaPolicyInputSchema),
  };
  const sample = samples();
  const targets: Target[] = [];
  for (const route of servedRoutes(server.app)) {
    const access = ROUTE_ACCESS[route.key];
    if (!access || SKIP.has(route.key) || access.kind === 'metrics') continue;
    if (ONLY && route.key !== ONLY) continue;
    const who = access.kind === 'role' ? 'admin' : access.kind === 'customer' ? 'customer' : 'anonymous';
    const write = route.method !== 'GET';

    const paramNames = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
    const params = fc.record(
      Object.fromEntries(paramNames.map((name) => [name, paramArbitrary(name, route.key, write)])) as Record<string, fc.Arbitrary<string>>,
    );

    const op = (doc.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')] as Record<string, any> | undefined)?.[route.method.toLowerCase()];
    const schema: JsonSchema | undefined = zodBodies[route.key] ?? op?.requestBody?.content?.['application/json']?.schema;
    const hasSchema = !!schema && (!!schema.$ref || !!schema.properties);
    const bodyChoices: { weight: number; arbitrary: fc.Arbitrary<Body> }[] = [
      { weight: 1, arbitrary: nastyValue.map((value) => ({ kind: 'json' as const, value })) },
      { weight: 1, arbitrary: rawBody.map((r) => ({ kind: 'raw' as const, ...r })) },
    ];
    if (hasSchema) {
      const zodDefs = (schema as JsonSchema).$defs ?? (schema as JsonSchema).definitions ?? {};
      bodyChoices.push({ weight: 4, arbitrary: fromSchema(schema!, { ...defs, ...zodDefs }).map((value) => ({ kind: 'json' as const, value })) });
    }
    if (sample[route.key]) bodyChoices.push({ weight: 4, arbitrary: mutated(sample[route.key]!).map((value) => ({ kind: 'json' as const, value })) });
    const body: fc.Arbitrary<Body> = write ? fc.oneof(...bodyChoices) : fc.constant({ kind: 'none' as const });

    const isList = route.method === 'GET' && (paramNames.length === 0 || /messages|events/.test(route.path));
    const query = isList
      ? listQuery(['q', 'status', 'tag', 'assigneeId', 'mine', 'unread', 'shared', 'id'], ['createdAt', 'priority', 'name', 'title'])
      : fc.dictionary(fc.constantFrom('q', 'filter', 'sort', 'id', 'lang'), shortNastyString, { maxKeys: 2 });

    const inputs = paramNames.length + (write ? 2 : 0) + (isList ? 2 : 0);
    targets.push({
      key: route.key,
      method: route.method,
      path: route.path,
      who,
      input: fc.record({ params, query, body }),
      weight: inputs === 0 ? 0.3 : Math.min(3, inputs),
    });
  }
  return targets;
}

function paramArbitrary(name: string, key: RouteKey, write: boolean): fc.Arbitrary<string> {
  const hostile = pathParam;
  const known: Record<string, string | undefined> = {
    id: key.includes('/tickets/:id') && (!write || OWN_TICKET_WRITES.test(key)) ? fuzzTicketId : undefined,
    ticketId: fuzzTicketId,
    reference: A.reference,
    attachmentId: A.attachmentId,
    key: write ? undefined : 'missing_item',
  };
  const real = known[name];
  return real ? fc.oneof({ weight: 2, arbitrary: fc.constant(real) }, { weight: 1, arbitrary: hostile }) : hostile;
}

// ---- sending and judging ----

/** Percent-encodes every byte that is not unreserved (lone surrogates become U+FFFD, as a browser would). */
function enc(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

function queryString(query: Record<string, unknown>): string {
  const parts = Object.entries(query).map(([k, v]) => `${enc(k)}=${enc(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

async function send(target: Target, input: FuzzInput): Promise<request.Response> {
  const path = target.path.replace(/:([A-Za-z]+)/g, (_, name: string) => enc(input.params[name]));
  const method = target.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  const req = request(server.app.getHttpServer())[method](path + queryString(input.query)).timeout({ response: 15_000, deadline: 30_000 });
  if (target.who === 'admin') req.set('Cookie', adminCookie);
  if (target.who === 'customer') req.set('X-Ticket-Token', A.token);
  if (input.body.kind === 'json') return req.set('Content-Type', 'application/json').send(JSON.stringify(input.body.value) ?? 'null');
  if (input.body.kind === 'raw') return req.set('Content-Type', input.body.contentType).send(input.body.text);
  return req;
}

/** Why a response is wrong, or null when it is fine. */
function problem(res: request.Response): string | null {
  if (res.status >= 500) return `status ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`;
  if (res.status >= 400) {
    const message = (res.body as { message?: unknown } | undefined)?.message;
    if (!/json/.test(String(res.headers['content-type']))) return `status ${res.status} without a JSON body (${res.headers['content-type']})`;
    if (typeof message !== 'string' || !message.trim()) return `status ${res.status} without a message: ${JSON.stringify(res.body).slice(0, 300)}`;
  }
  return null;
}

function describeInput(input: FuzzInput): string {
  const body = input.body.kind === 'json' ? JSON.stringify(input.body.value) : input.body.kind === 'raw' ? `${input.body.contentType}: ${input.body.text}` : '';
  const clip = (s: string | undefined) => (s && s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  return JSON.stringify({ params: input.params, query: clip(JSON.stringify(input.query)), body: clip(body) });
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

describe('fuzzing every public and agent route', () => {
  it(`answers ${TOTAL_RUNS}+ generated requests with < 500 and a message on every 4xx`, async () => {
    const targets = buildTargets();
    const weights = targets.reduce((s, t) => s + t.weight, 0);
    const runsOf = (t: Target) => Math.max(10, Math.ceil((TOTAL_RUNS * t.weight) / weights));
    const failures: string[] = [];
    let sent = 0;
    const byClass: Record<string, number> = {};
    const started = Date.now();
    console.log(`fuzz: seed ${SEED}, ${targets.length} routes`);

    // Each route's seed depends only on the run's seed and the route, so FUZZ_ROUTE replays it alone.
    const queue = targets.map((t) => ({ t, seed: (SEED ^ hash(t.key)) | 0 }));
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { t, seed } = next;
        let last = '';
        const details = await fc.check(
          fc.asyncProperty(t.input, async (input) => {
            sent++;
            const why = await send(t, input).then(
              (res) => {
                const cls = `${Math.floor(res.status / 100)}xx`;
                byClass[cls] = (byClass[cls] ?? 0) + 1;
                return problem(res);
              },
              (e: Error) => `no answer: ${e.message}`,
            );
            if (why) last = `${why}\n      input ${describeInput(input)}`;
            return why === null;
          }),
          { numRuns: runsOf(t), seed, endOnFailure: process.env.FUZZ_SHRINK !== '1' },
        );
        if (details.failed) {
          failures.push(`${t.key} (FUZZ_SEED=${SEED} FUZZ_ROUTE='${t.key}', fast-check seed ${seed}, path ${details.counterexamplePath})\n      ${last}`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_ROUTES }, worker));
    console.log(`fuzz: ${sent} requests to ${targets.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s (${JSON.stringify(byClass)}), ${failures.length} failing routes`);
    if (failures.length) console.log(`fuzz failures:\n${failures.join('\n')}`);
    expect(failures.map((f) => f.split(' (')[0])).toEqual([]);
    if (!ONLY) expect(sent).toBeGreaterThanOrEqual(TOTAL_RUNS);
  });
});
