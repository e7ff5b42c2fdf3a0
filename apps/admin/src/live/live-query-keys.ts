import type { QueryKey } from '@tanstack/react-query';

// Which cached queries a live ticket event makes stale. Ticket queries all start with 'tickets':
// react-admin's ['tickets', 'getList' | 'getOne', …], the thread and timeline
// ['tickets/<id>/messages' | 'tickets/<id>/events', …] and the page's own ['tickets', 'sla', <id>].

const LIST_CALLS = new Set(['getList', 'getMany', 'getManyReference', 'getInfiniteList']);

/** True when the query shows `ticketId`, or is a ticket list that may include it. */
export function showsTicket(queryKey: QueryKey, ticketId: string): boolean {
  const [head, call, params] = queryKey;
  if (typeof head !== 'string') return false;
  if (head.startsWith(`tickets/${ticketId}/`)) return true;
  if (head !== 'tickets') return false;
  if (typeof call === 'string' && LIST_CALLS.has(call)) return true;
  if (call === 'getOne') return String((params as { id?: unknown } | undefined)?.id) === ticketId;
  return queryKey.includes(ticketId);
}

/** Every ticket query, for after a reconnect (events may have been missed meanwhile). */
export function isTicketQuery(queryKey: QueryKey): boolean {
  return typeof queryKey[0] === 'string' && queryKey[0].startsWith('tickets');
}

export const presenceQueryKey = (ticketId: string) => ['live', 'presence', ticketId];
