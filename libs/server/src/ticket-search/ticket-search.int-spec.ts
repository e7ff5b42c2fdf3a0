import { parseListQuery } from '@shopdesk/server/core/http/list-query';
import { SYSTEM_ACTOR } from '@shopdesk/server/auth/actor';
import { TICKET_LIST_SPEC, TicketsService } from '@shopdesk/server/tickets/tickets.service';
import { createTicket, factoryContext, testQuery } from '@shopdesk/testing/factories';
import type { TicketRecord } from '@shopdesk/contracts/tickets';

// Korean search on real PostgreSQL: 20,000 tickets seeded with generate_series (the triggers
// index them, no app code involved) plus a few written through TicketsService.

jest.setTimeout(120_000);

let tickets: TicketsService;
let refund: TicketRecord;
let missing: TicketRecord;
let courier: TicketRecord;
let minsu: TicketRecord;
let messageOnly: TicketRecord;
let exactOrder: TicketRecord;
let longerOrder: TicketRecord;

// The test database is shared with other suites (seeded Korean data among them): the term checks look
// within this file's own tickets, marked with a tag, so a richer match elsewhere cannot push them off the page.
const TAG = `searchtest${Date.now()}`;

function queryFor(q: string, sort?: [string, string], extra: Record<string, unknown> = {}) {
  return parseListQuery(
    { filter: JSON.stringify({ q, ...extra }), range: '[0,49]', ...(sort ? { sort: JSON.stringify(sort) } : {}) },
    TICKET_LIST_SPEC,
  );
}
const search = (q: string, sort?: [string, string]) => tickets.list(queryFor(q, sort));
const searchOwn = (q: string) => tickets.list(queryFor(q, undefined, { tag: TAG }));
const ids = (rows: TicketRecord[]) => rows.map((r) => r.id);

beforeAll(async () => {
  tickets = (await factoryContext()).get(TicketsService);

  // Two statements of 10,000 rows each, to stay well inside the connection's statement timeout.
  for (const from of [1, 10_001]) {
    await testQuery(
      `
    INSERT INTO tickets (reference, type, channel, subject, customer_name, customer_email, customer_phone, order_number, waybill_number)
    SELECT 'BULK-' || lpad(i::text, 6, '0'), 'missing_delivery', 'form',
           (ARRAY['배송 지연 문의', '상품 파손 교환 요청', '결제 영수증 재발급', '주소 변경 요청'])[i % 4 + 1],
           (ARRAY['김', '이', '박', '최', '정'])[i % 5 + 1] || (ARRAY['서연', '지훈', '하은', '도윤', '예린', '시우'])[i % 6 + 1],
           'bulk' || i || '@example.com', '010-5' || lpad((i % 1000)::text, 3, '0') || '-' || lpad(i::text, 5, '0'),
           'BK-' || lpad(i::text, 8, '0'), '7' || lpad(i::text, 11, '0')
      FROM generate_series($1::int, $1::int + 9999) AS i`,
      [from],
    );
  }
  await testQuery(`
    INSERT INTO ticket_messages (ticket_id, kind, author_type, author_name, body)
    SELECT id, 'customer_message', 'customer', customer_name, '언제 도착하나요? 확인 부탁드립니다.'
      FROM tickets WHERE reference LIKE 'BULK-%' AND right(reference, 1) = '0'`);

  refund = await createTicket({ subject: '환불 요청드립니다', description: '카드 결제 취소 부탁드려요', tags: [TAG] });
  missing = await createTicket({ subject: '구성품 누락', description: '박스에 설명서만 있었어요', tags: [TAG] });
  courier = await createTicket({ subject: '배송 조회 문의', description: '택배 기사님이 다른 주소로 배달했대요', tags: [TAG] });
  minsu = await createTicket({
    subject: '주소 변경',
    tags: [TAG],
    customer: { name: '민수', email: 'minsu.oh@example.org', phone: '010-9876-5432' },
    order: { number: 'ORD-20261118-77341' },
  });
  messageOnly = await createTicket({ subject: '문의드립니다', description: '아래 메시지 참고' });
  await tickets.addMessage(messageOnly.id, { kind: 'customer_message', body: '유니콘 인형이 빠져 있어요' }, SYSTEM_ACTOR);
  exactOrder = await createTicket({ subject: '주문 확인', order: { number: 'A-100200' } });
  // Created later and matching the same n-grams: without the exact-match rule it would come first.
  longerOrder = await createTicket({ subject: 'A-100200 관련 재문의', order: { number: 'A-1002001' } });

  await testQuery('ANALYZE tickets');
  await testQuery('ANALYZE ticket_messages');
});

describe('Korean search over the ticket list', () => {
  it('finds one- and two-character Korean terms and highlights the field', async () => {
    const r = await searchOwn('환불');
    expect(ids(r.rows)).toContain(refund.id);
    expect(r.rows.find((t) => t.id === refund.id)?.searchMatch).toEqual({ field: 'subject', snippet: '⟦환불⟧ 요청드립니다' });

    expect(ids((await searchOwn('누락')).rows)).toContain(missing.id);
    const parcel = (await searchOwn('택배')).rows.find((t) => t.id === courier.id);
    expect(parcel?.searchMatch?.field).toBe('description');
    expect(parcel?.searchMatch?.snippet).toContain('⟦택배⟧');
  });

  it('finds a two-character name without matching three-character names around it', async () => {
    const r = await searchOwn('민수');
    expect(ids(r.rows)).toEqual([minsu.id]);
    // Across everything: none of the 20,000 seeded names (김서연, 이지훈, …) matches.
    expect((await search('민수')).rows.filter((t) => t.reference.startsWith('BULK-'))).toEqual([]);
    expect(r.rows[0].searchMatch).toEqual({ field: 'customer.name', snippet: '⟦민수⟧' });
  });

  it('finds partial order numbers, e-mail fragments, phone digits and references', async () => {
    expect(ids((await search('1118-7734')).rows)).toContain(minsu.id);
    expect(ids((await search('minsu.oh@exam')).rows)).toContain(minsu.id);
    expect(ids((await search('9876-5432')).rows)).toContain(minsu.id);
    const byReference = await search(refund.reference);
    expect(byReference.rows[0].id).toBe(refund.id);
    expect(byReference.rows[0].searchMatch).toEqual({ field: 'reference', snippet: `⟦${refund.reference}⟧` });
  });

  it('finds words that only occur in a message body', async () => {
    const r = await search('유니콘');
    expect(ids(r.rows)).toEqual([messageOnly.id]);
    expect(r.rows[0].searchMatch).toEqual({ field: 'message', snippet: '⟦유니콘⟧ 인형이 빠져 있어요' });
  });

  it('indexes rows written by plain SQL (generate_series), messages included', async () => {
    const r = await search('도착하나요');
    // The list counts search matches only up to SEARCH_COUNT_CAP (1,000); all 2,000 are indexed.
    expect(r).toMatchObject({ total: 1000, capped: true });
    const [{ n }] = await testQuery<{ n: number }>(`SELECT count(*)::int AS n FROM tickets WHERE search_vector @@ shopdesk_search_query('도착하나요')`);
    expect(n).toBe(2000);
    // More matches than SEARCH_COUNT_CAP are not ranked (each rank reads a search vector): newest first.
    const created = r.rows.map((t) => Date.parse(t.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(r.rows.every((t) => t.reference.startsWith('BULK-') && t.searchMatch?.field === 'message')).toBe(true);
    expect(ids((await search('bulk12345@')).rows)).toHaveLength(1);
  });

  it('ranks an exact order number or reference first', async () => {
    const r = await search('A-100200');
    expect(ids(r.rows).slice(0, 2)).toEqual([exactOrder.id, longerOrder.id]);
    // An explicit sort wins over the rank.
    const newest = await search('A-100200', ['createdAt', 'DESC']);
    expect(newest.rows[0].id).toBe(longerOrder.id);
  });

  it('keeps up when messages change or go away', async () => {
    await testQuery(`UPDATE ticket_messages SET body = '페가수스 인형' WHERE ticket_id = $1`, [messageOnly.id]);
    expect(ids((await search('유니콘')).rows)).toEqual([]);
    expect(ids((await search('페가수스')).rows)).toEqual([messageOnly.id]);
    await testQuery(`DELETE FROM ticket_messages WHERE ticket_id = $1`, [messageOnly.id]);
    expect(ids((await search('페가수스')).rows)).toEqual([]);
  });

  it('uses the GIN index, never a sequential scan of tickets', async () => {
    for (const q of ['환불', '민수', '1118-7734', '유니콘']) {
      const { count, page } = tickets.listStatements(queryFor(q));
      const [pageSql, pageParams] = page.getQueryAndParameters();
      for (const [sql, params] of [[pageSql, pageParams], [count.sql, count.params]] as const) {
        const plan = ((await testQuery(`EXPLAIN ${sql}`, [...params])) as { 'QUERY PLAN': string }[])
          .map((row) => row['QUERY PLAN'])
          .join('\n');
        expect(plan).toContain('tickets_search_idx');
        expect(plan).not.toMatch(/Seq Scan on tickets/);
      }
    }
  });
});
