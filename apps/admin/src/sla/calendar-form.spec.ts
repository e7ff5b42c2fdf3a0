import { calendarErrorsToForm, calendarToForm, toCalendarInput, validateCalendarForm } from './calendar-form';
import type { BusinessCalendarRecord } from './types';

const record: BusinessCalendarRecord = {
  id: 'c1',
  key: 'default',
  name: { ko: '기본 영업시간', en: 'Default hours' },
  weekly: [[], [[540, 720], [780, 1080]], [[540, 1080]], [[540, 1080]], [[540, 1080]], [[540, 1080]], []],
  closedDays: ['2026-12-31', '2026-05-01'],
  publicHolidays: true,
  upcomingHolidays: [{ date: '2026-12-25', names: ['기독탄신일'] }],
};

describe('business calendar form', () => {
  it('turns minute intervals into HH:MM rows and back', () => {
    const rows = calendarToForm(record);
    expect(rows.hours?.[0]).toEqual([]);
    expect(rows.hours?.[1]).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ]);
    expect(rows.closed).toEqual([{ date: '2026-12-31' }, { date: '2026-05-01' }]);
    expect(toCalendarInput({ ...record, ...rows })).toEqual({
      name: record.name,
      weekly: record.weekly,
      closedDays: ['2026-05-01', '2026-12-31'],
      publicHolidays: true,
    });
  });

  it('sorts intervals, drops empty and duplicate closed days, keeps 24:00', () => {
    const input = toCalendarInput({
      name: { ko: ' 24시간 ', en: '24h' },
      hours: [[{ start: '13:00', end: '24:00' }, { start: '00:00', end: '12:00' }], [], [], [], [], [], []],
      closed: [{ date: '2026-01-01' }, { date: '' }, { date: '2026-01-01' }, undefined],
      publicHolidays: false,
    });
    expect(input.name).toEqual({ ko: '24시간', en: '24h' });
    expect(input.weekly[0]).toEqual([
      [0, 720],
      [780, 1440],
    ]);
    expect(input.closedDays).toEqual(['2026-01-01']);
    expect(input.publicHolidays).toBe(false);
  });

  it('starts an empty calendar with seven closed days', () => {
    expect(calendarToForm(undefined)).toEqual({ hours: [[], [], [], [], [], [], []], closed: [] });
  });

  it('reports bad times, reversed and overlapping intervals and bad dates where they are', () => {
    const errors = validateCalendarForm({
      name: { ko: '', en: 'x' },
      hours: [
        [],
        [
          { start: '9:00', end: '18:00' },
          { start: '12:00', end: '13:00' },
        ],
        [{ start: '18:00', end: '09:00' }],
        [{ start: '25:00', end: '' }],
        [],
        [],
        [],
      ],
      closed: [{ date: '2026-02-30' }, { date: '2026-03-01' }, { date: '2026-03-01' }],
    });
    expect(errors).toEqual({
      name: { ko: 'ra.validation.required' },
      hours: {
        1: { 0: { start: 'shopdesk.sla.validation.overlap' }, 1: { start: 'shopdesk.sla.validation.overlap' } },
        2: { 0: { end: 'shopdesk.sla.validation.end_after_start' } },
        3: { 0: { start: 'shopdesk.sla.validation.hhmm', end: 'shopdesk.sla.validation.hhmm' } },
      },
      closed: { 0: { date: 'shopdesk.sla.validation.date' }, 2: { date: 'shopdesk.sla.validation.duplicate_date' } },
    });
  });

  it('accepts back-to-back intervals and needs at least one open day', () => {
    const name = { ko: '가', en: 'a' };
    const week = (day: { start: string; end: string }[]) => [[], day, [], [], [], [], []];
    expect(validateCalendarForm({ name, hours: week([{ start: '09:00', end: '12:00' }, { start: '12:00', end: '18:00' }]) })).toEqual({});
    expect(validateCalendarForm({ name, hours: week([]) })).toEqual({ hours: { 1: 'shopdesk.sla.validation.no_hours' } });
  });

  it('moves the API error paths onto the form rows', () => {
    expect(
      calendarErrorsToForm({
        'weekly[1][0]': 'needs 0 ≤ start < end ≤ 1440',
        'weekly[2]': 'must be a list',
        weekly: 'at least one weekday needs opening hours',
        'closedDays[3]': "must be a real date 'YYYY-MM-DD'",
        name: 'needs ko and en',
        root: { serverError: '입력값을 확인하세요' },
      }),
    ).toEqual({
      'hours.1.0.start': 'needs 0 ≤ start < end ≤ 1440',
      'hours.2': 'must be a list',
      'hours.1': 'at least one weekday needs opening hours',
      'closed.3.date': "must be a real date 'YYYY-MM-DD'",
      name: 'needs ko and en',
      root: { serverError: '입력값을 확인하세요' },
    });
  });
});
