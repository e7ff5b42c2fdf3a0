import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { CreateTicketInput, TicketRecord, TicketStatus } from '@shopdesk/contracts/tickets';
import type { UserRole } from '@shopdesk/contracts/users';
import { SYSTEM_ACTOR } from '@shopdesk/server/auth/actor';
import { AppConfigModule } from '@shopdesk/server/core/config/config.module';
import { DatabaseModule } from '@shopdesk/server/core/db/database.module';
import { QueueModule } from '@shopdesk/server/core/queue/queue.module';
import { DemoModule } from '@shopdesk/server/demo/demo.module';
import { ScenarioTemplatesService } from '@shopdesk/server/scenarios/scenario-templates.service';
import { SEED_TEMPLATES } from '@shopdesk/server/scenarios/seed-templates';
import { statusPathTo } from '@shopdesk/server/tickets/ticket-lifecycle';
import { TicketingModule } from '@shopdesk/server/ticketing.module';
import { TicketsService } from '@shopdesk/server/tickets/tickets.service';
import { UsersModule } from '@shopdesk/server/users/users.module';
import { UsersService } from '@shopdesk/server/users/users.service';

@Module({ imports: [AppConfigModule, DatabaseModule, QueueModule.forRoot('producer'), UsersModule, TicketingModule, DemoModule] })
class FactoryModule {}

let context: Promise<INestApplicationContext> | undefined;

/** A Nest context on the test database, opened on first use and closed after each test file. */
export function factoryContext(): Promise<INestApplicationContext> {
  context ??= NestFactory.createApplicationContext(FactoryModule, { logger: false });
  return context;
}

export async function closeFactories(): Promise<void> {
  if (!context) return;
  const c = await context;
  context = undefined;
  await c.close();
}

export const DEFAULT_TEST_PASSWORD = 'test-password-123';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

export async function createUser(
  overrides: { email?: string; name?: string; role?: UserRole; password?: string; active?: boolean } = {},
): Promise<TestUser> {
  const users = (await factoryContext()).get(UsersService);
  const password = overrides.password ?? DEFAULT_TEST_PASSWORD;
  const role = overrides.role ?? 'agent';
  const record = await users.create({
    email: overrides.email ?? `${role}-${randomUUID().slice(0, 8)}@shopdesk.test`,
    name: overrides.name ?? `테스트 ${role}`,
    role,
    password,
    active: overrides.active,
  });
  return { id: record.id, email: record.email, name: record.name, role: record.role, password };
}

export function ticketInput(overrides: Partial<CreateTicketInput> = {}): CreateTicketInput {
  const n = Math.floor(Math.random() * 90_000) + 10_000;
  return {
    type: 'missing_delivery',
    subject: '주문한 상품 중 일부가 오지 않았어요',
    description: '상자를 열어 보니 3개 중 1개가 빠져 있었습니다.',
    priority: 'normal',
    channel: 'form',
    customer: { name: '이서연', email: `seoyeon.${n}@example.com`, phone: '010-2345-6789' },
    order: {
      number: `ORD-20261118-${n}`,
      items: [
        { sku: 'SKU-MUG-WHT', name: '머그컵 화이트', qty: 2, price: 12_000 },
        { sku: 'SKU-TUMBLER-500', name: '텀블러 500ml', qty: 1, price: 25_000 },
      ],
      paymentMethod: 'card',
      paidAt: '2026-11-18T14:20:00+09:00',
    },
    shipment: { courierCode: '04', waybillNumber: `5${n}1234567`, expectedDeliveryDate: '2026-11-20' },
    ...overrides,
  };
}

/** Creates a ticket through the real service and, if asked, walks it to `status` through the state machine. */
export async function createTicket(
  overrides: Partial<CreateTicketInput> & { status?: TicketStatus } = {},
): Promise<TicketRecord> {
  const { status, ...input } = overrides;
  const tickets = (await factoryContext()).get(TicketsService);
  let record = await tickets.create(ticketInput(input), SYSTEM_ACTOR);
  for (const step of statusPathTo(status ?? 'new')) record = await tickets.changeStatus(record.id, step, SYSTEM_ACTOR);
  return record;
}

/** Raw SQL on the test database (assertions on what was really written). */
export async function testQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await factoryContext()).get(DataSource).query(sql, params) as Promise<T[]>;
}

/** Installs the five shipped scenario templates into the test database (idempotent). */
export async function seedTemplates(): Promise<void> {
  await (await factoryContext()).get(ScenarioTemplatesService).ensureSeeded(SEED_TEMPLATES);
}
