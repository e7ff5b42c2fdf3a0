import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider } from 'react-admin';
import type { TicketSlaRecord } from '@shopdesk/contracts/sla';
import type {
  MessageKind,
  TicketMessageRecord,
  TicketPriority,
  TicketRecord,
  TicketStatus,
} from '@shopdesk/contracts/tickets';
import type {
  ResolutionCode,
  TemplateRecord,
  TemplateSuggestion,
  TicketScenarioRecord,
} from '@shopdesk/contracts/scenarios';
import type { NotificationRecord, SlaSummary } from '../sla/types';
import { calendarErrorsToForm } from '../sla/calendar-form';
import type { ShipmentRecord } from '../tracking/types';
import type { AttachmentRecord } from '@shopdesk/contracts/public';
import type { ReshipmentRecord } from '@shopdesk/contracts/reshipments';
import type { OutboundMessageRecord } from '@shopdesk/contracts/mail';
import { httpClient } from './http-client';

// The API is served from the same origin as the built admin (and proxied by the Vite dev server).
const apiUrl = '';

/** Ticket commands beyond CRUD; each returns the updated record (or the new message). */
export interface ShopDeskDataProvider extends DataProvider {
  addTicketMessage(
    ticketId: string,
    input: { kind: Extract<MessageKind, 'public_reply' | 'internal_note'>; body: string },
  ): Promise<{ data: TicketMessageRecord }>;
  assignTicket(ticketId: string, assigneeId: string | null): Promise<{ data: TicketRecord }>;
  changeTicketStatus(ticketId: string, status: TicketStatus): Promise<{ data: TicketRecord }>;
  changeTicketPriority(ticketId: string, priority: TicketPriority): Promise<{ data: TicketRecord }>;
  setTicketTags(ticketId: string, tags: string[]): Promise<{ data: TicketRecord }>;

  // Scenario templates on one ticket (/tickets/:id/scenario…); each write returns the updated state.
  getTicketScenario(ticketId: string): Promise<{ data: TicketScenarioRecord | null }>;
  getScenarioSuggestions(ticketId: string): Promise<{ data: TemplateSuggestion[] }>;
  applyScenarioTemplate(ticketId: string, templateKey: string): Promise<{ data: TicketScenarioRecord }>;
  setScenarioFields(ticketId: string, fields: Record<string, unknown>): Promise<{ data: TicketScenarioRecord }>;
  setScenarioChecklistStep(ticketId: string, stepId: string, done: boolean): Promise<{ data: TicketScenarioRecord }>;
  previewScenarioReply(
    ticketId: string,
    replyId: string,
    input: ReplyPreviewInput,
  ): Promise<{ data: { body: string; missing: string[] } }>;
  resolveScenario(ticketId: string, input: ResolveScenarioInput): Promise<{ data: TicketScenarioRecord }>;
  /** Every saved version of a template, newest first (each with its own uuid id). */
  getTemplateVersions(key: string): Promise<{ data: TemplateRecord[] }>;

  // SLA.
  /** Every SLA target of a ticket (first reply, next reply, resolution). */
  getTicketSla(ticketId: string): Promise<{ data: TicketSlaRecord[] }>;
  getSlaSummary(): Promise<{ data: SlaSummary }>;
  markNotificationRead(id: string): Promise<{ data: NotificationRecord }>;

  // Courier tracking.
  /** The tracked shipments of the ticket's waybill with their scans, newest first. */
  getTicketShipments(ticketId: string): Promise<{ data: ShipmentRecord[] }>;

  // Reshipments ("재배송"): the ticket's requests to the warehouse, newest first.
  getTicketReshipments(ticketId: string): Promise<{ data: ReshipmentRecord[] }>;
  getTicketAttachments(ticketId: string): Promise<{ data: AttachmentRecord[] }>;
  requestReshipment(ticketId: string, input: ReshipmentInput): Promise<{ data: ReshipmentRecord }>;
  /** Only a failed request can be retried. */
  retryReshipment(id: string): Promise<{ data: ReshipmentRecord }>;
  /** Only a requested or failed request can be cancelled. */
  cancelReshipment(id: string): Promise<{ data: ReshipmentRecord }>;

  /** E-mails about the ticket (customer and SLA escalations), newest first. */
  getTicketOutboundMessages(ticketId: string): Promise<{ data: OutboundMessageRecord[] }>;
}

export interface ReshipmentInput {
  items: { sku: string; qty: number; name?: string }[];
  reason: string;
}

export interface ReplyPreviewInput {
  lang: 'ko' | 'en';
  code?: ResolutionCode;
  amount?: number;
  reasonCode?: string;
}

export interface ResolveScenarioInput {
  code: ResolutionCode;
  amount?: number;
  reasonCode?: string;
  note?: string;
  reply?: { lang: 'ko' | 'en'; body?: string };
}

async function postTicketCommand<T>(ticketId: string, command: string, body: unknown): Promise<{ data: T }> {
  const { json } = await httpClient(`${apiUrl}/tickets/${encodeURIComponent(ticketId)}/${command}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  return { data: json as T };
}

async function call<T>(path: string, method = 'GET', body?: unknown): Promise<{ data: T }> {
  const { json } = await httpClient(`${apiUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { data: json as T };
}

const scenarioPath = (ticketId: string, rest = '') => `/tickets/${encodeURIComponent(ticketId)}/scenario${rest}`;

const rest = simpleRestProvider(apiUrl, httpClient);

export const dataProvider: ShopDeskDataProvider = {
  ...rest,
  /**
   * Templates are addressed by key and the API's `id` filter takes a single key, so the
   * simple-rest `filter={"id":[…]}` of getMany would be rejected: fetch each key instead
   * (a page of tickets references a handful of templates at most).
   */
  getMany: async (resource, params) => {
    if (resource !== 'scenario-templates') return rest.getMany(resource, params);
    const keys = [...new Set(params.ids.map(String))];
    const settled = await Promise.allSettled(
      keys.map((key) => call<TemplateRecord>(`/scenario-templates/${encodeURIComponent(key)}`)),
    );
    // A deleted or unknown key must not blank every other title on the page.
    const data = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value.data] : []));
    return { data } as never;
  },
  /**
   * The calendar form edits `hours`/`closed` rows instead of the API's `weekly`/`closedDays`
   * arrays: the API's 422 paths (`weekly[1][0]`, `closedDays[2]`) are moved onto those rows.
   */
  update: async (resource, params) => {
    if (resource !== 'business-calendars') return rest.update(resource, params);
    try {
      return await rest.update(resource, params);
    } catch (error) {
      const body = error instanceof HttpError ? (error.body as { errors?: Record<string, unknown> } | undefined) : undefined;
      if (!(error instanceof HttpError) || !body?.errors) throw error;
      throw new HttpError(error.message, error.status, { ...body, errors: calendarErrorsToForm(body.errors) });
    }
  },
  addTicketMessage: (ticketId, input) => postTicketCommand<TicketMessageRecord>(ticketId, 'messages', input),
  assignTicket: (ticketId, assigneeId) => postTicketCommand<TicketRecord>(ticketId, 'assign', { assigneeId }),
  changeTicketStatus: (ticketId, status) => postTicketCommand<TicketRecord>(ticketId, 'status', { status }),
  changeTicketPriority: (ticketId, priority) => postTicketCommand<TicketRecord>(ticketId, 'priority', { priority }),
  setTicketTags: (ticketId, tags) => postTicketCommand<TicketRecord>(ticketId, 'tags', { tags }),

  getTicketScenario: async (ticketId) => {
    const { data } = await call<{ scenario: TicketScenarioRecord | null }>(scenarioPath(ticketId));
    return { data: data.scenario };
  },
  getScenarioSuggestions: (ticketId) => call<TemplateSuggestion[]>(scenarioPath(ticketId, '/suggestions')),
  applyScenarioTemplate: (ticketId, templateKey) =>
    call<TicketScenarioRecord>(scenarioPath(ticketId), 'POST', { templateKey }),
  setScenarioFields: (ticketId, fields) =>
    call<TicketScenarioRecord>(scenarioPath(ticketId, '/fields'), 'PUT', { fields }),
  setScenarioChecklistStep: (ticketId, stepId, done) =>
    call<TicketScenarioRecord>(scenarioPath(ticketId, `/checklist/${encodeURIComponent(stepId)}`), 'POST', { done }),
  previewScenarioReply: (ticketId, replyId, input) =>
    call<{ body: string; missing: string[] }>(
      scenarioPath(ticketId, `/replies/${encodeURIComponent(replyId)}/preview`),
      'POST',
      input,
    ),
  resolveScenario: (ticketId, input) => call<TicketScenarioRecord>(scenarioPath(ticketId, '/resolve'), 'POST', input),
  getTemplateVersions: (key) => call<TemplateRecord[]>(`/scenario-templates/${encodeURIComponent(key)}/versions`),

  getTicketSla: (ticketId) => call<TicketSlaRecord[]>(`/tickets/${encodeURIComponent(ticketId)}/sla`),
  getSlaSummary: () => call<SlaSummary>('/sla/summary'),
  markNotificationRead: (id) => call<NotificationRecord>(`/notifications/${encodeURIComponent(id)}/read`, 'POST', {}),

  getTicketShipments: (ticketId) => call<ShipmentRecord[]>(`/tickets/${encodeURIComponent(ticketId)}/shipments`),

  getTicketReshipments: (ticketId) => call<ReshipmentRecord[]>(`/tickets/${encodeURIComponent(ticketId)}/reshipments`),
  getTicketAttachments: (ticketId) => call<AttachmentRecord[]>(`/tickets/${encodeURIComponent(ticketId)}/attachments`),
  requestReshipment: (ticketId, input) =>
    call<ReshipmentRecord>(`/tickets/${encodeURIComponent(ticketId)}/reshipments`, 'POST', input),
  retryReshipment: (id) => call<ReshipmentRecord>(`/reshipments/${encodeURIComponent(id)}/retry`, 'POST', {}),
  cancelReshipment: (id) => call<ReshipmentRecord>(`/reshipments/${encodeURIComponent(id)}/cancel`, 'POST', {}),

  getTicketOutboundMessages: (ticketId) =>
    call<OutboundMessageRecord[]>(`/tickets/${encodeURIComponent(ticketId)}/outbound-messages`),
};
