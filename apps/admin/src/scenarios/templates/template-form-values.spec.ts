import { validateTemplate } from '@shopdesk/contracts/scenario-schema';
import { SEED_TEMPLATES } from '@shopdesk/server/scenarios/seed-templates';
import { describeRule, describeTrigger } from './describe-template';
import {
  STARTER_DEFINITION,
  definitionToText,
  templateFormErrors,
  toTemplateInput,
  validateTemplateForm,
} from './template-form-values';

const translate = ((key: string, args: Record<string, unknown> = {}) =>
  `${key}${Object.keys(args).length ? JSON.stringify(args) : ''}`) as never;

const base = {
  key: 'new_template',
  type: 'refund',
  title: { ko: '새 템플릿', en: 'New template' },
  active: true,
  definitionText: definitionToText(STARTER_DEFINITION),
};

describe('template form', () => {
  it('starts new templates from a definition that passes the server validator', () => {
    expect(validateTemplate(toTemplateInput(base)).ok).toBe(true);
    expect(templateFormErrors(base)).toEqual({ json: null, errors: {} });
    expect(validateTemplateForm(base)).toEqual({});
  });

  it('reports unparsable JSON on the editor and still checks the other inputs', () => {
    const result = templateFormErrors({ ...base, key: 'X', definitionText: '{ "summary": ' });
    expect(result.json).toBeTruthy();
    expect(Object.keys(result.errors)).toEqual(['key']);
    const form = validateTemplateForm({ ...base, key: 'X', definitionText: '{' });
    expect(form.key).toBeTruthy();
    expect(form.definitionText).toMatchObject({ message: 'shopdesk.template.message.json_invalid' });
  });

  it('names every broken path of the definition and counts them on the editor', () => {
    const definition = structuredClone(STARTER_DEFINITION);
    definition.replies[0].body.ko = '{{nope}}';
    definition.resolutions[0].reply = 'missing';
    const values = { ...base, title: { ko: '', en: 'x' }, definitionText: JSON.stringify(definition) };
    const { errors } = templateFormErrors(values);
    expect(Object.keys(errors).sort()).toEqual(['definition.replies[0].body.ko', 'definition.resolutions[0].reply', 'title.ko']);
    const form = validateTemplateForm(values);
    expect(form.title).toEqual({ ko: errors['title.ko'] });
    expect(form.definitionText).toEqual({ message: 'shopdesk.template.message.definition_errors', args: { count: 2 } });
  });

  it('sends only what the API takes', () => {
    expect(toTemplateInput({ ...base, id: 'x', version: 3, createdAt: 'y' })).toEqual({
      key: 'new_template',
      type: 'refund',
      title: base.title,
      active: true,
      definition: STARTER_DEFINITION,
    });
  });
});

describe('template rules in words', () => {
  it('describes every deadline and trigger of the shipped templates', () => {
    for (const t of SEED_TEMPLATES) {
      for (const d of t.definition.deadlines) {
        const text = describeRule(d.rule, t.definition, translate, 'ko');
        expect(text).toMatch(/^shopdesk\.template\.rule\./);
        expect(text).not.toContain('undefined');
      }
      for (const a of t.definition.automations) {
        expect(describeTrigger(a.on, t.definition, translate, 'ko')).toMatch(/^shopdesk\.template\.trigger\./);
      }
    }
  });

  it('names the start of a deadline', () => {
    const def = { fields: [], deadlines: [] };
    expect(describeRule({ kind: 'offset', from: 'order.paidAt', days: 15, endOfDay: true }, def, translate, 'ko')).toBe(
      'shopdesk.template.rule.offset_end_of_day{"from":"shopdesk.template.rule.from.order_paidAt{\\"_\\":\\"order.paidAt\\"}","span":"shopdesk.template.rule.days{\\"n\\":15}"}',
    );
  });
});
