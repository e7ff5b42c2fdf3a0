import type { EntityManager } from 'typeorm';

/** When the first reply is promised: the earliest running first-reply timer of the ticket, or null. */
export async function firstReplyDueAt(m: Pick<EntityManager, 'query'>, ticketId: string): Promise<Date | null> {
  const [row] = (await m.query(
    `SELECT min(due_at) AS due FROM ticket_sla WHERE ticket_id = $1 AND target = 'first_reply' AND state = 'active'`,
    [ticketId],
  )) as { due: Date | null }[];
  return row?.due ? new Date(row.due) : null;
}
