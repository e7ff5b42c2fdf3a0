import fc from 'fast-check';
import { BusinessCalendar, DEFAULT_WEEKLY_HOURS } from './business-calendar';
import { clockFor } from './sla.service';
import { fulfilTimer, nextRung, pauseTimer, pendingRungs, reopenTimer, replanTimer, resumeTimer, startTimer } from './sla-timer';

const cal = new BusinessCalendar({ weekly: DEFAULT_WEEKLY_HOURS, closedDays: [], publicHolidays: true });
const business = clockFor(true, cal);
const wall = clockFor(false, null);
const ladder = { warningPercent: 75, escalateAfterSeconds: 1800, raisePriorityAfterSeconds: 3600 };
const kst = (s: string) => new Date(`${s}+09:00`);

describe('SLA timer', () => {
  it('counts business hours: Friday 17:00 + 4 h is Monday 12:00', () => {
    const t = startTimer(business, { minutes: 240, business: true }, kst('2026-11-20T17:00:00'), false);
    expect(t.dueAt).toEqual(kst('2026-11-23T12:00:00'));
    expect(pendingRungs(business, t, ladder).map((r) => [r.rung, r.fireAt])).toEqual([
      ['warning', kst('2026-11-23T11:00:00')],
      ['breach', kst('2026-11-23T12:00:00')],
      ['escalate', kst('2026-11-23T12:30:00')],
      ['raise_priority', kst('2026-11-23T13:00:00')],
    ]);
  });

  it('queues only the next rung: the earliest, the ladder order on equal times, none when nothing is pending', () => {
    const t = startTimer(wall, { minutes: 60, business: false }, kst('2026-11-23T09:00:00'), false);
    expect(nextRung(pendingRungs(wall, t, ladder))).toMatchObject({ rung: 'warning', fireAt: kst('2026-11-23T09:45:00') });
    const warned = { ...t, rungsDone: ['warning' as const] };
    expect(nextRung(pendingRungs(wall, warned, ladder))).toMatchObject({ rung: 'breach', fireAt: kst('2026-11-23T10:00:00') });
    const sameTime = { warningPercent: 75, escalateAfterSeconds: 0, raisePriorityAfterSeconds: 0 };
    const breached = { ...warned, state: 'breached' as const, rungsDone: ['warning' as const, 'breach' as const] };
    expect(nextRung(pendingRungs(wall, breached, sameTime))?.rung).toBe('escalate');
    expect(nextRung(pendingRungs(wall, fulfilTimer(t, kst('2026-11-23T09:10:00')), ladder))).toBeUndefined();
  });

  it('skips 설날 (2026-02-16..18) in business time', () => {
    const t = startTimer(business, { minutes: 60, business: true }, kst('2026-02-13T17:30:00'), false);
    expect(t.dueAt).toEqual(kst('2026-02-19T09:30:00'));
  });

  it('a pause pushes the due time out by exactly the paused business time', () => {
    let t = startTimer(business, { minutes: 120, business: true }, kst('2026-11-23T09:00:00'), false);
    t = pauseTimer(t, kst('2026-11-23T10:00:00'));
    expect(t).toMatchObject({ state: 'paused', dueAt: null, planVersion: 2 });
    expect(pendingRungs(business, t, ladder)).toEqual([]);
    t = resumeTimer(business, t, kst('2026-11-23T13:00:00'));
    expect(t.pausedMinutes).toBe(180);
    expect(t.dueAt).toEqual(kst('2026-11-23T14:00:00'));
    expect(t.planVersion).toBe(3);
  });

  it('fulfilling stops the ladder; a breached timer stays breached', () => {
    const t = startTimer(wall, { minutes: 10, business: false }, kst('2026-11-23T09:00:00'), false);
    expect(pendingRungs(wall, fulfilTimer(t, kst('2026-11-23T09:05:00')), ladder)).toEqual([]);
    const late = fulfilTimer({ ...t, state: 'breached', rungsDone: ['warning', 'breach'] }, kst('2026-11-23T09:20:00'));
    expect(late.state).toBe('breached');
    expect(late.fulfilledAt).toEqual(kst('2026-11-23T09:20:00'));
  });

  it('reopening counts the resolved time as paused', () => {
    let t = startTimer(wall, { minutes: 60, business: false }, kst('2026-11-23T09:00:00'), false);
    t = fulfilTimer(t, kst('2026-11-23T09:30:00'));
    t = reopenTimer(wall, t, kst('2026-11-23T10:30:00'));
    expect(t).toMatchObject({ state: 'active', pausedMinutes: 60, fulfilledAt: null });
    expect(t.dueAt).toEqual(kst('2026-11-23T11:00:00'));
  });

  it('re-planning a priority change swaps the target and keeps the start', () => {
    const t = startTimer(wall, { minutes: 240, business: false }, kst('2026-11-23T09:00:00'), false);
    const r = replanTimer(wall, t, { minutes: 60, business: false });
    expect(r.dueAt).toEqual(kst('2026-11-23T10:00:00'));
    expect(r.planVersion).toBe(t.planVersion + 1);
    expect(replanTimer(wall, t, { minutes: 240, business: false })).toBe(t);
  });

  it('property: any pause/resume sequence leaves due = start + target + paused, and due ≥ start', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2018-01-01'), max: new Date('2027-12-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4_000 }), fc.integer({ min: 0, max: 4_000 })), { maxLength: 5 }),
        (start, minutes, pauses) => {
          let t = startTimer(business, { minutes, business: true }, start, false);
          let now = start.getTime();
          let expectedPaused = 0;
          for (const [runMin, pauseMin] of pauses) {
            now += runMin * 60_000;
            t = pauseTimer(t, new Date(now));
            const pausedAt = now;
            now += pauseMin * 60_000;
            expectedPaused += cal.businessMinutesBetween(new Date(pausedAt), new Date(now));
            t = resumeTimer(business, t, new Date(now));
          }
          expect(t.pausedMinutes).toBeCloseTo(expectedPaused, 3);
          expect(t.dueAt!.getTime()).toBe(cal.addBusinessMinutes(start, minutes + t.pausedMinutes).getTime());
          expect(t.dueAt!.getTime()).toBeGreaterThanOrEqual(start.getTime());
          const rungs = pendingRungs(business, t, ladder);
          expect(rungs.map((r) => r.rung)).toEqual(['warning', 'breach', 'escalate', 'raise_priority']);
          for (let i = 1; i < rungs.length; i++) expect(rungs[i].fireAt.getTime()).toBeGreaterThanOrEqual(rungs[i - 1].fireAt.getTime());
        },
      ),
      { numRuns: 200 },
    );
  });
});
