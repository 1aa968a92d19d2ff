import type { ModuleMetadata } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../../src/config/index.js';
import { createHttpApp } from '../../src/http-app.js';
import { createRootLogger } from '../../src/platform/logging/index.js';
import { dataSourceOptions } from '../../src/data-source.js';
import { runMigrations } from '../../src/platform/database/index.js';
import { migrations } from '../../migrations/index.js';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const TEMPLATE_LOCK = 0x7e57;

/** Migrates the run's template database once (the first test file to get here does it). */
async function ensureTemplateMigrated(serverUrl: string, template: string): Promise<void> {
  const admin = new DataSource({ type: 'postgres', url: serverUrl, poolSize: 1 });
  await admin.initialize();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const url = withDatabase(serverUrl, template);
    const probe = new DataSource({ type: 'postgres', url, poolSize: 1 });
    await probe.initialize();
    const [{ present }] = (await probe.query(`SELECT to_regclass('typeorm_migrations') IS NOT NULL AS present`)) as Array<{ present: boolean }>;
    const n = present ? ((await probe.query(`SELECT count(*)::int AS n FROM typeorm_migrations`)) as Array<{ n: number }>)[0].n : 0;
    await probe.destroy();
    if (n < migrations.length) await runMigrations(dataSourceOptions({ url, poolSize: 1 }), () => undefined);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    await admin.destroy();
  }
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  rawBody?: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** A direct connection to this file's own database, for arranging and asserting. */
  db: DataSource;
  request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>>;
  login(username: string, password: string): Promise<string>;
  /** Stops the application (HTTP, workers, sweeps) but keeps its database and Redis keys; close() later cleans up. */
  stopApp(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real application (Fastify, PostgreSQL, Redis, BullMQ) over a fresh clone of the
 * migrated template database. Requests go through Fastify's inject: the full HTTP stack
 * without a socket.
 */
/** A fresh database name for this run's server (the file's own clone, or a restore target). */
export function testDatabaseName(): string {
  return `lms_t_${randomBytes(6).toString('hex')}`;
}

/**
 * `database`: use this existing database (e.g. one restored from a backup) instead of a fresh
 * clone; `queuePrefix`: share another app's BullMQ prefix (and so what Redis remembers of it).
 */
export async function createTestApp(
  options: { env?: Record<string, string>; imports?: ModuleMetadata['imports']; database?: string; queuePrefix?: string } = {},
): Promise<TestApp> {
  const serverUrl = process.env.LMS_TEST_DATABASE_URL;
  const template = process.env.LMS_TEST_TEMPLATE;
  const redisUrl = process.env.LMS_TEST_REDIS_URL;
  if (!serverUrl || !template || !redisUrl) throw new Error('integration tests need test/support/global-setup.ts');
  await ensureTemplateMigrated(serverUrl, template);
  const database = options.database ?? testDatabaseName();
  if (!options.database) {
    const admin = new DataSource({ type: 'postgres', url: serverUrl, poolSize: 1 });
    await admin.initialize();
    await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`);
    await admin.destroy();
  }
  const url = withDatabase(serverUrl, database);
  const queuePrefix = options.queuePrefix ?? database;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ADMIN_PASSWORD: 'admin-password-1',
    DATABASE_POOL_SIZE: '10',
    ALLOW_FUTURE_CLOSE: 'true',
    // Suites send thousands of requests a minute with one token; the global limit is tested with its own value.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...options.env,
  });
  const app = await createHttpApp(config, createRootLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), 'all', options.imports ?? []);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = new DataSource({ type: 'postgres', url, poolSize: 4 });
  await db.initialize();

  const request = async <T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: string | undefined = opts.rawBody;
    if (body !== undefined && payload === undefined) payload = JSON.stringify(body);
    if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await app.inject({ method: method as 'GET', url: path, headers, payload });
    const type = String(res.headers['content-type'] ?? '');
    const parsed: unknown = type.includes('json') && res.body ? JSON.parse(res.body) : res.body;
    return { status: res.statusCode, headers: res.headers, body: parsed as T };
  };

  let stopped = false;
  const stopApp = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    config,
    db,
    request,
    async login(username: string, password: string): Promise<string> {
      const res = await request<{ accessToken: string }>('POST', '/api/v1/auth/login', { username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken;
    },
    stopApp,
    async close(): Promise<void> {
      await stopApp();
      await db.destroy();
      // This file's BullMQ keys live under its own prefix; leave Redis as it was found.
      const redis = new Redis(redisUrl, { lazyConnect: true });
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
      const a = new DataSource({ type: 'postgres', url: serverUrl, poolSize: 1 });
      await a.initialize();
      await a.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await a.destroy();
    },
  };
}
