import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { DomainError } from '../core/errors/domain-error';
import { REDIS_CLIENT } from '../core/queue/queue.module';

const WINDOW_SECONDS = 3600;

/**
 * Failed sign-ins per account per hour (ASVS 2.2.1), counted in Redis so every API instance sees
 * the same count. Once the limit is reached the account refuses further tries until the hour runs
 * out — with one message whether or not the address exists, so the lock tells nothing about
 * which accounts there are. The per-IP limiter on the route stays in front of this.
 *
 * Each try is counted before the password is checked (one atomic INCR), and a success clears the
 * count: checking first and counting after the failure let concurrent tries through two API
 * instances all pass the check — 8 wrong passwords got checked against a limit of 5 in the
 * multi-instance chaos scenario.
 */
@Injectable()
export class LoginAttempts {
  private readonly logger = new Logger(LoginAttempts.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Takes one try of this address's hourly budget; throws RATE_LIMITED when none is left. */
  async takeAttempt(email: string): Promise<void> {
    const key = this.key(email);
    const replies = await this.safely(() => this.redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec());
    const tries = Number(replies?.[0]?.[1] ?? 0);
    if (tries > this.config.loginFailuresPerAccountPerHour) {
      throw new DomainError(
        'RATE_LIMITED',
        '로그인 시도가 너무 많습니다. 잠시 후 다시 시도하거나 관리자에게 문의하세요. / Too many sign-in attempts; try again later or ask an administrator.',
      );
    }
  }

  /** A successful sign-in forgives the failures before it. */
  async recordSuccess(email: string): Promise<void> {
    await this.safely(() => this.redis.del(this.key(email)));
  }

  private key(email: string): string {
    const digest = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    return `${this.config.queuePrefix}:login-failures:${digest}`;
  }

  /** Redis away: sign-in keeps working (the per-IP limiter and argon2's cost still apply). */
  private async safely<T>(op: () => Promise<T>): Promise<T | undefined> {
    try {
      return await op();
    } catch (err) {
      this.logger.warn({ err }, 'login attempt counter unavailable');
      return undefined;
    }
  }
}
