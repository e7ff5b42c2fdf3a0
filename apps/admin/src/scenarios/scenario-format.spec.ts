import { fieldValueError } from '@shopdesk/contracts/scenario-fields';
import type { FieldDef } from '@shopdesk/contracts/scenarios';
import {
  countdown,
  fieldErrorsFromServer,
  fieldErrorTranslation,
  formatKst,
  fromDraft,
  isoToKstLocal,
  kstLocalToIso,
  liveDeadlineState,
  pick,
  sameValue,
  toDraft,
} from './scenario-format';

const field = (type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef => ({
  id: 'f',
  type,
  label: { ko: '항목', en: 'Field' },
  required: false,
  fillableBy: ['agent'],
  ...extra,
});

describe('KST date-times', () => {
  it('shows an instant as the Korean wall clock, whatever offset it was stored with', () => {
    expect(isoToKstLocal('2026-11-24T14:30:00+09:00')).toBe('2026-11-24T14:30');
    expect(isoToKstLocal('2026-11-24T05:30:00Z')).toBe('2026-11-24T14:30');
    expect(isoToKstLocal('2026-11-24T20:00:00Z')).toBe('2026-11-25T05:00');
    expect(isoToKstLocal('')).toBe('');
    expect(isoToKstLocal('garbage')).toBe('');
  });

  it('sends a datetime-local value as KST with an explicit +09:00 offset', () => {
    expect(kstLocalToIso('2026-11-24T14:30')).toBe('2026-11-24T14:30:00+09:00');
    expect(kstLocalToIso('2026-11-24T14:30:15')).toBe('2026-11-24T14:30:15+09:00');
    expect(kstLocalToIso('')).toBeNull();
    expect(fieldValueError(field('datetime'), kstLocalToIso('2026-11-24T14:30'))).toBeNull();
  });

  it('formats in Korea time with a KST suffix', () => {
    expect(formatKst('2026-11-24T05:30:00Z', 'en')).toMatch(/2:30\s?PM KST$/);
    expect(formatKst(null, 'ko')).toBeNull();
  });
});

describe('deadline countdown', () => {
  const now = Date.parse('2026-11-20T00:00:00Z');
  it('splits the time left into days, hours and minutes', () => {
    expect(countdown('2026-11-22T03:05:59Z', now)).toEqual({ passed: false, days: 2, hours: 3, minutes: 5 });
    expect(countdown('2026-11-20T00:00:00Z', now).passed).toBe(true);
    expect(countdown('2026-11-19T00:00:00Z', now).passed).toBe(true);
  });

  it('only ever makes the server state more urgent as the clock runs', () => {
    const d = { dueAt: '2026-11-21T00:00:00Z', warnAt: '2026-11-20T12:00:00Z', state: 'ok' as const };
    expect(liveDeadlineState(d, now)).toBe('ok');
    expect(liveDeadlineState(d, Date.parse('2026-11-20T13:00:00Z'))).toBe('warning');
    expect(liveDeadlineState(d, Date.parse('2026-11-21T00:00:00Z'))).toBe('passed');
    expect(liveDeadlineState({ ...d, state: 'warning' }, now)).toBe('warning');
    expect(liveDeadlineState({ dueAt: null, warnAt: null, state: 'unknown' }, now)).toBe('unknown');
  });
});

describe('field drafts', () => {
  it('round-trips every value shape', () => {
    const cases: Array<[FieldDef, unknown]> = [
      [field('text'), '택배사에 문의함'],
      [field('order_number'), 'ORD-1'],
      [field('number'), 2.5],
      [field('money_krw'), 12000],
      [field('date'), '2026-11-24'],
      [field('datetime'), '2026-11-24T14:30:00+09:00'],
      [field('enum', { options: [{ value: 'a', label: { ko: 'A', en: 'A' } }, { value: 'b', label: { ko: 'B', en: 'B' } }] }), 'b'],
      [field('boolean'), true],
      [field('boolean'), false],
      [field('item_list'), [{ sku: 'SKU-1', qty: 2, name: '머그컵' }, { sku: 'SKU-2', qty: 1 }]],
      [field('evidence'), [{ description: '상자 사진', ref: 'box.jpg' }, { description: '문자 내역' }]],
    ];
    for (const [def, value] of cases) {
      const back = fromDraft(def, toDraft(def, value));
      expect(sameValue(back, value)).toBe(true);
      expect(fieldValueError(def, back)).toBeNull();
    }
  });

  it('treats blank inputs and blank rows as empty', () => {
    expect(fromDraft(field('text'), '  ')).toBeNull();
    expect(fromDraft(field('money_krw'), '')).toBeNull();
    expect(fromDraft(field('boolean'), '')).toBeNull();
    expect(fromDraft(field('item_list'), [{ sku: '', name: '', qty: '' }])).toBeNull();
    expect(fromDraft(field('evidence'), [{ description: ' ', ref: '' }])).toBeNull();
    expect(sameValue(null, [])).toBe(true);
    expect(sameValue('', undefined)).toBe(true);
  });

  it('keeps invalid input so that validation can report it', () => {
    const money = field('money_krw');
    expect(fieldValueError(money, fromDraft(money, '12,000'))).toBeNull();
    expect(fieldValueError(money, fromDraft(money, 'abc'))).toBe('must be a number');
    const items = field('item_list');
    expect(fieldValueError(items, fromDraft(items, [{ sku: 'A', name: '', qty: '' }]))).toMatch(/qty/);
    expect(fieldValueError(items, fromDraft(items, [{ sku: '', name: '머그', qty: '1' }]))).toMatch(/sku/);
  });
});

describe('messages', () => {
  it('translates the errors of fieldValueError', () => {
    expect(fieldErrorTranslation(fieldValueError(field('phone'), 'abc')!).key).toBe('shopdesk.scenario.validation.phone');
    expect(fieldErrorTranslation(fieldValueError(field('waybill'), '?')!).key).toBe('shopdesk.scenario.validation.waybill');
    expect(fieldErrorTranslation(fieldValueError(field('date'), '2026-02-30')!).key).toBe('shopdesk.scenario.validation.date');
    expect(fieldErrorTranslation(fieldValueError(field('number', { validation: { min: 3 } }), 1)!)).toEqual({
      key: 'shopdesk.scenario.validation.min',
      args: { n: '3' },
    });
    expect(fieldErrorTranslation('something new')).toEqual({
      key: 'shopdesk.scenario.validation.other',
      args: { detail: 'something new' },
    });
  });

  it('reads field errors out of a 422 body', () => {
    expect(fieldErrorsFromServer({ 'fields.missingItems': 'required', amount: 'x', root: {} })).toEqual({
      missingItems: 'required',
    });
  });

  it('picks the text of the UI language, Korean by default', () => {
    expect(pick({ ko: '배송 누락', en: 'Missing item' }, 'ko')).toBe('배송 누락');
    expect(pick({ ko: '배송 누락', en: 'Missing item' }, 'en')).toBe('Missing item');
    expect(pick({ ko: '배송 누락', en: 'Missing item' }, 'fr')).toBe('배송 누락');
  });
});
