import type { EntityManager } from 'typeorm';
import { withRequestId } from '../request-context/request-context';

/**
 * Transactional outbox: a message written in the same transaction as the business change it
 * announces. The worker's relay moves it to BullMQ, so a message is never lost when Redis is down
 * at commit time, and never sent twice (jobs carry deterministic ids).
 */
export interface OutboxMessage {
  topic: string;
  /** The queue, job name and deterministic job id the relay uses. */
  queue: string;
  jobName: string;
  jobId: string;
  data: Record<string, unknown>;
}

export async function writeOutbox(m: EntityManager, msg: OutboxMessage): Promise<void> {
  await m.query(`INSERT INTO outbox (topic, payload) VALUES ($1, $2)`, [msg.topic, { ...msg, data: withRequestId(msg.data) }]);
}
