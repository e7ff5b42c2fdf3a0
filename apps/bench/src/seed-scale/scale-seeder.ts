// Bulk-loads seeded tickets in batches, two connections in parallel. Each batch is one transaction:
// tickets (with their search vectors computed in the same INSERT), messages, events (marked as
// projected, with ticket_stats_daily counted), shipments, SLA timers and scenarios.
//
// Triggers are switched off for the batch's transaction only (`SET LOCAL session_replication_role =
// replica`): the search triggers would run row by row (their n-gram function alone is ~1 ms of CPU per
// seeded ticket, most of the seeding cost), so the vectors are computed set-based with the very function
// the triggers call (migrations/1795360000000-KoreanSearch.ts); seed-scale.int-spec.ts checks they match.
// FK triggers are off too, so rows go in parent-first; the append-only trigger on ticket_events stays
// in force for every other session and transaction.
import { Pool, type PoolClient } from 'pg';
import { SEED_TEMPLATES } from '@shopdesk/server/scenarios/seed-templates';
import { hashPassword } from '@shopdesk/server/users/password';
import { buildTicket, type SeedContext, type SeededTicket } from './scale-ticket';

export const SCALE_AGENT_PASSWORD = 'shopdesk-demo';
const AGENTS = 40;
const AGENT_NAMES = ['김상담', '이지원', '박민지', '최유진', '정하늘', '강서준', '조은비', '윤도현', '장미래', '임수호'];

export interface SeedScaleOptions {
  databaseUrl: string;
  tickets: number;
  batchSize?: number;
  parallel?: number;
  onProgress?: (done: number, total: number) => void;
}
export interface SeedScaleResult { existing: number; inserted: number; seconds: number; rows: Record<string, number>; databaseBytes: number }

export const COUNTED_TABLES = ['tickets', 'ticket_messages', 'ticket_events', 'ticket_event_projections', 'shipments', 'ticket_sla', 'ticket_scenarios', 'ticket_stats_daily', 'users'];

export async function seedScale(opts: SeedScaleOptions): Promise<SeedScaleResult> {
  const started = Date.now();
  const parallel = opts.parallel ?? 2;
  const batchSize = opts.batchSize ?? 2_000;
  const pool = new Pool({ connectionString: opts.databaseUrl, max: parallel + 1 });
  try {
    const ctx = await prepareContext(pool);
    const existing = Number((await pool.query(`SELECT count(*) AS n FROM tickets`)).rows[0].n);
    const wanted = Math.max(0, opts.tickets - existing);
    let claimed = 0;
    let done = 0;
    opts.onProgress?.(0, wanted);
    const worker = async () => {
      while (claimed < wanted) {
        const size = Math.min(batchSize, wanted - claimed);
        claimed += size;
        await insertBatch(pool, size, ctx);
        done += size;
        opts.onProgress?.(done, wanted);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    if (wanted > 0) {
      for (const table of ['tickets', 'ticket_messages', 'ticket_events', 'shipments', 'ticket_sla', 'ticket_scenarios']) await pool.query(`ANALYZE ${table}`);
    }
    const rows: Record<string, number> = {};
    for (const table of COUNTED_TABLES) rows[table] = Number((await pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    const databaseBytes = Number((await pool.query(`SELECT pg_database_size(current_database()) AS b`)).rows[0].b);
    return { existing, inserted: wanted, seconds: (Date.now() - started) / 1000, rows, databaseBytes };
  } finally {
    await pool.end();
  }
}

/** Agents to assign to, the shipped templates' ids and the SLA policies (installed if missing). */
export async function prepareContext(pool: Pool): Promise<SeedContext> {
  const hash = await hashPassword(SCALE_AGENT_PASSWORD);
  for (let i = 0; i < AGENTS; i++) {
    const name = `${AGENT_NAMES[i % AGENT_NAMES.length]}${i >= AGENT_NAMES.length ? ` ${Math.floor(i / AGENT_NAMES.length) + 1}` : ''}`;
    await pool.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING`,
      [`scale.agent${i}@shopdesk.test`, name, i % 10 === 0 ? 'lead' : 'agent', hash],
    );
  }
  const agents = (await pool.query(`SELECT id, name FROM users WHERE email LIKE 'scale.agent%@shopdesk.test' ORDER BY email`)).rows;
  // The same rows the app's seed installs (version 1 of each shipped template), when missing.
  for (const t of SEED_TEMPLATES) {
    await pool.query(
      `INSERT INTO scenario_templates (key, version, type, title_ko, title_en, active, definition)
       SELECT $1, 1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM scenario_templates WHERE key = $1)`,
      [t.key, t.type, t.title.ko, t.title.en, t.active, JSON.stringify(t.definition)],
    );
  }
  const templateIds = Object.fromEntries(
    (await pool.query(`SELECT DISTINCT ON (key) key, id FROM scenario_templates ORDER BY key, version DESC`)).rows.map((r) => [r.key, r.id]),
  );
  const policies = Object.fromEntries(
    (await pool.query(`SELECT key, id, targets FROM sla_policies`)).rows.map((r) => [r.key, { id: r.id, targets: r.targets }]),
  );
  if (!policies.standard || !policies.highValue) throw new Error('SLA policies "standard" and "highValue" are missing: run the migrations first');
  return { now: Date.now(), agents, templateIds, policies };
}

async function insertBatch(pool: Pool, size: number, ctx: SeedContext): Promise<void> {
  const client = await pool.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL session_replication_role = replica`);
        // A lost batch on a crash is simply seeded again by the next run; no need to wait for the WAL flush.
        await client.query(`SET LOCAL synchronous_commit = off`);
        const numbers = (await client.query(`SELECT nextval('ticket_reference_seq')::bigint AS n FROM generate_series(1, $1)`, [size])).rows;
        const seeded = numbers.map((row) => buildTicket(Number(row.n), ctx));
        await writeBatch(client, seeded);
        await client.query('COMMIT');
        return;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        // Two batches can meet on the same ticket_stats_daily rows; a deadlock just means try again.
        if ((err as { code?: string }).code !== '40P01' || attempt >= 5) throw err;
      }
    }
  } finally {
    client.release();
  }
}

const col = <T, K extends keyof T>(rows: T[], key: K) => rows.map((r) => r[key]);

export async function writeBatch(db: PoolClient, seeded: SeededTicket[]): Promise<void> {
  const t = seeded.map((s) => s.ticket);
  // The vectors the triggers would write, computed set-based with the triggers' own function. Three
  // exact shortcuts keep it affordable (it is most of the seeding CPU): a vector's text form is its
  // n-grams at position 1, so the vector of "a b" is the text of a's vector joined to b's, parsed
  // again; the first message is the description, whose 'D' vector is its 'C' vector reweighted; and
  // texts repeated in the batch (canned follow-ups, subjects) are computed once.
  const later = seeded.flatMap((s) => s.messages.slice(1).map((m) => [m.ticketId, m.body] as const));
  await db.query(
    `WITH later AS (SELECT * FROM unnest($30::uuid[], $31::text[]) AS b(ticket_id, body)),
          body_vec AS (SELECT body, shopdesk_search_vector(body, 'D')::text AS v FROM (SELECT DISTINCT body FROM later) u),
          later_vec AS (SELECT l.ticket_id, string_agg(bv.v, ' ') AS v FROM later l JOIN body_vec bv USING (body) GROUP BY l.ticket_id),
          subject_vec AS (SELECT subject, shopdesk_search_vector(subject, 'B') AS v FROM (SELECT DISTINCT unnest($7::text[]) AS subject) u)
     INSERT INTO tickets (id, reference, type, status, priority, channel, subject, description, customer_name, customer_email,
                          customer_phone, order_number, order_items, order_amount, payment_method, paid_at, courier_code,
                          waybill_number, expected_delivery_date, assignee_id, tags, created_at, updated_at, resolved_at,
                          closed_at, template_key, next_deadline_at, sla_due_at, sla_breached, message_search_vector, search_vector)
     SELECT x.id, x.reference, x.type::ticket_type, x.status::ticket_status, x.priority::ticket_priority, x.channel::ticket_channel,
            x.subject, x.description, x.customer_name, x.customer_email, x.customer_phone, x.order_number, x.order_items::jsonb,
            x.order_amount, x.payment_method::payment_method, x.paid_at, x.courier_code, x.waybill_number, x.expected_delivery_date,
            x.assignee_id, x.tags::text[], x.created_at, x.updated_at, x.resolved_at, x.closed_at, x.template_key, x.next_deadline_at,
            x.sla_due_at, x.sla_breached, msg.v,
            shopdesk_search_vector(concat_ws(' ', x.reference, x.order_number, x.waybill_number, x.customer_name, x.customer_email, x.customer_phone), 'A')
              || sv.v || d.v || msg.v
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                   $11::text[], $12::text[], $13::text[], $14::bigint[], $15::text[], $16::timestamptz[], $17::text[], $18::text[], $19::date[],
                   $20::uuid[], $21::text[], $22::timestamptz[], $23::timestamptz[], $24::timestamptz[], $25::timestamptz[], $26::text[],
                   $27::timestamptz[], $28::timestamptz[], $29::boolean[])
            AS x(id, reference, type, status, priority, channel, subject, description, customer_name, customer_email, customer_phone,
                 order_number, order_items, order_amount, payment_method, paid_at, courier_code, waybill_number, expected_delivery_date,
                 assignee_id, tags, created_at, updated_at, resolved_at, closed_at, template_key, next_deadline_at, sla_due_at, sla_breached)
       JOIN subject_vec sv ON sv.subject = x.subject
       LEFT JOIN later_vec lv ON lv.ticket_id = x.id,
       LATERAL (SELECT shopdesk_search_vector(x.description, 'C') AS v OFFSET 0) d, -- OFFSET 0: compute once, not per use
       LATERAL (SELECT (setweight(d.v, 'D')::text || ' ' || coalesce(lv.v, ''))::tsvector AS v OFFSET 0) msg`,
    [
      col(t, 'id'), col(t, 'reference'), col(t, 'type'), col(t, 'status'), col(t, 'priority'), col(t, 'channel'), col(t, 'subject'),
      col(t, 'description'), col(t, 'customerName'), col(t, 'customerEmail'), col(t, 'customerPhone'), col(t, 'orderNumber'),
      col(t, 'orderItems'), col(t, 'orderAmount'), col(t, 'paymentMethod'), col(t, 'paidAt'), col(t, 'courierCode'),
      col(t, 'waybillNumber'), col(t, 'expectedDeliveryDate'), col(t, 'assigneeId'), col(t, 'tags'), col(t, 'createdAt'),
      col(t, 'updatedAt'), col(t, 'resolvedAt'), col(t, 'closedAt'), col(t, 'templateKey'), col(t, 'nextDeadlineAt'),
      col(t, 'slaDueAt'), col(t, 'slaBreached'), later.map(([id]) => id), later.map(([, body]) => body),
    ],
  );

  const m = seeded.flatMap((s) => s.messages);
  await db.query(
    `INSERT INTO ticket_messages (ticket_id, kind, author_type, author_id, author_name, body, created_at)
     SELECT ticket_id, kind::message_kind, author_type::actor_type, author_id, author_name, body, created_at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[])
            AS x(ticket_id, kind, author_type, author_id, author_name, body, created_at)`,
    [col(m, 'ticketId'), col(m, 'kind'), col(m, 'authorType'), col(m, 'authorId'), col(m, 'authorName'), col(m, 'body'), col(m, 'createdAt')],
  );

  // Events, already projected into the dashboard's daily counts (what TicketActivityService would do).
  const e = seeded.flatMap((s) => s.events);
  await db.query(
    `WITH ev AS (
       INSERT INTO ticket_events (ticket_id, kind, actor_type, actor_id, actor_name, before, after, at)
       SELECT ticket_id, kind, actor_type::actor_type, actor_id, actor_name, before::jsonb, after::jsonb, at
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
              AS x(ticket_id, kind, actor_type, actor_id, actor_name, before, after, at)
       RETURNING id, ticket_id, kind, after, at),
     marked AS (INSERT INTO ticket_event_projections (event_id) SELECT id FROM ev)
     INSERT INTO ticket_stats_daily (day, type, created_count, resolved_count)
     SELECT (ev.at AT TIME ZONE 'Asia/Seoul')::date AS day, tt.type,
            count(*) FILTER (WHERE ev.kind = 'created'),
            count(*) FILTER (WHERE ev.kind = 'status_changed' AND ev.after->>'status' = 'resolved')
       FROM ev JOIN unnest($9::uuid[], $10::ticket_type[]) AS tt(id, type) ON tt.id = ev.ticket_id
      WHERE ev.kind = 'created' OR (ev.kind = 'status_changed' AND ev.after->>'status' = 'resolved')
      GROUP BY 1, 2 ORDER BY 1, 2
     ON CONFLICT (day, type) DO UPDATE
       SET created_count = ticket_stats_daily.created_count + EXCLUDED.created_count,
           resolved_count = ticket_stats_daily.resolved_count + EXCLUDED.resolved_count`,
    [col(e, 'ticketId'), col(e, 'kind'), col(e, 'actorType'), col(e, 'actorId'), col(e, 'actorName'), col(e, 'before'), col(e, 'after'), col(e, 'at'),
     col(t, 'id'), col(t, 'type')],
  );

  const sh = seeded.flatMap((s) => (s.shipment ? [s.shipment] : []));
  await db.query(
    `INSERT INTO shipments (courier_code, waybill, status, raw_status, last_event_at, expected_delivery, created_at, updated_at)
     SELECT courier_code, waybill, status, raw_status, last_event_at, expected_delivery, created_at, last_event_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::date[], $7::timestamptz[])
            AS x(courier_code, waybill, status, raw_status, last_event_at, expected_delivery, created_at)
     ON CONFLICT (courier_code, waybill) DO NOTHING`,
    [col(sh, 'courierCode'), col(sh, 'waybill'), col(sh, 'status'), col(sh, 'rawStatus'), col(sh, 'lastEventAt'), col(sh, 'expectedDelivery'), col(sh, 'createdAt')],
  );

  const sla = seeded.flatMap((s) => s.sla);
  await db.query(
    `INSERT INTO ticket_sla (ticket_id, target, policy_id, business, target_minutes, state, started_at, due_at, paused_at, breached_at, fulfilled_at, updated_at)
     SELECT ticket_id, target::sla_target, policy_id, business, target_minutes, state::sla_state, started_at, due_at, paused_at, breached_at,
            fulfilled_at, greatest(started_at, fulfilled_at, breached_at, paused_at)
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::boolean[], $5::numeric[], $6::text[], $7::timestamptz[], $8::timestamptz[],
                   $9::timestamptz[], $10::timestamptz[], $11::timestamptz[])
            AS x(ticket_id, target, policy_id, business, target_minutes, state, started_at, due_at, paused_at, breached_at, fulfilled_at)`,
    [col(sla, 'ticketId'), col(sla, 'target'), col(sla, 'policyId'), col(sla, 'business'), col(sla, 'targetMinutes'), col(sla, 'state'),
     col(sla, 'startedAt'), col(sla, 'dueAt'), col(sla, 'pausedAt'), col(sla, 'breachedAt'), col(sla, 'fulfilledAt')],
  );

  const sc = seeded.flatMap((s) => (s.scenario ? [s.scenario] : []));
  await db.query(
    `INSERT INTO ticket_scenarios (ticket_id, template_id, field_values, checklist, deadlines, applied_at, applied_by)
     SELECT ticket_id, template_id, field_values::jsonb, checklist::jsonb, deadlines::jsonb, applied_at, applied_by
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::uuid[])
            AS x(ticket_id, template_id, field_values, checklist, deadlines, applied_at, applied_by)`,
    [col(sc, 'ticketId'), col(sc, 'templateId'), col(sc, 'fieldValues'), col(sc, 'checklist'), col(sc, 'deadlines'), col(sc, 'appliedAt'), col(sc, 'appliedBy')],
  );
}
