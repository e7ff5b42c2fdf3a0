import { useState } from 'react';
import { Box, Button, Stack, TextField } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import SendIcon from '@mui/icons-material/Send';
import { useRecordContext, useTranslate } from 'react-admin';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { useTicketCommand } from './useTicketCommand';

type ComposerKind = 'public_reply' | 'internal_note';

/** One text box, two ways out: a public reply to the customer or an internal note for staff. */
export const MessageComposer = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const { run, pending } = useTicketCommand();
  const [body, setBody] = useState('');
  if (!record) return null;

  const submit = async (kind: ComposerKind) => {
    const ok = await run((dataProvider) => dataProvider.addTicketMessage(record.id, { kind, body }), {
      message: kind === 'public_reply' ? 'shopdesk.ticket.notification.reply_sent' : 'shopdesk.ticket.notification.note_added',
    });
    if (ok) setBody('');
  };
  const empty = body.trim() === '';

  return (
    <Box>
      <TextField
        name="body"
        label={translate('shopdesk.ticket.section.compose')}
        placeholder={translate('shopdesk.ticket.message.body_placeholder')}
        helperText={translate('shopdesk.ticket.message.body_help')}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        multiline
        rows={4}
        fullWidth
        disabled={pending}
        slotProps={{ htmlInput: { 'data-testid': 'message-body' } }}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 1, justifyContent: 'flex-end' }}>
        <Button
          data-testid="add-note"
          variant="outlined"
          color="warning"
          startIcon={<LockIcon />}
          disabled={pending || empty}
          onClick={() => submit('internal_note')}
        >
          {translate('shopdesk.ticket.action.add_note')}
        </Button>
        <Button
          data-testid="send-reply"
          variant="contained"
          startIcon={<SendIcon />}
          disabled={pending || empty}
          onClick={() => submit('public_reply')}
        >
          {translate('shopdesk.ticket.action.send_reply')}
        </Button>
      </Stack>
    </Box>
  );
};
