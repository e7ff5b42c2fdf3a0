import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { stalledCountersKey } from '../metrics/stalled-counters';
import { runInJobContext } from '../request-context/request-context';

/**
 * Base of every BullMQ processor: log lines carry the request id of whoever enqueued the job, and
 * jobs found stalled are counted in Redis for the API's /metrics.
 */
export abstract class TracedWorkerHost extends WorkerHost {
  process(job: Job): Promise<unknown> {
    return runInJobContext(job, () => this.handle(job));
  }

  protected abstract handle(job: Job): Promise<unknown>;

  @OnWorkerEvent('stalled')
  async countStalled(): Promise<void> {
    const worker = this.worker;
    // The Redis backend's client is ioredis; BullMQ's interface type lists only what BullMQ itself calls.
    const client = (await worker.getBackend().client) as unknown as Redis;
    await client.hincrby(stalledCountersKey(worker.opts.prefix ?? 'bull'), worker.name, 1).catch(() => undefined);
  }
}
