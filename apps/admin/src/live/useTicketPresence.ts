import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PRESENCE_REFRESH_MS, type PresenceRecord, type PresenceState } from '@shopdesk/contracts/live';
import { httpClient } from '../providers/http-client';
import { presenceQueryKey } from './live-query-keys';

const presencePath = (ticketId: string) => `/live/presence/${encodeURIComponent(ticketId)}`;

/**
 * Says "I am on this ticket" (viewing or replying) now, every 10 s and whenever the state changes;
 * says goodbye on leaving the page or closing the tab. Returns everyone on the ticket, kept
 * current by the answers and by the live stream's presence events.
 */
export function useTicketPresence(ticketId: string | undefined, state: PresenceState): PresenceRecord[] {
  const queryClient = useQueryClient();
  const { data } = useQuery<PresenceRecord[]>({
    queryKey: presenceQueryKey(ticketId ?? ''),
    queryFn: async () => (await httpClient(presencePath(ticketId!))).json as PresenceRecord[],
    enabled: !!ticketId,
  });

  useEffect(() => {
    if (!ticketId) return;
    const announce = () =>
      httpClient(presencePath(ticketId), { method: 'POST', body: JSON.stringify({ state }) }).then(
        ({ json }) => queryClient.setQueryData(presenceQueryKey(ticketId), json as PresenceRecord[]),
        () => undefined, // presence is a courtesy; the next refresh tries again
      );
    void announce();
    const timer = setInterval(() => void announce(), PRESENCE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [ticketId, state, queryClient]);

  useEffect(() => {
    if (!ticketId) return;
    // keepalive lets the request finish while the tab closes.
    const leave = () => void fetch(presencePath(ticketId), { method: 'DELETE', credentials: 'include', keepalive: true }).catch(() => undefined);
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [ticketId]);

  return data ?? [];
}
