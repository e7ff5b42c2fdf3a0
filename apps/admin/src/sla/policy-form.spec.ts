import type { SlaPolicyRecord } from '@shopdesk/contracts/sla';
import { slaPolicyInputSchema } from '@shopdesk/contracts/sla-schema';
import { cleanFilter, policyDefaults, toPolicyInput, validatePolicyForm, type PolicyFormValues } from './policy-form';

const record: SlaPolicyRecord = {
  id: 'p1',
  key: 'highValue',
  name: { ko: '고가 상품', en: 'High-value orders' },
  position: 1,
  active: true,
  filter: { tagsAny: ['high_value'] },
  targets: {
    urgent: { first_reply: { minutes: 15, business: true }, resolution: { minutes: 360, business: false } },
    low: { first_reply: { minutes: 60, business: true } },
  },
  pauseStatuses: ['pending_customer', 'pending_courier'],
  ladder: { warningPercent: 75, escalateAfterSeconds: 1800, raisePriorityAfterSeconds: 3600 },
  calendarKey: 'default',
  updatedAt: '2026-11-21T00:00:00.000Z',
};

/** What react-admin's form starts from: the defaults deep-merged under the record. */
function formOf(r: SlaPolicyRecord): PolicyFormValues {
  const defaults = policyDefaults(r);
  const targets = defaults.targets!;
  for (const [p, row] of Object.entries(r.targets)) {
    for (const [t, cell] of Object.entries(row ?? {})) targets[p]![t] = { ...cell };
  }
  return { ...r, targets };
}

describe('SLA policy form', () => {
  it('gives every priority × target an empty cell, and a new policy sensible defaults', () => {
    const edit = policyDefaults(record);
    expect(Object.keys(edit)).toEqual(['targets']);
    expect(edit.targets?.normal?.next_reply).toEqual({ minutes: null, business: true });
    const create = policyDefaults();
    expect(create).toMatchObject({
      active: true,
      pauseStatuses: ['pending_customer', 'pending_courier'],
      ladder: { warningPercent: 75, escalateAfterSeconds: 1800, raisePriorityAfterSeconds: 3600 },
      calendarKey: 'default',
    });
  });

  it('round-trips a stored policy into a body the API schema accepts', () => {
    const body = toPolicyInput(formOf(record));
    const { id: _id, updatedAt: _u, ...expected } = record;
    expect(body).toEqual(expected);
    expect(slaPolicyInputSchema.safeParse(body).success).toBe(true);
    expect(validatePolicyForm(formOf(record))).toEqual({});
  });

  it('turns the defaults of a new policy into a valid body once key and names are filled in', () => {
    const body = toPolicyInput({ ...policyDefaults(), key: 'vipCustomers', name: { ko: 'VIP 고객', en: 'VIP customers' } });
    expect(body).toMatchObject({ key: 'vipCustomers', filter: {}, targets: {}, calendarKey: 'default' });
    expect(slaPolicyInputSchema.safeParse(body).success).toBe(true);
    expect(validatePolicyForm({ ...policyDefaults(), key: 'vipCustomers', name: { ko: 'VIP 고객', en: 'VIP customers' } })).toEqual({});
  });

  it('leaves out empty conditions and empty target cells', () => {
    expect(cleanFilter({ types: [], priorities: ['urgent'], tagsAny: [' vip ', '', 'vip'], channels: null })).toEqual({
      priorities: ['urgent'],
      tagsAny: ['vip'],
    });
    const values = formOf(record);
    values.targets!.urgent!.resolution = { minutes: null, business: true };
    values.targets!.normal!.next_reply = { minutes: 240, business: false };
    expect(toPolicyInput(values).targets).toEqual({
      urgent: { first_reply: { minutes: 15, business: true } },
      normal: { next_reply: { minutes: 240, business: false } },
      low: { first_reply: { minutes: 60, business: true } },
    });
  });

  it('reports each bad input at its own path', () => {
    const values = formOf(record);
    values.key = 'High value';
    values.name = { ko: ' ', en: 'x' };
    values.position = 1.5;
    values.targets!.high!.first_reply = { minutes: 0, business: true };
    values.targets!.low!.resolution = { minutes: 2.5, business: true };
    values.ladder = { warningPercent: 100, escalateAfterSeconds: 3600, raisePriorityAfterSeconds: 1800 };
    values.pauseStatuses = ['open'];
    values.calendarKey = '';
    expect(validatePolicyForm(values)).toEqual({
      key: 'shopdesk.sla.validation.key',
      name: { ko: 'ra.validation.required' },
      position: 'shopdesk.sla.validation.position',
      targets: {
        high: { first_reply: { minutes: 'shopdesk.sla.validation.minutes' } },
        low: { resolution: { minutes: 'shopdesk.sla.validation.minutes' } },
      },
      ladder: {
        warningPercent: 'shopdesk.sla.validation.percent',
        raisePriorityAfterSeconds: 'shopdesk.sla.validation.raise_before_escalate',
      },
      pauseStatuses: 'shopdesk.sla.validation.pause_status',
      calendarKey: 'ra.validation.required',
    });
    values.ladder = { warningPercent: 50, escalateAfterSeconds: null, raisePriorityAfterSeconds: 8 * 86_400 };
    expect(validatePolicyForm(values).ladder).toEqual({
      escalateAfterSeconds: 'shopdesk.sla.validation.delay',
      raisePriorityAfterSeconds: 'shopdesk.sla.validation.delay',
    });
  });
});
