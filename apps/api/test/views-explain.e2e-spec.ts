// Every built-in view of the ticket list is served by an index: on ~50k tickets (mostly closed,
// like a real shop's history) the plans of the exact statements `GET /tickets` runs for a view's
// first page never read `tickets` sequentially. The views' results are checked on known rows.
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { TICKET_VIEWS, type TicketViewDef, type TicketViewId, viewQueryParams } from '@shopdesk/contracts/ticket-views';
import { DataSource, type EntityManager } from 'typeorm';
import { parseListQuery } from '@shopdesk/server/core/http/list-query';
import { TICKET_LIST_SPEC, TicketsService } from '@shopdesk/server/tickets/tickets.service';
import { createUser, factoryContext, testQuery, type TestUser } from '@shopdesk/testing/factories';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';

const BULK = 50_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function explain(sql: string, params: unknown[]): Promise<PlanNode> {
  const [row] = await testQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  return row['QUERY PLAN'][0].Plan;
}

/** Seeds BULK tickets in one statement: 90 % closed, 5 % resolved, 5 % open work, spread over a year. */
async function seedBulk(m: EntityManager, me: TestUser, other: TestUser): Promise<void> {
  await m.query(
    `INSERT INTO tickets (reference, type, status, priority, channel, subject, customer_name, created_at, updated_at,
                          assignee_id, sla_due_at, sla_breached, next_deadline_at, template_key)
     SELECT 'BULK-' || lpad(i::text, 7, '0'),
            (ARRAY['missing_delivery','refund','cancellation']::ticket_type[])[1 + i % 3],
            s.status,
            (ARRAY['low','normal','normal','high','urgent']::ticket_priority[])[1 + i % 5],
            'form',
            '배송 문의 ' || i,
            '고객 ' || i,
            now() - make_interval(mins => i * 10),
            now() - make_interval(mins => i * 10),
            CASE WHEN i % 10 = 0 THEN NULL WHEN i % 3 = 0 THEN $1::uuid WHEN i % 3 = 1 THEN $2::uuid END,
            CASE WHEN s.open THEN now() + make_interval(mins => (i * 7) % 1440 - 120) END,
            CASE WHEN s.open THEN (i * 7) % 1440 < 120 ELSE i % 40 = 0 END,
            CASE WHEN s.open AND i % 4 = 0 THEN now() + make_interval(hours => (i / 100) % 120 - 24) END,
            CASE WHEN i % 4 = 0 THEN 'missing_delivery_basic' END
       FROM generate_series(1, $3::int) i,
            LATERAL (SELECT (CASE WHEN i % 100 < 90 THEN 'closed' WHEN i % 100 < 95 THEN 'resolved'
                                  WHEN i % 100 < 97 THEN 'open' WHEN i % 100 = 97 THEN 'new'
                                  WHEN i % 100 = 98 THEN 'pending_courier' ELSE 'pending_customer' END)::ticket_status AS status,
                            i % 100 >= 95 AS open) s`,
    [me.id, other.id, BULK],
  );
}

interface KnownTicket {
  ref: string;
  status: string;
  assignee?: 'me' | 'other';
  /** SLA due in this many minutes (negative: overdue). */
  slaMins?: number;
  breached?: boolean;
  /** Template deadline in this many hours. */
  deadlineHours?: number;
  /** The views whose first page must show it; the others must not. */
  expect: TicketViewId[];
}

/** The newest tickets (they head every view that shows them), each with a known place. */
const KNOWN: KnownTicket[] = [
  { ref: 'KNOWN-MINE', status: 'open', assignee: 'me', expect: ['mine', 'all'] },
  { ref: 'KNOWN-MINE-CLOSED', status: 'closed', assignee: 'me', expect: ['all'] },
  { ref: 'KNOWN-OTHERS', status: 'open', assignee: 'other', expect: ['all'] },
  { ref: 'KNOWN-UNASSIGNED', status: 'new', expect: ['unassigned', 'all'] },
  { ref: 'KNOWN-UNASSIGNED-CLOSED', status: 'closed', expect: ['all'] },
  { ref: 'KNOWN-SLA-SOON', status: 'open', assignee: 'other', slaMins: 30, expect: ['sla_soon', 'all'] },
  { ref: 'KNOWN-SLA-LATER', status: 'open', assignee: 'other', slaMins: 180, expect: ['all'] },
  { ref: 'KNOWN-BREACHED', status: 'resolved', assignee: 'other', slaMins: -30, breached: true, expect: ['sla_breached', 'all'] },
  { ref: 'KNOWN-COURIER', status: 'pending_courier', assignee: 'other', expect: ['pending_courier', 'all'] },
  { ref: 'KNOWN-DUE', status: 'open', assignee: 'other', deadlineHours: 10, expect: ['due_soon', 'all'] },
  { ref: 'KNOWN-DUE-CLOSED', status: 'closed', assignee: 'other', deadlineHours: 10, expect: ['all'] },
];

async function seedKnown(m: EntityManager, me: TestUser, other: TestUser): Promise<void> {
  for (const [n, k] of KNOWN.entries()) {
    const assignee = k.assignee === 'me' ? me.id : k.assignee === 'other' ? other.id : null;
    // make_interval(NULL) is NULL, so a missing SLA or deadline stays NULL.
    await m.query(
      `INSERT INTO tickets (reference, type, status, channel, subject, customer_name, created_at, updated_at,
                            assignee_id, sla_due_at, sla_breached, next_deadline_at)
       VALUES ($1, 'refund', $2, 'agent', '알려진 티켓', '김고객', now() - make_interval(secs => $3), now(),
               $4, now() + make_interval(mins => $5), $6, now() + make_interval(hours => $7))`,
      [k.ref, k.status, n + 1, assignee, k.slaMins ?? null, k.breached ?? false, k.deadlineHours ?? null],
    );
  }
}

describe('built-in ticket views (EXPLAIN on ~50k tickets)', () => {
  let server: TestServer;
  let me: TestUser;
  let session: Awaited<ReturnType<typeof loginAs>>;

  beforeAll(async () => {
    server = await startTestServer();
    me = await createUser({ role: 'agent', name: '나상담' });
    const other = await createUser({ role: 'agent', name: '남상담' });
    await testQuery(`TRUNCATE tickets CASCADE`);
    await (await factoryContext()).get(DataSource).transaction(async (m) => {
      // Row triggers (search vectors) are not what this test is about; skipping them keeps the seed at seconds.
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`SET LOCAL statement_timeout = 0`);
      await seedBulk(m, me, other);
      await seedKnown(m, me, other);
    });
    await testQuery(`ANALYZE tickets`);
    session = await loginAs(server.app, me);
  }, 120_000);
  afterAll(() => server.close());

  describe.each(TICKET_VIEWS.map((v) => [v.id, v] as const))('%s', (id, view) => {
    const raw = viewQueryParams(view);

    it('reads tickets through an index, never a Seq Scan (page and bounded count)', async () => {
      const tickets = (await factoryContext()).get(TicketsService);
      const { count, page } = tickets.listStatements(parseListQuery(raw, TICKET_LIST_SPEC), me.id);
      const [pageSql, pageParams] = page.getQueryAndParameters();

      const pagePlan = nodes(await explain(pageSql, pageParams));
      const pageSeq = pagePlan.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'tickets');
      expect({ view: id, seqScans: pageSeq }).toEqual({ view: id, seqScans: [] });
      expect(pagePlan.some((n) => n['Index Name']?.startsWith('tickets_'))).toBe(true);
      if (process.env.VIEWS_EXPLAIN_PRINT) console.log(id, JSON.stringify(pagePlan.map((n) => [n['Node Type'], n['Index Name']])));

      // The count reads at most LIST_COUNT_CAP + 1 rows. Unfiltered ("전체"), a sequential read of
      // that many rows is the cheapest way to count them; a Seq Scan that *filters* would be a full read.
      const countPlan = nodes(await explain(count.sql, count.params));
      const filteringSeq = countPlan.filter(
        (n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'tickets' && n.Filter !== undefined,
      );
      expect({ view: id, seqScans: filteringSeq }).toEqual({ view: id, seqScans: [] });
    });

    it('lists the right tickets in the view\'s order (its own sort, else newest first)', async () => {
      const res = await session.get('/tickets').query(raw).expect(200);
      const rows = res.body as TicketRecord[];
      const known = rows.map((r) => r.reference).filter((ref) => ref.startsWith('KNOWN-'));
      const expected = KNOWN.filter((k) => k.expect.includes(id)).map((k) => k.ref);
      const sort: TicketViewDef['sort'] = 'sort' in view ? view.sort : undefined;
      if (sort) {
        // The first page is in the view's order; which known tickets it holds is asked of the known ones only.
        const keys = rows.map((r) => Date.parse(r[sort.field]!));
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
        const knownIds = (await testQuery<{ id: string }>(`SELECT id FROM tickets WHERE reference LIKE 'KNOWN-%'`)).map((r) => r.id);
        const filter = { ...JSON.parse(raw.filter), id: knownIds };
        const mine = await session.get('/tickets').query({ ...raw, filter: JSON.stringify(filter) }).expect(200);
        expect((mine.body as TicketRecord[]).map((r) => r.reference).sort()).toEqual([...expected].sort());
      } else {
        expect(known).toEqual(expected);
        const created = rows.map((r) => Date.parse(r.createdAt));
        expect(created).toEqual([...created].sort((a, b) => b - a));
      }
      expect(rows.length).toBe(25);
    });
  });

  it('resolves "mine" to the signed-in agent and keeps the views to their rules', async () => {
    const mine = await session.get('/tickets').query({ filter: JSON.stringify(TICKET_VIEWS[0].filter), range: '[0,99]' }).expect(200);
    expect((mine.body as TicketRecord[]).every((t) => t.assigneeId === me.id && t.status !== 'closed')).toBe(true);

    const soon = await session.get('/tickets').query({ filter: JSON.stringify(TICKET_VIEWS[2].filter), range: '[0,99]' }).expect(200);
    const limit = Date.now() + 61 * 60_000;
    expect((soon.body as TicketRecord[]).every((t) => !t.slaBreached && Date.parse(t.slaDueAt!) <= limit)).toBe(true);

    const bad = await session.get('/tickets').query({ filter: JSON.stringify({ mine: 'yes' }) }).expect(400);
    expect(bad.body.errors).toEqual({ 'filter.mine': 'must be true or false' });
  });
});
