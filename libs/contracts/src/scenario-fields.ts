// Checks one template field value against its definition. Shared by the API and the forms so
// the customer, the agent and the server agree on what is valid.
import type { FieldDef } from './scenarios';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PHONE = /^\+?[0-9][0-9 ()-]{6,19}$/;
const WAYBILL = /^[A-Za-z0-9-]{4,40}$/;

export function isValidDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Returns an English error for `value`, or null when it is valid (empty values are valid here; `required` is checked separately). */
export function fieldValueError(def: FieldDef, value: unknown): string | null {
  if (isEmptyValue(value)) return null;
  const v = def.validation;
  const str = (max = v?.maxLength ?? 2_000): string | null => {
    if (typeof value !== 'string') return 'must be a string';
    if (value.length > max) return `must be at most ${max} characters`;
    if (v?.pattern && !new RegExp(v.pattern).test(value)) return `must match ${v.pattern}`;
    return null;
  };
  const num = (integer: boolean): string | null => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
    if (integer && !Number.isInteger(value)) return 'must be a whole number';
    if (v?.min !== undefined && value < v.min) return `must be ≥ ${v.min}`;
    if (v?.max !== undefined && value > v.max) return `must be ≤ ${v.max}`;
    return null;
  };
  switch (def.type) {
    case 'text':
    case 'order_number':
    case 'courier_code':
    case 'transaction_id':
      return str(def.type === 'text' ? undefined : 64);
    case 'number':
      return num(false);
    case 'money_krw':
      return num(true) ?? ((value as number) < 0 ? 'must be ≥ 0' : null);
    case 'date':
      return typeof value === 'string' && isValidDate(value) ? null : 'must be a date like 2026-11-24';
    case 'datetime':
      // An offset is required so the instant is unambiguous (forms send KST as +09:00).
      return typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
        isValidDate(value.slice(0, 10)) &&
        !Number.isNaN(Date.parse(value))
        ? null
        : 'must be an ISO date-time with offset, like 2026-11-24T14:30:00+09:00';
    case 'enum':
      return typeof value === 'string' && def.options?.some((o) => o.value === value)
        ? null
        : `must be one of ${def.options?.map((o) => o.value).join(', ')}`;
    case 'phone':
      return typeof value === 'string' && PHONE.test(value) ? null : 'must be a phone number like 010-1234-5678';
    case 'waybill':
      return typeof value === 'string' && WAYBILL.test(value) ? null : 'must be 4–40 letters, digits or dashes';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'item_list': {
      if (!Array.isArray(value) || value.length > 100) return 'must be a list of up to 100 items';
      for (const item of value) {
        const i = item as { sku?: unknown; qty?: unknown; name?: unknown };
        if (typeof item !== 'object' || item === null) return 'each item must be an object';
        if (typeof i.sku !== 'string' || i.sku.length < 1 || i.sku.length > 64) return 'each item needs a sku';
        if (typeof i.qty !== 'number' || !Number.isInteger(i.qty) || i.qty < 1 || i.qty > 10_000) {
          return 'each item needs a whole qty ≥ 1';
        }
        if (i.name !== undefined && (typeof i.name !== 'string' || i.name.length > 200)) return 'item name too long';
        if (Object.keys(i).some((k) => !['sku', 'qty', 'name'].includes(k))) return 'items take sku, qty and name only';
      }
      return null;
    }
    case 'evidence': {
      // Until uploads exist (customer form issue), evidence is a list of described items.
      if (!Array.isArray(value) || value.length > 50) return 'must be a list of up to 50 evidence items';
      for (const item of value) {
        const e = item as { description?: unknown; ref?: unknown };
        if (typeof item !== 'object' || item === null) return 'each evidence item must be an object';
        if (typeof e.description !== 'string' || e.description.length < 1 || e.description.length > 500) {
          return 'each evidence item needs a description (≤ 500 characters)';
        }
        if (e.ref !== undefined && (typeof e.ref !== 'string' || e.ref.length > 500)) return 'ref must be a string';
        if (Object.keys(e).some((k) => !['description', 'ref'].includes(k))) return 'evidence takes description and ref only';
      }
      return null;
    }
  }
}
