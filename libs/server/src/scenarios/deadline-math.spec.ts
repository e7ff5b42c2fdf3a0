import type { DateRef, DeadlineDef, DeadlineRule } from '@shopdesk/contracts/scenarios';
import fc from 'fast-check';
import {
  applyRule,
  computeDeadlines,
  deadlineState,
  formatKst,
  nextDeadline,
  resolveDateRef,
  type ComputedDeadline,
  type DeadlineFacts,
  type DeadlineState,
} from './deadline-math';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An instant given as KST wall-clock time, e.g. kst('2026-12-27T23:59:59.999'). */
const kst = (wall: string) => new Date(`${wall}+09:00`);
/** The KST wall clock of an instant as 'YYYY-MM-DDTHH:mm:ss.sss' (years 0–9999). */
const wallOf = (d: Date) => new Date(d.getTime() + 9 * HOUR).toISOString().slice(0, 23);

const facts = (over: Partial<DeadlineFacts> = {}): DeadlineFacts => ({
  ticketCreatedAt: kst('2026-12-14T09:00:00'),
  orderPaidAt: kst('2026-12-12T20:00:00'),
  expectedDeliveryDate: '2026-10-28',
  fields: {},
  ...over,
});

const def = (id: string, rule: DeadlineRule, warnBeforeHours = 0): DeadlineDef => ({
  id,
  label: { ko: id, en: id },
  rule,
  warnBeforeHours,
});

const resolve = (ref: DateRef, over: Partial<DeadlineFacts> = {}) => resolveDateRef(ref, facts(over), new Map());
const field = (value: unknown) => resolve('field:x', { fields: { x: value } });

describe('applyRule: offset', () => {
  it('adds calendar days across a month end (Jan 31 + 1 day = Feb 1, same wall time)', () => {
    expect(wallOf(applyRule({ kind: 'offset', from: 'ticket.createdAt', days: 1 }, kst('2026-01-31T10:15:00')))).toBe(
      '2026-02-01T10:15:00.000',
    );
  });

  it('adds days and hours together, hours rolling into the next day', () => {
    const due = applyRule({ kind: 'offset', from: 'ticket.createdAt', days: 2, hours: 20 }, kst('2026-12-30T10:00:00'));
    expect(wallOf(due)).toBe('2027-01-02T06:00:00.000');
  });

  it('is the start itself with no days, hours or endOfDay', () => {
    const start = kst('2026-05-05T05:05:05.005');
    expect(applyRule({ kind: 'offset', from: 'ticket.createdAt' }, start)).toEqual(start);
  });

  it('steps over Feb 29 in a leap year (2028) but not in 2027', () => {
    const rule: DeadlineRule = { kind: 'offset', from: 'ticket.createdAt', days: 1 };
    expect(wallOf(applyRule(rule, kst('2028-02-28T12:00:00')))).toBe('2028-02-29T12:00:00.000');
    expect(wallOf(applyRule(rule, kst('2027-02-28T12:00:00')))).toBe('2027-03-01T12:00:00.000');
    const twoDays: DeadlineRule = { ...rule, days: 2 };
    expect(wallOf(applyRule(twoDays, kst('2028-02-28T12:00:00')))).toBe('2028-03-01T12:00:00.000');
    expect(wallOf(applyRule(twoDays, kst('2027-02-28T12:00:00')))).toBe('2027-03-02T12:00:00.000');
  });

  it('snaps to 23:59:59.999 KST with endOfDay (15-day dispute window from payment)', () => {
    const due = applyRule({ kind: 'offset', from: 'order.paidAt', days: 15, endOfDay: true }, kst('2026-12-12T20:00:00'));
    expect(due.toISOString()).toBe('2026-12-27T14:59:59.999Z');
    expect(wallOf(due)).toBe('2026-12-27T23:59:59.999');
  });

  it('takes the KST day for endOfDay, not the UTC day', () => {
    // 2026-11-30T15:30Z is already 1 December in Korea.
    const due = applyRule({ kind: 'offset', from: 'ticket.createdAt', endOfDay: true }, new Date('2026-11-30T15:30:00Z'));
    expect(wallOf(due)).toBe('2026-12-01T23:59:59.999');
    const before = applyRule({ kind: 'offset', from: 'ticket.createdAt', endOfDay: true }, new Date('2026-11-30T14:59:59Z'));
    expect(wallOf(before)).toBe('2026-11-30T23:59:59.999');
  });

  it('leaves an instant already at 23:59:59.999 KST where it is', () => {
    const start = kst('2026-12-27T23:59:59.999');
    expect(applyRule({ kind: 'offset', from: 'ticket.createdAt', endOfDay: true }, start)).toEqual(start);
  });
});

describe('applyRule: end_of_month', () => {
  const eom = (start: Date, monthsAfter?: number) =>
    wallOf(applyRule({ kind: 'end_of_month', from: 'order.paidAt', ...(monthsAfter === undefined ? {} : { monthsAfter }) }, start));

  it.each([
    ['2026-01-15T12:00:00', '2026-01-31T23:59:59.999'],
    ['2026-01-31T23:59:59', '2026-01-31T23:59:59.999'],
    ['2026-04-01T00:00:00', '2026-04-30T23:59:59.999'],
    ['2026-12-01T00:00:00', '2026-12-31T23:59:59.999'],
    ['2027-02-03T08:00:00', '2027-02-28T23:59:59.999'],
    ['2028-02-10T08:00:00', '2028-02-29T23:59:59.999'],
    ['2100-02-10T08:00:00', '2100-02-28T23:59:59.999'], // 2100 is not a leap year
    ['2000-02-10T08:00:00', '2000-02-29T23:59:59.999'], // 2000 is
  ])('end of the month of %s is %s', (start, end) => {
    expect(eom(kst(start))).toBe(end);
  });

  it.each([
    ['2026-01-31T10:00:00', 1, '2026-02-28T23:59:59.999'], // Jan 31 + 1 month: end of Feb, no overflow to March
    ['2028-01-31T10:00:00', 1, '2028-02-29T23:59:59.999'],
    ['2026-11-10T10:00:00', 2, '2027-01-31T23:59:59.999'], // across a year end
    ['2026-12-31T23:00:00', 1, '2027-01-31T23:59:59.999'],
    ['2027-12-05T10:00:00', 2, '2028-02-29T23:59:59.999'],
    ['2026-03-15T10:00:00', 24, '2028-03-31T23:59:59.999'],
    ['2026-03-15T10:00:00', 0, '2026-03-31T23:59:59.999'],
  ] as const)('%s + %d months ends at %s', (start, monthsAfter, end) => {
    expect(eom(kst(start), monthsAfter)).toBe(end);
  });

  it('uses the KST month: 2026-11-30T15:30Z is paid in December, 14:59:59Z still in November', () => {
    expect(eom(new Date('2026-11-30T15:30:00Z'))).toBe('2026-12-31T23:59:59.999');
    expect(applyRule({ kind: 'end_of_month', from: 'order.paidAt' }, new Date('2026-11-30T15:30:00Z')).toISOString()).toBe(
      '2026-12-31T14:59:59.999Z',
    );
    expect(eom(new Date('2026-11-30T14:59:59Z'))).toBe('2026-11-30T23:59:59.999');
    expect(eom(new Date('2026-11-30T14:59:59.999Z'))).toBe('2026-11-30T23:59:59.999');
    expect(eom(new Date('2026-11-30T15:00:00Z'))).toBe('2026-12-31T23:59:59.999');
  });
});

describe('resolveDateRef', () => {
  it('returns the ticket and payment instants as they are', () => {
    expect(resolve('ticket.createdAt')).toEqual(kst('2026-12-14T09:00:00'));
    expect(resolve('order.paidAt')).toEqual(kst('2026-12-12T20:00:00'));
  });

  it('reads a date-only expected delivery date as 00:00 KST', () => {
    expect(resolve('shipment.expectedDeliveryDate')?.toISOString()).toBe('2026-10-27T15:00:00.000Z');
  });

  it('reads date fields as 00:00 KST and datetime fields with their offset', () => {
    expect(field('2028-02-29')).toEqual(kst('2028-02-29T00:00:00'));
    expect(field('2026-12-01T00:30:00+09:00')).toEqual(new Date('2026-11-30T15:30:00Z'));
    expect(field('2026-11-30T15:30:00Z')).toEqual(new Date('2026-11-30T15:30:00Z'));
    expect(field('2026-11-30T15:30:00.250Z')).toEqual(new Date('2026-11-30T15:30:00.250Z'));
    expect(field('2026-12-01T00:30+09:00')).toEqual(new Date('2026-11-30T15:30:00Z'));
    expect(field('2026-12-01T00:30:00+0900')).toEqual(new Date('2026-11-30T15:30:00Z'));
    expect(field('2026-11-30T10:30:00-05:00')).toEqual(new Date('2026-11-30T15:30:00Z'));
  });

  it('reads a chained deadline from the computed map', () => {
    const at = kst('2026-12-31T23:59:59.999');
    const computed = new Map<string, Date | null>([['first', at], ['gone', null]]);
    expect(resolveDateRef('deadline:first', facts(), computed)).toEqual(at);
    expect(resolveDateRef('deadline:gone', facts(), computed)).toBeNull();
    expect(resolveDateRef('deadline:never', facts(), computed)).toBeNull();
  });

  it('is null for missing sources', () => {
    expect(resolve('order.paidAt', { orderPaidAt: null })).toBeNull();
    expect(resolve('shipment.expectedDeliveryDate', { expectedDeliveryDate: null })).toBeNull();
    expect(resolve('field:x')).toBeNull();
    expect(resolve('ticket.createdAt', { ticketCreatedAt: new Date('nonsense') })).toBeNull();
    expect(resolve('order.paidAt', { orderPaidAt: new Date(Number.NaN) })).toBeNull();
  });

  it.each([
    [''],
    ['   '],
    [null],
    [undefined],
    [20261201],
    [true],
    [{}],
    [['2026-12-01']],
    [new Date('2026-12-01T00:00:00Z')], // the contract says strings; a Date object is "anything else"
  ])('is null for a field value of %p', (value) => {
    expect(field(value)).toBeNull();
  });

  it.each([
    '2026-02-30', // rolls over to March 2 if handed to Date
    '2027-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-12-00',
    '2026-1-5',
    '26-01-05',
    ' 2026-01-05',
    '2026-01-05 ',
    '2026/01/05',
    '20260105',
    'garbage',
    '2026-02-30T10:00:00+09:00', // V8's Date.parse accepts this and rolls over; we do not
    '2026-12-01T24:00:00Z',
    '2026-12-01T23:60:00Z',
    '2026-12-01T23:59:60Z',
    '2026-12-01T10:00:00', // no offset: would depend on the server's time zone
    '2026-12-01T10:00:00+24:00',
    '2026-12-01 10:00:00+09:00',
    'Tue, 01 Dec 2026 10:00:00 GMT', // Date.parse accepts it, but it is not ISO
    '2026-12-01T10:00:00+09:00 trailing',
  ])('is null, without throwing, for the invalid date %p', (value) => {
    expect(field(value)).toBeNull();
    expect(resolve('shipment.expectedDeliveryDate', { expectedDeliveryDate: value })).toBeNull();
  });

  it('keeps years below 100 (Date.UTC would turn 0050 into 1950)', () => {
    expect(field('0050-01-01')?.toISOString()).toBe('0049-12-31T15:00:00.000Z');
    expect(wallOf(field('0000-02-29')!)).toBe('0000-02-29T00:00:00.000'); // year 0 is a leap year, 1900 is not
    expect(wallOf(applyRule({ kind: 'end_of_month', from: 'field:x' }, field('0050-01-01')!))).toBe('0050-01-31T23:59:59.999');
  });
});

describe('computeDeadlines', () => {
  it('computes a 15-day dispute window and 60 days from the expected delivery date', () => {
    const [dispute, delivery] = computeDeadlines(
      [
        def('dispute', { kind: 'offset', from: 'order.paidAt', days: 15, endOfDay: true }, 48),
        def('returnWindow', { kind: 'offset', from: 'shipment.expectedDeliveryDate', days: 60 }, 24),
      ],
      facts(),
    );
    expect(dispute).toEqual({ id: 'dispute', dueAt: kst('2026-12-27T23:59:59.999'), warnAt: kst('2026-12-25T23:59:59.999') });
    // 2026-10-28 00:00 KST + 60 days: 3 (Oct) + 30 (Nov) + 27 (Dec).
    expect(delivery).toEqual({ id: 'returnWindow', dueAt: kst('2026-12-27T00:00:00'), warnAt: kst('2026-12-26T00:00:00') });
  });

  it('chains a deadline onto an earlier one', () => {
    const out = computeDeadlines(
      [
        def('billing', { kind: 'end_of_month', from: 'order.paidAt' }),
        def('appeal', { kind: 'offset', from: 'deadline:billing', days: 7, endOfDay: true }, 24),
        def('final', { kind: 'end_of_month', from: 'deadline:appeal', monthsAfter: 1 }),
      ],
      facts({ orderPaidAt: new Date('2026-11-30T15:30:00Z') }),
    );
    expect(out.map((d) => d.dueAt && wallOf(d.dueAt))).toEqual([
      '2026-12-31T23:59:59.999',
      '2027-01-07T23:59:59.999',
      '2027-02-28T23:59:59.999',
    ]);
    expect(wallOf(out[1].warnAt!)).toBe('2027-01-06T23:59:59.999');
  });

  it('makes a deadline with an unknown source unknown, and everything chained on it', () => {
    const out = computeDeadlines(
      [
        def('fromField', { kind: 'offset', from: 'field:receivedOn', days: 7 }, 24),
        def('chained', { kind: 'offset', from: 'deadline:fromField', days: 7 }, 24),
        def('chainedAgain', { kind: 'end_of_month', from: 'deadline:chained' }),
        def('independent', { kind: 'end_of_month', from: 'ticket.createdAt' }),
        def('noPayment', { kind: 'offset', from: 'order.paidAt', days: 3 }),
        def('badDate', { kind: 'offset', from: 'field:bad', days: 3 }),
      ],
      facts({ orderPaidAt: null, fields: { receivedOn: '', bad: '2026-02-30' } }),
    );
    expect(out).toEqual([
      { id: 'fromField', dueAt: null, warnAt: null },
      { id: 'chained', dueAt: null, warnAt: null },
      { id: 'chainedAgain', dueAt: null, warnAt: null },
      { id: 'independent', dueAt: kst('2026-12-31T23:59:59.999'), warnAt: kst('2026-12-31T23:59:59.999') },
      { id: 'noPayment', dueAt: null, warnAt: null },
      { id: 'badDate', dueAt: null, warnAt: null },
    ]);
  });

  it('treats a reference to a later deadline as unknown (only earlier ones are computed)', () => {
    const out = computeDeadlines(
      [def('early', { kind: 'offset', from: 'deadline:late', days: 1 }), def('late', { kind: 'offset', from: 'ticket.createdAt', days: 1 })],
      facts(),
    );
    expect(out[0].dueAt).toBeNull();
    expect(out[1].dueAt).toEqual(kst('2026-12-15T09:00:00'));
  });

  it('clamps warnAt to the start when the warning is longer than the deadline', () => {
    const start = kst('2026-12-14T09:00:00');
    const [d] = computeDeadlines([def('short', { kind: 'offset', from: 'ticket.createdAt', hours: 24 }, 72)], facts());
    expect(d).toEqual({ id: 'short', dueAt: new Date(start.getTime() + DAY), warnAt: start });
  });

  it('puts warnAt at dueAt when warnBeforeHours is 0, and exactly at the start when they coincide', () => {
    const [zero, exact] = computeDeadlines(
      [
        def('zero', { kind: 'offset', from: 'ticket.createdAt', days: 3 }, 0),
        def('exact', { kind: 'offset', from: 'ticket.createdAt', hours: 48 }, 48),
      ],
      facts(),
    );
    expect(zero.warnAt).toEqual(zero.dueAt);
    expect(exact.warnAt).toEqual(kst('2026-12-14T09:00:00'));
  });

  it('returns an empty list for no definitions', () => {
    expect(computeDeadlines([], facts())).toEqual([]);
  });
});

describe('deadlineState', () => {
  const d: ComputedDeadline = { id: 'd', dueAt: kst('2026-12-27T23:59:59.999'), warnAt: kst('2026-12-25T23:59:59.999') };
  const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

  it('switches at the exact boundaries: warning from warnAt, passed only after dueAt', () => {
    expect(deadlineState(d, at(d.warnAt!, -1))).toBe('ok');
    expect(deadlineState(d, d.warnAt!)).toBe('warning');
    expect(deadlineState(d, at(d.dueAt!, -1))).toBe('warning');
    expect(deadlineState(d, d.dueAt!)).toBe('warning');
    expect(deadlineState(d, at(d.dueAt!, 1))).toBe('passed');
    expect(deadlineState(d, kst('2026-12-28T00:00:00'))).toBe('passed');
  });

  it('goes from ok to warning exactly at dueAt when warnAt = dueAt', () => {
    const same = { ...d, warnAt: d.dueAt };
    expect(deadlineState(same, at(d.dueAt!, -1))).toBe('ok');
    expect(deadlineState(same, d.dueAt!)).toBe('warning');
    expect(deadlineState(same, at(d.dueAt!, 1))).toBe('passed');
  });

  it('is unknown without a dueAt, whatever the time', () => {
    const unknown = { id: 'u', dueAt: null, warnAt: null };
    expect(deadlineState(unknown, new Date(0))).toBe('unknown');
    expect(deadlineState(unknown, kst('2099-01-01T00:00:00'))).toBe('unknown');
  });
});

describe('nextDeadline', () => {
  const now = kst('2026-12-20T12:00:00');
  const mk = (id: string, due: Date | null): ComputedDeadline => ({ id, dueAt: due, warnAt: due });

  it('picks the earliest deadline not yet passed, ignoring passed and unknown ones', () => {
    const ds = [
      mk('passed', kst('2026-12-19T23:59:59.999')),
      mk('unknown', null),
      mk('later', kst('2026-12-31T23:59:59.999')),
      mk('soon', kst('2026-12-21T09:00:00')),
      mk('justPassed', new Date(now.getTime() - 1)),
    ];
    expect(nextDeadline(ds, now)).toEqual(kst('2026-12-21T09:00:00'));
  });

  it('counts a deadline due exactly now as not yet passed', () => {
    expect(nextDeadline([mk('later', kst('2026-12-31T00:00:00')), mk('now', now)], now)).toEqual(now);
  });

  it('is null when nothing is pending', () => {
    expect(nextDeadline([], now)).toBeNull();
    expect(nextDeadline([mk('u', null), mk('p', kst('2026-12-01T00:00:00'))], now)).toBeNull();
  });
});

describe('formatKst', () => {
  it.each([
    ['2026-12-27T14:59:59.999Z', '2026년 12월 27일 (일) 23:59', 'Sun, 27 Dec 2026 23:59 KST'],
    ['2026-12-31T15:00:00Z', '2027년 1월 1일 (금) 00:00', 'Fri, 1 Jan 2027 00:00 KST'], // midnight is 00:00, not 24:00
    ['2028-02-29T03:05:00Z', '2028년 2월 29일 (화) 12:05', 'Tue, 29 Feb 2028 12:05 KST'],
    ['2026-11-30T15:30:00Z', '2026년 12월 1일 (화) 00:30', 'Tue, 1 Dec 2026 00:30 KST'],
  ])('formats %s in KST', (iso, ko, en) => {
    expect(formatKst(new Date(iso), 'ko')).toBe(ko);
    expect(formatKst(new Date(iso), 'en')).toBe(en);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const startArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59.999Z'), noInvalidDate: true });
const offsetArb = fc.record({
  kind: fc.constant('offset' as const),
  from: fc.constant('ticket.createdAt' as const),
  days: fc.option(fc.integer({ min: 0, max: 3650 }), { nil: undefined }),
  hours: fc.option(fc.integer({ min: 0, max: 24 * 3650 }), { nil: undefined }),
  endOfDay: fc.option(fc.boolean(), { nil: undefined }),
});
const eomArb = fc.record({
  kind: fc.constant('end_of_month' as const),
  from: fc.constant('ticket.createdAt' as const),
  monthsAfter: fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }),
});
const ruleArb: fc.Arbitrary<DeadlineRule> = fc.oneof(offsetArb, eomArb);
const warnArb = fc.integer({ min: 0, max: 24 * 365 });

const computeOne = (rule: DeadlineRule, warn: number, start: Date) =>
  computeDeadlines([def('d', rule, warn)], facts({ ticketCreatedAt: start }))[0];
const kstParts = (d: Date) => {
  const w = new Date(d.getTime() + 9 * HOUR);
  return { y: w.getUTCFullYear(), m: w.getUTCMonth(), day: w.getUTCDate(), time: w.toISOString().slice(11, 23) };
};

describe('properties', () => {
  it('dueAt ≥ start, start ≤ warnAt ≤ dueAt', () => {
    fc.assert(
      fc.property(startArb, ruleArb, warnArb, (start, rule, warn) => {
        const { dueAt, warnAt } = computeOne(rule, warn, start);
        expect(dueAt!.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(warnAt!.getTime()).toBeLessThanOrEqual(dueAt!.getTime());
        expect(warnAt!.getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
    );
  });

  it('end_of_month lands on 23:59:59.999 KST of the last day of the right month, within bounds', () => {
    fc.assert(
      fc.property(startArb, eomArb, (start, rule) => {
        const months = rule.monthsAfter ?? 0;
        const due = applyRule(rule, start);
        const p = kstParts(due);
        expect(p.time).toBe('23:59:59.999');
        expect(kstParts(new Date(due.getTime() + 1)).day).toBe(1); // the next millisecond is the 1st
        const s = kstParts(start);
        expect(p.y * 12 + p.m).toBe(s.y * 12 + s.m + months);
        expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(due.getTime()).toBeLessThan(start.getTime() + (months + 1) * 31 * DAY + DAY);
      }),
    );
  });

  it('offset without endOfDay is exactly days × 24 h + hours × 1 h (KST has a fixed offset)', () => {
    fc.assert(
      fc.property(startArb, offsetArb, (start, rule) => {
        const due = applyRule({ ...rule, endOfDay: false }, start);
        expect(due.getTime() - start.getTime()).toBe((rule.days ?? 0) * DAY + (rule.hours ?? 0) * HOUR);
      }),
    );
  });

  it('offset with endOfDay is 23:59:59.999 KST on the KST day of start + offset', () => {
    fc.assert(
      fc.property(startArb, offsetArb, (start, rule) => {
        const due = applyRule({ ...rule, endOfDay: true }, start);
        const plain = new Date(start.getTime() + (rule.days ?? 0) * DAY + (rule.hours ?? 0) * HOUR);
        const [p, q] = [kstParts(due), kstParts(plain)];
        expect(p.time).toBe('23:59:59.999');
        expect([p.y, p.m, p.day]).toEqual([q.y, q.m, q.day]);
        expect(due.getTime() - plain.getTime()).toBeGreaterThanOrEqual(0);
        expect(due.getTime() - plain.getTime()).toBeLessThan(DAY);
      }),
    );
  });

  it('deadlineState never goes back as time moves forward (ok → warning → passed)', () => {
    const rank: Record<DeadlineState, number> = { ok: 0, warning: 1, passed: 2, unknown: -1 };
    fc.assert(
      fc.property(startArb, ruleArb, warnArb, fc.array(fc.integer({ min: -30 * DAY, max: 4000 * DAY })), (start, rule, warn, offsets) => {
        const d = computeOne(rule, warn, start);
        const w = d.warnAt!.getTime();
        const due = d.dueAt!.getTime();
        const nows = [...offsets.map((o) => start.getTime() + o), w - 1, w, w + 1, due - 1, due, due + 1].sort((a, b) => a - b);
        const ranks = nows.map((n) => rank[deadlineState(d, new Date(n))]);
        ranks.forEach((r, i) => {
          expect(r).toBeGreaterThanOrEqual(0);
          if (i > 0) expect(r).toBeGreaterThanOrEqual(ranks[i - 1]);
        });
        expect(deadlineState(d, new Date(due + 1))).toBe('passed');
        expect(deadlineState(d, new Date(due))).toBe('warning');
      }),
    );
  });

  it('nextDeadline is the smallest dueAt among the deadlines not passed', () => {
    const dsArb = fc.array(fc.option(startArb, { nil: null }).map((due): ComputedDeadline => ({ id: 'd', dueAt: due, warnAt: due })));
    fc.assert(
      fc.property(dsArb, startArb, (ds, now) => {
        const next = nextDeadline(ds, now);
        const pending = ds.filter((d) => d.dueAt && deadlineState(d, now) !== 'passed');
        if (pending.length === 0) return expect(next).toBeNull();
        expect(next!.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(pending.some((d) => d.dueAt === next)).toBe(true);
        for (const d of pending) expect(d.dueAt!.getTime()).toBeGreaterThanOrEqual(next!.getTime());
      }),
    );
  });

  it('a KST calendar date round-trips to 00:00 KST of that day', () => {
    const anyDate = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(anyDate, (d) => {
        const ymd = wallOf(d).slice(0, 10);
        const at = resolve('shipment.expectedDeliveryDate', { expectedDeliveryDate: ymd });
        expect(at && wallOf(at)).toBe(`${ymd}T00:00:00.000`);
      }),
    );
  });

  it('never throws on arbitrary input and yields null or a valid Date', () => {
    const valueArb = fc.oneof(fc.string(), fc.anything(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$/));
    fc.assert(
      fc.property(valueArb, (value) => {
        for (const r of [field(value), resolve('shipment.expectedDeliveryDate', { expectedDeliveryDate: value as string })]) {
          if (r !== null) expect(Number.isNaN(r.getTime())).toBe(false);
        }
      }),
    );
  });
});
