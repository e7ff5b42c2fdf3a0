import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UserRole } from '@shopdesk/contracts/users';
import type { Actor } from '../auth/actor';
import { statusPathTo } from '../tickets/ticket-lifecycle';
import { TicketsService } from '../tickets/tickets.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { DEMO_TICKETS, type DemoAgentKey, type DemoTicket } from './demo-tickets';

export interface DemoUser {
  key: DemoAgentKey;
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

/** Demo accounts, one per role. Passwords can be overridden with DEMO_PASSWORD. */
export function demoUsers(password = process.env.DEMO_PASSWORD || 'shopdesk-demo'): DemoUser[] {
  return [
    { key: 'agent', email: 'agent@shopdesk.test', name: '김상담', role: 'agent', password },
    { key: 'lead', email: 'lead@shopdesk.test', name: '박리드', role: 'lead', password },
    { key: 'admin', email: 'admin@shopdesk.test', name: '최관리', role: 'admin', password },
  ];
}

const HOUR = 3600_000;

/**
 * Seeds the demo once: missing demo users are created on every run, tickets only into an empty
 * table. Everything goes through the real services, so the audit log and projections are real.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly tickets: TicketsService,
  ) {}

  async run(now = new Date()): Promise<{ usersCreated: number; ticketsCreated: number; users: DemoUser[] }> {
    const users = demoUsers();
    const actors = new Map<DemoAgentKey, Actor>();
    let usersCreated = 0;
    for (const u of users) {
      let entity = await this.db.getRepository(UserEntity).findOneBy({ email: u.email });
      if (!entity) {
        await this.users.create(u);
        entity = await this.db.getRepository(UserEntity).findOneByOrFail({ email: u.email });
        usersCreated++;
      }
      actors.set(u.key, { type: 'agent', id: entity.id, name: entity.name, role: entity.role });
    }

    const existing = (await this.db.query(`SELECT EXISTS (SELECT 1 FROM tickets) AS any`)) as { any: boolean }[];
    if (existing[0].any) return { usersCreated, ticketsCreated: 0, users };

    // Oldest first, so references grow with creation time as they would in production.
    const ordered = [...DEMO_TICKETS].sort((a, b) => b.ageHours - a.ageHours);
    for (const demo of ordered) await this.seedTicket(demo, actors, now);
    this.logger.log(`Seeded ${ordered.length} demo tickets`);
    return { usersCreated, ticketsCreated: ordered.length, users };
  }

  private async seedTicket(demo: DemoTicket, actors: Map<DemoAgentKey, Actor>, now: Date): Promise<void> {
    const createdAt = new Date(now.getTime() - demo.ageHours * HOUR);
    const customer: Actor = { type: 'customer', id: null, name: demo.input.customer.name };
    const creator = demo.input.channel === 'form' || !demo.input.channel ? customer : actors.get('agent')!;
    const ticket = await this.tickets.create(demo.input, creator, { at: createdAt });
    const at = (hours: number) => new Date(Math.min(now.getTime(), createdAt.getTime() + hours * HOUR));

    let last = 0;
    if (demo.assignTo) {
      last = Math.min(0.2, demo.ageHours / 10);
      await this.tickets.assign(ticket.id, actors.get(demo.assignTo)!.id, actors.get('lead')!, { at: at(last) });
    }
    for (const msg of [...demo.messages].sort((a, b) => a.afterHours - b.afterHours)) {
      const author = msg.author === 'customer' ? customer : actors.get(msg.author)!;
      last = Math.max(last, msg.afterHours);
      await this.tickets.addMessage(ticket.id, { kind: msg.kind, body: msg.body }, author, { at: at(last) });
    }
    const current = (await this.tickets.get(ticket.id)).status;
    const path = statusPathTo(demo.status);
    const steps = path.slice(path.indexOf(current) + 1);
    const worker = actors.get(demo.assignTo ?? 'agent')!;
    const remaining = Math.max(0.1, demo.ageHours - last);
    for (const [i, status] of steps.entries()) {
      await this.tickets.changeStatus(ticket.id, status, worker, {
        at: at(last + (remaining * (i + 1)) / (steps.length + 1)),
      });
    }
  }
}
