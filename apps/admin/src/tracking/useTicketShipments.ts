import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ShopDeskDataProvider } from '../providers/data-provider';
import type { ShipmentRecord } from './types';

// The key starts with 'tickets' like the SLA and scenario queries: react-admin's refresh()
// invalidates every query, so the tracking section reloads with the rest of the ticket page.

export function useTicketShipments(ticketId: string | undefined) {
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  return useQuery<ShipmentRecord[]>({
    queryKey: ['tickets', 'shipments', ticketId ?? ''],
    queryFn: async () => (await dataProvider.getTicketShipments(ticketId!)).data,
    enabled: !!ticketId,
  });
}
