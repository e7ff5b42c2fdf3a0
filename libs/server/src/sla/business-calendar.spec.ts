import fc from 'fast-check';
import * as holidaysByYear from '@hyunbinseo/holidays-kr/all';
import {
  addCalendarMinutes,
  BusinessCalendar,
  DEFAULT_WEEKLY_HOURS,
  HOLIDAY_DATA_YEARS,
  validateCalendar,
  type CalendarDefinition,
  type DayHours,
  type WeeklyHours,
} from './business-calendar';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const KST_MS = 9 * 3_600_000;

/** '2026-01-09T17:30' read as KST wall-clock time. */
const kst = (wall: string): Date => new Date(`${wall}:00+09:00`);
const def = (over: Partial<CalendarDefinition> = {}): CalendarDefinition => ({
  weekly: DEFAULT_WEEKLY_HOURS,
  closedDays: [],
  publicHolidays: true,
  ...over,
});
const office = new BusinessCalendar(def());
const add = (cal: BusinessCalendar, wall: string, minutes: number) => cal.addBusinessMinutes(kst(wall), minutes);

describe('BusinessCalendar — examples (Mon–Fri 09:00–18:00 KST)', () => {
  it('skips the weekend: Friday 17:30 + 60 min → Monday 09:30', () => {
    expect(add(office, '2026-01-09T17:30', 60)).toEqual(kst('2026-01-12T09:30'));
  });

  it('skips 설날 2026 (Mon 16 – Wed 18 Feb) after the weekend', () => {
    expect(office.holidayNames('2026-02-17')).toEqual(['설날']);
    expect(add(office, '2026-02-13T17:30', 60)).toEqual(kst('2026-02-19T09:30'));
  });

  it('skips 추석 2026 (Thu 24 – Sat 26 Sep; the package has no 추석 substitute that year)', () => {
    expect(office.holidayNames('2026-09-24')).toEqual(['추석 전날']);
    expect(office.holidayNames('2026-09-26')).toEqual(['추석 다음 날']);
    expect(office.isClosedDay('2026-09-28')).toBe(false);
    expect(add(office, '2026-09-23T17:00', 120)).toEqual(kst('2026-09-28T10:00'));
  });

  it('skips substitute holidays: 2026-03-02 대체공휴일(3ㆍ1절) and 2026-10-05 대체공휴일(개천절)', () => {
    expect(office.holidayNames('2026-03-02')).toEqual(['대체공휴일(3ㆍ1절)']);
    expect(add(office, '2026-02-27T17:00', 120)).toEqual(kst('2026-03-03T10:00'));
    expect(office.holidayNames('2026-10-05')).toEqual(['대체공휴일(개천절)']);
    expect(add(office, '2026-10-02T17:00', 120)).toEqual(kst('2026-10-06T10:00'));
  });

  it('closes on election days and reports several names for one date', () => {
    expect(office.holidayNames('2026-06-03')).toEqual(['전국동시지방선거']);
    expect(office.isClosedDay('2026-06-03')).toBe(true);
    expect(office.holidayNames('2025-05-05')).toEqual(['어린이날', '부처님 오신 날']);
  });

  it('honours custom closed days', () => {
    const cal = new BusinessCalendar(def({ closedDays: ['2026-01-13'] }));
    expect(cal.isClosedDay('2026-01-13')).toBe(true);
    expect(cal.holidayNames('2026-01-13')).toEqual([]);
    expect(add(cal, '2026-01-12T17:00', 120)).toEqual(kst('2026-01-14T10:00'));
  });

  it('handles split shifts (09:00–12:00, 13:00–18:00)', () => {
    const split: DayHours = [
      [540, 720],
      [780, 1080],
    ];
    const cal = new BusinessCalendar(def({ weekly: [[], split, split, split, split, split, []] }));
    expect(add(cal, '2026-01-12T11:30', 60)).toEqual(kst('2026-01-12T13:30'));
    expect(add(cal, '2026-01-12T11:30', 30)).toEqual(kst('2026-01-12T12:00')); // ends exactly at the break
    expect(add(cal, '2026-01-12T12:30', 30)).toEqual(kst('2026-01-12T13:30')); // starts during the break
    expect(cal.isOpenAt(kst('2026-01-12T12:30'))).toBe(false);
    expect(cal.businessMinutesBetween(kst('2026-01-12T11:00'), kst('2026-01-12T14:00'))).toBe(120);
  });

  it('starts counting at the next opening when started before opening or after closing', () => {
    expect(add(office, '2026-01-12T07:00', 30)).toEqual(kst('2026-01-12T09:30'));
    expect(add(office, '2026-01-12T19:00', 30)).toEqual(kst('2026-01-13T09:30'));
    expect(add(office, '2026-01-10T11:00', 30)).toEqual(kst('2026-01-12T09:30')); // Saturday
  });

  it('treats boundaries as [open, close): 09:00 is open, 18:00 is closed', () => {
    expect(office.isOpenAt(kst('2026-01-12T09:00'))).toBe(true);
    expect(office.isOpenAt(new Date(kst('2026-01-12T09:00').getTime() - 1))).toBe(false);
    expect(office.isOpenAt(new Date(kst('2026-01-12T18:00').getTime() - 1))).toBe(true);
    expect(office.isOpenAt(kst('2026-01-12T18:00'))).toBe(false);
    expect(add(office, '2026-01-12T09:00', 30)).toEqual(kst('2026-01-12T09:30'));
    // Using up the day exactly ends at 18:00, not at the next morning's opening.
    expect(add(office, '2026-01-12T17:00', 60)).toEqual(kst('2026-01-12T18:00'));
    expect(add(office, '2026-01-12T18:00', 1)).toEqual(kst('2026-01-13T09:01'));
  });

  it('minutes = 0: the start itself when open, else the next opening', () => {
    expect(add(office, '2026-01-12T10:15', 0)).toEqual(kst('2026-01-12T10:15'));
    expect(add(office, '2026-01-12T18:00', 0)).toEqual(kst('2026-01-13T09:00'));
    expect(add(office, '2026-01-10T11:00', 0)).toEqual(kst('2026-01-12T09:00'));
    // So add(add(s, a), 0) may differ from add(s, a) when add(s, a) is a closing time — by design.
    expect(office.addBusinessMinutes(add(office, '2026-01-12T17:00', 60), 0)).toEqual(kst('2026-01-13T09:00'));
  });

  it('crosses the year end (2027-01-01 is a holiday)', () => {
    expect(add(office, '2026-12-31T17:00', 120)).toEqual(kst('2027-01-04T10:00'));
  });

  it('keeps millisecond precision for fractional minutes', () => {
    expect(add(office, '2026-01-12T17:59', 1.5)).toEqual(new Date(kst('2026-01-13T09:00').getTime() + 30_000));
    expect(add(office, '2026-01-12T10:00', 1 / MINUTE_MS)).toEqual(new Date(kst('2026-01-12T10:00').getTime() + 1));
    expect(office.businessMinutesBetween(kst('2026-01-12T17:59'), new Date(kst('2026-01-12T17:59').getTime() + 1_500))).toBe(
      0.025,
    );
  });

  it('is independent of the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Seoul', 'Pacific/Chatham']) {
        process.env.TZ = tz;
        expect(add(office, '2026-01-09T17:30', 60)).toEqual(kst('2026-01-12T09:30'));
        expect(office.isOpenAt(kst('2026-01-12T08:59'))).toBe(false);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('walks day by day: 60 business days in one call', () => {
    // From Mon 5 Jan 2026: 20 days in January, 17 in February (설날 16–18), 21 in March (3/2 substitute),
    // so the 60th business day is Thu 2 April and the 32 400 minutes end at its 18:00.
    const due = add(office, '2026-01-05T09:00', 60 * 540);
    expect(due).toEqual(kst('2026-04-02T18:00'));
    expect(office.businessMinutesBetween(kst('2026-01-05T09:00'), due)).toBe(60 * 540);
  });

  it('handles years of business time quickly', () => {
    const t = performance.now();
    const due = add(office, '2018-01-01T00:00', 5 * 250 * 540);
    expect(office.businessMinutesBetween(kst('2018-01-01T00:00'), due)).toBe(5 * 250 * 540);
    expect(performance.now() - t).toBeLessThan(1_000);
  });
});

describe('BusinessCalendar — businessMinutesBetween', () => {
  it('counts only open time over a weekend and over a holiday', () => {
    expect(office.businessMinutesBetween(kst('2026-01-09T17:00'), kst('2026-01-12T10:00'))).toBe(120);
    expect(office.businessMinutesBetween(kst('2026-02-13T17:00'), kst('2026-02-19T10:00'))).toBe(120);
    expect(office.businessMinutesBetween(kst('2026-01-12T00:00'), kst('2026-01-19T00:00'))).toBe(5 * 540);
  });

  it('is 0 for empty or reversed ranges and for closed stretches', () => {
    expect(office.businessMinutesBetween(kst('2026-01-12T10:00'), kst('2026-01-12T10:00'))).toBe(0);
    expect(office.businessMinutesBetween(kst('2026-01-12T11:00'), kst('2026-01-12T10:00'))).toBe(0);
    expect(office.businessMinutesBetween(kst('2026-01-10T00:00'), kst('2026-01-12T09:00'))).toBe(0);
  });
});

describe('BusinessCalendar — publicHolidays: false and data coverage', () => {
  it('works through public holidays when they are switched off', () => {
    const cal = new BusinessCalendar(def({ publicHolidays: false }));
    expect(cal.holidayNames('2026-02-17')).toEqual([]);
    expect(cal.isClosedDay('2026-02-17')).toBe(false);
    expect(cal.isClosedDay('2026-02-14')).toBe(true); // still a Saturday
    expect(add(cal, '2026-02-13T17:30', 60)).toEqual(kst('2026-02-16T09:30'));
  });

  it('treats a missing publicHolidays as true (the documented default)', () => {
    const cal = new BusinessCalendar({ weekly: DEFAULT_WEEKLY_HOURS, closedDays: [] } as unknown as CalendarDefinition);
    expect(cal.isClosedDay('2026-02-17')).toBe(true);
  });

  it('covers the package years; outside them only weekends and custom days close', () => {
    expect(HOLIDAY_DATA_YEARS).toEqual({ first: 2018, last: 2027 });
    expect(office.isClosedDay('2018-02-16')).toBe(true); // 설날 2018
    expect(office.isClosedDay('2017-10-04')).toBe(false); // 추석 2017: before the data
    expect(office.holidayNames('2028-01-26')).toEqual([]); // 설날 2028: after the data
    expect(office.isClosedDay('2028-01-26')).toBe(false);
    expect(add(office, '2027-12-31T17:00', 120)).toEqual(kst('2028-01-03T10:00'));
    const cal = new BusinessCalendar(def({ closedDays: ['2028-01-26'] }));
    expect(cal.isClosedDay('2028-01-26')).toBe(true);
  });
});

describe('BusinessCalendar — errors and guards', () => {
  it('rejects bad arguments', () => {
    expect(() => office.addBusinessMinutes(kst('2026-01-12T10:00'), -1)).toThrow(RangeError);
    expect(() => office.addBusinessMinutes(kst('2026-01-12T10:00'), NaN)).toThrow(RangeError);
    expect(() => office.addBusinessMinutes(kst('2026-01-12T10:00'), Infinity)).toThrow(RangeError);
    expect(() => office.addBusinessMinutes(new Date('nope'), 1)).toThrow(RangeError);
    expect(() => office.businessMinutesBetween(new Date('nope'), new Date())).toThrow(RangeError);
    expect(() => office.isOpenAt(new Date(NaN))).toThrow(RangeError);
    expect(() => office.isClosedDay('2026-02-30')).toThrow(RangeError);
    expect(() => office.holidayNames('2026/02/17')).toThrow(RangeError);
  });

  it('refuses to construct an invalid calendar', () => {
    expect(() => new BusinessCalendar(def({ weekly: [[], [], [], [], [], [], []] }))).toThrow(/weekly: at least one weekday/);
  });

  it('stops after ~10 years instead of looping forever', () => {
    // Valid on paper (Mondays 09:00–10:00) but every Monday for 12 years is a company holiday.
    const mondays: string[] = [];
    for (let t = Date.UTC(2026, 0, 5); t < Date.UTC(2038, 0, 1); t += 7 * DAY_MS) mondays.push(new Date(t).toISOString().slice(0, 10));
    const cal = new BusinessCalendar(def({ weekly: [[], [[540, 600]], [], [], [], [], []], closedDays: mondays, publicHolidays: false }));
    expect(() => cal.addBusinessMinutes(kst('2026-01-01T00:00'), 1)).toThrow(/more than 10 years/);
    expect(() => office.addBusinessMinutes(kst('2026-01-01T00:00'), 1e12)).toThrow(/more than 10 years/);
  });

  it('copies the definition and freezes the default hours', () => {
    const weekly = DEFAULT_WEEKLY_HOURS.map((d) => d.map(([s, e]) => [s, e])) as WeeklyHours;
    const closedDays = ['2026-01-13'];
    const cal = new BusinessCalendar(def({ weekly, closedDays }));
    weekly[1][0][1] = 1440;
    closedDays.length = 0;
    expect(cal.isOpenAt(kst('2026-01-12T20:00'))).toBe(false);
    expect(cal.isClosedDay('2026-01-13')).toBe(true);
    expect(Object.isFrozen(DEFAULT_WEEKLY_HOURS) && Object.isFrozen(DEFAULT_WEEKLY_HOURS[1][0])).toBe(true);
  });
});

describe('validateCalendar', () => {
  const mon = (hours: unknown) => def({ weekly: [[], hours, [], [], [], [], [[600, 660]]] as unknown as WeeklyHours });

  it('accepts the default, split shifts, touching intervals and whole days', () => {
    expect(validateCalendar(def())).toEqual({});
    expect(validateCalendar(mon([[0, 600], [600, 720], [780, 1440]]))).toEqual({});
  });

  it('names the offending interval', () => {
    expect(validateCalendar(mon([[600, 540]]))).toEqual({ 'weekly[1][0]': expect.any(String) });
    expect(validateCalendar(mon([[540, 1441]]))).toEqual({ 'weekly[1][0]': expect.any(String) });
    expect(validateCalendar(mon([[-1, 60]]))).toEqual({ 'weekly[1][0]': expect.any(String) });
    expect(validateCalendar(mon([[540, 720], [700, 1080]]))).toEqual({ 'weekly[1][1]': expect.stringMatching(/overlap/) });
    expect(validateCalendar(mon([[780, 1080], [540, 720]]))).toEqual({ 'weekly[1][1]': expect.any(String) });
    expect(validateCalendar(mon([[540.5, 720]]))).toEqual({ 'weekly[1][0]': expect.stringMatching(/whole minutes/) });
    expect(validateCalendar(mon([[540]]))).toEqual({ 'weekly[1][0]': expect.any(String) });
    expect(validateCalendar(mon('09-18'))).toEqual({ 'weekly[1]': expect.any(String) });
  });

  it('rejects a week without any opening hours', () => {
    expect(validateCalendar(def({ weekly: [[], [], [], [], [], [], []] }))).toEqual({ weekly: expect.stringMatching(/at least one/) });
    expect(validateCalendar(def({ weekly: [[], [], []] as unknown as WeeklyHours }))).toEqual({ weekly: expect.any(String) });
  });

  it('checks closed days and the holiday switch', () => {
    expect(
      validateCalendar(def({ closedDays: ['2026-01-13', '2026-02-30', '2026/03/01', 20260301 as unknown as string] })),
    ).toEqual({ 'closedDays[1]': expect.any(String), 'closedDays[2]': expect.any(String), 'closedDays[3]': expect.any(String) });
    expect(validateCalendar(def({ closedDays: '2026-01-13' as unknown as string[] }))).toEqual({ closedDays: expect.any(String) });
    expect(validateCalendar(def({ publicHolidays: 'yes' as unknown as boolean }))).toEqual({ publicHolidays: expect.any(String) });
    expect(validateCalendar(null as unknown as CalendarDefinition)).toEqual({
      weekly: expect.any(String),
      closedDays: expect.any(String),
    });
  });
});

describe('addCalendarMinutes', () => {
  it('adds wall-clock time with ms precision, ignoring hours and holidays', () => {
    expect(addCalendarMinutes(kst('2026-02-13T17:30'), 60 * 24 * 3)).toEqual(kst('2026-02-16T17:30'));
    expect(addCalendarMinutes(kst('2026-02-13T17:30'), 0.5)).toEqual(new Date(kst('2026-02-13T17:30').getTime() + 30_000));
    expect(() => addCalendarMinutes(kst('2026-02-13T17:30'), NaN)).toThrow(RangeError);
  });
});

// ---- properties -------------------------------------------------------------------------------------

const FIRST_DAY = Date.UTC(2018, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2027, 11, 31) / DAY_MS;
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const HOLIDAY_DAYS = Object.values(holidaysByYear as Record<string, Record<string, unknown>>).flatMap((table) =>
  Object.keys(table).map((date) => Date.parse(`${date}T00:00:00Z`) / DAY_MS),
);

/** Valid DayHours: closed, office, split shift, round-the-clock, touching, or random sorted disjoint intervals. */
const dayHoursArb: fc.Arbitrary<DayHours> = fc.oneof(
  fc.constant<DayHours>([]),
  fc.constant<DayHours>([[540, 1080]]),
  fc.constant<DayHours>([
    [540, 720],
    [780, 1080],
  ]),
  fc.constant<DayHours>([[0, 1440]]),
  fc.constant<DayHours>([
    [0, 600],
    [600, 1440],
  ]),
  fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 8 }).map((pts) => {
    const s = [...pts].sort((a, b) => a - b);
    const out: DayHours = [];
    for (let i = 0; i + 1 < s.length; i += 2) out.push([s[i], s[i + 1]]);
    return out;
  }),
);
const weeklyArb = fc
  .tuple(dayHoursArb, dayHoursArb, dayHoursArb, dayHoursArb, dayHoursArb, dayHoursArb, dayHoursArb)
  .filter((w) => w.some((d) => d.length > 0)) as fc.Arbitrary<WeeklyHours>;

interface Scenario {
  def: CalendarDefinition;
  start: Date;
}
/**
 * A random valid calendar plus a start instant in 2018–2027, biased towards holiday periods and
 * towards the calendar's own interval edges (±1 ms); custom closed days cluster around the start so
 * that they actually matter.
 */
const scenarioArb: fc.Arbitrary<Scenario> = weeklyArb.chain((weekly) => {
  const edges = [...new Set(weekly.flat(2))];
  return fc.record({
    weekly: fc.constant(weekly),
    publicHolidays: fc.boolean(),
    closedOffsets: fc.uniqueArray(fc.integer({ min: -3, max: 40 }), { maxLength: 10 }),
    day: fc.oneof(
      fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
      fc.tuple(fc.constantFrom(...HOLIDAY_DAYS), fc.integer({ min: -3, max: 3 })).map(([d, o]) => d + o),
    ),
    msOfDay: fc.oneof(
      fc.integer({ min: 0, max: DAY_MS - 1 }),
      fc
        .tuple(fc.constantFrom(...edges), fc.constantFrom(-1, 0, 1))
        .map(([m, d]) => Math.min(DAY_MS - 1, Math.max(0, m * MINUTE_MS + d))),
    ),
  }).map(({ weekly, publicHolidays, closedOffsets, day, msOfDay }) => ({
    def: { weekly, publicHolidays, closedDays: closedOffsets.map((o) => isoOfDay(day + o)) },
    start: new Date(day * DAY_MS - KST_MS + msOfDay),
  }));
});
/** Minutes with millisecond precision (whole ms, so sums are exact after rounding), up to ~2 weeks of 24/7 time. */
const minutesArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 20_000 }),
  fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: MINUTE_MS - 1 })).map(([m, ms]) => m + ms / MINUTE_MS),
);
const positiveMinutesArb = minutesArb.filter((m) => m > 0);

/** KST date and weekday of an instant, for checks. */
const kstDateOf = (ms: number) => new Date(ms + KST_MS).toISOString().slice(0, 10);
const kstWeekdayOf = (ms: number) => new Date(ms + KST_MS).getUTCDay();
const kstMsOfDay = (ms: number) => (((ms + KST_MS) % DAY_MS) + DAY_MS) % DAY_MS;

describe('BusinessCalendar — properties', () => {
  it('the due time is never before the start', () => {
    fc.assert(
      fc.property(scenarioArb, minutesArb, ({ def, start }, m) => {
        expect(new BusinessCalendar(def).addBusinessMinutes(start, m).getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
    );
  });

  it('add(a) then add(b) equals add(a + b) to the millisecond (b > 0)', () => {
    fc.assert(
      fc.property(scenarioArb, minutesArb, positiveMinutesArb, ({ def, start }, a, b) => {
        const cal = new BusinessCalendar(def);
        expect(cal.addBusinessMinutes(cal.addBusinessMinutes(start, a), b)).toEqual(cal.addBusinessMinutes(start, a + b));
      }),
      { numRuns: 300 },
    );
  });

  it('businessMinutesBetween(start, add(start, m)) is m, and add(m) is the earliest such instant', () => {
    fc.assert(
      fc.property(scenarioArb, minutesArb, ({ def, start }, m) => {
        const cal = new BusinessCalendar(def);
        const due = cal.addBusinessMinutes(start, m);
        expect(Math.abs(cal.businessMinutesBetween(start, due) - m)).toBeLessThan(1e-3);
        // One millisecond earlier, m is not reached yet (so an exactly used-up interval ends at its close).
        if (m > 0) expect(cal.businessMinutesBetween(start, new Date(due.getTime() - 1))).toBeLessThan(m - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('rounds arbitrary fractional minutes to the nearest millisecond of business time', () => {
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 0, max: 20_000, noNaN: true }), ({ def, start }, m) => {
        const cal = new BusinessCalendar(def);
        const got = cal.businessMinutesBetween(start, cal.addBusinessMinutes(start, m));
        expect(Math.abs(got - m)).toBeLessThanOrEqual(0.5 / MINUTE_MS + 1e-9);
      }),
    );
  });

  it('add(m > 0) ends on an open day, right after an open millisecond, at an open instant or an interval end', () => {
    fc.assert(
      fc.property(scenarioArb, positiveMinutesArb, ({ def, start }, m) => {
        const cal = new BusinessCalendar(def);
        const due = cal.addBusinessMinutes(start, m).getTime();
        const last = due - 1; // the last counted millisecond
        expect(last).toBeGreaterThanOrEqual(start.getTime());
        expect(cal.isOpenAt(new Date(last))).toBe(true);
        expect(cal.isClosedDay(kstDateOf(last))).toBe(false);
        if (!cal.isOpenAt(new Date(due))) {
          // Closed at `due` itself: it must be the end of one of that day's intervals (1440 = midnight).
          const endMinute = (kstMsOfDay(last) + 1) / MINUTE_MS;
          expect(def.weekly[kstWeekdayOf(last)].map(([, e]) => e)).toContain(endMinute);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('exactly using up the time to an interval end returns that end, not the next opening', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 20 }), fc.nat(), ({ def, start }, dayOffset, pick) => {
        const cal = new BusinessCalendar(def);
        const day = Math.floor((start.getTime() + KST_MS) / DAY_MS) + dayOffset;
        const hours = def.weekly[new Date(day * DAY_MS).getUTCDay()];
        if (cal.isClosedDay(isoOfDay(day)) || hours.length === 0) return;
        const end = new Date(day * DAY_MS - KST_MS + hours[pick % hours.length][1] * MINUTE_MS);
        const m = cal.businessMinutesBetween(start, end);
        if (m > 0) expect(cal.addBusinessMinutes(start, m)).toEqual(end);
      }),
      { numRuns: 300 },
    );
  });

  it('add(0) is the start when open, else the next opening instant', () => {
    fc.assert(
      fc.property(scenarioArb, ({ def, start }) => {
        const cal = new BusinessCalendar(def);
        const due = cal.addBusinessMinutes(start, 0);
        expect(cal.isOpenAt(due)).toBe(true);
        expect(cal.businessMinutesBetween(start, due)).toBe(0);
        if (cal.isOpenAt(start)) expect(due).toEqual(start);
        else expect(cal.isOpenAt(new Date(due.getTime() - 1))).toBe(false);
      }),
    );
  });

  it('is monotonic in minutes', () => {
    fc.assert(
      fc.property(scenarioArb, minutesArb, minutesArb, ({ def, start }, m1, m2) => {
        const cal = new BusinessCalendar(def);
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(cal.addBusinessMinutes(start, lo).getTime()).toBeLessThanOrEqual(cal.addBusinessMinutes(start, hi).getTime());
      }),
    );
  });

  it('businessMinutesBetween is additive over a split point and bounded by the wall-clock span', () => {
    const span = fc.integer({ min: 0, max: 20 * DAY_MS });
    fc.assert(
      fc.property(scenarioArb, span, span, ({ def, start }, x, y) => {
        const cal = new BusinessCalendar(def);
        const from = start;
        const mid = new Date(start.getTime() + Math.min(x, y));
        const to = new Date(start.getTime() + Math.max(x, y));
        const whole = cal.businessMinutesBetween(from, to);
        expect(whole).toBeCloseTo(cal.businessMinutesBetween(from, mid) + cal.businessMinutesBetween(mid, to), 9);
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual((to.getTime() - from.getTime()) / MINUTE_MS);
        expect(cal.businessMinutesBetween(to, from)).toBe(0);
      }),
    );
  });

  it('isOpenAt(t) exactly when the millisecond [t, t+1) counts', () => {
    fc.assert(
      fc.property(scenarioArb, ({ def, start }) => {
        const cal = new BusinessCalendar(def);
        const counted = cal.businessMinutesBetween(start, new Date(start.getTime() + 1));
        expect(counted).toBe(cal.isOpenAt(start) ? 1 / MINUTE_MS : 0);
      }),
    );
  });

  it('agrees with a minute-by-minute oracle built on Intl (Asia/Seoul)', () => {
    // Independent of the module's +9 h trick: wall clock from Intl, holidays straight from the package.
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Seoul',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const tables = holidaysByYear as unknown as Record<string, Record<string, unknown> | undefined>;
    const hourCache = new Map<number, { date: string; weekday: number; hour: number }>();
    const wallOf = (t: number) => {
      const hourStart = t - (t % 3_600_000); // KST is a whole-hour offset
      let w = hourCache.get(hourStart);
      if (!w) {
        const p = Object.fromEntries(fmt.formatToParts(new Date(hourStart)).map(({ type, value }) => [type, value]));
        w = { date: `${p.year}-${p.month}-${p.day}`, weekday: WEEKDAYS.indexOf(p.weekday), hour: Number(p.hour) };
        hourCache.set(hourStart, w);
      }
      return w;
    };
    const oracleOpen = (d: CalendarDefinition, t: number) => {
      const w = wallOf(t);
      if (d.closedDays.includes(w.date)) return false;
      if (d.publicHolidays && tables[`y${w.date.slice(0, 4)}`]?.[w.date]) return false;
      const minute = w.hour * 60 + (t % 3_600_000) / MINUTE_MS;
      return d.weekly[w.weekday].some(([s, e]) => s <= minute && minute < e);
    };
    const LIMIT = 60 * 24 * 90; // give up (skip the case) after 90 days of wall-clock minutes

    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1_500 }), fc.integer({ min: 0, max: 10 * 24 * 60 }), (s, m, spanMin) => {
        const { def } = s;
        const start = s.start.getTime() - (s.start.getTime() % MINUTE_MS); // whole minutes only
        let t = start;
        let left = m;
        let expected: number | null = null;
        for (let i = 0; i < LIMIT && expected === null; i++, t += MINUTE_MS) {
          const open = oracleOpen(def, t);
          if (left === 0 && open) expected = t;
          else if (open && --left === 0) expected = t + MINUTE_MS;
        }
        fc.pre(expected !== null);
        const cal = new BusinessCalendar(def);
        expect(cal.addBusinessMinutes(new Date(start), m).getTime()).toBe(expected);

        let between = 0;
        for (let u = start; u < start + spanMin * MINUTE_MS; u += MINUTE_MS) if (oracleOpen(def, u)) between++;
        expect(cal.businessMinutesBetween(new Date(start), new Date(start + spanMin * MINUTE_MS))).toBe(between);
      }),
      { numRuns: 120 },
    );
  }, 30_000);
});
