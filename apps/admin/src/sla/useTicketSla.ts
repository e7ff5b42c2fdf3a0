import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetList } from 'react-admin';
import type { TicketSlaRecord } from '@shopdesk/contracts/sla';
import type { TicketEventRecord } from '@shopdesk/contracts/tickets';
import type { ShopDeskDataProvider } from '../providers/data-provider';

// Keys start with 'tickets' like the scenario queries: react-admin's refresh() invalidates every
// query, so the SLA section reloads with the record, the thread and the timeline.

export function useTicketSla(ticketId: string | undefined) {
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  return useQuery<TicketSlaRecord[]>({
    queryKey: ['tickets', 'sla', ticketId ?? ''],
    queryFn: async () => (await dataProvider.getTicketSla(ticketId!)).data,
    enabled: !!ticketId,
  });
}

/** The ticket's events with the timeline's exact parameters, so both share one request. */
export function useTicketEvents(ticketId: string | undefined) {
  return useGetList<TicketEventRecord>(
    `tickets/${ticketId}/events`,
    { sort: { field: 'at', order: 'ASC' }, pagination: { page: 1, perPage: 200 } },
    { enabled: !!ticketId },
  );
}
