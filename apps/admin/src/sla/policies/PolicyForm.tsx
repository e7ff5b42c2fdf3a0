import type { ReactNode } from 'react';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteArrayInput,
  BooleanInput,
  NumberInput,
  SelectArrayInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextArrayInput,
  TextInput,
  Toolbar,
  useGetList,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { SLA_TARGETS } from '@shopdesk/contracts/sla';
import type { TemplateRecord } from '@shopdesk/contracts/scenarios';
import { pick } from '../../scenarios/scenario-format';
import { channelChoices, priorityChoices, typeChoices } from '../../tickets/choices';
import { CheckboxInput } from '../CheckboxInput';
import { formatMinutes, minutesInputToSeconds, secondsToMinutesText } from '../sla-format';
import type { BusinessCalendarRecord } from '../types';
import { PAUSABLE_STATUSES, PRIORITY_ROWS, policyDefaults, validatePolicyForm, type PolicyFormValues } from '../policy-form';

const pauseChoices = PAUSABLE_STATUSES.map((id) => ({ id, name: `shopdesk.ticket.status.${id}` }));

/** A section title inside a form (title and help are translation keys). */
const Heading = ({ title, help }: { title: string; help?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 3, mb: 1, width: '100%' }}>
      <Typography variant="h6" component="h2">
        {translate(title)}
      </Typography>
      {help ? (
        <Typography variant="body2" color="text.secondary">
          {translate(help)}
        </Typography>
      ) : null}
    </Box>
  );
};

const Row = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, width: '100%', '& > *': { flex: '1 1 14rem' } }}>
    {children}
  </Box>
);

/** "= 8시간" under a minutes cell, so 480 and 1620 read at a glance. */
const MinutesHint = ({ source }: { source: string }) => {
  const translate = useTranslate();
  const value = useWatch({ name: source }) as unknown;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 60) return null;
  return (
    <Typography variant="caption" color="text.secondary" component="div" data-testid="minutes-hint">
      = {formatMinutes(value, translate)}
    </Typography>
  );
};

/** Priorities down, targets across; each cell: minutes (empty = no target) and the business-hours box. */
const TargetsTable = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ overflowX: 'auto', width: '100%' }}>
      <Table size="small" sx={{ maxWidth: 900 }} data-testid="sla-targets-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('shopdesk.sla.policy.priority')}</TableCell>
            {SLA_TARGETS.map((target) => (
              <TableCell key={target}>{translate(`shopdesk.sla.target.${target}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {PRIORITY_ROWS.map((priority) => (
            <TableRow key={priority}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`shopdesk.ticket.priority.${priority}`)}</TableCell>
              {SLA_TARGETS.map((target) => {
                const base = `targets.${priority}.${target}`;
                return (
                  <TableCell key={target} sx={{ verticalAlign: 'top', minWidth: 170 }}>
                    <NumberInput
                      source={`${base}.minutes`}
                      label="shopdesk.sla.policy.minutes"
                     
                      helperText={false}
                      size="small"
                      slotProps={{ htmlInput: { 'data-testid': `target-${priority}-${target}-minutes` } }}
                    />
                    <MinutesHint source={`${base}.minutes`} />
                    <CheckboxInput
                      source={`${base}.business`}
                      label="shopdesk.sla.policy.business"
                      testId={`target-${priority}-${target}-business`}
                    />
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** Choices from other resources: templates and calendars by key. */
function useKeyChoices() {
  const [locale] = useLocaleState();
  const { data: templates } = useGetList<TemplateRecord>('scenario-templates', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'key', order: 'ASC' },
  });
  const { data: calendars } = useGetList<BusinessCalendarRecord>('business-calendars', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'key', order: 'ASC' },
  });
  return {
    templateChoices: (templates ?? []).map((t) => ({ id: t.key, name: `${pick(t.title, locale)} (${t.key})` })),
    calendarChoices: (calendars ?? []).map((c) => ({ id: c.key, name: pick(c.name, locale) })),
  };
}

const noTranslate = { translateChoice: false } as const;

/** No delete: tickets keep pointing at their policy; switch `active` off instead. */
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Create and edit share this form; the key is fixed once a policy exists. */
export const PolicyForm = ({ mode }: { mode: 'create' | 'edit' }) => {
  const { templateChoices, calendarChoices } = useKeyChoices();
  return (
    <SimpleForm
      defaultValues={policyDefaults}
      validate={validatePolicyForm as (values: PolicyFormValues) => Record<string, unknown>}
      sx={{ maxWidth: 1200 }}
      toolbar={<SaveOnlyToolbar />}
    >
      <Heading title="shopdesk.sla.policy.section_general" />
      <Row>
        <TextInput
          source="key"
          readOnly={mode === 'edit'}
          helperText={mode === 'edit' ? 'shopdesk.sla.policy.key_fixed' : 'shopdesk.sla.policy.key_help'}
          slotProps={{ htmlInput: { 'data-testid': 'policy-key', style: { fontFamily: 'monospace' } } }}
        />
        <NumberInput source="position" helperText="shopdesk.sla.policy.position_help" />
      </Row>
      <Row>
        <TextInput source="name.ko" label="shopdesk.sla.policy.name_ko" />
        <TextInput source="name.en" label="shopdesk.sla.policy.name_en" />
      </Row>
      <Row>
        <SelectInput source="calendarKey" label="shopdesk.sla.policy.calendar" choices={calendarChoices} {...noTranslate} />
        <BooleanInput source="active" />
      </Row>

      <Heading title="shopdesk.sla.policy.section_filter" help="shopdesk.sla.policy.filter_help" />
      <Row>
        <SelectArrayInput source="filter.types" label="shopdesk.sla.policy.types" choices={typeChoices} />
        <SelectArrayInput source="filter.priorities" label="shopdesk.sla.policy.priorities" choices={priorityChoices} />
        <SelectArrayInput source="filter.channels" label="shopdesk.sla.policy.channels" choices={channelChoices} />
      </Row>
      <Row>
        <AutocompleteArrayInput
          source="filter.templateKeys"
          label="shopdesk.sla.policy.template_keys"
          choices={templateChoices}
          {...noTranslate}
        />
        <TextArrayInput source="filter.tagsAny" label="shopdesk.sla.policy.tags_any" />
      </Row>

      <Heading title="shopdesk.sla.policy.section_targets" help="shopdesk.sla.policy.targets_help" />
      <TargetsTable />

      <Heading title="shopdesk.sla.policy.section_pause" />
      <SelectArrayInput source="pauseStatuses" label="shopdesk.sla.policy.pause_statuses" choices={pauseChoices} sx={{ minWidth: 320 }} />

      <Heading title="shopdesk.sla.policy.section_ladder" help="shopdesk.sla.policy.ladder_help" />
      <Row>
        <NumberInput source="ladder.warningPercent" label="shopdesk.sla.policy.warning_percent" />
        {/* Stored in seconds, edited in minutes. */}
        <NumberInput
          source="ladder.escalateAfterSeconds"
          label="shopdesk.sla.policy.escalate_after"
         
          format={secondsToMinutesText}
          parse={minutesInputToSeconds}
        />
        <NumberInput
          source="ladder.raisePriorityAfterSeconds"
          label="shopdesk.sla.policy.raise_priority_after"
         
          format={secondsToMinutesText}
          parse={minutesInputToSeconds}
        />
      </Row>
    </SimpleForm>
  );
};
