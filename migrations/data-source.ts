// The TypeORM CLI's data source (`npm run migration:run|revert|generate`) and the one the
// launcher and tests migrate with.
import { DataSource } from 'typeorm';
import { loadConfig } from '@shopdesk/server/core/config/app-config';
import { dataSourceOptions } from '@shopdesk/server/core/db/data-source-options';
import { loadMigrations } from './load-migrations';

export function createMigrationDataSource(databaseUrl?: string): DataSource {
  const config = loadConfig(databaseUrl ? { ...process.env, DATABASE_URL: databaseUrl } : process.env);
  return new DataSource(dataSourceOptions(config, { migrations: loadMigrations(), logging: ['error'] }));
}

export default createMigrationDataSource();
