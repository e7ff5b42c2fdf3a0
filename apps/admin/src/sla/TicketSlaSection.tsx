import { Alert, Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { SLA_RUNGS, type TicketSlaRecord } from '@shopdesk/contracts/sla';
import type { TicketEventRecord, TicketRecord } from '@shopdesk/contracts/tickets';
import { Section } from '../common/Section';
import { errorMessage } from '../providers/http-client';
import { formatKst } from '../scenarios/scenario-format';
import { formatKstShort, formatMinutes, rungTimes } from './sla-format';
import { SlaBreachedChip, SlaCountdown, SlaStateChip } from './SlaChips';
import { useTicketEvents, useTicketSla } from './useTicketSla';

const BORDER: Record<TicketSlaRecord['state'], string> = {
  active: 'primary.main',
  paused: 'warning.main',
  fulfilled: 'success.main',
  breached: 'error.main',
};

const SlaTarget = ({ sla, events }: { sla: TicketSlaRecord; events: TicketEventRecord[] | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const fired = rungTimes(events, sla);
  // A clock still runs until the target is met; a breached one keeps counting how late it is.
  const running = !sla.fulfilledAt && (sla.state === 'active' || sla.state === 'breached');
  return (
    <Box
      data-testid={`sla-target-${sla.target}`}
      data-state={sla.state}
      sx={{ mb: 1.5, pl: 1, borderLeft: 3, borderColor: BORDER[sla.state] }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {translate(`shopdesk.sla.target.${sla.target}`)}
        </Typography>
        <SlaStateChip state={sla.state} />
      </Box>
      {sla.dueAt ? (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="body2" component="time" dateTime={sla.dueAt} color="text.secondary" data-testid="sla-due">
            {formatKst(sla.dueAt, locale)}
          </Typography>
          {running ? <SlaCountdown dueAt={sla.dueAt} /> : null}
        </Box>
      ) : sla.state === 'paused' ? (
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('shopdesk.sla.message.no_due')}
        </Typography>
      ) : null}
      <Stack spacing={0.25} sx={{ mt: 0.25 }}>
        {sla.state === 'paused' && sla.pausedAt ? (
          <Typography variant="caption" color="warning.dark" component="div">
            {translate('shopdesk.sla.message.paused_since', { time: formatKst(sla.pausedAt, locale) })}
          </Typography>
        ) : null}
        {sla.pausedMinutes > 0 ? (
          <Typography variant="caption" color="text.secondary" component="div" data-testid="sla-paused-minutes">
            {translate('shopdesk.sla.message.paused_minutes', { time: formatMinutes(Math.round(sla.pausedMinutes), translate) })}
          </Typography>
        ) : null}
        {sla.breachedAt ? (
          <Typography variant="caption" color="error" component="div">
            {translate('shopdesk.sla.message.breached_at', { time: formatKst(sla.breachedAt, locale) })}
          </Typography>
        ) : null}
        {sla.fulfilledAt ? (
          <Typography variant="caption" color="text.secondary" component="div">
            {translate('shopdesk.sla.message.fulfilled_at', { time: formatKst(sla.fulfilledAt, locale) })}
          </Typography>
        ) : null}
      </Stack>
      {sla.rungsDone.length ? (
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.5 }}>
          {SLA_RUNGS.filter((rung) => sla.rungsDone.includes(rung)).map((rung) => {
            const at = formatKstShort(fired[rung]);
            const name = translate(`shopdesk.sla.rung.${rung}`);
            return (
              <Chip
                key={rung}
                size="small"
                variant="outlined"
                color={rung === 'warning' ? 'warning' : 'error'}
                label={at ? `${name} ${at}` : name}
                data-testid={`sla-rung-${rung}`}
              />
            );
          })}
        </Box>
      ) : null}
    </Box>
  );
};

/** Every SLA target of the ticket: due time (KST), live countdown, state, pauses and fired rungs. */
export const TicketSlaSection = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const { data, isPending, error } = useTicketSla(record?.id);
  const { data: events } = useTicketEvents(record?.id);
  if (!record) return null;
  return (
    <Section
      title={translate('shopdesk.sla.section')}
      testId="ticket-sla"
      action={record.slaBreached ? <SlaBreachedChip /> : undefined}
    >
      {isPending ? (
        <LinearProgress />
      ) : error ? (
        <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert>
      ) : !data?.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('shopdesk.sla.message.none')}
        </Typography>
      ) : (
        <>
          {data.map((sla) => (
            <SlaTarget key={sla.target} sla={sla} events={events} />
          ))}
          <Typography variant="caption" color="text.disabled" component="div">
            {translate('shopdesk.sla.message.policy', { policy: [...new Set(data.map((s) => s.policyKey))].join(', ') })}
          </Typography>
        </>
      )}
    </Section>
  );
};
