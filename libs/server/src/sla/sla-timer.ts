// Pure state transitions of one SLA timer. The timer counts in its own clock (business minutes of
// the policy's calendar, or wall-clock minutes); by construction
//   dueAt = clock.add(startedAt, targetMinutes + pausedMinutes)
// so pauses push the due time out by exactly the paused time, and re-planning (priority or
// policy change) only swaps targetMinutes.
import type { SlaLadder, SlaRung, SlaState } from '@shopdesk/contracts/sla';

export interface SlaClock {
  add(start: Date, minutes: number): Date;
  between(from: Date, to: Date): number;
}

export interface TimerState {
  state: SlaState;
  business: boolean;
  targetMinutes: number;
  startedAt: Date;
  dueAt: Date | null;
  pausedAt: Date | null;
  pausedMinutes: number;
  breachedAt: Date | null;
  fulfilledAt: Date | null;
  rungsDone: SlaRung[];
  planVersion: number;
}

export function startTimer(
  clock: SlaClock,
  spec: { minutes: number; business: boolean },
  at: Date,
  paused: boolean,
  previousVersion = 0,
): TimerState {
  return {
    state: paused ? 'paused' : 'active',
    business: spec.business,
    targetMinutes: spec.minutes,
    startedAt: at,
    dueAt: paused ? null : clock.add(at, spec.minutes),
    pausedAt: paused ? at : null,
    pausedMinutes: 0,
    breachedAt: null,
    fulfilledAt: null,
    rungsDone: [],
    planVersion: previousVersion + 1,
  };
}

export function pauseTimer(t: TimerState, at: Date): TimerState {
  if (t.state !== 'active') return t;
  return { ...t, state: 'paused', pausedAt: at, dueAt: null, planVersion: t.planVersion + 1 };
}

export function resumeTimer(clock: SlaClock, t: TimerState, at: Date): TimerState {
  if (t.state !== 'paused' || !t.pausedAt) return t;
  const pausedMinutes = t.pausedMinutes + clock.between(t.pausedAt, at);
  return {
    ...t,
    state: 'active',
    pausedAt: null,
    pausedMinutes,
    dueAt: clock.add(t.startedAt, t.targetMinutes + pausedMinutes),
    planVersion: t.planVersion + 1,
  };
}

/** A breached timer stays breached; fulfilling it only stops the rest of its ladder. */
export function fulfilTimer(t: TimerState, at: Date): TimerState {
  if (t.fulfilledAt) return t;
  return {
    ...t,
    state: t.state === 'breached' ? 'breached' : 'fulfilled',
    fulfilledAt: at,
    pausedAt: null,
    planVersion: t.planVersion + 1,
  };
}

/** A reopened ticket's resolution timer continues; the time it spent resolved counts as paused. */
export function reopenTimer(clock: SlaClock, t: TimerState, at: Date): TimerState {
  if (t.state !== 'fulfilled' || !t.fulfilledAt) return t;
  return resumeTimer(clock, { ...t, state: 'paused', pausedAt: t.fulfilledAt, fulfilledAt: null }, at);
}

export function replanTimer(clock: SlaClock, t: TimerState, spec: { minutes: number; business: boolean }): TimerState {
  if ((t.state !== 'active' && t.state !== 'paused') || (t.targetMinutes === spec.minutes && t.business === spec.business)) {
    return t;
  }
  // Switching clocks keeps the elapsed share of the target: simpler to restart counting paused time.
  const pausedMinutes = t.business === spec.business ? t.pausedMinutes : 0;
  const next = { ...t, targetMinutes: spec.minutes, business: spec.business, pausedMinutes, planVersion: t.planVersion + 1 };
  return t.state === 'active' ? { ...next, dueAt: clock.add(t.startedAt, spec.minutes + pausedMinutes) } : next;
}

/** The rungs still to fire and when, for scheduling and reconciliation. */
export function pendingRungs(clock: SlaClock, t: TimerState, ladder: SlaLadder): { rung: SlaRung; fireAt: Date }[] {
  if (t.fulfilledAt || t.state === 'paused' || t.state === 'fulfilled' || !t.dueAt) return [];
  const out: { rung: SlaRung; fireAt: Date }[] = [];
  const todo = (r: SlaRung) => !t.rungsDone.includes(r);
  if (t.state === 'active') {
    if (todo('warning')) {
      out.push({ rung: 'warning', fireAt: clock.add(t.startedAt, (t.targetMinutes * ladder.warningPercent) / 100 + t.pausedMinutes) });
    }
    if (todo('breach')) out.push({ rung: 'breach', fireAt: t.dueAt });
  }
  if (todo('escalate')) out.push({ rung: 'escalate', fireAt: new Date(t.dueAt.getTime() + ladder.escalateAfterSeconds * 1000) });
  if (todo('raise_priority')) {
    out.push({ rung: 'raise_priority', fireAt: new Date(t.dueAt.getTime() + ladder.raisePriorityAfterSeconds * 1000) });
  }
  return out;
}

/** The rung that fires first (the ladder's order on equal times): the only one a timer keeps queued. */
export function nextRung<R extends { fireAt: Date }>(pending: R[]): R | undefined {
  return pending.reduce<R | undefined>((first, r) => (!first || r.fireAt.getTime() < first.fireAt.getTime() ? r : first), undefined);
}
