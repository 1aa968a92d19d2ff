import { describe, expect, it } from '@jest/globals';
import { WorkerHost } from '@nestjs/bullmq';
import { DiscoveryService } from '@nestjs/core';
import { createTestApp } from '../support/test-app.js';

interface WorkerSettings {
  queue: string;
  concurrency: number;
  lockDuration: number | undefined;
  stalledInterval: number | undefined;
  maxStalledCount: number | undefined;
  running: boolean;
}

/** The BullMQ workers a test application (role 'all') started, by queue. */
async function workersOf(env: Record<string, string>): Promise<Map<string, WorkerSettings>> {
  const t = await createTestApp({ env });
  try {
    const hosts = t.app
      .get(DiscoveryService, { strict: false })
      .getProviders()
      .map((w) => w.instance as unknown)
      .filter((i): i is WorkerHost => i instanceof WorkerHost);
    return new Map(
      hosts.map(({ worker: w }) => [
        w.name,
        {
          queue: w.name,
          concurrency: w.concurrency,
          lockDuration: w.opts.lockDuration,
          stalledInterval: w.opts.stalledInterval,
          maxStalledCount: w.opts.maxStalledCount,
          running: w.isRunning(),
        },
      ]),
    );
  } finally {
    await t.close();
  }
}

/**
 * Every job runs in a @nestjs/bullmq processor (README "Architecture"); the close's take their
 * concurrency and locks from the configuration (README "Close of business": CLOSE_WORKER_CONCURRENCY,
 * CLOSE_JOB_LOCK_MS; 0 runs no close job in this process).
 */
describe('job processors in the worker role', () => {
  it('run the close with CLOSE_WORKER_CONCURRENCY chunk jobs at once, days one at a time, both under CLOSE_JOB_LOCK_MS', async () => {
    const workers = await workersOf({ CLOSE_WORKER_CONCURRENCY: '3', CLOSE_JOB_LOCK_MS: '90000' });
    expect(workers.get('close-of-business-chunks')).toEqual({
      queue: 'close-of-business-chunks',
      concurrency: 3,
      lockDuration: 90000,
      stalledInterval: 45000,
      maxStalledCount: 2,
      running: true,
    });
    expect(workers.get('close-of-business')).toEqual({
      queue: 'close-of-business',
      concurrency: 1,
      lockDuration: 90000,
      stalledInterval: 45000,
      maxStalledCount: 2,
      running: true,
    });
    expect(workers.get('report-exports')).toMatchObject({ concurrency: 1, running: true });
    // The report's kept totals of a closed day: one job at a time (each replaces a day's rows whole).
    expect(workers.get('portfolio-totals')).toMatchObject({ concurrency: 1, running: true });
    expect([...workers.keys()].sort()).toEqual([
      'book-imports',
      'close-of-business',
      'close-of-business-chunks',
      'portfolio-totals',
      'reminders',
      'repayment-imports',
      'report-exports',
    ]);
  });

  it('start no close worker with CLOSE_WORKER_CONCURRENCY = 0, and the other processors still', async () => {
    const workers = await workersOf({ CLOSE_WORKER_CONCURRENCY: '0' });
    expect([...workers.keys()].sort()).toEqual(['book-imports', 'portfolio-totals', 'reminders', 'repayment-imports', 'report-exports']);
  });
});
