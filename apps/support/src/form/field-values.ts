// What the inputs hold while the customer types (drafts: strings, rows) and how they become the
// `fields` values the contract checks. Values are converted as they are, without guessing: an
// amount with letters stays a string so the contract reports it, rather than being dropped.
import { isEmptyValue } from '@shopdesk/contracts/scenario-fields';
import type { FieldDef } from '@shopdesk/contracts/scenarios';
import { kstLocalToIso } from '../format';

export interface ItemRow {
  sku: string;
  name: string;
  qty: string;
}

export interface CourierDraft {
  /** A courier code from the list, OTHER_COURIER_CODE, or '' (not chosen). */
  code: string;
  /** The courier's name when it is not in the list. */
  other: string;
}

/**
 * The couriers most Korean shops use, by their Sweet Tracker code (as in contracts/couriers.ts,
 * whose full table is not bundled to keep the page small); 'other' lets the customer type a name.
 */
export const OTHER_COURIER = 'other';
export const COURIER_CHOICES = [
  { code: '01', name: { ko: '우체국택배', en: 'Korea Post' } },
  { code: '04', name: { ko: 'CJ대한통운', en: 'CJ Logistics' } },
  { code: '05', name: { ko: '한진택배', en: 'Hanjin Express' } },
  { code: '06', name: { ko: '로젠택배', en: 'Logen' } },
  { code: '08', name: { ko: '롯데택배', en: 'Lotte Global Logistics' } },
  { code: OTHER_COURIER, name: { ko: '기타 택배사 (직접 입력)', en: 'Other courier (type the name)' } },
];

export type FieldDraft = string | boolean | ItemRow[] | CourierDraft;

export const emptyItemRow = (): ItemRow => ({ sku: '', name: '', qty: '1' });

export function emptyDraft(def: FieldDef): FieldDraft {
  switch (def.type) {
    case 'boolean':
      return false;
    case 'item_list':
      return [emptyItemRow()];
    case 'courier_code':
      return { code: '', other: '' };
    default:
      return '';
  }
}

/** Fields the customer types in; evidence is uploaded as attachments instead. */
export const formFields = (defs: readonly FieldDef[]): FieldDef[] => defs.filter((d) => d.type !== 'evidence');

/** "12,000원", "12 000" → 12000; anything else that is not a plain number stays a string. */
function toNumber(text: string, unit?: RegExp): number | string {
  let s = text.trim().replace(/[,\s]/g, '');
  if (unit) s = s.replace(unit, '');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : text.trim();
}

/** The value to send for one field, or undefined to leave it out (empty). */
export function toFieldValue(def: FieldDef, draft: FieldDraft | undefined): unknown {
  if (draft === undefined) return undefined;
  let value: unknown;
  switch (def.type) {
    case 'boolean':
      // An unticked box means "not said", not "no": only a ticked one is sent.
      value = draft === true ? true : undefined;
      break;
    case 'item_list': {
      const rows = Array.isArray(draft) ? draft : [];
      value = rows
        .filter((r) => r.sku.trim() || r.name.trim())
        .map((r) => {
          const item: { sku: string; name?: string; qty: unknown } = { sku: r.sku.trim(), qty: toNumber(r.qty) };
          if (r.name.trim()) item.name = r.name.trim();
          return item;
        });
      break;
    }
    case 'courier_code': {
      const c = draft as CourierDraft;
      value = c.code === OTHER_COURIER && c.other.trim() ? c.other.trim() : c.code;
      break;
    }
    case 'number':
      value = typeof draft === 'string' && draft.trim() ? toNumber(draft) : undefined;
      break;
    case 'money_krw':
      value = typeof draft === 'string' && draft.trim() ? toNumber(draft, /(원|krw|₩)/gi) : undefined;
      break;
    case 'datetime':
      value = typeof draft === 'string' ? kstLocalToIso(draft) : undefined;
      break;
    case 'waybill':
      // Waybills are often copied with spaces or as "1234-5678-9012" groups of digits.
      value = typeof draft === 'string' ? draft.replace(/\s+/g, '') : undefined;
      break;
    default:
      value = typeof draft === 'string' ? draft.trim() : undefined;
  }
  return isEmptyValue(value) ? undefined : value;
}

/** The non-empty values of the situation's form fields, by id. */
export function collectFields(defs: readonly FieldDef[], drafts: Record<string, FieldDraft>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of formFields(defs)) {
    const value = toFieldValue(def, drafts[def.id]);
    if (value !== undefined) out[def.id] = value;
  }
  return out;
}
