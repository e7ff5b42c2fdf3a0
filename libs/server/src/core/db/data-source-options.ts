import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';

export function dataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize'>,
  extra: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'typeorm_migrations',
    uuidExtension: 'pgcrypto',
    extra: {
      max: config.databasePoolSize,
      connectionTimeoutMillis: 5_000,
      // Protect the pool from a runaway query holding a connection forever.
      statement_timeout: 30_000,
      application_name: 'shopdesk',
    },
    ...extra,
  } as DataSourceOptions;
}
