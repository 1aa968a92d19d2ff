import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { call, closeUntil, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { expectCacheEqualsReplay, sleep, smallPortfolio, waitForBusinessDate } from './close-support.js';

jest.setTimeout(300_000);

const MAIN = resolve(process.cwd(), 'dist/src/main.js');

interface Chunk {
  chunkNo: number;
  status: string;
  attempts: number;
}

/**
 * A crash and a retry never double-accrue (design.md "Jobs"): a separate worker process
 * (`node dist/src/main.js --role worker`) is SIGKILLed in the middle of a chunk of a month-end close (its
 * transaction has done all the day's work and sleeps before commit); a new worker finishes the day.
 * Nothing accrues twice: every loan equals its replay, the ledger reconciles, each chunk posted its
 * month-end once.
 */
describe('close of business survives a worker killed mid-chunk', () => {
  let t: TestApp;
  let w: LoanWorld;
  const workers: ChildProcess[] = [];

  const startWorker = async (env: Record<string, string> = {}): Promise<ChildProcess> => {
    const child = spawn(process.execPath, [MAIN, '--role', 'worker'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: t.config.databaseUrl ?? '',
        REDIS_URL: t.config.redisUrl ?? '',
        QUEUE_PREFIX: t.config.queuePrefix,
        LOG_LEVEL: 'info',
        CLOSE_SCHEDULE_ENABLED: 'false',
        CLOSE_JOB_LOCK_MS: '2000',
        CLOSE_WORKER_CONCURRENCY: '2',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.push(child);
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error('worker did not start')), 30_000);
      child.stdout?.on('data', (b: Buffer) => {
        if (b.toString().includes('worker started')) {
          clearTimeout(timer);
          ready();
        }
      });
      child.on('exit', (code) => fail(new Error(`worker exited ${code}`)));
    });
    return child;
  };
  const stop = async (child: ChildProcess, signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };

  beforeAll(async () => {
    // The API process runs no close workers: every chunk is worked by the spawned processes.
    t = await createTestApp({ env: { CLOSE_WORKER_CONCURRENCY: '0', CLOSE_CHUNK_SIZE: '4', CLOSE_SCHEDULE_ENABLED: 'false' } });
    w = await loanWorld(t, '2025-01-02');
    const first = await startWorker();
    await smallPortfolio(t, w, '2025-01-02', 16, 6);
    await closeUntil(t, w, '2025-01-14');
    await money(t, w, 'repayments', (await t.db.query(`SELECT min(id)::text AS id FROM loans`))[0].id as string, '5000000', '2025-01-15');
    await closeUntil(t, w, '2025-01-30');
    await stop(first, 'SIGTERM');
  });
  afterAll(async () => {
    for (const child of workers) await stop(child, 'SIGKILL');
    await t.close();
  });

  it('kills a worker inside a month-end chunk, and another finishes the day without double accrual', async () => {
    const slow = await startWorker({ CLOSE_TEST_CHUNK_DELAY_MS: '3000' });
    const enqueued = await call<{ runDate: string }>(t, 'POST', '/close-of-business?wait=false', w.admin, { until: '2025-01-31' });
    expect(enqueued.status).toBe(202);
    expect(enqueued.body.runDate).toBe('2025-01-31');
    let chunks: Chunk[] = [];
    for (let i = 0; i < 200 && !chunks.some((c) => c.status === 'RUNNING'); i += 1) {
      await sleep(50);
      chunks = (await call<{ chunks: Chunk[] }>(t, 'GET', '/close-of-business/runs/2025-01-31', w.admin)).body.chunks;
    }
    expect(chunks.some((c) => c.status === 'RUNNING')).toBe(true);
    await sleep(800); // inside the chunk's transaction: all of the day's SQL done, sleeping before commit
    await stop(slow, 'SIGKILL');
    const during = await call<{ businessDate: string }>(t, 'GET', '/business-date', w.admin);
    expect(during.body.businessDate).toBe('2025-01-31');

    await startWorker();
    await waitForBusinessDate(t, w, '2025-01-31');
    const run = await call<{ status: string; chunks: Chunk[]; loansDone: number; loansTotal: number; chunksFailed: number }>(
      t,
      'GET',
      '/close-of-business/runs/2025-01-31',
      w.admin,
    );
    expect(run.body).toMatchObject({ status: 'SUCCEEDED', loansDone: 16, loansTotal: 16, chunksFailed: 0 });
    expect(run.body.chunks.every((c) => c.status === 'DONE')).toBe(true);
    expect(run.body.chunks.some((c) => c.attempts >= 2)).toBe(true);

    expect(await expectCacheEqualsReplay(t, w)).toBe(16);
    expect(await reconciliation(t, w)).toEqual(expect.objectContaining({ mismatches: [], unbalancedTransactions: [] }));
    // Each chunk's month-end work committed exactly once: one audit event and one accrual posting per chunk.
    const [once] = (await t.db.query(
      `SELECT (SELECT count(*)::int FROM audit_events WHERE action = 'close-of-business.chunk' AND entity_id LIKE '2025-01-31#%') AS audits,
              (SELECT count(DISTINCT entity_id)::int FROM audit_events WHERE action = 'close-of-business.chunk' AND entity_id LIKE '2025-01-31#%') AS chunks,
              (SELECT count(*)::int FROM journal_transactions WHERE kind = 'ACCRUAL' AND value_date = '2025-01-31' AND description LIKE 'Dự thu lãi cuối tháng%') AS accruals,
              (SELECT count(*)::int FROM loan_snapshots WHERE snapshot_date = '2025-01-31') AS snapshots`,
    )) as Array<{ audits: number; chunks: number; accruals: number; snapshots: number }>;
    expect(once).toEqual({ audits: once.chunks, chunks: run.body.chunks.length, accruals: run.body.chunks.length, snapshots: 16 });
    // The month-end postings' shape (close-chunk.sql.ts INCOME_LINES): receivables per loan, the
    // income side one line per chunk, capital source, account and direction, with no loan.
    const shape = (await t.db.query(
      `SELECT je.account, bool_and(je.loan_id IS NULL) AS pooled, bool_and(je.loan_id IS NOT NULL) AS per_loan, count(*)::int AS lines,
              count(DISTINCT (je.transaction_id, je.capital_source_id, sign(je.amount)))::int AS groups
       FROM journal_entries je JOIN journal_transactions jt ON jt.id = je.transaction_id
       WHERE jt.kind = 'ACCRUAL' AND jt.value_date = '2025-01-31' AND jt.description LIKE 'Dự thu lãi cuối tháng%'
       GROUP BY 1 ORDER BY 1`,
    )) as Array<{ account: string; pooled: boolean; per_loan: boolean; lines: number; groups: number }>;
    expect(shape.map((s) => s.account)).toEqual(expect.arrayContaining(['INTEREST_INCOME', 'INTEREST_RECEIVABLE']));
    for (const s of shape) {
      if (s.account.endsWith('_INCOME')) expect(s).toMatchObject({ pooled: true, lines: s.groups });
      else expect(s).toMatchObject({ account: expect.stringMatching(/_RECEIVABLE$/), per_loan: true });
    }
  });
});
