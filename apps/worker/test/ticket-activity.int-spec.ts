import { TicketActivityService } from '@shopdesk/server/activity/ticket-activity.service';
import { createTicket, createUser, factoryContext, testQuery } from '@shopdesk/testing/factories';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { startWorkerProcess, waitFor, type WorkerProcess } from '@shopdesk/testing/worker-process';

describe('ticket activity projection', () => {
  it('projects an event once, however often it is delivered', async () => {
    const ticket = await createTicket({ type: 'cancellation' });
    const [{ id }] = await testQuery<{ id: string }>(
      `SELECT id FROM ticket_events WHERE ticket_id = $1 AND kind = 'created'`,
      [ticket.id],
    );
    const service = (await factoryContext()).get(TicketActivityService);
    const day = await testQuery<{ day: string }>(`SELECT (now() AT TIME ZONE 'Asia/Seoul')::date::text AS day`);
    const count = async () =>
      (await testQuery<{ n: number }>(
        `SELECT coalesce(sum(created_count), 0)::int AS n FROM ticket_stats_daily WHERE type = 'cancellation' AND day = $1`,
        [day[0].day],
      ))[0].n;
    const before = await count();
    const first = await service.project(String(id));
    const second = await service.project(String(id));
    // The worker of another suite may have projected it already; either way it counts once.
    expect([first, second].filter((r) => r === 'projected').length).toBeLessThanOrEqual(1);
    expect(second).toBe('already_projected');
    expect(await count()).toBe(first === 'projected' ? before + 1 : before);
    expect(await service.project('999999999')).toBe('missing');
  });
});

describe('API → BullMQ → worker process → PostgreSQL (e2e)', () => {
  let server: TestServer;
  let worker: WorkerProcess;

  beforeAll(async () => {
    server = await startTestServer();
    worker = await startWorkerProcess();
  }, 30_000);

  afterAll(async () => {
    await worker?.stop();
    await server?.close();
  });

  it('a ticket created over HTTP is projected by the worker', async () => {
    const agent = await createUser();
    const session = await loginAs(server.app, agent);
    const res = await session
      .post('/tickets')
      .send({ type: 'refund', subject: '환불 요청 처리 확인', channel: 'phone', customer: { name: '정하늘' } })
      .expect(201);
    const projected = await waitFor(async () => {
      const rows = await testQuery<{ event_id: string }>(
        `SELECT p.event_id FROM ticket_event_projections p JOIN ticket_events e ON e.id = p.event_id
          WHERE e.ticket_id = $1`,
        [res.body.id],
      );
      return rows.length ? rows : undefined;
    }, 15_000).catch((e: Error) => {
      throw new Error(`${e.message}\nworker output:\n${worker.log()}`);
    });
    expect(projected).toHaveLength(1);
    const stats = await testQuery<{ created_count: number }>(
      `SELECT created_count FROM ticket_stats_daily WHERE type = 'refund' AND day = (now() AT TIME ZONE 'Asia/Seoul')::date`,
    );
    expect(stats[0].created_count).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('stops cleanly on SIGTERM', async () => {
    expect(await worker.stop()).toBe(0);
  }, 20_000);
});
