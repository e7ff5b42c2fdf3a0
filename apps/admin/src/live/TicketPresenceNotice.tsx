import { Alert, Stack } from '@mui/material';
import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { useIsDraftingReply } from './reply-draft';
import { useTicketPresence } from './useTicketPresence';

/** "김상담 님이 보고 있습니다" — the other agents on this ticket, so two people do not answer at once. */
export const TicketPresenceNotice = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const replying = useIsDraftingReply(record?.id);
  const agents = useTicketPresence(record?.id, replying ? 'replying' : 'viewing');
  const others = agents.filter((a) => a.userId !== identity?.id);
  if (!identity || others.length === 0) return null;
  return (
    <Alert severity={others.some((a) => a.state === 'replying') ? 'warning' : 'info'} data-testid="ticket-presence">
      <Stack spacing={0.5}>
        {others.map((a) => (
          <span key={a.userId} data-testid="ticket-presence-agent" data-state={a.state}>
            {translate(a.state === 'replying' ? 'shopdesk.live.replying' : 'shopdesk.live.viewing', { name: a.name })}
          </span>
        ))}
      </Stack>
    </Alert>
  );
};
