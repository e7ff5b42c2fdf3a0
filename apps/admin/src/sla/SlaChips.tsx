import { Box, Chip, Tooltip, Typography, type ChipProps } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { SlaState } from '@shopdesk/contracts/sla';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { useNow } from '../common/RelativeTime';
import { formatKst } from '../scenarios/scenario-format';
import { formatMinutes, slaCountdown, slaCountdownText } from './sla-format';

const STATE_COLORS: Record<SlaState, ChipProps['color']> = {
  active: 'primary',
  paused: 'warning',
  fulfilled: 'success',
  breached: 'error',
};

/** 진행 중 / 일시정지 / 충족 / 위반. */
export const SlaStateChip = ({ state }: { state: SlaState }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={STATE_COLORS[state]}
      variant={state === 'breached' ? 'filled' : 'outlined'}
      label={translate(`shopdesk.sla.state.${state}`)}
      data-testid="sla-state"
    />
  );
};

/** The red "SLA 위반" chip of a ticket with a breached target. */
export const SlaBreachedChip = () => {
  const translate = useTranslate();
  return <Chip size="small" color="error" label={translate('shopdesk.sla.breached_chip')} data-testid="sla-breached-chip" />;
};

/**
 * A live countdown to an SLA due time: "45분 남음", amber within the hour, red and negative
 * ("-12분") once overdue; the exact KST time in the tooltip.
 */
export const SlaCountdown = ({ dueAt, testId = 'sla-countdown' }: { dueAt: string; testId?: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const now = useNow(15_000);
  const { urgency, minutes } = slaCountdown(dueAt, now);
  const title =
    urgency === 'overdue'
      ? `${translate('shopdesk.sla.countdown.overdue_help', { time: formatMinutes(minutes, translate) })} · ${formatKst(dueAt, locale)}`
      : (formatKst(dueAt, locale) ?? '');
  return (
    <Tooltip title={title}>
      <Typography
        variant="body2"
        component="time"
        dateTime={dueAt}
        data-testid={testId}
        data-urgency={urgency}
        color={urgency === 'overdue' ? 'error' : urgency === 'soon' ? 'warning.dark' : undefined}
        sx={{ fontWeight: urgency === 'later' ? undefined : 600, whiteSpace: 'nowrap' }}
      >
        {slaCountdownText(dueAt, now, translate)}
      </Typography>
    </Tooltip>
  );
};

/** The list's "다음 SLA" cell: the countdown to the earliest running target and the breach chip. */
export const NextSlaCell = ({ record }: { record: TicketRecord }) => {
  if (!record.slaDueAt && !record.slaBreached) {
    return (
      <Typography variant="body2" component="span" color="text.disabled" data-testid="next-sla" data-empty="true">
        –
      </Typography>
    );
  }
  return (
    <Box
      component="span"
      data-testid="next-sla"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, flexWrap: 'wrap' }}
    >
      {record.slaDueAt ? <SlaCountdown dueAt={record.slaDueAt} /> : null}
      {record.slaBreached ? <SlaBreachedChip /> : null}
    </Box>
  );
};
