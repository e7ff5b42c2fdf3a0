import type { PublicSituation } from '@shopdesk/contracts/public';
import type { FieldDef } from '@shopdesk/contracts/scenarios';
import type { TicketType } from '@shopdesk/contracts/tickets';
import type { ScenarioTemplateEntity } from '../scenarios/scenario-template.entity';

/** "Something else" for each ticket type: no template yet, an agent triages it. */
const OTHER_TITLES: Record<TicketType, { ko: string; en: string }> = {
  missing_delivery: { ko: '그 밖의 배송 문제예요', en: 'Something else about my delivery' },
  refund: { ko: '그 밖의 환불 문의예요', en: 'Something else about a refund' },
  cancellation: { ko: '그 밖의 취소 문의예요', en: 'Something else about a cancellation' },
};

const OTHER_FIELDS: FieldDef[] = [
  {
    id: 'orderNumber',
    type: 'order_number',
    label: { ko: '주문번호', en: 'Order number' },
    help: { ko: '주문 완료 메일이나 주문 내역에서 확인할 수 있어요.', en: 'You can find it in the order e-mail or your order history.' },
    required: false,
    fillableBy: ['customer'],
    prefillFrom: 'order.number',
  },
];

export const OTHER_TYPES: readonly TicketType[] = ['missing_delivery', 'refund', 'cancellation'];

/** The first step of the form: every active template in the customer's words, then "something else". */
export function buildSituations(templates: ScenarioTemplateEntity[]): PublicSituation[] {
  const fromTemplates = templates.map((t) => ({
    templateKey: t.key,
    type: t.type,
    title: t.definition.customerTitle,
    fields: t.definition.fields.filter((f) => f.fillableBy.includes('customer')),
  }));
  const others = OTHER_TYPES.map((type) => ({ templateKey: null, type, title: OTHER_TITLES[type], fields: OTHER_FIELDS }));
  return [...fromTemplates, ...others];
}

export function findSituation(situations: PublicSituation[], templateKey: unknown, type: unknown): PublicSituation | null {
  if (templateKey === null || templateKey === undefined) return situations.find((s) => s.templateKey === null && s.type === type) ?? null;
  return situations.find((s) => s.templateKey === templateKey) ?? null;
}
