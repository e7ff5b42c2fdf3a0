import { useState, type MouseEvent } from 'react';
import { Autocomplete, Button, Chip, ListItemText, Menu, MenuItem, Stack, TextField, Tooltip } from '@mui/material';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import {
  TICKET_PRIORITIES,
  TICKET_TRANSITIONS,
  type TicketPriority,
  type TicketRecord,
  type TicketStatus,
} from '@shopdesk/contracts/tickets';
import { useTicketCommand } from './useTicketCommand';

// Commands on one ticket. Each POSTs to /tickets/:id/<command>, which returns the updated
// ticket; useTicketCommand refreshes the page and reports the server's message on failure.

/** "나에게 배정": takes the ticket for the logged-in user. */
export const AssignToMeButton = () => {
  const record = useRecordContext<TicketRecord>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const { run, pending } = useTicketCommand();
  if (!record || !identity) return null;
  const mine = record.assigneeId === identity.id;

  return (
    <Button
      data-testid="assign-to-me"
      variant="outlined"
      startIcon={<PersonAddIcon />}
      disabled={pending || mine}
      onClick={() =>
        run((dataProvider) => dataProvider.assignTicket(record.id, String(identity.id)), {
          message: 'shopdesk.ticket.notification.assigned',
        })
      }
    >
      {translate(mine ? 'shopdesk.ticket.message.assigned_to_you' : 'shopdesk.ticket.action.assign_to_me')}
    </Button>
  );
};

/** A button opening a menu of values; used for status and priority. */
const CommandMenu = <T extends string>({
  testId,
  label,
  options,
  optionLabel,
  disabledHint,
  pending,
  onSelect,
}: {
  testId: string;
  label: string;
  options: readonly T[];
  optionLabel: (value: T) => string;
  disabledHint?: string;
  pending: boolean;
  onSelect: (value: T) => void;
}) => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const button = (
    <span>
      <Button
        data-testid={testId}
        variant="outlined"
        endIcon={<ArrowDropDownIcon />}
        disabled={pending || options.length === 0}
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
      >
        {label}
      </Button>
    </span>
  );
  return (
    <>
      {options.length === 0 && disabledHint ? <Tooltip title={disabledHint}>{button}</Tooltip> : button}
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {options.map((value) => (
          <MenuItem
            key={value}
            data-testid={`${testId}-${value}`}
            onClick={() => {
              setAnchor(null);
              onSelect(value);
            }}
          >
            <ListItemText>{optionLabel(value)}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};

/** Offers only the statuses the lifecycle allows from the current one. */
export const StatusMenuButton = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const { run, pending } = useTicketCommand();
  if (!record) return null;
  const statusLabel = (status: TicketStatus) => translate(`shopdesk.ticket.status.${status}`);

  return (
    <CommandMenu<TicketStatus>
      testId="change-status"
      label={translate('shopdesk.ticket.action.change_status')}
      options={TICKET_TRANSITIONS[record.status] ?? []}
      optionLabel={statusLabel}
      disabledHint={translate('shopdesk.ticket.message.no_next_status')}
      pending={pending}
      onSelect={(status) =>
        run((dataProvider) => dataProvider.changeTicketStatus(record.id, status), {
          message: 'shopdesk.ticket.notification.status_changed',
          messageArgs: { status: statusLabel(status) },
        })
      }
    />
  );
};

export const PriorityMenuButton = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const { run, pending } = useTicketCommand();
  if (!record) return null;
  const priorityLabel = (priority: TicketPriority) => translate(`shopdesk.ticket.priority.${priority}`);

  return (
    <CommandMenu<TicketPriority>
      testId="change-priority"
      label={translate('shopdesk.ticket.action.change_priority')}
      options={TICKET_PRIORITIES.filter((priority) => priority !== record.priority)}
      optionLabel={priorityLabel}
      pending={pending}
      onSelect={(priority) =>
        run((dataProvider) => dataProvider.changeTicketPriority(record.id, priority), {
          message: 'shopdesk.ticket.notification.priority_changed',
          messageArgs: { priority: priorityLabel(priority) },
        })
      }
    />
  );
};

/** Free-form tags; saved as a whole list. Keyed by the saved tags so a refresh resets it. */
export const TagsEditor = () => {
  const record = useRecordContext<TicketRecord>();
  if (!record) return null;
  const saved = record.tags ?? [];
  return <TagsEditorForm key={saved.join('\u0000')} ticketId={record.id} saved={saved} />;
};

/** Tags are single words (letters, digits, Hangul, `-`, `_`): "재배송 요청" becomes "재배송-요청". */
const normaliseTag = (tag: string) => tag.trim().replace(/\s+/g, '-');

const TagsEditorForm = ({ ticketId, saved }: { ticketId: string; saved: string[] }) => {
  const translate = useTranslate();
  const { run, pending } = useTicketCommand();
  const [tags, setTags] = useState<string[]>(saved);
  const changed = tags.join('\u0000') !== saved.join('\u0000');

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Autocomplete<string, true, false, true>
        multiple
        freeSolo
        fullWidth
        size="small"
        options={[]}
        value={tags}
        disabled={pending}
        onChange={(_event, value) => setTags([...new Set(value.map(normaliseTag).filter(Boolean))])}
        renderValue={(value, getItemProps) =>
          value.map((tag, index) => {
            const { key, ...itemProps } = getItemProps({ index });
            return <Chip key={key} size="small" label={tag} {...itemProps} />;
          })
        }
        renderInput={(params) => (
          <TextField
            {...params}
            label={translate('resources.tickets.fields.tags')}
            placeholder={translate('shopdesk.ticket.message.tags_placeholder')}
          />
        )}
      />
      <Button
        data-testid="save-tags"
        variant="outlined"
        disabled={pending || !changed}
        onClick={() =>
          run((dataProvider) => dataProvider.setTicketTags(ticketId, tags), {
            message: 'shopdesk.ticket.notification.tags_saved',
          })
        }
        sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
      >
        {translate('shopdesk.ticket.action.save_tags')}
      </Button>
    </Stack>
  );
};
