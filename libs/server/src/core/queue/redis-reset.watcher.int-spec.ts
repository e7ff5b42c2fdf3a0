// Redis losing its data, on the real Redis: FLUSHDB of the test Redis DB only (TEST_REDIS_URL's
// db, never the shared db 0). The watcher notices within seconds in every process that watches; the
// real worker then rebuilds its schedules and SLA timers from PostgreSQL and re-dispatches an
// outbox message whose job was lost, which is then delivered exactly once.
import { Logger } from '@nestjs/common';
import IORedis from 'ioredis';
import type { AppConfig } from '@shopdesk/server/core/config/app-config';
import { redisOptionsFromUrl } from '@shopdesk/server/core/queue/redis-options';
import { closeFactories, createTicket, testQuery } from '@shopdesk/testing/factories';
import { startSmtpCatcher, type SmtpCatcher } from '@shopdesk/testing/smtp-catcher';
import { TEST_QUEUE_PREFIX, TEST_REDIS_URL } from '@shopdesk/testing/test-env';
import { startWorkerProcess, waitFor, type WorkerProcess } from '@shopdesk/testing/worker-process';
import { REDIS_RESET_CHECK_MS, RedisResetWatcher, redisEpochKey } from './redis-reset.watcher';

jest.setTimeout(60_000);

/** Like the worker's REDIS_CLIENT (fails fast while Redis is away), once connected. */
async function client(): Promise<IORedis> {
  const c = new IORedis({ ...redisOptionsFromUrl(TEST_REDIS_URL), maxRetriesPerRequest: 1, enableOfflineQueue: false });
  if (c.status !== 'ready') await new Promise((r) => c.once('ready', r));
  return c;
}

describe('RedisResetWatcher (real Redis)', () => {
  const prefix = `reset-watch-${process.pid}`;
  let redis: IORedis;
  const watchers: RedisResetWatcher[] = [];
  const watcher = async () => {
    const w = new RedisResetWatcher(await client(), { queuePrefix: prefix } as AppConfig);
    watchers.push(w);
    return w;
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    redis = await client();
  });

  afterAll(async () => {
    for (const w of watchers) {
      await w.onApplicationShutdown();
      await w['redis'].quit();
    }
    await redis.del(redisEpochKey(prefix));
    await redis.quit();
  });

  it('runs every handler in every watching process after a FLUSHDB, and retries a failed one', async () => {
    const a = await watcher();
    const b = await watcher();
    const runs = { a: 0, b: 0, flaky: 0 };
    a.onReset('count', async () => runs.a++);
    b.onReset('count', async () => runs.b++);
    b.onReset('flaky', async () => {
      if (++runs.flaky === 1) throw new Error('the first try fails');
    });
    await redis.del(redisEpochKey(prefix));
    expect(await a.check()).toBe(true); // no marker yet: a start-up on an empty Redis counts as a reset
    expect(await b.check()).toBe(false); // b starts after a wrote it: an ordinary start
    expect(await a.check()).toBe(false); // nothing changed: nothing runs
    expect(runs).toEqual({ a: 1, b: 0, flaky: 0 });

    await a.onApplicationBootstrap();
    await b.onApplicationBootstrap();
    await redis.flushdb();
    // Whichever notices first writes a new marker; the other sees a changed value: both rebuild.
    await waitFor(async () => (runs.a === 2 && runs.b === 1 && runs.flaky === 2 ? true : undefined), REDIS_RESET_CHECK_MS * 5);
    expect(await redis.exists(redisEpochKey(prefix))).toBe(1);
    expect([a.resets, b.resets]).toEqual([2, 1]);
  });
});

describe('the worker after FLUSHDB (real worker process, PostgreSQL and Redis)', () => {
  let worker: WorkerProcess;
  let smtp: SmtpCatcher;
  let redis: IORedis;
  const saved = { ...process.env };

  beforeAll(async () => {
    redis = await client();
    smtp = await startSmtpCatcher();
    worker = await startWorkerProcess(30_000, { SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' });
  });

  afterAll(async () => {
    await worker?.stop();
    await smtp?.close();
    await redis?.quit();
    await closeFactories();
    process.env = saved;
  });

  it('re-registers the schedules, re-creates SLA timers and re-sends a lost outbox job once', async () => {
    const key = (s: string) => `${TEST_QUEUE_PREFIX}:${s}`;
    const ticket = await createTicket({ priority: 'high' }); // standard policy: timers hours away
    const slaJobs = () => redis.keys(key(`sla-ladder:sla-${ticket.id}-*`));
    await waitFor(async () => ((await slaJobs()).length > 0 ? true : undefined), 10_000);
    const timersBefore = (await slaJobs()).sort();

    // A mail the relay handed to Redis earlier whose job is gone (dispatched_at set, no job): only
    // a reset makes the relay look at it again.
    const [mail] = await testQuery<{ id: string }>(
      `INSERT INTO outbound_messages (ticket_id, kind, to_address, locale, subject, body_text, dedupe_key)
       VALUES ($1, 'agent_reply', 'reset.watch@example.com', 'ko', '답변 / Reply', '본문 / Body', $2) RETURNING id`,
      [ticket.id, `reset-watch:${ticket.id}`],
    );
    await testQuery(`INSERT INTO outbox (topic, payload, dispatched_at) VALUES ('mail.agent_reply', $1, now())`, [
      { topic: 'mail.agent_reply', queue: 'notifications', jobName: 'send-mail', jobId: `mail-${mail.id}`, data: { messageId: mail.id } },
    ]);

    await redis.flushdb();
    expect(await slaJobs()).toEqual([]);

    const schedulers = async () =>
      (await Promise.all(['sla-ladder', 'courier-events', 'ticket-activity'].map((q) => redis.exists(key(`${q}:repeat`))))).every((n) => n === 1);
    await waitFor(async () => ((await schedulers()) ? true : undefined), 15_000);
    await waitFor(async () => ((await slaJobs()).length === timersBefore.length ? true : undefined), 15_000);
    expect((await slaJobs()).sort()).toEqual(timersBefore);

    const [sent] = await waitFor(async () => {
      const rows = await testQuery<{ status: string; attempts: number }>(`SELECT status, attempts FROM outbound_messages WHERE id = $1`, [mail.id]);
      return rows[0]?.status === 'sent' ? rows : undefined;
    }, 15_000);
    expect(sent.attempts).toBe(1);
    await new Promise((r) => setTimeout(r, REDIS_RESET_CHECK_MS));
    expect(smtp.messages.filter((m) => m.headers['x-shopdesk-mail-id'] === mail.id)).toHaveLength(1);
    expect(worker.log()).toContain('lost its data');
  });
});
