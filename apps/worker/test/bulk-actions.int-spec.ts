// Bulk work end to end: POST /bulk-actions with "all matching the filter" queues a BullMQ job that
// the real worker process runs ticket by ticket through TicketsService. Progress reaches 100, each
// ticket gets its own event, refusals (illegal status transitions) are reported per ticket, and
// running the same request again changes nothing (handled tickets are marked).
// Run `npm run build:server` first.
import { Queue } from 'bullmq';
import type { BulkActionStatus } from '@shopdesk/contracts/bulk';
import { BulkActionsService } from '@shopdesk/server/bulk/bulk-actions.service';
import { bulkActionJobId } from '@shopdesk/server/bulk/bulk-actions.job';
import { QueueName } from '@shopdesk/server/core/queue/queue-names';
import { redisOptionsFromUrl } from '@shopdesk/server/core/queue/redis-options';
import { createTicket, createUser, factoryContext, testQuery, type TestUser } from '@shopdesk/testing/factories';
import { TEST_QUEUE_PREFIX, TEST_REDIS_URL } from '@shopdesk/testing/test-env';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { startWorkerProcess, waitFor, type WorkerProcess } from '@shopdesk/testing/worker-process';

jest.setTimeout(180_000);

type Session = Awaited<ReturnType<typeof loginAs>>;

describe('bulk actions (API → BullMQ → worker process)', () => {
  let server: TestServer;
  let worker: WorkerProcess;
  let lead: TestUser;
  let assignee: TestUser;
  let session: Session;
  const tag = `bulk-${Date.now().toString(36)}`;
  let resolvedIds: string[];

  beforeAll(async () => {
    server = await startTestServer();
    worker = await startWorkerProcess();
    [lead, assignee] = await Promise.all([createUser({ role: 'lead', name: '박리드' }), createUser({ role: 'agent', name: '김배정' })]);
    session = await loginAs(server.app, lead);
    resolvedIds = [];
    for (let i = 0; i < 250; i++) {
      const t = await createTicket({ tags: [tag], status: i % 50 === 0 ? 'resolved' : 'new' });
      if (i % 50 === 0) resolvedIds.push(t.id);
    }
  });

  afterAll(async () => {
    await worker?.stop();
    await server?.close();
  });

  /** Polls the status (as the UI does) until the job is finished; returns every progress seen. */
  async function waitUntilFinished(jobId: string): Promise<{ status: BulkActionStatus; seen: number[] }> {
    const seen: number[] = [];
    const status = await waitFor(async () => {
      const s = (await session.get(`/bulk-actions/${jobId}`).expect(200)).body as BulkActionStatus;
      seen.push(s.progress);
      return s.state === 'completed' || s.state === 'failed' ? s : undefined;
    }, 120_000, 200);
    return { status, seen };
  }

  it('assigns 250 tickets matching a filter in the worker, with progress and one event per ticket', async () => {
    const res = await session
      .post('/bulk-actions')
      .send({ action: 'assign', params: { assigneeId: assignee.id }, filter: { tag } })
      .expect(202);
    expect(res.body).toEqual({ jobId: expect.any(String), state: 'queued' });

    const { status, seen } = await waitUntilFinished(res.body.jobId);
    expect(status).toMatchObject({ state: 'completed', progress: 100, total: 250, done: 250, failed: [] });
    expect([...seen].sort((a, b) => a - b)).toEqual(seen); // never goes backwards

    const queue = new Queue(QueueName.BulkActions, { connection: redisOptionsFromUrl(TEST_REDIS_URL), prefix: TEST_QUEUE_PREFIX });
    try {
      const job = await queue.getJob(bulkActionJobId(res.body.jobId));
      expect(job?.progress).toBe(100);
    } finally {
      await queue.close();
    }

    const [{ n }] = await testQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.kind = 'assigned' AND t.tags @> ARRAY[$1]::text[] AND e.after->>'assigneeId' = $2 AND e.actor_id = $3`,
      [tag, assignee.id, lead.id],
    );
    expect(n).toBe(250);
    const [{ stored }] = await testQuery<{ stored: number }>(
      `SELECT done_count AS stored FROM bulk_actions WHERE id = $1 AND state = 'completed' AND finished_at IS NOT NULL`,
      [res.body.jobId],
    );
    expect(stored).toBe(250);

    // A retried run (e.g. after a worker crash) skips every handled ticket: no second event.
    await testQuery(`UPDATE bulk_actions SET state = 'running' WHERE id = $1`, [res.body.jobId]);
    await (await factoryContext()).get(BulkActionsService).run(res.body.jobId);
    const [{ again }] = await testQuery<{ again: number }>(
      `SELECT count(*)::int AS again FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.kind = 'assigned' AND t.tags @> ARRAY[$1]::text[]`,
      [tag],
    );
    expect(again).toBe(250);
  });

  it('reports illegal status transitions per ticket and changes the rest', async () => {
    const res = await session
      .post('/bulk-actions')
      .send({ action: 'change_status', params: { status: 'pending_customer' }, filter: { tag } })
      .expect(202);
    const { status } = await waitUntilFinished(res.body.jobId);
    expect(status).toMatchObject({ state: 'completed', progress: 100, total: 250, done: 245 });
    expect(status.failed).toHaveLength(5);
    expect(status.failed.map((f) => f.ticketId).sort()).toEqual([...resolvedIds].sort());
    for (const f of status.failed) {
      expect(f.reference).toMatch(/^SD-\d{6}$/);
      expect(f.reason).toContain('Cannot move a ticket from resolved to pending_customer');
    }
    const [{ n }] = await testQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM tickets WHERE tags @> ARRAY[$1]::text[] AND status = 'pending_customer'`,
      [tag],
    );
    expect(n).toBe(245);
  });

  it('runs a small explicit selection inline', async () => {
    const [a, b] = await Promise.all([createTicket(), createTicket()]);
    const res = await session.post('/bulk-actions').send({ action: 'add_tag', params: { tag: 'vip' }, ids: [a.id, b.id] }).expect(202);
    expect(res.body.state).toBe('completed');
    const s = (await session.get(`/bulk-actions/${res.body.jobId}`).expect(200)).body as BulkActionStatus;
    expect(s).toMatchObject({ progress: 100, done: 2, failed: [] });
    expect((await session.get(`/tickets/${a.id}`).expect(200)).body.tags).toContain('vip');
  });

  it('refuses bad input naming the field, and hides a request from other agents', async () => {
    const bad = await session.post('/bulk-actions').send({ action: 'change_status', params: { status: 'gone' }, filter: { tag } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toHaveProperty(['params.status']);
    const unknownFilter = await session.post('/bulk-actions').send({ action: 'add_tag', params: { tag: 'x1' }, filter: { secret: 1 } });
    expect(unknownFilter.status).toBe(400);
    expect(unknownFilter.body.errors).toHaveProperty('filter');
    const neither = await session.post('/bulk-actions').send({ action: 'add_tag', params: { tag: 'x1' } });
    expect(neither.status).toBe(422);
    expect(neither.body.errors).toHaveProperty('ids');

    const mine = await session.post('/bulk-actions').send({ action: 'add_tag', params: { tag: 'x2' }, ids: [resolvedIds[0]] }).expect(202);
    const other = await loginAs(server.app, await createUser({ role: 'agent' }));
    await other.get(`/bulk-actions/${mine.body.jobId}`).expect(403);
    await (await loginAs(server.app, assignee)).post('/bulk-actions').send({ action: 'add_tag', params: { tag: 'x3' }, ids: [resolvedIds[0]] }).expect(202);
  });
});
