// The ticket list's built-in views and Korean search on a large table: the first page of each view
// through the real API process (HTTP, signed in as an agent), beside the same two statements (bounded
// count + page) run directly with node-pg, and `q` searches of 1, 2 and 3 Korean characters.
// Tickets are seeded with SQL (generate_series, in batches) and kept between runs of the same size
// (a database filled by `npm run seed:scale` with as many tickets is reused as it is).
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { spawn } from 'node:child_process';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { TICKET_VIEWS, viewQueryParams } from '@shopdesk/contracts/ticket-views';
import { OPEN_STATUSES } from '@shopdesk/contracts/tickets';
import { AppConfigModule } from '@shopdesk/server/core/config/config.module';
import { DatabaseModule } from '@shopdesk/server/core/db/database.module';
import { parseListQuery } from '@shopdesk/server/core/http/list-query';
import { QueueModule } from '@shopdesk/server/core/queue/queue.module';
import { redisOptionsFromUrl } from '@shopdesk/server/core/queue/redis-options';
import { TicketingModule } from '@shopdesk/server/ticketing.module';
import { TICKET_LIST_SPEC, TicketsService } from '@shopdesk/server/tickets/tickets.service';
import { hashPassword } from '@shopdesk/server/users/password';
import { API_MAIN, apiNodeArgs, freePort, prepareOwnBenchDatabase, stopProcess, waitForHealth } from './bench-env';
import { loadHttp } from './http-load';
import { type BenchFigure, type BenchResult, ms, summarize } from './stats';

const GOAL_VIEW_P95_MS = 20;
const GOAL_SEARCH_P95_MS = 100;
const BATCH = 50_000;
const AGENTS = 20;
const PASSWORD = 'bench-views-password';
const SEARCH_TERMS = ['환', '환불', '배송비'];

@Module({ imports: [AppConfigModule, DatabaseModule, QueueModule.forRoot('producer'), TicketingModule] })
class StatementsModule {}

const SUBJECTS = ['환불 요청합니다', '배송이 오지 않았어요', '배송비 환불 문의', '결제 취소 부탁드립니다', '상품이 파손되어 왔어요', '교환 가능한가요'];
const BODIES = [
  '주문한 상품이 아직 도착하지 않았습니다. 확인 부탁드립니다.',
  '배송비가 두 번 결제되었어요. 환불해 주세요.',
  '환불은 언제 처리되나요? 카드사에는 아직 취소 내역이 없습니다.',
  '택배사에 문의했더니 분실이라고 합니다. 다시 보내 주실 수 있나요?',
  '아이가 실수로 결제했습니다. 결제 취소 부탁드립니다.',
  '상자가 찢어진 채로 왔고 안에 있던 컵이 깨져 있었어요.',
];
const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

/** Seeds `n` tickets (90 % closed, 5 % resolved, 5 % open work, newest open) with one customer message each. */
async function seed(pool: Pool, n: number, agentIds: string[]): Promise<void> {
  const [{ count }] = (await pool.query(`SELECT count(*)::int AS count FROM tickets`)).rows;
  const [{ messages }] = (await pool.query(`SELECT count(*)::int AS messages FROM ticket_messages`)).rows;
  if (count === n && messages >= n) {
    console.log(`reusing ${n.toLocaleString()} seeded tickets and ${messages.toLocaleString()} messages`);
    return;
  }
  console.log(`seeding ${n.toLocaleString()} tickets + ${n.toLocaleString()} messages in batches of ${BATCH.toLocaleString()} …`);
  await pool.query(`TRUNCATE tickets CASCADE`);
  const started = Date.now();
  for (let from = 1; from <= n; from += BATCH) {
    const to = Math.min(n, from + BATCH - 1);
    // i = 1 is the newest ticket; open work is concentrated among the newest ~10 % like a live shop.
    await pool.query(
      `INSERT INTO tickets (reference, type, status, priority, channel, subject, description, customer_name, customer_email,
                            created_at, updated_at, assignee_id, sla_due_at, sla_breached, next_deadline_at, template_key)
       SELECT 'BV-' || lpad(i::text, 8, '0'),
              (ARRAY['missing_delivery','refund','cancellation']::ticket_type[])[1 + i % 3],
              s.status,
              (ARRAY['low','normal','normal','high','urgent']::ticket_priority[])[1 + i % 5],
              'form',
              (${sqlArray(SUBJECTS)})[1 + i % ${SUBJECTS.length}] || ' #' || i,
              (${sqlArray(BODIES)})[1 + (i / 7) % ${BODIES.length}],
              '고객' || (i % 5000),
              'customer' || (i % 5000) || '@example.com',
              now() - make_interval(secs => i * 30), now() - make_interval(secs => i * 30),
              CASE WHEN i % 11 = 0 THEN NULL ELSE ($1::uuid[])[1 + i % $2::int] END,
              CASE WHEN s.open THEN now() + make_interval(mins => (i * 7) % 1440 - 120) END,
              CASE WHEN s.open THEN (i * 7) % 1440 < 120 ELSE i % 40 = 0 END,
              CASE WHEN s.open AND i % 4 = 0 THEN now() + make_interval(hours => (i / 4) % 120 - 24) END,
              CASE WHEN i % 4 = 0 THEN 'missing_delivery_basic' END
         FROM generate_series($3::int, $4::int) i,
              LATERAL (SELECT (CASE WHEN i <= $5::int * 0.1 AND i % 2 = 0 THEN
                                      (ARRAY['new','open','open','pending_customer','pending_courier','pending_warehouse'])[1 + (i / 2) % 6]
                                    WHEN i % 20 = 0 THEN 'resolved' ELSE 'closed' END)::ticket_status AS status) st,
              LATERAL (SELECT st.status, st.status NOT IN ('resolved', 'closed') AS open) s`,
      [agentIds, agentIds.length, from, to, n],
    );
    await pool.query(
      `INSERT INTO ticket_messages (ticket_id, kind, author_type, author_name, body, created_at)
       SELECT id, 'customer_message', 'customer', customer_name, description, created_at
         FROM tickets WHERE reference BETWEEN 'BV-' || lpad($1::text, 8, '0') AND 'BV-' || lpad($2::text, 8, '0')`,
      [from, to],
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(`  ${to.toLocaleString()} / ${n.toLocaleString()} tickets (${seconds.toFixed(0)} s, ${Math.round(to / seconds).toLocaleString()}/s)`);
  }
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s; ANALYZE …`);
  await pool.query(`VACUUM ANALYZE tickets`);
  await pool.query(`VACUUM ANALYZE ticket_messages`);
}

async function ensureAgents(pool: Pool): Promise<string[]> {
  const hash = await hashPassword(PASSWORD);
  for (let i = 0; i < AGENTS; i++) {
    await pool.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, 'agent', $3)
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash`,
      [`bench.agent${i}@shopdesk.test`, `벤치 상담원 ${i}`, hash],
    );
  }
  const { rows } = await pool.query(`SELECT id FROM users WHERE email LIKE 'bench.agent%@shopdesk.test' ORDER BY email`);
  return rows.map((r: { id: string }) => r.id);
}

async function sample(times: number, warmup: number, fn: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

export async function benchViews(opts: { tickets: number; samples: number }): Promise<BenchResult> {
  // Its own database (kept between runs: it may hold a seed:scale dataset); the BENCH_* variables are
  // restored afterwards, so a following bench never lands on it.
  const url = await prepareOwnBenchDatabase({
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/shopdesk_bench_views',
    redisUrl: 'redis://127.0.0.1:6379/9',
    queuePrefix: 'shopdesk-bench-views',
  });
  const redis = new IORedis(redisOptionsFromUrl(process.env.REDIS_URL!));
  await redis.flushdb(); // the bench Redis DB only
  await redis.quit();

  const pool = new Pool({ connectionString: url, max: 4 });
  const agentIds = await ensureAgents(pool);
  await seed(pool, opts.tickets, agentIds);

  // The exact statements the list endpoint runs, from the service that runs them.
  const ctx = await NestFactory.createApplicationContext(StatementsModule, { logger: ['error'] });
  const tickets = ctx.get(TicketsService);
  // "내 티켓" is measured as the agent with the most open tickets (on a seed:scale database those are
  // scale.agentN, not the bench's own agents); the bench sets that user's password in its database.
  const busiest = (
    await pool.query<{ id: string; email: string }>(
      `SELECT u.id, u.email FROM tickets t JOIN users u ON u.id = t.assignee_id
        WHERE t.status IN (${OPEN_STATUSES.map((st) => `'${st}'`).join(', ')})
        GROUP BY u.id, u.email ORDER BY count(*) DESC, u.email LIMIT 1`,
    )
  ).rows[0];
  const me = busiest?.id ?? agentIds[0];
  const myEmail = busiest?.email ?? 'bench.agent0@shopdesk.test';
  await pool.query(`UPDATE users SET password_hash = $2, active = true WHERE id = $1`, [me, await hashPassword(PASSWORD)]);

  const port = await freePort();
  const api = spawn(process.execPath, [...apiNodeArgs(), API_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      FORM_TOKEN_SECRET: 'bench-form-token-secret-0123456789abcdef',
      SMTP_HOST: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const rows: Array<{ name: string; http: number[]; pg?: number[]; total: string; goal: number }> = [];
  try {
    await waitForHealth(api, port);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: myEmail, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = String(login.headers.getSetCookie()[0] ?? '').split(';')[0];
    console.log(`API pid ${api.pid} on :${port}; ${opts.samples} sequential requests per row after 10 warm-up ones; signed in as ${myEmail}`);

    /** One request (checked, for the total), then warm-up and measured ones, one at a time. */
    const measure = async (params: Record<string, string>) => {
      const path = `/tickets?${new URLSearchParams(params)}`;
      const first = await fetch(base + path, { headers: { cookie } });
      if (first.status !== 200) return { status: first.status, body: await first.text() };
      const total = first.headers.get('content-range')?.split('/')[1] ?? '?';
      const run = (amount: number) => loadHttp({ url: base + path, connections: 1, amount, headers: { cookie } });
      await run(warmup);
      const r = await run(opts.samples);
      if ((r.statuses.get(200) ?? 0) !== r.requests) throw new Error(`GET ${path} answered ${JSON.stringify(Object.fromEntries(r.statuses))}`);
      return { status: 200, total, latencies: r.latencies };
    };

    // The first measured row would otherwise also pay the API's JIT warm-up: it gets 50 warm-up requests, the rest 10.
    let warmup = 50;
    for (const view of TICKET_VIEWS) {
      // Each view as its tab asks for it: its filter and its own sort, if it has one (else newest first).
      const params = viewQueryParams(view);
      const m = await measure(params);
      if (m.status !== 200 || !m.latencies) throw new Error(`view ${view.id}: the API answered ${m.status} (${m.body?.slice(0, 300)})`);
      const query = parseListQuery(params, TICKET_LIST_SPEC);
      const { count, page } = tickets.listStatements(query, me);
      const [pageSql, pageParams] = page.getQueryAndParameters();
      const pgSamples = await sample(opts.samples, 10, async () => {
        await pool.query(count.sql, count.params);
        await pool.query(pageSql, pageParams);
      });
      warmup = 10;
      rows.push({ name: `view ${view.id}`, http: m.latencies, pg: pgSamples, total: m.total!, goal: GOAL_VIEW_P95_MS });
    }
    for (const term of SEARCH_TERMS) {
      // As the list asks: default sort `relevance` (ranked up to SEARCH_COUNT_CAP matches, else newest first).
      const m = await measure({ filter: JSON.stringify({ q: term }), range: '[0,24]' });
      if (m.status !== 200 || !m.latencies) {
        console.log(`search "${term}": the API answered ${m.status} (${m.body?.slice(0, 200)}) — skipped`);
        continue;
      }
      rows.push({ name: `search "${term}" (${term.length} char)`, http: m.latencies, total: m.total!, goal: GOAL_SEARCH_P95_MS });
    }
  } finally {
    await stopProcess(api);
    await ctx.close();
    await pool.end();
  }

  console.log(`\n${opts.tickets.toLocaleString()} tickets; latency of the first page (25 rows + bounded count)`);
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad('', 30)}${pad('rows', 8)}${pad('HTTP p50', 12)}${pad('p95', 12)}${pad('p99', 12)}${pad('pg p50', 12)}${pad('pg p95', 12)}goal p95`);
  for (const r of rows) {
    const h = summarize(r.http);
    const p = r.pg ? summarize(r.pg) : undefined;
    console.log(
      `${pad(r.name, 30)}${pad(r.total, 8)}${pad(ms(h.p50), 12)}${pad(ms(h.p95), 12)}${pad(ms(h.p99), 12)}` +
        `${pad(p ? ms(p.p50) : '–', 12)}${pad(p ? ms(p.p95) : '–', 12)}≤ ${r.goal} ms ${h.p95 <= r.goal ? 'PASS' : 'FAIL'}`,
    );
  }
  const figures: BenchFigure[] = rows.map((r) => ({
    name: `${r.name} (${r.total} rows)`,
    unit: 'ms',
    runs: r.http,
    ceilings: r.pg ? [{ name: 'same SQL directly with pg', runs: r.pg }] : undefined,
    goal: { stat: 'p95', op: '<=', value: r.goal },
  }));
  return {
    bench: 'views',
    dataset: `${opts.tickets.toLocaleString('en-US')} tickets; ${opts.samples} sequential requests per view or search (first page of 25 + bounded count)`,
    figures,
  };
}
