// Scenario templates: the vocabulary a template speaks (field types, ticket facts, resolutions,
// reply variables) and the records the API returns. The zod schema that checks a definition lives in
// ./scenario-schema and is imported only where templates are validated (API on save, the admin editor),
// so screens that only show templates do not load zod.
import type { TemplateDefinition } from './scenario-schema';
import { TICKET_TYPES } from './tickets';

export type { FieldDef, ChecklistStepDef, DateRef, DeadlineRule, DeadlineDef, ResolutionDef, ReplyDef, AutomationDef, TemplateDefinition, TemplateInput } from './scenario-schema';

export type Localized = { ko: string; en: string };

export const FIELD_TYPES = [
  'text',
  'number',
  'money_krw',
  'date',
  'datetime',
  'enum',
  'phone',
  'order_number',
  'waybill',
  'courier_code',
  'transaction_id',
  'item_list',
  'boolean',
  'evidence',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Ticket facts a field can be pre-filled from (and that deadlines may start from). */
export const TICKET_FACTS = [
  'customer.name',
  'customer.email',
  'customer.phone',
  'order.number',
  'order.amount',
  'order.paymentMethod',
  'order.paidAt',
  'order.items',
  'shipment.courierCode',
  'shipment.waybillNumber',
  'shipment.expectedDeliveryDate',
  'ticket.createdAt',
] as const;
export type TicketFact = (typeof TICKET_FACTS)[number];

export const RESOLUTION_CODES = [
  'reship',
  'full_refund',
  'partial_refund',
  'return_then_refund',
  'compensation',
  'cancelled',
  'converted_to_refund',
  'refusal_upheld',
  'referred_to_agency',
  'seller_fulfilled',
  'closed_no_fault',
] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

export const AUTOMATION_ACTIONS = ['reshipment_request', 'notify_lead', 'escalate', 'notify_customer'] as const;
export type AutomationAction = (typeof AUTOMATION_ACTIONS)[number];

/** Variables a canned reply may use, besides `field.<id>` and `deadline.<id>` of its template. */
export const REPLY_VARIABLES = [
  'customer.name',
  'ticket.reference',
  'order.number',
  'order.amount',
  'shipment.waybill',
  'shipment.courier',
  'resolution.amount',
  'resolution.reason',
  'resolution.label',
  'agent.name',
] as const;

export function replyVariables(body: string): string[] {
  return [...body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]);
}
/** `resolutions[2].requires[0]`-style path for validation messages. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
}

/** Per-ticket state of an applied template, as the API returns it. */
export interface TicketScenarioRecord {
  ticketId: string;
  templateId: string;
  templateKey: string;
  templateVersion: number;
  title: Localized;
  /** The pinned version's definition (labels, fields, checklist, resolutions, replies). */
  definition: TemplateDefinition;
  fields: Record<string, unknown>;
  /** Required fields still empty. */
  missingFields: string[];
  checklist: { id: string; done: boolean; by: string | null; at: string | null }[];
  deadlines: { id: string; dueAt: string | null; warnAt: string | null; state: 'ok' | 'warning' | 'passed' | 'unknown' }[];
  resolution: { code: ResolutionCode; amount: number | null; reasonCode: string | null; note: string | null; at: string; by: string } | null;
  appliedAt: string;
}

export interface TemplateSuggestion {
  templateKey: string;
  title: Localized;
  score: number;
  /** Why this template fits, for the agent to judge. */
  reasons: Localized[];
}

export interface TemplateRecord {
  id: string;
  key: string;
  version: number;
  type: (typeof TICKET_TYPES)[number];
  title: Localized;
  active: boolean;
  definition: TemplateDefinition;
  createdAt: string;
  createdBy: string | null;
}
