import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { type RunningService, startEmbeddedPostgres, startPrivateRedis } from '../src/platform/local-services/index.js';
import { recreateBenchDatabase, withDatabase } from '../bench/database.js';
import { loadPortfolio } from '../bench/load.js';
import { type AppEnv, type Child, startApi, startWorker } from '../bench/processes.js';
import { type BooksCheck, checkBooks, closeFingerprint, diffMaps } from './books.js';
import { checkClosedOnce, openDate, runStatus, until } from './close.js';
import { Api, destroyAgent } from './http.js';
import { type BadInput, type Ledger, badInputs, emptyLedger, storm } from './storm.js';
import { type TamperResult, tamperAudit } from './tamper.js';

/**
 * npm run test:faults — two API and two worker processes of the built app on a private PostgreSQL
 * cluster and a private redis-server (never the machine's), under a repayment storm and faults:
 * PostgreSQL crashed and restarted, a worker SIGKILLed mid-chunk, Redis killed during a close, the
 * audit trail tampered with. After each: nothing lost, nothing twice, books balance
 * (docs/reliability.md). Exits 1 on the first broken guarantee, after printing what it saw.
 */
const t0 = Date.now();
const log = (m: string): void => {
  process.stderr.write(`[faults ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${m}\n`);
};
const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const LOANS = num('FAULTS_LOANS', 300);
const CLIENTS = num('FAULTS_CLIENTS', 64);
const STORM_SECONDS = num('FAULTS_STORM_SECONDS', 15);
const DATABASE = 'lms_faults';
const COPY = 'lms_faults_copy';

interface Fault {
  fault: string;
  outcome: string;
  ok: boolean;
}

class Failed extends Error {}

/** A pool that survives its server going away (the PostgreSQL crash): idle clients' errors are dropped, queries fail. */
function pool(url: string, max: number): pg.Pool {
  const p = new pg.Pool({ connectionString: url, max, application_name: 'lms-faults' });
  p.on('error', () => undefined);
  return p;
}

async function main(): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'lms-faults-'));
  const children: Child[] = [];
  let postgres: RunningService | null = null;
  let redis: RunningService | null = null;
  let db: pg.Pool | null = null;
  let copyDb: pg.Pool | null = null;
  const checks: BooksCheck[] = [];
  const faults: Fault[] = [];
  const ledger: Ledger = emptyLedger();
  let bad: BadInput[] = [];
  let tampering: TamperResult[] = [];
  const fail = (m: string): never => {
    throw new Failed(m);
  };
  try {
    postgres = await startEmbeddedPostgres(root, log, { folder: 'postgres' });
    redis = await startPrivateRedis(root, log);
    const pgPort = Number(new URL(postgres.url).port);
    const redisPort = Number(new URL(redis.url).port);
    const url = await recreateBenchDatabase(postgres.url, DATABASE, log);
    const env: AppEnv = {
      databaseUrl: url,
      redisUrl: redis.url,
      queuePrefix: 'faults',
      poolSize: 10,
      adminPassword: 'faults-admin-password-1',
      jwtSecret: randomBytes(32).toString('hex'),
      closeChunk: 20,
      closeConcurrency: 1,
      extra: {
        // Short bounds so that the suite sees recovery within seconds (production keeps the defaults).
        QUEUE_SWEEP_AFTER_SECONDS: '3',
        CLOSE_JOB_LOCK_MS: '3000',
        IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS: '20',
        CLOSE_WAIT_TIMEOUT_SECONDS: '5',
        REPORT_RATE_LIMIT_PER_MINUTE: '1000',
      },
    };
    // Workers hold each chunk open a while, so that a kill lands inside a chunk's transaction.
    const workerEnv: AppEnv = { ...env, extra: { ...env.extra, CLOSE_TEST_CHUNK_DELAY_MS: '700' } };
    log('starting API 1 (migrates), API 2 and two workers');
    const api1 = await startApi(env);
    const api2 = await startApi(env);
    children.push(api1, api2);
    const workers = [await startWorker(workerEnv), await startWorker(workerEnv)];
    children.push(...workers);
    db = pool(url, 6);
    const load = await loadPortfolio(db, api1.url ?? '', env.adminPassword, LOANS, 2, log);
    const officers = [new Api(api1.url ?? '', load.world.tokens.officer), new Api(api2.url ?? '', load.world.tokens.officer)];
    const anon = [new Api(api1.url ?? ''), new Api(api2.url ?? '')];
    const auditor = new Api(api1.url ?? '', load.world.tokens.auditor);
    const admin = new Api(api1.url ?? '', load.world.tokens.admin);
    const active = (await db.query<{ id: string }>(`SELECT id::text FROM loans WHERE status = 'ACTIVE' ORDER BY id`)).rows.map((r) => r.id);
    const [closed] = (await db.query<{ id: string }>(`SELECT id::text FROM loans WHERE status <> 'ACTIVE' ORDER BY id LIMIT 1`)).rows;
    const loanIds = (await db.query<{ id: string }>(`SELECT id::text FROM loans ORDER BY id`)).rows.map((r) => r.id);
    const since = (await db.query<{ m: string }>(`SELECT coalesce(max(id), 0)::text AS m FROM loan_events`)).rows[0].m;
    const valueDate = await openDate(db);
    log(`${loanIds.length} loans (${active.length} active), business date ${valueDate}`);
    const stormOptions = {
      apis: officers,
      loanIds,
      hotLoanIds: active.slice(0, 6),
      clients: CLIENTS,
      seconds: STORM_SECONDS,
      valueDate,
      timeoutMs: 15_000,
      settleMs: 60_000,
    };
    const requireOk = (c: BooksCheck): void => {
      checks.push(c);
      const codes: Record<string, number> = {};
      for (const r of ledger.refused) codes[r.code] = (codes[r.code] ?? 0) + 1;
      log(`refusals by code: ${JSON.stringify(codes)}`);
      log(
        `${c.scenario}: accepted ${c.accepted}, refused ${c.refused}, posted ${c.posted}, lost ${c.lost}, twice ${c.postedTwice}, unbalanced ${c.unbalanced}, audit ${c.auditOk ? 'ok' : 'BROKEN'}`,
      );
      if (!c.ok) fail(`${c.scenario}: ${c.problems.join('; ')}`);
    };

    // 1. Repayment storm, with bad inputs on both API processes.
    log(`scenario 1: repayment storm, ${CLIENTS} clients over 2 API processes for ${STORM_SECONDS} s`);
    await storm(stormOptions, ledger, async () => {
      await sleep(2000);
      bad = await badInputs(officers, anon, active[10], closed?.id ?? null, valueDate);
    });
    const badAccepted = bad.filter((b) => b.status === null || b.status < 400 || b.status >= 500);
    if (badAccepted.length > 0) fail(`bad inputs not refused with a 4xx: ${JSON.stringify(badAccepted)}`);
    requireOk(await checkBooks('repayment storm', db, ledger, since, auditor));

    // 2. PostgreSQL crashes (immediate shutdown) in the middle of a storm and comes back on the same port.
    log('scenario 2: PostgreSQL crashed (SIGQUIT) during the storm, restarted 4 s later');
    const before503 = ledger.unavailable.seen;
    let probe: { status: number | null; code: string; retryAfter: string; type: string } | null = null;
    await storm({ ...stormOptions, seconds: STORM_SECONDS + 8 }, ledger, async () => {
      await sleep(4000);
      await postgres?.kill?.('SIGQUIT');
      log('PostgreSQL is down');
      await sleep(1000);
      const a = await officers[1].request('GET', `/loans/${active[0]}`, undefined, {}, 10_000);
      probe = {
        status: a?.status ?? null,
        code: typeof a?.body.code === 'string' ? a.body.code : '',
        retryAfter: String(a?.headers['retry-after'] ?? ''),
        type: String(a?.headers['content-type'] ?? ''),
      };
      await sleep(3000);
      postgres = await startEmbeddedPostgres(root, log, { folder: 'postgres', port: pgPort });
      log('PostgreSQL is back');
    });
    const p = probe as { status: number | null; code: string; retryAfter: string; type: string } | null;
    const seen503 = ledger.unavailable.seen - before503;
    const fivehundreds = ledger.statuses['500'] ?? 0;
    const probeOk = p?.status === 503 && p.code === 'SERVICE.DATABASE_UNAVAILABLE' && Number(p.retryAfter) > 0 && p.type.startsWith('application/problem+json');
    faults.push({
      fault: 'PostgreSQL crashed (SIGQUIT) and restarted during the storm',
      outcome: `while down: GET answered ${p?.status ?? 'nothing'} ${p?.code ?? ''} Retry-After ${p?.retryAfter ?? ''}; ${seen503} repayment answers 503 (${ledger.unavailable.wellFormed} well-formed in all), ${fivehundreds} answers 500; APIs recovered without restart`,
      ok: probeOk && fivehundreds === 0 && ledger.unavailable.wellFormed === ledger.unavailable.seen,
    });
    if (!faults[faults.length - 1].ok) fail(`PostgreSQL outage: ${faults[faults.length - 1].outcome}; samples ${ledger.unavailable.samples.join(', ')}`);
    for (const o of officers) await o.ok('GET', `/loans/${active[0]}`);
    requireOk(await checkBooks('storm + PostgreSQL crash', db, ledger, since, auditor));

    // 3. A worker SIGKILLed inside a close chunk; the same close on a copy without the fault.
    const day = await openDate(db);
    log(`scenario 3: close of ${day}; a copy of the database first`);
    // CREATE DATABASE … TEMPLATE needs the source without sessions: new ones are refused for the
    // moment of the copy and the apps' pools reconnect afterwards (a short outage of its own).
    await db.end();
    const server = new pg.Client({ connectionString: withDatabase(postgres.url, 'postgres') });
    server.on('error', () => undefined);
    await server.connect();
    await server.query(`ALTER DATABASE ${DATABASE} WITH ALLOW_CONNECTIONS false`);
    await server.query(`DROP DATABASE IF EXISTS ${COPY}`);
    await until('the copy', 20_000, async () => {
      await server.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [DATABASE]);
      await server.query(`CREATE DATABASE ${COPY} TEMPLATE ${DATABASE}`);
      return true;
    });
    await server.query(`ALTER DATABASE ${DATABASE} WITH ALLOW_CONNECTIONS true`);
    await server.end();
    db = pool(url, 6);
    const closing = admin.request('POST', '/close-of-business?wait=false', { until: day }, {}, 30_000);
    const busy = await until('both workers inside a chunk', 60_000, async () => {
      const s = await runStatus(db as pg.Pool, day);
      return s && s.running >= 2 ? s : null;
    });
    workers[0].proc.kill('SIGKILL');
    log(`worker 1 SIGKILLed with ${busy.running} chunks running, ${busy.done}/${busy.total} done`);
    await closing;
    await until(`the close of ${day}`, 120_000, async () => (await runStatus(db as pg.Pool, day))?.status === 'SUCCEEDED');
    const closeProblems = await checkClosedOnce(db, day);
    workers[0] = await startWorker(workerEnv);
    children.push(workers[0]);
    log('the same close on the copy, by a third process (role all) with its own Redis prefix');
    const copyUrl = withDatabase(postgres.url, COPY);
    const third = await startWorker({ ...workerEnv, databaseUrl: copyUrl, queuePrefix: 'faults_copy', closeConcurrency: 2 }, [], 'all');
    children.push(third);
    const copyAdmin = new Api(third.url ?? '', load.world.tokens.admin);
    copyDb = pool(copyUrl, 4);
    await copyAdmin.request('POST', '/close-of-business?wait=false', { until: day }, {}, 30_000);
    await until(`the close of ${day} on the copy`, 120_000, async () => (await runStatus(copyDb as pg.Pool, day))?.status === 'SUCCEEDED');
    const [a, b] = [await closeFingerprint(db), await closeFingerprint(copyDb)];
    const loanDiff = diffMaps(a.loans, b.loans);
    const journalDiff = diffMaps(a.journal, b.journal);
    faults.push({
      fault: 'a worker SIGKILLed inside a close chunk',
      outcome: `run finished on the other worker; ${a.loans.size} loans' positions and ${a.journal.size} journal sums equal to an uninterrupted run on a copy: ${loanDiff.length + journalDiff.length === 0 ? 'yes' : 'NO'}`,
      ok: closeProblems.length === 0 && loanDiff.length === 0 && journalDiff.length === 0,
    });
    if (!faults[faults.length - 1].ok) fail(`worker kill: ${[...closeProblems, ...loanDiff.slice(0, 5), ...journalDiff.slice(0, 5)].join('; ')}`);
    requireOk(await checkBooks('close with a worker killed', db, ledger, since, auditor));

    // 4. Redis killed (SIGKILL: its queued jobs are gone) during the next close, restarted on the same port.
    const day2 = await openDate(db);
    log(`scenario 4: Redis SIGKILLed during the close of ${day2}`);
    const closing2 = admin.request('POST', '/close-of-business?wait=false', { until: day2 }, {}, 30_000);
    const progress = await until('a chunk of the second close done', 60_000, async () => {
      const s = await runStatus(db as pg.Pool, day2);
      return s && s.done >= 1 && s.running >= 1 ? s : null;
    });
    await closing2;
    const tokenBefore = (await db.query<{ t: string }>(`SELECT job_token AS t FROM close_runs WHERE business_date = $1`, [day2])).rows[0].t;
    await redis.kill?.('SIGKILL');
    log(`Redis killed with ${progress.done}/${progress.total} chunks done`);
    await sleep(2000);
    redis = await startPrivateRedis(root, log, { port: redisPort });
    await until(`the close of ${day2} after Redis came back`, 120_000, async () => (await runStatus(db as pg.Pool, day2))?.status === 'SUCCEEDED');
    const redisProblems = await checkClosedOnce(db, day2);
    const tokenAfter = (await db.query<{ t: string }>(`SELECT job_token AS t FROM close_runs WHERE business_date = $1`, [day2])).rows[0].t;
    const s2 = await runStatus(db, day2);
    faults.push({
      fault: 'Redis killed (SIGKILL) and restarted during a close',
      outcome: `${tokenAfter !== tokenBefore ? 'the sweep enqueued the lost flow again under a fresh job token' : 'the flow survived in Redis (no re-enqueue)'}; SUCCEEDED once (attempt ${s2?.attempt ?? '?'}), every chunk's audit event once, business date +1 day`,
      ok: redisProblems.length === 0,
    });
    if (redisProblems.length > 0) fail(`Redis restart: ${redisProblems.join('; ')}`);
    // After Redis came back the APIs serve money again without a restart.
    await storm({ ...stormOptions, seconds: 3, valueDate: await openDate(db) }, ledger);
    requireOk(await checkBooks('close with Redis killed', db, ledger, since, auditor));

    // 5. Audit tampering, on the copy (its own API): changed, deleted in the middle, tip truncated.
    log('scenario 5: audit tampering on the copy');
    tampering = await tamperAudit(copyDb, new Api(third.url ?? '', load.world.tokens.auditor));
    for (const t of tampering) faults.push({ fault: `audit: ${t.what}`, outcome: `expected ${t.expected}, verification said ${t.got}`, ok: t.ok });
    if (tampering.some((t) => !t.ok)) fail(`audit tampering: ${JSON.stringify(tampering.filter((t) => !t.ok))}`);
    return 0;
  } catch (e) {
    log(e instanceof Failed ? `FAILED: ${e.message}` : `ERROR: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    for (const c of children)
      if (c.proc.exitCode !== null && c.proc.signalCode !== 'SIGKILL') log(`${c.name} exited ${c.proc.exitCode}:\n${c.output().slice(-3000)}`);
    return 1;
  } finally {
    printTable(checks, faults, ledger, bad, tampering);
    destroyAgent();
    for (const c of children.reverse()) await c.stop().catch(() => undefined);
    await db?.end().catch(() => undefined);
    await copyDb?.end().catch(() => undefined);
    await redis?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    // As root the cluster lives under /var/lib/htx-fund-lms with root/postgres a link to it.
    const cluster = ((): string | null => {
      try {
        return realpathSync(join(root, 'postgres'));
      } catch {
        return null;
      }
    })();
    if (cluster && !cluster.startsWith(root)) rmSync(join(cluster, '..'), { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  }
}

function printTable(checks: BooksCheck[], faults: Fault[], ledger: Ledger, bad: BadInput[], tampering: TamperResult[]): void {
  const lost = checks.reduce((n, c) => n + c.lost + c.unresolved, 0);
  const twice = checks.reduce((n, c) => n + c.postedTwice + c.refusedButPosted, 0);
  const unbalanced = checks.reduce((n, c) => n + c.unbalanced + c.reconciliationMismatches, 0);
  const last = checks[checks.length - 1];
  const lines = [
    '',
    '| Fault suite | |',
    '|---|---|',
    `| load held | ${ledger.requests} requests from ${CLIENTS} clients over 2 API processes + 2 worker processes (one PostgreSQL, one Redis); ${ledger.accepted.length} repayments accepted, ${ledger.refused.length} refused, ${ledger.retries} retries with the same key |`,
    `| posted | ${last ? last.posted : 0} repayments posted for ${ledger.accepted.length} accepted; answers ${JSON.stringify(ledger.statuses)} |`,
    ...faults.map((f) => `| fault survived: ${f.fault} | ${f.ok ? '' : 'FAILED: '}${f.outcome} |`),
    `| bad inputs tried | ${bad.length} on both API processes (${[...new Set(bad.map((b) => b.what))].join('; ')}): ${bad.filter((b) => b.status !== null && b.status >= 400 && b.status < 500).length} refused with a 4xx problem, nothing written |`,
    `| audit tampering | ${tampering.filter((t) => t.ok).length}/${tampering.length} verifications as expected |`,
    `| checks after each scenario | ${checks.map((c) => `${c.scenario}: ${c.ok ? 'ok' : 'FAILED'}`).join('; ')} |`,
    `| **result** | **lost: ${lost}, posted twice: ${twice}, unbalanced: ${unbalanced}** |`,
    `| time | ${Math.round((Date.now() - t0) / 1000)} s |`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
