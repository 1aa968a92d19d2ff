import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statfsSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { StartupError } from './startup-error.js';

/** Where root's embedded PostgreSQL keeps its binaries and clusters (README "Where the data lives"). */
export const SYSTEM_DATA_ROOT = '/var/lib/htx-fund-lms';
/** Free space asked for before a new cluster is created: the binaries, an empty cluster and the demo. */
const MIN_FREE_BYTES = 300 * 2 ** 20;

export interface PostgresLayout {
  /** bin/ of the binaries the server runs from. */
  binDir: string;
  /** The cluster's data directory (PGDATA). */
  clusterDir: string;
  /** A directory the server's user can enter: the programs' working directory, the initdb password file. */
  workDir: string;
  /** The user the programs run as (root's case); empty for an ordinary user. */
  ids: { uid?: number; gid?: number };
}

export interface LayoutInput {
  /** The checkout's DATA_DIR (absolute). */
  dataDir: string;
  /** The cluster's folder name under DATA_DIR (`postgres`, `bench-postgres`). */
  folder: string;
  /** bin/, lib/ and share/ of the platform package in node_modules. */
  nativeDir: string;
  version: string;
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, who cannot
 * enter a checkout under a mode-700 home (/root/...). Then the binaries are copied once per
 * version to /var/lib/htx-fund-lms/postgresql-<version>-<platform>-<arch>/ and the cluster lives in
 * /var/lib/htx-fund-lms/<checkout>-<hash of DATA_DIR>/<folder>/ (owned by postgres, mode 700),
 * with DATA_DIR/<folder> a symbolic link to it, so the checkout still says where its data is.
 * An ordinary user runs the binaries from node_modules and keeps the cluster in DATA_DIR.
 */
export function planPostgresLayout(input: LayoutInput, log: (msg: string) => void): PostgresLayout {
  mkdirDir(input.dataDir, 0o700, false);
  const pointer = join(input.dataDir, input.folder);
  if (!isRoot()) {
    ensureExecutable(join(input.nativeDir, 'bin'));
    if (!existsSync(join(pointer, 'PG_VERSION'))) requireFreeSpace(input.dataDir);
    return { binDir: join(input.nativeDir, 'bin'), clusterDir: pointer, workDir: input.dataDir, ids: {} };
  }
  const ids = postgresUser(log);
  mkdirDir(SYSTEM_DATA_ROOT, 0o755, true);
  if (lstatSync(pointer, { throwIfNoEntry: false })?.isDirectory() && existsSync(join(pointer, 'PG_VERSION'))) {
    // A cluster made in place by an earlier version (where the postgres user could reach it) stays there.
    return { binDir: join(installBinaries(input, log), 'bin'), clusterDir: pointer, workDir: SYSTEM_DATA_ROOT, ids };
  }
  const instanceDir = join(SYSTEM_DATA_ROOT, instanceName(input.dataDir));
  const clusterDir = join(instanceDir, input.folder);
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (fresh) requireFreeSpace(SYSTEM_DATA_ROOT);
  const binDir = join(installBinaries(input, log), 'bin');
  mkdirDir(instanceDir, 0o755, true);
  writeFileSync(join(instanceDir, 'CHECKOUT'), `${input.dataDir}\n`);
  mkdirSync(clusterDir, { recursive: true });
  chmodSync(clusterDir, 0o700);
  chownSync(clusterDir, ids.uid, ids.gid);
  pointTo(pointer, clusterDir);
  return { binDir, clusterDir, workDir: instanceDir, ids };
}

/** `<name of the checkout>-<8 hex of DATA_DIR>`: readable in a listing, distinct per checkout. */
export function instanceName(dataDir: string): string {
  const name = basename(dataDir) === '.data' ? basename(dirname(dataDir)) : basename(dataDir);
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '') || 'checkout';
  return `${safe}-${createHash('sha256').update(dataDir).digest('hex').slice(0, 8)}`;
}

function mkdirDir(dir: string, mode: number, forceMode: boolean): void {
  try {
    mkdirSync(dir, { recursive: true, mode });
    if (forceMode) chmodSync(dir, mode);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code === 'ENOSPC') throw new StartupError(`no disk space left to create ${dir}: free some space, or set DATABASE_URL`);
    throw new StartupError(`cannot create ${dir} (${code}) for the embedded PostgreSQL: set DATA_DIR to a writable directory, or set DATABASE_URL`);
  }
}

function requireFreeSpace(dir: string): void {
  const s = statfsSync(dir);
  const free = s.bavail * s.bsize;
  if (free < MIN_FREE_BYTES) {
    throw new StartupError(
      `not enough disk space for the embedded PostgreSQL in ${dir}: ${Math.floor(free / 2 ** 20)} MB free, ${MIN_FREE_BYTES / 2 ** 20} MB needed; free some space, or set DATABASE_URL`,
    );
  }
}

/** The `postgres` system user's ids, creating the user (no home, no login) when it is missing. */
function postgresUser(log: (msg: string) => void): { uid: number; gid: number } {
  const lookup = (): { uid: number; gid: number } | null => {
    const u = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return u.status === 0 && g.status === 0 ? { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) } : null;
  };
  const found = lookup();
  if (found) return found;
  log('PostgreSQL does not run as root: creating the system user "postgres" to run the embedded server');
  const r = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres'], {
    encoding: 'utf8',
  });
  const created = lookup();
  if (created) return created;
  const why = (r.error?.message ?? r.stderr).trim().split('\n').pop() ?? 'unknown';
  throw new StartupError(
    `as root the embedded PostgreSQL runs as the user "postgres", which could not be created (${why}): create it (useradd --system postgres), run as an ordinary user, or set DATABASE_URL`,
  );
}

/** Copies the platform package's binaries once per version to a root-owned, world-readable directory. */
function installBinaries(input: LayoutInput, log: (msg: string) => void): string {
  const target = join(SYSTEM_DATA_ROOT, `postgresql-${input.version}-${platform()}-${arch()}`);
  if (existsSync(join(target, '.complete'))) return target;
  log(`copying the embedded PostgreSQL binaries to ${target} (the postgres user cannot reach node_modules here)`);
  // Copied beside the target and renamed, so a concurrent start never runs a half-copied tree.
  const staging = `${target}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  try {
    cpSync(input.nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    makeReadable(staging);
    ensureExecutable(join(staging, 'bin'));
    writeFileSync(join(staging, '.complete'), `${input.version}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(join(target, '.complete'))) return target; // another start won the race
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code === 'ENOSPC') throw new StartupError(`no disk space left to copy the embedded PostgreSQL to ${target}: free some space, or set DATABASE_URL`);
    throw new StartupError(`could not copy the embedded PostgreSQL binaries to ${target} (${code}): set DATABASE_URL to use another server`);
  }
  return target;
}

/** a+r on files, a+rx on directories and on files the owner may execute (node_modules may be 600/700 under a strict umask). */
function makeReadable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) makeReadable(p);
    else {
      const mode = lstatSync(p).mode & 0o777;
      chmodSync(p, mode | 0o444 | (mode & 0o100 ? 0o111 : 0));
    }
  }
}

/** The package ships its programs executable, but an unpacker may drop the bits (the package checks this too). */
function ensureExecutable(binDir: string): void {
  for (const name of readdirSync(binDir)) {
    const p = join(binDir, name);
    const mode = lstatSync(p).mode & 0o777;
    if ((mode & 0o555) !== 0o555) {
      try {
        chmodSync(p, mode | 0o555);
      } catch {
        // a read-only install: the spawn reports it if the program really cannot run
      }
    }
  }
}

/** DATA_DIR/<folder> → the cluster, replacing a stale link; a real directory there is left alone. */
function pointTo(pointer: string, clusterDir: string): void {
  const st = lstatSync(pointer, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) {
    if (readlinkSync(pointer) === clusterDir) return;
    rmSync(pointer);
  } else if (st?.isDirectory() && readdirSync(pointer).length === 0) {
    rmSync(pointer, { recursive: true });
  } else if (st) {
    const moved = `${pointer}.unused-${Date.now()}`;
    renameSync(pointer, moved); // never delete data: a cluster the postgres user could not reach is kept aside
  }
  symlinkSync(clusterDir, pointer);
}
