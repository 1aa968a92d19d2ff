import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { platform } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port.js';
import type { RunningService } from './embedded-postgres.js';
import { StartupError } from './startup-error.js';

const INSTALL_COMMAND = platform() === 'darwin' ? 'brew install redis' : 'on Debian/Ubuntu: sudo apt-get install -y redis-server';
const READY = 'Ready to accept connections';
const START_TIMEOUT_MS = 30_000;

function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

function isDebianLike(): boolean {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** Installs redis-server with apt-get when we are root on Debian/Ubuntu; otherwise says how. */
function ensureRedisServer(log: (msg: string) => void): void {
  if (hasRedisServer()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && isDebianLike()) {
    log('redis-server is missing; installing it with apt-get');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
    if (r.status === 0 && hasRedisServer()) return;
  }
  throw new StartupError(`redis-server is not installed and REDIS_URL is not set: install it (${INSTALL_COMMAND}), or set REDIS_URL`);
}

/** Servers still running when the process exits for any reason are stopped (no orphans). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

/**
 * Resolves once redis-server says it accepts connections: no client connects before it
 * listens (a client refused at start logs an "Unhandled error event" from ioredis).
 */
function waitUntilReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new StartupError(`redis-server did not start within ${START_TIMEOUT_MS / 1000} s on 127.0.0.1:${port}: set REDIS_URL to use another server`));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (c: Buffer) => {
      if (ready) return; // drained from here on, so a full pipe never blocks the server
      output += c.toString('utf8');
      if (output.includes(READY)) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new StartupError(`could not run redis-server (${e.code ?? e.message}): install it (${INSTALL_COMMAND}), or set REDIS_URL`));
    });
    child.once('exit', () => {
      clearTimeout(timer);
      if (ready) return;
      const lines = output
        .split('\n')
        .map((l) => l.replace(/^\d+:[A-Z] [^*#.-]*[*#.-] /, '').trim())
        .filter((l) => l.length > 0);
      const why = lines.filter((l) => /error|fail|could not|can't|denied|space/i.test(l)).pop() ?? lines.pop() ?? 'no output';
      if (/Address already in use/i.test(output))
        reject(new StartupError(`the private redis-server could not listen on 127.0.0.1:${port} (the port is taken): free it, or set REDIS_URL`));
      else if (/No space left/i.test(output)) reject(new StartupError(`no disk space left for the private redis-server: free some space, or set REDIS_URL`));
      else reject(new StartupError(`the private redis-server stopped at start: ${why}; set REDIS_URL to use another server`));
    });
  });
}

/** A private redis-server on a free loopback port, data under <dataDir>/redis. */
export async function startPrivateRedis(dataDir: string, log: (msg: string) => void, options: { port?: number } = {}): Promise<RunningService> {
  ensureRedisServer(log);
  const dir = join(dataDir, 'redis');
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new StartupError(
      `cannot create ${dir} for the private redis-server (${(e as NodeJS.ErrnoException).code ?? String(e)}): set DATA_DIR to a writable directory, or set REDIS_URL`,
    );
  }
  const port = options.port ?? (await findFreePort(63790));
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '60 1000',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr?.resume();
  await waitUntilReady(child, port);
  running.add(child);
  child.once('exit', () => running.delete(child));
  const url = `redis://127.0.0.1:${port}`;
  log(`private redis-server listening on 127.0.0.1:${port} (data in ${dir})`);
  const stop = (signal: NodeJS.Signals): Promise<void> =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return { url, stop: () => stop('SIGTERM'), kill: stop };
}
