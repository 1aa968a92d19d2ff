import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { ConfigurationError, loadConfig, type AppConfig } from './config/index.js';
import { exportOpenApiDocument } from './http-app.js';
import { installShutdown, startApp } from './main.js';
import { AuditService } from './modules/audit/index.js';
import { SYSTEM_ACTOR } from './platform/actor/index.js';
import { CloseOfBusinessService } from './modules/close-of-business/index.js';
import { PortfolioReportService, PortfolioTotalsService, checkKeptTotals, portfolioGroupings } from './modules/reports/index.js';
import { dataSourceOptions } from './data-source.js';
import { backupDatabase, generateMigration, restoreDatabase, revertLastMigration, runMigrations } from './platform/database/index.js';
import { describeFatal, resolveServices } from './platform/local-services/index.js';
import { createRootLogger, NestPinoLogger } from './platform/logging/index.js';
import { prepareQuickstartDatabase, seedDemoCommand, startDemoLoad } from './demo/index.js';

const USAGE = `usage: node dist/src/cli.js <command>
  quickstart            start services, migrate, serve; on an empty database load the demo in the background
  migrate               run pending migrations
  migrate:revert        revert the last migration
  migrate:generate NAME write a migration from the entities' difference to the database
  audit:verify          verify the audit hash chains; exit 1 on the first broken link
  seed:demo [--loans N] [--close-from YYYY-MM-DD]
                        load the demo portfolio (504 loans 2021–2025) through the services and close of business
  close-of-business --until YYYY-MM-DD
                        close every open business day through the date, in order (this process also works the chunks)
  portfolio-totals --date YYYY-MM-DD [--check [--pairs]]
                        keep the portfolio report's totals of a closed day as its close does (a loaded portfolio);
                        --check: compare the report from them with the per-loan report by every dimension
                        (--pairs: and every pair), print the differences, exit 1 on any
  backup [--dir DIR]    pg_dump (custom format) of DATABASE_URL's database to DIR (default .data/backups)/<db>-<timestamp>.dump
  restore FILE NEWDB    create NEWDB on DATABASE_URL's server and pg_restore FILE into it (then audit:verify with DATABASE_URL=…/NEWDB)
  openapi [--out FILE]  write the OpenAPI document served at /docs/openapi.json (stdout without --out; needs no database)`;

async function withContext<T>(config: AppConfig, fn: (get: <S>(cls: new (...args: never[]) => S) => S) => Promise<T>): Promise<T> {
  const logger = createRootLogger(config.logLevel);
  const app = await NestFactory.createApplicationContext(AppModule.register({ config, role: 'api' }), { logger: new NestPinoLogger(logger) });
  try {
    return await fn((cls) => app.get(cls));
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadConfig();
  const logger = createRootLogger(config.logLevel);
  const log = (m: string): void => logger.info(m);
  const out = (m: string): boolean => process.stdout.write(`${m}\n`);

  if (command === 'quickstart') {
    // Services first (embedded PostgreSQL, private Redis when no URL is set), then the database is
    // prepared — and marked as loading the demo when it is empty — before the API listens.
    const services = await resolveServices(config, log);
    const resolved: AppConfig = { ...config, databaseUrl: services.databaseUrl, redisUrl: services.redisUrl };
    let running: Awaited<ReturnType<typeof startApp>>;
    let loadDemo: boolean;
    try {
      loadDemo = await prepareQuickstartDatabase(resolved, log);
      running = await startApp('all', resolved);
    } catch (e) {
      await services.stop();
      throw e;
    }
    installShutdown(
      {
        ...running,
        stop: async () => {
          await running.stop();
          await services.stop();
        },
      },
      log,
    );
    const get = <S>(cls: abstract new (...a: never[]) => S): S => running.app.get(cls);
    const demo = loadDemo ? await startDemoLoad(get, running.app.get(DataSource), log) : null;
    const demoUsers = (await running.app.get(DataSource).query(`SELECT 1 FROM users WHERE username = 'demo.officer'`)) as unknown[];
    out('');
    out(`  API       ${running.url}/api/v1`);
    out(`  Docs      ${running.url}/docs`);
    out(`  Health    ${running.url}/health`);
    out(`  Login     ${config.adminUsername} / ${config.adminPassword === 'admin12345' ? 'admin12345 (development default)' : '(ADMIN_PASSWORD)'}`);
    if (demoUsers.length > 0) out('  Demo      demo.officer, demo.appraiser, demo.approver, demo.auditor / demo-password-1');
    if (demo) out(`  Loading   the demo portfolio, in the background: ${running.url}/api/v1/demo-status (its data answers 503 until it is ready)`);
    out(`  Ready in  ${process.uptime().toFixed(1)} s; stop with Ctrl+C`);
    out('');
    demo?.done.then(
      (r) => out(`  Demo ready after ${process.uptime().toFixed(0)} s: ${r.loans} loans, turnover ${r.turnover} VND (${running.url}/api/v1/demo-status)\n`),
      (e: unknown) => logger.error({ err: e }, 'the demo load failed; the API serves what there is, and the next quick start loads the demo again'),
    );
    return -1; // keep serving
  }

  if (command === 'openapi') {
    const document = `${JSON.stringify(await exportOpenApiDocument(config), null, 2)}\n`;
    const i = args.indexOf('--out');
    if (i < 0) {
      process.stdout.write(document);
      return 0;
    }
    const file = args[i + 1];
    if (!file) throw new Error('openapi --out needs a FILE');
    await mkdir(dirname(resolve(file)), { recursive: true });
    await writeFile(file, document);
    log(`OpenAPI document written to ${file}`);
    return 0;
  }

  if (command === 'seed:demo') {
    const result = await seedDemoCommand(config, args, log);
    out(JSON.stringify(result, null, 2));
    return 0;
  }

  if (command === 'audit:verify') {
    const services = await resolveServices(config, log);
    try {
      const result = await withContext({ ...config, databaseUrl: services.databaseUrl, redisUrl: services.redisUrl }, (get) => get(AuditService).verify());
      out(JSON.stringify(result, null, 2));
      return result.ok ? 0 : 1;
    } finally {
      await services.stop();
    }
  }

  if (command === 'close-of-business') {
    const i = args.indexOf('--until');
    const until = i >= 0 ? args[i + 1] : undefined;
    if (!until || !/^\d{4}-\d{2}-\d{2}$/.test(until)) throw new Error('close-of-business needs --until YYYY-MM-DD');
    const services = await resolveServices(config, log);
    const resolved = { ...config, databaseUrl: services.databaseUrl, redisUrl: services.redisUrl };
    const app = await NestFactory.createApplicationContext(AppModule.register({ config: resolved, role: 'all' }), { logger: new NestPinoLogger(logger) });
    try {
      await app.init();
      const answer = await app.get(CloseOfBusinessService).closeUntil(SYSTEM_ACTOR, until, 'true', 'CLI', Number.POSITIVE_INFINITY);
      out(JSON.stringify(answer.body, null, 2));
      return 0;
    } finally {
      await app.close();
      await services.stop();
    }
  }

  if (command === 'portfolio-totals') {
    const i = args.indexOf('--date');
    const date = i >= 0 ? args[i + 1] : undefined;
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('portfolio-totals needs --date YYYY-MM-DD');
    return withContext(config, async (get) => {
      if (!args.includes('--check')) {
        const started = Date.now();
        const rows = await get(PortfolioTotalsService).keepNow(date);
        out(JSON.stringify({ date, rows, ms: Date.now() - started }));
        return 0;
      }
      const check = await checkKeptTotals(get(PortfolioReportService), SYSTEM_ACTOR, date, portfolioGroupings(args.includes('--pairs')));
      out(JSON.stringify(check));
      return check.mismatches.length === 0 ? 0 : 1;
    });
  }

  if (command === 'backup' || command === 'restore') {
    const services = await resolveServices({ ...config, redisUrl: config.redisUrl ?? 'redis://unused' }, log);
    try {
      if (command === 'backup') {
        const i = args.indexOf('--dir');
        out(JSON.stringify(await backupDatabase(services.databaseUrl, resolve(i >= 0 ? args[i + 1] : join(config.dataDir, 'backups'))), null, 2));
      } else {
        if (!args[0] || !args[1]) throw new Error('restore needs FILE NEWDB');
        const restored = await restoreDatabase(services.databaseUrl, resolve(args[0]), args[1]);
        out(JSON.stringify({ database: restored.database }, null, 2));
      }
      return 0;
    } finally {
      await services.stop();
    }
  }

  if (command === 'migrate' || command === 'migrate:revert' || command === 'migrate:generate') {
    const services = await resolveServices({ ...config, redisUrl: config.redisUrl ?? 'redis://unused' }, log);
    try {
      const settings = dataSourceOptions({ url: services.databaseUrl, poolSize: 2 });
      if (command === 'migrate') await runMigrations(settings, log);
      else if (command === 'migrate:revert') await revertLastMigration(settings, log);
      else {
        if (!args[0]) throw new Error('migrate:generate needs a NAME');
        await runMigrations(settings, log);
        await generateMigration(settings, args[0], resolve(process.cwd()), log);
      }
      return 0;
    } finally {
      await services.stop();
    }
  }

  process.stderr.write(`${USAGE}\n`);
  return command ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(e instanceof ConfigurationError ? `${e.message}\n` : `${describeFatal(e)}\n`);
    process.exit(1);
  },
);
