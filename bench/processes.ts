import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ephemeralPort } from '../src/platform/local-services/index.js';

/** A child process of the bench (API, worker, bare server, load client) and its resident memory. */
export interface Child {
  name: string;
  proc: ChildProcess;
  url: string | null;
  output: () => string;
  stop: () => Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..', '..');

export function distPath(...parts: string[]): string {
  return resolve(ROOT, 'dist', ...parts);
}

/** Resident set size of a process in MB (Linux /proc), or null elsewhere. */
export function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every 100 ms until stopped; returns the peak. */
export function rssSampler(pid: number | undefined): { stop: () => number | null } {
  let peak: number | null = rssMb(pid);
  const timer = setInterval(() => {
    const v = rssMb(pid);
    if (v !== null && (peak === null || v > peak)) peak = v;
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

function spawnChild(name: string, args: string[], env: Record<string, string>, url: string | null): Child {
  const proc = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b: Buffer): void => {
    out = (out + b.toString()).slice(-20_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    name,
    proc,
    url,
    output: () => out,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const killed = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
      if (!killed) {
        proc.kill('SIGKILL');
        await exited;
      }
    },
  };
}

async function waitHttp(child: Child, path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.proc.exitCode !== null) throw new Error(`${child.name} exited (${child.proc.exitCode}):\n${child.output()}`);
    try {
      const res = await fetch(`${child.url}${path}`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${child.name} did not answer ${path} within ${timeoutMs} ms:\n${child.output()}`);
}

export interface AppEnv {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  poolSize: number;
  adminPassword: string;
  jwtSecret: string;
  closeChunk: number;
  closeConcurrency: number;
  /** More environment for the product's processes (the fault tests' short sweeps and locks). */
  extra?: Record<string, string>;
}

function productEnv(e: AppEnv, port: number): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: e.databaseUrl,
    REDIS_URL: e.redisUrl,
    QUEUE_PREFIX: e.queuePrefix,
    DATABASE_POOL_SIZE: String(e.poolSize),
    ADMIN_PASSWORD: e.adminPassword,
    JWT_SECRET: e.jwtSecret,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    // The bench loads its own users; login is rate-limited per client address.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // The report benchmark asks for the portfolio report more than 30 times a minute once it is fast.
    REPORT_RATE_LIMIT_PER_MINUTE: '1000',
    // The load benchmarks send thousands of requests a second with one token each.
    RATE_LIMIT_PER_MINUTE: '100000000',
    // The bench closes its one day itself; the nightly schedule stays off.
    CLOSE_SCHEDULE_ENABLED: 'false',
    CLOSE_CHUNK_SIZE: String(e.closeChunk),
    ...e.extra,
  };
}

/** The product's API process (`node dist/src/main.js --role api`); it migrates the database at boot. */
export async function startApi(e: AppEnv, extraArgs: string[] = []): Promise<Child> {
  const port = await ephemeralPort();
  const child = spawnChild(
    'api',
    // The API's V8 flags as the Dockerfile's CMD runs it.
    ['--max-semi-space-size=16', ...extraArgs, distPath('src', 'main.js'), '--role', 'api'],
    { ...productEnv(e, port), CLOSE_WORKER_CONCURRENCY: '0' },
    `http://127.0.0.1:${port}`,
  );
  await waitHttp(child, '/health', 180_000);
  return child;
}

/** The product's BullMQ worker process (`--role worker`). */
export async function startWorker(e: AppEnv, extraArgs: string[] = [], role: 'worker' | 'all' = 'worker'): Promise<Child> {
  const port = role === 'all' ? await ephemeralPort() : 0;
  const url = role === 'all' ? `http://127.0.0.1:${port}` : null;
  const child = spawnChild(
    role,
    [...extraArgs, distPath('src', 'main.js'), '--role', role],
    { ...productEnv(e, port), LOG_LEVEL: 'info', CLOSE_WORKER_CONCURRENCY: String(e.closeConcurrency) },
    url,
  );
  if (url) {
    await waitHttp(child, '/health', 180_000);
    return child;
  }
  // The worker has no HTTP port: ready when it logs that it started, or after it stays up.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !/worker started/.test(child.output())) {
    if (child.proc.exitCode !== null) throw new Error(`worker exited (${child.proc.exitCode}):\n${child.output()}`);
    await sleep(200);
  }
  return child;
}

/** The baseline of the status benchmark: bare Fastify + pg, one query by primary key. */
export async function startBareServer(databaseUrl: string, poolSize: number): Promise<Child> {
  const port = await ephemeralPort();
  const child = spawnChild(
    'bare',
    [distPath('bench', 'bare-server.js')],
    { BENCH_DATABASE_URL: databaseUrl, BENCH_POOL_SIZE: String(poolSize), PORT: String(port) },
    `http://127.0.0.1:${port}`,
  );
  await waitHttp(child, '/health', 30_000);
  return child;
}

/** Runs a node script to completion and returns its stdout (the load clients print JSON). */
export async function runNode(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawnChild('client', args, env, null);
  const code = await new Promise<number | null>((r) => child.proc.once('exit', (c) => r(c)));
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}:\n${child.output()}`);
  return child.output();
}

/** The product's command line (`node dist/src/cli.js …`) against the bench database; returns its stdout and exit code. */
export async function runCli(e: AppEnv, args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawnChild('cli', [distPath('src', 'cli.js'), ...args], productEnv(e, 0), null);
  const code = await new Promise<number | null>((r) => child.proc.once('exit', (c) => r(c)));
  return { code, out: child.output() };
}
