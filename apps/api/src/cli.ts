// `node apps/api/dist/cli.js migrate|seed` — one-shot commands used by `npm start` and Docker.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createMigrationDataSource } from '@shopdesk/migrations/data-source';
import { AppConfigModule } from '@shopdesk/server/core/config/config.module';
import { ConfigError, loadConfig } from '@shopdesk/server/core/config/app-config';
import { DatabaseModule } from '@shopdesk/server/core/db/database.module';
import { QueueModule } from '@shopdesk/server/core/queue/queue.module';
import { DemoModule } from '@shopdesk/server/demo/demo.module';
import { DemoSeedService } from '@shopdesk/server/demo/demo-seed.service';
import { ScenarioTemplatesService } from '@shopdesk/server/scenarios/scenario-templates.service';
import { TicketingModule } from '@shopdesk/server/ticketing.module';
import { SEED_TEMPLATES } from '@shopdesk/server/scenarios/seed-templates';

@Module({ imports: [AppConfigModule, DatabaseModule, QueueModule.forRoot('producer'), TicketingModule, DemoModule] })
class SeedModule {}

async function migrate(): Promise<void> {
  const ds = createMigrationDataSource();
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    console.log(
      ran.length
        ? `마이그레이션 ${ran.length}개 적용 / applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`
        : '스키마 최신 상태 / schema up to date',
    );
  } finally {
    await ds.destroy();
  }
}

async function seed(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    // The five shipped scenario templates are product data: installed everywhere, never overwritten.
    const templates = await app.get(ScenarioTemplatesService).ensureSeeded(SEED_TEMPLATES);
    console.log(`시나리오 템플릿 / scenario templates: ${templates} installed`);
    if (config.nodeEnv === 'production' && process.env.SEED_DEMO !== 'true') {
      console.log('운영 환경에서는 데모 데이터를 넣지 않습니다 / production: demo seed skipped (set SEED_DEMO=true to force)');
      return;
    }
    const result = await app.get(DemoSeedService).run();
    console.log(
      `데모 데이터 / demo data: ${result.usersCreated} user(s), ${result.ticketsCreated} ticket(s) created`,
    );
    console.log('데모 계정 / demo accounts (e-mail · password · role):');
    for (const u of result.users) console.log(`  ${u.email} · ${u.password} · ${u.role}`);
  } finally {
    await app.close();
  }
}

const commands: Record<string, () => Promise<void>> = { migrate, seed };
const command = process.argv[2] ?? '';
const run = commands[command];
if (!run) {
  console.error(`사용법 / usage: node apps/api/dist/cli.js <${Object.keys(commands).join('|')}>`);
  process.exit(2);
}
run().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);
