// Smoke test of the scale seeder on the test database: 1,000 tickets, a top-up re-run, and checks
// that the data is shaped like a shop's (distribution, FKs) and that Korean search finds it.
import { Pool } from 'pg';
import { TEST_DATABASE_URL } from '@shopdesk/testing/test-env';
import { seedScale, SEEDED_TABLES } from './scale-seeder';

describe('seed:scale', () => {
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows[0] as T;

  beforeAll(async () => {
    await pool.query(`TRUNCATE tickets, ticket_events, ticket_event_projections, ticket_stats_daily, shipments CASCADE`);
  });
  afterAll(() => pool.end());

  it('seeds 1,000 tickets, then only tops up on a re-run', async () => {
    const first = await seedScale({ databaseUrl: TEST_DATABASE_URL, tickets: 1_000, batchSize: 300 });
    expect(first).toMatchObject({ existing: 0, inserted: 1_000 });
    expect(first.rows.tickets).toBe(1_000);

    const again = await seedScale({ databaseUrl: TEST_DATABASE_URL, tickets: 1_000 });
    expect(again).toMatchObject({ existing: 1_000, inserted: 0 });
    expect(again.rows).toEqual(first.rows);

    const more = await seedScale({ databaseUrl: TEST_DATABASE_URL, tickets: 1_200 });
    expect(more).toMatchObject({ existing: 1_000, inserted: 200 });
    expect(more.rows.tickets).toBe(1_200);
  });

  it('drops and rebuilds the secondary indexes exactly as defined; an interrupted seed rolls back with them intact', async () => {
    const indexes = async () =>
      (await pool.query(
        `SELECT ix.tablename, ix.indexname, ix.indexdef, i.indisvalid, i.indisready
           FROM pg_indexes ix JOIN pg_class c ON c.relname = ix.indexname JOIN pg_index i ON i.indexrelid = c.oid
          WHERE ix.schemaname = current_schema() AND ix.tablename = ANY($1::text[]) ORDER BY 1, 2`,
        [SEEDED_TABLES],
      )).rows;
    const before = await indexes();
    expect(before.some((ix) => ix.indexname === 'tickets_search_idx')).toBe(true);

    const bulk = await seedScale({ databaseUrl: TEST_DATABASE_URL, tickets: 1_500, batchSize: 100, rebuildIndexes: true });
    expect(bulk).toMatchObject({ existing: 1_200, inserted: 300, rebuiltIndexes: true });
    expect(bulk.rows.tickets).toBe(1_500);
    expect(await indexes()).toEqual(before);

    // Interrupted after two of five batches: nothing of that run stays, the indexes are all there.
    const stopped = seedScale({
      databaseUrl: TEST_DATABASE_URL, tickets: 2_000, batchSize: 100, rebuildIndexes: true,
      onProgress: (done) => {
        if (done >= 200) throw new Error('interrupted by the test');
      },
    });
    await expect(stopped).rejects.toThrow('interrupted by the test');
    expect(await indexes()).toEqual(before);
    expect(await one(`SELECT count(*)::int AS n FROM tickets`)).toEqual({ n: 1_500 });
    expect(await one(`SELECT count(*)::int AS n FROM ticket_events e WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = e.ticket_id)`)).toEqual({ n: 0 });
  });

  it('is shaped like a real shop: mostly closed, a few percent open, ≈3 messages and several events per ticket', async () => {
    const s = await one<Record<string, number>>(`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE status = 'closed')::int AS closed,
             count(*) FILTER (WHERE status NOT IN ('resolved', 'closed'))::int AS open,
             count(*) FILTER (WHERE status = 'pending_courier')::int AS pending_courier,
             count(*) FILTER (WHERE assignee_id IS NOT NULL)::int AS assigned,
             count(*) FILTER (WHERE template_key IS NOT NULL)::int AS templated,
             count(DISTINCT type)::int AS types,
             (SELECT count(*) FROM ticket_messages)::int AS messages,
             (SELECT count(*) FROM ticket_events)::int AS events,
             (SELECT count(*) FROM ticket_sla)::int AS sla,
             (SELECT count(*) FROM ticket_scenarios)::int AS scenarios
        FROM tickets`);
    expect(s.closed / s.total).toBeGreaterThan(0.75);
    expect(s.open / s.total).toBeGreaterThan(0.04);
    expect(s.open / s.total).toBeLessThan(0.2);
    expect(s.pending_courier).toBeGreaterThan(0);
    expect(s.assigned).toBeGreaterThan(0);
    expect(s.types).toBe(3);
    expect(s.messages / s.total).toBeGreaterThan(2.3);
    expect(s.messages / s.total).toBeLessThan(3.7);
    expect(s.events / s.total).toBeGreaterThan(2);
    expect(s.sla).toBeGreaterThan(0);
    expect(s.scenarios).toBe(s.templated);

    // every ticket has its `created` event; every closed one its status events
    const missing = await one<{ created: number; closing: number }>(`
      SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'created'))::int AS created,
             count(*) FILTER (WHERE t.status = 'closed' AND NOT EXISTS (
               SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'status_changed' AND e.after->>'status' = 'closed'))::int AS closing
        FROM tickets t`);
    expect(missing).toEqual({ created: 0, closing: 0 });
  });

  it('keeps every reference intact (the seeder inserts with FK triggers off)', async () => {
    const orphans = await one<Record<string, number>>(`
      SELECT (SELECT count(*) FROM ticket_messages m WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = m.ticket_id))::int AS messages,
             (SELECT count(*) FROM ticket_events e WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = e.ticket_id))::int AS events,
             (SELECT count(*) FROM ticket_sla s WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = s.ticket_id)
                                                   OR NOT EXISTS (SELECT 1 FROM sla_policies p WHERE p.id = s.policy_id))::int AS sla,
             (SELECT count(*) FROM ticket_scenarios s WHERE NOT EXISTS (SELECT 1 FROM scenario_templates t WHERE t.id = s.template_id))::int AS scenarios,
             (SELECT count(*) FROM tickets t WHERE t.assignee_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.assignee_id))::int AS assignees,
             (SELECT count(*) FROM tickets t WHERE t.waybill_number IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.courier_code = t.courier_code AND s.waybill = t.waybill_number))::int AS shipments,
             (SELECT count(*) FROM ticket_events e WHERE NOT EXISTS (SELECT 1 FROM ticket_event_projections p WHERE p.event_id = e.id))::int AS unprojected`);
    expect(orphans).toEqual({ messages: 0, events: 0, sla: 0, scenarios: 0, assignees: 0, shipments: 0, unprojected: 0 });
  });

  it('writes waybills in each courier format', async () => {
    const { rows } = await pool.query(`SELECT DISTINCT ON (courier_code) courier_code, waybill_number FROM tickets WHERE waybill_number IS NOT NULL`);
    const { COURIERS } = await import('@shopdesk/contracts/couriers');
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) {
      const pattern = COURIERS.find((c) => c.code === r.courier_code)!.waybillPattern;
      expect(r.waybill_number).toMatch(new RegExp(pattern));
    }
  });

  it('makes seeded tickets findable by Korean search, with the vectors the triggers would have written', async () => {
    const t = await one<{ id: string; customer_name: string; search_vector: string }>(
      `SELECT id, customer_name, search_vector::text FROM tickets WHERE status = 'closed' ORDER BY reference LIMIT 1`,
    );
    const hit = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM tickets WHERE id = $1 AND search_vector @@ shopdesk_search_query($2)`,
      [t.id, t.customer_name],
    );
    expect(hit.n).toBe(1);
    // An ordinary write fires the triggers again; they recompute exactly what the seeder stored.
    await pool.query(`UPDATE tickets SET message_search_vector = message_search_vector || ''::tsvector WHERE id = $1`, [t.id]);
    const triggered = await one<{ message: string; search: string; recomputed: string }>(
      `SELECT message_search_vector::text AS message, search_vector::text AS search,
              (SELECT shopdesk_search_vector(string_agg(m.body, ' '), 'D')::text FROM ticket_messages m WHERE m.ticket_id = $1) AS recomputed
         FROM tickets WHERE id = $1`,
      [t.id],
    );
    expect(triggered.search).toBe(t.search_vector);
    expect(triggered.message).toBe(triggered.recomputed);

    // …and so for every seeded ticket: the trigger's expressions, recomputed, match what is stored.
    const differing = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM tickets t,
             LATERAL (SELECT shopdesk_search_vector(string_agg(m.body, ' '), 'D') AS v FROM ticket_messages m WHERE m.ticket_id = t.id) msg
       WHERE t.message_search_vector IS DISTINCT FROM msg.v
          OR t.search_vector IS DISTINCT FROM
               shopdesk_search_vector(concat_ws(' ', t.reference, t.order_number, t.waybill_number, t.customer_name, t.customer_email, t.customer_phone), 'A')
               || shopdesk_search_vector(t.subject, 'B') || shopdesk_search_vector(t.description, 'C') || coalesce(msg.v, ''::tsvector)`);
    expect(differing.n).toBe(0);
  });

  it('leaves the append-only guarantee of ticket_events in force', async () => {
    await expect(pool.query(`UPDATE ticket_events SET actor_name = 'x' WHERE id = (SELECT min(id) FROM ticket_events)`)).rejects.toThrow();
  });
});
