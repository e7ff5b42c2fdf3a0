// The SLA policy form edits the record's own shape (so the API's 422 paths such as
// `targets.high.first_reply.minutes` land on the right input); these helpers fill the empty
// cells of the targets table, build the request body and check the form like the API does.
import {
  SLA_TARGETS,
  type SlaLadder,
  type SlaPolicyFilter,
  type SlaPolicyRecord,
  type SlaTarget,
} from '@shopdesk/contracts/sla';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@shopdesk/contracts/tickets';

/** `new` and `open` are the states in which work happens; they can never pause a clock. */
export const PAUSABLE_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter((s) => s !== 'new' && s !== 'open');

/** Shown urgent first: the most demanding targets lead the table. */
export const PRIORITY_ROWS: readonly TicketPriority[] = [...TICKET_PRIORITIES].reverse();

export const POLICY_KEY = /^[a-z][a-zA-Z0-9]{1,39}$/;
/** The API caps the ladder's delays at 7 days. */
export const MAX_LADDER_SECONDS = 7 * 86_400;

export interface TargetCell {
  minutes?: number | null;
  business?: boolean;
}

export interface PolicyFormValues {
  key?: string;
  name?: { ko?: string; en?: string };
  position?: number | null;
  active?: boolean;
  filter?: { [K in keyof SlaPolicyFilter]?: string[] | null };
  targets?: Partial<Record<string, Partial<Record<string, TargetCell | undefined>> | undefined>>;
  pauseStatuses?: string[] | null;
  ladder?: { [K in keyof SlaLadder]?: number | null };
  calendarKey?: string | null;
  [other: string]: unknown;
}

const DEFAULT_LADDER: SlaLadder = { warningPercent: 75, escalateAfterSeconds: 30 * 60, raisePriorityAfterSeconds: 60 * 60 };

/**
 * Form defaults. react-admin deep-merges them under the record, so for an existing policy only
 * the empty cells of the targets table are added (arrays would merge index by index, so they
 * are only defaulted for a new policy).
 */
export function policyDefaults(record?: Partial<SlaPolicyRecord>): PolicyFormValues {
  const targets = Object.fromEntries(
    TICKET_PRIORITIES.map((p) => [p, Object.fromEntries(SLA_TARGETS.map((t) => [t, { minutes: null, business: true }]))]),
  );
  if (record?.id) return { targets };
  return {
    active: true,
    position: 1,
    filter: {},
    targets,
    pauseStatuses: ['pending_customer', 'pending_courier'],
    ladder: { ...DEFAULT_LADDER },
    calendarKey: 'default',
  };
}

const list = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.map((v) => String(v ?? '').trim()).filter((v) => v !== ''))] : [];

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** An empty condition means "any": it is left out (the API would read `[]` as "none"). */
export function cleanFilter(filter: PolicyFormValues['filter']): SlaPolicyFilter {
  const out: Record<string, string[]> = {};
  for (const key of ['types', 'templateKeys', 'priorities', 'channels', 'tagsAny'] as const) {
    const values = list(filter?.[key]);
    if (values.length) out[key] = values;
  }
  return out as SlaPolicyFilter;
}

/** The POST/PUT /sla-policies body: exactly the fields the API accepts. */
export function toPolicyInput(values: PolicyFormValues) {
  const targets: Partial<Record<TicketPriority, Partial<Record<SlaTarget, { minutes: number; business: boolean }>>>> = {};
  for (const p of TICKET_PRIORITIES) {
    for (const t of SLA_TARGETS) {
      const cell = values.targets?.[p]?.[t];
      const minutes = num(cell?.minutes);
      if (minutes === null) continue;
      (targets[p] ??= {})[t] = { minutes, business: cell?.business !== false };
    }
  }
  return {
    key: (values.key ?? '').trim(),
    name: { ko: (values.name?.ko ?? '').trim(), en: (values.name?.en ?? '').trim() },
    position: num(values.position) ?? 0,
    active: values.active !== false,
    filter: cleanFilter(values.filter),
    targets,
    pauseStatuses: list(values.pauseStatuses),
    ladder: {
      warningPercent: num(values.ladder?.warningPercent) ?? DEFAULT_LADDER.warningPercent,
      escalateAfterSeconds: num(values.ladder?.escalateAfterSeconds) ?? 0,
      raisePriorityAfterSeconds: num(values.ladder?.raisePriorityAfterSeconds) ?? 0,
    },
    calendarKey: values.calendarKey ?? '',
  };
}

type Errors = Record<string, unknown>;

function set(errors: Errors, path: string[], message: string) {
  let node = errors;
  path.slice(0, -1).forEach((part) => {
    node[part] ??= {};
    node = node[part] as Errors;
  });
  node[path[path.length - 1]] ??= message;
}

const isInt = (n: number | null): n is number => n !== null && Number.isInteger(n);

/** react-admin form validation, nested like the values; the API checks the same rules again. */
export function validatePolicyForm(values: PolicyFormValues): Errors {
  const errors: Errors = {};
  if (!POLICY_KEY.test((values.key ?? '').trim())) set(errors, ['key'], 'shopdesk.sla.validation.key');
  if (!values.name?.ko?.trim()) set(errors, ['name', 'ko'], 'ra.validation.required');
  if (!values.name?.en?.trim()) set(errors, ['name', 'en'], 'ra.validation.required');
  const position = num(values.position);
  if (!isInt(position) || position < 0 || position > 1000) set(errors, ['position'], 'shopdesk.sla.validation.position');
  for (const p of TICKET_PRIORITIES) {
    for (const t of SLA_TARGETS) {
      const raw = values.targets?.[p]?.[t]?.minutes;
      if (raw === null || raw === undefined) continue;
      const minutes = num(raw);
      if (!isInt(minutes) || minutes < 1 || minutes > 60 * 24 * 365) {
        set(errors, ['targets', p, t, 'minutes'], 'shopdesk.sla.validation.minutes');
      }
    }
  }
  const warning = num(values.ladder?.warningPercent);
  if (!isInt(warning) || warning < 1 || warning > 99) set(errors, ['ladder', 'warningPercent'], 'shopdesk.sla.validation.percent');
  const escalate = num(values.ladder?.escalateAfterSeconds);
  const raise = num(values.ladder?.raisePriorityAfterSeconds);
  const delayOk = (s: number | null): s is number => isInt(s) && s >= 0 && s <= MAX_LADDER_SECONDS;
  if (!delayOk(escalate)) set(errors, ['ladder', 'escalateAfterSeconds'], 'shopdesk.sla.validation.delay');
  if (!delayOk(raise)) set(errors, ['ladder', 'raisePriorityAfterSeconds'], 'shopdesk.sla.validation.delay');
  else if (delayOk(escalate) && raise < escalate) {
    set(errors, ['ladder', 'raisePriorityAfterSeconds'], 'shopdesk.sla.validation.raise_before_escalate');
  }
  if (list(values.pauseStatuses).some((s) => !PAUSABLE_STATUSES.includes(s as TicketStatus))) {
    set(errors, ['pauseStatuses'], 'shopdesk.sla.validation.pause_status');
  }
  if (!values.calendarKey) set(errors, ['calendarKey'], 'ra.validation.required');
  return errors;
}
