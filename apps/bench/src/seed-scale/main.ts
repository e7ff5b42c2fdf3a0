// `npm run seed:scale -- --tickets 1000000 [--database-url postgres://…]`: tops the database up to
// that many tickets of realistic Korean shop data (see scale-seeder.ts). Refuses production.
import 'reflect-metadata';
import { Client } from 'pg';
import { seedScale, SCALE_AGENT_PASSWORD } from './scale-seeder';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/shopdesk';

function parseArgs(argv: string[]): { tickets: number; databaseUrl: string } {
  let tickets = 1_000_000;
  let databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if (flag === '--tickets') {
      tickets = Number(String(value).replace(/[_,]/g, ''));
      if (!Number.isInteger(tickets) || tickets < 1) throw new Error(`--tickets must be a positive whole number (got "${value}") / --tickets는 1 이상의 정수여야 합니다`);
    } else if (flag === '--database-url') {
      if (!value || !/^postgres(ql)?:\/\//.test(value)) throw new Error(`--database-url must be a postgres:// URL (got "${value}") / --database-url은 postgres:// 주소여야 합니다`);
      databaseUrl = value;
    } else {
      throw new Error(`unknown option "${argv[i]}"; use --tickets N and --database-url URL / 알 수 없는 옵션입니다`);
    }
  }
  return { tickets, databaseUrl };
}

/** Creates the database when missing and applies pending migrations, like `npm start` does. */
async function prepareDatabase(url: string): Promise<void> {
  // Imported here, not at the top: loading the data source reads the app config, which must not
  // happen before the production refusal above has had its say.
  const { createMigrationDataSource } = await import('@shopdesk/migrations/data-source');
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  await admin.end();
  const ds = createMigrationDataSource(url);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}

const fmt = (n: number) => n.toLocaleString('en-US');
const duration = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m ${String(Math.round(s % 60)).padStart(2, '0')}s` : `${s.toFixed(0)}s`);

function progressBar(started: number) {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < 500) return;
    last = now;
    const share = total ? done / total : 1;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? (total - done) / rate : 0;
    const bar = '█'.repeat(Math.round(share * 30)).padEnd(30, '░');
    const line = `${bar} ${(share * 100).toFixed(1).padStart(5)}% ${fmt(done)}/${fmt(total)} tickets · ${fmt(Math.round(rate))}/s · ETA ${duration(eta)}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
    if (done === total && process.stderr.isTTY) process.stderr.write('\n');
  };
}

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('seed:scale는 운영 환경(NODE_ENV=production)에서 실행할 수 없습니다. / seed:scale refuses to run with NODE_ENV=production.');
  }
  const { tickets, databaseUrl } = parseArgs(process.argv.slice(2));
  const where = new URL(databaseUrl);
  console.log(`대량 시드 / scale seed: ${fmt(tickets)} tickets → ${where.host}${where.pathname}`);
  const started = Date.now();
  await prepareDatabase(databaseUrl);
  const result = await seedScale({
    databaseUrl,
    tickets,
    onProgress: progressBar(Date.now()),
    onPhase: (phase) => process.stderr.write(`${phase}…\n`),
  });
  const elapsed = (Date.now() - started) / 1000;
  if (result.inserted === 0) console.log(`이미 ${fmt(result.existing)}건이 있어 추가하지 않았습니다. / ${fmt(result.existing)} tickets already there; nothing to add.`);
  else console.log(`추가 / added ${fmt(result.inserted)} tickets to ${fmt(result.existing)} existing`);
  for (const [table, n] of Object.entries(result.rows)) console.log(`  ${table.padEnd(26)} ${fmt(n).padStart(12)}`);
  if (result.inserted > 0) {
    console.log(`단계별 시간 / seconds per phase${result.rebuiltIndexes ? ' (인덱스 삭제 후 재생성 / indexes dropped and rebuilt)' : ''}:`);
    for (const [phase, s] of Object.entries(result.phases)) {
      const rate = phase === 'generate' || phase === 'load' ? ` (${fmt(Math.round(result.inserted / s))} tickets/s)` : '';
      console.log(`  ${phase.padEnd(48)} ${s.toFixed(1).padStart(7)} s${rate}`);
    }
  }
  console.log(`데이터베이스 크기 / database size: ${(result.databaseBytes / 1024 ** 3).toFixed(2)} GB`);
  console.log(`소요 시간 / elapsed: ${duration(elapsed)} (${elapsed.toFixed(1)} s)`);
  console.log(`상담원 로그인 / agent logins: scale.agent0@shopdesk.test … scale.agent39@shopdesk.test (every tenth a lead), password ${SCALE_AGENT_PASSWORD}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
