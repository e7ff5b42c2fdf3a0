import { Alert, Box, Chip, Link, LinearProgress, Stack, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetList, useRecordContext, useTranslate } from 'react-admin';
import type { AttachmentRecord } from '@shopdesk/contracts/public';
import type { MessageKind, TicketMessageRecord, TicketRecord } from '@shopdesk/contracts/tickets';
import { RelativeTime } from '../common/RelativeTime';
import type { ShopDeskDataProvider } from '../providers/data-provider';
import { errorMessage } from '../providers/http-client';

const formatSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * Evidence files: images as thumbnails, everything as a download through the authorized route
 * (sent with Content-Disposition: attachment, so nothing opens in the admin's origin).
 */
export const MessageAttachments = ({ ticketId, files }: { ticketId: string; files: AttachmentRecord[] }) => {
  const translate = useTranslate();
  if (!files.length) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', gap: 1 }} data-testid="message-attachments">
      {files.map((f) => {
        const href = `/tickets/${encodeURIComponent(ticketId)}/attachments/${encodeURIComponent(f.id)}`;
        return (
          <Link
            key={f.id}
            href={href}
            download={f.filename}
            underline="hover"
            data-testid="ticket-attachment"
            data-content-type={f.contentType}
            aria-label={translate('shopdesk.ticket.attachment.download', { name: f.filename, size: formatSize(f.size) })}
            sx={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'center', maxWidth: 140 }}
          >
            {f.contentType.startsWith('image/') && f.contentType !== 'image/heic' ? (
              <Box
                component="img"
                src={href}
                alt={f.filename}
                loading="lazy"
                data-testid="attachment-thumbnail"
                sx={{ width: 120, height: 90, objectFit: 'cover', borderRadius: 1, border: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
              />
            ) : (
              <AttachFileIcon fontSize="large" />
            )}
            <Typography variant="caption" noWrap sx={{ maxWidth: 130 }}>
              {f.filename} · {formatSize(f.size)}
            </Typography>
          </Link>
        );
      })}
    </Stack>
  );
};

const KIND_STYLES: Record<MessageKind, { bgcolor: string; borderColor: string }> = {
  // Internal notes must never be mistaken for something the customer saw.
  internal_note: { bgcolor: '#fff8e1', borderColor: '#ffb300' },
  public_reply: { bgcolor: '#e3f2fd', borderColor: '#1e88e5' },
  customer_message: { bgcolor: '#f5f5f5', borderColor: '#9e9e9e' },
};

export const TicketMessage = ({ message, files = [] }: { message: TicketMessageRecord; files?: AttachmentRecord[] }) => {
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
      <MessageAttachments ticketId={message.ticketId} files={files} />
    </Box>
  );
};

/** The ticket's conversation, oldest first. */
export const TicketThread = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  const attachments = useQuery<AttachmentRecord[]>({
    // Starts with 'tickets' so react-admin's refresh() reloads it with the page.
    queryKey: ['tickets', 'attachments', record?.id ?? ''],
    queryFn: async () => (await dataProvider.getTicketAttachments(String(record!.id))).data,
    enabled: !!record,
  });
  const { data, isPending, error } = useGetList<TicketMessageRecord>(
    `tickets/${record?.id}/messages`,
    { sort: { field: 'createdAt', order: 'ASC' }, pagination: { page: 1, perPage: 200 } },
    { enabled: !!record },
  );
  if (!record) return null;
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert>;
  const files = attachments.data ?? [];
  // Files sent with the form itself belong to the ticket's opening description.
  const opening = files.filter((f) => !f.messageId);
  if (!data?.length && !opening.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('shopdesk.ticket.message.empty_thread')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1.5}>
      {opening.length ? (
        <Box data-testid="opening-attachments">
          <Typography variant="caption" color="text.secondary">
            {translate('shopdesk.ticket.attachment.from_form')}
          </Typography>
          <MessageAttachments ticketId={String(record.id)} files={opening} />
        </Box>
      ) : null}
      {(data ?? []).map((message) => (
        <TicketMessage key={message.id} message={message} files={files.filter((f) => f.messageId === message.id)} />
      ))}
    </Stack>
  );
};
