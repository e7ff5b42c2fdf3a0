import { useMemo, useState } from 'react';
import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import UndoIcon from '@mui/icons-material/Undo';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { fieldValueError, isEmptyValue } from '@shopdesk/contracts/scenario-fields';
import type { FieldDef, TicketScenarioRecord } from '@shopdesk/contracts/scenarios';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import {
  fieldErrorsFromServer,
  fieldErrorTranslation,
  fromDraft,
  pick,
  sameValue,
  toDraft,
  type DraftValue,
} from '../../scenarios/scenario-format';
import { ScenarioFieldInput, ScenarioFieldValue } from '../../scenarios/ScenarioFieldInput';
import { useScenarioCommand } from './useTicketScenario';

/** Wide inputs (lists, free text) take a whole row; the rest share rows two by two. */
const WIDE_TYPES = new Set(['item_list', 'evidence', 'text']);

/**
 * The template's fields as a form. Keyed by the saved values, so a save (or a template switch)
 * starts over from what the server stored, while unrelated refreshes keep unsaved edits.
 */
export const ScenarioFieldsForm = ({ scenario, ticket }: { scenario: TicketScenarioRecord; ticket: TicketRecord }) => (
  <FieldsForm key={`${scenario.templateId}:${JSON.stringify(scenario.fields)}`} scenario={scenario} ticket={ticket} />
);

const FieldsForm = ({ scenario, ticket }: { scenario: TicketScenarioRecord; ticket: TicketRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const { run, pending } = useScenarioCommand();
  const defs = scenario.definition.fields;
  const agentDefs = useMemo(() => defs.filter((f) => f.fillableBy.includes('agent')), [defs]);
  const customerOnly = useMemo(() => defs.filter((f) => !f.fillableBy.includes('agent')), [defs]);

  const initial = useMemo(
    () => Object.fromEntries(defs.map((f) => [f.id, toDraft(f, scenario.fields[f.id])])) as Record<string, DraftValue>,
    [defs, scenario.fields],
  );
  const [drafts, setDrafts] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const changed = agentDefs.filter((f) => !sameValue(fromDraft(f, drafts[f.id]), scenario.fields[f.id]));
  const translateError = (message: string) => {
    const { key, args } = fieldErrorTranslation(message);
    return translate(key, { ...args, _: message });
  };

  const setDraft = (def: FieldDef, value: DraftValue) => {
    setDrafts((previous) => ({ ...previous, [def.id]: value }));
    setErrors(({ [def.id]: _cleared, ...rest }) => rest);
  };

  const save = async () => {
    const values: Record<string, unknown> = {};
    const invalid: Record<string, string> = {};
    for (const def of changed) {
      const value = fromDraft(def, drafts[def.id]);
      const error = fieldValueError(def, value);
      if (error) invalid[def.id] = translateError(error);
      else values[def.id] = isEmptyValue(value) ? null : value;
    }
    if (Object.keys(invalid).length) {
      setErrors(invalid);
      notify('shopdesk.scenario.notification.fields_invalid', { type: 'warning' });
      return;
    }
    const result = await run((dataProvider) => dataProvider.setScenarioFields(ticket.id, values), {
      success: 'shopdesk.scenario.notification.fields_saved',
    });
    if (!result.ok) setErrors(fieldErrorsFromServer(result.failure.errors));
  };

  const missing = new Set(scenario.missingFields);
  const missingLabels = defs.filter((f) => missing.has(f.id)).map((f) => pick(f.label, locale));

  return (
    <Box data-testid="scenario-fields">
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {translate('shopdesk.scenario.section.fields')}
      </Typography>
      {missingLabels.length ? (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="scenario-missing-fields">
          {translate('shopdesk.scenario.message.missing_fields', { fields: missingLabels.join(', ') })}
        </Alert>
      ) : null}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' },
        }}
      >
        {agentDefs.map((def) => {
          const isMissing = missing.has(def.id) && isEmptyValue(fromDraft(def, drafts[def.id]));
          return (
            <Box
              key={def.id}
              data-testid={`scenario-field-row-${def.id}`}
              data-missing={isMissing ? 'true' : 'false'}
              sx={{
                gridColumn: WIDE_TYPES.has(def.type) ? '1 / -1' : undefined,
                borderLeft: 3,
                borderColor: isMissing ? 'warning.main' : 'transparent',
                pl: 1,
              }}
            >
              {isMissing ? (
                <Chip size="small" color="warning" variant="outlined" label={translate('shopdesk.scenario.message.missing')} sx={{ mb: 0.75 }} />
              ) : null}
              <ScenarioFieldInput
                def={def}
                value={drafts[def.id]}
                onChange={(value) => setDraft(def, value)}
                error={errors[def.id]}
                disabled={pending}
                orderItems={def.type === 'item_list' ? ticket.order.items : undefined}
              />
            </Box>
          );
        })}
      </Box>

      {customerOnly.length ? (
        <Box sx={{ mt: 2 }}>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
            {translate('shopdesk.scenario.message.customer_only')}
          </Typography>
          {customerOnly.map((def) => (
            <Box key={def.id} sx={{ mb: 1 }} data-testid={`scenario-field-row-${def.id}`}>
              <Typography variant="caption" color="text.secondary" component="div">
                {pick(def.label, locale)}
                {def.required ? ' *' : ''}
              </Typography>
              <Typography variant="body2" component="div">
                <ScenarioFieldValue def={def} value={scenario.fields[def.id]} />
              </Typography>
            </Box>
          ))}
        </Box>
      ) : null}

      <Stack direction="row" spacing={1} sx={{ mt: 2, justifyContent: 'flex-end', alignItems: 'center' }}>
        {changed.length ? (
          <Typography variant="caption" color="warning.main" sx={{ mr: 'auto' }}>
            {translate('shopdesk.scenario.message.unsaved', { count: changed.length })}
          </Typography>
        ) : null}
        <Button
          startIcon={<UndoIcon />}
          disabled={pending || !changed.length}
          onClick={() => {
            setDrafts(initial);
            setErrors({});
          }}
          data-testid="scenario-fields-reset"
        >
          {translate('shopdesk.scenario.action.reset_fields')}
        </Button>
        <Button
          variant="contained"
          startIcon={<SaveIcon />}
          disabled={pending || !changed.length}
          onClick={save}
          data-testid="scenario-fields-save"
        >
          {translate('shopdesk.scenario.action.save_fields')}
        </Button>
      </Stack>
    </Box>
  );
};
