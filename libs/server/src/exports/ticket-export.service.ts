import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { DIRECT_EXPORT_MAX_ROWS, type ExportRecord, type ExportState } from '@shopdesk/contracts/exports';
import type { AuthUser } from '../auth/actor';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { DomainError } from '../core/errors/domain-error';
import { parseListQuery, type RawListQuery } from '../core/http/list-query';
import { QueueName } from '../core/queue/queue-names';
import { TICKET_LIST_SPEC, TicketsService } from '../tickets/tickets.service';
import { TICKET_CSV_COLUMNS, TICKET_CSV_HEADER, ticketCsvLine } from './ticket-csv';
import {
  EXPORT_JOB_OPTIONS,
  EXPORT_TICKETS,
  exportJobId,
  type ExportTicketsPayload,
  type ExportTicketsResult,
} from './ticket-export.job';
import { withRequestId } from '../core/request-context/request-context';

/** Rows per FETCH from the server-side cursor: memory stays flat however many tickets match. */
const FETCH_SIZE = 1_000;

const notFound = () => new DomainError('NOT_FOUND', '내보내기를 찾을 수 없습니다. / Export not found.');

/**
 * CSV exports of exactly what GET /tickets shows for a filter (the same allowlisted parser and
 * WHERE). Rows come from a server-side cursor (DECLARE/FETCH on one dedicated connection inside
 * a read-only transaction), so neither the API nor the worker ever holds all rows.
 */
@Injectable()
export class TicketExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    @InjectQueue(QueueName.Exports) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The export's SELECT (all matching rows, the list's order) and a count bounded at `cap + 1` rows. */
  private statements(raw: RawListQuery, viewerId: string, cap?: number) {
    const query = parseListQuery({ filter: raw.filter, sort: raw.sort }, TICKET_LIST_SPEC);
    const { page } = this.tickets.listStatements(query, viewerId);
    const all = page.offset(undefined).limit(undefined);
    const select = all.clone().select(TICKET_CSV_COLUMNS[0].sql, TICKET_CSV_COLUMNS[0].alias);
    for (const c of TICKET_CSV_COLUMNS.slice(1)) select.addSelect(c.sql, c.alias);
    const [sql, params] = select.getQueryAndParameters();
    const counted = all.clone().select('1').orderBy().limit(cap === undefined ? undefined : cap + 1);
    const [countSql, countParams] = counted.getQueryAndParameters();
    return { sql, params, count: { sql: `SELECT count(*)::int AS n FROM (${countSql}) s`, params: countParams } };
  }

  /** Counts the matching rows up to DIRECT_EXPORT_MAX_ROWS + 1: is this a direct download? */
  async isSmall(raw: RawListQuery, user: AuthUser): Promise<boolean> {
    const { count } = this.statements(raw, user.id, DIRECT_EXPORT_MAX_ROWS);
    const [{ n }] = (await this.db.query(count.sql, count.params)) as { n: number }[];
    return n <= DIRECT_EXPORT_MAX_ROWS;
  }

  /** Streams the CSV into `out`, honouring backpressure; calls `onBatch(rowsSoFar)` after each FETCH. */
  async writeCsv(raw: RawListQuery, viewerId: string, out: Writable, onBatch?: (rows: number) => Promise<void>): Promise<number> {
    const { sql, params } = this.statements(raw, viewerId);
    const write = async (chunk: string) => {
      if (!out.write(chunk)) await once(out, 'drain');
    };
    const runner = this.db.createQueryRunner('slave');
    await runner.connect();
    let rows = 0;
    try {
      await runner.query('BEGIN READ ONLY');
      await runner.query(`DECLARE ticket_export NO SCROLL CURSOR FOR ${sql}`, params);
      await write(TICKET_CSV_HEADER);
      for (;;) {
        const batch = (await runner.query(`FETCH ${FETCH_SIZE} FROM ticket_export`)) as Record<string, unknown>[];
        if (batch.length === 0) break;
        await write(batch.map(ticketCsvLine).join(''));
        rows += batch.length;
        await onBatch?.(rows);
      }
      await runner.query('COMMIT');
    } catch (e) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
    return rows;
  }

  /** Queues a large export for the worker; the caller polls GET /exports/:id. */
  async start(raw: RawListQuery, user: AuthUser, fileName: string): Promise<ExportRecord> {
    this.statements(raw, user.id); // refuse a bad filter now, not in the worker
    const exportId = randomUUID();
    const payload: ExportTicketsPayload = {
      exportId,
      requestedBy: user.id,
      filter: typeof raw.filter === 'string' ? raw.filter : undefined,
      sort: typeof raw.sort === 'string' ? raw.sort : undefined,
      fileName,
      createdAt: new Date().toISOString(),
    };
    await this.queue.add(EXPORT_TICKETS, withRequestId(payload), { ...EXPORT_JOB_OPTIONS, jobId: exportJobId(exportId) });
    return { id: exportId, state: 'queued', progress: 0, rows: null, fileName, createdAt: payload.createdAt };
  }

  /** Worker: writes `<id>.csv.part`, then renames it, so a download never sees half a file. */
  async runJob(job: Job<ExportTicketsPayload>): Promise<ExportTicketsResult> {
    const { exportId, requestedBy, filter, sort } = job.data;
    const { count } = this.statements({ filter, sort }, requestedBy);
    const [{ n: total }] = (await this.db.query(count.sql, count.params)) as { n: number }[];
    await mkdir(this.config.exportsDir, { recursive: true });
    const final = this.filePath(exportId);
    const part = `${final}.part`;
    const out = createWriteStream(part);
    try {
      let reported = 0;
      const rows = await this.writeCsv({ filter, sort }, requestedBy, out, async (done) => {
        const pct = total === 0 ? 100 : Math.floor((100 * done) / total);
        if (pct > reported) await job.updateProgress((reported = pct));
      });
      out.end();
      await once(out, 'finish');
      await rename(part, final);
      await job.updateProgress(100);
      return { rows };
    } catch (e) {
      out.destroy();
      await rm(part, { force: true });
      throw e;
    }
  }

  async status(exportId: string, user: AuthUser): Promise<ExportRecord> {
    const job = await this.ownJob(exportId, user);
    const state = await job.getState();
    const mapped: ExportState =
      state === 'completed' ? 'completed' : state === 'failed' ? 'failed' : state === 'active' ? 'running' : 'queued';
    const result = job.returnvalue as ExportTicketsResult | null;
    return {
      id: exportId,
      state: mapped,
      progress: typeof job.progress === 'number' ? job.progress : 0,
      rows: mapped === 'completed' && result ? result.rows : null,
      fileName: job.data.fileName,
      createdAt: job.data.createdAt,
    };
  }

  async openDownload(exportId: string, user: AuthUser): Promise<{ stream: ReadStream; fileName: string; size: number }> {
    const job = await this.ownJob(exportId, user);
    if ((await job.getState()) !== 'completed') {
      throw new DomainError('NOT_FOUND', '내보내기가 아직 끝나지 않았습니다. / The export is not finished yet.');
    }
    const path = this.filePath(exportId);
    const size = (await stat(path).catch(() => null))?.size;
    if (size === undefined) throw notFound();
    return { stream: createReadStream(path), fileName: job.data.fileName, size };
  }

  /** Someone else's export answers like a missing one. */
  private async ownJob(exportId: string, user: AuthUser): Promise<Job<ExportTicketsPayload>> {
    const job = (await this.queue.getJob(exportJobId(exportId))) as Job<ExportTicketsPayload> | undefined;
    if (!job || job.data.requestedBy !== user.id) throw notFound();
    return job;
  }

  private filePath(exportId: string): string {
    return join(this.config.exportsDir, `${exportId}.csv`);
  }
}
