import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { SearchMatch, SearchMatchField } from '@shopdesk/contracts/search';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { containsPattern } from '../core/db/like-pattern';
import type { TicketEntity } from '../tickets/ticket.entity';
import { buildSnippet, searchRuns } from './search-snippet';

// The ticket list's `q` (docs/search.md): every n-gram of the query must be in the ticket's
// GIN-indexed `search_vector` (fields + message bodies, kept by database triggers). A query with
// nothing searchable in it (only punctuation) keeps the old substring match on the ticket's fields.

const QUERY = 'shopdesk_search_query(:searchQ)';

export function applySearchFilter(qb: SelectQueryBuilder<TicketEntity>, q: string): void {
  if (searchRuns(q).length) {
    qb.andWhere(`t.search_vector @@ ${QUERY}`, { searchQ: q });
  } else {
    qb.andWhere(
      `(t.reference ILIKE :searchLike OR t.customer_name ILIKE :searchLike OR t.customer_email ILIKE :searchLike
        OR t.customer_phone ILIKE :searchLike OR t.order_number ILIKE :searchLike OR t.waybill_number ILIKE :searchLike
        OR t.subject ILIKE :searchLike)`,
      { searchLike: containsPattern(q) },
    );
  }
}

/** Exact reference / order number / waybill first, then ts_rank (identifiers A > subject B > description C > messages D), newest first. */
export function orderBySearchRank(qb: SelectQueryBuilder<TicketEntity>, q: string): void {
  qb.orderBy(
    `CASE WHEN lower(t.reference) = lower(:searchExact) OR lower(t.order_number) = lower(:searchExact)
          OR lower(t.waybill_number) = lower(:searchExact) THEN 0 ELSE 1 END`,
    'ASC',
  ).setParameter('searchExact', q.trim());
  if (searchRuns(q).length) qb.addOrderBy(`ts_rank(t.search_vector, ${QUERY})`, 'DESC');
  qb.addOrderBy('t.created_at', 'DESC');
}

/** Best field first; messages last (newest message wins). */
const FIELD_SQL: [SearchMatchField, string][] = [
  ['reference', 't.reference'],
  ['order.number', 't.order_number'],
  ['shipment.waybillNumber', 't.waybill_number'],
  ['customer.name', 't.customer_name'],
  ['customer.email', 't.customer_email'],
  ['customer.phone', 't.customer_phone'],
  ['subject', 't.subject'],
  ['description', 't.description'],
];

/** Sets `searchMatch` on the page's records: the best single field whose own n-grams hold the whole query. */
export async function attachSearchMatches(m: EntityManager, records: TicketRecord[], q: string): Promise<void> {
  if (!records.length || !searchRuns(q).length) return;
  const values = FIELD_SQL.map(([field, column], i) => `(${i}, '${field}', ${column}, NULL::timestamptz)`).join(', ');
  const rows = (await m.query(
    `SELECT DISTINCT ON (id) id, field, value FROM (
       SELECT t.id, f.ord, f.field, f.value, f.at
         FROM tickets t CROSS JOIN LATERAL (VALUES ${values}) AS f(ord, field, value, at)
        WHERE t.id = ANY($1::uuid[]) AND f.value IS NOT NULL
          AND shopdesk_search_vector(f.value, 'A') @@ shopdesk_search_query($2)
       UNION ALL
       SELECT m.ticket_id, ${FIELD_SQL.length}, 'message', m.body, m.created_at
         FROM ticket_messages m
        WHERE m.ticket_id = ANY($1::uuid[]) AND shopdesk_search_vector(m.body, 'D') @@ shopdesk_search_query($2)
     ) s ORDER BY id, ord, at DESC`,
    [records.map((r) => r.id), q],
  )) as { id: string; field: SearchMatchField; value: string }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const record of records) {
    const hit = byId.get(record.id);
    if (hit) record.searchMatch = { field: hit.field, snippet: buildSnippet(hit.value, q) } satisfies SearchMatch;
  }
}
