import type { TranslateFunction } from 'react-admin';
import type { Localized, TicketScenarioRecord } from '@shopdesk/contracts/scenarios';
import { isShipmentStatus } from '@shopdesk/contracts/couriers';
import type { TicketEventRecord } from '@shopdesk/contracts/tickets';
import { formatKrw } from '../common/formatting';
import { langOf, pick } from '../scenarios/scenario-format';
import { formatKstShort, formatLateness } from '../sla/sla-format';
import { courierName, shipmentStatusLabel } from '../tracking/tracking-format';
import { reshipmentItemsText } from '../reshipments/reshipment-format';

// Timeline sentences. Pure (translate is passed in) so the wording is unit-tested.

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** "신규 → 처리 중": a before/after pair in words, tolerant of missing sides. */
function change(translate: TranslateFunction, before: string | undefined, after: string | undefined): string {
  const none = translate('shopdesk.ticket.message.none');
  return `${before ?? none} → ${after ?? none}`;
}

const isLocalized = (value: unknown): value is Localized =>
  !!value && typeof value === 'object' && typeof (value as Localized).ko === 'string';

/** What scenario events need to name things: the UI language and the applied template's labels. */
export interface EventContext {
  locale?: string;
  scenario?: TicketScenarioRecord | null;
  /** Titles of templates by key (a ticket may have switched away from one). */
  templateTitles?: Record<string, Localized>;
}

/** One event as a sentence, e.g. "상태 변경: 신규 → 처리 중". */
export function describeEvent(event: TicketEventRecord, translate: TranslateFunction, context: EventContext = {}): string {
  const label = translate(`shopdesk.ticket.event.${event.kind}`, { _: event.kind });
  const before = event.before ?? {};
  const after = event.after ?? {};
  const enumLabel = (group: string, value: unknown) =>
    text(value) ? translate(`shopdesk.ticket.${group}.${value}`, { _: String(value) }) : undefined;

  switch (event.kind) {
    case 'status_changed':
      return `${label}: ${change(translate, enumLabel('status', before.status), enumLabel('status', after.status))}`;
    case 'priority_changed':
      return `${label}: ${change(translate, enumLabel('priority', before.priority), enumLabel('priority', after.priority))}`;
    case 'assigned': {
      const name = (side: Record<string, unknown>) =>
        text(side.assigneeName) ??
        (side.assigneeId ? text(side.assigneeId) : translate('shopdesk.ticket.message.unassigned'));
      return `${label}: ${change(translate, name(before), name(after))}`;
    }
    case 'tags_changed': {
      const tags = (side: Record<string, unknown>) =>
        Array.isArray(side.tags) && side.tags.length ? side.tags.join(', ') : undefined;
      return `${label}: ${change(translate, tags(before), tags(after))}`;
    }
    case 'message_added': {
      const kind = enumLabel('message_kind', after.kind);
      return kind ? `${label}: ${kind}` : label;
    }
    case 'details_changed': {
      const fields = Object.keys(after);
      return fields.length
        ? `${label} (${translate('shopdesk.ticket.message.changed_fields', { fields: fields.join(', ') })})`
        : label;
    }
    case 'scenario_applied': {
      const template = (side: Record<string, unknown>) => {
        const key = text(side.templateKey);
        if (!key) return undefined;
        const known = context.scenario?.templateKey === key ? context.scenario.title : context.templateTitles?.[key];
        const title = known ? pick(known, context.locale) : key;
        return typeof side.version === 'number' ? `${title} (v${side.version})` : title;
      };
      return event.before
        ? `${label}: ${change(translate, template(before), template(after))}`
        : `${label}: ${template(after) ?? ''}`;
    }
    case 'scenario_fields_changed': {
      const defs = context.scenario?.definition.fields ?? [];
      const names = Object.keys(after).map((id) => {
        const def = defs.find((f) => f.id === id);
        return def ? pick(def.label, context.locale) : id;
      });
      return names.length ? `${label}: ${names.join(', ')}` : label;
    }
    case 'checklist_changed': {
      const stepId = text(after.step);
      const step = context.scenario?.definition.checklist.find((c) => c.id === stepId);
      const name = step ? pick(step.label, context.locale) : stepId;
      const state = translate(after.done ? 'shopdesk.ticket.message.step_done' : 'shopdesk.ticket.message.step_undone');
      return name ? `${label}: ${name} — ${state}` : label;
    }
    case 'resolution_recorded': {
      const code = text(after.code);
      const def = context.scenario?.definition.resolutions.find((r) => r.code === code);
      const name = def ? pick(def.label, context.locale) : (text(after.label) ?? code);
      const amount = typeof after.amount === 'number' ? ` (${formatKrw(after.amount)})` : '';
      return name ? `${label}: ${name}${amount}` : label;
    }
    case 'automation_pending': {
      const name = isLocalized(after.label) ? pick(after.label, context.locale) : (text(after.action) ?? text(after.automationId));
      return name ? `${label}: ${name}` : label;
    }
    case 'sla_warning':
    case 'sla_breached':
    case 'sla_escalated':
    case 'sla_priority_raised': {
      // "SLA 위반: 첫 응답 (기한 11/21 14:00, 3초 지연)"
      const target = text(after.target);
      const name = target ? translate(`shopdesk.sla.target.${target}`, { _: target }) : undefined;
      const details: string[] = [];
      const due = formatKstShort(text(after.dueAt));
      if (due) details.push(translate('shopdesk.sla.timeline.due', { due }));
      if (after.late === true && typeof after.lateMs === 'number') {
        details.push(translate('shopdesk.sla.timeline.late', { time: formatLateness(after.lateMs, translate) }));
      }
      const suffix = details.length ? ` (${details.join(', ')})` : '';
      return name ? `${label}: ${name}${suffix}` : `${label}${suffix}`;
    }
    case 'courier_update': {
      // "택배 조회: 배송중 → 배송완료 · 서울 강남 (11/21 14:00)" / "Courier tracking: In transit → Delivered · …"
      const status = (side: Record<string, unknown>) => {
        const code = text(side.shipmentStatus);
        if (code && isShipmentStatus(code)) return shipmentStatusLabel(code, context.locale);
        return isLocalized(side.label) ? pick(side.label, context.locale) : code;
      };
      const from = status(before);
      const to = status(after);
      const moved = from && to && from !== to ? `${from} → ${to}` : to;
      const where = text(after.location);
      const when = formatKstShort(text(after.occurredAt));
      const parts = [moved, where].filter(Boolean).join(' · ');
      return parts ? `${label}: ${parts}${when ? ` (${when})` : ''}` : label;
    }
    case 'reshipment_requested':
    case 'reshipment_updated': {
      // "재배송 요청: SKU-MUG-WHT 머그컵 화이트 × 2" /
      // "재배송 상태 변경: 물류센터 접수 → 출고됨 · 새 송장 CJ대한통운 612345678901"
      const status = (side: Record<string, unknown>) =>
        text(side.status) ? translate(`shopdesk.reshipment.status.${side.status}`, { _: String(side.status) }) : undefined;
      const from = status(before);
      const to = status(after);
      const parts: string[] = [];
      if (event.kind === 'reshipment_updated' && to) parts.push(from && from !== to ? `${from} → ${to}` : to);
      const items = reshipmentItemsText(after.items);
      if (items) parts.push(items);
      const waybill = text(after.waybill);
      if (waybill) {
        const code = text(after.courierCode);
        parts.push(
          translate('shopdesk.reshipment.timeline.shipped', {
            courier: code ? courierName(code, context.locale) : '',
            waybill,
          }).replace(/\s+/g, ' '),
        );
      }
      return parts.length ? `${label}: ${parts.join(' · ')}` : label;
    }
    case 'merged': {
      if (text(after.intoReference)) return `${label}: ${translate('shopdesk.merge.into', { reference: after.intoReference })}`;
      if (text(after.fromReference)) return `${label}: ${translate('shopdesk.merge.from', { reference: after.fromReference })}`;
      return label;
    }
    case 'created': {
      const status = enumLabel('status', after.status);
      return status ? `${label}: ${status}` : label;
    }
    default:
      return label;
  }
}

/**
 * The actor line of an event. System actors are stored bilingual ("택배사 연동 / Courier feed",
 * "시스템 / System"); the UI shows the side of its language. People's names are shown as stored.
 */
export function actorLabel(event: Pick<TicketEventRecord, 'actorType' | 'actorName'>, locale: string | undefined): string {
  const name = event.actorName ?? '';
  if (event.actorType !== 'system') return name;
  const sides = name.split(' / ');
  if (sides.length !== 2 || !sides[0].trim() || !sides[1].trim()) return name;
  return (langOf(locale) === 'en' ? sides[1] : sides[0]).trim();
}
