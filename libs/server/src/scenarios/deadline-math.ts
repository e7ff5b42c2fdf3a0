// Deadline arithmetic for scenario templates: when is "15 days from payment, end of day" or "end of
// the month after the purchase"? Pure functions only — no clock, no I/O — so the API, the worker and
// the ticket list all agree to the millisecond, and tests can pin every boundary.
//
// Why no time-zone library: the only calendar that matters is Korea's, and Korea has had no daylight
// saving time since 1988, so KST is a fixed UTC+9. Calendar math is therefore done by shifting an
// instant by +9 h, reading/changing the *UTC* fields of the shifted value (which are then the KST
// wall clock), and shifting back. That stays correct whatever TZ the server process runs in.
import type { DateRef, DeadlineDef, DeadlineRule } from '@shopdesk/contracts/scenarios';

export interface DeadlineFacts {
  ticketCreatedAt: Date;
  orderPaidAt: Date | null;
  /** 'YYYY-MM-DD' calendar date in Korea */
  expectedDeliveryDate: string | null;
  /** template field values by id; date fields are 'YYYY-MM-DD', datetime fields ISO strings with offset; anything else/empty = unknown */
  fields: Record<string, unknown>;
}

export interface ComputedDeadline {
  id: string;
  dueAt: Date | null;
  warnAt: Date | null;
}

export type DeadlineState = 'ok' | 'warning' | 'passed' | 'unknown';

const HOUR_MS = 3_600_000;
const KST_OFFSET_MS = 9 * HOUR_MS;

/** The KST wall clock of an instant, read through the UTC getters of the returned Date. */
function kstWall(d: Date): Date {
  return new Date(d.getTime() + KST_OFFSET_MS);
}

/**
 * The instant at which the KST wall clock shows the given fields. Fields may overflow (day 32,
 * month 12, …) and are normalised the way Date.UTC does. setUTCFullYear instead of Date.UTC because
 * Date.UTC maps years 0–99 to 1900–1999, and a garbage-but-well-formed date like '0050-01-01' must
 * not silently become 1950 (nor get 1900's non-leap February).
 */
function fromKstWall(y: number, month0: number, day: number, h = 0, min = 0, s = 0, ms = 0): Date {
  const t = new Date(0);
  t.setUTCFullYear(y, month0, day);
  t.setUTCHours(h, min, s, ms);
  return new Date(t.getTime() - KST_OFFSET_MS);
}

/** Last millisecond of the KST day (after overflow normalisation) given by y/month0/day. */
function endOfKstDay(y: number, month0: number, day: number): Date {
  return new Date(fromKstWall(y, month0, day + 1).getTime() - 1);
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** Plain arithmetic, not Date: Date rolls '02-30' over to March 2 instead of rejecting it. */
function isCalendarDate(y: number, m: number, d: number): boolean {
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 date-time with a mandatory offset: without one, Date.parse would read it in the server's
// local zone, and the same field would mean different instants on different machines.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

/** 'YYYY-MM-DD' → 00:00 KST of that day; anything else (incl. '2026-02-30') → null. */
function parseKstDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = DATE_ONLY.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDate(y, mo, d) ? fromKstWall(y, mo - 1, d) : null;
}

/** ISO date-time with offset → instant; null unless every component is in range and Date.parse agrees. */
function parseIsoDateTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [y, mo, d, h, min, s, oh, om] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  // V8's Date.parse accepts '2026-02-30T…' (rolls over) and 'T24:00'; reject those ourselves.
  if (!isCalendarDate(y, mo, d) || h > 23 || min > 59 || s > 59 || oh > 23 || om > 59) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}

function validDate(d: Date | null | undefined): Date | null {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d : null;
}

/** Resolve a DateRef to an instant; date-only values mean 00:00 KST of that day. null when the source is missing/invalid. */
export function resolveDateRef(ref: DateRef, facts: DeadlineFacts, computed: Map<string, Date | null>): Date | null {
  if (ref === 'ticket.createdAt') return validDate(facts.ticketCreatedAt);
  if (ref === 'order.paidAt') return validDate(facts.orderPaidAt);
  if (ref === 'shipment.expectedDeliveryDate') return parseKstDate(facts.expectedDeliveryDate);
  if (ref.startsWith('field:')) {
    // A field's template type is not known here; the value's shape tells date from datetime.
    const value = facts.fields[ref.slice('field:'.length)];
    return parseKstDate(value) ?? parseIsoDateTime(value);
  }
  if (ref.startsWith('deadline:')) return validDate(computed.get(ref.slice('deadline:'.length)));
  return null;
}

/** Apply one rule to a start instant. */
export function applyRule(rule: DeadlineRule, start: Date): Date {
  const w = kstWall(start);
  if (rule.kind === 'end_of_month') {
    // Day 0 of the following month is the last day of the target month: Jan 31 + 1 month is the end
    // of February (28 or 29), never an overflow into March.
    return endOfKstDay(w.getUTCFullYear(), w.getUTCMonth() + (rule.monthsAfter ?? 0) + 1, 0);
  }
  // "N days later" = same KST wall-clock time N calendar days later; with a fixed offset that is
  // exactly N × 24 h, but doing it on calendar fields keeps the intent visible.
  const shifted = fromKstWall(
    w.getUTCFullYear(),
    w.getUTCMonth(),
    w.getUTCDate() + (rule.days ?? 0),
    w.getUTCHours(),
    w.getUTCMinutes(),
    w.getUTCSeconds(),
    w.getUTCMilliseconds(),
  );
  const due = new Date(shifted.getTime() + (rule.hours ?? 0) * HOUR_MS);
  if (!rule.endOfDay) return due;
  const dw = kstWall(due);
  return endOfKstDay(dw.getUTCFullYear(), dw.getUTCMonth(), dw.getUTCDate());
}

/**
 * Compute all deadlines in order; a later one may start from an earlier one via 'deadline:<id>'
 * (the contract only allows backward references, so one pass suffices). An unknown start makes the
 * deadline unknown, and so everything chained on it. warnAt = dueAt − warnBeforeHours, clamped into
 * [start, dueAt]: a 72-hour warning on a 24-hour deadline warns from the start, not before the
 * ticket even existed.
 */
export function computeDeadlines(defs: DeadlineDef[], facts: DeadlineFacts): ComputedDeadline[] {
  const computed = new Map<string, Date | null>();
  return defs.map((def) => {
    const start = resolveDateRef(def.rule.from, facts, computed);
    if (!start) {
      computed.set(def.id, null);
      return { id: def.id, dueAt: null, warnAt: null };
    }
    const dueAt = applyRule(def.rule, start);
    const warn = Math.min(dueAt.getTime(), Math.max(dueAt.getTime() - def.warnBeforeHours * HOUR_MS, start.getTime()));
    computed.set(def.id, dueAt);
    return { id: def.id, dueAt, warnAt: new Date(warn) };
  });
}

/** unknown if dueAt is null; passed once now > dueAt (the due instant itself is still in time); warning from warnAt. */
export function deadlineState(d: ComputedDeadline, now: Date): DeadlineState {
  if (!d.dueAt) return 'unknown';
  if (now.getTime() > d.dueAt.getTime()) return 'passed';
  if (d.warnAt && now.getTime() >= d.warnAt.getTime()) return 'warning';
  return 'ok';
}

/** Earliest dueAt among deadlines not yet passed at `now` (for the ticket list's "deadline within 48 h"), or null. */
export function nextDeadline(ds: ComputedDeadline[], now: Date): Date | null {
  let best: Date | null = null;
  for (const d of ds) {
    if (!d.dueAt || d.dueAt.getTime() < now.getTime()) continue; // unknown or passed (same rule as deadlineState)
    if (!best || d.dueAt.getTime() < best.getTime()) best = d.dueAt;
  }
  return best;
}

// Built once: Intl formatters are expensive to construct. hourCycle 'h23' because `hour12: false`
// renders midnight as '24:00' for ko-KR (ICU 78, Node 20). Parts are reassembled by hand so the output
// does not depend on each locale's punctuation ('2026. 12. 27. (일)', 'Sun, 27 Dec 2026, 23:59').
const PARTS_OPTIONS = {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
} as const;
const KO = new Intl.DateTimeFormat('ko-KR', { ...PARTS_OPTIONS, month: 'numeric' });
const EN = new Intl.DateTimeFormat('en-GB', { ...PARTS_OPTIONS, month: 'short' });

/** Format an instant as KST for replies: ko '2026년 12월 27일 (일) 23:59', en 'Sun, 27 Dec 2026 23:59 KST'. Throws RangeError on an invalid Date, like Intl. */
export function formatKst(d: Date, lang: 'ko' | 'en'): string {
  const p: Record<string, string> = {};
  for (const { type, value } of (lang === 'ko' ? KO : EN).formatToParts(d)) p[type] = value;
  return lang === 'ko'
    ? `${p.year}년 ${p.month}월 ${p.day}일 (${p.weekday}) ${p.hour}:${p.minute}`
    : `${p.weekday}, ${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute} KST`;
}
