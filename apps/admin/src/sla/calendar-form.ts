// The business-calendar form edits opening hours as HH:MM rows and closed days as date rows;
// these pure helpers convert between those rows and the API's minute intervals and date list.
import type { BusinessCalendarRecord, Interval } from './types';
import { hhmmToMinutes, minutesToHhmm } from './sla-format';

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Rows of the editor, Monday first as Korean calendars print them; values are API indexes (0 = Sunday). */
export const WEEKDAY_DISPLAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export interface IntervalRow {
  start: string;
  end: string;
}

export interface CalendarFormValues {
  name?: { ko?: string; en?: string };
  /** Seven days (0 = Sunday), each a list of HH:MM rows. */
  hours?: Array<IntervalRow[] | undefined>;
  closed?: Array<{ date?: string | null } | undefined>;
  publicHolidays?: boolean;
  [other: string]: unknown;
}

/** The form rows for a stored calendar (merged into the record by the form, under new names). */
export function calendarToForm(record?: Partial<BusinessCalendarRecord>): Pick<CalendarFormValues, 'hours' | 'closed'> {
  const weekly = record?.weekly ?? [];
  return {
    hours: WEEKDAY_KEYS.map((_key, day) =>
      (weekly[day] ?? []).map(([start, end]) => ({ start: minutesToHhmm(start), end: minutesToHhmm(end) })),
    ),
    closed: (record?.closedDays ?? []).map((date) => ({ date })),
  };
}

/** The PUT /business-calendars/:id body. Rows are sorted; validation has rejected bad ones already. */
export function toCalendarInput(values: CalendarFormValues) {
  const weekly: Interval[][] = WEEKDAY_KEYS.map((_key, day) =>
    (values.hours?.[day] ?? [])
      .map((row) => [hhmmToMinutes(row?.start), hhmmToMinutes(row?.end)] as const)
      .filter((iv): iv is readonly [number, number] => iv[0] !== null && iv[1] !== null)
      .map(([s, e]): Interval => [s, e])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]),
  );
  const closedDays = [
    ...new Set((values.closed ?? []).map((row) => (row?.date ?? '').trim()).filter((date) => date !== '')),
  ].sort();
  return {
    name: { ko: (values.name?.ko ?? '').trim(), en: (values.name?.en ?? '').trim() },
    weekly,
    closedDays,
    publicHolidays: values.publicHolidays !== false,
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

type Errors = Record<string, unknown>;

function setPath(errors: Errors, path: Array<string | number>, message: string) {
  let node = errors;
  path.slice(0, -1).forEach((part) => {
    node[part] ??= {};
    node = node[part] as Errors;
  });
  node[path[path.length - 1]] ??= message;
}

/**
 * react-admin form validation, nested like the values (`hours.1.0.end`): HH:MM times, end after
 * start, no overlap within a day, real and unique closed days, both names.
 */
export function validateCalendarForm(values: CalendarFormValues): Errors {
  const errors: Errors = {};
  if (!values.name?.ko?.trim()) setPath(errors, ['name', 'ko'], 'ra.validation.required');
  if (!values.name?.en?.trim()) setPath(errors, ['name', 'en'], 'ra.validation.required');
  let anyOpen = false;
  WEEKDAY_KEYS.forEach((_key, day) => {
    const rows = values.hours?.[day] ?? [];
    const parsed = rows.map((row, i) => {
      const start = hhmmToMinutes(row?.start);
      const end = hhmmToMinutes(row?.end);
      if (start === null) setPath(errors, ['hours', day, i, 'start'], 'shopdesk.sla.validation.hhmm');
      if (end === null) setPath(errors, ['hours', day, i, 'end'], 'shopdesk.sla.validation.hhmm');
      if (start !== null && end !== null && end <= start) {
        setPath(errors, ['hours', day, i, 'end'], 'shopdesk.sla.validation.end_after_start');
        return null;
      }
      return start !== null && end !== null ? { i, start, end } : null;
    });
    if (rows.length) anyOpen = true;
    const valid = parsed.filter((x): x is { i: number; start: number; end: number } => x !== null);
    for (const a of valid) {
      if (valid.some((b) => b.i !== a.i && a.start < b.end && b.start < a.end)) {
        setPath(errors, ['hours', day, a.i, 'start'], 'shopdesk.sla.validation.overlap');
      }
    }
  });
  // A calendar that is never open would make every business-hours due time infinite.
  if (!anyOpen) setPath(errors, ['hours', 1], 'shopdesk.sla.validation.no_hours');
  const seen = new Set<string>();
  (values.closed ?? []).forEach((row, i) => {
    const date = (row?.date ?? '').trim();
    if (!isRealDate(date)) setPath(errors, ['closed', i, 'date'], 'shopdesk.sla.validation.date');
    else if (seen.has(date)) setPath(errors, ['closed', i, 'date'], 'shopdesk.sla.validation.duplicate_date');
    seen.add(date);
  });
  return errors;
}

/**
 * The API's 422 paths (`weekly[1][0]`, `weekly[3]`, `closedDays[2]`) → the form's rows
 * (`hours.1.0.start`, `hours.3`, `closed.2.date`); other keys (name, root) are kept.
 */
export function calendarErrorsToForm(errors: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(errors)) {
    const interval = /^weekly\[(\d+)\]\[(\d+)\]$/.exec(key);
    const day = /^weekly\[(\d+)\]$/.exec(key);
    const closed = /^closedDays\[(\d+)\]$/.exec(key);
    if (interval) out[`hours.${interval[1]}.${interval[2]}.start`] = message;
    else if (day) out[`hours.${day[1]}`] = message;
    else if (closed) out[`closed.${closed[1]}.date`] = message;
    else if (key === 'weekly') out['hours.1'] = message;
    else if (key === 'closedDays') out['closed'] = message;
    else out[key] = message;
  }
  return out;
}
