import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Queue } from 'bullmq';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CLOSE_CHUNK_QUEUE, CLOSE_QUEUE } from '../../src/modules/close-of-business/index.js';
import { REPAYMENT_IMPORT_QUEUE } from '../../src/modules/imports/index.js';
import { adminToken } from '../support/factories.js';
import { call, closeUntil, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, testDatabaseName, withDatabase, type TestApp } from '../support/test-app.js';
import { sleep, smallPortfolio, waitForBusinessDate } from './close-support.js';

jest.setTimeout(300_000);

const SERVER = (): string => process.env.LMS_TEST_DATABASE_URL ?? '';
const hasBinary = (name: string): boolean => spawnSync(name, ['--version']).status === 0;

/**
 * A faithful copy of `source` as `target`: pg_dump -Fc + pg_restore (what an operator restores
 * from) when both are on PATH; else CREATE DATABASE … TEMPLATE, which needs the source idle, so
 * its other sessions are ended first (the app's pool reconnects).
 */
async function backupAndRestore(source: string, target: string): Promise<'pg_dump' | 'template'> {
  const admin = new DataSource({ type: 'postgres', url: SERVER(), poolSize: 1 });
  await admin.initialize();
  try {
    if (hasBinary('pg_dump') && hasBinary('pg_restore')) {
      const dir = mkdtempSync(join(tmpdir(), 'lms-backup-'));
      try {
        const file = join(dir, 'backup.dump');
        const dump = spawnSync('pg_dump', ['-Fc', '--no-owner', '-f', file, '-d', withDatabase(SERVER(), source)], { encoding: 'utf8' });
        if (dump.status !== 0) throw new Error(`pg_dump: ${dump.stderr}`);
        await admin.query(`CREATE DATABASE ${target}`);
        const restore = spawnSync('pg_restore', ['--no-owner', '--exit-on-error', '-d', withDatabase(SERVER(), target), file], { encoding: 'utf8' });
        if (restore.status !== 0) throw new Error(`pg_restore: ${restore.stderr}`);
        return 'pg_dump';
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [source]);
    await admin.query(`CREATE DATABASE ${target} TEMPLATE ${source}`);
    return 'template';
  } finally {
    await admin.destroy();
  }
}

/** The books to compare, without wall-clock columns: every loan and installment row, the journal by kind, account and dates, the snapshots, the runs. */
async function books(db: DataSource): Promise<Record<string, unknown>> {
  const noTimes = (alias: string): string => `(SELECT jsonb_object_agg(k, v) FROM jsonb_each(to_jsonb(${alias})) AS e(k, v) WHERE k NOT LIKE '%\\_at')`;
  const q = async (sql: string): Promise<unknown[]> => (await db.query(sql)) as unknown[];
  return {
    businessDate: await q(`SELECT open_date::text FROM business_date`),
    loans: await q(`SELECT ${noTimes('l')} AS row FROM loans l ORDER BY id`),
    installments: await q(`SELECT ${noTimes('i')} AS row FROM loan_installments i ORDER BY loan_id, seq, superseded`),
    journal: await q(
      `SELECT jt.kind, je.account, jt.value_date::text, jt.booking_date::text, sum(je.amount)::text AS amount, count(*)::int AS lines
       FROM journal_entries je JOIN journal_transactions jt ON jt.id = je.transaction_id GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    ),
    snapshots: await q(`SELECT ${noTimes('s')} AS row FROM loan_snapshots s ORDER BY snapshot_date, loan_id`),
    groups: await q(`SELECT loan_id, date::text, from_group, to_group, reason FROM loan_group_history ORDER BY 1, 2, 3, 4`),
    runs: await q(`SELECT business_date::text, status, attempt, loans_total, loans_done, chunks_total FROM close_runs ORDER BY 1`),
  };
}

/** A time bound on a request: a close that never starts must fail the test, not hang it. */
async function bounded<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * PostgreSQL is the truth and Redis holds only queues (design.md): a database restored from a
 * backup taken before a close, started against the Redis (same prefix) that still holds the first
 * deployment's completed jobs of those very dates, closes them again — once each, to the same books,
 * and no request hangs.
 */
describe('close of business after restoring the database beside the Redis of the earlier deployment', () => {
  let a: TestApp;
  let b: TestApp | null = null;
  let w: LoanWorld;
  const restored = testDatabaseName();
  const env = { CLOSE_CHUNK_SIZE: '3', CLOSE_SCHEDULE_ENABLED: 'false', CLOSE_WAIT_TIMEOUT_SECONDS: '60' };

  beforeAll(async () => {
    a = await createTestApp({ env });
    w = await loanWorld(a, '2025-01-02');
    await smallPortfolio(a, w, '2025-01-02', 8, 4);
    await closeUntil(a, w, '2025-01-09');
    const [{ id }] = (await a.db.query(`SELECT min(id)::text AS id FROM loans`)) as Array<{ id: string }>;
    expect((await money(a, w, 'repayments', id, '5000000', '2025-01-10')).status).toBe(201);
  });
  afterAll(async () => {
    await b?.close();
    await a.close();
  });

  it('closes the restored copy once per day, to the books of the first run', async () => {
    const method = await backupAndRestore(new URL(a.config.databaseUrl ?? '').pathname.slice(1), restored);
    process.stdout.write(`restore test: backup by ${method === 'pg_dump' ? 'pg_dump -Fc + pg_restore' : 'CREATE DATABASE … TEMPLATE (pg_dump not on PATH)'}\n`);

    // The first deployment closes through a month-end, then goes away; Redis keeps its jobs.
    const first = await bounded(90_000, call<{ closedDates: string[] }>(a, 'POST', '/close-of-business', w.admin, { until: '2025-01-31' }));
    expect(first.status).toBe(200);
    expect(first.body.closedDates).toHaveLength(22);
    const booksA = await books(a.db);
    await a.stopApp();
    const remembered = new Queue(CLOSE_QUEUE, { connection: { url: a.config.redisUrl ?? '' }, prefix: a.config.queuePrefix });
    const done = await remembered.getJobs(['completed'], 0, 1000);
    await remembered.close();
    const rememberedDates = new Set(done.map((j) => (j.data as { date?: string }).date));
    expect(rememberedDates.has('2025-01-10')).toBe(true);
    expect(rememberedDates.has('2025-01-31')).toBe(true);

    // The restored copy, the same Redis prefix: the same dates close again.
    b = await createTestApp({ database: restored, queuePrefix: a.config.queuePrefix, env });
    const admin = await adminToken(b);
    expect((await call<{ businessDate: string }>(b, 'GET', '/business-date', admin)).body.businessDate).toBe('2025-01-10');
    const started = Date.now();
    const again = await bounded(90_000, call<{ closedDates: string[] }>(b, 'POST', '/close-of-business', admin, { until: '2025-01-31' }));
    expect(again.status).toBe(200);
    expect(again.body.closedDates).toEqual(first.body.closedDates);
    expect(Date.now() - started).toBeLessThan(90_000);

    // Each day closed once: one run (attempt 1), one day audit event, one month-end accrual per chunk.
    const [once] = (await b.db.query(
      `SELECT (SELECT count(*)::int FROM close_runs WHERE business_date >= '2025-01-10' AND status = 'SUCCEEDED' AND attempt = 1) AS runs,
              (SELECT count(*)::int FROM audit_events WHERE action = 'close-of-business.day' AND entity_id >= '2025-01-10') AS days,
              (SELECT count(DISTINCT entity_id)::int FROM audit_events WHERE action = 'close-of-business.day' AND entity_id >= '2025-01-10') AS distinct_days`,
    )) as Array<{ runs: number; days: number; distinct_days: number }>;
    expect(once).toEqual({ runs: 22, days: 22, distinct_days: 22 });
    expect(await books(b.db)).toEqual(booksA);
    expect(await reconciliation(b, { ...w, auditor: admin })).toEqual(expect.objectContaining({ mismatches: [], unbalancedTransactions: [] }));
  });
});

/**
 * A run whose job is lost between the enqueue and the start (the worker gone, Redis flushed or
 * failed over) stays QUEUED in PostgreSQL; the workers' sweep finds it without a live job after
 * QUEUE_SWEEP_AFTER_SECONDS and enqueues it again under a fresh job id.
 */
describe('the sweep recovers a close run whose job was lost before it started', () => {
  let t: TestApp;
  let w: LoanWorld;
  let queues: Queue[];

  beforeAll(async () => {
    t = await createTestApp({
      env: { CLOSE_CHUNK_SIZE: '2', CLOSE_SCHEDULE_ENABLED: 'false', QUEUE_SWEEP_AFTER_SECONDS: '1', CLOSE_WAIT_TIMEOUT_SECONDS: '3' },
    });
    w = await loanWorld(t, '2025-03-03');
    await smallPortfolio(t, w, '2025-03-03', 4, 3);
    queues = [CLOSE_QUEUE, CLOSE_CHUNK_QUEUE].map((name) => new Queue(name, { connection: { url: t.config.redisUrl ?? '' }, prefix: t.config.queuePrefix }));
  });
  afterAll(async () => {
    for (const q of queues) await q.close();
    await t.close();
  });

  it('re-enqueues the QUEUED run under a fresh job id, and the day closes once', async () => {
    // No worker may take the jobs while they are removed: the queues are paused first.
    for (const q of queues) await q.pause();
    const enqueued = await call<{ runDate: string; location: string }>(t, 'POST', '/close-of-business?wait=false', w.admin, { until: '2025-03-03' });
    expect(enqueued.status).toBe(202);
    expect(enqueued.headers.location).toBe('/api/v1/close-of-business/runs/2025-03-03');
    const [before] = (await t.db.query(`SELECT status, job_token FROM close_runs WHERE business_date = '2025-03-03'`)) as Array<{
      status: string;
      job_token: string;
    }>;
    expect(before.status).toBe('QUEUED');
    // Children first: removing a child whose parent still waits would release the parent early.
    for (const q of [...queues].reverse()) await q.obliterate({ force: true });
    expect(await queues[0].getJobCounts()).toEqual(expect.objectContaining({ 'waiting-children': 0, waiting: 0 }));
    for (const q of queues) await q.resume();

    // A waiting request answers 202 with the run's location after CLOSE_WAIT_TIMEOUT_SECONDS
    // at the latest (here the sweep has usually recovered the run by then: 200).
    const waited = await bounded(
      20_000,
      call<{ location?: string; closedDates?: string[] }>(t, 'POST', '/close-of-business', w.admin, { until: '2025-03-03' }),
    );
    expect({ status: waited.status, body: waited.status >= 300 ? waited.body : null }).toEqual({ status: expect.any(Number), body: null });
    expect([200, 202]).toContain(waited.status);
    if (waited.status === 202) expect(waited.headers.location).toBe('/api/v1/close-of-business/runs/2025-03-03');

    await waitForBusinessDate(t, w, '2025-03-03', 30_000);
    const [after] = (await t.db.query(
      `SELECT status, attempt, job_token, errors, (SELECT count(*)::int FROM audit_events WHERE action = 'close-of-business.day' AND entity_id = '2025-03-03') AS days
       FROM close_runs WHERE business_date = '2025-03-03'`,
    )) as Array<{ status: string; attempt: number; job_token: string; days: number; errors: unknown[] }>;
    expect(after).toMatchObject({ status: 'SUCCEEDED', attempt: 1, days: 1, errors: [] });
    expect(after.job_token).not.toBe(before.job_token);
    expect(await reconciliation(t, w)).toEqual(expect.objectContaining({ mismatches: [], unbalancedTransactions: [] }));
  });

  it('re-enqueues a statement import whose job was lost, and it finishes', async () => {
    const imports = new Queue(REPAYMENT_IMPORT_QUEUE, { connection: { url: t.config.redisUrl ?? '' }, prefix: t.config.queuePrefix });
    try {
      await imports.pause();
      const up = await call<{ id: string; status: string }>(t, 'POST', '/repayment-imports', w.officer, {
        fileName: 'saoke.csv',
        content: 'date,amount,reference,description\n2025-03-04,1000000,KHONG-RO,chuyen tien\n',
      });
      expect(up.status).toBe(202);
      const [before] = (await t.db.query(`SELECT job_id FROM repayment_imports WHERE id = $1`, [up.body.id])) as Array<{ job_id: string }>;
      expect(before.job_id).toMatch(new RegExp(`^repayment-import-${up.body.id}_`));
      await imports.obliterate({ force: true });
      await imports.resume();
      let status = '';
      for (let i = 0; i < 200 && status !== 'DONE'; i += 1) {
        await sleep(100);
        status = (await call<{ status: string }>(t, 'GET', `/repayment-imports/${up.body.id}`, w.officer)).body.status;
      }
      expect(status).toBe('DONE');
      const [after] = (await t.db.query(`SELECT job_id FROM repayment_imports WHERE id = $1`, [up.body.id])) as Array<{ job_id: string }>;
      expect(after.job_id).not.toBe(before.job_id);
    } finally {
      await imports.close();
    }
  });

  it('answers a waiting close after CLOSE_WAIT_TIMEOUT_SECONDS with 202 and the run’s Location while the run cannot proceed', async () => {
    for (const q of queues) await q.pause();
    try {
      const started = Date.now();
      const res = await bounded(20_000, call<{ runDate: string; location: string }>(t, 'POST', '/close-of-business', w.admin, { until: '2025-03-04' }));
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ runDate: '2025-03-04', until: '2025-03-04', location: '/api/v1/close-of-business/runs/2025-03-04' });
      expect(res.headers.location).toBe('/api/v1/close-of-business/runs/2025-03-04');
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    } finally {
      for (const q of queues) await q.resume();
    }
    await waitForBusinessDate(t, w, '2025-03-04', 30_000);
    await sleep(10);
  });
});
