import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { databaseOf, withClient, withDatabase } from './database.js';

const run = promisify(execFile);

export const PGBENCH_DATABASE_SUFFIX = '_pgbench';

/** libpq environment for pgbench from a postgres:// URL. */
function libpqEnv(url: string): Record<string, string> {
  const u = new URL(url);
  return {
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username || 'postgres'),
    ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}),
    PGDATABASE: databaseOf(url),
  };
}

export async function pgbenchAvailable(): Promise<boolean> {
  try {
    await run('pgbench', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/**
 * TPC-B (pgbench's default script) in a scratch database on the same server: the repayment
 * benchmark's baseline. The scratch database is dropped and recreated each time; it is refused
 * if it holds tables that are not pgbench's.
 */
export async function initPgbench(serverUrl: string, name: string, scale: number): Promise<string> {
  const url = withDatabase(serverUrl, name);
  const exists = await withClient(serverUrl, async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1);
  if (exists) {
    const foreign = await withClient(
      url,
      async (c) =>
        (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'pgbench\\_%'`)).rows[0].n,
    );
    if (foreign > 0) throw new Error(`database ${name} holds tables other than pgbench's: refusing to touch it`);
    await withClient(serverUrl, (c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
  }
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  await run('pgbench', ['-i', '-q', '-s', String(scale)], { env: { ...process.env, ...libpqEnv(url) }, maxBuffer: 16 * 1024 * 1024 });
  return url;
}

export async function runPgbench(url: string, clients: number, seconds: number): Promise<{ tps: number; latencyMs: number | null }> {
  const { stdout } = await run('pgbench', ['-c', String(clients), '-j', '2', '-T', String(seconds), '-n'], {
    env: { ...process.env, ...libpqEnv(url) },
    maxBuffer: 16 * 1024 * 1024,
  });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout) ?? /tps = ([\d.]+)/.exec(stdout);
  const lat = /latency average = ([\d.]+) ms/.exec(stdout);
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return { tps: Number(tps[1]), latencyMs: lat ? Number(lat[1]) : null };
}

export async function dropPgbench(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
