import { DASHBOARD_MAX_DAYS } from '@shopdesk/contracts/dashboard';
import { TICKET_TYPES, type TicketType } from '@shopdesk/contracts/tickets';
import { DomainError } from '../core/errors/domain-error';

// Parses GET /dashboard/stats?from&to&type once: KST calendar days, inclusive, at most
// DASHBOARD_MAX_DAYS long. A bad value is a 422 naming the parameter.

export interface DashboardQuery {
  from: string;
  to: string;
  type: TicketType | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

function fail(param: string, detail: string): never {
  throw new DomainError(
    'VALIDATION_FAILED',
    `대시보드 조회 조건이 올바르지 않습니다 (${param}). / Invalid dashboard parameter "${param}": ${detail}`,
    { [param]: detail },
  );
}

function parseDay(param: string, raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !DAY.test(raw)) fail(param, 'must be a date YYYY-MM-DD');
  const ms = Date.parse(`${raw}T00:00:00Z`);
  // Date.parse accepts 2026-02-30; a round trip catches it.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== raw) fail(param, 'is not a calendar date');
  return ms;
}

/** Today in Asia/Seoul (no DST, always UTC+9) as midnight-UTC milliseconds of that calendar day. */
export function kstToday(now = Date.now()): number {
  const kst = new Date(now + 9 * 3_600_000);
  return Date.UTC(kst.getUTCFullYear(), kst.getUTCMonth(), kst.getUTCDate());
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function parseDashboardQuery(raw: { from?: unknown; to?: unknown; type?: unknown }, now = Date.now()): DashboardQuery {
  const to = parseDay('to', raw.to) ?? kstToday(now);
  const from = parseDay('from', raw.from) ?? to - 29 * MS_PER_DAY;
  if (from > to) fail('from', 'must not be after "to"');
  if ((to - from) / MS_PER_DAY + 1 > DASHBOARD_MAX_DAYS) fail('to', `the range is at most ${DASHBOARD_MAX_DAYS} days`);
  let type: TicketType | null = null;
  if (raw.type !== undefined && raw.type !== '') {
    if (typeof raw.type !== 'string' || !(TICKET_TYPES as readonly string[]).includes(raw.type)) {
      fail('type', `must be one of ${TICKET_TYPES.join(', ')}`);
    }
    type = raw.type as TicketType;
  }
  return { from: iso(from), to: iso(to), type };
}

/** Every day from `from` to `to` inclusive, as YYYY-MM-DD. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += MS_PER_DAY) out.push(iso(ms));
  return out;
}
