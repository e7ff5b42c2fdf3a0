import type { JobsOptions } from 'bullmq';
import type { SlaRung, SlaTarget } from '@shopdesk/contracts/sla';

/** Fire one rung of one SLA timer. */
export const FIRE_SLA_RUNG = 'fire-sla-rung';
export interface FireSlaRungPayload {
  ticketId: string;
  target: SlaTarget;
  rung: SlaRung;
  planVersion: number;
  /** When the rung was due (ms since epoch), to measure lateness. */
  fireAt: number;
}
/** Deterministic: re-planning the same version twice enqueues nothing new (BullMQ forbids ':'). */
export const slaJobId = (p: Pick<FireSlaRungPayload, 'ticketId' | 'target' | 'rung' | 'planVersion'>) =>
  `sla-${p.ticketId}-${p.target}-${p.rung}-${p.planVersion}`;

/** Compare timers in PostgreSQL with jobs in Redis and re-create what is missing. */
export const RECONCILE_SLA = 'reconcile-sla';
export const RECONCILE_SLA_EVERY_MS = 60_000;

export const FIRE_SLA_RUNG_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 50_000 },
};

/** Re-plan every open ticket's timers after a policy or calendar change. */
export const REPLAN_SLA = 'replan-sla';
