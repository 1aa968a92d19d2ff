import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { findFreePort } from './free-port.js';
import type { RunningService } from './embedded-postgres.js';

const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y redis-server';

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
  throw new Error(`redis-server is not installed and REDIS_URL is not set. Install it with:\n  ${INSTALL_COMMAND}\nor set REDIS_URL.`);
}

async function waitForPing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      return;
    } catch (e) {
      client.disconnect();
      if (Date.now() > deadline) throw new Error(`redis-server did not answer at ${url}: ${String(e)}`, { cause: e });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A private redis-server on a free loopback port, data under <dataDir>/redis. */
export async function startPrivateRedis(dataDir: string, log: (msg: string) => void): Promise<RunningService> {
  ensureRedisServer(log);
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await findFreePort(63790);
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '60 1000', '--appendonly', 'no', '--daemonize', 'no', '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  await waitForPing(url, 10_000);
  log(`private redis-server listening on 127.0.0.1:${port}`);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
