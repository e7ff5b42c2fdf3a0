import type { TicketScenarioRecord } from '@shopdesk/contracts/scenarios';
import type { TicketEventRecord } from '@shopdesk/contracts/tickets';
import { SEED_TEMPLATES } from '@shopdesk/server/scenarios/seed-templates';
import en from '../i18n/en';
import ko from '../i18n/ko';
import { actorLabel, describeEvent } from './describe-event';

// A tiny polyglot stand-in over the Korean (or English) messages.
const translatorOf = (messages: object) =>
  ((key: string, args: Record<string, unknown> = {}) => {
    let node: unknown = messages;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    const text = typeof node === 'string' ? node : String(args._ ?? key);
    return text.replace(/%\{(\w+)\}/g, (_m, name: string) => String(args[name] ?? ''));
  }) as never;
const translate = translatorOf(ko);
const translateEn = translatorOf(en);

const missingItem = SEED_TEMPLATES.find((t) => t.key === 'missing_item')!;
const scenario = {
  templateKey: 'missing_item',
  title: missingItem.title,
  definition: missingItem.definition,
} as unknown as TicketScenarioRecord;

const def = missingItem.definition;
const label = (list: Array<{ id?: string; code?: string; label: { ko: string } }>, id: string) =>
  list.find((x) => x.id === id || x.code === id)!.label.ko;

const event = (kind: TicketEventRecord['kind'], after: Record<string, unknown>, before: Record<string, unknown> | null = null) =>
  ({ id: '1', ticketId: 't', kind, actorType: 'agent', actorId: null, actorName: '김상담', before, after, at: '' }) as TicketEventRecord;

describe('scenario events on the timeline', () => {
  const ctx = { locale: 'ko', scenario };
  it('names the template, the fields, the step, the resolution and the automation', () => {
    expect(describeEvent(event('scenario_applied', { templateKey: 'missing_item', version: 1 }), translate, ctx)).toBe(
      `템플릿 적용: ${missingItem.title.ko} (v1)`,
    );
    expect(describeEvent(event('scenario_fields_changed', { missingItems: [], waybillNumber: 'x' }), translate, ctx)).toBe(
      `입력 항목 변경: ${label(def.fields, 'missingItems')}, ${label(def.fields, 'waybillNumber')}`,
    );
    expect(describeEvent(event('checklist_changed', { step: 'compareItems', done: true }), translate, ctx)).toBe(
      `체크리스트: ${label(def.checklist, 'compareItems')} — 완료`,
    );
    expect(describeEvent(event('resolution_recorded', { code: 'partial_refund', amount: 12000, label: 'x' }), translate, ctx)).toBe(
      `처리 결과 기록: ${label(def.resolutions, 'partial_refund')} (₩12,000)`,
    );
    expect(
      describeEvent(
        event('automation_pending', { automationId: 'reshipmentJob', action: 'reshipment_request', label: { ko: '창고에 재배송 요청 생성', en: 'x' } }),
        translate,
        ctx,
      ),
    ).toBe('자동화 대기: 창고에 재배송 요청 생성');
  });

  it('names a template the ticket switched away from by its title', () => {
    const lost = SEED_TEMPLATES.find((t) => t.key === 'lost_high_value')!;
    expect(
      describeEvent(event('scenario_applied', { templateKey: 'missing_item', version: 1 }, { templateKey: 'lost_high_value', version: 2 }), translate, {
        ...ctx,
        templateTitles: { lost_high_value: lost.title },
      }),
    ).toBe(`템플릿 적용: ${lost.title.ko} (v2) → ${missingItem.title.ko} (v1)`);
  });

  it('falls back to raw keys without the scenario', () => {
    expect(describeEvent(event('scenario_applied', { templateKey: 'b', version: 2 }, { templateKey: 'a', version: 1 }), translate)).toBe(
      '템플릿 적용: a (v1) → b (v2)',
    );
    expect(describeEvent(event('resolution_recorded', { code: 'reship', label: '누락 상품 재배송' }), translate)).toBe(
      '처리 결과 기록: 누락 상품 재배송',
    );
  });
});

describe('SLA events on the timeline', () => {
  const sla = (kind: TicketEventRecord['kind'], after: Record<string, unknown>) => ({ ...event(kind, after), actorType: 'system' }) as TicketEventRecord;
  // 2026-11-21T05:00:00Z is 14:00 KST.
  const base = { target: 'first_reply', dueAt: '2026-11-21T05:00:00.000Z', policy: 'standard' };

  it('names the rung, the target, the due time in KST and the lateness', () => {
    expect(describeEvent(sla('sla_breached', { ...base, rung: 'breach', late: true, lateMs: 3_200 }), translate)).toBe(
      'SLA 위반: 첫 응답 (기한 11/21 14:00, 3초 지연)',
    );
    expect(describeEvent(sla('sla_warning', { ...base, target: 'resolution', rung: 'warning', late: false, lateMs: 40 }), translate)).toBe(
      'SLA 경고: 해결 (기한 11/21 14:00)',
    );
    expect(describeEvent(sla('sla_escalated', { ...base, target: 'next_reply', rung: 'escalate', late: true, lateMs: 125_000 }), translate)).toBe(
      'SLA 에스컬레이션: 다음 응답 (기한 11/21 14:00, 2분 지연)',
    );
    expect(describeEvent(sla('sla_priority_raised', { ...base, rung: 'raise_priority', late: false, lateMs: 0 }), translate)).toBe(
      'SLA 우선순위 상향: 첫 응답 (기한 11/21 14:00)',
    );
  });

  it('copes with missing details', () => {
    expect(describeEvent(sla('sla_breached', {}), translate)).toBe('SLA 위반');
    expect(describeEvent(sla('sla_breached', { target: 'resolution', dueAt: null }), translate)).toBe('SLA 위반: 해결');
  });
});

describe('courier events on the timeline', () => {
  const courier = (after: Record<string, unknown>, before: Record<string, unknown> | null = null) =>
    ({ ...event('courier_update', after, before), actorType: 'system', actorName: '택배사 연동 / Courier feed' }) as TicketEventRecord;
  // As CourierEventsService writes it; 2026-11-21T05:00:00Z is 14:00 KST.
  const delivered = {
    shipmentStatus: 'delivered',
    rawStatus: '배달완료',
    occurredAt: '2026-11-21T05:00:00.000Z',
    location: '서울 강남',
    description: '문 앞 배송',
    label: { ko: '배송완료', en: 'Delivered' },
  };

  it('says what the status moved to, where and when (KST), in Korean', () => {
    expect(describeEvent(courier(delivered, { shipmentStatus: 'out_for_delivery' }), translate, { locale: 'ko' })).toBe(
      '택배 조회: 배송출발 → 배송완료 · 서울 강남 (11/21 14:00)',
    );
    expect(describeEvent(courier(delivered), translate, { locale: 'ko' })).toBe('택배 조회: 배송완료 · 서울 강남 (11/21 14:00)');
  });

  it('reads in English with English status labels', () => {
    expect(describeEvent(courier(delivered, { shipmentStatus: 'out_for_delivery' }), translateEn, { locale: 'en' })).toBe(
      'Courier tracking: Out for delivery → Delivered · 서울 강남 (11/21 14:00)',
    );
    expect(
      describeEvent(courier({ shipmentStatus: 'attempt_failed', occurredAt: delivered.occurredAt, location: null }), translateEn, { locale: 'en' }),
    ).toBe('Courier tracking: Delivery attempt failed (11/21 14:00)');
  });

  it('copes with unknown statuses and missing details', () => {
    expect(describeEvent(courier({ shipmentStatus: 'teleported' }), translate, { locale: 'ko' })).toBe('택배 조회: teleported');
    expect(describeEvent(courier({}), translate)).toBe('택배 조회');
    expect(describeEvent(courier({}), translateEn, { locale: 'en' })).toBe('Courier tracking');
  });

  it('names system actors in the UI language and people as stored', () => {
    const feed = courier(delivered);
    expect(actorLabel(feed, 'ko')).toBe('택배사 연동');
    expect(actorLabel(feed, 'en')).toBe('Courier feed');
    expect(actorLabel({ actorType: 'system', actorName: '시스템 / System' }, 'en')).toBe('System');
    expect(actorLabel({ actorType: 'system', actorName: 'SLA' }, 'en')).toBe('SLA');
    expect(actorLabel({ actorType: 'agent', actorName: 'Kim / Lee' }, 'en')).toBe('Kim / Lee');
  });
});

describe('reshipment events on the timeline', () => {
  const items = [
    { sku: 'SKU-MUG-WHT', name: '머그컵 화이트', qty: 2 },
    { sku: 'SKU-TUMBLER-500', qty: 1 },
  ];
  const requested = event('reshipment_requested', { reshipmentId: 'r1', items, status: 'requested' });

  it('names the items of a new request', () => {
    expect(describeEvent(requested, translate, { locale: 'ko' })).toBe(
      '재배송 요청: SKU-MUG-WHT 머그컵 화이트 × 2, SKU-TUMBLER-500 × 1',
    );
    expect(describeEvent(requested, translateEn, { locale: 'en' })).toBe(
      'Reshipment requested: SKU-MUG-WHT 머그컵 화이트 × 2, SKU-TUMBLER-500 × 1',
    );
  });

  it('says how the status moved, and the new courier and waybill once shipped', () => {
    const shipped = event(
      'reshipment_updated',
      { reshipmentId: 'r1', status: 'shipped', courierCode: '04', waybill: '612345678901' },
      { status: 'accepted' },
    );
    expect(describeEvent(shipped, translate, { locale: 'ko' })).toBe(
      '재배송 상태 변경: 물류센터 접수 → 출고됨 · 새 송장 CJ대한통운 612345678901',
    );
    expect(describeEvent(shipped, translateEn, { locale: 'en' })).toMatch(
      /^Reshipment updated: Accepted → Shipped · new waybill \S.* 612345678901$/,
    );
    const failed = event('reshipment_updated', { reshipmentId: 'r1', status: 'failed', lastError: 'x' }, { status: 'sent' });
    expect(describeEvent(failed, translate, { locale: 'ko' })).toBe('재배송 상태 변경: 전송됨 → 실패');
    expect(describeEvent(failed, translateEn, { locale: 'en' })).toBe('Reshipment updated: Sent → Failed');
  });

  it('copes with missing details', () => {
    expect(describeEvent(event('reshipment_updated', { reshipmentId: 'r1' }), translate)).toBe('재배송 상태 변경');
    expect(describeEvent(event('reshipment_updated', { status: 'cancelled' }), translateEn, { locale: 'en' })).toBe(
      'Reshipment updated: Cancelled',
    );
    expect(describeEvent(event('reshipment_requested', { items: 'nope' }), translate)).toBe('재배송 요청');
  });
});
