import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort, waitForApp } from './app-process';

/**
 * A second instance of the product holding the demo portfolio (src/demo), for the journeys that
 * need a real portfolio. It has its own database, so the other journeys keep their empty one:
 * the app is started once (migrations, the first admin), then `cli.js seed:demo --loans N` loads
 * the demo through the real services and the real close of business, as `npm run seed:demo` does.
 * 48 loans is the CI size of test/reports/demo-portfolio (agriculture at 65.0% on 2025-12-31).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const DEMO_AUDITOR = { username: 'demo.auditor', password: 'demo-password-1' };

export interface DemoApp {
  base: string;
  stop: () => Promise<void>;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

export async function startDemoApp(loans = 48): Promise<DemoApp> {
  // While writing a journey: a demo app already running (`WEB_DEMO_BASE_URL`) is used as it is.
  const running = process.env.WEB_DEMO_BASE_URL;
  if (running) return { base: running, stop: async () => undefined };
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !redisUrl) throw new Error('the demo journeys need DATABASE_URL and REDIS_URL');
  const suffix = randomBytes(4).toString('hex');
  const database = `lms_web_demo_${suffix}`;
  const prefixes = [`lms-web-demo-${suffix}`, `lms-web-seed-${suffix}`];
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    DATABASE_URL: url.toString(),
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'warn',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'web-demo-admin-password-1',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // The journeys share a few users' tokens; the global per-caller limit is tested in test/foundation/limits.
    RATE_LIMIT_PER_MINUTE: '100000',
    REPORT_RATE_LIMIT_PER_MINUTE: '1000',
    // The loan list (48 rows) exports through the queue, with progress; the small reports at once.
    REPORT_EXPORT_ASYNC_ROWS: '20',
    // The demo closes its own days; the app must not close the next one under the journey.
    CLOSE_SCHEDULE_ENABLED: 'false',
  };
  const port = await freePort();
  let child: ChildProcess | null = null;
  const stop = async (): Promise<void> => {
    if (child) await stopChild(child);
    const a = new pg.Client({ connectionString: databaseUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await a.end();
    const redis = new Redis(redisUrl);
    for (const p of prefixes) {
      const keys = await redis.keys(`${p}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    redis.disconnect();
  };
  try {
    const start = () =>
      spawn(process.execPath, ['dist/src/main.js'], {
        cwd: ROOT,
        env: { ...env, PORT: String(port), QUEUE_PREFIX: prefixes[0] },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    // First start: migrations and the first admin, which the demo's users are created by.
    child = start();
    await waitForApp(child, `http://127.0.0.1:${port}/health`);
    await stopChild(child);
    child = null;
    await run(['dist/src/cli.js', 'seed:demo', '--loans', String(loans)], { ...env, QUEUE_PREFIX: prefixes[1] });
    child = start();
    await waitForApp(child, `http://127.0.0.1:${port}/health`);
    return { base: `http://127.0.0.1:${port}`, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
