import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  BULK_INLINE_MAX,
  BULK_MAX_IDS,
  type BulkActionKind,
  type BulkActionParams,
  type BulkActionRequest,
  type BulkActionStatus,
} from '@shopdesk/contracts/bulk';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@shopdesk/contracts/tickets';
import { roleAtLeast } from '@shopdesk/contracts/users';
import { agentActor, type Actor, type AuthUser } from '../auth/actor';
import { DomainError } from '../core/errors/domain-error';
import { parseListQuery } from '../core/http/list-query';
import { QueueName } from '../core/queue/queue-names';
import { TicketScenarioService } from '../scenarios/ticket-scenario.service';
import { TICKET_LIST_SPEC, TicketsService, type WriteOptions } from '../tickets/tickets.service';
import { UserEntity } from '../users/user.entity';
import { BulkActionEntity } from './bulk-action.entity';
import { bulkActionJobId, RUN_BULK_ACTION, RUN_BULK_ACTION_OPTIONS, type RunBulkActionPayload } from './bulk-actions.job';
import { withRequestId } from '../core/request-context/request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TAG = /^[A-Za-z0-9_\-가-힣]{1,40}$/;
const TEMPLATE_KEY = /^[a-z][a-z0-9_]{2,59}$/;
/** How often (in tickets) the row's totals and the job's progress are refreshed. */
const PROGRESS_EVERY = 10;

type ParsedParams = BulkActionParams[BulkActionKind];

function invalid(field: string, detail: string): never {
  throw new DomainError('VALIDATION_FAILED', `입력값을 확인하세요: ${field} / Invalid input: ${field} ${detail}`, { [field]: detail });
}

/** Checks `params` for `action`; a bad value is a 422 naming `params.<field>`. */
export function parseBulkParams(action: BulkActionKind, p: Record<string, unknown>): ParsedParams {
  switch (action) {
    case 'assign':
      if (p.assigneeId !== null && (typeof p.assigneeId !== 'string' || !UUID.test(p.assigneeId))) {
        invalid('params.assigneeId', 'must be a user id or null');
      }
      return { assigneeId: p.assigneeId as string | null };
    case 'change_status':
      if (!TICKET_STATUSES.includes(p.status as TicketStatus)) invalid('params.status', `must be one of ${TICKET_STATUSES.join(', ')}`);
      return { status: p.status as TicketStatus };
    case 'change_priority':
      if (!TICKET_PRIORITIES.includes(p.priority as TicketPriority)) {
        invalid('params.priority', `must be one of ${TICKET_PRIORITIES.join(', ')}`);
      }
      return { priority: p.priority as TicketPriority };
    case 'add_tag':
    case 'remove_tag':
      if (typeof p.tag !== 'string' || !TAG.test(p.tag.trim())) invalid('params.tag', 'must be 1–40 letters, digits, _ or -');
      return { tag: p.tag.trim().toLowerCase() };
    case 'apply_template':
      if (typeof p.templateKey !== 'string' || !TEMPLATE_KEY.test(p.templateKey)) invalid('params.templateKey', 'must be a template key');
      return { templateKey: p.templateKey };
    case 'send_reply': {
      const hasReply = typeof p.replyId === 'string' && p.replyId.length > 0 && p.replyId.length <= 60;
      const hasBody = typeof p.body === 'string' && p.body.trim().length > 0 && p.body.length <= 20_000;
      if (hasReply === hasBody) invalid('params.replyId', 'give either a template replyId or a text body (up to 20000 characters)');
      return hasReply ? { replyId: p.replyId as string } : { body: (p.body as string).trim() };
    }
  }
}

/**
 * Bulk work on tickets. The selection is resolved to ids when the request is made and stored in
 * `bulk_actions`; each ticket is then changed through TicketsService (its own events, its own
 * transaction). Handled tickets are marked in `bulk_action_items` inside that transaction, so a
 * retried job resumes without applying anything twice. Refusals (illegal transition, closed
 * ticket, missing rights…) are recorded per ticket; infrastructure errors are thrown for BullMQ.
 */
@Injectable()
export class BulkActionsService {
  private readonly logger = new Logger(BulkActionsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    private readonly scenarios: TicketScenarioService,
    @InjectQueue(QueueName.BulkActions) private readonly queue: Queue<RunBulkActionPayload>,
  ) {}

  async request(input: BulkActionRequest, user: AuthUser): Promise<{ jobId: string; state: BulkActionStatus['state'] }> {
    const params = parseBulkParams(input.action, input.params ?? {});
    if ((input.ids === undefined) === (input.filter === undefined)) invalid('ids', 'give either ids or filter (all matching)');
    const ticketIds = input.ids ? [...new Set(input.ids)] : await this.resolveFilter(input.filter!, user);
    const row = await this.db.getRepository(BulkActionEntity).save({
      requesterId: user.id,
      action: input.action,
      params,
      selection: input.ids ? { ids: ticketIds } : { filter: input.filter },
      ticketIds,
      total: ticketIds.length,
    });
    // Small explicit selections (a page at most) are done right away, still one ticket at a time.
    if (input.ids && ticketIds.length <= BULK_INLINE_MAX) {
      const status = await this.run(row.id);
      return { jobId: row.id, state: status.state };
    }
    try {
      await this.queue.add(RUN_BULK_ACTION, withRequestId({ bulkActionId: row.id }), { ...RUN_BULK_ACTION_OPTIONS, jobId: bulkActionJobId(row.id) });
    } catch (err) {
      this.logger.warn({ err, bulkActionId: row.id }, 'Could not queue the bulk action');
      await this.db.getRepository(BulkActionEntity).update({ id: row.id }, { state: 'failed', finishedAt: new Date() });
      throw new DomainError('SERVICE_UNAVAILABLE', '작업 대기열을 쓸 수 없습니다. 잠시 후 다시 시도하세요. / The job queue is unavailable; try again shortly.');
    }
    return { jobId: row.id, state: 'queued' };
  }

  /** The same allowlisted filter as GET /tickets, resolved to ids (oldest first). */
  private async resolveFilter(filter: Record<string, unknown>, user: AuthUser): Promise<string[]> {
    const q = parseListQuery({ filter: JSON.stringify(filter) }, TICKET_LIST_SPEC);
    const { page } = this.tickets.listStatements({ ...q, offset: 0, limit: BULK_MAX_IDS * 10 + 1 }, user.id);
    const rows = await page
      .select('t.id', 'id')
      .orderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getRawMany<{ id: string }>();
    if (rows.length > BULK_MAX_IDS * 10) {
      throw new DomainError(
        'SELECTION_TOO_LARGE',
        `한 번에 최대 ${BULK_MAX_IDS * 10}건까지 처리할 수 있습니다. 필터를 좁혀 주세요. / At most ${BULK_MAX_IDS * 10} tickets at once; narrow the filter.`,
        { filter: `matches more than ${BULK_MAX_IDS * 10} tickets` },
      );
    }
    return rows.map((r) => r.id);
  }

  /** Only the requester, or a lead/admin, may read a bulk request. */
  async status(id: string, user: AuthUser): Promise<BulkActionStatus> {
    const row = await this.db.getRepository(BulkActionEntity).findOneBy({ id });
    if (!row) throw new DomainError('NOT_FOUND', '일괄 작업을 찾을 수 없습니다. / Bulk action not found.');
    if (row.requesterId !== user.id && !roleAtLeast(user.role, 'lead')) {
      throw new DomainError('FORBIDDEN', '요청한 본인이나 리드만 볼 수 있습니다. / Only the requester or a lead may see this.');
    }
    return toStatus(row);
  }

  /** Works through the row's tickets, skipping the ones already handled; safe to call again. */
  async run(id: string, onProgress: (percent: number) => Promise<void> = async () => {}): Promise<BulkActionStatus> {
    const repo = this.db.getRepository(BulkActionEntity);
    const row = await repo.findOneByOrFail({ id });
    if (row.state === 'completed' || row.state === 'failed') return toStatus(row);
    await repo.update({ id }, { state: 'running' });

    const requester = await this.db.getRepository(UserEntity).findOneBy({ id: row.requesterId });
    if (!requester || !requester.active) {
      await repo.update({ id }, { state: 'failed', finishedAt: new Date() });
      return toStatus(await repo.findOneByOrFail({ id }));
    }
    const actor = agentActor({ ...requester, sessionId: '' });
    const handled = new Set(
      ((await this.db.query(`SELECT ticket_id FROM bulk_action_items WHERE bulk_action_id = $1`, [id])) as { ticket_id: string }[]).map(
        (r) => r.ticket_id,
      ),
    );
    let sinceUpdate = 0;
    for (const ticketId of row.ticketIds) {
      if (handled.has(ticketId)) continue;
      await this.applyOne(row, actor, ticketId);
      if (++sinceUpdate >= PROGRESS_EVERY) {
        sinceUpdate = 0;
        await onProgress(await this.refreshTotals(id));
      }
    }
    await this.refreshTotals(id);
    await repo.update({ id }, { state: 'completed', finishedAt: new Date() });
    await onProgress(100);
    return toStatus(await repo.findOneByOrFail({ id }));
  }

  /** Marks a job whose attempts are used up (the processor calls this). */
  async markFailed(id: string): Promise<void> {
    await this.refreshTotals(id);
    await this.db.getRepository(BulkActionEntity).update({ id }, { state: 'failed', finishedAt: new Date() });
  }

  private async applyOne(row: BulkActionEntity, actor: Actor, ticketId: string): Promise<void> {
    const afterCommit: (() => Promise<void>)[] = [];
    try {
      await this.db.transaction(async (m) => {
        // The marker and the change commit together: a retry sees the marker and skips the ticket.
        const claimed = (await m.query(
          `INSERT INTO bulk_action_items (bulk_action_id, ticket_id, outcome) VALUES ($1, $2, 'done')
           ON CONFLICT DO NOTHING RETURNING ticket_id`,
          [row.id, ticketId],
        )) as unknown[];
        if (claimed.length === 0) return;
        await this.perform(row.action, row.params as ParsedParams, ticketId, actor, { enclosing: { m, afterCommit } });
      });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      await this.db.query(
        `INSERT INTO bulk_action_items (bulk_action_id, ticket_id, outcome, reason) VALUES ($1, $2, 'failed', $3) ON CONFLICT DO NOTHING`,
        [row.id, ticketId, err.message],
      );
      return;
    }
    for (const work of afterCommit) {
      try {
        await work();
      } catch (err) {
        this.logger.warn({ err }, 'Post-commit work failed; reconciliation will repair it');
      }
    }
  }

  private async perform(action: BulkActionKind, params: ParsedParams, ticketId: string, actor: Actor, opts: WriteOptions): Promise<void> {
    switch (action) {
      case 'assign':
        await this.tickets.assign(ticketId, (params as BulkActionParams['assign']).assigneeId, actor, opts);
        return;
      case 'change_status':
        await this.tickets.changeStatus(ticketId, (params as BulkActionParams['change_status']).status, actor, opts);
        return;
      case 'change_priority':
        await this.tickets.changePriority(ticketId, (params as BulkActionParams['change_priority']).priority, actor, opts);
        return;
      case 'add_tag':
      case 'remove_tag': {
        const { tag } = params as BulkActionParams['add_tag'];
        await this.tickets.applyChange(ticketId, actor, opts, (t) => {
          const next = action === 'add_tag' ? [...new Set([...t.tags, tag])].sort() : t.tags.filter((x) => x !== tag);
          if (JSON.stringify(next) === JSON.stringify(t.tags)) return [];
          const before = { tags: t.tags };
          t.tags = next;
          return [{ kind: 'tags_changed', before, after: { tags: next } }];
        });
        return;
      }
      case 'apply_template':
        await this.scenarios.apply(ticketId, (params as BulkActionParams['apply_template']).templateKey, actor, opts);
        return;
      case 'send_reply': {
        const p = params as BulkActionParams['send_reply'];
        let body = p.body;
        if (p.replyId) {
          const ticket = await this.tickets.get(ticketId);
          const rendered = await this.scenarios.preview(ticketId, p.replyId, ticket.customer.locale, actor.name);
          if (rendered.missing.length) {
            throw new DomainError(
              'SCENARIO_FIELDS_MISSING',
              `답변에 필요한 값이 없습니다: ${rendered.missing.join(', ')} / The reply needs: ${rendered.missing.join(', ')}`,
            );
          }
          body = rendered.body;
        }
        await this.tickets.addMessage(ticketId, { kind: 'public_reply', body: body! }, actor, opts);
        return;
      }
    }
  }

  /** Recounts done/failed from the markers; returns the progress in percent. */
  private async refreshTotals(id: string): Promise<number> {
    const result = (await this.db.query(
      `UPDATE bulk_actions b SET
         done_count = (SELECT count(*) FROM bulk_action_items i WHERE i.bulk_action_id = b.id AND i.outcome = 'done'),
         failed_count = (SELECT count(*) FROM bulk_action_items i WHERE i.bulk_action_id = b.id AND i.outcome = 'failed'),
         failures = COALESCE((
           SELECT jsonb_agg(jsonb_build_object('ticketId', i.ticket_id, 'reference', COALESCE(t.reference, ''), 'reason', i.reason)
                            ORDER BY t.reference)
             FROM bulk_action_items i LEFT JOIN tickets t ON t.id = i.ticket_id
            WHERE i.bulk_action_id = b.id AND i.outcome = 'failed'), '[]'::jsonb)
       WHERE b.id = $1
       RETURNING b.total, b.done_count, b.failed_count`,
      [id],
    )) as [{ total: number; done_count: number; failed_count: number }[], number];
    // UPDATE … RETURNING through the pg driver answers [rows, affected].
    const row = result[0][0];
    return percent(row.done_count + row.failed_count, row.total);
  }
}

function percent(handled: number, total: number): number {
  return total === 0 ? 100 : Math.floor((handled / total) * 100);
}

function toStatus(row: BulkActionEntity): BulkActionStatus {
  return {
    id: row.id,
    action: row.action,
    state: row.state,
    progress: row.state === 'completed' ? 100 : percent(row.doneCount + row.failedCount, row.total),
    total: row.total,
    done: row.doneCount,
    failed: row.failures,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
