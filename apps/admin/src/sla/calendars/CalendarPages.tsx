import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  AddItemButton,
  ArrayInput,
  BooleanField,
  BooleanInput,
  DataTable,
  DateInput,
  Edit,
  Labeled,
  List,
  RemoveItemButton,
  SaveButton,
  SimpleForm,
  SimpleFormIterator,
  TextField,
  TextInput,
  Toolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatCalendarDate } from '../../common/formatting';
import { pick } from '../../scenarios/scenario-format';
import {
  calendarToForm,
  toCalendarInput,
  validateCalendarForm,
  WEEKDAY_DISPLAY_ORDER,
  WEEKDAY_KEYS,
  type CalendarFormValues,
} from '../calendar-form';
import { minutesToHhmm } from '../sla-format';
import type { BusinessCalendarRecord } from '../types';

const Column = DataTable.Col<BusinessCalendarRecord>;

const Name = ({ record }: { record: BusinessCalendarRecord }) => {
  const [locale] = useLocaleState();
  return <>{pick(record.name, locale)}</>;
};

/** "월 09:00–18:00 · 화 …" in a list cell. */
const WeeklySummary = ({ record }: { record: BusinessCalendarRecord }) => {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ display: 'flex', flexDirection: 'column' }}>
      {WEEKDAY_DISPLAY_ORDER.map((day) => {
        const hours = record.weekly?.[day] ?? [];
        return (
          <Typography key={day} variant="caption" component="span" color={hours.length ? undefined : 'text.disabled'}>
            {translate(`shopdesk.sla.calendar.weekday.${WEEKDAY_KEYS[day]}`)}{' '}
            {hours.length
              ? hours.map(([s, e]) => `${minutesToHhmm(s)}–${minutesToHhmm(e)}`).join(', ')
              : translate('shopdesk.sla.calendar.closed')}
          </Typography>
        );
      })}
    </Box>
  );
};

export const CalendarList = () => (
  <List sort={{ field: 'key', order: 'ASC' }} perPage={100} pagination={false} actions={false}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="key" disableSort cellSx={() => ({ fontFamily: 'monospace', whiteSpace: 'nowrap' })} />
      <Column source="name" disableSort render={(record) => <Name record={record} />} />
      <Column
        source="weekly"
        label="shopdesk.sla.calendar.weekly"
        disableSort
        render={(record) => <WeeklySummary record={record} />}
      />
      <Column source="publicHolidays" disableSort>
        <BooleanField source="publicHolidays" />
      </Column>
      <Column source="closedDays" disableSort render={(record) => record.closedDays?.length ?? 0} />
    </DataTable>
  </List>
);

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

/** One weekday: its intervals as HH:MM pairs, with add/remove; "휴무" when there are none. */
const DayHours = ({ day }: { day: number }) => {
  const translate = useTranslate();
  const rows = useWatch({ name: `hours.${day}` }) as unknown[] | undefined;
  const key = WEEKDAY_KEYS[day];
  return (
    <Box
      data-testid={`calendar-day-${key}`}
      sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, py: 1, borderBottom: 1, borderColor: 'divider', width: '100%' }}
    >
      <Box sx={{ width: 90, pt: 1.5, flex: '0 0 auto' }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {translate(`shopdesk.sla.calendar.weekday.${key}`)}
        </Typography>
        {!rows?.length ? (
          <Typography variant="caption" color="text.disabled">
            {translate('shopdesk.sla.calendar.closed')}
          </Typography>
        ) : null}
      </Box>
      <ArrayInput source={`hours.${day}`} label={false} helperText={false}>
        <SimpleFormIterator
          inline
          disableReordering
          disableClear
          addButton={<AddItemButton label="shopdesk.sla.calendar.add_interval" data-testid={`add-interval-${key}`} />}
          removeButton={<RemoveItemButton label="shopdesk.sla.calendar.remove_interval" />}
        >
          <TextInput
            source="start"
            label="shopdesk.sla.calendar.start"
            placeholder="09:00"
            size="small"
            helperText={false}
            sx={{ width: 110 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `interval-${key}-start` } }}
          />
          <TextInput
            source="end"
            label="shopdesk.sla.calendar.end"
            placeholder="18:00"
            size="small"
            helperText={false}
            sx={{ width: 110 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `interval-${key}-end` } }}
          />
        </SimpleFormIterator>
      </ArrayInput>
    </Box>
  );
};

/** Read-only: the public holidays the calendar closes on next (computed by the server). */
const UpcomingHolidays = () => {
  const record = useRecordContext<BusinessCalendarRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const publicHolidays = useWatch({ name: 'publicHolidays' }) as boolean | undefined;
  const holidays = record?.upcomingHolidays ?? [];
  return (
    <Box sx={{ width: '100%' }} data-testid="upcoming-holidays">
      <Heading title="shopdesk.sla.calendar.upcoming_holidays" />
      {publicHolidays === false ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('shopdesk.sla.calendar.holidays_off')}
        </Alert>
      ) : null}
      {holidays.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('shopdesk.sla.calendar.no_upcoming_holidays')}
        </Typography>
      ) : (
        <Table size="small" sx={{ maxWidth: 600 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('shopdesk.sla.calendar.date')}</TableCell>
              <TableCell>{translate('resources.business-calendars.fields.name')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {holidays.map((h) => (
              <TableRow key={h.date} data-testid="upcoming-holiday">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatCalendarDate(h.date, locale)} ({weekdayName(h.date, translate)})
                </TableCell>
                <TableCell>{h.names.join(', ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

function weekdayName(date: string, translate: (key: string) => string): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) return '';
  return translate(`shopdesk.sla.calendar.weekday.${WEEKDAY_KEYS[new Date(time).getUTCDay()]}`);
}

const CalendarTitle = () => {
  const record = useRecordContext<BusinessCalendarRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const name = translate('resources.business-calendars.name', { smart_count: 1 });
  return <>{record?.name ? `${name}: ${pick(record.name, locale)}` : name}</>;
};

const transform = (values: CalendarFormValues) => toCalendarInput(values);

/** Calendars are referenced by policies and are never deleted. */
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * Opening hours per weekday as HH:MM intervals, extra closed days, the public-holiday switch and
 * (read-only) the holidays that switch covers next. Saving re-plans open tickets on the server.
 */
export const CalendarEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={transform} title={<CalendarTitle />}>
    <SimpleForm
      defaultValues={calendarToForm}
      validate={validateCalendarForm as (values: CalendarFormValues) => Record<string, unknown>}
      sx={{ maxWidth: 1000 }}
      toolbar={<SaveOnlyToolbar />}
    >
      <Labeled source="key">
        <TextField source="key" sx={{ fontFamily: 'monospace' }} />
      </Labeled>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, width: '100%', '& > *': { flex: '1 1 16rem' } }}>
        <TextInput source="name.ko" label="shopdesk.sla.policy.name_ko" />
        <TextInput source="name.en" label="shopdesk.sla.policy.name_en" />
      </Box>

      <Heading title="shopdesk.sla.calendar.weekly" help="shopdesk.sla.calendar.weekly_help" />
      {WEEKDAY_DISPLAY_ORDER.map((day) => (
        <DayHours key={day} day={day} />
      ))}

      <Heading title="shopdesk.sla.calendar.closed_days" help="shopdesk.sla.calendar.closed_days_help" />
      <ArrayInput source="closed" label={false} helperText={false}>
        <SimpleFormIterator
          inline
          disableReordering
          disableClear
          addButton={<AddItemButton label="shopdesk.sla.calendar.add_closed_day" data-testid="add-closed-day" />}
        >
          <DateInput source="date" label="shopdesk.sla.calendar.date" helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>

      <BooleanInput source="publicHolidays" label="shopdesk.sla.calendar.public_holidays" sx={{ mt: 2 }} />
      <UpcomingHolidays />
    </SimpleForm>
  </Edit>
);
