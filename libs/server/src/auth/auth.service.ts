import { Injectable, Inject } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { DomainError } from '../core/errors/domain-error';
import { verifyAgainstDummy, verifyPassword } from '../users/password';
import { UserEntity } from '../users/user.entity';
import type { AuthUser } from './actor';
import { LoginAttempts } from './login-attempts';
import { SessionEntity } from './session.entity';

/** Sliding sessions are extended at most this often, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attempts: LoginAttempts,
  ) {}

  async login(
    email: string,
    password: string,
    meta: { ip?: string | null; userAgent?: string | null },
  ): Promise<{ user: UserEntity; token: string; expiresAt: Date }> {
    await this.attempts.takeAttempt(email);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    const ok = user && user.active ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    if (!user || !ok) {
      // One answer for unknown e-mail, inactive account and wrong password.
      throw new DomainError(
        'INVALID_CREDENTIALS',
        '이메일 또는 비밀번호가 올바르지 않습니다. / Wrong e-mail or password.',
      );
    }
    await this.attempts.recordSuccess(email);
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = this.expiry(now);
    await this.sessions.insert({
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt,
      lastSeenAt: now,
      ip: meta.ip?.slice(0, 100) ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    });
    // Opportunistic cleanup keeps the table small without a separate job.
    await this.sessions.delete({ userId: user.id, expiresAt: LessThan(now) });
    return { user, token, expiresAt };
  }

  async authenticate(token: string | undefined): Promise<AuthUser | null> {
    if (!token || token.length > 200) return null;
    const session = await this.sessions.findOne({
      where: { tokenHash: hashToken(token) },
      relations: { user: true },
    });
    const now = new Date();
    if (!session || !session.user || !session.user.active || session.expiresAt <= now) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.sessions.update({ id: session.id }, { lastSeenAt: now, expiresAt: this.expiry(now) });
    }
    const u = session.user;
    return { id: u.id, email: u.email, name: u.name, role: u.role, sessionId: session.id };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
  }

  private expiry(from: Date): Date {
    return new Date(from.getTime() + this.config.sessionTtlHours * 3600_000);
  }
}
