import { useState } from 'react';
import { Alert, Box, Button, Chip, LinearProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import AutoAwesomeIcon from '@mui/icons-material/AutoAwesome';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import type { Localized, TemplateRecord } from '@shopdesk/contracts/scenarios';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { errorMessage } from '../../providers/http-client';
import { pick } from '../../scenarios/scenario-format';
import { useScenarioCommand, useScenarioSuggestions } from './useTicketScenario';

/**
 * Picks the template for a ticket: the server's suggestions first (best first, with the reasons
 * for the agent to judge), then every active template of the ticket's type.
 */
export const TemplateChooser = ({
  ticket,
  currentKey,
  onApplied,
}: {
  ticket: TicketRecord;
  /** The applied template, when switching. */
  currentKey?: string;
  onApplied?: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { run, pending } = useScenarioCommand();
  const suggestions = useScenarioSuggestions(ticket.id);
  const templates = useGetList<TemplateRecord>('scenario-templates', {
    filter: { type: ticket.type, active: true },
    sort: { field: 'key', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  const [selected, setSelected] = useState('');

  const apply = async (templateKey: string, title: Localized | undefined) => {
    const result = await run((dataProvider) => dataProvider.applyScenarioTemplate(ticket.id, templateKey), {
      success: 'shopdesk.scenario.notification.applied',
      successArgs: { title: title ? pick(title, locale) : templateKey },
    });
    if (result.ok) onApplied?.();
  };

  const choices = (templates.data ?? []).filter((t) => t.key !== currentKey);
  const selectedTemplate = choices.find((t) => t.key === selected);

  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="subtitle2" component="h3" sx={{ mb: 1, display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <AutoAwesomeIcon fontSize="small" color="primary" />
          {translate('shopdesk.scenario.section.suggestions')}
        </Typography>
        {suggestions.isPending ? (
          <LinearProgress />
        ) : suggestions.error ? (
          <Alert severity="error">{errorMessage(suggestions.error)}</Alert>
        ) : !suggestions.data?.length ? (
          <Typography variant="body2" color="text.secondary">
            {translate('shopdesk.scenario.message.no_suggestions')}
          </Typography>
        ) : (
          <Stack spacing={1} data-testid="template-suggestions">
            {suggestions.data.map((suggestion, index) => {
              const applied = suggestion.templateKey === currentKey;
              return (
                <Paper
                  key={suggestion.templateKey}
                  variant="outlined"
                  data-testid={`template-suggestion-${suggestion.templateKey}`}
                  sx={{
                    p: 1.5,
                    display: 'flex',
                    gap: 1.5,
                    alignItems: 'center',
                    borderColor: index === 0 ? 'primary.main' : undefined,
                  }}
                >
                  <Box sx={{ flex: 1, minWidth: 0 }}>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
                      <Typography variant="subtitle1" component="span">
                        {pick(suggestion.title, locale)}
                      </Typography>
                      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                        {suggestion.templateKey}
                      </Typography>
                      {index === 0 ? (
                        <Chip size="small" color="primary" label={translate('shopdesk.scenario.message.best_match')} />
                      ) : null}
                      <Typography variant="caption" color="text.secondary">
                        {translate('shopdesk.scenario.message.score', { score: suggestion.score })}
                      </Typography>
                    </Stack>
                    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
                      {suggestion.reasons.map((reason, i) => (
                        <Chip key={i} size="small" variant="outlined" label={pick(reason, locale)} />
                      ))}
                    </Stack>
                  </Box>
                  <Button
                    variant={index === 0 ? 'contained' : 'outlined'}
                    disabled={pending || applied}
                    onClick={() => apply(suggestion.templateKey, suggestion.title)}
                    data-testid={`apply-template-${suggestion.templateKey}`}
                    sx={{ flexShrink: 0 }}
                  >
                    {translate(applied ? 'shopdesk.scenario.message.applied' : 'shopdesk.scenario.action.apply')}
                  </Button>
                </Paper>
              );
            })}
          </Stack>
        )}
      </Box>

      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          select
          size="small"
          fullWidth
          label={translate('shopdesk.scenario.message.other_templates', {
            type: translate(`shopdesk.ticket.type.${ticket.type}`),
          })}
          value={selected}
          onChange={(event) => setSelected(event.target.value)}
          disabled={pending || templates.isPending}
          slotProps={{
            select: { native: true },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'template-select' },
          }}
        >
          <option value="">{translate('shopdesk.scenario.message.choose')}</option>
          {choices.map((t) => (
            <option key={t.key} value={t.key}>
              {`${pick(t.title, locale)} (${t.key}, v${t.version})`}
            </option>
          ))}
        </TextField>
        <Button
          variant="outlined"
          disabled={pending || !selectedTemplate}
          onClick={() => selectedTemplate && apply(selectedTemplate.key, selectedTemplate.title)}
          data-testid="apply-selected-template"
          sx={{ flexShrink: 0 }}
        >
          {translate('shopdesk.scenario.action.apply')}
        </Button>
      </Stack>
      {templates.error ? <Alert severity="error">{errorMessage(templates.error)}</Alert> : null}
    </Stack>
  );
};
