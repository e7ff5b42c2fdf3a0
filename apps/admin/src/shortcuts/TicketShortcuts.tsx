import { useState } from 'react';
import { useGetIdentity, useNavigate, usePrevNextController, useRecordContext } from 'react-admin';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { useTicketCommand } from '../tickets/useTicketCommand';
import { ShortcutsHelpDialog } from './ShortcutsHelpDialog';
import { useShortcuts } from './useShortcuts';

/**
 * The ticket page's own shortcuts: a = assign to me, j/k = next/previous ticket of the list the
 * agent came from (its filters and sort), ? = the list of shortcuts. r, n and Ctrl+/ belong to
 * the reply box (MessageComposer).
 */
export const TicketShortcuts = () => {
  const record = useRecordContext<TicketRecord>();
  const { identity } = useGetIdentity();
  const navigate = useNavigate();
  const { run } = useTicketCommand();
  const [help, setHelp] = useState(false);
  // The API serves at most 200 rows per page (react-admin's default here is 1000).
  const { nextPath, prevPath } = usePrevNextController<TicketRecord>({
    resource: 'tickets',
    linkType: 'show',
    limit: 200,
    sort: { field: 'createdAt', order: 'DESC' },
  });

  useShortcuts({
    help: () => setHelp(true),
    next: () => nextPath && navigate(nextPath),
    previous: () => prevPath && navigate(prevPath),
    assign: () => {
      if (!record || !identity || record.assigneeId === identity.id) return;
      void run((dataProvider) => dataProvider.assignTicket(record.id, String(identity.id)), {
        message: 'shopdesk.ticket.notification.assigned',
      });
    },
  });

  return <ShortcutsHelpDialog open={help} onClose={() => setHelp(false)} />;
};
