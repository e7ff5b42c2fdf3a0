import { replyVariables, type FieldDef, type Localized, type ReplyDef } from '@shopdesk/contracts/scenarios';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { formatKst, type ComputedDeadline } from './deadline-math';

type Lang = 'ko' | 'en';

/** Korean courier codes (Sweet Tracker numbering) → display names; the courier issue moves this to a table. */
const COURIER_NAMES: Record<string, Localized> = {
  '01': { ko: '우체국택배', en: 'Korea Post' },
  '04': { ko: 'CJ대한통운', en: 'CJ Logistics' },
  '05': { ko: '한진택배', en: 'Hanjin' },
  '06': { ko: '로젠택배', en: 'Logen' },
  '08': { ko: '롯데택배', en: 'Lotte Global Logistics' },
};

export function formatKrw(amount: number, lang: Lang): string {
  const n = new Intl.NumberFormat('ko-KR').format(amount);
  return lang === 'ko' ? `${n}원` : `KRW ${n}`;
}

export interface ReplyContext {
  ticket: TicketRecord;
  fields: Record<string, unknown>;
  fieldDefs: FieldDef[];
  deadlines: ComputedDeadline[];
  resolution?: { label: Localized; amount: number | null; reason: Localized | null } | null;
  agentName: string;
}

const MISSING: Record<Lang, string> = { ko: '(미입력)', en: '(not provided)' };

function formatField(def: FieldDef | undefined, value: unknown, lang: Lang): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!def) return String(value);
  switch (def.type) {
    case 'money_krw':
      return typeof value === 'number' ? formatKrw(value, lang) : null;
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? formatKst(new Date(value), lang) : null;
    case 'enum':
      return def.options?.find((o) => o.value === value)?.label[lang] ?? String(value);
    case 'boolean':
      return value ? (lang === 'ko' ? '예' : 'yes') : lang === 'ko' ? '아니요' : 'no';
    case 'item_list':
      return Array.isArray(value)
        ? value.map((i: { sku: string; name?: string; qty: number }) => `${i.name ?? i.sku} × ${i.qty}`).join(', ')
        : null;
    case 'evidence':
      return Array.isArray(value) ? value.map((e: { description: string }) => e.description).join(', ') : null;
    default:
      return String(value);
  }
}

/** Values for every variable a reply may use, in one language. */
export function replyValues(ctx: ReplyContext, lang: Lang): Record<string, string | null> {
  const t = ctx.ticket;
  const values: Record<string, string | null> = {
    'customer.name': t.customer.name,
    'ticket.reference': t.reference,
    'order.number': t.order.number,
    'order.amount': t.order.amount !== null ? formatKrw(t.order.amount, lang) : null,
    'shipment.waybill': t.shipment.waybillNumber,
    'shipment.courier': t.shipment.courierCode
      ? (COURIER_NAMES[t.shipment.courierCode]?.[lang] ?? t.shipment.courierCode)
      : null,
    'resolution.amount':
      ctx.resolution?.amount !== null && ctx.resolution?.amount !== undefined
        ? formatKrw(ctx.resolution.amount, lang)
        : null,
    'resolution.reason': ctx.resolution?.reason?.[lang] ?? null,
    'resolution.label': ctx.resolution?.label[lang] ?? null,
    'agent.name': ctx.agentName,
  };
  for (const def of ctx.fieldDefs) values[`field.${def.id}`] = formatField(def, ctx.fields[def.id], lang);
  for (const d of ctx.deadlines) values[`deadline.${d.id}`] = d.dueAt ? formatKst(d.dueAt, lang) : null;
  return values;
}

/**
 * Renders a canned reply. Unknown variables cannot reach here (templates are validated on save);
 * a known variable without a value renders as a visible "(미입력)" for the agent to fix before sending.
 */
export function renderReply(reply: ReplyDef, ctx: ReplyContext, lang: Lang): { body: string; missing: string[] } {
  const values = replyValues(ctx, lang);
  const missing = [...new Set(replyVariables(reply.body[lang]).filter((v) => !values[v]))];
  const body = reply.body[lang].replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, name: string) => values[name] ?? MISSING[lang]);
  return { body, missing };
}
