import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ReshipmentRecord } from '@shopdesk/contracts/reshipments';
import type { ShopDeskDataProvider } from '../providers/data-provider';
import { hasActiveReshipment } from './reshipment-format';

/** Every 3 s while a request is requested/sent/accepted, so the agent sees it move; idle otherwise. */
export const RESHIPMENT_POLL_MS = 3_000;

// The key starts with 'tickets' like the tracking and SLA queries, so react-admin's refresh()
// reloads the section with the rest of the ticket page.
export const reshipmentsQueryKey = (ticketId: string | undefined) => ['tickets', 'reshipments', ticketId ?? ''];

export function useTicketReshipments(ticketId: string | undefined) {
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  return useQuery<ReshipmentRecord[]>({
    queryKey: reshipmentsQueryKey(ticketId),
    queryFn: async () => (await dataProvider.getTicketReshipments(ticketId!)).data,
    enabled: !!ticketId,
    refetchInterval: (query) => (hasActiveReshipment(query.state.data) ? RESHIPMENT_POLL_MS : false),
  });
}
