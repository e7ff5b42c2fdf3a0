import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { fieldValueError, isEmptyValue } from '@shopdesk/contracts/scenario-fields';
import type {
  Localized,
  ResolutionCode,
  TemplateDefinition,
  TemplateSuggestion,
  TicketScenarioRecord,
} from '@shopdesk/contracts/scenarios';
import { TICKET_PRIORITIES, type TicketPriority, type TicketRecord } from '@shopdesk/contracts/tickets';
import type { Actor } from '../auth/actor';
import { DomainError } from '../core/errors/domain-error';
import { planStatusChange } from '../tickets/ticket-lifecycle';
import { TicketMessageEntity } from '../tickets/ticket-message.entity';
import type { TicketEntity } from '../tickets/ticket.entity';
import { toTicketRecord } from '../tickets/ticket.mapper';
import { TicketsService, type EventDraft, type WriteOptions } from '../tickets/tickets.service';
import { computeDeadlines, deadlineState, nextDeadline, type ComputedDeadline } from './deadline-math';
import { renderReply, type ReplyContext } from './reply-renderer';
import { ScenarioTemplateEntity } from './scenario-template.entity';
import { ScenarioTemplatesService } from './scenario-templates.service';
import { TicketScenarioEntity, type StoredDeadline } from './ticket-scenario.entity';

export interface ResolveInput {
  code: ResolutionCode;
  amount?: number;
  reasonCode?: string;
  note?: string;
  /** Send the resolution's canned reply (rendered; `body` replaces it when the agent edited it). */
  reply?: { lang: 'ko' | 'en'; body?: string };
}

const FACT_PATHS: Record<string, (t: TicketRecord) => unknown> = {
  'customer.name': (t) => t.customer.name,
  'customer.email': (t) => t.customer.email,
  'customer.phone': (t) => t.customer.phone,
  'order.number': (t) => t.order.number,
  'order.amount': (t) => t.order.amount,
  'order.paymentMethod': (t) => t.order.paymentMethod,
  'order.paidAt': (t) => t.order.paidAt,
  'order.items': (t) => (t.order.items.length ? t.order.items.map(({ sku, qty, name }) => ({ sku, qty, ...(name ? { name } : {}) })) : null),
  'shipment.courierCode': (t) => t.shipment.courierCode,
  'shipment.waybillNumber': (t) => t.shipment.waybillNumber,
  'shipment.expectedDeliveryDate': (t) => t.shipment.expectedDeliveryDate,
  'ticket.createdAt': (t) => t.createdAt,
};

function fail(code: ConstructorParameters<typeof DomainError>[0], ko: string, en: string, errors?: Record<string, string>): never {
  throw new DomainError(code, `${ko} / ${en}`, errors);
}

/**
 * The triage workflow on one ticket: suggest a template, apply it (pinned version), collect
 * fields, work the checklist, resolve under the template's rules. Every rule is enforced here,
 * whatever the UI shows; every change is a ticket event in the same transaction.
 */
@Injectable()
export class TicketScenarioService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    private readonly templates: ScenarioTemplatesService,
  ) {}

  async get(ticketId: string, now = new Date()): Promise<TicketScenarioRecord | null> {
    const ticket = await this.tickets.get(ticketId);
    const s = await this.db.getRepository(TicketScenarioEntity).findOneBy({ ticketId });
    return s ? this.toRecord(ticket, s, await this.templates.byId(s.templateId), now) : null;
  }

  async suggest(ticketId: string): Promise<TemplateSuggestion[]> {
    const t = await this.tickets.get(ticketId);
    const text = `${t.subject} ${t.description ?? ''}`.toLowerCase();
    const out: TemplateSuggestion[] = [];
    for (const tpl of await this.templates.activeForType(t.type)) {
      const s = tpl.definition.suggest;
      const reasons: Localized[] = [{ ko: `티켓 유형이 일치 (${t.type})`, en: `ticket type matches (${t.type})` }];
      let score = 1;
      if (s.paymentMethods && t.order.paymentMethod && s.paymentMethods.includes(t.order.paymentMethod)) {
        score += 3;
        reasons.push({ ko: `결제 수단: ${t.order.paymentMethod}`, en: `payment method: ${t.order.paymentMethod}` });
      }
      if (s.minOrderAmount !== undefined && (t.order.amount ?? 0) >= s.minOrderAmount) {
        score += 2;
        reasons.push({
          ko: `주문 금액 ${t.order.amount!.toLocaleString('ko-KR')}원 ≥ ${s.minOrderAmount.toLocaleString('ko-KR')}원 (고가)`,
          en: `order amount ${t.order.amount} ≥ ${s.minOrderAmount} KRW (high value)`,
        });
      } else if (s.minOrderAmount !== undefined && t.order.amount !== null) {
        // A template meant for high-value orders is a worse fit for a small one.
        score -= 1;
        reasons.push({
          ko: `주문 금액이 기준(${s.minOrderAmount.toLocaleString('ko-KR')}원)보다 낮음`,
          en: `order amount below ${s.minOrderAmount} KRW`,
        });
      }
      const tags = s.tagsAny?.filter((tag) => t.tags.includes(tag)) ?? [];
      if (tags.length) {
        score += 2;
        reasons.push({ ko: `태그: ${tags.join(', ')}`, en: `tags: ${tags.join(', ')}` });
      }
      const words = s.keywords?.filter((k) => text.includes(k.toLowerCase())) ?? [];
      if (words.length) {
        score += Math.min(3, words.length);
        reasons.push({ ko: `내용에 '${words.join("', '")}' 포함`, en: `text mentions '${words.join("', '")}'` });
      }
      out.push({ templateKey: tpl.key, title: { ko: tpl.titleKo, en: tpl.titleEn }, score, reasons });
    }
    return out.sort((a, b) => b.score - a.score || a.templateKey.localeCompare(b.templateKey));
  }

  /** Applies (or switches to) the latest active version of `templateKey`. */
  /** `opts.fields`: values collected up front (the customer form); they win over prefilled facts. */
  async apply(
    ticketId: string,
    templateKey: string,
    actor: Actor,
    opts: WriteOptions & { fields?: Record<string, unknown> } = {},
  ): Promise<TicketScenarioRecord> {
    let state!: { s: TicketScenarioEntity; tpl: ScenarioTemplateEntity };
    const ticket = await this.tickets.applyChange(ticketId, actor, opts, async (t, at, m) => {
      const template = await this.templates.latest(templateKey, m);
      if (!template.active) fail('VALIDATION_FAILED', '비활성 템플릿입니다.', `Template "${templateKey}" is inactive.`, { templateKey: 'inactive' });
      if (template.type !== t.type) {
        fail('VALIDATION_FAILED', '티켓 유형과 템플릿 유형이 다릅니다.', `Template is for ${template.type} tickets, this ticket is ${t.type}.`, {
          templateKey: `is a ${template.type} template`,
        });
      }
      const repo = m.getRepository(TicketScenarioEntity);
      const previous = await repo.findOneBy({ ticketId });
      if (previous) previous.template = await this.templates.byId(previous.templateId, m);
      if (previous?.resolution) fail('ALREADY_RESOLVED', '이미 해결 처리된 티켓입니다.', 'This ticket is already resolved under its template.');
      if (previous && previous.templateId === template.id) {
        state = { s: previous, tpl: template };
        return [];
      }

      const record = toTicketRecord(t);
      const def = template.definition;
      const fields: Record<string, unknown> = {};
      for (const f of def.fields) {
        const carried = previous?.template?.definition.fields.find((pf) => pf.id === f.id && pf.type === f.type);
        const prior = carried ? previous!.fieldValues[f.id] : undefined;
        const prefill = f.prefillFrom ? FACT_PATHS[f.prefillFrom]?.(record) : undefined;
        const given = opts.fields?.[f.id];
        const value = !isEmptyValue(given) ? given : !isEmptyValue(prior) ? prior : prefill;
        if (!isEmptyValue(value) && fieldValueError(f, value) === null) fields[f.id] = value;
      }
      const deadlines = this.deadlinesFor(record, def, fields);
      const applied = repo.create({
        ticketId,
        templateId: template.id,
        fieldValues: fields,
        checklist: {},
        deadlines: toStored(deadlines),
        resolution: null,
        appliedAt: at,
        appliedBy: actor.id,
      });
      // Switching replaces the row; the previous state stays in the scenario_applied event.
      await repo.upsert(applied, ['ticketId']);
      state = { s: applied, tpl: template };

      const drafts: EventDraft[] = [
        {
          kind: 'scenario_applied',
          before: previous
            ? { templateKey: previous.template!.key, version: previous.template!.version, fields: previous.fieldValues, checklist: previous.checklist }
            : null,
          after: { templateKey: template.key, version: template.version, fields, deadlines: toStored(deadlines) },
        },
      ];
      // Template defaults: raise (never lower) the priority, add the template's tags.
      const d = def.defaults;
      let priority: TicketPriority = d.priority;
      if (d.highValueThreshold !== undefined && d.highValuePriority && (record.order.amount ?? 0) >= d.highValueThreshold) {
        priority = d.highValuePriority;
      }
      if (TICKET_PRIORITIES.indexOf(priority) > TICKET_PRIORITIES.indexOf(t.priority)) {
        drafts.push({ kind: 'priority_changed', before: { priority: t.priority }, after: { priority } });
        t.priority = priority;
      }
      const tags = [...new Set([...t.tags, ...d.tags])].sort();
      if (tags.length !== t.tags.length) {
        drafts.push({ kind: 'tags_changed', before: { tags: t.tags }, after: { tags } });
        t.tags = tags;
      }
      t.templateKey = template.key;
      t.nextDeadlineAt = nextDeadline(deadlines, at);
      drafts.push(...pendingAutomations(def, 'applied', fields));
      return drafts;
    });
    return this.toRecord(ticket, state.s, state.tpl, new Date());
  }

  /** Sets field values (null clears). Values are checked against the pinned template's field types. */
  async setFields(ticketId: string, values: Record<string, unknown>, actor: Actor): Promise<TicketScenarioRecord> {
    return this.withScenario(ticketId, actor, async (t, s, def, at, m) => {
      const errors: Record<string, string> = {};
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [id, value] of Object.entries(values)) {
        const f = def.fields.find((x) => x.id === id);
        if (!f) {
          errors[`fields.${id}`] = 'is not a field of this template';
          continue;
        }
        if (!f.fillableBy.includes(actor.type === 'customer' ? 'customer' : 'agent')) {
          errors[`fields.${id}`] = `cannot be filled by ${actor.type}`;
          continue;
        }
        const err = fieldValueError(f, value);
        if (err) {
          errors[`fields.${id}`] = `fields.${id} ${err}`;
          continue;
        }
        const next = isEmptyValue(value) ? undefined : value;
        if (JSON.stringify(s.fieldValues[id]) === JSON.stringify(next)) continue;
        before[id] = s.fieldValues[id] ?? null;
        after[id] = next ?? null;
      }
      if (Object.keys(errors).length) {
        fail('VALIDATION_FAILED', `입력값을 확인하세요: ${Object.keys(errors).join(', ')}`, `Invalid fields: ${Object.keys(errors).join(', ')}`, errors);
      }
      if (Object.keys(after).length === 0) return [];
      const fields = { ...s.fieldValues };
      for (const [id, v] of Object.entries(after)) {
        if (v === null) delete fields[id];
        else fields[id] = v;
      }
      const deadlines = this.deadlinesFor(toTicketRecord(t), def, fields);
      await m.update(TicketScenarioEntity, { ticketId }, { fieldValues: fields, deadlines: toStored(deadlines) });
      s.fieldValues = fields;
      s.deadlines = toStored(deadlines);
      t.nextDeadlineAt = nextDeadline(deadlines, at);
      return [{ kind: 'scenario_fields_changed', before, after }];
    });
  }

  async setChecklistStep(ticketId: string, stepId: string, done: boolean, actor: Actor): Promise<TicketScenarioRecord> {
    return this.withScenario(ticketId, actor, async (_t, s, def, at, m) => {
      const step = def.checklist.find((c) => c.id === stepId);
      if (!step) fail('VALIDATION_FAILED', '체크리스트에 없는 단계입니다.', `No checklist step "${stepId}".`, { stepId: 'unknown step' });
      const current = s.checklist[stepId]?.done ?? false;
      if (current === done) return [];
      if (done) {
        const missing = (step.requires ?? []).filter((f) => isEmptyValue(s.fieldValues[f]));
        if (missing.length) {
          fail(
            'SCENARIO_FIELDS_MISSING',
            `이 단계를 완료하려면 먼저 입력하세요: ${missing.join(', ')}`,
            `Fill these first to complete "${stepId}": ${missing.join(', ')}`,
            Object.fromEntries(missing.map((f) => [`fields.${f}`, 'required by this checklist step'])),
          );
        }
      }
      const checklist = { ...s.checklist, [stepId]: { done, by: actor.id ?? 'system', byName: actor.name, at: at.toISOString() } };
      await m.update(TicketScenarioEntity, { ticketId }, { checklist });
      s.checklist = checklist;
      return [{ kind: 'checklist_changed', before: { step: stepId, done: current }, after: { step: stepId, done } }];
    });
  }

  /** Renders a canned reply of the pinned template for preview (nothing is stored). */
  async preview(
    ticketId: string,
    replyId: string,
    lang: 'ko' | 'en',
    agentName: string,
    resolution?: { code: ResolutionCode; amount?: number; reasonCode?: string },
  ): Promise<{ body: string; missing: string[] }> {
    const ticket = await this.tickets.get(ticketId);
    const s = await this.requireScenario(ticketId);
    const def = s.template!.definition;
    const reply = def.replies.find((r) => r.id === replyId);
    if (!reply) fail('VALIDATION_FAILED', '템플릿에 없는 답변입니다.', `No reply "${replyId}" in this template.`, { replyId: 'unknown reply' });
    return renderReply(reply, this.replyContext(ticket, s, def, agentName, resolution), lang);
  }

  async resolve(ticketId: string, input: ResolveInput, actor: Actor): Promise<TicketScenarioRecord> {
    return this.withScenario(ticketId, actor, async (t, s, def, at, m) => {
      if (s.resolution) fail('ALREADY_RESOLVED', '이미 해결 처리된 티켓입니다.', 'This ticket is already resolved.');
      const res = def.resolutions.find((r) => r.code === input.code);
      if (!res) {
        fail('RESOLUTION_NOT_ALLOWED', `이 템플릿에서 허용되지 않는 처리 결과입니다: ${input.code}`,
          `"${input.code}" is not allowed here; allowed: ${def.resolutions.map((r) => r.code).join(', ')}`,
          { code: `allowed: ${def.resolutions.map((r) => r.code).join(', ')}` });
      }
      const openBlocking = def.checklist.filter((c) => c.blocking && !s.checklist[c.id]?.done);
      if (openBlocking.length) {
        fail('CHECKLIST_INCOMPLETE', `필수 체크리스트 단계가 남아 있습니다: ${openBlocking.map((c) => c.label.ko).join(', ')}`,
          `Blocking checklist steps are not done: ${openBlocking.map((c) => c.id).join(', ')}`,
          Object.fromEntries(openBlocking.map((c) => [`checklist.${c.id}`, 'must be done before resolving'])));
      }
      const required = [...new Set([...def.fields.filter((f) => f.required).map((f) => f.id), ...(res.requires ?? [])])];
      const missing = required.filter((f) => isEmptyValue(s.fieldValues[f]));
      if (missing.length) {
        const labels = missing.map((id) => def.fields.find((f) => f.id === id)?.label.ko ?? id);
        fail('SCENARIO_FIELDS_MISSING', `해결 전에 입력해야 할 항목이 있습니다: ${labels.join(', ')}`,
          `Fill these before resolving with ${input.code}: ${missing.join(', ')}`,
          Object.fromEntries(missing.map((f) => [`fields.${f}`, 'required to resolve'])));
      }
      if (res.requiresAmount) {
        if (input.amount === undefined) fail('VALIDATION_FAILED', '금액을 입력하세요.', `${input.code} needs an amount.`, { amount: 'required for this resolution' });
        const cap = t.orderAmount;
        if (cap !== null && input.amount > cap) {
          fail('VALIDATION_FAILED', `금액이 주문 금액(${cap.toLocaleString('ko-KR')}원)을 넘습니다.`, `Amount exceeds the order amount (${cap} KRW).`, { amount: `must be ≤ ${cap}` });
        }
      } else if (input.amount !== undefined) {
        fail('VALIDATION_FAILED', '이 처리 결과에는 금액을 넣지 않습니다.', `${input.code} takes no amount.`, { amount: 'not used by this resolution' });
      }
      let reason: Localized | null = null;
      if (res.reasonCodes) {
        const r = res.reasonCodes.find((rc) => rc.code === input.reasonCode);
        if (!r) fail('VALIDATION_FAILED', '사유를 선택하세요.', `Pick a reason: ${res.reasonCodes.map((rc) => rc.code).join(', ')}`, { reasonCode: `one of ${res.reasonCodes.map((rc) => rc.code).join(', ')}` });
        reason = r.label;
      } else if (input.reasonCode !== undefined) {
        fail('VALIDATION_FAILED', '이 처리 결과에는 사유 코드가 없습니다.', `${input.code} takes no reason code.`, { reasonCode: 'not used by this resolution' });
      }
      const deadlines = this.deadlinesFor(toTicketRecord(t), def, s.fieldValues);
      if (res.notAfterDeadline) {
        const d = deadlines.find((x) => x.id === res.notAfterDeadline);
        if (d?.dueAt && at > d.dueAt) {
          const dl = def.deadlines.find((x) => x.id === d.id)!;
          const alt = res.alternative ? def.resolutions.find((r) => r.code === res.alternative) : undefined;
          fail('RESOLUTION_DEADLINE_PASSED',
            `${dl.label.ko} 기한(${d.dueAt.toISOString()})이 지나 '${res.label.ko}' 처리를 할 수 없습니다.${alt ? ` 대신 '${alt.label.ko}'(으)로 처리하세요.` : ''}`,
            `The ${dl.label.en} deadline (${d.dueAt.toISOString()}) has passed, so "${res.label.en}" is no longer possible.${alt ? ` Use "${alt.label.en}" (${alt.code}) instead.` : ''}`,
            { code: alt ? `deadline passed; use ${alt.code}` : 'deadline passed' });
        }
      }

      // A full refund is the order amount; other amounts come from the agent.
      const amount = input.amount ?? (res.code === 'full_refund' ? t.orderAmount : null);
      const resolution = { code: res.code, amount, reasonCode: input.reasonCode ?? null, note: input.note?.trim() || null, at: at.toISOString(), by: actor.name };
      await m.update(TicketScenarioEntity, { ticketId }, { resolution });
      s.resolution = resolution;
      const drafts: EventDraft[] = [{ kind: 'resolution_recorded', before: null, after: { ...resolution, label: res.label.ko } }];

      if (input.reply) {
        const ticketRecord = toTicketRecord(t);
        let body = input.reply.body?.trim();
        if (!body) {
          if (!res.reply) fail('VALIDATION_FAILED', '이 처리 결과에는 기본 답변이 없습니다. 본문을 입력하세요.', `${input.code} has no canned reply; send a body.`, { 'reply.body': 'required' });
          const reply = def.replies.find((r) => r.id === res.reply)!;
          body = renderReply(reply, this.replyContext(ticketRecord, s, def, actor.name, { ...input, amount: amount ?? undefined }), input.reply.lang).body;
        }
        const message = m.create(TicketMessageEntity, {
          ticketId, kind: 'public_reply', authorType: actor.type, authorId: actor.id, authorName: actor.name, body, createdAt: at,
        });
        await m.insert(TicketMessageEntity, message);
        drafts.push({ kind: 'message_added', before: null, after: { messageId: message.id, kind: 'public_reply' } });
      }

      const target = res.status ?? 'resolved';
      for (const status of t.status === 'new' ? (['open', target] as const) : ([target] as const)) {
        if (t.status === status) continue;
        const from = t.status;
        Object.assign(t, planStatusChange(from, status, t, at));
        t.status = status;
        drafts.push({ kind: 'status_changed', before: { status: from }, after: { status } });
      }
      t.nextDeadlineAt = null;
      drafts.push(...pendingAutomations(def, `resolution:${res.code}`, s.fieldValues));
      return drafts;
    });
  }

  private async requireScenario(ticketId: string, m: EntityManager = this.db.manager): Promise<TicketScenarioEntity> {
    const s = await m.getRepository(TicketScenarioEntity).findOneBy({ ticketId });
    if (!s) fail('SCENARIO_NOT_APPLIED', '먼저 시나리오 템플릿을 적용하세요.', 'Apply a scenario template to this ticket first.');
    s.template = await this.templates.byId(s.templateId, m);
    return s;
  }

  /** Runs `change` on the locked ticket and its scenario; returns the state as committed. */
  private async withScenario(
    ticketId: string,
    actor: Actor,
    change: (t: TicketEntity, s: TicketScenarioEntity, def: TemplateDefinition, at: Date, m: EntityManager) => Promise<EventDraft[]>,
  ): Promise<TicketScenarioRecord> {
    let scenario!: TicketScenarioEntity;
    const ticket = await this.tickets.applyChange(ticketId, actor, {}, async (t, at, m) => {
      scenario = await this.requireScenario(ticketId, m);
      return change(t, scenario, scenario.template!.definition, at, m);
    });
    return this.toRecord(ticket, scenario, scenario.template!, new Date());
  }

  private deadlinesFor(t: TicketRecord, def: TemplateDefinition, fields: Record<string, unknown>): ComputedDeadline[] {
    return computeDeadlines(def.deadlines, {
      ticketCreatedAt: new Date(t.createdAt),
      orderPaidAt: t.order.paidAt ? new Date(t.order.paidAt) : null,
      expectedDeliveryDate: t.shipment.expectedDeliveryDate,
      fields,
    });
  }

  private replyContext(
    ticket: TicketRecord,
    s: TicketScenarioEntity,
    def: TemplateDefinition,
    agentName: string,
    resolution?: { code: ResolutionCode; amount?: number; reasonCode?: string },
  ): ReplyContext {
    const res = resolution ? def.resolutions.find((r) => r.code === resolution.code) : undefined;
    return {
      ticket,
      fields: s.fieldValues,
      fieldDefs: def.fields,
      deadlines: this.deadlinesFor(ticket, def, s.fieldValues),
      resolution: res
        ? {
            label: res.label,
            amount: resolution?.amount ?? (res.code === 'full_refund' ? ticket.order.amount : null),
            reason: res.reasonCodes?.find((r) => r.code === resolution?.reasonCode)?.label ?? null,
          }
        : s.resolution
          ? {
              label: def.resolutions.find((r) => r.code === s.resolution!.code)?.label ?? { ko: s.resolution.code, en: s.resolution.code },
              amount: s.resolution.amount,
              reason: null,
            }
          : null,
      agentName,
    };
  }

  private toRecord(ticket: TicketRecord, s: TicketScenarioEntity, tpl: ScenarioTemplateEntity, now: Date): TicketScenarioRecord {
    const def = tpl.definition;
    const deadlines = this.deadlinesFor(ticket, def, s.fieldValues);
    return {
      ticketId: s.ticketId,
      templateId: tpl.id,
      templateKey: tpl.key,
      templateVersion: tpl.version,
      title: { ko: tpl.titleKo, en: tpl.titleEn },
      definition: def,
      fields: s.fieldValues,
      missingFields: def.fields.filter((f) => f.required && isEmptyValue(s.fieldValues[f.id])).map((f) => f.id),
      checklist: def.checklist.map((c) => {
        const mark = s.checklist[c.id];
        return { id: c.id, done: mark?.done ?? false, by: mark?.byName ?? null, at: mark?.at ?? null };
      }),
      deadlines: deadlines.map((d) => ({
        id: d.id,
        dueAt: d.dueAt?.toISOString() ?? null,
        warnAt: d.warnAt?.toISOString() ?? null,
        state: s.resolution ? (d.dueAt ? 'ok' : 'unknown') : deadlineState(d, now),
      })),
      resolution: s.resolution,
      appliedAt: s.appliedAt.toISOString(),
    };
  }
}

function toStored(ds: ComputedDeadline[]): StoredDeadline[] {
  return ds.map((d) => ({ id: d.id, dueAt: d.dueAt?.toISOString() ?? null, warnAt: d.warnAt?.toISOString() ?? null }));
}

/**
 * Automations are declared now and executed by later capabilities (reshipments, notifications).
 * Until a runner exists, each firing is recorded on the timeline as pending — never dropped.
 */
function pendingAutomations(def: TemplateDefinition, on: string, fields: Record<string, unknown>): EventDraft[] {
  return def.automations
    .filter((a) => a.on === on && (a.whenMissing ?? []).every((f) => isEmptyValue(fields[f])))
    .map((a) => ({ kind: 'automation_pending', before: null, after: { automationId: a.id, action: a.action, on, label: a.label } }));
}
