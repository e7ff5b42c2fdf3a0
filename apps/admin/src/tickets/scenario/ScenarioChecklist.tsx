import { Box, Checkbox, Chip, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { isEmptyValue } from '@shopdesk/contracts/scenario-fields';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { RelativeTime } from '../../common/RelativeTime';
import { Section } from '../../common/Section';
import { pick } from '../../scenarios/scenario-format';
import { useScenarioCommand, useTicketScenario } from './useTicketScenario';

/** The template's steps in order; blocking ones ("필수") must be ticked before resolving. */
export const ScenarioChecklist = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: scenario } = useTicketScenario(record?.id);
  const { run, pending } = useScenarioCommand();
  if (!record || !scenario) return null;

  const steps = scenario.definition.checklist;
  const marks = new Map(scenario.checklist.map((c) => [c.id, c]));
  const fieldLabel = (id: string) => {
    const def = scenario.definition.fields.find((f) => f.id === id);
    return def ? pick(def.label, locale) : id;
  };
  const doneCount = steps.filter((s) => marks.get(s.id)?.done).length;

  const toggle = (stepId: string, done: boolean) =>
    run((dataProvider) => dataProvider.setScenarioChecklistStep(record.id, stepId, done), {
      success: 'shopdesk.scenario.notification.checklist_saved',
    });

  return (
    <Section
      title={translate('shopdesk.scenario.section.checklist')}
      testId="scenario-checklist"
      action={
        <Typography variant="caption" color="text.secondary">
          {translate('shopdesk.scenario.message.progress', { done: doneCount, total: steps.length })}
        </Typography>
      }
    >
      <LinearProgress
        variant="determinate"
        value={steps.length ? (doneCount / steps.length) * 100 : 0}
        sx={{ mb: 1, borderRadius: 1 }}
        color={doneCount === steps.length ? 'success' : 'primary'}
      />
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {steps.map((step, index) => {
          const mark = marks.get(step.id);
          const done = mark?.done ?? false;
          const label = pick(step.label, locale);
          const missing = (step.requires ?? []).filter((f) => isEmptyValue(scenario.fields[f]));
          return (
            <Box
              component="li"
              key={step.id}
              data-testid={`checklist-row-${step.id}`}
              data-done={done ? 'true' : 'false'}
              sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5, py: 0.5 }}
            >
              <Checkbox
                checked={done}
                disabled={pending}
                onChange={(event) => toggle(step.id, event.target.checked)}
                size="small"
                sx={{ mt: -0.5 }}
                slotProps={{ input: { 'aria-label': label, 'data-testid': `checklist-step-${step.id}` } as object }}
              />
              <Box sx={{ minWidth: 0 }}>
                <Stack direction="row" spacing={0.75} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography
                    variant="body2"
                    sx={{ textDecoration: done ? 'line-through' : undefined, color: done ? 'text.secondary' : undefined }}
                  >
                    {index + 1}. {label}
                  </Typography>
                  {step.blocking ? (
                    <Tooltip title={translate('shopdesk.scenario.message.blocking_help')}>
                      <Chip
                        size="small"
                        color="error"
                        variant={done ? 'outlined' : 'filled'}
                        label={translate('shopdesk.scenario.message.blocking')}
                        data-testid={`checklist-blocking-${step.id}`}
                      />
                    </Tooltip>
                  ) : null}
                </Stack>
                {step.help ? (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {pick(step.help, locale)}
                  </Typography>
                ) : null}
                {!done && missing.length ? (
                  <Typography variant="caption" color="warning.main" component="div">
                    {translate('shopdesk.scenario.message.requires', { fields: missing.map(fieldLabel).join(', ') })}
                  </Typography>
                ) : null}
                {mark?.at ? (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {translate(done ? 'shopdesk.scenario.message.done_by' : 'shopdesk.scenario.message.undone_by', {
                      by: mark.by ?? '',
                    })}{' '}
                    · <RelativeTime value={mark.at} />
                  </Typography>
                ) : null}
              </Box>
            </Box>
          );
        })}
      </Box>
    </Section>
  );
};
