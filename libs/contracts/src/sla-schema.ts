// An SLA policy as an admin submits it: the schema the API checks (422 naming the path) and the
// admin's policy editor validates against.
import { z } from 'zod';
import type { SlaTarget } from './sla';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from './tickets';

const targetSpec = z
  .object({
    minutes: z.number().positive('must be > 0').max(60 * 24 * 365),
    business: z.boolean(),
  })
  .strict();

export const slaPolicyInputSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{1,39}$/, 'camelCase, 2–40 characters'),
    name: z.object({ ko: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) }).strict(),
    position: z.number().int().min(0).max(1000),
    active: z.boolean(),
    filter: z
      .object({
        types: z.array(z.enum(TICKET_TYPES)).min(1).optional(),
        templateKeys: z.array(z.string().min(1).max(60)).min(1).optional(),
        priorities: z.array(z.enum(TICKET_PRIORITIES)).min(1).optional(),
        channels: z.array(z.enum(TICKET_CHANNELS)).min(1).optional(),
        tagsAny: z.array(z.string().min(1).max(40)).min(1).optional(),
      })
      .strict(),
    targets: z
      .object(
        Object.fromEntries(
          TICKET_PRIORITIES.map((p) => [
            p,
            z.object({ first_reply: targetSpec.optional(), next_reply: targetSpec.optional(), resolution: targetSpec.optional() }).strict().optional(),
          ]),
        ) as Record<(typeof TICKET_PRIORITIES)[number], z.ZodOptional<z.ZodObject<Record<SlaTarget, z.ZodOptional<typeof targetSpec>>>>>,
      )
      .strict(),
    pauseStatuses: z.array(z.enum(TICKET_STATUSES).refine((s) => s !== 'new' && s !== 'open', 'new/open cannot pause')).max(5),
    ladder: z
      .object({
        warningPercent: z.number().int().min(1).max(99),
        escalateAfterSeconds: z.number().int().min(0).max(7 * 86_400),
        raisePriorityAfterSeconds: z.number().int().min(0).max(7 * 86_400),
      })
      .strict()
      .refine((l) => l.raisePriorityAfterSeconds >= l.escalateAfterSeconds, {
        message: 'raise priority comes after escalation',
        path: ['raisePriorityAfterSeconds'],
      }),
    calendarKey: z.string().min(1).max(60),
  })
  .strict();
export type SlaPolicyInput = z.infer<typeof slaPolicyInputSchema>;
