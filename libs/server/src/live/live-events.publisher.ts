import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { LiveEvent, LiveTicketEvent } from '@shopdesk/contracts/live';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { REDIS_CLIENT } from '../core/queue/queue.module';
import { TicketsService, type TicketChangeContext } from '../tickets/tickets.service';
import { liveChannel } from './live-channel';

/**
 * Tells every API instance that a ticket changed: a ticket listener whose only work is after the
 * commit (a PUBLISH on the shared client), so nobody is told about a change that rolled back.
 * Runs wherever tickets change — API, worker, seed — so SLA escalations and courier scans show live too.
 */
@Injectable()
export class LiveEventsPublisher implements OnModuleInit {
  constructor(
    private readonly tickets: TicketsService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.tickets.addListener({ onTicketChange: async (ctx) => ({ afterCommit: () => this.publish(ticketEvent(ctx)) }) });
  }

  async publish(event: LiveEvent): Promise<void> {
    await this.redis.publish(liveChannel(this.config.queuePrefix), JSON.stringify(event));
  }
}

/** Only what the ticket list already shows; a customer actor is not named (their name is PII). */
export function ticketEvent(ctx: Pick<TicketChangeContext, 'ticket' | 'drafts' | 'actor' | 'at'>): LiveTicketEvent {
  const { ticket, actor } = ctx;
  return {
    type: 'ticket',
    ticketId: ticket.id,
    reference: ticket.reference,
    changes: [...new Set(ctx.drafts.map((d) => d.kind))],
    actor: { type: actor.type, id: actor.type === 'customer' ? null : actor.id, name: actor.type === 'customer' ? null : actor.name },
    at: ctx.at.toISOString(),
  };
}
