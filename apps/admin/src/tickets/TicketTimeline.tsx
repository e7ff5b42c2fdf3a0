import { useMemo } from 'react';
import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { TemplateRecord } from '@shopdesk/contracts/scenarios';
import type { TicketEventRecord, TicketRecord } from '@shopdesk/contracts/tickets';
import { RelativeTime } from '../common/RelativeTime';
import { errorMessage } from '../providers/http-client';
import { useTicketEvents } from '../sla/useTicketSla';
import { actorLabel, describeEvent } from './describe-event';
import { useTicketScenario } from './scenario/useTicketScenario';

export { describeEvent } from './describe-event';

const DOT_COLORS: Partial<Record<TicketEventRecord['kind'], string>> = {
  status_changed: 'primary.main',
  scenario_applied: 'secondary.main',
  resolution_recorded: 'success.main',
  automation_pending: 'warning.main',
  sla_warning: 'warning.main',
  sla_breached: 'error.main',
  sla_escalated: 'error.main',
  sla_priority_raised: 'error.main',
  courier_update: 'info.main',
};

/** The ticket's audit trail, oldest first, one readable line per event. */
export const TicketTimeline = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: scenario } = useTicketScenario(record?.id);
  const { data: templates } = useGetList<TemplateRecord>('scenario-templates', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'key', order: 'ASC' },
  });
  const templateTitles = useMemo(
    () => Object.fromEntries((templates ?? []).map((t) => [t.key, t.title])),
    [templates],
  );
  const { data, isPending, error } = useTicketEvents(record?.id);
  if (!record) return null;
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert>;
  if (!data?.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('shopdesk.ticket.message.empty_timeline')}
      </Typography>
    );
  }
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {data.map((event) => (
        <Box
          component="li"
          key={event.id}
          data-testid="ticket-event"
          data-kind={event.kind}
          sx={{
            position: 'relative',
            pl: 2.5,
            pb: 1.5,
            borderLeft: 2,
            borderColor: 'divider',
            '&:last-of-type': { borderColor: 'transparent' },
            '&::before': {
              content: '""',
              position: 'absolute',
              left: -6,
              top: 4,
              width: 10,
              height: 10,
              borderRadius: '50%',
              bgcolor: DOT_COLORS[event.kind] ?? 'grey.500',
            },
          }}
        >
          <Typography variant="body2">{describeEvent(event, translate, { locale, scenario, templateTitles })}</Typography>
          <Typography variant="caption" color="text.secondary">
            {actorLabel(event, locale)} · <RelativeTime value={event.at} />
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
