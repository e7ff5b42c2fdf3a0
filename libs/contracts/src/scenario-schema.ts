// The one schema that checks a scenario template (API on save → 422 naming the path, admin editor
// live validation). zod is the only import contracts allow themselves: it *is* the schema language.
import { z } from 'zod';
import { AUTOMATION_ACTIONS, FIELD_TYPES, formatIssuePath, REPLY_VARIABLES, RESOLUTION_CODES, replyVariables, TICKET_FACTS, type ResolutionCode } from './scenarios';
import { PAYMENT_METHODS, TICKET_PRIORITIES, TICKET_TYPES } from './tickets';

const id = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'must be camelCase: a-z first, then letters/digits (≤ 40)');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const localized = (max = 200) => z.object({ ko: text(max), en: text(max) }).strict();

const fieldSchema = z
  .object({
    id,
    type: z.enum(FIELD_TYPES),
    label: localized(),
    help: localized(500).optional(),
    required: z.boolean(),
    fillableBy: z.array(z.enum(['customer', 'agent'])).min(1, 'at least one of customer, agent').max(2),
    prefillFrom: z.enum(TICKET_FACTS).optional(),
    options: z
      // Option values may be snake_case so they can match ticket enums (e.g. mobile_carrier).
      .array(z.object({ value: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'must start with a-z; letters, digits, _'), label: localized() }).strict())
      .min(2, 'an enum needs at least two options')
      .max(50)
      .optional(),
    validation: z
      .object({
        pattern: z
          .string()
          .max(200)
          .refine((p) => {
            try {
              new RegExp(p);
              return true;
            } catch {
              return false;
            }
          }, 'is not a valid regular expression')
          .optional(),
        min: z.number().finite().optional(),
        max: z.number().finite().optional(),
        maxLength: z.number().int().min(1).max(20_000).optional(),
      })
      .strict()
      .refine((v) => v.min === undefined || v.max === undefined || v.min <= v.max, {
        message: 'min must be ≤ max',
        path: ['min'],
      })
      .optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.type === 'enum' && !f.options) ctx.addIssue({ code: 'custom', message: 'an enum field needs options', path: ['options'] });
    if (f.type !== 'enum' && f.options) ctx.addIssue({ code: 'custom', message: 'only enum fields take options', path: ['options'] });
  });
export type FieldDef = z.infer<typeof fieldSchema>;

const checklistStepSchema = z
  .object({
    id,
    label: localized(),
    help: localized(500).optional(),
    /** Field ids (evidence fields included) that must be filled before the step can be ticked. */
    requires: z.array(id).max(20).optional(),
    /** A blocking step must be done before the ticket can be resolved. */
    blocking: z.boolean().optional(),
  })
  .strict();
export type ChecklistStepDef = z.infer<typeof checklistStepSchema>;

/** Where a deadline starts: a ticket fact, a template field (date/datetime) or another deadline. */
export const dateRefSchema = z.union([
  z.enum(['ticket.createdAt', 'order.paidAt', 'shipment.expectedDeliveryDate']),
  z.string().regex(/^field:[a-z][a-zA-Z0-9]{0,39}$/, 'must be field:<fieldId>'),
  z.string().regex(/^deadline:[a-z][a-zA-Z0-9]{0,39}$/, 'must be deadline:<deadlineId>'),
]);
export type DateRef = z.infer<typeof dateRefSchema>;

export const deadlineRuleSchema = z.discriminatedUnion('kind', [
  /** `from` plus days/hours; `endOfDay` snaps to 23:59:59.999 KST of the resulting day. */
  z
    .object({
      kind: z.literal('offset'),
      from: dateRefSchema,
      days: z.number().int().min(0).max(3650).optional(),
      hours: z.number().int().min(0).max(24 * 3650).optional(),
      endOfDay: z.boolean().optional(),
    })
    .strict(),
  /** End of the calendar month (KST) of `from`, `monthsAfter` months later (0 = the same month). */
  z
    .object({
      kind: z.literal('end_of_month'),
      from: dateRefSchema,
      monthsAfter: z.number().int().min(0).max(24).optional(),
    })
    .strict(),
]);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

const deadlineSchema = z
  .object({
    id,
    label: localized(),
    help: localized(500).optional(),
    rule: deadlineRuleSchema,
    /** Show a warning this many hours before the deadline. */
    warnBeforeHours: z.number().int().min(0).max(24 * 365),
    /** Shown to the customer on the status page (e.g. a cancellation window), not only to agents. */
    customerVisible: z.boolean().optional(),
  })
  .strict();
export type DeadlineDef = z.infer<typeof deadlineSchema>;

const resolutionSchema = z
  .object({
    code: z.enum(RESOLUTION_CODES),
    label: localized(),
    /** Field ids that must be filled to choose this resolution (evidence fields included). */
    requires: z.array(id).max(20).optional(),
    /** Needs an amount in KRW (partial refund, compensation). */
    requiresAmount: z.boolean().optional(),
    /** Refusals must pick one of these reasons. */
    reasonCodes: z
      .array(z.object({ code: id, label: localized() }).strict())
      .min(1)
      .max(20)
      .optional(),
    /** Refused once this deadline has passed; the message offers `alternative` instead. */
    notAfterDeadline: id.optional(),
    alternative: z.enum(RESOLUTION_CODES).optional(),
    /** Canned reply offered when resolving this way. */
    reply: id.optional(),
    /** Ticket status after resolving (default resolved). */
    status: z.enum(['resolved', 'pending_warehouse', 'pending_customer']).optional(),
  })
  .strict();
export type ResolutionDef = z.infer<typeof resolutionSchema>;

const replySchema = z
  .object({
    id,
    label: localized(),
    body: z.object({ ko: text(5_000), en: text(5_000) }).strict(),
  })
  .strict();
export type ReplyDef = z.infer<typeof replySchema>;

const automationSchema = z
  .object({
    id,
    /** `applied`, `resolution:<code>` or `deadline_warning:<deadlineId>`. */
    on: z.string().regex(/^(applied|resolution:[a-z_]+|deadline_warning:[a-z][a-zA-Z0-9]{0,39})$/, 'must be applied, resolution:<code> or deadline_warning:<deadlineId>'),
    action: z.enum(AUTOMATION_ACTIONS),
    /** Only fire when these fields are still empty (e.g. evidence missing near a deadline). */
    whenMissing: z.array(id).max(20).optional(),
    label: localized(),
  })
  .strict();
export type AutomationDef = z.infer<typeof automationSchema>;

const suggestSchema = z
  .object({
    /** Any of these payment methods on the ticket. */
    paymentMethods: z.array(z.enum(PAYMENT_METHODS)).min(1).optional(),
    /** Order amount at least this (KRW). */
    minOrderAmount: z.number().int().min(0).optional(),
    /** Any of these tags. */
    tagsAny: z.array(z.string().min(1).max(40)).min(1).optional(),
    /** Any of these words in subject/description (lower-cased match). */
    keywords: z.array(z.string().min(1).max(40)).min(1).max(50).optional(),
  })
  .strict();

export const templateDefinitionSchema = z
  .object({
    summary: localized(500),
    /** The situation in the customer's words (public form, issue 6). */
    customerTitle: localized(),
    fields: z.array(fieldSchema).min(1).max(60),
    checklist: z.array(checklistStepSchema).min(1).max(40),
    deadlines: z.array(deadlineSchema).max(20),
    resolutions: z.array(resolutionSchema).min(1).max(20),
    replies: z.array(replySchema).min(1).max(30),
    defaults: z
      .object({
        priority: z.enum(TICKET_PRIORITIES),
        /** Orders at or above this amount get `highValuePriority`. */
        highValueThreshold: z.number().int().min(0).optional(),
        highValuePriority: z.enum(TICKET_PRIORITIES).optional(),
        slaPolicy: id,
        tags: z.array(z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, _ or -')).max(10),
      })
      .strict(),
    automations: z.array(automationSchema).max(20),
    suggest: suggestSchema,
  })
  .strict()
  .superRefine((def, ctx) => crossCheck(def, ctx));
export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;

export const templateSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{2,59}$/, 'lower-case snake_case, 3–60 characters'),
    type: z.enum(TICKET_TYPES),
    title: localized(),
    active: z.boolean(),
    definition: templateDefinitionSchema,
  })
  .strict();
export type TemplateInput = z.infer<typeof templateSchema>;

function dupes(ids: string[]): string[] {
  return ids.filter((v, i) => ids.indexOf(v) !== i);
}

/** Rules that span sections: references must point at things that exist, ids must be unique. */
function crossCheck(def: Omit<TemplateDefinition, never>, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const fieldIds = def.fields.map((f) => f.id);
  const fieldById = new Map(def.fields.map((f) => [f.id, f]));
  const deadlineIds = def.deadlines.map((d) => d.id);
  const replyIds = def.replies.map((r) => r.id);
  const codes = def.resolutions.map((r) => r.code);

  for (const [section, ids] of [
    ['fields', fieldIds],
    ['checklist', def.checklist.map((s) => s.id)],
    ['deadlines', deadlineIds],
    ['replies', replyIds],
    ['automations', def.automations.map((a) => a.id)],
  ] as const) {
    for (const d of new Set(dupes([...ids]))) issue([section], `duplicate id "${d}"`);
  }
  for (const d of new Set(dupes(codes))) issue(['resolutions'], `duplicate resolution "${d}"`);

  def.checklist.forEach((s, i) =>
    s.requires?.forEach((r, j) => {
      if (!fieldById.has(r)) issue(['checklist', i, 'requires', j], `unknown field "${r}"`);
    }),
  );
  def.deadlines.forEach((d, i) => {
    const from = d.rule.from;
    if (from.startsWith('field:')) {
      const f = fieldById.get(from.slice(6));
      if (!f) issue(['deadlines', i, 'rule', 'from'], `unknown field "${from.slice(6)}"`);
      else if (f.type !== 'date' && f.type !== 'datetime') {
        issue(['deadlines', i, 'rule', 'from'], `field "${f.id}" is ${f.type}, not a date or datetime`);
      }
    }
    if (from.startsWith('deadline:')) {
      const target = deadlineIds.indexOf(from.slice(9));
      if (target < 0) issue(['deadlines', i, 'rule', 'from'], `unknown deadline "${from.slice(9)}"`);
      else if (target >= i) issue(['deadlines', i, 'rule', 'from'], `must refer to a deadline declared before it`);
    }
  });
  def.resolutions.forEach((r, i) => {
    r.requires?.forEach((f, j) => {
      if (!fieldById.has(f)) issue(['resolutions', i, 'requires', j], `unknown field "${f}"`);
    });
    if (r.code === 'refusal_upheld' && !r.reasonCodes) {
      issue(['resolutions', i, 'reasonCodes'], 'a refusal needs reason codes');
    }
    if (r.notAfterDeadline && !deadlineIds.includes(r.notAfterDeadline)) {
      issue(['resolutions', i, 'notAfterDeadline'], `unknown deadline "${r.notAfterDeadline}"`);
    }
    if (r.alternative && !codes.includes(r.alternative)) {
      issue(['resolutions', i, 'alternative'], `"${r.alternative}" is not one of this template's resolutions`);
    }
    if (r.reply && !replyIds.includes(r.reply)) issue(['resolutions', i, 'reply'], `unknown reply "${r.reply}"`);
  });
  const allowedVars = new Set<string>([
    ...REPLY_VARIABLES,
    ...fieldIds.map((f) => `field.${f}`),
    ...deadlineIds.map((d) => `deadline.${d}`),
  ]);
  def.replies.forEach((r, i) => {
    for (const lang of ['ko', 'en'] as const) {
      for (const v of replyVariables(r.body[lang])) {
        if (!allowedVars.has(v)) {
          issue(['replies', i, 'body', lang], `unknown variable {{${v}}}; allowed: ${[...allowedVars].join(', ')}`);
        }
      }
    }
  });
  def.automations.forEach((a, i) => {
    const [kind, arg] = a.on.split(':');
    if (kind === 'resolution' && !codes.includes(arg as ResolutionCode)) {
      issue(['automations', i, 'on'], `no resolution "${arg}" in this template`);
    }
    if (kind === 'deadline_warning' && !deadlineIds.includes(arg)) {
      issue(['automations', i, 'on'], `unknown deadline "${arg}"`);
    }
    a.whenMissing?.forEach((f, j) => {
      if (!fieldById.has(f)) issue(['automations', i, 'whenMissing', j], `unknown field "${f}"`);
    });
  });
  if ((def.defaults.highValueThreshold === undefined) !== (def.defaults.highValuePriority === undefined)) {
    issue(['defaults', 'highValuePriority'], 'highValueThreshold and highValuePriority go together');
  }
}

/** Validates a template; returns `{ path: message }` (empty when valid). */
export function validateTemplate(input: unknown): { ok: true; value: TemplateInput } | { ok: false; errors: Record<string, string> } {
  const parsed = templateSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const i of parsed.error.issues) {
    const path = formatIssuePath(i.path) || '(root)';
    errors[path] = errors[path] ? `${errors[path]}; ${i.message}` : i.message;
  }
  return { ok: false, errors };
}