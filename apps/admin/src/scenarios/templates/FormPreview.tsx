import { useState } from 'react';
import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { fieldValueError } from '@shopdesk/contracts/scenario-fields';
import type { FieldDef, TemplateDefinition } from '@shopdesk/contracts/scenarios';
import { fieldErrorTranslation, fromDraft, pick, toDraft, type DraftValue } from '../scenario-format';
import { ScenarioFieldInput } from '../ScenarioFieldInput';

/**
 * The fields as the customer form and the agent's panel will render them. Inputs work and
 * validate like the real ones, but nothing is saved.
 */
export const FormPreview = ({ definition }: { definition: TemplateDefinition }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const customer = definition.fields.filter((f) => f.fillableBy.includes('customer'));
  const agent = definition.fields.filter((f) => f.fillableBy.includes('agent'));
  return (
    <Stack spacing={2} data-testid="template-form-preview">
      <Alert severity="info">{translate('shopdesk.template.message.preview_help')}</Alert>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, alignItems: 'start' }}>
        <Paper variant="outlined" sx={{ p: 2 }} data-testid="template-preview-customer">
          <Typography variant="overline" color="text.secondary" component="div">
            {translate('shopdesk.template.section.customer_form')}
          </Typography>
          <Typography variant="h6" component="h3" sx={{ mb: 2 }}>
            {pick(definition.customerTitle, locale)}
          </Typography>
          <PreviewFields fields={customer} prefix="preview-customer" />
        </Paper>
        <Paper variant="outlined" sx={{ p: 2 }} data-testid="template-preview-agent">
          <Typography variant="overline" color="text.secondary" component="div">
            {translate('shopdesk.template.section.agent_form')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {pick(definition.summary, locale)}
          </Typography>
          <PreviewFields fields={agent} prefix="preview-agent" />
        </Paper>
      </Box>
    </Stack>
  );
};

const PreviewFields = ({ fields, prefix }: { fields: FieldDef[]; prefix: string }) => {
  const translate = useTranslate();
  const [drafts, setDrafts] = useState<Record<string, DraftValue>>({});
  if (!fields.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('shopdesk.template.message.no_fields')}
      </Typography>
    );
  }
  return (
    <Stack spacing={2}>
      {fields.map((def) => {
        // Keyed by id and type: while a template is being edited a field may change type.
        const slot = `${def.id}:${def.type}`;
        const draft = drafts[slot] ?? toDraft(def, undefined);
        const error = fieldValueError(def, fromDraft(def, draft));
        const translated = error ? fieldErrorTranslation(error) : null;
        return (
          <ScenarioFieldInput
            key={def.id}
            def={def}
            value={draft}
            onChange={(value) => setDrafts((previous) => ({ ...previous, [slot]: value }))}
            error={translated ? translate(translated.key, { ...translated.args, _: error }) : null}
            testIdPrefix={prefix}
          />
        );
      })}
    </Stack>
  );
};
