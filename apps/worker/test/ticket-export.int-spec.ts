// CSV export of the ticket list: a small filter downloads at once; 100,000 tickets (seeded with
// generate_series) go through the `exports` job in the real worker process, which streams them
// from a server-side cursor into a file. The worker's peak RSS is printed to show memory stays flat.
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { createTicket, createUser, type TestUser } from '@shopdesk/testing/factories';
import { TEST_DATABASE_URL } from '@shopdesk/testing/test-env';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { startWorkerProcess, waitFor, type WorkerProcess } from '@shopdesk/testing/worker-process';

jest.setTimeout(300_000);

const BIG = 100_000;

/** RFC 4180: quoted cells may hold commas, doubled quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

const csvOf = (body: Buffer) => {
  const text = body.toString('utf8');
  return { bom: text.charCodeAt(0) === 0xfeff, rows: parseCsv(text.replace(/^\uFEFF/, '')) };
};

function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return Number(line!.replace(/\D+/g, '')) / 1024;
}

describe('ticket CSV export', () => {
  let server: TestServer;
  let worker: WorkerProcess;
  let agent: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    agent = await createUser({ role: 'agent', name: '김상담' });
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await server?.close();
  });

  const binary = (req: import('supertest').Test) =>
    req.buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

  it('downloads a small filter directly, quoted, with a BOM and the list phone format', async () => {
    const tricky = await createTicket({ subject: '상자, 그리고 "포장"\n두 줄', tags: ['export-small'], customer: { name: '박지훈', email: 'jh@example.com', phone: '010-9876-5432' } });
    await createTicket({ tags: ['export-small'] });
    await createTicket({ tags: ['other'] });
    const s = await loginAs(server.app, agent);
    const res = await binary(s.get('/tickets/export.csv').query({ filter: JSON.stringify({ tag: 'export-small' }), sort: JSON.stringify(['reference', 'ASC']) }));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tickets-\d{8}-\d{4}\.csv"$/);
    const { bom, rows } = csvOf(res.body as Buffer);
    expect(bom).toBe(true);
    expect(rows[0][0]).toBe('번호 / Reference');
    expect(rows).toHaveLength(3);
    const row = rows.find((r) => r[0] === tricky.reference)!;
    const col = (name: string) => row[rows[0].findIndex((h) => h.endsWith(`/ ${name}`))];
    expect(col('Subject')).toBe('상자, 그리고 "포장"\n두 줄');
    expect(col('Customer')).toBe('박지훈');
    expect(col('Phone')).toBe('010-9876-5432');
    expect(col('Created (KST)')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('refuses a filter outside the allowlist, naming it', async () => {
    const s = await loginAs(server.app, agent);
    const res = await s.get('/tickets/export.csv').query({ filter: JSON.stringify({ customer_email: 'x' }) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('filter');
  });

  it('needs a session', async () => {
    expect((await fetch(`${server.baseUrl}/tickets/export.csv`)).status).toBe(401);
  });

  it(`exports ${BIG.toLocaleString('en')} tickets through the worker job with flat memory`, async () => {
    // A dedicated connection without the app's statement timeout; ordinary triggers (the search
    // vector's) are off for this session only — the export does not read them, and they make
    // 100,000 inserts take minutes.
    const seed = new Client({ connectionString: TEST_DATABASE_URL });
    await seed.connect();
    await seed.query(`SET session_replication_role = replica`);
    await seed.query(
      `INSERT INTO tickets (reference, type, status, priority, channel, subject, customer_name, customer_email, customer_phone, tags, created_at)
       SELECT 'EXP-' || lpad(g::text, 6, '0'), 'refund', 'open', 'normal', 'form',
              '환불 요청, "긴급" #' || g, '홍길동' || g, 'gd' || g || '@example.com',
              '010-' || lpad((g % 10000)::text, 4, '0') || '-' || lpad((g % 9999)::text, 4, '0'),
              '{export-big}', now() - make_interval(secs => g)
         FROM generate_series(1, $1::int) g`,
      [BIG],
    );
    await seed.end();
    worker = await startWorkerProcess();
    const idlePeak = peakRssMb(worker.child.pid!);
    const s = await loginAs(server.app, agent);
    const started = await s.get('/tickets/export.csv').query({ filter: JSON.stringify({ tag: 'export-big' }) });
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`/exports/${started.body.id}`);
    expect(started.body).toMatchObject({ state: 'queued', progress: 0 });

    const seen = new Set<number>();
    const done = await waitFor(async () => {
      const r = await s.get(`/exports/${started.body.id}`).expect(200);
      seen.add(r.body.progress);
      if (r.body.state === 'failed') throw new Error(`export failed\n${worker.log()}`);
      return r.body.state === 'completed' ? r.body : undefined;
    }, 240_000, 200);
    expect(done).toMatchObject({ state: 'completed', progress: 100, rows: BIG });

    // Only the requester sees it.
    const other = await loginAs(server.app, await createUser({ role: 'lead' }));
    await other.get(`/exports/${started.body.id}`).expect(404);
    await other.get(`/exports/${started.body.id}/download`).expect(404);

    const file = await binary(s.get(`/exports/${started.body.id}/download`));
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${done.fileName}"`);
    const { bom, rows } = csvOf(file.body as Buffer);
    expect(bom).toBe(true);
    expect(rows[0]).toHaveLength(17);
    expect(rows[0][6]).toBe('고객명 / Customer');
    expect(rows.length - 1).toBe(BIG);
    expect(rows.some((r) => r[6] === '홍길동77777')).toBe(true);
    expect(rows.find((r) => r[0] === 'EXP-000042')?.[1]).toBe('환불 요청, "긴급" #42');

    const peak = peakRssMb(worker.child.pid!);
    // eslint-disable-next-line no-console
    console.log(`worker peak RSS (VmHWM): ${idlePeak.toFixed(1)} MB after start, ${peak.toFixed(1)} MB after exporting ${BIG} tickets; progress values seen: ${[...seen].sort((a, b) => a - b).join(', ')}`);
    expect(peak).toBeLessThan(400);
  });
});
