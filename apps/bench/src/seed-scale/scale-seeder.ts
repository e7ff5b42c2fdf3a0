// Bulk-loads seeded tickets with COPY: tickets (with their search vectors), messages, events (marked
// as projected, with ticket_stats_daily counted), shipments, SLA timers and scenarios.
//
// Where the time went before (100,000 tickets, 2 cores): ~75 % in the plpgsql n-gram function that
// builds the Korean search vectors, row by row in the database. Now:
//  - the vectors are computed in JS (search-vectors.ts, the same rules as the SQL function, checked
//    against it on a sample at the start of every run and for every ticket by seed-scale.int-spec.ts),
//    with the lexemes pre-sorted so that tsvector_in's sort has nothing to do;
//  - every table but shipments (INSERT … ON CONFLICT DO NOTHING) and ticket_stats_daily (an upsert)
//    is written with COPY … FROM STDIN, from batches built as bytes (copy-in.ts);
//  - generation is pipelined with loading: JS builds batch k+1 while the database ingests batch k
//    (one core each; one loading connection, since a second would only take CPU from the generator);
//  - ticket, message and shipment ids are time-ordered UUIDs (scale-ticket.ts, orderedUuid), so the
//    primary keys grow at their right-hand end instead of on random pages once they outgrow the cache;
//  - the session compresses TOASTed values with lz4 instead of pglz (setSeedingSession);
//  - a big seed (see `rebuildIndexes`) drops the non-unique secondary indexes of the seeded tables
//    first and rebuilds them at the end with a large maintenance_work_mem, which is much cheaper than
//    maintaining them (the GIN index over the n-grams above all) row by row.
//
// Index rebuild and interruptions: in that mode the whole seed is ONE transaction: the indexes'
// definitions are read from pg_indexes, the indexes dropped, the rows loaded, the indexes recreated
// from those definitions (and checked to be identical), then COMMIT. DDL is transactional in
// PostgreSQL, so an interrupted seed (Ctrl-C, kill, lost connection, crash, error) rolls back as a
// whole: the indexes are back exactly as they were and no ticket of that run is kept; a re-run starts
// that top-up again from the count in the database. There is never a half-indexed state to repair.
// The price: the seeded tables are locked (ACCESS EXCLUSIVE) for the run, so other sessions wait.
// Smaller top-ups commit batch by batch with the indexes in place. Ctrl-C cancels the running
// statement at once (pg_cancel_backend), so the rollback does not wait for a long CREATE INDEX.
//
// Triggers are off for the seeder's transactions only (`SET LOCAL session_replication_role = replica`):
// the search triggers would recompute what is already computed, and FK triggers are not needed as rows
// go in parent-first. The append-only trigger on ticket_events stays in force for every other session.
import { readFileSync } from 'node:fs';
import { Pool, type PoolClient } from 'pg';
import { SEED_TEMPLATES } from '@shopdesk/server/scenarios/seed-templates';
import { hashPassword } from '@shopdesk/server/users/password';
import { buildTicket, orderedUuid, type SeedContext, type SeededTicket } from './scale-ticket';
import { ByteWriter, copyFields, copyIn, copyRow } from './copy-in';
import { checkAgainstDatabase, VectorBuilder } from './search-vectors';

export const SCALE_AGENT_PASSWORD = 'shopdesk-demo';
const AGENTS = 40;
const AGENT_NAMES = ['김상담', '이지원', '박민지', '최유진', '정하늘', '강서준', '조은비', '윤도현', '장미래', '임수호'];
/** Below this many new tickets the indexes are kept and maintained as rows go in. */
const REBUILD_MIN_TICKETS = 50_000;

export interface SeedScaleOptions {
  databaseUrl: string;
  tickets: number;
  /** Tickets per COPY batch (default 2,000). */
  batchSize?: number;
  /**
   * Drop the seeded tables' non-unique secondary indexes and rebuild them at the end, all in one
   * transaction. Default: when adding at least REBUILD_MIN_TICKETS tickets and at least as many as exist.
   */
  rebuildIndexes?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Called when a phase starts (e.g. the index rebuild), for the command line's output. */
  onPhase?: (phase: string) => void;
}
export interface SeedScaleResult {
  existing: number;
  inserted: number;
  seconds: number;
  rows: Record<string, number>;
  databaseBytes: number;
  /** Whether the indexes were dropped and rebuilt. */
  rebuiltIndexes: boolean;
  /** Seconds per phase: generate (JS, overlapped with load), load, rebuild indexes, analyze… */
  phases: Record<string, number>;
}

export const COUNTED_TABLES = ['tickets', 'ticket_messages', 'ticket_events', 'ticket_event_projections', 'shipments', 'ticket_sla', 'ticket_scenarios', 'ticket_stats_daily', 'users'];
/** Tables the seeder writes in bulk; their non-unique secondary indexes are rebuilt in a big seed. */
export const SEEDED_TABLES = ['tickets', 'ticket_messages', 'ticket_events', 'ticket_event_projections', 'shipments', 'ticket_sla', 'ticket_scenarios'];
/** One seeder per database at a time, so concurrent runs do not both top up. */
const SEED_LOCK = `hashtext('shopdesk:seed-scale')`;

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

export async function seedScale(opts: SeedScaleOptions): Promise<SeedScaleResult> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? 2_000;
  const phases: Record<string, number> = {};
  const pool = new Pool({ connectionString: opts.databaseUrl, max: 3 });
  // The loading connection and a second one for sequence values (not transactional, so they can be
  // drawn while the loading connection is busy).
  const db = await pool.connect();
  const seq = await pool.connect();
  let broken: Error | undefined;
  let interrupted = false;
  const stopOnSignal = () => {
    // Stop after the current step, and cancel what the loading connection runs (e.g. a long CREATE
    // INDEX) so that its transaction rolls back at once. A second signal ends the process as usual.
    interrupted = true;
    void seq.query(`SELECT pg_cancel_backend($1)`, [(db as unknown as { processID: number }).processID]).catch(() => undefined);
  };
  try {
    await db.query(`SELECT pg_advisory_lock(${SEED_LOCK})`);
    const ctx = await prepareContext(pool);
    let existing = await countTickets(db);
    let wanted = Math.max(0, opts.tickets - existing);
    const rebuild = wanted > 0 && (opts.rebuildIndexes ?? (wanted >= REBUILD_MIN_TICKETS && wanted >= existing));
    let dropped: IndexDef[] = [];
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
    if (rebuild) {
      const t = process.hrtime.bigint();
      await db.query('BEGIN');
      await setSeedingSession(db);
      dropped = await dropSecondaryIndexes(db);
      existing = await countTickets(db); // now that the tables are ours
      wanted = Math.max(0, opts.tickets - existing);
      phases.dropIndexes = seconds(t);
    }

    const load = process.hrtime.bigint();
    const backend = (db as unknown as { processID: number }).processID;
    const cpuBefore = { node: process.cpuUsage(), db: backendCpuSeconds(backend) };
    const gen = { seconds: 0 };
    const tables: Record<string, number> = {};
    const runStats = new Map<string, [number, number]>(); // a big seed's daily counts, added at the end
    let done = 0;
    opts.onProgress?.(0, wanted);
    const vectors = new VectorBuilder();
    const eventSequence = String((await seq.query(`SELECT pg_get_serial_sequence('ticket_events', 'id') AS s`)).rows[0].s);
    const stopIfInterrupted = () => {
      if (interrupted) throw new Error(INTERRUPTED);
    };
    let inFlight: Promise<void> | null = null;
    try {
      for (let claimed = 0; claimed < wanted; ) {
        const size = Math.min(batchSize, wanted - claimed);
        claimed += size;
        stopIfInterrupted();
        const batch = await buildBatch(seq, size, ctx, vectors, gen, eventSequence, claimed === size);
        if (inFlight) await inFlight; // at most one batch in the database while the next is built
        if (rebuild) for (const [key, [c, r]] of batch.stats) {
          const sum = runStats.get(key) ?? [0, 0];
          runStats.set(key, [sum[0] + c, sum[1] + r]);
        }
        inFlight = (rebuild ? writeBatch(db, batch, tables, false) : writeBatchCommitted(db, batch, tables)).then(() => {
          done += size;
          opts.onProgress?.(done, wanted);
        });
        // Keep a failure from surfacing as an unhandled rejection before it is awaited.
        inFlight.catch(() => undefined);
      }
      if (inFlight) await inFlight;
      if (rebuild) {
        const t = process.hrtime.bigint();
        await addDailyStats(db, runStats);
        tables.ticket_stats_daily = seconds(t);
      }
      stopIfInterrupted();
    } catch (err) {
      if (inFlight) await inFlight.catch(() => undefined);
      throw err;
    }
    phases.generate = gen.seconds;
    phases.load = seconds(load);
    const nodeCpu = process.cpuUsage(cpuBefore.node);
    phases['load: CPU of this process'] = (nodeCpu.user + nodeCpu.system) / 1e6;
    const dbCpu = backendCpuSeconds(backend);
    if (dbCpu !== null && cpuBefore.db !== null) phases['load: CPU of the database backend'] = dbCpu - cpuBefore.db;
    for (const [table, s] of Object.entries(tables)) phases[`load ${table}`] = s;

    if (rebuild) {
      opts.onPhase?.(`인덱스 ${dropped.length}개 재생성 중 / rebuilding ${dropped.length} indexes`);
      const t = process.hrtime.bigint();
      await recreateIndexes(db, dropped, phases);
      phases.rebuildIndexes = seconds(t);
      stopIfInterrupted();
      const c = process.hrtime.bigint();
      await db.query('COMMIT');
      phases.commit = seconds(c);
    }
    if (wanted > 0) {
      opts.onPhase?.('통계 갱신 중 / analyzing');
      const t = process.hrtime.bigint();
      // tickets is vacuumed too, as autovacuum keeps a live database: its visibility map lets the list
      // views count from their partial indexes alone (index-only scans) instead of visiting the heap.
      await db.query(`VACUUM (ANALYZE) tickets`);
      for (const table of ['ticket_messages', 'ticket_events', 'ticket_event_projections', 'shipments', 'ticket_sla', 'ticket_scenarios']) await db.query(`ANALYZE ${table}`);
      phases.analyze = seconds(t);
    }
    await db.query(`SELECT pg_advisory_unlock(${SEED_LOCK})`);
    const rows: Record<string, number> = {};
    for (const table of COUNTED_TABLES) rows[table] = Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    const databaseBytes = Number((await db.query(`SELECT pg_database_size(current_database()) AS b`)).rows[0].b);
    return { existing, inserted: wanted, seconds: (Date.now() - started) / 1000, rows, databaseBytes, rebuiltIndexes: rebuild, phases };
  } catch (err) {
    broken = err as Error;
    throw interrupted ? new Error(INTERRUPTED) : err;
  } finally {
    process.removeListener('SIGINT', stopOnSignal);
    process.removeListener('SIGTERM', stopOnSignal);
    // On failure the loading connection is closed, not reused: the server then rolls back whatever
    // transaction it had open (the index rebuild included) and frees the advisory lock.
    db.release(broken ?? undefined);
    seq.release();
    await pool.end();
  }
}

const INTERRUPTED =
  '중단되었습니다. 진행 중이던 트랜잭션은 롤백되어 인덱스는 그대로이고, 커밋된 배치만 남습니다. 다시 실행하면 나머지를 채웁니다. / ' +
  'Interrupted: the open transaction was rolled back (indexes untouched, only committed batches kept); run again to top up.';

/** CPU seconds the database backend has used, when it runs on this machine (Linux); else null. */
function backendCpuSeconds(pid: number): number | null {
  try {
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('postgres')) return null;
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

async function countTickets(db: PoolClient): Promise<number> {
  return Number((await db.query(`SELECT count(*) AS n FROM tickets`)).rows[0].n);
}

let lz4Available: boolean | undefined;
/** For the seeder's transaction only: no triggers (see the top), no waiting for the WAL flush. */
async function setSeedingSession(db: PoolClient): Promise<void> {
  lz4Available ??= (await db.query(`SELECT 'lz4' = ANY (enumvals) AS ok FROM pg_settings WHERE name = 'default_toast_compression'`)).rows[0]?.ok === true;
  await db.query(`SET LOCAL session_replication_role = replica`);
  // A lost batch on a crash is simply seeded again by the next run; no need to wait for the WAL flush.
  await db.query(`SET LOCAL synchronous_commit = off`);
  // The search vectors are big enough to be TOASTed, and pglz spends ~100 µs per ticket compressing
  // them (for ~5 %); lz4 is about twice as fast here. Only how these values are compressed changes:
  // the columns keep their (default) compression setting and read back the same.
  if (lz4Available) await db.query(`SET LOCAL default_toast_compression = lz4`);
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

// ---------------------------------------------------------------------------------------------
// Indexes

export interface IndexDef { table: string; name: string; def: string; comment: string | null }

/** Non-unique, non-constraint secondary indexes of the seeded tables, as pg_indexes defines them. */
export async function secondaryIndexes(db: PoolClient): Promise<IndexDef[]> {
  const { rows } = await db.query(
    `SELECT ix.tablename AS table, ix.indexname AS name, ix.indexdef AS def, obj_description(i.indexrelid, 'pg_class') AS comment
       FROM pg_indexes ix
       JOIN pg_namespace n ON n.nspname = ix.schemaname
       JOIN pg_class c ON c.relname = ix.indexname AND c.relnamespace = n.oid
       JOIN pg_index i ON i.indexrelid = c.oid
      WHERE ix.schemaname = current_schema() AND ix.tablename = ANY($1::text[])
        AND NOT i.indisunique AND NOT i.indisprimary AND NOT i.indisexclusion AND i.indisvalid
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY ix.tablename, ix.indexname`,
    [SEEDED_TABLES],
  );
  return rows;
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function dropSecondaryIndexes(db: PoolClient): Promise<IndexDef[]> {
  // Lock in a fixed order first, so the drops below cannot deadlock with another session.
  await db.query(`LOCK TABLE ${SEEDED_TABLES.join(', ')} IN ACCESS EXCLUSIVE MODE`);
  const defs = await secondaryIndexes(db);
  for (const ix of defs) await db.query(`DROP INDEX ${quoteIdent(ix.name)}`);
  return defs;
}

async function recreateIndexes(db: PoolClient, defs: IndexDef[], phases: Record<string, number>): Promise<void> {
  // Sorting memory for the builds (the GIN index over the search n-grams above all); this transaction only.
  await db.query(`SET LOCAL maintenance_work_mem = '1GB'`);
  for (const ix of defs) {
    const t = process.hrtime.bigint();
    await db.query(ix.def);
    if (ix.comment !== null) await db.query(`COMMENT ON INDEX ${quoteIdent(ix.name)} IS ${db.escapeLiteral(ix.comment)}`);
    phases[`index ${ix.name}`] = seconds(t);
  }
  // Exactly what was there before, or the whole seed rolls back.
  const now = await secondaryIndexes(db);
  const key = (l: IndexDef[]) => JSON.stringify(l.map((ix) => [ix.table, ix.name, ix.def, ix.comment]));
  if (key(now) !== key(defs)) {
    throw new Error(`재생성한 인덱스가 원래 정의와 다릅니다. 시드를 롤백합니다. / The rebuilt indexes differ from their definitions; rolling the seed back.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Batches

interface Batch {
  tickets: Buffer;
  messages: Buffer;
  events: Buffer;
  projections: Buffer;
  sla: Buffer;
  scenarios: Buffer;
  shipments: unknown[][];
  /** "day|type" → [created, resolved] for ticket_stats_daily */
  stats: Map<string, [number, number]>;
}

const TICKET_COLUMNS = [
  'id', 'reference', 'type', 'status', 'priority', 'channel', 'subject', 'description', 'customer_name', 'customer_email',
  'customer_phone', 'order_number', 'order_items', 'order_amount', 'payment_method', 'paid_at', 'courier_code',
  'waybill_number', 'expected_delivery_date', 'assignee_id', 'tags', 'created_at', 'updated_at', 'resolved_at',
  'closed_at', 'template_key', 'next_deadline_at', 'sla_due_at', 'sla_breached', 'message_search_vector', 'search_vector',
];
const MESSAGE_COLUMNS = ['id', 'ticket_id', 'kind', 'author_type', 'author_id', 'author_name', 'body', 'created_at'];
const EVENT_COLUMNS = ['id', 'ticket_id', 'kind', 'actor_type', 'actor_id', 'actor_name', 'before', 'after', 'at'];
const SLA_COLUMNS = ['ticket_id', 'target', 'policy_id', 'business', 'target_minutes', 'state', 'started_at', 'due_at', 'paused_at', 'breached_at', 'fulfilled_at', 'updated_at'];
const SCENARIO_COLUMNS = ['ticket_id', 'template_id', 'field_values', 'checklist', 'deadlines', 'applied_at', 'applied_by'];

/** `count` values of a sequence, in order, drawn on the sequence connection. */
async function nextValues(seq: PoolClient, sequence: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const { rows } = await seq.query(`SELECT array_agg(v ORDER BY v)::text AS v FROM (SELECT nextval($1::regclass) AS v FROM generate_series(1, $2)) s`, [sequence, count]);
  return String(rows[0].v).slice(1, -1).split(',').map(Number);
}

const HOUR = 3_600_000;
/** The KST day of an ISO timestamp (Asia/Seoul is UTC+9, no DST). */
const kstDay = (iso: string) => new Date(Date.parse(iso) + 9 * HOUR).toISOString().slice(0, 10);
const latest = (...xs: (string | null)[]) => xs.reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
const NEWLINE = 10;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

async function buildBatch(
  seq: PoolClient, size: number, ctx: SeedContext, vectors: VectorBuilder, gen: { seconds: number }, eventSequence: string, first: boolean,
): Promise<Batch> {
  const numbers = await nextValues(seq, 'ticket_reference_seq', size);
  let t = process.hrtime.bigint();
  vectors.rerank();
  const seeded: SeededTicket[] = [];
  // Sized for a typical batch (≈5.5 KB per ticket, ≈3 messages, ≈7 events) to avoid regrowing.
  const tickets = new ByteWriter(size * 6_000);
  const messages = new ByteWriter(size * 1_200);
  const sla = new ByteWriter(size * 300);
  const scenarios = new ByteWriter(size * 400);
  const ship: unknown[][] = [[], [], [], [], [], [], [], []];
  const samples: Parameters<typeof checkAgainstDatabase>[1] = [];
  for (let i = 0; i < numbers.length; i++) {
    const s = buildTicket(numbers[i], ctx);
    seeded.push(s);
    const x = s.ticket;
    // The triggers' expressions: A = identifiers, B = subject, C = description, D = every message.
    const a = [x.reference, x.orderNumber, x.waybillNumber, x.customerName, x.customerEmail, x.customerPhone].filter((v) => v !== null).join(' ');
    const c = vectors.idsOf(x.description);
    const d = [c]; // the first message is the description
    for (let k = 1; k < s.messages.length; k++) d.push(vectors.cachedIdsOf(s.messages[k].body));
    const parts = [[vectors.idsOf(a)], [vectors.cachedIdsOf(x.subject)], [c], d] as const;
    if (first && i < 25) samples.push({ a, subject: x.subject, description: x.description, bodies: s.messages.map((mm) => mm.body), ...vectors.build(parts) });

    tickets.text(copyFields([
      x.id, x.reference, x.type, x.status, x.priority, x.channel, x.subject, x.description, x.customerName, x.customerEmail,
      x.customerPhone, x.orderNumber, x.orderItems, x.orderAmount, x.paymentMethod, x.paidAt, x.courierCode,
      x.waybillNumber, x.expectedDeliveryDate, x.assigneeId, x.tags, x.createdAt, x.updatedAt, x.resolvedAt,
      x.closedAt, x.templateKey, x.nextDeadlineAt, x.slaDueAt, x.slaBreached,
    ]));
    vectors.write(parts, tickets); // message_search_vector, search_vector
    tickets.byte(NEWLINE);
    for (const mm of s.messages) messages.text(copyRow([orderedUuid(), mm.ticketId, mm.kind, mm.authorType, mm.authorId, mm.authorName, mm.body, mm.createdAt]));
    for (const r of s.sla) {
      sla.text(copyRow([r.ticketId, r.target, r.policyId, r.business, r.targetMinutes, r.state, r.startedAt, r.dueAt, r.pausedAt, r.breachedAt,
        r.fulfilledAt, latest(r.startedAt, r.fulfilledAt, r.breachedAt, r.pausedAt)]));
    }
    if (s.scenario) {
      const r = s.scenario;
      scenarios.text(copyRow([r.ticketId, r.templateId, r.fieldValues, r.checklist, r.deadlines, r.appliedAt, r.appliedBy]));
    }
    if (s.shipment) {
      const r = s.shipment;
      [orderedUuid(), r.courierCode, r.waybill, r.status, r.rawStatus, r.lastEventAt, r.expectedDelivery, r.createdAt].forEach((val, k) => ship[k].push(val));
    }
    if (i % 50 === 49) {
      // Let the event loop feed the previous batch to the database while this one is built.
      gen.seconds += seconds(t);
      await yieldToIo();
      t = process.hrtime.bigint();
    }
  }
  gen.seconds += seconds(t);

  // Event ids from the identity sequence, in the events' order (what INSERT … SELECT would assign).
  const eventCount = seeded.reduce((n, s) => n + s.events.length, 0);
  const ids = await nextValues(seq, eventSequence, eventCount);
  if (first) await checkAgainstDatabase(seq, samples);
  t = process.hrtime.bigint();
  const events = new ByteWriter(eventCount * 260);
  const projections = new ByteWriter(eventCount * 10);
  // Daily dashboard counts, as TicketActivityService would project these events.
  const stats = new Map<string, [number, number]>();
  let k = 0;
  for (const s of seeded) {
    for (const e of s.events) {
      const id = ids[k++];
      events.text(copyRow([id, e.ticketId, e.kind, e.actorType, e.actorId, e.actorName, e.before, e.after, e.at]));
      projections.text(`${id}\n`);
      const created = e.kind === 'created';
      const resolved = e.kind === 'status_changed' && e.after !== null && JSON.parse(e.after).status === 'resolved';
      if (created || resolved) {
        const key = `${kstDay(e.at)}|${e.ticketType}`;
        const counts = stats.get(key) ?? [0, 0];
        counts[created ? 0 : 1]++;
        stats.set(key, counts);
      }
    }
  }
  gen.seconds += seconds(t);
  return {
    tickets: tickets.view(), messages: messages.view(), events: events.view(), projections: projections.view(),
    sla: sla.view(), scenarios: scenarios.view(), shipments: ship, stats,
  };
}

/** Sends one batch on the loading connection (inside whatever transaction it has open). */
async function writeBatch(db: PoolClient, b: Batch, tables: Record<string, number>, stats: boolean): Promise<void> {
  let t = process.hrtime.bigint();
  const lap = (table: string) => {
    tables[table] = (tables[table] ?? 0) + seconds(t);
    t = process.hrtime.bigint();
  };
  // One statement after the other; the JS builds the next batch meanwhile (see buildBatch's yields).
  await copyIn(db, 'tickets', TICKET_COLUMNS, b.tickets);
  lap('tickets');
  await copyIn(db, 'ticket_messages', MESSAGE_COLUMNS, b.messages);
  lap('ticket_messages');
  await copyIn(db, 'ticket_events', EVENT_COLUMNS, b.events);
  lap('ticket_events');
  await copyIn(db, 'ticket_event_projections', ['event_id'], b.projections);
  lap('ticket_event_projections');
  await db.query(
    `INSERT INTO shipments (id, courier_code, waybill, status, raw_status, last_event_at, expected_delivery, created_at, updated_at)
     SELECT id, courier_code, waybill, status, raw_status, last_event_at, expected_delivery, created_at, last_event_at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::date[], $8::timestamptz[])
            AS x(id, courier_code, waybill, status, raw_status, last_event_at, expected_delivery, created_at)
     ON CONFLICT (courier_code, waybill) DO NOTHING`,
    b.shipments,
  );
  lap('shipments');
  await copyIn(db, 'ticket_sla', SLA_COLUMNS, b.sla);
  lap('ticket_sla');
  await copyIn(db, 'ticket_scenarios', SCENARIO_COLUMNS, b.scenarios);
  lap('ticket_scenarios');
  if (stats) {
    await addDailyStats(db, b.stats);
    lap('ticket_stats_daily');
  }
}

/**
 * Adds to the dashboard's daily counts, in key order so that two seeding sessions lock rows in the
 * same order. (A big seed adds them once at the end: updating the same ~2,000 rows after every batch
 * of one long transaction leaves ever longer chains of row versions to walk, ~2 minutes per 1 M.)
 */
async function addDailyStats(db: PoolClient, stats: Map<string, [number, number]>): Promise<void> {
  const rows: unknown[][] = [[], [], [], []];
  for (const key of [...stats.keys()].sort()) {
    const [day, type] = key.split('|');
    const [c, r] = stats.get(key)!;
    rows[0].push(day);
    rows[1].push(type);
    rows[2].push(c);
    rows[3].push(r);
  }
  await db.query(
    `INSERT INTO ticket_stats_daily (day, type, created_count, resolved_count)
     SELECT day, type, created_count, resolved_count
       FROM unnest($1::date[], $2::ticket_type[], $3::int[], $4::int[]) AS x(day, type, created_count, resolved_count)
      ORDER BY day, type
     ON CONFLICT (day, type) DO UPDATE
       SET created_count = ticket_stats_daily.created_count + EXCLUDED.created_count,
           resolved_count = ticket_stats_daily.resolved_count + EXCLUDED.resolved_count`,
    rows,
  );
}

/** One batch in its own transaction (top-ups with the indexes in place). */
async function writeBatchCommitted(db: PoolClient, b: Batch, tables: Record<string, number>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.query('BEGIN');
      await setSeedingSession(db);
      await writeBatch(db, b, tables, true);
      await db.query('COMMIT');
      return;
    } catch (err) {
      await db.query('ROLLBACK').catch(() => undefined);
      // Two seeding sessions can meet on the same ticket_stats_daily rows; a deadlock just means try again.
      if ((err as { code?: string }).code !== '40P01' || attempt >= 5) throw err;
    }
  }
}
