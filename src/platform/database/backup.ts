import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Backups (README "Backups and restore"): pg_dump's custom format of the database DATABASE_URL
 * names, restored with pg_restore into a new database. pg_dump refuses a server newer than
 * itself, and pg_restore reads only dumps of its own major version or older, so both are looked
 * for at the server's major version: PG_BIN_DIR when set, Debian's /usr/lib/postgresql/<major>/bin,
 * then the ones on PATH when they are at least that version.
 */
export interface BackupResult {
  file: string;
  database: string;
  bytes: number;
  serverVersion: string;
  pgDump: string;
}

function majorOf(versionText: string): number {
  const m = /(\d+)(?:\.\d+)?/.exec(versionText);
  return m ? Number(m[1]) : 0;
}

async function serverMajor(url: string): Promise<{ major: number; version: string }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ num: string; version: string }>(
      `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`,
    );
    return { major: Math.floor(Number(r.rows[0].num) / 10000), version: r.rows[0].version };
  } finally {
    await c.end();
  }
}

/** The pg_dump or pg_restore that can read or write a server of this major version. */
export function findPgTool(tool: 'pg_dump' | 'pg_restore', major: number, env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.PG_BIN_DIR ? join(env.PG_BIN_DIR, tool) : null, `/usr/lib/postgresql/${major}/bin/${tool}`, `/usr/local/pgsql/bin/${tool}`].filter(
    (c): c is string => c !== null && existsSync(c),
  );
  candidates.push(tool);
  for (const c of candidates) {
    const r = spawnSync(c, ['--version'], { encoding: 'utf8' });
    if (r.status === 0 && majorOf(r.stdout.replace(/^\D+/, '')) >= major) return c;
  }
  throw new Error(
    `no ${tool} of PostgreSQL ${major} or newer found (looked in PG_BIN_DIR, /usr/lib/postgresql/${major}/bin and PATH): install postgresql-client-${major}, or set PG_BIN_DIR to its bin directory`,
  );
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${program} exited ${code}: ${err.trim().slice(-2000)}`))));
  });
}

/** libpq's environment for a URL: the password never appears on a command line. */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')),
  };
}

const stamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** pg_dump --format=custom of the URL's database into `<dir>/<db>-<UTC timestamp>.dump`. */
export async function backupDatabase(url: string, dir: string, now = new Date()): Promise<BackupResult> {
  const { major, version } = await serverMajor(url);
  const pgDump = findPgTool('pg_dump', major);
  const env = libpqEnv(url);
  const database = env.PGDATABASE ?? 'postgres';
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${database}-${stamp(now)}.dump`);
  // --no-owner/--no-acl: restorable by another role; the dump is one consistent snapshot.
  await run(pgDump, ['--format=custom', '--compress=6', '--no-owner', '--no-acl', `--file=${file}`], env);
  return { file, database, bytes: statSync(file).size, serverVersion: version, pgDump };
}

/** Creates `database` on the URL's server (it must not exist) and restores the dump into it. */
export async function restoreDatabase(url: string, file: string, database: string): Promise<{ database: string; url: string }> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`the new database's name must be lower-case letters, digits and _ (got ${database})`);
  if (!existsSync(file)) throw new Error(`no backup file ${file}`);
  const { major } = await serverMajor(url);
  const pgRestore = findPgTool('pg_restore', major);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${database}`;
  // --exit-on-error: a restore that is not whole fails, never leaves a database that looks complete.
  await run(pgRestore, ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', `--dbname=${database}`, file], libpqEnv(target.toString()));
  return { database, url: target.toString() };
}
