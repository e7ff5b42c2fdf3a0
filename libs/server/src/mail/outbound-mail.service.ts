import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { MailLocale, OutboundMailKind, OutboundMessageRecord } from '@shopdesk/contracts/mail';
import { isEmail } from '@shopdesk/contracts/public';
import type { Localized } from '@shopdesk/contracts/scenarios';
import type { SlaRung, SlaTarget } from '@shopdesk/contracts/sla';
import { firstReplyDueAt } from '../sla/first-reply-due';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { writeOutbox } from '../core/outbox/outbox';
import { QueueName } from '../core/queue/queue-names';
import type { TicketEntity } from '../tickets/ticket.entity';
import { TicketsService, type TicketChangeContext } from '../tickets/tickets.service';
import {
  renderAccessLink,
  renderAgentReply,
  renderConfirmation,
  renderResolution,
  renderSlaEscalation,
  type CustomerMailContext,
  type RenderedMail,
} from './mail-renderer';
import { OutboundMessageEntity } from './outbound-message.entity';
import { mailJobId, SEND_MAIL } from './send-mail.job';

/** One mail to queue; the body is final except for `{{statusUrl}}`. */
export interface MailDraft {
  ticketId: string | null;
  kind: OutboundMailKind;
  to: string;
  locale: MailLocale;
  subject: string;
  bodyText: string;
  /** Each trigger queues at most one mail: `agent_reply:<messageId>`, `confirmation:<ticketId>`, … */
  dedupeKey: string;
}

/** "Lost my link" requests within this window share one mail. */
const ACCESS_LINK_WINDOW_MS = 5 * 60_000;

/**
 * A change dated further back than this is history being written (the demo seed, imports pass
 * `at`): nobody is e-mailed about it.
 */
const BACKDATED_AFTER_MS = 10 * 60_000;

/** The rungs that e-mail leads and admins (warnings stay in-app). */
const MAILED_RUNGS: SlaRung[] = ['breach', 'escalate'];

interface TicketFacts {
  id: string;
  reference: string;
  subject: string;
  customerName: string;
  customerEmail: string | null;
  customerLocale: MailLocale;
}

/**
 * Outbound e-mail, queueing side: every mail is a row in `outbound_messages` plus an outbox
 * message, written in the transaction of the change that triggers it, so a mail is queued exactly
 * when the change commits (and survives Redis being down). Bodies are rendered now, in the
 * customer's language, and stored; the worker (`MailDeliveryService`) sends them.
 */
@Injectable()
export class OutboundMailService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.tickets.addListener({ onTicketChange: (ctx) => this.onTicketChange(ctx) });
  }

  /**
   * Inserts the mail and its outbox message in `m`'s transaction. Returns the new id, or null when
   * the dedupe key was already used. An address that cannot receive mail is stored as not sent.
   */
  async queue(m: EntityManager, draft: MailDraft): Promise<string | null> {
    const deliverable = isEmail(draft.to);
    const rows = (await m.query(
      `INSERT INTO outbound_messages (ticket_id, kind, to_address, locale, subject, body_text, dedupe_key, status, status_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        draft.ticketId,
        draft.kind,
        draft.to,
        draft.locale,
        draft.subject,
        draft.bodyText,
        draft.dedupeKey,
        deliverable ? 'queued' : 'not_sent',
        deliverable ? null : 'invalid address',
      ],
    )) as { id: string }[];
    const id = rows[0]?.id;
    if (!id) return null;
    if (deliverable) {
      await writeOutbox(m, {
        topic: `mail.${draft.kind}`,
        queue: QueueName.Notifications,
        jobName: SEND_MAIL,
        jobId: mailJobId(id),
        data: { messageId: id },
      });
    }
    return id;
  }

  /**
   * The public form's acknowledgement; call it in the transaction that created the ticket (after
   * `TicketsService.create`, so the SLA timers exist). Null when the ticket has no e-mail address.
   */
  async queueConfirmation(m: EntityManager, ticketId: string): Promise<string | null> {
    const t = await this.ticketFacts(m, ticketId);
    if (!t?.customerEmail) return null;
    const rendered = renderConfirmation(t.customerLocale, { ...customerContext(t), firstReplyDueAt: await firstReplyDueAt(m, ticketId) });
    return this.queueForCustomer(m, t, 'confirmation', rendered, `confirmation:${ticketId}`);
  }

  /**
   * "I lost my link": a mail with a fresh private link. Requests for the same ticket within five
   * minutes share one mail (so a double click sends one). Null without an e-mail address or when
   * a mail of this window is already queued.
   */
  async queueAccessLink(m: EntityManager, ticketId: string, at: Date = new Date()): Promise<string | null> {
    const t = await this.ticketFacts(m, ticketId);
    if (!t?.customerEmail) return null;
    const bucket = Math.floor(at.getTime() / ACCESS_LINK_WINDOW_MS);
    return this.queueForCustomer(m, t, 'access_link', renderAccessLink(t.customerLocale, customerContext(t)), `access_link:${ticketId}:${bucket}`);
  }

  /** `GET /tickets/:id/outbound-messages`, newest first. */
  async forTicket(ticketId: string): Promise<OutboundMessageRecord[]> {
    const rows = await this.db
      .getRepository(OutboundMessageEntity)
      .find({ where: { ticketId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return rows.map(toRecord);
  }

  // ---- triggers inside ticket changes ----------------------------------------------------------

  /**
   * Public replies and resolution mail the customer; SLA breaches and escalations mail leads and
   * admins. A reply sent together with the resolution (a template's canned answer) goes into the
   * resolution mail rather than a second mail.
   */
  private async onTicketChange(ctx: TicketChangeContext): Promise<void> {
    const { m, ticket: t, before, drafts, at } = ctx;
    if (Date.now() - at.getTime() > BACKDATED_AFTER_MS) return;
    await this.onSlaRungs(ctx);

    const replyIds = drafts
      .filter((d) => d.kind === 'message_added' && (d.after as { kind?: string } | null)?.kind === 'public_reply')
      .map((d) => String((d.after as { messageId: string }).messageId));
    const resolvedNow = before !== null && before.status !== 'resolved' && t.status === 'resolved';
    if ((!replyIds.length && !resolvedNow) || !t.customerEmail) return;

    const facts = entityFacts(t);
    const replies = replyIds.length
      ? ((await m.query(`SELECT id, body FROM ticket_messages WHERE id = ANY($1::uuid[]) ORDER BY created_at, id`, [replyIds])) as {
          id: string;
          body: string;
        }[])
      : [];
    if (resolvedNow) {
      const rendered = renderResolution(facts.customerLocale, {
        ...customerContext(facts),
        resolutionLabel: await this.resolutionLabel(m, t.id, facts.customerLocale),
        replyTexts: replies.map((r) => r.body),
        reopenDays: this.config.publicForm.reopenDays,
      });
      await this.queueForCustomer(m, facts, 'resolution', rendered, `resolution:${t.id}:${at.getTime()}`);
      return;
    }
    for (const r of replies) {
      const rendered = renderAgentReply(facts.customerLocale, { ...customerContext(facts), replyText: r.body });
      await this.queueForCustomer(m, facts, 'agent_reply', rendered, `agent_reply:${r.id}`);
    }
  }

  /** Leads and admins hear about a breach or escalation by e-mail too (the in-app notification is the SLA service's). */
  private async onSlaRungs(ctx: TicketChangeContext): Promise<void> {
    const { m, ticket: t, drafts } = ctx;
    // The highest rung per target: a late escalation applies the breach it implies in the same change.
    const fired = new Map<SlaTarget, { rung: SlaRung; dueAt: string | null }>();
    for (const d of drafts) {
      if (d.kind !== 'sla_breached' && d.kind !== 'sla_escalated') continue;
      const a = d.after as { target: SlaTarget; rung: SlaRung; dueAt: string | null };
      if (!MAILED_RUNGS.includes(a.rung)) continue;
      const seen = fired.get(a.target);
      if (!seen || MAILED_RUNGS.indexOf(a.rung) > MAILED_RUNGS.indexOf(seen.rung)) fired.set(a.target, { rung: a.rung, dueAt: a.dueAt });
    }
    if (fired.size === 0) return;
    const staff = (await m.query(
      `SELECT id, email, name FROM users WHERE active AND role IN ('lead', 'admin') AND email <> '' ORDER BY email`,
    )) as { id: string; email: string; name: string }[];
    if (staff.length === 0) return;
    const assigneeName = t.assigneeId
      ? (((await m.query(`SELECT name FROM users WHERE id = $1`, [t.assigneeId])) as { name: string }[])[0]?.name ?? null)
      : null;
    for (const [target, { rung, dueAt }] of fired) {
      for (const u of staff) {
        const rendered = renderSlaEscalation({
          reference: t.reference,
          subject: t.subject,
          recipientName: u.name,
          target,
          rung,
          dueAt: dueAt ? new Date(dueAt) : null,
          priority: t.priority,
          assigneeName,
          ticketUrl: `${this.config.publicBaseUrl}/#/tickets/${t.id}/show`,
        });
        await this.queue(m, {
          ticketId: t.id,
          kind: 'sla_escalation',
          to: u.email,
          locale: 'ko',
          subject: rendered.subject,
          bodyText: rendered.text,
          dedupeKey: `sla_escalation:${t.id}:${target}:${rung}:${dueAt ?? 'none'}:${u.id}`,
        });
      }
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private queueForCustomer(m: EntityManager, t: TicketFacts, kind: OutboundMailKind, rendered: RenderedMail, dedupeKey: string) {
    return this.queue(m, {
      ticketId: t.id,
      kind,
      to: t.customerEmail!,
      locale: t.customerLocale,
      subject: rendered.subject,
      bodyText: rendered.text,
      dedupeKey,
    });
  }

  private async ticketFacts(m: EntityManager, ticketId: string): Promise<TicketFacts | null> {
    const [row] = (await m.query(
      `SELECT id, reference, subject, customer_name, customer_email, customer_locale FROM tickets WHERE id = $1`,
      [ticketId],
    )) as { id: string; reference: string; subject: string; customer_name: string; customer_email: string | null; customer_locale: string }[];
    if (!row) return null;
    return {
      id: row.id,
      reference: row.reference,
      subject: row.subject,
      customerName: row.customer_name,
      customerEmail: row.customer_email,
      customerLocale: row.customer_locale === 'en' ? 'en' : 'ko',
    };
  }

  /** The label of the template resolution recorded on the ticket, in the customer's language. */
  private async resolutionLabel(m: EntityManager, ticketId: string, locale: MailLocale): Promise<string | null> {
    const [row] = (await m.query(
      `SELECT s.resolution->>'code' AS code, tpl.definition->'resolutions' AS resolutions
         FROM ticket_scenarios s JOIN scenario_templates tpl ON tpl.id = s.template_id
        WHERE s.ticket_id = $1 AND s.resolution IS NOT NULL`,
      [ticketId],
    )) as { code: string; resolutions: { code: string; label: Localized }[] | null }[];
    if (!row?.code) return null;
    return row.resolutions?.find((r) => r.code === row.code)?.label[locale] ?? null;
  }
}

function entityFacts(t: TicketEntity): TicketFacts {
  return {
    id: t.id,
    reference: t.reference,
    subject: t.subject,
    customerName: t.customerName,
    customerEmail: t.customerEmail,
    customerLocale: t.customerLocale === 'en' ? 'en' : 'ko',
  };
}

function customerContext(t: TicketFacts): CustomerMailContext {
  return { reference: t.reference, customerName: t.customerName, subject: t.subject };
}

function toRecord(r: OutboundMessageEntity): OutboundMessageRecord {
  return {
    id: r.id,
    kind: r.kind,
    to: r.toAddress,
    locale: r.locale,
    subject: r.subject,
    body: r.bodyText,
    status: r.status,
    statusReason: r.statusReason,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  };
}
