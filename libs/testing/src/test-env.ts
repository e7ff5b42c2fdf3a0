import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Points every test at its own database, Redis DB and queue prefix — never the dev data.
// TEST_DATABASE_URL / TEST_REDIS_URL override the local defaults.

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/shopdesk_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/15';
export const TEST_QUEUE_PREFIX = 'shopdesk-test';
export const TEST_FORM_TOKEN_SECRET = 'test-form-token-secret-0123456789abcdef';
export const TEST_ATTACHMENTS_DIR = join(tmpdir(), 'shopdesk-test-attachments');
export const TEST_EXPORTS_DIR = join(tmpdir(), 'shopdesk-test-exports');

export function applyTestEnv(env: NodeJS.ProcessEnv = process.env): void {
  env.NODE_ENV = 'test';
  env.DATABASE_URL = TEST_DATABASE_URL;
  env.REDIS_URL = TEST_REDIS_URL;
  env.QUEUE_PREFIX = TEST_QUEUE_PREFIX;
  env.LOG_LEVEL = process.env.TEST_LOG_LEVEL || 'silent';
  env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
  env.DATABASE_POOL_SIZE = '5';
  // The public form: a known form-token secret lets tests sign "opened a minute ago" tokens;
  // limits are high except in the tests that check them (with client addresses of their own).
  env.FORM_TOKEN_SECRET = TEST_FORM_TOKEN_SECRET;
  env.PUBLIC_RATE_LIMIT_PER_IP_PER_HOUR = '100000';
  env.PUBLIC_RATE_LIMIT_PER_EMAIL_PER_HOUR = '100000';
  env.PUBLIC_READ_RATE_LIMIT_PER_MINUTE = '100000';
  env.ATTACHMENTS_DIR = TEST_ATTACHMENTS_DIR;
  env.EXPORTS_DIR = TEST_EXPORTS_DIR;
}

applyTestEnv();
