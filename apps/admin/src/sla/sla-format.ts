// Pure helpers of the SLA screens: countdowns, durations, KST times, the rungs a timer fired
// (read from the timeline) and business-hours conversions. Translate is passed in so the
// wording is unit-tested.
import type { TranslateFunction } from 'react-admin';
import { SLA_RUNGS, SLA_TARGETS, type SlaRung, type SlaTarget } from '@shopdesk/contracts/sla';
import type { TicketEventKind, TicketEventRecord } from '@shopdesk/contracts/tickets';

const MINUTE_MS = 60_000;
const KST_OFFSET_MS = 9 * 3_600_000;

/** "45분" / "3시간 5분" / "2일 3시간" for a whole number of minutes (sign ignored). */
export function formatMinutes(totalMinutes: number, translate: TranslateFunction): string {
  const total = Math.abs(Math.trunc(totalMinutes));
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor(total / 60) % 24;
  const minutes = total % 60;
  if (days > 0) {
    return hours > 0
      ? translate('shopdesk.sla.duration.days_hours', { d: days, h: hours })
      : translate('shopdesk.sla.duration.days', { d: days });
  }
  if (hours > 0) {
    return minutes > 0
      ? translate('shopdesk.sla.duration.hours_minutes', { h: hours, m: minutes })
      : translate('shopdesk.sla.duration.hours', { h: hours });
  }
  return translate('shopdesk.sla.duration.minutes', { n: minutes });
}

/** A short lateness: "3초" under a minute, otherwise whole minutes (rounded down). */
export function formatLateness(ms: number, translate: TranslateFunction): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE_MS) return translate('shopdesk.sla.duration.seconds', { n: Math.floor(abs / 1000) });
  return formatMinutes(Math.floor(abs / MINUTE_MS), translate);
}

export type SlaUrgency = 'overdue' | 'soon' | 'later';

/** Within this many minutes a running SLA counts as "곧 위반" (the list's quick filter uses the same). */
export const SLA_SOON_MINUTES = 60;

export interface SlaCountdown {
  overdue: boolean;
  /** Whole minutes left (or overdue), rounded up: 30 s left is "1분 남음", 10 s late is "-1분". */
  minutes: number;
  urgency: SlaUrgency;
}

export function slaCountdown(dueAt: string, now: number): SlaCountdown {
  const left = Date.parse(dueAt) - now;
  const overdue = left < 0;
  const minutes = Math.ceil(Math.abs(left) / MINUTE_MS);
  const urgency: SlaUrgency = overdue ? 'overdue' : left <= SLA_SOON_MINUTES * MINUTE_MS ? 'soon' : 'later';
  return { overdue, minutes, urgency };
}

/** "45분 남음" before the due time, "-12분" after it. */
export function slaCountdownText(dueAt: string, now: number, translate: TranslateFunction): string {
  const { overdue, minutes } = slaCountdown(dueAt, now);
  const time = formatMinutes(minutes, translate);
  return translate(overdue ? 'shopdesk.sla.countdown.overdue' : 'shopdesk.sla.countdown.left', { time });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "11/21 14:00" on the KST wall clock (Korea has no DST, so +9 h is exact). */
export function formatKstShort(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const d = new Date(time + KST_OFFSET_MS);
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

// ---- rungs from the timeline -------------------------------------------------------------

export const SLA_EVENT_RUNG: Partial<Record<TicketEventKind, SlaRung>> = {
  sla_warning: 'warning',
  sla_breached: 'breach',
  sla_escalated: 'escalate',
  sla_priority_raised: 'raise_priority',
};

export const isSlaEvent = (kind: TicketEventKind) => kind in SLA_EVENT_RUNG;

const isTarget = (value: unknown): value is SlaTarget => SLA_TARGETS.includes(value as SlaTarget);
const isRung = (value: unknown): value is SlaRung => SLA_RUNGS.includes(value as SlaRung);

/**
 * When each rung of one timer fired, from the ticket's SLA events. A timer can restart (the next
 * reply clock starts again with each unanswered customer message), so only events at or after
 * the timer's start count, and the latest one wins.
 */
export function rungTimes(
  events: readonly TicketEventRecord[] | undefined,
  timer: { target: SlaTarget; startedAt: string },
): Partial<Record<SlaRung, string>> {
  const out: Partial<Record<SlaRung, string>> = {};
  const since = Date.parse(timer.startedAt);
  for (const event of events ?? []) {
    const fromKind = SLA_EVENT_RUNG[event.kind];
    if (!fromKind) continue;
    const after = event.after ?? {};
    if (!isTarget(after.target) || after.target !== timer.target) continue;
    const rung = isRung(after.rung) ? after.rung : fromKind;
    const at = Date.parse(event.at);
    if (Number.isNaN(at) || (!Number.isNaN(since) && at < since)) continue;
    const previous = out[rung];
    if (!previous || Date.parse(previous) <= at) out[rung] = event.at;
  }
  return out;
}

// ---- business hours ------------------------------------------------------------------------

const HHMM = /^(\d{1,2}):(\d{2})$/;

/** 540 → "09:00"; 1440 → "24:00" (the end of a day). */
export function minutesToHhmm(minutes: number): string {
  const m = Math.max(0, Math.min(24 * 60, Math.round(minutes)));
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** "09:00" → 540, "9:30" → 570, "24:00" → 1440; null when it is not a time of day. */
export function hhmmToMinutes(text: string | null | undefined): number | null {
  const match = HHMM.exec((text ?? '').trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/** Seconds of the escalation ladder shown as minutes in the policy form. */
export const secondsToMinutesText = (seconds: unknown): string =>
  typeof seconds === 'number' && Number.isFinite(seconds) ? String(seconds / 60) : '';

/** What a minutes input holds (number or text) → seconds; empty → null. */
export function minutesInputToSeconds(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isFinite(n) ? Math.round(n * 60) : null;
}
