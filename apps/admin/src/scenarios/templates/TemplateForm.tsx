import { useMemo, type ReactNode } from 'react';
import { Alert, AlertTitle, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  BooleanInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useInput,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { TemplateDefinition, TemplateRecord } from '@shopdesk/contracts/scenarios';
import { typeChoices } from '../../tickets/choices';
import { pick } from '../scenario-format';
import { DefinitionTabs } from './DefinitionTabs';
import {
  definitionToText,
  parseDefinition,
  templateFormErrors,
  validateTemplateForm,
  type TemplateFormValues,
} from './template-form-values';

const Row = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, width: '100%', '& > *': { flex: '1 1 16rem' } }}>
    {children}
  </Box>
);

/**
 * Create and edit share this form: key, type, titles and `active` as inputs; the definition as
 * JSON, checked live with the same validator the API runs (`validateTemplate` from contracts).
 * Key and ticket type are fixed once a template exists.
 */
export const TemplateForm = ({ mode }: { mode: 'create' | 'edit' }) => {
  const translate = useTranslate();
  const record = useRecordContext<TemplateRecord>();
  return (
    <SimpleForm
      defaultValues={(r?: Partial<TemplateRecord>) => ({
        active: true,
        definitionText: definitionToText(r?.definition),
      })}
      validate={validateTemplateForm as (values: Record<string, unknown>) => Record<string, unknown>}
      sx={{ maxWidth: 1400 }}
    >
      <Row>
        <TextInput
          source="key"
          label="shopdesk.template.field.key"
          readOnly={mode === 'edit'}
          helperText={mode === 'edit' ? 'shopdesk.template.message.key_fixed' : 'shopdesk.template.message.key_help'}
          slotProps={{ htmlInput: { 'data-testid': 'template-key', style: { fontFamily: 'monospace' } } }}
        />
        <SelectInput
          source="type"
          label="shopdesk.template.field.type"
          choices={typeChoices}
          readOnly={mode === 'edit'}
          helperText={mode === 'edit' ? 'shopdesk.template.message.type_fixed' : false}
        />
      </Row>
      <Row>
        <TextInput
          source="title.ko"
          label="shopdesk.template.field.title_ko"
          slotProps={{ htmlInput: { 'data-testid': 'template-title-ko' } }}
        />
        <TextInput
          source="title.en"
          label="shopdesk.template.field.title_en"
          slotProps={{ htmlInput: { 'data-testid': 'template-title-en' } }}
        />
      </Row>
      <BooleanInput source="active" label="shopdesk.template.field.active" helperText="shopdesk.template.message.active_help" />
      {mode === 'edit' && record ? (
        <Alert severity="info" sx={{ width: '100%' }}>
          {translate('shopdesk.template.message.new_version', { version: record.version + 1 })}
        </Alert>
      ) : null}
      <DefinitionEditor />
    </SimpleForm>
  );
};

/** The JSON editor, its live validation and (while valid) the structured view and form preview of the draft. */
const DefinitionEditor = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { field, fieldState } = useInput({ source: 'definitionText', label: 'shopdesk.template.field.definition' });
  const values = useWatch() as TemplateFormValues;
  const { json, errors } = useMemo(() => templateFormErrors(values), [values]);
  const paths = Object.keys(errors);
  const definitionValid = !json && !paths.some((p) => p.startsWith('definition'));
  const parsed = parseDefinition(field.value);
  const draft = definitionValid && parsed.ok ? (parsed.value as TemplateDefinition) : null;

  const format = () => {
    if (parsed.ok) field.onChange(JSON.stringify(parsed.value, null, 2));
  };

  const validation = (
    <Box data-testid="template-validation" data-valid={json || paths.length ? 'false' : 'true'} sx={{ mb: 2 }}>
      {json ? (
        <Alert severity="error">
          <AlertTitle>{translate('shopdesk.template.message.json_invalid', { detail: '' })}</AlertTitle>
          <Box component="code" sx={{ fontSize: 12 }}>
            {json}
          </Box>
        </Alert>
      ) : null}
      {paths.length ? (
        <Alert severity="error" sx={{ mt: json ? 1 : 0 }}>
          <AlertTitle>{translate('shopdesk.template.message.error_count', { count: paths.length })}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2, maxHeight: 280, overflow: 'auto' }}>
            {paths.map((path) => (
              <li key={path} data-testid="template-validation-error" data-path={path}>
                <Box component="code" sx={{ fontWeight: 600 }}>
                  {path}
                </Box>
                : {errors[path]}
              </li>
            ))}
          </Box>
        </Alert>
      ) : null}
      {!json && !paths.length ? <Alert severity="success">{translate('shopdesk.template.message.valid')}</Alert> : null}
    </Box>
  );

  const editor = (
    <Box>
      {validation}
      <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {translate('shopdesk.template.message.json_help')}
        </Typography>
        <Button size="small" onClick={format} disabled={!parsed.ok} data-testid="template-format-json">
          {translate('shopdesk.template.action.format_json')}
        </Button>
      </Stack>
      <TextField
        {...field}
        value={field.value ?? ''}
        multiline
        fullWidth
        minRows={20}
        maxRows={48}
        error={!!fieldState.error && fieldState.isTouched}
        label={translate('shopdesk.template.field.definition')}
        slotProps={{
          htmlInput: {
            'data-testid': 'template-definition-json',
            spellCheck: false,
            style: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13, lineHeight: 1.45 },
          },
        }}
      />
    </Box>
  );

  const notValid = (
    <Alert severity="warning">{translate('shopdesk.template.message.fix_to_preview')}</Alert>
  );

  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="subtitle2" component="h2" sx={{ mb: 1 }}>
        {translate('shopdesk.template.field.definition')}
        {draft ? ` — ${pick(draft.summary, locale).slice(0, 60)}` : ''}
      </Typography>
      {draft ? (
        <DefinitionTabs definition={draft} before={[{ id: 'json', content: editor }]} initial="json" />
      ) : (
        <DefinitionTabs
          definition={null}
          before={[
            { id: 'json', content: editor },
            { id: 'overview', content: notValid },
            { id: 'preview', content: notValid },
          ]}
          initial="json"
        />
      )}
    </Box>
  );
};
