import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module.js';
import type { AppConfig } from '../config/index.js';
import { dataSourceOptions } from '../data-source.js';
import { CLOSE_CHUNK_QUEUE, CLOSE_QUEUE } from '../modules/close-of-business/index.js';
import { markDemoLoading, readDemoMarker } from '../modules/demo-load/index.js';
import { runMigrations } from '../platform/database/index.js';
import { resolveServices } from '../platform/local-services/index.js';
import { NestPinoLogger, createRootLogger } from '../platform/logging/index.js';
import { redisConnectionOptions } from '../platform/queue/index.js';
import { FULL_LOAN_COUNT, defaultCloseFrom, demoPlan } from './demo-plan.js';
import { type SeedOptions, type SeedResult, type Resolve, seedDemo } from './demo-seeder.js';

export { DEMO_DATE, DEMO_START, FULL_LOAN_COUNT, FULL_TURNOVER_CEILING, FULL_TURNOVER_FLOOR, defaultCloseFrom, demoPlan } from './demo-plan.js';
export { type SeedResult, seedDemo } from './demo-seeder.js';

/** The load's own audit events carry this request id (the seeder's actors); anything else came from outside. */
const SEED_REQUEST_ID = 'seed:demo';

/**
 * Before a quick start serves: migrate, then decide whether this start loads the demo.
 * - An empty database (no loans, no demo marker): mark the demo LOADING now, before the API
 *   listens, so its first request already gets 503 DEMO.LOADING rather than an empty portfolio.
 * - A load that did not finish (its process crashed: the marker is LOADING with no heartbeat; or
 *   it FAILED): the database holds only what that load wrote — the API refused the demo's data
 *   while it loaded, and the check below finds no audit event from anyone else since it began —
 *   so the schema and the close's queues are dropped and the load starts again from nothing.
 *   If someone else wrote meanwhile, nothing is dropped: the API serves what there is and the
 *   log says how to start over.
 * Returns true when this process must load the demo.
 */
export async function prepareQuickstartDatabase(config: AppConfig, log: (m: string) => void): Promise<boolean> {
  const options = dataSourceOptions({ url: config.databaseUrl ?? '', poolSize: 2 });
  await runMigrations(options, log);
  const ds = new DataSource(options);
  await ds.initialize();
  try {
    const q = (sql: string, params?: unknown[]): Promise<unknown> => ds.query(sql, params);
    const marker = await readDemoMarker(q);
    if (marker.state === 'loading') {
      log('another process is loading the demo (GET /api/v1/demo-status); serving without loading it here');
      return false;
    }
    if (marker.state === 'failed') {
      const [{ foreign }] = (await ds.query(
        `SELECT count(*)::int AS foreign FROM audit_events WHERE occurred_at >= $1 AND request_id IS DISTINCT FROM $2 AND action NOT LIKE 'user.%' AND action NOT LIKE 'auth.%' AND request_id IS NOT NULL`,
        [marker.startedAt, SEED_REQUEST_ID],
      )) as Array<{ foreign: number }>;
      if (foreign > 0) {
        log(
          `the demo load of ${marker.startedAt} did not finish (${marker.error}), and ${foreign} changes were made since by others: keeping the database as it is (to load the demo again, start on an empty database)`,
        );
        return false;
      }
      log(`the demo load of ${marker.startedAt} did not finish (${marker.error}): dropping what it wrote and loading it again`);
      await ds.query(`DROP SCHEMA public CASCADE`);
      await ds.query(`CREATE SCHEMA public`);
      await obliterateCloseQueues(config);
      await runMigrations(options, log);
    }
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM loans`)) as Array<{ n: number }>;
    const [{ demoUsers }] = (await ds.query(`SELECT count(*)::int AS "demoUsers" FROM users WHERE username LIKE 'demo.%'`)) as Array<{ demoUsers: number }>;
    if (n > 0 || demoUsers > 0) return false;
    await markDemoLoading(q, 'starting');
    return true;
  } finally {
    await ds.destroy();
  }
}

/** The close's BullMQ jobs of an interrupted load would close days of a database that is gone. */
async function obliterateCloseQueues(config: AppConfig): Promise<void> {
  for (const name of [CLOSE_QUEUE, CLOSE_CHUNK_QUEUE]) {
    const queue = new Queue(name, { connection: redisConnectionOptions(config.redisUrl ?? ''), prefix: config.queuePrefix });
    try {
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
  }
}

/**
 * Starts the demo load in a running application (a quick start) and resolves once the demo users
 * exist, so the logins can be printed while the rest loads; `done` settles when the load does.
 */
export async function startDemoLoad(
  get: Resolve,
  db: DataSource,
  log: (m: string) => void,
  loanCount = FULL_LOAN_COUNT,
): Promise<{ done: Promise<SeedResult> }> {
  const plan = demoPlan(loanCount);
  const closeFrom = defaultCloseFrom(plan);
  log(
    `loading the demo portfolio in the background (${loanCount} loans, ${plan.start} → ${plan.demoDate}; recorded backdated before ${closeFrom}, closed day by day from there)`,
  );
  let usersReady: () => void = () => undefined;
  const users = new Promise<void>((resolve) => {
    usersReady = resolve;
  });
  const opts: SeedOptions = { closeFrom, log, onUsersReady: () => usersReady() };
  const done = seedDemo(get, db, plan, opts);
  await Promise.race([
    users,
    done.then(
      () => undefined,
      () => undefined,
    ),
  ]);
  return { done };
}

/**
 * `seed:demo [--loans N] [--close-from YYYY-MM-DD]`: an in-process application context with the
 * close's workers (role all). The history before --close-from (default: the month the first loan
 * stops paying, see defaultCloseFrom) is recorded backdated, replayed by the loan engine; from
 * there the real close runs day by day. `--close-from 2021-01-04` closes every day (slowest).
 */
export async function seedDemoCommand(config: AppConfig, args: readonly string[], log: (m: string) => void): Promise<SeedResult> {
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const loanCount = Number(opt('--loans') ?? FULL_LOAN_COUNT);
  const plan = demoPlan(loanCount);
  const closeFrom = opt('--close-from') ?? defaultCloseFrom(plan);
  const services = await resolveServices(config, log);
  const seedConfig: AppConfig = { ...config, databaseUrl: services.databaseUrl, redisUrl: services.redisUrl, closeScheduleEnabled: false };
  const app = await NestFactory.createApplicationContext(AppModule.register({ config: seedConfig, role: 'all' }), {
    logger: new NestPinoLogger(createRootLogger(config.logLevel)),
  });
  try {
    return await seedDemo((cls) => app.get(cls), app.get(DataSource), plan, { closeFrom, log });
  } finally {
    await app.close();
    await services.stop();
  }
}
