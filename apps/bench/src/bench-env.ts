import { Client } from 'pg';
import { createMigrationDataSource } from '@shopdesk/migrations/data-source';

/**
 * Benchmarks run on their own database (BENCH_DATABASE_URL, default shopdesk_bench on the local
 * server) and queue prefix, so they never touch dev data. The database is created and migrated.
 */
export async function prepareBenchDatabase(): Promise<string> {
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/shopdesk_bench';
  const u = new URL(url);
  const name = u.pathname.slice(1);
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  await admin.end();
  const ds = createMigrationDataSource(url);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  process.env.DATABASE_URL = url;
  process.env.REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379/14';
  process.env.QUEUE_PREFIX = process.env.BENCH_QUEUE_PREFIX || 'shopdesk-bench';
  process.env.LOG_LEVEL = 'warn';
  return url;
}
