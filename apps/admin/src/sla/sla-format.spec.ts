import type { TicketEventRecord } from '@shopdesk/contracts/tickets';
import ko from '../i18n/ko';
import en from '../i18n/en';
import {
  formatKstShort,
  formatLateness,
  formatMinutes,
  hhmmToMinutes,
  minutesInputToSeconds,
  minutesToHhmm,
  rungTimes,
  secondsToMinutesText,
  slaCountdown,
  slaCountdownText,
} from './sla-format';

// A tiny polyglot stand-in over one message file.
const translator = (messages: object) =>
  ((key: string, args: Record<string, unknown> = {}) => {
    let node: unknown = messages;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    const text = typeof node === 'string' ? node : String(args._ ?? key);
    return text.replace(/%\{(\w+)\}/g, (_m, name: string) => String(args[name] ?? ''));
  }) as never;
const tko = translator(ko);
const ten = translator(en);

const NOW = Date.parse('2026-11-21T05:00:00.000Z');
const at = (minutes: number, seconds = 0) => new Date(NOW + minutes * 60_000 + seconds * 1000).toISOString();

describe('SLA countdown', () => {
  it('counts whole minutes, rounded up, in Korean and English', () => {
    expect(slaCountdownText(at(45), NOW, tko)).toBe('45분 남음');
    expect(slaCountdownText(at(44, 30), NOW, tko)).toBe('45분 남음');
    expect(slaCountdownText(at(0, 10), NOW, tko)).toBe('1분 남음');
    expect(slaCountdownText(at(185), NOW, tko)).toBe('3시간 5분 남음');
    expect(slaCountdownText(at(120), NOW, tko)).toBe('2시간 남음');
    expect(slaCountdownText(at(2 * 1440 + 180), NOW, tko)).toBe('2일 3시간 남음');
    expect(slaCountdownText(at(1440), NOW, tko)).toBe('1일 남음');
    expect(slaCountdownText(at(45), NOW, ten)).toBe('45m left');
    expect(slaCountdownText(at(185), NOW, ten)).toBe('3h 5m left');
  });

  it('goes negative once the due time has passed', () => {
    expect(slaCountdownText(at(-12), NOW, tko)).toBe('-12분');
    expect(slaCountdownText(at(0, -5), NOW, tko)).toBe('-1분');
    expect(slaCountdownText(at(-90), NOW, tko)).toBe('-1시간 30분');
    expect(slaCountdownText(at(-12), NOW, ten)).toBe('-12m');
  });

  it('classifies urgency: overdue, within the hour, later', () => {
    expect(slaCountdown(at(-1), NOW).urgency).toBe('overdue');
    expect(slaCountdown(at(-1), NOW).overdue).toBe(true);
    expect(slaCountdown(at(0), NOW).urgency).toBe('soon');
    expect(slaCountdown(at(60), NOW).urgency).toBe('soon');
    expect(slaCountdown(at(61), NOW).urgency).toBe('later');
  });
});

describe('durations and times', () => {
  it('formats minutes and lateness', () => {
    expect(formatMinutes(0, tko)).toBe('0분');
    expect(formatMinutes(-75, tko)).toBe('1시간 15분');
    expect(formatLateness(3_999, tko)).toBe('3초');
    expect(formatLateness(125_000, tko)).toBe('2분');
    expect(formatLateness(3_200, ten)).toBe('3s');
  });

  it('shows instants on the KST wall clock whatever the machine time zone', () => {
    expect(formatKstShort('2026-11-21T05:00:00.000Z')).toBe('11/21 14:00');
    expect(formatKstShort('2026-12-31T15:30:00Z')).toBe('01/01 00:30');
    expect(formatKstShort('2026-11-21T14:00:00+09:00')).toBe('11/21 14:00');
    expect(formatKstShort(null)).toBeNull();
    expect(formatKstShort('soon')).toBe('soon');
  });
});

describe('rungs from the timeline', () => {
  const ev = (kind: TicketEventRecord['kind'], when: string, after: Record<string, unknown>) =>
    ({ id: when, ticketId: 't', kind, actorType: 'system', actorId: null, actorName: '시스템', before: null, after, at: when }) as TicketEventRecord;
  const events = [
    ev('sla_warning', at(-200), { target: 'next_reply', rung: 'warning' }), // an earlier round of the clock
    ev('status_changed', at(-60), { status: 'open' }),
    ev('sla_warning', at(-30), { target: 'next_reply', rung: 'warning' }),
    ev('sla_warning', at(-25), { target: 'first_reply', rung: 'warning' }),
    ev('sla_breached', at(-10), { target: 'next_reply', rung: 'breach' }),
    ev('sla_escalated', at(-5), { target: 'next_reply' }), // rung read from the kind when missing
  ];

  it('keeps the events of this timer since it started', () => {
    expect(rungTimes(events, { target: 'next_reply', startedAt: at(-100) })).toEqual({
      warning: at(-30),
      breach: at(-10),
      escalate: at(-5),
    });
    expect(rungTimes(events, { target: 'first_reply', startedAt: at(-300) })).toEqual({ warning: at(-25) });
    expect(rungTimes(events, { target: 'resolution', startedAt: at(-300) })).toEqual({});
    expect(rungTimes(undefined, { target: 'resolution', startedAt: at(-300) })).toEqual({});
  });
});

describe('business hours inputs', () => {
  it('converts minutes to HH:MM and back', () => {
    expect(minutesToHhmm(540)).toBe('09:00');
    expect(minutesToHhmm(1080)).toBe('18:00');
    expect(minutesToHhmm(0)).toBe('00:00');
    expect(minutesToHhmm(1440)).toBe('24:00');
    expect(minutesToHhmm(605)).toBe('10:05');
    for (let m = 0; m <= 1440; m += 7) expect(hhmmToMinutes(minutesToHhmm(m))).toBe(m);
  });

  it('rejects what is not a time of day', () => {
    expect(hhmmToMinutes('9:30')).toBe(570);
    expect(hhmmToMinutes(' 18:00 ')).toBe(1080);
    expect(hhmmToMinutes('24:00')).toBe(1440);
    for (const bad of ['', '24:01', '25:00', '12:60', '1200', '12:5', 'ab:cd', null, undefined]) {
      expect(hhmmToMinutes(bad)).toBeNull();
    }
  });

  it('shows ladder seconds as minutes', () => {
    expect(secondsToMinutesText(1800)).toBe('30');
    expect(secondsToMinutesText(90)).toBe('1.5');
    expect(secondsToMinutesText(null)).toBe('');
    expect(minutesInputToSeconds(30)).toBe(1800);
    expect(minutesInputToSeconds('45')).toBe(2700);
    expect(minutesInputToSeconds('')).toBeNull();
    expect(minutesInputToSeconds('x')).toBeNull();
  });
});
