import { useRef, useState, type KeyboardEvent } from 'react';
import { Box, Button, Stack, TextField } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import SendIcon from '@mui/icons-material/Send';
import { useRecordContext, useTranslate } from 'react-admin';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { useReportReplyDraft } from '../live/reply-draft';
import { MacroPicker } from '../macros/MacroPicker';
import { useShortcuts } from '../shortcuts/useShortcuts';
import { useTicketCommand } from './useTicketCommand';

type ComposerKind = 'public_reply' | 'internal_note';

/**
 * One text box, two ways out: a public reply to the customer or an internal note for staff.
 * Keys: r / n put the cursor here for a reply / a note (Ctrl+Enter sends it); Ctrl+/ or `#` at
 * the start of a line opens the macro picker, whose rendered text lands at the cursor.
 */
export const MessageComposer = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const { run, pending } = useTicketCommand();
  const [body, setBody] = useState('');
  useReportReplyDraft(record?.id, body.trim() !== '');
  const [intent, setIntent] = useState<ComposerKind>('public_reply');
  const [picking, setPicking] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const focus = (kind: ComposerKind) => {
    setIntent(kind);
    input.current?.focus();
  };
  useShortcuts({ reply: () => focus('public_reply'), note: () => focus('internal_note'), macros: () => setPicking(true) });
  if (!record) return null;

  /** Puts the macro text where the cursor was (or at the end), then the cursor after it. */
  const insert = (text: string) => {
    const el = input.current;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + text + body.slice(end));
    setPicking(false);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const submit = async (kind: ComposerKind) => {
    const ok = await run((dataProvider) => dataProvider.addTicketMessage(record.id, { kind, body }), {
      message: kind === 'public_reply' ? 'shopdesk.ticket.notification.reply_sent' : 'shopdesk.ticket.notification.note_added',
    });
    if (ok) setBody('');
  };
  const empty = body.trim() === '';

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const el = input.current;
    const atLineStart = !!el && el.selectionStart === el.selectionEnd && (el.selectionStart === 0 || body[el.selectionStart - 1] === '\n');
    if (event.key === '#' && atLineStart) {
      event.preventDefault();
      setPicking(true);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !empty && !pending) {
      event.preventDefault();
      void submit(intent);
    }
  };

  return (
    <Box>
      <TextField
        name="body"
        label={translate('shopdesk.ticket.section.compose')}
        placeholder={translate('shopdesk.ticket.message.body_placeholder')}
        helperText={translate(intent === 'internal_note' ? 'shopdesk.macro.composer_help_note' : 'shopdesk.macro.composer_help')}
        color={intent === 'internal_note' ? 'warning' : undefined}
        inputRef={input}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
        multiline
        rows={4}
        fullWidth
        disabled={pending}
        slotProps={{ htmlInput: { 'data-testid': 'message-body', 'data-intent': intent } }}
      />
      <MacroPicker
        open={picking}
        ticketId={record.id}
        defaultLang={record.customer.locale ?? 'ko'}
        onClose={() => setPicking(false)}
        onPick={insert}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 1, justifyContent: 'flex-end' }}>
        <Button data-testid="open-macros" onClick={() => setPicking(true)} disabled={pending} sx={{ mr: 'auto' }}>
          {translate('shopdesk.macro.insert')}
        </Button>
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
