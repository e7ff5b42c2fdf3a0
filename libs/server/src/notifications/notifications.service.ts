import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { USER_ROLES, roleAtLeast } from '@shopdesk/contracts/users';
import type { AuthUser } from '../auth/actor';
import { DomainError } from '../core/errors/domain-error';

export interface NotificationRecord {
  id: string;
  ticketId: string | null;
  ticketReference: string | null;
  kind: string;
  title: { ko: string; en: string };
  createdAt: string;
  readAt: string | null;
}

interface Row {
  id: string;
  ticket_id: string | null;
  reference: string | null;
  kind: string;
  title_ko: string;
  title_en: string;
  created_at: Date;
  read_at: Date | null;
}

/**
 * In-app notifications: addressed to one agent, or to a role (seen by that role and above).
 * A role-wide notification has one read mark shared by the role.
 */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private roles(user: AuthUser): string[] {
    return USER_ROLES.filter((r) => roleAtLeast(user.role, r) && r !== 'agent');
  }

  async list(user: AuthUser, page: { offset: number; limit: number }, unreadOnly: boolean): Promise<{ rows: NotificationRecord[]; total: number }> {
    const where = `(n.recipient_id = $1 OR n.recipient_role = ANY($2::user_role[]))${unreadOnly ? ' AND n.read_at IS NULL' : ''}`;
    const params = [user.id, this.roles(user)];
    const rows = (await this.db.query(
      `SELECT n.id, n.ticket_id, t.reference, n.kind, n.title_ko, n.title_en, n.created_at, n.read_at
         FROM notifications n LEFT JOIN tickets t ON t.id = n.ticket_id
        WHERE ${where} ORDER BY n.created_at DESC, n.id LIMIT $3 OFFSET $4`,
      [...params, page.limit, page.offset],
    )) as Row[];
    // Bounded like every list: an inbox never needs an exact count past a thousand.
    const [{ n }] = (await this.db.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM notifications n WHERE ${where} LIMIT 1000) s`,
      params,
    )) as { n: number }[];
    return { rows: rows.map(toRecord), total: n };
  }

  async markRead(user: AuthUser, id: string): Promise<NotificationRecord> {
    const rows = (await this.db.query(
      `UPDATE notifications n SET read_at = coalesce(read_at, now())
        WHERE n.id = $1 AND (n.recipient_id = $2 OR n.recipient_role = ANY($3::user_role[]))
        RETURNING n.id, n.ticket_id, (SELECT reference FROM tickets WHERE id = n.ticket_id) AS reference,
                  n.kind, n.title_ko, n.title_en, n.created_at, n.read_at`,
      [id, user.id, this.roles(user)],
    )) as [Row[], number] | Row[];
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as Row[];
    if (!list.length) throw new DomainError('NOT_FOUND', '알림을 찾을 수 없습니다. / Notification not found.');
    return toRecord(list[0]);
  }
}

function toRecord(r: Row): NotificationRecord {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    ticketReference: r.reference,
    kind: r.kind,
    title: { ko: r.title_ko, en: r.title_en },
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  };
}
