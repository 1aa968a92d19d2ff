import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, waitForApp } from './app-process';
import { ADMIN, OFFICER, APPROVER, AUDITOR } from './users';

/**
 * Starts the real product for the journeys: a fresh database (created here, dropped by the
 * teardown) on the DATABASE_URL server, its own BullMQ prefix on REDIS_URL, the built app on a
 * free port, and the users the journeys log in as (created through the API, as an admin would).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function api<T>(base: string, method: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export default async function globalSetup(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !redisUrl) throw new Error('test:web needs DATABASE_URL (a server where the user may create databases) and REDIS_URL');
  const suffix = randomBytes(4).toString('hex');
  const database = `lms_web_${suffix}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;

  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `lms-web-${suffix}`,
      LOG_LEVEL: 'warn',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      // The journeys share a few users' tokens; the global per-caller limit is tested in test/foundation/limits.
      RATE_LIMIT_PER_MINUTE: '100000',
      // The business date starts on today's date; the close journey closes it, which the wall clock has not ended yet.
      ALLOW_FUTURE_CLOSE: 'true',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  process.env.WEB_BASE_URL = base;
  process.env.WEB_TEST_DATABASE = database;
  process.env.WEB_TEST_PID = String(child.pid);
  process.env.WEB_TEST_QUEUE_PREFIX = `lms-web-${suffix}`;
  await waitForApp(child, `${base}/health`);

  const { accessToken } = await api<{ accessToken: string }>(base, 'POST', '/auth/login', { username: ADMIN.username, password: ADMIN.password });
  for (const u of [OFFICER, APPROVER, AUDITOR]) {
    await api(base, 'POST', '/users', { username: u.username, displayName: u.displayName, password: u.password, roles: u.roles }, accessToken);
  }
}
