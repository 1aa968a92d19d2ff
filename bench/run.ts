import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { type RunningService, describeFatal, resolveServices, startEmbeddedPostgres } from '../src/platform/local-services/index.js';
import { type BenchContext, closeBench, memoryRows, reportBench, reportDates, repaymentsBench, statusBench } from './benchmarks.js';
import { BenchDatabaseRefused, DATABASE_SETTINGS, LOAD_SESSION_SETTINGS, TUNED_SERVER_SETTINGS, pool, recreateBenchDatabase, scalar } from './database.js';
import { loadPortfolio } from './load.js';
import { type Row, judge, round, row, table } from './measure.js';
import { parseOptions, selected } from './options.js';
import { type AppEnv, type Child, startApi, startWorker } from './processes.js';
import type { BenchOptions } from './options.js';
import { type ReconciliationCheck, keepTotals, reconcile, reconcileKeptTotals } from './reconcile.js';
import { deleteQueueKeys } from './redis-keys.js';
import { bundleRow, bundleSizes, webBench } from './web-bench.js';

const t0 = Date.now();
const log = (m: string): void => {
  process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${m}\n`);
};

class ReconciliationFailed extends Error {}

/**
 * The loaded portfolio was written by the loader, not closed by the close: keep the report's totals
 * of the report benchmark's two days as the close of each would have (cli portfolio-totals), then
 * check them against the per-loan report by every dimension. Not part of the load's figure.
 */
async function keepReportTotals(
  env: AppEnv,
  db: ReturnType<typeof pool>,
  closeDay: string,
  checks: ReconciliationCheck[],
): Promise<{ seconds: number; rows: Record<string, number> }> {
  const t = Date.now();
  const { today, pastMonthEnd } = reportDates(closeDay);
  const rows: Record<string, number> = {};
  for (const d of [pastMonthEnd, today]) rows[d] = (await keepTotals(env, d)).rows;
  const seconds = round((Date.now() - t) / 1000, 1) ?? 0;
  log(`kept report totals: ${JSON.stringify(rows)} rows in ${seconds} s`);
  for (const d of [today, pastMonthEnd]) await checkTotals(env, db, d, 'load', checks);
  return { seconds, rows };
}

/** Waits for the totals job of `day` to write rows after `since`; returns its rows and the seconds it took after the close. */
async function waitForKeptTotals(db: ReturnType<typeof pool>, day: string, since: string): Promise<{ day: string; rows: number; secondsAfterClose: number }> {
  const t = Date.now();
  for (;;) {
    const r = (
      await db.query<{ rows: number }>(
        `SELECT rows_kept AS rows FROM portfolio_totals_days WHERE kept_date = $1 AND written_at > $2::timestamptz AND rows_kept > 0`,
        [day, since],
      )
    ).rows[0];
    if (r) {
      const secondsAfterClose = round((Date.now() - t) / 1000, 1) ?? 0;
      log(`kept report totals of ${day} by the job: ${r.rows} rows, ${secondsAfterClose} s after the close`);
      return { day, rows: r.rows, secondsAfterClose };
    }
    if (Date.now() - t > 3_600_000) throw new Error(`no kept report totals of ${day} an hour after the close`);
    await new Promise((res) => setTimeout(res, 500));
  }
}

async function checkTotals(env: AppEnv, db: ReturnType<typeof pool>, date: string, step: string, checks: ReconciliationCheck[], pairs = false): Promise<void> {
  const c = await reconcileKeptTotals(env, db, date, step, pairs);
  checks.push(c);
  log(`reconciliation ${c.step}: ${c.mismatches} mismatching groupings (${c.seconds} s)`);
  if (!c.ok) throw new ReconciliationFailed(`reconciliation ${c.step} failed: ${JSON.stringify(c)}`);
}

function productEnv(opts: BenchOptions, benchUrl: string, redisUrl: string): AppEnv {
  return {
    databaseUrl: benchUrl,
    redisUrl,
    queuePrefix: `bench_${opts.database}_${Date.now().toString(36)}`,
    poolSize: opts.poolSize,
    adminPassword: 'bench-admin-password-1',
    jwtSecret: randomBytes(32).toString('hex'),
    closeChunk: opts.closeChunk,
    closeConcurrency: opts.closeConcurrency,
  };
}

/**
 * --report-also N: the report benchmark on a portfolio of N loans first (its own load, API and
 * worker), so the table shows the report's cost at two sizes side by side.
 */
async function reportAtSmallerSize(
  opts: BenchOptions,
  services: { databaseUrl: string; redisUrl: string },
  checks: ReconciliationCheck[],
): Promise<{ rows: Row[]; load: { seconds: number; loans: number }; keptTotals: { seconds: number; rows: Record<string, number> } }> {
  const loans = opts.reportAlso;
  const benchUrl = await recreateBenchDatabase(services.databaseUrl, opts.database, log);
  const env = productEnv(opts, benchUrl, services.redisUrl);
  const children: Child[] = [];
  const db = pool(benchUrl, 4);
  try {
    log(`report at ${loans} loans first (--report-also): starting the API and the worker`);
    const api = await startApi(env);
    children.push(api);
    const worker = await startWorker(env);
    children.push(worker);
    const load = await loadPortfolio(db, api.url ?? '', env.adminPassword, loans, 2, log);
    const c = await reconcile(api.url ?? '', load.world.tokens.auditor, db, `load (${loans} loans)`);
    checks.push(c);
    if (!c.ok) throw new ReconciliationFailed(`reconciliation after the ${loans}-loan load failed: ${JSON.stringify(c)}`);
    const keptTotals = await keepReportTotals(env, db, load.closeDay, checks);
    const ctx: BenchContext = {
      db,
      serverUrl: services.databaseUrl,
      benchDatabase: opts.database,
      benchUrl,
      api,
      worker,
      tokens: load.world.tokens,
      closeDay: load.closeDay,
      idsFile: '',
      repeat: opts.repeat,
      loans,
      duration: opts.duration,
      smoke: opts.smoke,
      poolSize: opts.poolSize,
      memory: { api: [], worker: [] },
      log,
    };
    const rows = (await reportBench(ctx)).map((r) => ({ ...r, benchmark: `${r.benchmark} (${loans.toLocaleString('en')} loans)` }));
    return { rows, load: { seconds: load.seconds, loans }, keptTotals };
  } finally {
    for (const ch of children.reverse()) await ch.stop();
    await db.end();
    await deleteQueueKeys(services.redisUrl, env.queuePrefix).catch((e: unknown) => log(`could not delete the queue keys: ${String(e)}`));
  }
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  // --tuned-server: a private PostgreSQL with the bench's documented server settings; Redis as usual.
  const tuned: RunningService | null = opts.tunedServer
    ? await startEmbeddedPostgres(config.dataDir, log, { folder: 'bench-postgres', settings: TUNED_SERVER_SETTINGS.map(([k, v]) => [k, v] as const) })
    : null;
  const services = await resolveServices(tuned ? { ...config, databaseUrl: tuned.url } : config, log);
  const children: Child[] = [];
  const checks: ReconciliationCheck[] = [];
  const rows: Row[] = [];
  let db: ReturnType<typeof pool> | null = null;
  let queuePrefix: string | null = null;
  const started = new Date();
  try {
    const smaller = opts.reportAlso > 0 && selected(opts, 'report') ? await reportAtSmallerSize(opts, services, checks) : null;
    const benchUrl = await recreateBenchDatabase(services.databaseUrl, opts.database, log);
    const env = productEnv(opts, benchUrl, services.redisUrl);
    queuePrefix = env.queuePrefix;
    log(`starting the API (migrates ${opts.database}) and the worker`);
    // BENCH_API_NODE_ARGS: extra node flags for the API process (profiling, e.g. "--cpu-prof --cpu-prof-dir=.data/prof").
    const api = await startApi(
      env,
      (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter((a) => a.length > 0),
    );
    children.push(api);
    const worker = await startWorker(env);
    children.push(worker);
    db = pool(benchUrl, 4);
    const pgVersion = await scalar<string>(db, `SHOW server_version`);

    log(`load: ${opts.loans} loans`);
    const load = await loadPortfolio(db, api.url ?? '', env.adminPassword, opts.loans, 2, log);
    const check = async (step: string): Promise<void> => {
      if (!db) return;
      const c = await reconcile(api.url ?? '', load.world.tokens.auditor, db, step);
      checks.push(c);
      log(`reconciliation after ${step}: ${c.loansChecked} loans, ${c.mismatches} mismatches, ${c.unbalanced} unbalanced transactions (${c.seconds} s)`);
      if (!c.ok) throw new ReconciliationFailed(`reconciliation after ${step} failed: ${JSON.stringify(c)}`);
    };
    // Origination and the shapes are a fixed cost; cloning and analysis grow with the loans.
    const fixed = (load.phases.originationApi ?? 0) + (load.phases.seedShapes ?? 0);
    const at1M = round(fixed + ((load.seconds - fixed) * 1_000_000) / opts.loans, 0) ?? 0;
    rows.push(
      judge(
        row({
          benchmark: `load: ${opts.loans.toLocaleString('en')} loans`,
          figure: load.seconds,
          unit: 's',
          goal: '≤ 120 s at 1M',
          baselineLabel: '—',
          note: `${opts.loans < 1_000_000 ? `≈ ${at1M} s at 1M extrapolated (fixed ${round(fixed, 1)} s + clone linear; judged on that); ` : ''}${load.shapes} shapes; ${Object.entries(
            load.phases,
          )
            .map(([k, v]) => `${k} ${v} s`)
            .join(', ')}; ${Object.entries(load.rows)
            .map(([k, v]) => `${k} +${v}`)
            .join(', ')}`,
        }),
        { also: at1M <= 120 },
      ),
    );
    await check('load');
    const keptTotals = selected(opts, 'report') ? await keepReportTotals(env, db, load.closeDay, checks) : null;
    let keptAfterClose: Awaited<ReturnType<typeof waitForKeptTotals>> | null = null;
    const ids = (await db.query<{ id: string }>(`SELECT id::text FROM loans WHERE status = 'ACTIVE' ORDER BY id`)).rows.map((r) => r.id);
    const idsFile = resolve('.data', `bench-${opts.database}-loan-ids.txt`);
    mkdirSync(dirname(idsFile), { recursive: true });
    writeFileSync(idsFile, ids.join('\n'));
    const ctx: BenchContext = {
      db,
      serverUrl: services.databaseUrl,
      benchDatabase: opts.database,
      benchUrl,
      api,
      worker,
      tokens: load.world.tokens,
      closeDay: load.closeDay,
      idsFile,
      repeat: opts.repeat,
      loans: opts.loans,
      duration: opts.duration,
      smoke: opts.smoke,
      poolSize: opts.poolSize,
      memory: { api: [], worker: [] },
      log,
    };
    if (selected(opts, 'status')) rows.push(...(await statusBench(ctx)));
    if (selected(opts, 'report')) {
      const label = smaller ? ` (${opts.loans.toLocaleString('en')} loans)` : '';
      rows.push(...(smaller?.rows ?? []), ...(await reportBench(ctx)).map((r) => ({ ...r, benchmark: `${r.benchmark}${label}` })));
    }
    if (selected(opts, 'web')) {
      // Cheap enough for the smoke (one browser run); five for the figure.
      rows.push(bundleRow(bundleSizes()));
      rows.push(...(await webBench({ apiUrl: api.url ?? '', token: load.world.tokens.officer, loanId: ids[0] ?? '1', runs: opts.smoke ? 1 : 5, log })));
    }
    if (selected(opts, 'close')) {
      const [{ started: closeStarted }] = (await db.query<{ started: string }>(`SELECT now()::text AS started`)).rows;
      rows.push(...(await closeBench(ctx)));
      await check('close');
      // Once the close committed the day it enqueued the report's totals job: wait for its rows (not part of the close's figure).
      keptAfterClose = await waitForKeptTotals(db, load.closeDay, closeStarted);
      // Every pair too, once (64 per-loan reports): the rows the job wrote.
      await checkTotals(env, db, load.closeDay, 'close', checks, true);
    }
    if (selected(opts, 'repayments')) {
      rows.push(...(await repaymentsBench(ctx)));
      await check('repayments');
    }
    if (selected(opts, 'memory')) rows.push(...memoryRows(ctx));

    const result = {
      date: started.toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? '',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        loadAverage: loadavg().map((x) => round(x, 2)),
        node: process.version,
        postgres: pgVersion,
      },
      options: opts,
      databaseSettings: Object.fromEntries(DATABASE_SETTINGS.map(([k, v]) => [k, v])),
      serverSettings: opts.tunedServer ? Object.fromEntries(TUNED_SERVER_SETTINGS.map(([k, v]) => [k, v])) : 'the server defaults of DATABASE_URL',
      loaderSessionSettings: Object.fromEntries(LOAD_SESSION_SETTINGS.map(([k, v]) => [k, v])),
      load: { seconds: load.seconds, phases: load.phases, rows: load.rows, shapes: load.shapes, closeDay: load.closeDay },
      keptTotals,
      keptAfterClose,
      reportAlso: smaller ? { loans: smaller.load.loans, loadSeconds: smaller.load.seconds, keptTotals: smaller.keptTotals, rows: smaller.rows } : null,
      reconciliation: checks,
      rows,
    };
    mkdirSync(dirname(resolve(opts.out)), { recursive: true });
    writeFileSync(resolve(opts.out), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(
      `\nBenchmarks, ${opts.loans.toLocaleString('en')} loans, ${started.toISOString().slice(0, 10)}, ${cpus().length} cores, load average at the end ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}${opts.smoke ? ' (SMOKE: completion and reconciliation only, figures are not measurements)' : ''}\n\n`,
    );
    process.stdout.write(
      `${table(rows)}\n\nReconciliation: ${checks.map((c) => `${c.step} ${c.ok ? 'clean' : 'FAILED'} (${c.loansChecked} loans)`).join(', ')}. JSON: ${opts.out}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ReconciliationFailed || e instanceof BenchDatabaseRefused) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    for (const c of children) process.stderr.write(`--- ${c.name} output (tail) ---\n${c.output().slice(-4000)}\n`);
    throw e;
  } finally {
    for (const c of children.reverse()) await c.stop();
    if (db) await db.end();
    if (queuePrefix) await deleteQueueKeys(services.redisUrl, queuePrefix).catch((e: unknown) => log(`could not delete the queue keys: ${String(e)}`));
    await services.stop();
    if (tuned) await tuned.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${describeFatal(e)}\n`);
    process.exit(1);
  },
);
