import { SEED_TEMPLATES } from '@shopdesk/server/scenarios/seed-templates';
import { validateTemplate } from './scenario-schema';
import { REPLY_VARIABLES, replyVariables, type TemplateInput } from './scenarios';
import { TICKET_TYPES } from './tickets';

const KEYS = ['missing_item', 'lost_high_value', 'refund_refused', 'micropayment_cancel', 'seller_unreachable'];

function seed(key: string): TemplateInput {
  const t = SEED_TEMPLATES.find((s) => s.key === key);
  if (!t) throw new Error(`no seed template ${key}`);
  return structuredClone(t);
}

function indexOf<T>(items: T[], pred: (item: T) => boolean): number {
  const i = items.findIndex(pred);
  if (i < 0) throw new Error('test setup: item not found');
  return i;
}

/** Runs the validator and returns its errors, failing loudly if the input was accepted. */
function errorsOf(input: unknown): Record<string, string> {
  const result = validateTemplate(input);
  if (result.ok) throw new Error('expected the template to be rejected, but it was accepted');
  return result.errors;
}

describe('seed templates', () => {
  it.each(SEED_TEMPLATES.map((t) => [t.key, t] as const))('%s passes validateTemplate', (_key, template) => {
    const result = validateTemplate(template);
    if (!result.ok) throw new Error(`invalid seed template:\n${JSON.stringify(result.errors, null, 2)}`);
    expect(result.ok).toBe(true);
  });

  it('are exactly the five scenarios and cover every ticket type', () => {
    expect(SEED_TEMPLATES.map((t) => t.key).sort()).toEqual([...KEYS].sort());
    expect(new Set(SEED_TEMPLATES.map((t) => t.type))).toEqual(new Set(TICKET_TYPES));
    expect(SEED_TEMPLATES.every((t) => t.active)).toBe(true);
  });

  it('map each scenario to its ticket type', () => {
    expect(Object.fromEntries(SEED_TEMPLATES.map((t) => [t.key, t.type]))).toEqual({
      missing_item: 'missing_delivery',
      lost_high_value: 'missing_delivery',
      refund_refused: 'refund',
      micropayment_cancel: 'cancellation',
      seller_unreachable: 'refund',
    });
  });

  it.each(SEED_TEMPLATES.map((t) => [t.key, t] as const))('%s has 2–4 bilingual replies using only known variables', (_key, t) => {
    const d = t.definition;
    expect(d.replies.length).toBeGreaterThanOrEqual(2);
    expect(d.replies.length).toBeLessThanOrEqual(4);
    const allowed = new Set<string>([
      ...REPLY_VARIABLES,
      ...d.fields.map((f) => `field.${f.id}`),
      ...d.deadlines.map((x) => `deadline.${x.id}`),
    ]);
    for (const r of d.replies) {
      expect(r.body.ko).toMatch(/[가-힣]/);
      expect(r.body.en).not.toMatch(/[가-힣]/);
      for (const v of [...replyVariables(r.body.ko), ...replyVariables(r.body.en)]) expect(allowed).toContain(v);
    }
  });

  it('require tracking evidence before a lost high-value parcel can be resolved', () => {
    const d = seed('lost_high_value').definition;
    expect(d.fields.find((f) => f.id === 'trackingEvidence')).toMatchObject({ type: 'evidence', required: true });
    for (const r of d.resolutions) expect(r.requires).toContain('trackingEvidence');
    expect(d.defaults).toMatchObject({ highValueThreshold: 300000, highValuePriority: 'urgent', slaPolicy: 'highValue' });
    expect(Object.fromEntries(d.deadlines.map((x) => [x.id, x.rule]))).toEqual({
      disputeOpensAt: { kind: 'offset', from: 'field:expectedDeliveryDate', days: 0 },
      disputeWindowEndsAt: { kind: 'offset', from: 'field:receivedAt', days: 15, endOfDay: true },
      processingEndsAt: { kind: 'offset', from: 'field:expectedDeliveryDate', days: 60, endOfDay: true },
    });
  });

  it('turn a late micropayment cancellation into a refund and tell the customer how the result arrives', () => {
    const d = seed('micropayment_cancel').definition;
    const cancelled = d.resolutions.find((r) => r.code === 'cancelled');
    expect(cancelled).toMatchObject({ notAfterDeadline: 'cancelWindowEndsAt', alternative: 'converted_to_refund' });
    const reply = d.replies.find((r) => r.id === cancelled?.reply);
    expect(reply?.body.ko).toMatch(/문자/);
    expect(reply?.body.ko).toMatch(/이메일/);
    expect(reply?.body.ko).toMatch(/영업일/);
    expect(reply?.body.en).toMatch(/text message|SMS/);
    expect(reply?.body.en).toMatch(/e-mail/);
    expect(reply?.body.en).toMatch(/business days/);
  });

  it('trigger a reshipment request when resolved by reshipping', () => {
    for (const key of ['missing_item', 'lost_high_value']) {
      expect(seed(key).definition.automations).toContainEqual(
        expect.objectContaining({ on: 'resolution:reship', action: 'reshipment_request' }),
      );
    }
  });
});

describe('validateTemplate rejects', () => {
  type Case = [name: string, mutate: () => unknown, path: string, message: RegExp];

  const cases: Case[] = [
    [
      'a field id that is not camelCase',
      () => {
        const t = seed('missing_item');
        t.definition.fields[indexOf(t.definition.fields, (f) => f.id === 'noticedAt')].id = 'Noticed-At';
        return t;
      },
      `definition.fields[${indexOf(seed('missing_item').definition.fields, (f) => f.id === 'noticedAt')}].id`,
      /camelCase/,
    ],
    [
      'a duplicate field id',
      () => {
        const t = seed('missing_item');
        t.definition.fields[1].id = t.definition.fields[0].id;
        return t;
      },
      'definition.fields',
      /duplicate id "orderNumber"/,
    ],
    [
      'an enum field without options',
      () => {
        const t = seed('missing_item');
        delete t.definition.fields[indexOf(t.definition.fields, (f) => f.id === 'howNoticed')].options;
        return t;
      },
      `definition.fields[${indexOf(seed('missing_item').definition.fields, (f) => f.id === 'howNoticed')}].options`,
      /needs options/,
    ],
    [
      'options on a field that is not an enum',
      () => {
        const t = seed('micropayment_cancel');
        t.definition.fields[0].options = [
          { value: 'a', label: { ko: '가', en: 'A' } },
          { value: 'b', label: { ko: '나', en: 'B' } },
        ];
        return t;
      },
      'definition.fields[0].options',
      /only enum fields/,
    ],
    [
      'a checklist step requiring an unknown field',
      () => {
        const t = seed('missing_item');
        t.definition.checklist[2].requires = ['orderNumber', 'parcelPhoto'];
        return t;
      },
      'definition.checklist[2].requires[1]',
      /unknown field "parcelPhoto"/,
    ],
    [
      'a deadline counted from an unknown field',
      () => {
        const t = seed('lost_high_value');
        t.definition.deadlines[1].rule.from = 'field:deliveredOn';
        return t;
      },
      'definition.deadlines[1].rule.from',
      /unknown field "deliveredOn"/,
    ],
    [
      'a deadline counted from a text field',
      () => {
        const t = seed('lost_high_value');
        t.definition.deadlines[2].rule.from = 'field:lastScan';
        return t;
      },
      'definition.deadlines[2].rule.from',
      /is text, not a date/,
    ],
    [
      'a deadline counted from a deadline declared after it',
      () => {
        const t = seed('missing_item');
        t.definition.deadlines[0].rule.from = 'deadline:reshipDecisionDue';
        return t;
      },
      'definition.deadlines[0].rule.from',
      /declared before it/,
    ],
    [
      'a deadline counted from an unknown deadline',
      () => {
        const t = seed('refund_refused');
        t.definition.deadlines[1].rule.from = 'deadline:noSuchDeadline';
        return t;
      },
      'definition.deadlines[1].rule.from',
      /unknown deadline "noSuchDeadline"/,
    ],
    [
      'a refusal without reason codes',
      () => {
        const t = seed('refund_refused');
        delete t.definition.resolutions[indexOf(t.definition.resolutions, (r) => r.code === 'refusal_upheld')].reasonCodes;
        return t;
      },
      `definition.resolutions[${indexOf(seed('refund_refused').definition.resolutions, (r) => r.code === 'refusal_upheld')}].reasonCodes`,
      /needs reason codes/,
    ],
    [
      'notAfterDeadline naming an unknown deadline',
      () => {
        const t = seed('micropayment_cancel');
        t.definition.resolutions[0].notAfterDeadline = 'billingClosesAt';
        return t;
      },
      'definition.resolutions[0].notAfterDeadline',
      /unknown deadline "billingClosesAt"/,
    ],
    [
      "an alternative that is not one of the template's resolutions",
      () => {
        const t = seed('micropayment_cancel');
        t.definition.resolutions[0].alternative = 'compensation';
        return t;
      },
      'definition.resolutions[0].alternative',
      /"compensation" is not one of this template's resolutions/,
    ],
    [
      'a resolution pointing at an unknown reply',
      () => {
        const t = seed('seller_unreachable');
        t.definition.resolutions[1].reply = 'sellerThanked';
        return t;
      },
      'definition.resolutions[1].reply',
      /unknown reply "sellerThanked"/,
    ],
    [
      'a resolution requiring an unknown field',
      () => {
        const t = seed('lost_high_value');
        t.definition.resolutions[3].requires = ['trackingEvidence', 'courierReport'];
        return t;
      },
      'definition.resolutions[3].requires[1]',
      /unknown field "courierReport"/,
    ],
    [
      'a duplicate resolution code',
      () => {
        const t = seed('seller_unreachable');
        t.definition.resolutions.push(structuredClone(t.definition.resolutions[0]));
        return t;
      },
      'definition.resolutions',
      /duplicate resolution "full_refund"/,
    ],
    [
      'an unknown variable in a Korean reply',
      () => {
        const t = seed('missing_item');
        t.definition.replies[1].body.ko += '\n{{customer.nickname}} 님';
        return t;
      },
      'definition.replies[1].body.ko',
      /unknown variable \{\{customer\.nickname\}\}/,
    ],
    [
      'an unknown variable in an English reply',
      () => {
        const t = seed('refund_refused');
        t.definition.replies[0].body.en += ' {{ field.cardNumber }}';
        return t;
      },
      'definition.replies[0].body.en',
      /unknown variable \{\{field\.cardNumber\}\}/,
    ],
    [
      "another template's deadline used in a reply",
      () => {
        const t = seed('missing_item');
        t.definition.replies[0].body.ko += ' {{deadline.disputeWindowEndsAt}}';
        return t;
      },
      'definition.replies[0].body.ko',
      /unknown variable \{\{deadline\.disputeWindowEndsAt\}\}/,
    ],
    [
      'an automation on a resolution the template does not have',
      () => {
        const t = seed('missing_item');
        t.definition.automations[0].on = 'resolution:compensation';
        return t;
      },
      'definition.automations[0].on',
      /no resolution "compensation"/,
    ],
    [
      'an automation warning on an unknown deadline',
      () => {
        const t = seed('seller_unreachable');
        t.definition.automations[1].on = 'deadline_warning:refundDue';
        return t;
      },
      'definition.automations[1].on',
      /unknown deadline "refundDue"/,
    ],
    [
      'an automation waiting on an unknown field',
      () => {
        const t = seed('lost_high_value');
        t.definition.automations[0].whenMissing = ['photoEvidence'];
        return t;
      },
      'definition.automations[0].whenMissing[0]',
      /unknown field "photoEvidence"/,
    ],
    [
      'an automation trigger that is not applied/resolution/deadline_warning',
      () => {
        const t = seed('seller_unreachable');
        t.definition.automations[0].on = 'created';
        return t;
      },
      'definition.automations[0].on',
      /must be applied/,
    ],
    [
      'a validation pattern that is not a regular expression',
      () => {
        const t = seed('missing_item');
        t.definition.fields[2].validation = { pattern: '([0-9' };
        return t;
      },
      'definition.fields[2].validation.pattern',
      /not a valid regular expression/,
    ],
    [
      'a validation min greater than max',
      () => {
        const t = seed('micropayment_cancel');
        const i = indexOf(t.definition.fields, (f) => f.id === 'amount');
        t.definition.fields[i].validation = { min: 50000, max: 30000 };
        return t;
      },
      `definition.fields[${indexOf(seed('micropayment_cancel').definition.fields, (f) => f.id === 'amount')}].validation.min`,
      /min must be ≤ max/,
    ],
    [
      'a title without English',
      () => {
        const t = seed('refund_refused') as { title: { ko: string; en?: string } };
        delete t.title.en;
        return t;
      },
      'title.en',
      /./,
    ],
    [
      'a label that is only whitespace',
      () => {
        const t = seed('seller_unreachable');
        t.definition.checklist[0].label.ko = '   ';
        return t;
      },
      'definition.checklist[0].label.ko',
      /must not be empty/,
    ],
    [
      'an unknown property in the definition',
      () => {
        const t = seed('missing_item');
        (t.definition as Record<string, unknown>).colour = 'red';
        return t;
      },
      'definition',
      /colour/,
    ],
    [
      'an empty checklist',
      () => {
        const t = seed('micropayment_cancel');
        t.definition.checklist = [];
        return t;
      },
      'definition.checklist',
      /./,
    ],
    [
      'a key that is not snake_case',
      () => {
        const t = seed('missing_item');
        t.key = 'Missing-Item';
        return t;
      },
      'key',
      /snake_case/,
    ],
    [
      'a ticket type that does not exist',
      () => {
        const t = seed('micropayment_cancel') as { type: string };
        t.type = 'chargeback';
        return t;
      },
      'type',
      /./,
    ],
    [
      'a high-value threshold without a high-value priority',
      () => {
        const t = seed('lost_high_value');
        delete t.definition.defaults.highValuePriority;
        return t;
      },
      'definition.defaults.highValuePriority',
      /go together/,
    ],
    [
      'a negative warning lead time',
      () => {
        const t = seed('missing_item');
        t.definition.deadlines[1].warnBeforeHours = -1;
        return t;
      },
      'definition.deadlines[1].warnBeforeHours',
      /./,
    ],
  ];

  it.each(cases)('%s', (_name, mutate, path, message) => {
    const errors = errorsOf(mutate());
    expect(Object.keys(errors)).toEqual([path]);
    expect(errors[path]).toMatch(message);
  });

  it('reports every problem of a template at once', () => {
    const t = seed('lost_high_value');
    t.key = 'Lost';
    t.definition.checklist[0].requires = ['nothing'];
    t.definition.replies[0].body.en += '{{customer.nickname}}';
    const errors = errorsOf(t);
    expect(Object.keys(errors).sort()).toEqual(
      ['definition.checklist[0].requires[0]', 'definition.replies[0].body.en', 'key'].sort(),
    );
  });
});
