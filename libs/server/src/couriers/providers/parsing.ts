// Small readers shared by the adapters: body decoding, typed field access with field-path errors,
// and the timestamp formats couriers send (ISO with or without offset, KST wall times, epochs).
import { createHash } from 'node:crypto';
import { WebhookRejected } from './types';

export type JsonObject = Record<string, unknown>;

/** Korean couriers report wall-clock times in KST; a time without an offset is read as +09:00. */
export const KST_OFFSET_MINUTES = 9 * 60;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bodyText(rawBody: Buffer): string {
  const text = rawBody.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON.parse of the raw body; 400 'body' when it is not JSON, 422 'body' when it is not an object. */
export function parseJsonObject(rawBody: Buffer): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(bodyText(rawBody));
  } catch {
    throw new WebhookRejected(400, 'body', 'request body is not valid JSON');
  }
  if (!isObject(value)) throw new WebhookRejected(422, 'body', 'request body must be a JSON object');
  return value;
}

/**
 * A JSON object, or an application/x-www-form-urlencoded body (Sweet Tracker's callback spec shows
 * an HTML form post). Anything that is neither is reported as invalid JSON.
 */
export function parseJsonOrFormObject(rawBody: Buffer): JsonObject {
  const text = bodyText(rawBody).trim();
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) {
    const out: JsonObject = {};
    for (const [key, value] of new URLSearchParams(text)) {
      if (!(key in out)) out[key] = value;
    }
    return out;
  }
  return parseJsonObject(rawBody);
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

/** A required non-empty string (integers are accepted and stringified: waybills often arrive as numbers). */
export function reqString(obj: JsonObject, key: string, prefix = ''): string {
  const value = optString(obj, key, prefix);
  if (value === null) throw new WebhookRejected(422, join(prefix, key), `${join(prefix, key)} is required`);
  return value;
}

/** An optional string: missing, null or blank → null; integers stringified; other types → 422. */
export function optString(obj: JsonObject, key: string, prefix = ''): string | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string') {
    throw new WebhookRejected(422, join(prefix, key), `${join(prefix, key)} must be a string`);
  }
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function reqObject(obj: JsonObject, key: string, prefix = ''): JsonObject {
  const value = obj[key];
  if (!isObject(value)) throw new WebhookRejected(422, join(prefix, key), `${join(prefix, key)} must be an object`);
  return value;
}

/** Lenient read for optional nested data we only mine for hints (EDDs and the like). */
export function looseString(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

/** Waybills are compared after removing whitespace and dashes and upper-casing letters. */
export function normalizeWaybill(waybill: string): string {
  return waybill.replace(/[\s-]+/g, '').toUpperCase();
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Timestamps

// 2026-11-21[ T]14:05[:00[.123]][offset]; '.' and '/' also accepted as date separators.
const WALL_TIME =
  /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const COMPACT_WALL_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

function offsetMinutes(zone: string | undefined, fallback: number): number {
  if (!zone) return fallback;
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 14 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

function fromParts(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offset: number,
): Date | null {
  if (!Number.isFinite(offset)) return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(utc);
  // Reject 2026-02-30 and friends (Date.UTC would roll them over).
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - offset * 60_000);
}

function fromEpoch(value: number): Date | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  // 13 digits and up are milliseconds; below that, seconds.
  const ms = value >= 1e12 ? value : value * 1000;
  const date = new Date(Math.round(ms));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Reads a courier timestamp. Accepts epoch seconds or milliseconds (number or digit string), ISO 8601
 * with an offset, and wall-clock times without one ('2026-11-21 14:05:00', '2026.11.21 14:05',
 * '20261121140500', '2026-11-21T14:05:00'), which are read in `defaultOffsetMinutes` (KST unless told).
 * Returns null when the value is not a time.
 */
export function parseCourierTime(value: unknown, defaultOffsetMinutes = KST_OFFSET_MINUTES): Date | null {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d{9,13}$/.test(text)) return fromEpoch(Number(text));
  const compact = COMPACT_WALL_TIME.exec(text);
  if (compact) {
    const [, y, mo, d, h, mi, s] = compact.map(Number);
    return fromParts(y, mo, d, h, mi, s, 0, defaultOffsetMinutes);
  }
  const m = WALL_TIME.exec(text);
  if (!m) return null;
  const fraction = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  return fromParts(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    m[4] ? Number(m[4]) : 0,
    m[5] ? Number(m[5]) : 0,
    m[6] ? Number(m[6]) : 0,
    fraction,
    offsetMinutes(m[8], defaultOffsetMinutes),
  );
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Strict ISO 8601 date-time with an explicit offset ('Z' or ±hh:mm); null otherwise. */
export function parseIsoWithOffset(value: string): Date | null {
  if (!ISO_WITH_OFFSET.test(value)) return null;
  return parseCourierTime(value);
}

/**
 * The calendar date a provider means by an estimated delivery: 'YYYY-MM-DD' (as written, in the
 * carrier's own zone) from '2026-11-23', '2026-11-23T18:00:00+09:00', '2026.11.23' or '20261123'.
 */
export function toDateOnly(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})[-./]?(\d{2})[-./]?(\d{2})(?:$|[T ])/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!fromParts(y, mo, d, 0, 0, 0, 0, 0)) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Strict 'YYYY-MM-DD' (a real calendar date). */
export function isDateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && toDateOnly(value) === value;
}
