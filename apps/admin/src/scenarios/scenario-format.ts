// Pure helpers shared by the ticket's template panel and the template admin: localized labels,
// KST date handling, deadline countdowns and the conversion between what a form input holds
// (strings, rows) and the value shapes the API stores for each field type.
import type { FieldDef, FieldType, Localized } from '@shopdesk/contracts/scenarios';
import { isEmptyValue } from '@shopdesk/contracts/scenario-fields';

export type Lang = 'ko' | 'en';

/** The UI language as the language of template texts (Korean unless the UI is English). */
export const langOf = (locale: string | undefined): Lang => (locale === 'en' ? 'en' : 'ko');

/** A template text in the UI language. */
export function pick(text: Localized | null | undefined, locale: string | undefined): string {
  if (!text) return '';
  return text[langOf(locale)] || text.ko || text.en;
}

// ---------------------------------------------------------------------------------------------
// Korea Standard Time. Korea has no daylight saving time, so KST is always UTC+9 and a fixed
// offset is exact whatever time zone the agent's browser is in.

const KST_OFFSET_MS = 9 * 3_600_000;
const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/;

/** An instant → the KST wall clock for a datetime-local input ('2026-11-24T14:30'); '' if unreadable. */
export function isoToKstLocal(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Date(time + KST_OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value read as KST → ISO with offset ('2026-11-24T14:30:00+09:00'); '' → null. */
export function kstLocalToIso(local: string): string | null {
  const value = local.trim();
  if (value === '') return null;
  const match = LOCAL_DATETIME.exec(value);
  if (!match) return value; // left as typed: fieldValueError explains what is expected
  return `${match[1]}T${match[2]}${match[3] ?? ':00'}+09:00`;
}

/** "2026. 11. 24. 오후 2:30 KST" / "Nov 24, 2026, 2:30 PM KST". */
export function formatKst(iso: string | null | undefined, locale: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(langOf(locale) === 'en' ? 'en' : 'ko', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Seoul',
  }).format(date);
  return `${text} KST`;
}

export interface Countdown {
  passed: boolean;
  days: number;
  hours: number;
  minutes: number;
}

/** Whole days/hours/minutes until `dueAt` (rounded down), or `passed` once it is reached. */
export function countdown(dueAt: string, now: number): Countdown {
  const left = Date.parse(dueAt) - now;
  if (!(left > 0)) return { passed: true, days: 0, hours: 0, minutes: 0 };
  const minutesTotal = Math.floor(left / 60_000);
  return {
    passed: false,
    days: Math.floor(minutesTotal / (24 * 60)),
    hours: Math.floor(minutesTotal / 60) % 24,
    minutes: minutesTotal % 60,
  };
}

export type DeadlineState = 'ok' | 'warning' | 'passed' | 'unknown';

/**
 * The state of a deadline now. The server's state is as of the last fetch; a page left open
 * must still turn amber and red on time, so the clock may only make it more urgent.
 */
export function liveDeadlineState(
  deadline: { dueAt: string | null; warnAt: string | null; state: DeadlineState },
  now: number,
): DeadlineState {
  if (!deadline.dueAt) return 'unknown';
  if (deadline.state === 'passed' || Date.parse(deadline.dueAt) <= now) return 'passed';
  if (deadline.state === 'warning' || (deadline.warnAt && Date.parse(deadline.warnAt) <= now)) return 'warning';
  return deadline.state === 'unknown' ? 'ok' : deadline.state;
}

// ---------------------------------------------------------------------------------------------
// Field values: form drafts ↔ API values.

export interface ItemRow {
  sku: string;
  name: string;
  qty: string;
}
export interface EvidenceRow {
  description: string;
  ref: string;
}
/** What an input holds: a string for scalar types ('true'/'false'/'' for booleans), rows for lists. */
export type DraftValue = string | ItemRow[] | EvidenceRow[];

export const STRING_TYPES: readonly FieldType[] = [
  'text',
  'order_number',
  'courier_code',
  'transaction_id',
  'waybill',
  'phone',
];

export const emptyItemRow = (): ItemRow => ({ sku: '', name: '', qty: '1' });
export const emptyEvidenceRow = (): EvidenceRow => ({ description: '', ref: '' });

const asString = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);

/** The stored value of a field as its input's draft. */
export function toDraft(def: Pick<FieldDef, 'type'>, value: unknown): DraftValue {
  switch (def.type) {
    case 'datetime':
      return isoToKstLocal(value) || asString(value);
    case 'boolean':
      return value === true ? 'true' : value === false ? 'false' : '';
    case 'item_list':
      return Array.isArray(value)
        ? value.map((item) => {
            const i = (item ?? {}) as { sku?: unknown; name?: unknown; qty?: unknown };
            return { sku: asString(i.sku), name: asString(i.name), qty: asString(i.qty) };
          })
        : [];
    case 'evidence':
      return Array.isArray(value)
        ? value.map((item) => {
            const e = (item ?? {}) as { description?: unknown; ref?: unknown };
            return { description: asString(e.description), ref: asString(e.ref) };
          })
        : [];
    default:
      return asString(value);
  }
}

function toNumber(text: string): number | string | null {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  // Kept as typed when it is not a number, so validation says so instead of dropping it.
  return Number.isFinite(n) ? n : text;
}

/** A draft as the value to send (null = empty/cleared). Invalid input is kept for validation to report. */
export function fromDraft(def: Pick<FieldDef, 'type'>, draft: DraftValue): unknown {
  if (Array.isArray(draft)) {
    if (def.type === 'item_list') {
      const rows = (draft as ItemRow[]).filter((r) => r.sku.trim() || r.name.trim() || r.qty.trim());
      if (!rows.length) return null;
      return rows.map((r) => {
        const qty = toNumber(r.qty);
        const name = r.name.trim();
        return { sku: r.sku.trim(), qty: qty ?? 0, ...(name ? { name } : {}) };
      });
    }
    const rows = (draft as EvidenceRow[]).filter((r) => r.description.trim() || r.ref.trim());
    if (!rows.length) return null;
    return rows.map((r) => {
      const ref = r.ref.trim();
      return { description: r.description.trim(), ...(ref ? { ref } : {}) };
    });
  }
  const text = draft;
  switch (def.type) {
    case 'number':
    case 'money_krw':
      return toNumber(text);
    case 'datetime':
      return kstLocalToIso(text);
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : null;
    case 'item_list':
    case 'evidence':
      return null;
    default: {
      const trimmed = text.trim();
      return trimmed === '' ? null : trimmed;
    }
  }
}

/** JSON with sorted keys, so {sku, qty, name} and {name, sku, qty} compare equal. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Same stored value? Every empty value (null, '', []) counts as "not filled". */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (isEmptyValue(v) ? null : v);
  return stableStringify(norm(a)) === stableStringify(norm(b));
}

// ---------------------------------------------------------------------------------------------
// fieldValueError (contracts) answers in English; the UI shows a translated sentence instead.

const FIELD_ERROR_PATTERNS: Array<[RegExp, string, (m: RegExpExecArray) => Record<string, unknown>]> = [
  [/^must be at most (\d+) characters$/, 'max_length', (m) => ({ n: m[1] })],
  [/^must match (.*)$/, 'pattern', (m) => ({ pattern: m[1] })],
  [/^must be a string$/, 'string', () => ({})],
  [/^must be a number$/, 'number', () => ({})],
  [/^must be a whole number$/, 'integer', () => ({})],
  [/^must be ≥ (.+)$/, 'min', (m) => ({ n: m[1] })],
  [/^must be ≤ (.+)$/, 'max', (m) => ({ n: m[1] })],
  [/^must be a date like/, 'date', () => ({})],
  [/^must be an ISO date-time/, 'datetime', () => ({})],
  [/^must be one of/, 'enum', () => ({})],
  [/^must be a phone number/, 'phone', () => ({})],
  [/^must be 4–40 letters/, 'waybill', () => ({})],
  [/^must be true or false$/, 'boolean', () => ({})],
  [/^each item needs a sku$/, 'item_sku', () => ({})],
  [/^each item needs a whole qty/, 'item_qty', () => ({})],
  [/^(must be a list of up to 100 items|each item must be an object|item name too long|items take)/, 'items', () => ({})],
  [/^each evidence item needs a description/, 'evidence_description', () => ({})],
  [/^(must be a list of up to 50 evidence|each evidence item must be|ref must be|evidence takes)/, 'evidence', () => ({})],
];

/** `shopdesk.scenario.validation.<key>` and its arguments for an English field error. */
export function fieldErrorTranslation(message: string): { key: string; args: Record<string, unknown> } {
  for (const [pattern, key, args] of FIELD_ERROR_PATTERNS) {
    const match = pattern.exec(message);
    if (match) return { key: `shopdesk.scenario.validation.${key}`, args: args(match) };
  }
  return { key: 'shopdesk.scenario.validation.other', args: { detail: message } };
}

/** `{ "fields.missingItems": "…" }` (a 422 of the scenario API) → `{ missingItems: "…" }`. */
export function fieldErrorsFromServer(errors: unknown): Record<string, string> {
  if (!errors || typeof errors !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors as Record<string, unknown>)) {
    if (key.startsWith('fields.') && typeof message === 'string') out[key.slice('fields.'.length)] = message;
  }
  return out;
}

/** Ticket facts use dotted paths; translation keys use underscores (`order.paidAt` → `order_paidAt`). */
export const factKey = (fact: string) => `shopdesk.scenario.fact.${fact.replace(/\./g, '_')}`;
