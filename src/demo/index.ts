import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module.js';
import type { AppConfig } from '../config/index.js';
import { resolveServices } from '../platform/local-services/index.js';
import { NestPinoLogger, createRootLogger } from '../platform/logging/index.js';
import { DEMO_START, FULL_LOAN_COUNT, demoPlan } from './demo-plan.js';
import { type SeedResult, seedDemo } from './demo-seeder.js';

export { DEMO_DATE, DEMO_START, FULL_LOAN_COUNT, FULL_TURNOVER_FLOOR, demoPlan } from './demo-plan.js';
export { type SeedResult, seedDemo } from './demo-seeder.js';

/** Seeds the demo into a running application (quick-start) when it has no loans yet. */
export async function seedDemoIfEmpty(app: INestApplicationContext, log: (m: string) => void, loanCount = FULL_LOAN_COUNT): Promise<SeedResult | null> {
  const db = app.get(DataSource);
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM loans`)) as Array<{ n: number }>;
  if (n > 0) return null;
  log(`loading the demo portfolio (${loanCount} loans, ${DEMO_START} → 2025-12-31) through the services and close of business…`);
  const result = await seedDemo((cls) => app.get(cls), db, demoPlan(loanCount), { closeFrom: DEMO_START, log });
  log(`demo loaded: ${JSON.stringify(result)}`);
  return result;
}

/**
 * `seed:demo [--loans N] [--close-from YYYY-MM-DD]`: an in-process application context with the
 * close's workers (role all). --close-from later than 2021 records the earlier history backdated
 * (replayed by the loan engine, a seed-only backdating window) and closes day by day from there.
 */
export async function seedDemoCommand(config: AppConfig, args: readonly string[], log: (m: string) => void): Promise<SeedResult> {
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const loanCount = Number(opt('--loans') ?? FULL_LOAN_COUNT);
  const closeFrom = opt('--close-from') ?? DEMO_START;
  const services = await resolveServices(config, log);
  const seedConfig: AppConfig = {
    ...config,
    databaseUrl: services.databaseUrl,
    redisUrl: services.redisUrl,
    closeScheduleEnabled: false,
    repaymentBackdateDays: closeFrom > DEMO_START ? 4000 : config.repaymentBackdateDays,
  };
  const app = await NestFactory.createApplicationContext(AppModule.register({ config: seedConfig, role: 'all' }), { logger: new NestPinoLogger(createRootLogger(config.logLevel)) });
  try {
    return await seedDemo((cls) => app.get(cls), app.get(DataSource), demoPlan(loanCount), { closeFrom, log });
  } finally {
    await app.close();
    await services.stop();
  }
}
