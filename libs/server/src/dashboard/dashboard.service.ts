import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DashboardStats } from '@shopdesk/contracts/dashboard';
import { TICKET_TYPES, type TicketStatus, type TicketType } from '@shopdesk/contracts/tickets';
import { roleAtLeast } from '@shopdesk/contracts/users';
import type { AuthUser } from '../auth/actor';
import { daysBetween, type DashboardQuery } from './dashboard-query';

// Every number is one SQL aggregate over the ticket scope: leads and admins see the team, agents
// the tickets assigned to them. Days and weeks are KST (Asia/Seoul); the range is [from 00:00, to+1 00:00) KST.

const COURIER_EXCEPTION_STATUSES = ['exception', 'attempt_failed', 'lost', 'returned_to_sender'];
const RESHIPMENT_IN_FLIGHT = ['requested', 'sent', 'accepted', 'shipped'];

/** Positional parameters for one statement; `add` returns the placeholder. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

interface Scope {
  assigneeId: string | null;
  type: TicketType | null;
}

/** Conditions on tickets alias `t` for the caller's scope and the type filter. */
function scopeSql(scope: Scope, p: Params): string {
  const conds = ['TRUE'];
  if (scope.assigneeId) conds.push(`t.assignee_id = ${p.add(scope.assigneeId)}`);
  if (scope.type) conds.push(`t.type = ${p.add(scope.type)}::ticket_type`);
  return conds.join(' AND ');
}

/** `column` within the KST days [from, to]. */
function rangeSql(column: string, q: DashboardQuery, p: Params): string {
  return `${column} >= (${p.add(q.from)}::date)::timestamp AT TIME ZONE 'Asia/Seoul'
      AND ${column} < (${p.add(q.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Seoul'`;
}

const zeroByType = () => Object.fromEntries(TICKET_TYPES.map((t) => [t, 0])) as Record<TicketType, number>;

@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async stats(q: DashboardQuery, user: AuthUser): Promise<DashboardStats> {
    const team = roleAtLeast(user.role, 'lead');
    const scope: Scope = { assigneeId: team ? null : user.id, type: q.type };
    const [opened, resolved, backlog, slaWeekly, medians, reshipments, courierExceptions, templateUsage] = await Promise.all([
      this.perDay('created_at', q, scope),
      this.perDay('resolved_at', q, scope),
      this.backlog(scope),
      this.slaWeekly(q, scope),
      this.medians(q, scope),
      this.reshipments(q, scope),
      this.courierExceptions(q, scope),
      this.templateUsage(q, scope),
    ]);
    const daily = daysBetween(q.from, q.to).map((day) => ({
      day,
      opened: { ...zeroByType(), ...opened.get(day) },
      resolved: { ...zeroByType(), ...resolved.get(day) },
    }));
    return {
      from: q.from,
      to: q.to,
      type: q.type,
      scope: team ? 'team' : 'mine',
      daily,
      backlog,
      slaWeekly,
      medians,
      reshipments,
      courierExceptions,
      templateUsage,
    };
  }

  private async perDay(column: 'created_at' | 'resolved_at', q: DashboardQuery, scope: Scope) {
    const p = new Params();
    const rows: { day: string; type: TicketType; n: number }[] = await this.db.query(
      `SELECT to_char(t.${column} AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD') AS day, t.type::text AS type, count(*)::int AS n
         FROM tickets t
        WHERE ${rangeSql(`t.${column}`, q, p)} AND ${scopeSql(scope, p)}
        GROUP BY 1, 2`,
      p.values,
    );
    const byDay = new Map<string, Partial<Record<TicketType, number>>>();
    for (const r of rows) byDay.set(r.day, { ...byDay.get(r.day), [r.type]: r.n });
    return byDay;
  }

  private async backlog(scope: Scope): Promise<DashboardStats['backlog']> {
    const p = new Params();
    const rows: { status: TicketStatus; count: number }[] = await this.db.query(
      `SELECT t.status::text AS status, count(*)::int AS count
         FROM tickets t
        WHERE t.status NOT IN ('resolved', 'closed') AND ${scopeSql(scope, p)}
        GROUP BY 1 ORDER BY 1`,
      p.values,
    );
    return rows;
  }

  private async slaWeekly(q: DashboardQuery, scope: Scope): Promise<DashboardStats['slaWeekly']> {
    const p = new Params();
    const endedAt = `CASE s.state WHEN 'fulfilled' THEN s.fulfilled_at ELSE s.breached_at END`;
    const rows: { week: string; target: DashboardStats['slaWeekly'][number]['target']; fulfilled: number; breached: number }[] =
      await this.db.query(
        `SELECT to_char(date_trunc('week', ${endedAt} AT TIME ZONE 'Asia/Seoul'), 'YYYY-MM-DD') AS week,
                s.target::text AS target,
                count(*) FILTER (WHERE s.state = 'fulfilled')::int AS fulfilled,
                count(*) FILTER (WHERE s.state = 'breached')::int AS breached
           FROM ticket_sla s JOIN tickets t ON t.id = s.ticket_id
          WHERE s.state IN ('fulfilled', 'breached') AND ${rangeSql(endedAt, q, p)} AND ${scopeSql(scope, p)}
          GROUP BY 1, 2 ORDER BY 1, 2`,
        p.values,
      );
    return rows.map((r) => ({ ...r, compliancePct: Math.round((1000 * r.fulfilled) / (r.fulfilled + r.breached)) / 10 }));
  }

  private async medians(q: DashboardQuery, scope: Scope): Promise<DashboardStats['medians']> {
    const p1 = new Params();
    const [first] = await this.db.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_at - t.created_at) / 60) AS minutes
         FROM tickets t
         CROSS JOIN LATERAL (SELECT min(m.created_at) AS first_at FROM ticket_messages m
                              WHERE m.ticket_id = t.id AND m.kind = 'public_reply' AND m.author_type = 'agent') r
        WHERE r.first_at IS NOT NULL AND ${rangeSql('t.created_at', q, p1)} AND ${scopeSql(scope, p1)}`,
      p1.values,
    );
    const p2 = new Params();
    const [resolution] = await this.db.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.resolved_at - t.created_at) / 60) AS minutes
         FROM tickets t
        WHERE ${rangeSql('t.resolved_at', q, p2)} AND ${scopeSql(scope, p2)}`,
      p2.values,
    );
    const round = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
    return { firstReplyMinutes: round(first.minutes), resolutionMinutes: round(resolution.minutes) };
  }

  private async reshipments(q: DashboardQuery, scope: Scope): Promise<DashboardStats['reshipments']> {
    const p = new Params();
    const [row] = await this.db.query(
      `SELECT count(*) FILTER (WHERE r.status = ANY(${p.add(RESHIPMENT_IN_FLIGHT)}::text[]))::int AS "inFlight",
              count(*) FILTER (WHERE r.status = 'failed' AND ${rangeSql('r.updated_at', q, p)})::int AS failed
         FROM reshipment_requests r JOIN tickets t ON t.id = r.ticket_id
        WHERE ${scopeSql(scope, p)}`,
      p.values,
    );
    return { inFlight: row.inFlight, failed: row.failed };
  }

  private async courierExceptions(q: DashboardQuery, scope: Scope): Promise<DashboardStats['courierExceptions']> {
    const p = new Params();
    // The whole team sees every scan; a narrower scope counts the scans of its tickets' waybills.
    const scoped = scope.assigneeId || scope.type;
    const rows: { courierCode: string; count: number }[] = await this.db.query(
      `SELECT e.courier_code AS "courierCode", count(*)::int AS count
         FROM courier_events e
        WHERE e.status = ANY(${p.add(COURIER_EXCEPTION_STATUSES)}::text[]) AND ${rangeSql('e.occurred_at', q, p)}
          ${scoped ? `AND EXISTS (SELECT 1 FROM tickets t WHERE t.courier_code = e.courier_code AND t.waybill_number = e.waybill AND ${scopeSql(scope, p)})` : ''}
        GROUP BY 1 ORDER BY 2 DESC, 1`,
      p.values,
    );
    return rows;
  }

  private async templateUsage(q: DashboardQuery, scope: Scope): Promise<DashboardStats['templateUsage']> {
    const p = new Params();
    const rows: DashboardStats['templateUsage'] = await this.db.query(
      `SELECT st.key AS key,
              (array_agg(st.title_ko ORDER BY st.version DESC))[1] AS "titleKo",
              (array_agg(st.title_en ORDER BY st.version DESC))[1] AS "titleEn",
              count(*)::int AS count
         FROM ticket_scenarios ts
         JOIN scenario_templates st ON st.id = ts.template_id
         JOIN tickets t ON t.id = ts.ticket_id
        WHERE ${rangeSql('ts.applied_at', q, p)} AND ${scopeSql(scope, p)}
        GROUP BY st.key ORDER BY count DESC, st.key`,
      p.values,
    );
    return rows;
  }
}
