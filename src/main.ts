import 'reflect-metadata';
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
  const services: ResolvedServices = await resolveServices(baseConfig, log);
  const config: AppConfig = { ...baseConfig, databaseUrl: services.databaseUrl, redisUrl: services.redisUrl };
  try {
    if (role !== 'worker') await runMigrations(dataSourceOptions({ url: services.databaseUrl, poolSize: 2 }), log);
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

/** Listens on HOST:PORT; a port in use or not allowed is the person's to fix, said in one line. */
async function listen(http: Awaited<ReturnType<typeof createHttpApp>>, config: AppConfig): Promise<void> {
  try {
    await http.listen(config.port, config.host);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    await http.close().catch(() => undefined);
    if (code === 'EADDRINUSE') throw new StartupError(`port ${config.port} on ${config.host} is already in use: stop what uses it, or set PORT to another port`);
    if (code === 'EACCES') throw new StartupError(`not allowed to listen on port ${config.port} on ${config.host}: set PORT to a port above 1023`);
    if (code === 'EADDRNOTAVAIL') throw new StartupError(`HOST ${config.host} is not an address of this machine: set HOST (for example 127.0.0.1 or 0.0.0.0)`);
    throw e;
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
