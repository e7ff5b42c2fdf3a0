import { validatePublicTicket, type PublicFormInfo, type PublicSituation } from '@shopdesk/contracts/public';
import type { FieldDef } from '@shopdesk/contracts/scenarios';
import { collectFields, emptyDraft, toFieldValue } from './field-values';
import { buildTicketInput, emptyTicketDraft, groupSituations, inlineErrorPaths, situationKey, splitErrors } from './ticket-draft';

const def = (id: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef => ({
  id,
  type,
  label: { ko: id, en: id },
  required: false,
  fillableBy: ['customer'],
  ...extra,
});

const missingItem: PublicSituation = {
  templateKey: 'missing_item',
  type: 'missing_delivery',
  title: { ko: '주문한 상품 중 일부가 오지 않았어요', en: 'Some of the items I ordered never arrived' },
  fields: [
    def('orderNumber', 'order_number', { required: true }),
    def('courierCode', 'courier_code'),
    def('waybillNumber', 'waybill', { required: true }),
    def('missingItems', 'item_list', { required: true }),
    def('noticedAt', 'datetime'),
    def('paidAmount', 'money_krw'),
    def('insured', 'boolean'),
    def('photos', 'evidence'),
  ],
};
const other: PublicSituation = { templateKey: null, type: 'refund', title: { ko: '그 밖의 환불 문의', en: 'Another refund question' }, fields: [] };

const info = { formToken: 'signed-form-token-123', situations: [other, missingItem] } as PublicFormInfo;

describe('toFieldValue', () => {
  it('turns amounts typed with separators and 원 into numbers', () => {
    expect(toFieldValue(def('a', 'money_krw'), '12,000원')).toBe(12000);
    expect(toFieldValue(def('a', 'money_krw'), ' 5 000 ')).toBe(5000);
    expect(toFieldValue(def('a', 'number'), '2.5')).toBe(2.5);
  });

  it('keeps an unreadable amount as text so the contract reports it', () => {
    expect(toFieldValue(def('a', 'money_krw'), 'about 10k')).toBe('about 10k');
  });

  it('sends datetimes with the Korean offset', () => {
    expect(toFieldValue(def('a', 'datetime'), '2026-11-24T14:30')).toBe('2026-11-24T14:30:00+09:00');
  });

  it('leaves out empty values and unticked boxes', () => {
    expect(toFieldValue(def('a', 'text'), '   ')).toBeUndefined();
    expect(toFieldValue(def('a', 'boolean'), false)).toBeUndefined();
    expect(toFieldValue(def('a', 'boolean'), true)).toBe(true);
    expect(toFieldValue(def('a', 'item_list'), emptyDraft(def('a', 'item_list')))).toBeUndefined();
  });

  it('sends item rows with a sku or name, quantity as a number', () => {
    const rows = [
      { sku: ' SKU-1 ', name: '', qty: '2' },
      { sku: '', name: '', qty: '1' },
      { sku: 'SKU-2', name: '양말', qty: '1' },
    ];
    expect(toFieldValue(def('a', 'item_list'), rows)).toEqual([
      { sku: 'SKU-1', qty: 2 },
      { sku: 'SKU-2', name: '양말', qty: 1 },
    ]);
  });

  it('sends the typed courier name for "other"', () => {
    expect(toFieldValue(def('c', 'courier_code'), { code: '04', other: '' })).toBe('04');
    expect(toFieldValue(def('c', 'courier_code'), { code: 'other', other: '대신택배' })).toBe('대신택배');
    expect(toFieldValue(def('c', 'courier_code'), { code: 'other', other: '' })).toBe('other');
    expect(toFieldValue(def('c', 'courier_code'), { code: '', other: '' })).toBeUndefined();
  });

  it('removes spaces inside waybill numbers', () => {
    expect(toFieldValue(def('w', 'waybill'), '1234 5678 9012')).toBe('123456789012');
  });

  it('never sends evidence fields', () => {
    expect(collectFields([def('photos', 'evidence')], { photos: 'x' })).toEqual({});
  });
});

describe('buildTicketInput', () => {
  const filled = () => ({
    ...emptyTicketDraft(),
    situationKey: 'missing_item',
    fields: {
      orderNumber: ' 20261124-0001 ',
      waybillNumber: '123456789012',
      courierCode: { code: '04', other: '' },
      missingItems: [{ sku: 'SKU-1', name: '', qty: '1' }],
      noticedAt: '2026-11-24T09:00',
      paidAmount: '39,000',
      insured: false,
    },
    description: '상자에 양말이 없었어요.',
    contact: { name: '김고객', email: 'kim@example.com', phone: '' },
    privacyConsent: true,
  });

  it('builds what the contract accepts', () => {
    const input = buildTicketInput(filled(), missingItem, info, 'ko');
    expect(input).toEqual({
      templateKey: 'missing_item',
      type: 'missing_delivery',
      locale: 'ko',
      fields: {
        orderNumber: '20261124-0001',
        waybillNumber: '123456789012',
        courierCode: '04',
        missingItems: [{ sku: 'SKU-1', qty: 1 }],
        noticedAt: '2026-11-24T09:00:00+09:00',
        paidAmount: 39000,
      },
      description: '상자에 양말이 없었어요.',
      contact: { name: '김고객', email: 'kim@example.com' },
      privacyConsent: true,
      formToken: 'signed-form-token-123',
      website: '',
    });
    expect(validatePublicTicket(input, missingItem)).toEqual({});
  });

  it('lets the contract report missing required fields by dotted path', () => {
    const draft = { ...filled(), fields: {}, privacyConsent: false, contact: { name: '', email: 'nope', phone: '12' } };
    const errors = validatePublicTicket(buildTicketInput(draft, missingItem, info, 'en'), missingItem);
    expect(Object.keys(errors).sort()).toEqual(
      ['contact.email', 'contact.name', 'contact.phone', 'fields.missingItems', 'fields.orderNumber', 'fields.waybillNumber', 'privacyConsent'].sort(),
    );
  });

  it('works for a "something else" situation without fields', () => {
    const input = buildTicketInput({ ...filled(), fields: {} }, other, info, 'en');
    expect(input.templateKey).toBeNull();
    expect(validatePublicTicket(input, other)).toEqual({});
  });
});

describe('situations', () => {
  it('puts "something else" last and keys it by type', () => {
    const { templates, other: rest } = groupSituations(info.situations);
    expect(templates.map(situationKey)).toEqual(['missing_item']);
    expect(rest.map(situationKey)).toEqual(['other-refund']);
  });
});

describe('splitErrors', () => {
  it('keeps field errors inline and sends the rest to the alert', () => {
    const result = splitErrors(
      {
        'fields.orderNumber': '주문번호을(를) 입력해 주세요 / Order number is required',
        formToken: '양식을 새로 열어 주세요 / is missing; reload the form',
        'files.1': '지원하지 않는 파일 / unsupported file',
      },
      inlineErrorPaths(missingItem),
    );
    expect(result.inline).toEqual({
      'fields.orderNumber': '주문번호을(를) 입력해 주세요 / Order number is required',
      attachments: '지원하지 않는 파일 / unsupported file',
    });
    expect(result.other).toEqual(['양식을 새로 열어 주세요 / is missing; reload the form']);
  });

  it('does not show errors for evidence fields inline', () => {
    expect(inlineErrorPaths(missingItem).has('fields.photos')).toBe(false);
  });
});
