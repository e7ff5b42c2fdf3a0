import IORedis from 'ioredis';
import { Client } from 'pg';
import { createMigrationDataSource } from '@shopdesk/migrations/data-source';
import { redisOptionsFromUrl } from '@shopdesk/server/core/queue/redis-options';
import { TEST_DATABASE_URL, TEST_QUEUE_PREFIX, TEST_REDIS_URL } from './test-env';

/**
 * Once per jest run: recreate the test database, run every migration (the same ones production
 * runs) and clear the test queue prefix in Redis.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.SHOPDESK_TEST_SERVICES_READY === '1') return; // several projects share this setup
  const url = new URL(TEST_DATABASE_URL);
  const dbName = url.pathname.slice(1);
  if (!/_test$/.test(dbName)) throw new Error(`Refusing to reset ${dbName}: test database names end in _test`);

  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${url.host} (${(e as Error).message}). Start it, or set TEST_DATABASE_URL.`,
    );
  }
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();

  const ds = createMigrationDataSource(TEST_DATABASE_URL);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();

  const redis = new IORedis({ ...redisOptionsFromUrl(TEST_REDIS_URL), lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
  } catch (e) {
    throw new Error(`Redis is not reachable at ${TEST_REDIS_URL} (${(e as Error).message}). Start it, or set TEST_REDIS_URL.`);
  }
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${TEST_QUEUE_PREFIX}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
  process.env.SHOPDESK_TEST_SERVICES_READY = '1';
}
