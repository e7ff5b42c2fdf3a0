import { Box, Chip, Tooltip, Typography, type ChipProps } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate, type TranslateFunction } from 'react-admin';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { useNow } from '../../common/RelativeTime';
import { Section } from '../../common/Section';
import { countdown, formatKst, liveDeadlineState, pick, type DeadlineState } from '../../scenarios/scenario-format';
import { useTicketScenario } from './useTicketScenario';

const STATE_COLORS: Record<DeadlineState, ChipProps['color']> = {
  ok: 'default',
  warning: 'warning',
  passed: 'error',
  unknown: 'default',
};

/** "2일 3시간 남음" / "5시간 10분 남음" / "기한 지남". */
export function countdownText(dueAt: string, now: number, translate: TranslateFunction): string {
  const left = countdown(dueAt, now);
  if (left.passed) return translate('shopdesk.scenario.countdown.passed');
  if (left.days > 0) return translate('shopdesk.scenario.countdown.days', { days: left.days, hours: left.hours });
  if (left.hours > 0) return translate('shopdesk.scenario.countdown.hours', { hours: left.hours, minutes: left.minutes });
  return translate('shopdesk.scenario.countdown.minutes', { minutes: left.minutes });
}

/** The template's deadlines, due time in KST and a live countdown coloured by urgency. */
export const ScenarioDeadlines = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const now = useNow(30_000);
  const { data: scenario } = useTicketScenario(record?.id);
  if (!record || !scenario) return null;
  const defs = scenario.definition.deadlines;
  if (!defs.length) return null;
  const resolved = !!scenario.resolution;

  return (
    <Section title={translate('shopdesk.scenario.section.deadlines')} testId="scenario-deadlines">
      {defs.map((def) => {
        const deadline = scenario.deadlines.find((d) => d.id === def.id) ?? {
          id: def.id,
          dueAt: null,
          warnAt: null,
          state: 'unknown' as const,
        };
        // Once resolved, deadlines are history: no countdown, no alarm colours.
        const state = resolved ? (deadline.dueAt ? 'ok' : 'unknown') : liveDeadlineState(deadline, now);
        const color = state === 'passed' ? 'error.main' : state === 'warning' ? 'warning.dark' : undefined;
        return (
          <Box
            key={def.id}
            data-testid={`deadline-${def.id}`}
            data-state={state}
            sx={{
              mb: 1.5,
              pl: 1,
              borderLeft: 3,
              borderColor: state === 'passed' ? 'error.main' : state === 'warning' ? 'warning.main' : 'divider',
            }}
          >
            <Tooltip title={def.help ? pick(def.help, locale) : ''} placement="top-start">
              <Typography variant="body2" sx={{ fontWeight: 500 }} color={color}>
                {pick(def.label, locale)}
              </Typography>
            </Tooltip>
            {deadline.dueAt ? (
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Typography variant="body2" component="time" dateTime={deadline.dueAt} color={color ?? 'text.secondary'}>
                  {formatKst(deadline.dueAt, locale)}
                </Typography>
                {resolved ? null : (
                  <Chip
                    size="small"
                    color={STATE_COLORS[state]}
                    variant={state === 'ok' ? 'outlined' : 'filled'}
                    label={countdownText(deadline.dueAt, now, translate)}
                    data-testid={`deadline-countdown-${def.id}`}
                  />
                )}
              </Box>
            ) : (
              <Typography variant="caption" color="text.disabled" component="div">
                {translate('shopdesk.scenario.message.deadline_unknown')}
              </Typography>
            )}
          </Box>
        );
      })}
    </Section>
  );
};
