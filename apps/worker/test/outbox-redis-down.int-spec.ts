// Redis stopped while reshipments are created: the API still answers (PostgreSQL holds the request
// and its outbox row), and once Redis is back the worker's relay delivers every request exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeFactories, createTicket, createUser, testQuery } from '@shopdesk/testing/factories';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { SANDBOX_API_KEY, SANDBOX_CALLBACK_SECRET, startWarehouseSandbox } from '@shopdesk/testing/warehouse-sandbox';
import { freePort } from '@shopdesk/testing/net';
import { startWorkerProcess, waitFor, type WorkerProcess } from '@shopdesk/testing/worker-process';

jest.setTimeout(90_000);

const API_KEY = SANDBOX_API_KEY;
const CALLBACK_SECRET = SANDBOX_CALLBACK_SECRET;

/** A Redis of our own, so stopping it disturbs nothing else on the machine. */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  return waitFor(async () => (out.includes('Ready to accept connections') ? child : undefined), 10_000);
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

describe('outbox keeps reshipments while Redis is down', () => {
  let redisPort: number;
  let redis: ChildProcess;
  let sandbox: ChildProcess;
  let sandboxUrl: string;
  let server: TestServer;
  let worker: WorkerProcess;
  const saved = { ...process.env };

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    process.env.REDIS_URL = `redis://127.0.0.1:${redisPort}/0`;
    ({ child: sandbox, url: sandboxUrl } = await startWarehouseSandbox({ WAREHOUSE_DELAY_MS: '50' }));
    process.env.WAREHOUSE_API_URL = sandboxUrl;
    process.env.WAREHOUSE_API_KEY = API_KEY;
    process.env.WAREHOUSE_CALLBACK_SECRET = CALLBACK_SECRET;
    server = await startTestServer();
    process.env.PUBLIC_BASE_URL = server.baseUrl;
    worker = await startWorkerProcess();
  }, 60_000);

  afterAll(async () => {
    // Everything that talks to our private Redis closes before it stops, or its reconnect loop
    // would keep jest alive.
    await worker?.stop();
    await server?.close();
    await closeFactories();
    if (sandbox) await stopProcess(sandbox);
    if (redis) await stopProcess(redis);
    process.env = saved;
  });

  it('creates requests with Redis stopped and delivers each exactly once after it returns', async () => {
    const s = await loginAs(server.app, await createUser());
    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push(await createTicket({ subject: `레디스 중단 중 재배송 ${i}` }));

    await stopProcess(redis, 'SIGKILL'); // Redis gone: queues are unreachable
    const ids: string[] = [];
    for (const [i, t] of tickets.entries()) {
      const started = Date.now();
      const res = await s.post(`/tickets/${t.id}/reshipments`).send({ items: [{ sku: `SKU-R${i}`, qty: 1 }], reason: '재발송' });
      expect(res.status).toBe(201); // PostgreSQL is the truth; Redis is not on the request path
      expect(Date.now() - started).toBeLessThan(5_000);
      ids.push(res.body.id);
    }
    const [{ pending }] = await testQuery<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM outbox WHERE dispatched_at IS NULL AND payload->'data'->>'reshipmentId' = ANY($1)`,
      [ids],
    );
    expect(pending).toBe(ids.length);

    redis = await startRedis(redisPort); // back, empty
    await waitFor(async () => {
      const [{ n }] = await testQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM reshipment_requests WHERE id = ANY($1::uuid[]) AND status IN ('accepted', 'shipped')`,
        [ids],
      );
      return n === ids.length ? true : undefined;
    }, 60_000);
    const stats = (await (await fetch(`${sandboxUrl}/stats`)).json()) as { byKey: Record<string, number> };
    const keys = await testQuery<{ idempotency_key: string }>(`SELECT idempotency_key FROM reshipment_requests WHERE id = ANY($1::uuid[])`, [ids]);
    for (const k of keys) expect(stats.byKey[k.idempotency_key]).toBe(1);
  });
});
