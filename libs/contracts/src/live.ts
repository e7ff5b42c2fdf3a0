// The live stream (GET /live/events, server-sent events) shared by the API and the admin:
// ticket changes and who else has a ticket open. Nothing here is customer data.
import type { TicketEventKind } from './tickets';

export const PRESENCE_STATES = ['viewing', 'replying'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** The ticket page repeats its presence this often; the server forgets it after PRESENCE_TTL_MS. */
export const PRESENCE_REFRESH_MS = 10_000;
export const PRESENCE_TTL_MS = 30_000;

export interface PresenceRecord {
  userId: string;
  name: string;
  state: PresenceState;
  /** When the agent last said so (ISO). */
  at: string;
}

/** `event: ticket` — a committed change. */
export interface LiveTicketEvent {
  type: 'ticket';
  ticketId: string;
  reference: string;
  /** The event kinds the change wrote, e.g. ['message_added']. */
  changes: TicketEventKind[];
  /** Agents and the system are named; a customer is only "customer". */
  actor: { type: 'agent' | 'customer' | 'system'; id: string | null; name: string | null };
  at: string;
}

/** `event: presence` — everyone currently on the ticket (replaces what the client had). */
export interface LivePresenceEvent {
  type: 'presence';
  ticketId: string;
  agents: PresenceRecord[];
}

export type LiveEvent = LiveTicketEvent | LivePresenceEvent;
