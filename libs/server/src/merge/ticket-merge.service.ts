import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TicketRecord, TicketStatus } from '@shopdesk/contracts/tickets';
import { roleAtLeast } from '@shopdesk/contracts/users';
import { agentActor, type AuthUser } from '../auth/actor';
import { containsPattern } from '../core/db/like-pattern';
import { DomainError } from '../core/errors/domain-error';
import { TicketsService } from '../tickets/tickets.service';

interface LockedTicket {
  id: string;
  reference: string;
  status: TicketStatus;
  customer_email: string | null;
  order_number: string | null;
  courier_code: string | null;
  waybill_number: string | null;
  merged_into_id: string | null;
}

export interface MergeCandidate {
  id: string;
  reference: string;
  subject: string;
  status: TicketStatus;
  customerName: string;
  customerEmail: string | null;
  orderNumber: string | null;
  /** Same customer e-mail or order number as the ticket being merged. */
  sameCustomer: boolean;
}

/** Rows that belong to the conversation and follow it to the surviving ticket. */
const MOVED_TABLES = {
  messages: 'ticket_messages',
  attachments: 'attachments',
  accessTokens: 'customer_access_tokens',
  reshipments: 'reshipment_requests',
} as const;

function refused(message: string, errors?: Record<string, string>): DomainError {
  return new DomainError('MERGE_REFUSED', message, errors);
}

/**
 * Merges a duplicate ticket into a surviving one, in one transaction: messages, attachments,
 * the customer's access tokens and reshipment requests move; the survivor adopts the waybill
 * (so the shipment's scans show there) when it has none; both tickets get a `merged` event and
 * the duplicate is closed with `merged_into_id`. The duplicate's own events stay where they are
 * (ticket_events is append-only); its status link keeps working because the customer portal
 * follows `merged_into_id`.
 */
@Injectable()
export class TicketMergeService {
  private readonly logger = new Logger(TicketMergeService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
  ) {}

  async merge(sourceId: string, input: { intoId: string; force?: boolean }, user: AuthUser): Promise<TicketRecord> {
    const { intoId } = input;
    if (sourceId === intoId) {
      throw new DomainError('VALIDATION_FAILED', '티켓을 자기 자신에 병합할 수 없습니다. / A ticket cannot be merged into itself.', {
        intoId: 'must be another ticket',
      });
    }
    const actor = agentActor(user);
    const afterCommit: (() => Promise<void>)[] = [];
    await this.db.transaction(async (m) => {
      // Lock both rows in id order so two opposite merges cannot deadlock.
      const rows = (await m.query(
        `SELECT id, reference, status, customer_email, order_number, courier_code, waybill_number, merged_into_id
           FROM tickets WHERE id IN ($1, $2) ORDER BY id FOR UPDATE`,
        [sourceId, intoId],
      )) as LockedTicket[];
      const source = rows.find((r) => r.id === sourceId);
      const target = rows.find((r) => r.id === intoId);
      if (!source) throw new DomainError('TICKET_NOT_FOUND', `티켓을 찾을 수 없습니다. / Ticket ${sourceId} not found.`);
      if (!target) {
        throw new DomainError('TICKET_NOT_FOUND', `병합할 티켓을 찾을 수 없습니다. / Ticket ${intoId} not found.`, { intoId: 'no such ticket' });
      }
      this.checkMergeable(source, target, input.force === true, user);

      const moved: Record<keyof typeof MOVED_TABLES, number> = { messages: 0, attachments: 0, accessTokens: 0, reshipments: 0 };
      for (const [key, table] of Object.entries(MOVED_TABLES) as [keyof typeof MOVED_TABLES, string][]) {
        moved[key] = await moveRows(m, table, source.id, target.id);
      }
      const adoptWaybill = !target.waybill_number && !!source.waybill_number;
      const opts = { enclosing: { m, afterCommit } };

      await this.tickets.applyChange(target.id, actor, opts, (t) => {
        const drafts = [
          {
            kind: 'merged' as const,
            before: null,
            after: { role: 'survivor', fromId: source.id, fromReference: source.reference, moved, waybillAdopted: adoptWaybill },
          },
        ];
        if (!adoptWaybill) return drafts;
        const before = { courierCode: t.courierCode, waybillNumber: t.waybillNumber };
        t.courierCode = source.courier_code;
        t.waybillNumber = source.waybill_number;
        return [...drafts, { kind: 'details_changed' as const, before, after: { courierCode: t.courierCode, waybillNumber: t.waybillNumber } }];
      });

      await this.tickets.applyChange(source.id, actor, opts, (t, at) => {
        const from = t.status;
        // Merging closes from any open state: the conversation lives on in the survivor.
        t.status = 'closed';
        t.resolvedAt = t.resolvedAt ?? at;
        t.closedAt = at;
        t.mergedIntoId = target.id;
        return [
          { kind: 'merged', before: null, after: { role: 'merged', intoId: target.id, intoReference: target.reference, moved } },
          { kind: 'status_changed', before: { status: from }, after: { status: 'closed', reason: 'merged' } },
        ];
      });
    });
    for (const work of afterCommit) {
      try {
        await work();
      } catch (err) {
        this.logger.warn({ err }, 'Post-commit work failed; reconciliation will repair it');
      }
    }
    return this.tickets.get(intoId);
  }

  private checkMergeable(source: LockedTicket, target: LockedTicket, force: boolean, user: AuthUser): void {
    if (source.status === 'closed' || source.merged_into_id) {
      throw refused('종료되었거나 이미 병합된 티켓은 병합할 수 없습니다. / A closed or already merged ticket cannot be merged.');
    }
    if (target.status === 'closed' || target.merged_into_id) {
      throw refused('종료되었거나 병합된 티켓으로는 병합할 수 없습니다. / Cannot merge into a closed or merged ticket.', {
        intoId: 'is closed or merged',
      });
    }
    const sameEmail = !!source.customer_email && source.customer_email === target.customer_email;
    const sameOrder = !!source.order_number && source.order_number === target.order_number;
    if (sameEmail || sameOrder) return;
    if (!force) {
      throw refused(
        '고객 이메일과 주문번호가 모두 다릅니다. 리드만 강제로 병합할 수 있습니다. / ' +
          'Customer e-mail and order number both differ; only a lead can force this merge.',
        { intoId: 'different customer and order' },
      );
    }
    if (!roleAtLeast(user.role, 'lead')) {
      throw new DomainError('FORBIDDEN', '강제 병합은 리드만 할 수 있습니다. / Only a lead can force a merge.', { force: 'needs the lead role' });
    }
  }

  /** Open tickets to merge into: the same customer's (e-mail or order number) first, then matches of `q`. */
  async candidates(sourceId: string, q?: string): Promise<MergeCandidate[]> {
    const [source] = (await this.db.query(`SELECT customer_email, order_number FROM tickets WHERE id = $1`, [sourceId])) as {
      customer_email: string | null;
      order_number: string | null;
    }[];
    if (!source) throw new DomainError('TICKET_NOT_FOUND', `티켓을 찾을 수 없습니다. / Ticket ${sourceId} not found.`);
    const pattern = q?.trim() ? containsPattern(q.trim()) : null;
    const rows = (await this.db.query(
      `SELECT id, reference, subject, status, customer_name, customer_email, order_number,
              ((customer_email IS NOT NULL AND customer_email = $2) OR (order_number IS NOT NULL AND order_number = $3)) AS same_customer
         FROM tickets
        WHERE id <> $1 AND status <> 'closed' AND merged_into_id IS NULL
          AND (((customer_email IS NOT NULL AND customer_email = $2) OR (order_number IS NOT NULL AND order_number = $3))
               OR ($4::text IS NOT NULL AND (reference ILIKE $4 OR customer_email ILIKE $4 OR order_number ILIKE $4 OR subject ILIKE $4)))
        ORDER BY same_customer DESC, created_at DESC
        LIMIT 10`,
      [sourceId, source.customer_email, source.order_number, pattern],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: String(r.id),
      reference: String(r.reference),
      subject: String(r.subject),
      status: r.status as TicketStatus,
      customerName: String(r.customer_name),
      customerEmail: (r.customer_email as string | null) ?? null,
      orderNumber: (r.order_number as string | null) ?? null,
      sameCustomer: r.same_customer === true,
    }));
  }
}

async function moveRows(m: EntityManager, table: string, fromId: string, toId: string): Promise<number> {
  const [{ n }] = (await m.query(
    `WITH moved AS (UPDATE ${table} SET ticket_id = $2 WHERE ticket_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM moved`,
    [fromId, toId],
  )) as { n: number }[];
  return n;
}
