import { RESHIPMENT_STATUSES } from '@shopdesk/contracts/reshipments';
import en from '../i18n/en';
import ko from '../i18n/ko';
import {
  canCancelReshipment,
  canRetryReshipment,
  draftFromOrderItems,
  hasActiveReshipment,
  reshipmentInput,
  reshipmentItemsText,
  reshipmentStatusColor,
  reshipmentStepIndex,
} from './reshipment-format';

describe('reshipment format', () => {
  it('translates every status in both languages', () => {
    for (const messages of [ko, en]) {
      const labels = (messages as unknown as { shopdesk: { reshipment: { status: Record<string, string> } } }).shopdesk.reshipment.status;
      expect(RESHIPMENT_STATUSES.filter((s) => typeof labels[s] !== 'string')).toEqual([]);
    }
  });

  it('polls only while a request is moving', () => {
    expect(hasActiveReshipment(undefined)).toBe(false);
    expect(hasActiveReshipment([{ status: 'shipped' }, { status: 'failed' }, { status: 'cancelled' }])).toBe(false);
    for (const status of ['requested', 'sent', 'accepted'] as const) {
      expect(hasActiveReshipment([{ status: 'cancelled' }, { status }])).toBe(true);
    }
  });

  it('allows retry of failed and cancel of requested/failed requests only', () => {
    expect(RESHIPMENT_STATUSES.filter(canRetryReshipment)).toEqual(['failed']);
    expect(RESHIPMENT_STATUSES.filter(canCancelReshipment)).toEqual(['requested', 'failed']);
  });

  it('places each status on the steps and colours the dead ends', () => {
    expect(RESHIPMENT_STATUSES.map(reshipmentStepIndex)).toEqual([0, 1, 2, 3, 3, -1, -1]);
    expect(reshipmentStatusColor('failed')).toBe('error');
    expect(reshipmentStatusColor('cancelled')).toBe('default');
    expect(reshipmentStatusColor('shipped')).toBe('success');
    expect(reshipmentStatusColor('sent')).toBe('info');
  });

  it('lists items as text', () => {
    expect(reshipmentItemsText([{ sku: 'A', name: '머그', qty: 2 }, { sku: 'B', qty: 1 }, null, { qty: 3 }])).toBe('A 머그 × 2, B × 1');
    expect(reshipmentItemsText(undefined)).toBe('');
  });

  it('builds the request from the dialog, or nothing while it is incomplete', () => {
    const draft = draftFromOrderItems([
      { sku: 'SKU-MUG-WHT', name: '머그컵 화이트', qty: 2 },
      { sku: 'SKU-TUMBLER-500', name: null, qty: 1 },
    ]);
    expect(draft.map((d) => [d.sku, d.qty, d.selected])).toEqual([
      ['SKU-MUG-WHT', '2', true],
      ['SKU-TUMBLER-500', '1', true],
    ]);
    expect(reshipmentInput(draft, '  ')).toBeNull();
    expect(reshipmentInput([{ ...draft[0], qty: '0' }], '파손')).toBeNull();
    expect(reshipmentInput(draft.map((d) => ({ ...d, selected: false })), '파손')).toBeNull();
    expect(reshipmentInput([{ ...draft[0], qty: '1' }, { ...draft[1], selected: false }], ' 파손 ')).toEqual({
      items: [{ sku: 'SKU-MUG-WHT', name: '머그컵 화이트', qty: 1 }],
      reason: '파손',
    });
  });
});
