import {
  BooleanInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TopToolbar,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { Tooltip, Typography } from '@mui/material';
import type { TemplateRecord } from '@shopdesk/contracts/scenarios';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { maskPhone } from '../common/formatting';
import { RelativeTime, useNow } from '../common/RelativeTime';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { formatKst } from '../scenarios/scenario-format';
import { TemplateTitleField } from '../scenarios/templates/TemplateTitleField';
import { NextSlaCell } from '../sla/SlaChips';
import {
  DUE_SOON_HOURS,
  deadlineWithinChoices,
  priorityChoices,
  slaWithinChoices,
  statusChoices,
  typeChoices,
} from './choices';
import { countdownText } from './scenario/ScenarioDeadlines';
import { PriorityChip, StatusChip, TypeChip } from './TicketChips';
import { TICKET_LIST_DEFAULT_SORT, TicketStatusTabs } from './TicketStatusTabs';
import { SavedViewsBar } from './saved-views/SavedViewsBar';
import { SubjectWithMatch } from './search/SearchMatchSnippet';
import { TicketBulkActions } from '../bulk/BulkActionDialog';

// The API sorts only by reference, createdAt, updatedAt, priority, status, type and slaDueAt
// (TICKET_SORT_FIELDS, running timers first); every other column has sorting disabled. No export button: the
// default exporter asks for 1000 rows and the API serves at most 200 per page; ExportCsvButton
// asks the server's streamed CSV export instead.

/** The status filter may hold a single status (from a tab) or several (from this input). */
const asStatusList = (value: unknown) => (value == null || value === '' ? [] : Array.isArray(value) ? value : [value]);

const ticketFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={statusChoices} format={asStatusList} />,
  <SelectInput key="type" source="type" choices={typeChoices} />,
  <SelectInput key="priority" source="priority" choices={priorityChoices} />,
  <ReferenceInput
    key="assigneeId"
    source="assigneeId"
    reference="users"
    filter={{ active: true }}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={200}
  >
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput
    key="templateKey"
    source="templateKey"
    reference="scenario-templates"
    sort={{ field: 'key', order: 'ASC' }}
    perPage={200}
  >
    <SelectInput optionText={<TemplateTitleField />} />
  </ReferenceInput>,
  <SelectInput key="deadlineWithinHours" source="deadlineWithinHours" choices={deadlineWithinChoices} />,
  <SelectInput key="slaDueWithinMinutes" source="slaDueWithinMinutes" choices={slaWithinChoices} />,
  <BooleanInput key="slaBreached" source="slaBreached" defaultValue={true} />,
];

const TicketListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportCsvButton />
    <CreateButton />
  </TopToolbar>
);

const Column = DataTable.Col<TicketRecord>;

/** Time to the ticket's next template deadline; amber within 48 h, red once passed (open tickets only). */
const NextDeadline = ({ record }: { record: TicketRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const now = useNow(60_000);
  if (!record.nextDeadlineAt) {
    return (
      <Typography variant="body2" component="span" color="text.disabled">
        –
      </Typography>
    );
  }
  const open = record.status !== 'resolved' && record.status !== 'closed';
  const left = Date.parse(record.nextDeadlineAt) - now;
  const urgency = !open ? 'none' : left <= 0 ? 'passed' : left <= DUE_SOON_HOURS * 3_600_000 ? 'soon' : 'later';
  return (
    <Tooltip title={formatKst(record.nextDeadlineAt, locale) ?? ''}>
      <Typography
        variant="body2"
        component="span"
        data-testid="next-deadline"
        data-urgency={urgency}
        color={urgency === 'passed' ? 'error' : urgency === 'soon' ? 'warning.dark' : urgency === 'none' ? 'text.secondary' : undefined}
        sx={{ fontWeight: urgency === 'passed' || urgency === 'soon' ? 600 : undefined, whiteSpace: 'nowrap' }}
      >
        {open ? countdownText(record.nextDeadlineAt, now, translate) : formatKst(record.nextDeadlineAt, locale)}
      </Typography>
    </Tooltip>
  );
};

/** The applied template's title (fetched by key), or nothing. */
const TemplateCell = ({ record }: { record: TicketRecord }) => {
  if (!record.templateKey) {
    return (
      <Typography variant="body2" component="span" color="text.disabled">
        –
      </Typography>
    );
  }
  return (
    <span data-testid="ticket-template" data-template-key={record.templateKey}>
      <ReferenceField<TicketRecord, TemplateRecord>
        record={record}
        source="templateKey"
        reference="scenario-templates"
        link={false}
        emptyText={record.templateKey}
      >
        <TemplateTitleField />
      </ReferenceField>
    </span>
  );
};

const AssigneeName = ({ record }: { record: TicketRecord }) => {
  const translate = useTranslate();
  return record.assigneeName ? (
    <>{record.assigneeName}</>
  ) : (
    <Typography variant="body2" component="span" color="text.disabled">
      {translate('shopdesk.ticket.message.unassigned')}
    </Typography>
  );
};

export const TicketList = () => (
  <List
    // `relevance`: best search match first while searching, otherwise newest first (docs/search.md).
    sort={{ ...TICKET_LIST_DEFAULT_SORT }}
    filters={ticketFilters}
    actions={<TicketListActions />}
    perPage={25}
  >
    <TicketStatusTabs />
    <SavedViewsBar />
    <DataTable rowClick="show" bulkActionButtons={<TicketBulkActions />}>
      <Column source="reference" cellSx={() => ({ fontFamily: 'monospace', whiteSpace: 'nowrap' })} />
      <Column source="subject" disableSort render={(record) => <SubjectWithMatch record={record} />} />
      <Column source="type" render={(record) => <TypeChip type={record.type} />} />
      <Column source="status" render={(record) => <StatusChip status={record.status} />} />
      <Column source="priority" render={(record) => <PriorityChip priority={record.priority} />} />
      <Column source="templateKey" disableSort render={(record) => <TemplateCell record={record} />} />
      <Column source="nextDeadlineAt" disableSort render={(record) => <NextDeadline record={record} />} />
      <Column source="slaDueAt" sortByOrder="ASC" render={(record) => <NextSlaCell record={record} />} />
      <Column source="customer.name" disableSort />
      <Column source="customer.phone" disableSort render={(record) => maskPhone(record.customer.phone) ?? '–'} />
      <Column source="assigneeName" disableSort render={(record) => <AssigneeName record={record} />} />
      <Column
        source="createdAt"
        label="resources.tickets.fields.age"
        sortByOrder="DESC"
        render={(record) => <RelativeTime value={record.createdAt} />}
      />
    </DataTable>
  </List>
);
