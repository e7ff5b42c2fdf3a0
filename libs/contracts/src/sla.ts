// SLA policies and per-ticket timers, as the API and the admin see them. The zod schema of a policy
// as an admin submits it is in ./sla-schema (loaded only where policies are edited or validated).
export type { SlaPolicyInput } from './sla-schema';
import type { TicketChannel, TicketPriority, TicketStatus, TicketType } from './tickets';

export const SLA_TARGETS = ['first_reply', 'next_reply', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

export const SLA_STATES = ['active', 'paused', 'fulfilled', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** The escalation ladder, in firing order. */
export const SLA_RUNGS = ['warning', 'breach', 'escalate', 'raise_priority'] as const;
export type SlaRung = (typeof SLA_RUNGS)[number];

export interface SlaTargetSpec {
  minutes: number;
  /** Count business hours of the policy's calendar (true) or wall-clock time (false). */
  business: boolean;
}

export interface SlaPolicyFilter {
  types?: TicketType[];
  templateKeys?: string[];
  priorities?: TicketPriority[];
  channels?: TicketChannel[];
  tagsAny?: string[];
}

export interface SlaLadder {
  /** Warn when this share of the target has elapsed. */
  warningPercent: number;
  /** After the breach: notify/assign the lead … */
  escalateAfterSeconds: number;
  /** … then raise the priority one level. */
  raisePriorityAfterSeconds: number;
}

export interface SlaPolicyRecord {
  id: string;
  key: string;
  name: { ko: string; en: string };
  position: number;
  active: boolean;
  filter: SlaPolicyFilter;
  targets: Partial<Record<TicketPriority, Partial<Record<SlaTarget, SlaTargetSpec>>>>;
  pauseStatuses: TicketStatus[];
  ladder: SlaLadder;
  calendarKey: string;
  updatedAt: string;
}

export interface TicketSlaRecord {
  target: SlaTarget;
  policyKey: string;
  state: SlaState;
  startedAt: string;
  dueAt: string | null;
  pausedAt: string | null;
  /** Total paused time so far, in minutes of the target's clock. */
  pausedMinutes: number;
  breachedAt: string | null;
  fulfilledAt: string | null;
  rungsDone: SlaRung[];
  planVersion: number;
}
