import { validateTemplate, type TemplateDefinition } from '@shopdesk/contracts/scenario-schema';

// The template form edits key/type/title/active as inputs and the definition as JSON text
// (`definitionText`), which may be unparsable while being typed.

export interface TemplateFormValues {
  key?: string;
  type?: string;
  title?: { ko?: string; en?: string };
  active?: boolean;
  definitionText?: string;
  [other: string]: unknown;
}

/** Where a new template starts: the smallest definition that passes validation. */
export const STARTER_DEFINITION: TemplateDefinition = {
  summary: {
    ko: '이 템플릿이 다루는 상황과 처리 순서를 적어 주세요.',
    en: 'Describe the situation this template handles and how to work it.',
  },
  customerTitle: { ko: '고객 양식에 보이는 제목', en: 'Title shown on the customer form' },
  fields: [
    {
      id: 'orderNumber',
      type: 'order_number',
      label: { ko: '주문번호', en: 'Order number' },
      required: true,
      fillableBy: ['customer', 'agent'],
      prefillFrom: 'order.number',
    },
  ],
  checklist: [{ id: 'reviewRequest', label: { ko: '문의 내용 확인', en: 'Review the request' }, blocking: true }],
  deadlines: [
    {
      id: 'firstAnswerDue',
      label: { ko: '첫 답변 기한', en: 'First answer due' },
      rule: { kind: 'offset', from: 'ticket.createdAt', days: 1 },
      warnBeforeHours: 6,
    },
  ],
  resolutions: [
    {
      code: 'closed_no_fault',
      label: { ko: '안내 후 종결', en: 'Closed after explaining' },
      reply: 'closing',
    },
  ],
  replies: [
    {
      id: 'closing',
      label: { ko: '종결 안내', en: 'Closing notice' },
      body: {
        ko: '안녕하세요, {{customer.name}} 고객님.\n\n문의 {{ticket.reference}}에 대한 안내를 마치고 종결합니다. 추가로 궁금한 점이 있으시면 이 메일에 답장해 주세요.\n\n감사합니다.\n{{agent.name}} 드림',
        en: 'Hello {{customer.name}},\n\nWe are closing request {{ticket.reference}}. If anything is still unclear, just reply to this e-mail.\n\nKind regards,\n{{agent.name}}',
      },
    },
  ],
  defaults: { priority: 'normal', slaPolicy: 'standard', tags: [] },
  automations: [],
  suggest: {},
};

export const definitionToText = (definition: unknown) => JSON.stringify(definition ?? STARTER_DEFINITION, null, 2);

export type ParsedDefinition = { ok: true; value: unknown } | { ok: false; message: string };

export function parseDefinition(text: string | undefined): ParsedDefinition {
  try {
    return { ok: true, value: JSON.parse(text ?? '') };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The request body of POST/PUT /scenario-templates (definition parsed from the text). */
export function toTemplateInput(values: TemplateFormValues) {
  const parsed = parseDefinition(values.definitionText);
  return {
    key: (values.key ?? '').trim(),
    type: values.type,
    title: { ko: values.title?.ko ?? '', en: values.title?.en ?? '' },
    active: values.active ?? false,
    definition: parsed.ok ? parsed.value : undefined,
  };
}

/** Live check of the whole form with the contracts validator: `{ path: message }`, empty when valid. */
export function templateFormErrors(values: TemplateFormValues): { json: string | null; errors: Record<string, string> } {
  const parsed = parseDefinition(values.definitionText);
  if (!parsed.ok) {
    const rest = validateTemplate({ ...toTemplateInput(values), definition: {} });
    const errors = rest.ok ? {} : Object.fromEntries(Object.entries(rest.errors).filter(([p]) => !p.startsWith('definition')));
    return { json: parsed.message, errors };
  }
  const result = validateTemplate(toTemplateInput(values));
  return { json: null, errors: result.ok ? {} : result.errors };
}

/**
 * react-admin form validation: input paths get their message; every definition problem counts
 * against the JSON editor (the list under it names each path).
 */
export function validateTemplateForm(values: TemplateFormValues): Record<string, unknown> {
  const { json, errors } = templateFormErrors(values);
  const out: Record<string, unknown> = {};
  let definitionErrors = 0;
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith('definition')) definitionErrors++;
    else if (path === 'title.ko' || path === 'title.en') {
      out.title = { ...(out.title as object), [path.slice(6)]: message };
    } else if (path === 'key' || path === 'type' || path === 'active') out[path] = message;
    else if (path === 'title') out.title = { ko: message, en: message };
  }
  if (json) out.definitionText = { message: 'shopdesk.template.message.json_invalid', args: { detail: json } };
  else if (definitionErrors) {
    out.definitionText = { message: 'shopdesk.template.message.definition_errors', args: { count: definitionErrors } };
  }
  return out;
}
