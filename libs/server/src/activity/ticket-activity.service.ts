import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type ProjectionResult = 'projected' | 'already_projected' | 'missing';

/**
 * Maintains ticket_stats_daily from ticket_events. Each event is projected at most once: the
 * marker row in ticket_event_projections and the counter update share one transaction.
 */
@Injectable()
export class TicketActivityService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async project(eventId: string): Promise<ProjectionResult> {
    return this.db.transaction(async (m) => {
      const events = (await m.query(
        `SELECT e.id, e.kind, e.after, e.at, t.type
           FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
          WHERE e.id = $1`,
        [eventId],
      )) as { id: string; kind: string; after: Record<string, unknown> | null; at: Date; type: string }[];
      if (events.length === 0) return 'missing';
      const marked = (await m.query(
        `INSERT INTO ticket_event_projections (event_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING event_id`,
        [eventId],
      )) as unknown[];
      if (marked.length === 0) return 'already_projected';

      const e = events[0];
      const created = e.kind === 'created' ? 1 : 0;
      const resolved = e.kind === 'status_changed' && e.after?.status === 'resolved' ? 1 : 0;
      if (created || resolved) {
        await m.query(
          `INSERT INTO ticket_stats_daily (day, type, created_count, resolved_count)
           VALUES ((($1::timestamptz) AT TIME ZONE 'Asia/Seoul')::date, $2, $3, $4)
           ON CONFLICT (day, type) DO UPDATE
             SET created_count = ticket_stats_daily.created_count + EXCLUDED.created_count,
                 resolved_count = ticket_stats_daily.resolved_count + EXCLUDED.resolved_count`,
          [e.at, e.type, created, resolved],
        );
      }
      return 'projected';
    });
  }

  /** Events older than `graceMs` that were never projected (their job was lost or never queued). */
  async findUnprojected(graceMs: number, limit = 1_000): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT e.id FROM ticket_events e
        WHERE NOT EXISTS (SELECT 1 FROM ticket_event_projections p WHERE p.event_id = e.id)
          AND e.at < now() - ($1::int * interval '1 millisecond')
        ORDER BY e.id LIMIT $2`,
      [graceMs, limit],
    )) as { id: string }[];
    return rows.map((r) => String(r.id));
  }
}
