import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TicketPriority, TicketStatus, TicketType } from '@shopdesk/contracts/tickets';

const STATUS_COLORS: Record<TicketStatus, ChipProps['color']> = {
  new: 'info',
  open: 'primary',
  pending_customer: 'warning',
  pending_courier: 'warning',
  pending_warehouse: 'warning',
  resolved: 'success',
  closed: 'default',
};

const PRIORITY_COLORS: Record<TicketPriority, ChipProps['color']> = {
  low: 'default',
  normal: 'default',
  high: 'warning',
  urgent: 'error',
};

export const StatusChip = ({ status }: { status: TicketStatus }) => {
  const translate = useTranslate();
  return <Chip size="small" color={STATUS_COLORS[status]} label={translate(`shopdesk.ticket.status.${status}`)} />;
};

export const PriorityChip = ({ priority }: { priority: TicketPriority }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={priority === 'urgent' || priority === 'high' ? 'filled' : 'outlined'}
      color={PRIORITY_COLORS[priority]}
      label={translate(`shopdesk.ticket.priority.${priority}`)}
    />
  );
};

export const TypeChip = ({ type }: { type: TicketType }) => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" label={translate(`shopdesk.ticket.type.${type}`)} />;
};
