// Bulk work on many tickets at once (admin ticket list → POST /bulk-actions).
import type { TicketPriority, TicketStatus } from './tickets';

export const BULK_ACTIONS = [
  'assign',
  'change_status',
  'change_priority',
  'add_tag',
  'remove_tag',
  'apply_template',
  'send_reply',
] as const;
export type BulkActionKind = (typeof BULK_ACTIONS)[number];

export const BULK_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type BulkState = (typeof BULK_STATES)[number];

/** Parameters per action; checked by the server (a bad one is a 422 naming `params.<field>`). */
export interface BulkActionParams {
  assign: { assigneeId: string | null };
  change_status: { status: TicketStatus };
  change_priority: { priority: TicketPriority };
  add_tag: { tag: string };
  remove_tag: { tag: string };
  apply_template: { templateKey: string };
  /** A canned reply of each ticket's applied template (`replyId`) or a plain text `body`. */
  send_reply: { replyId?: string; body?: string };
}

/** At most this many explicit ids per request; "all matching" selections are capped the same way server-side. */
export const BULK_MAX_IDS = 1000;
/** Explicit selections up to this size run inside the request (still one ticket at a time). */
export const BULK_INLINE_MAX = 25;

export interface BulkActionRequest {
  action: BulkActionKind;
  params: Record<string, unknown>;
  /** Explicit ticket ids, or… */
  ids?: string[];
  /** …every ticket matching the ticket list's filter (same allowlist as GET /tickets). */
  filter?: Record<string, unknown>;
}

export interface BulkFailure {
  ticketId: string;
  reference: string;
  reason: string;
}

export interface BulkActionStatus {
  id: string;
  action: BulkActionKind;
  state: BulkState;
  /** 0–100. */
  progress: number;
  total: number;
  done: number;
  failed: BulkFailure[];
  createdAt: string;
  finishedAt: string | null;
}
