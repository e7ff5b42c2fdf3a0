import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { OutboundMessageRecord } from '@shopdesk/contracts/mail';
import type { ShopDeskDataProvider } from '../providers/data-provider';
import { hasQueuedMail } from './mail-format';

/** Every 3 s while a mail is queued, so the agent sees it go out; idle otherwise. */
export const MAIL_POLL_MS = 3_000;

// Starts with 'tickets' like the other ticket-page queries, so react-admin's refresh() reloads it
// (a reply or a status change queues a mail).
export const outboundMessagesQueryKey = (ticketId: string | undefined) => ['tickets', 'outbound-messages', ticketId ?? ''];

export function useTicketOutboundMessages(ticketId: string | undefined) {
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  return useQuery<OutboundMessageRecord[]>({
    queryKey: outboundMessagesQueryKey(ticketId),
    queryFn: async () => (await dataProvider.getTicketOutboundMessages(ticketId!)).data,
    enabled: !!ticketId,
    refetchInterval: (query) => (hasQueuedMail(query.state.data) ? MAIL_POLL_MS : false),
  });
}
