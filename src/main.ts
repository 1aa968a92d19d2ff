import 'reflect-metadata';
import { createServer } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from './app.module.js';
import { ConfigurationError, loadConfig, type AppConfig, type ProcessRole } from './config/index.js';
import { createHttpApp } from './http-app.js';
import { dataSourceOptions } from './data-source.js';
import { runMigrations } from './platform/database/index.js';
import { describeFatal, resolveServices, StartupError, type ResolvedServices } from './platform/local-services/index.js';
import { createRootLogger, NestPinoLogger } from './platform/logging/index.js';

export interface RunningApp {
  config: AppConfig;
  app: INestApplicationContext;
  url: string | null;
  stop(): Promise<void>;
}

function parseRole(argv: string[]): ProcessRole {
  const i = argv.indexOf('--role');
  const role = i >= 0 ? argv[i + 1] : 'all';
  if (role !== 'all' && role !== 'api' && role !== 'worker') throw new Error(`--role must be all, api or worker (got ${role})`);
  return role;
}

/**
 * Starts the product: resolves PostgreSQL and Redis (embedded when no URL is set), runs
 * pending migrations, then serves HTTP and/or runs the BullMQ workers.
 */
export async function startApp(role: ProcessRole, baseConfig: AppConfig = loadConfig()): Promise<RunningApp> {
  const logger = createRootLogger(baseConfig.logLevel);
  const log = (msg: string): void => logger.info(msg);
  // A taken HTTP port is found before anything starts, rather than after the migrations.
  if (role !== 'worker') await assertPortFree(baseConfig);
  const services: ResolvedServices = await resolveServices(baseConfig, log);
  const config: AppConfig = { ...baseConfig, databaseUrl: services.databaseUrl, redisUrl: services.redisUrl };
  try {
    if (role !== 'worker') {
      try {
        await runMigrations(dataSourceOptions({ url: services.databaseUrl, poolSize: 2 }), log);
      } catch (e) {
        throw unreachable(e, services.databaseUrl);
      }
    }
    let app: INestApplicationContext;
    let url: string | null = null;
    if (role === 'worker') {
      app = await NestFactory.createApplicationContext(AppModule.register({ config, role }), { logger: new NestPinoLogger(logger) });
      await app.init();
    } else {
      const http = await createHttpApp(config, logger, role);
      await listen(http, config);
      const address = http.getHttpServer().address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      url = `http://127.0.0.1:${port}`;
      app = http;
    }
    return {
      config,
      app,
      url,
      // Nest closes Fastify (drains open requests) and the BullMQ workers (finish the
      // current job) before the embedded services stop.
      stop: async () => {
        await app.close();
        await services.stop();
      },
    };
  } catch (e) {
    await services.stop();
    throw e;
  }
}

/** A port in use or not allowed, or a HOST that is not ours, is the person's to fix: one line. */
function listenFailure(e: Error, config: AppConfig): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new StartupError(`port ${config.port} on ${config.host} is already in use: stop what uses it, or set PORT to another port`);
  if (code === 'EACCES') return new StartupError(`not allowed to listen on port ${config.port} on ${config.host}: set PORT to a port above 1023`);
  if (code === 'EADDRNOTAVAIL') return new StartupError(`HOST ${config.host} is not an address of this machine: set HOST (for example 127.0.0.1 or 0.0.0.0)`);
  return e;
}

/** A PostgreSQL that is down, unknown, or refuses the credentials of DATABASE_URL: one line (the first contact is the migration). */
function unreachable(e: unknown, url: string): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  let where = 'DATABASE_URL';
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    // keep the variable's name
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH')
    return new StartupError(`cannot reach PostgreSQL at ${where} (${String(code)}): start it, or fix DATABASE_URL (unset, the app runs an embedded one)`);
  if (code === '28P01' || code === '28000') return new StartupError(`PostgreSQL at ${where} refused the user or password of DATABASE_URL: fix DATABASE_URL`);
  if (code === '3D000') return new StartupError(`the database of DATABASE_URL does not exist at ${where}: create it (createdb), or fix DATABASE_URL`);
  return e;
}

async function assertPortFree(config: AppConfig): Promise<void> {
  if (config.port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e) => reject(listenFailure(e, config)));
    probe.listen(config.port, config.host, () => probe.close(() => resolve()));
  });
}

async function listen(http: Awaited<ReturnType<typeof createHttpApp>>, config: AppConfig): Promise<void> {
  try {
    await http.listen(config.port, config.host);
  } catch (e) {
    await http.close().catch(() => undefined);
    throw e instanceof Error ? listenFailure(e, config) : e;
  }
}

export function installShutdown(running: RunningApp, log: (msg: string) => void): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: draining HTTP and workers`);
      running.stop().then(
        () => process.exit(0),
        (e: unknown) => {
          log(`shutdown failed: ${String(e)}`);
          process.exit(1);
        },
      );
    });
  }
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigurationError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const role = parseRole(process.argv);
  const running = await startApp(role, config);
  const logger = createRootLogger(config.logLevel);
  installShutdown(running, (m) => logger.info(m));
  if (running.url) logger.info(`API on ${running.url}/api/v1, docs on ${running.url}/docs (role ${role})`);
  else logger.info(`worker started (role ${role})`);
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  main().catch((e: unknown) => {
    process.stderr.write(`${describeFatal(e)}\n`);
    process.exit(1);
  });
}
