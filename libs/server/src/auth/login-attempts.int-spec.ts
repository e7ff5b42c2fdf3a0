// The per-account sign-in limit on the real Redis, with tries arriving at once (as they do through
// several API instances): the limit holds exactly, and a success clears the count.
import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { TEST_REDIS_URL } from '@shopdesk/testing/test-env';
import type { AppConfig } from '../core/config/app-config';
import { redisOptionsFromUrl } from '../core/queue/redis-options';
import { LoginAttempts } from './login-attempts';

describe('LoginAttempts (real Redis)', () => {
  const prefix = `login-attempts-test-${randomUUID()}`;
  let redis: IORedis;
  let attempts: LoginAttempts;

  beforeAll(() => {
    redis = new IORedis(redisOptionsFromUrl(TEST_REDIS_URL));
    attempts = new LoginAttempts(redis, { loginFailuresPerAccountPerHour: 5, queuePrefix: prefix } as AppConfig);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  const outcome = (email: string) =>
    attempts.takeAttempt(email).then(
      () => 'allowed',
      (err: { code?: string }) => err.code,
    );

  it('lets exactly the limit through when 20 tries arrive at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome('Concurrent@Example.com')));
    expect(results.filter((r) => r === 'allowed')).toHaveLength(5);
    expect(results.filter((r) => r === 'RATE_LIMITED')).toHaveLength(15);
    // The same account in other spelling is still locked; its key expires within the hour.
    expect(await outcome(' concurrent@example.com ')).toBe('RATE_LIMITED');
    const [key] = await redis.keys(`${prefix}:login-failures:*`);
    expect(await redis.ttl(key)).toBeGreaterThan(3_500);
  });

  it('a success clears the count', async () => {
    const email = `success.${randomUUID()}@example.com`;
    for (let i = 0; i < 4; i++) expect(await outcome(email)).toBe('allowed');
    await attempts.recordSuccess(email);
    for (let i = 0; i < 5; i++) expect(await outcome(email)).toBe('allowed');
    expect(await outcome(email)).toBe('RATE_LIMITED');
  });
});
