import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LivePresenceEvent, LiveTicketEvent } from '@shopdesk/contracts/live';
import { isTicketQuery, presenceQueryKey, showsTicket } from './live-query-keys';

const MAX_RETRY_MS = 60_000;

/**
 * Keeps the open pages current: one EventSource on GET /live/events per tab. A ticket event makes
 * the lists and that ticket's queries stale (react-query refetches the ones on screen); a presence
 * event replaces the ticket's "who is here" list. EventSource retries dropped connections itself;
 * when the server refused (401, 5xx) it gives up, so we reconnect with a growing delay.
 */
export function useLiveEvents(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 1_000;
    let openedBefore = false;

    const connect = () => {
      source = new EventSource('/live/events', { withCredentials: true });
      source.onopen = () => {
        delay = 1_000;
        // Changes made while we were away were not heard: refresh what is on screen.
        if (openedBefore) void queryClient.invalidateQueries({ predicate: (q) => isTicketQuery(q.queryKey) });
        openedBefore = true;
      };
      source.addEventListener('ticket', (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as LiveTicketEvent;
        void queryClient.invalidateQueries({ predicate: (q) => showsTicket(q.queryKey, event.ticketId) });
      });
      source.addEventListener('presence', (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as LivePresenceEvent;
        queryClient.setQueryData(presenceQueryKey(event.ticketId), event.agents);
      });
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) return; // the browser is already retrying
        source.close();
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
      };
    };

    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [queryClient]);
}

/** Mount once inside the signed-in layout. */
export const LiveEvents = () => {
  useLiveEvents();
  return null;
};
