import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { PRESENCE_TTL_MS, type PresenceRecord, type PresenceState } from '@shopdesk/contracts/live';
import type { AuthUser } from '../auth/actor';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { DomainError } from '../core/errors/domain-error';
import { REDIS_CLIENT } from '../core/queue/queue.module';
import { TicketEntity } from '../tickets/ticket.entity';
import { presenceKey } from './live-channel';
import { LiveEventsPublisher } from './live-events.publisher';

interface StoredPresence extends PresenceRecord {
  expiresAt: number;
}

/**
 * Who has a ticket open ("김상담 님이 보고 있습니다"): a Redis hash per ticket, one entry per agent,
 * each good for PRESENCE_TTL_MS after the page last said so; the hash key expires with its
 * newest entry, so abandoned tickets leave nothing behind. A change in who is there (arrived,
 * started or stopped replying, left, expired) is published on the live stream.
 */
@Injectable()
export class PresenceService {
  private readonly logger = new Logger(PresenceService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly live: LiveEventsPublisher,
  ) {}

  /** Records `user` on the ticket and returns everyone there now. */
  async set(ticketId: string, user: AuthUser, state: PresenceState, now = new Date()): Promise<PresenceRecord[]> {
    await this.assertTicketExists(ticketId);
    const key = this.key(ticketId);
    const entry: StoredPresence = { userId: user.id, name: user.name, state, at: now.toISOString(), expiresAt: now.getTime() + PRESENCE_TTL_MS };
    const previous = await this.redisCall(() => this.redis.hget(key, user.id));
    await this.redisCall(() => this.redis.multi().hset(key, user.id, JSON.stringify(entry)).pexpire(key, PRESENCE_TTL_MS).exec());
    const { agents, pruned } = await this.read(ticketId, now);
    const before = previous ? (JSON.parse(previous) as StoredPresence) : null;
    const changed = !before || before.expiresAt <= now.getTime() || before.state !== state || pruned;
    if (changed) await this.announce(ticketId, agents);
    return agents;
  }

  async clear(ticketId: string, userId: string, now = new Date()): Promise<void> {
    const removed = await this.redisCall(() => this.redis.hdel(this.key(ticketId), userId));
    if (removed > 0) await this.announce(ticketId, (await this.read(ticketId, now)).agents);
  }

  /** Everyone whose presence has not expired at `now`. */
  async list(ticketId: string, now = new Date()): Promise<PresenceRecord[]> {
    return (await this.read(ticketId, now)).agents;
  }

  private async read(ticketId: string, now: Date): Promise<{ agents: PresenceRecord[]; pruned: boolean }> {
    const key = this.key(ticketId);
    const raw = await this.redisCall(() => this.redis.hgetall(key));
    const agents: PresenceRecord[] = [];
    const expired: string[] = [];
    for (const [userId, json] of Object.entries(raw)) {
      const { expiresAt, ...record } = JSON.parse(json) as StoredPresence;
      if (expiresAt > now.getTime()) agents.push(record);
      else expired.push(userId);
    }
    if (expired.length > 0) await this.redisCall(() => this.redis.hdel(key, ...expired));
    agents.sort((a, b) => a.name.localeCompare(b.name, 'ko'));
    return { agents, pruned: expired.length > 0 };
  }

  private async announce(ticketId: string, agents: PresenceRecord[]): Promise<void> {
    // Presence is a courtesy: a lost announcement is corrected by the next 10-second refresh.
    await this.live.publish({ type: 'presence', ticketId, agents }).catch((err: unknown) => {
      this.logger.warn({ err }, 'Presence change not published');
    });
  }

  private async assertTicketExists(ticketId: string): Promise<void> {
    if (!(await this.db.getRepository(TicketEntity).existsBy({ id: ticketId }))) {
      throw new DomainError('TICKET_NOT_FOUND', '티켓을 찾을 수 없습니다. / Ticket not found.');
    }
  }

  private key(ticketId: string): string {
    return presenceKey(this.config.queuePrefix, ticketId);
  }

  private async redisCall<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.logger.warn({ err }, 'Presence: Redis unavailable');
      throw new DomainError('SERVICE_UNAVAILABLE', '잠시 후 다시 시도하세요 (Redis 연결 없음). / Try again shortly (Redis unavailable).');
    }
  }
}
