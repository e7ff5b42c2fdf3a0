// The Korean business calendar behind SLA timers: "4 business hours after the ticket arrived" must
// skip nights, weekends, 설날/추석, substitute holidays and a shop's own closed days. Pure code — no
// clock, no I/O — so the API, the worker and the admin compute the same due instant to the millisecond.
//
// Why no time-zone library: Korea has had no daylight saving time since 1988, so KST is a fixed UTC+9.
// We shift an instant by +9 h and read the *UTC* fields of the result, which are then the KST wall
// clock; this stays correct whatever TZ the server process runs in. Days are handled as integer
// "KST day numbers" (days since 1970-01-01 KST), so a closed-day lookup is one Set.has().
//
// Why day-by-day: an SLA of 60 business days must not loop per minute. We walk whole KST days, skip
// closed ones with one lookup, and subtract each open interval in one step — O(days), not O(minutes).
import * as holidaysByYear from '@hyunbinseo/holidays-kr/all';

/** Minutes from 00:00 KST; [start, end) intervals, end ≤ 1440, sorted, non-overlapping. Split shifts = several intervals. */
export type DayHours = Array<[number, number]>;
/** Index 0 = Sunday … 6 = Saturday (KST weekday). */
export type WeeklyHours = [DayHours, DayHours, DayHours, DayHours, DayHours, DayHours, DayHours];

export interface CalendarDefinition {
  weekly: WeeklyHours;
  /** Extra closed days 'YYYY-MM-DD' (KST), e.g. company holidays. */
  closedDays: string[];
  /**
   * Close on Korean public holidays from the package (default true: a missing value, e.g. from an
   * older stored JSON, counts as true — only an explicit `false` turns holidays off).
   */
  publicHolidays: boolean;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const KST_OFFSET_MS = 9 * 3_600_000;
/** Longest walk of addBusinessMinutes (~10 years). Beyond that the calendar is (nearly) never open or the SLA is absurd. */
const MAX_WALK_DAYS = 3653;

const OFFICE: [number, number] = [9 * 60, 18 * 60];
/** Mon–Fri 09:00–18:00 KST. Frozen so that a caller cannot change everybody's default by accident. */
export const DEFAULT_WEEKLY_HOURS: WeeklyHours = Object.freeze([
  [],
  [OFFICE],
  [OFFICE],
  [OFFICE],
  [OFFICE],
  [OFFICE],
  [],
].map((day) => Object.freeze(day.map((iv) => Object.freeze([...iv]))))) as unknown as WeeklyHours;

// ---- KST day numbers -------------------------------------------------------------------------------

/** KST day number of an instant: shift to the KST wall clock, then count whole UTC days. */
function kstDay(ms: number): number {
  return Math.floor((ms + KST_OFFSET_MS) / DAY_MS);
}

/** The instant of 00:00 KST on a day number. */
function dayStart(day: number): number {
  return day * DAY_MS - KST_OFFSET_MS;
}

/** 0 = Sunday; day 0 (1970-01-01) was a Thursday. Double modulo because days before 1970 are negative. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Day number of a 'YYYY-MM-DD' KST date, or null if it is not a real calendar date. Checked by
 * round-tripping because Date silently rolls '02-30' over to March 2; setUTCFullYear instead of
 * Date.UTC because Date.UTC maps years 0–99 to 1900–1999.
 */
function parseDay(date: unknown): number | null {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) return null;
  const t = new Date(0);
  t.setUTCFullYear(+m[1], +m[2] - 1, +m[3]);
  if (t.getUTCFullYear() !== +m[1] || t.getUTCMonth() !== +m[2] - 1 || t.getUTCDate() !== +m[3]) return null;
  return t.getTime() / DAY_MS;
}

function requireDay(date: string): number {
  const day = parseDay(date);
  if (day === null) throw new RangeError(`Expected a KST date 'YYYY-MM-DD', got ${JSON.stringify(date)}`);
  return day;
}

function requireInstant(d: Date, what: string): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (Number.isNaN(t)) throw new RangeError(`${what} must be a valid Date`);
  return t;
}

// ---- public holidays -------------------------------------------------------------------------------

/**
 * Holiday names by KST day number, from the package's per-year exports (y2018 … y2027). Keys are
 * filtered by shape because a CommonJS interop namespace may carry extra keys such as `default`.
 */
const HOLIDAYS = new Map<number, readonly string[]>();
const dataYears: number[] = [];
for (const [key, table] of Object.entries(holidaysByYear as Record<string, unknown>)) {
  if (!/^y\d{4}$/.test(key) || !table || typeof table !== 'object') continue;
  dataYears.push(Number(key.slice(1)));
  for (const [date, names] of Object.entries(table as Record<string, readonly string[]>)) {
    const day = parseDay(date);
    if (day !== null) HOLIDAYS.set(day, names);
  }
}

/**
 * Years the holiday data covers, e.g. { first: 2018, last: 2027 }. Outside it the package knows no
 * holidays, so only weekends (days without hours) and custom closed days close: an SLA running into
 * 2028 treats 설날 2028 as a working day until the package is upgraded. That is deliberate — holidays
 * such as 설날, 추석 and substitute days cannot be computed reliably by rule, and guessing wrong is
 * worse than a documented gap; add known future holidays to `closedDays` if that matters.
 */
export const HOLIDAY_DATA_YEARS: { first: number; last: number } = Object.freeze({
  first: Math.min(...dataYears),
  last: Math.max(...dataYears),
});

// ---- validation ------------------------------------------------------------------------------------

/** Errors by field path ('weekly[1][0]', 'closedDays[2]', …); {} when the definition is valid. Accepts untrusted JSON. */
export function validateCalendar(def: CalendarDefinition): Record<string, string> {
  const errors: Record<string, string> = {};
  const { weekly, closedDays, publicHolidays } = (def ?? {}) as Partial<Record<keyof CalendarDefinition, unknown>>;

  if (!Array.isArray(weekly) || weekly.length !== 7) {
    errors.weekly = 'must list the opening hours of all 7 weekdays (index 0 = Sunday)';
  } else {
    let anyOpen = false;
    weekly.forEach((hours: unknown, d) => {
      if (!Array.isArray(hours)) {
        errors[`weekly[${d}]`] = 'must be a list of [start, end] intervals ([] = closed all day)';
        return;
      }
      let prevEnd = 0;
      hours.forEach((iv: unknown, i) => {
        const key = `weekly[${d}][${i}]`;
        if (!Array.isArray(iv) || iv.length !== 2 || !iv.every((n) => Number.isInteger(n))) {
          errors[key] = 'must be [start, end] in whole minutes from 00:00 KST';
          return;
        }
        const [s, e] = iv as [number, number];
        if (s < 0 || e > 1440 || s >= e) errors[key] = 'needs 0 ≤ start < end ≤ 1440';
        else if (s < prevEnd) errors[key] = 'must start at or after the end of the previous interval (sorted, non-overlapping)';
        else anyOpen = true;
        prevEnd = Math.max(prevEnd, Math.min(e, 1440));
      });
    });
    // A never-open calendar would make every due time infinite; reject it here rather than at use.
    if (!anyOpen) errors.weekly ??= 'at least one weekday needs opening hours';
  }

  if (!Array.isArray(closedDays)) errors.closedDays = "must be a list of 'YYYY-MM-DD' dates";
  else
    closedDays.forEach((date: unknown, i) => {
      if (parseDay(date) === null) errors[`closedDays[${i}]`] = "must be a real date 'YYYY-MM-DD'";
    });

  if (publicHolidays !== undefined && typeof publicHolidays !== 'boolean') errors.publicHolidays = 'must be true or false';
  return errors;
}

// ---- the calendar ----------------------------------------------------------------------------------

type MsInterval = readonly [number, number];
const NO_HOURS: readonly MsInterval[] = [];

export class BusinessCalendar {
  /** Opening intervals per weekday, in ms from 00:00 KST (copied: later changes to the definition do not leak in). */
  private readonly weekly: ReadonlyArray<readonly MsInterval[]>;
  /** Custom closed days plus (if enabled) public holidays, as KST day numbers. */
  private readonly closed = new Set<number>();
  private readonly publicHolidays: boolean;

  /** Throws RangeError listing the problems if `validateCalendar(def)` is not empty. */
  constructor(def: CalendarDefinition) {
    const errors = validateCalendar(def);
    if (Object.keys(errors).length) {
      const list = Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join('; ');
      throw new RangeError(`Invalid business calendar: ${list}`);
    }
    this.weekly = def.weekly.map((hours) => hours.map(([s, e]) => [s * MINUTE_MS, e * MINUTE_MS] as const));
    this.publicHolidays = def.publicHolidays !== false;
    if (this.publicHolidays) for (const day of HOLIDAYS.keys()) this.closed.add(day);
    for (const date of def.closedDays) this.closed.add(requireDay(date));
  }

  /** Holiday names for a KST date, [] when not a public holiday (only when publicHolidays). */
  holidayNames(date: string): string[] {
    const day = requireDay(date);
    const names = this.publicHolidays ? HOLIDAYS.get(day) : undefined;
    return names ? [...names] : [];
  }

  /** Public holiday (if enabled) or custom closed day, or no hours that weekday. */
  isClosedDay(date: string): boolean {
    return this.hoursOn(requireDay(date)).length === 0;
  }

  isOpenAt(at: Date): boolean {
    const t = requireInstant(at, 'at');
    const day = kstDay(t);
    const offset = t - dayStart(day);
    return this.hoursOn(day).some(([s, e]) => s <= offset && offset < e);
  }

  /**
   * The instant after `minutes` of open time counted from `start`; if `start` is outside hours,
   * counting begins at the next opening. Fractional minutes are rounded to whole milliseconds.
   * A positive amount that uses up an interval exactly returns that interval's end (e.g. 18:00),
   * not the next morning's opening; minutes = 0 returns `start` if open, else the next opening.
   * Throws if the result would lie more than ~10 years ahead (calendar practically never open).
   */
  addBusinessMinutes(start: Date, minutes: number): Date {
    const t0 = requireInstant(start, 'start');
    if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
    let remaining = Math.round(minutes * MINUTE_MS);
    const first = kstDay(t0);
    for (let day = first; day <= first + MAX_WALK_DAYS; day++) {
      const base = dayStart(day);
      for (const [s, e] of this.hoursOn(day)) {
        const from = Math.max(base + s, t0);
        const end = base + e;
        if (end <= from) continue; // interval already over when we start (first day only)
        if (remaining === 0) return new Date(from);
        if (remaining <= end - from) return new Date(from + remaining);
        remaining -= end - from;
      }
    }
    throw new Error(
      `Business calendar: due time is more than 10 years after ${start.toISOString()} ` +
        `(${minutes} business minutes) — the calendar is (almost) never open or the amount is absurd`,
    );
  }

  /** Open minutes in [from, to) (0 if to ≤ from), with millisecond precision. O(days between). */
  businessMinutesBetween(from: Date, to: Date): number {
    const a = requireInstant(from, 'from');
    const b = requireInstant(to, 'to');
    if (b <= a) return 0;
    let ms = 0;
    for (let day = kstDay(a), last = kstDay(b); day <= last; day++) {
      const base = dayStart(day);
      for (const [s, e] of this.hoursOn(day)) {
        const overlap = Math.min(base + e, b) - Math.max(base + s, a);
        if (overlap > 0) ms += overlap;
      }
    }
    return ms / MINUTE_MS;
  }

  /** Opening intervals (ms from 00:00 KST) of a KST day number; [] on closed days. */
  private hoursOn(day: number): readonly MsInterval[] {
    return this.closed.has(day) ? NO_HOURS : this.weekly[weekdayOf(day)];
  }
}

/** Wall-clock (24/7) counterpart of addBusinessMinutes, for SLA targets with `business: false`. Rounds to whole ms. */
export function addCalendarMinutes(start: Date, minutes: number): Date {
  const t0 = requireInstant(start, 'start');
  if (!Number.isFinite(minutes)) throw new RangeError(`minutes must be finite, got ${minutes}`);
  return new Date(t0 + Math.round(minutes * MINUTE_MS));
}
