import { Alert, Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import type { MessageKind, TicketMessageRecord, TicketRecord } from '@shopdesk/contracts/tickets';
import { RelativeTime } from '../common/RelativeTime';
import { errorMessage } from '../providers/http-client';

const KIND_STYLES: Record<MessageKind, { bgcolor: string; borderColor: string }> = {
  // Internal notes must never be mistaken for something the customer saw.
  internal_note: { bgcolor: '#fff8e1', borderColor: '#ffb300' },
  public_reply: { bgcolor: '#e3f2fd', borderColor: '#1e88e5' },
  customer_message: { bgcolor: '#f5f5f5', borderColor: '#9e9e9e' },
};

export const TicketMessage = ({ message }: { message: TicketMessageRecord }) => {
  const translate = useTranslate();
  const style = KIND_STYLES[message.kind] ?? KIND_STYLES.customer_message;
  return (
    <Box
      data-testid="ticket-message"
      data-kind={message.kind}
      sx={{ bgcolor: style.bgcolor, borderLeft: 4, borderColor: style.borderColor, borderRadius: 1, p: 1.5, color: 'text.primary' }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5, flexWrap: 'wrap' }}>
        <Chip size="small" label={translate(`shopdesk.ticket.message_kind.${message.kind}`)} />
        <Typography variant="subtitle2" component="span">
          {message.authorName}
        </Typography>
        <Typography variant="caption" component="span" color="text.secondary">
          <RelativeTime value={message.createdAt} />
        </Typography>
      </Stack>
      {/* Plain text only: bodies come from customers and e-mail, never render them as HTML. */}
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {message.body}
      </Typography>
    </Box>
  );
};

/** The ticket's conversation, oldest first. */
export const TicketThread = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const { data, isPending, error } = useGetList<TicketMessageRecord>(
    `tickets/${record?.id}/messages`,
    { sort: { field: 'createdAt', order: 'ASC' }, pagination: { page: 1, perPage: 200 } },
    { enabled: !!record },
  );
  if (!record) return null;
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert>;
  if (!data?.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('shopdesk.ticket.message.empty_thread')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1.5}>
      {data.map((message) => (
        <TicketMessage key={message.id} message={message} />
      ))}
    </Stack>
  );
};
