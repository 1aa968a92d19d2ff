import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../migrations/index.js';
import { allEntities } from './entities.js';

export interface DatabaseSettings {
  url: string;
  /** A read replica: only ReplicaReads (the reports) uses it; everything else stays on `url`. */
  replicaUrl?: string;
  poolSize: number;
  applicationName?: string;
}

/** One definition of the connection for the app, the CLI and the tests. synchronize is never on. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    ...(settings.replicaUrl ? { replication: { master: { url: settings.url }, slaves: [{ url: settings.replicaUrl }], defaultMode: 'master' as const } } : {}),
    entities: allEntities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: settings.poolSize,
    applicationName: settings.applicationName ?? 'htx-fund-lms',
    extra: {
      // Fail fast rather than queue forever when the pool is exhausted.
      connectionTimeoutMillis: 10_000,
      idle_in_transaction_session_timeout: 60_000,
      statement_timeout: 0,
      // TransactionRunner opens business transactions without naming the level (one round
      // trip less per transaction); pinning the session default keeps them READ COMMITTED
      // whatever the server's or database's default_transaction_isolation says.
      options: '-c default_transaction_isolation=read\\ committed',
    },
  };
}
