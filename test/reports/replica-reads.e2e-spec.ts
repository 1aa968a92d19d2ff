import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { smallPortfolio } from '../close-of-business/close-support.js';
import { call, closeUntil, loanWorld, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(300_000);

const PROBE = 'lms-replica-probe';

/**
 * DATABASE_REPLICA_URL (docs/reliability.md "Read replica"). There is no streaming replica in the
 * test environment, so the "replica" is the same database reached through a second pool with its
 * own application_name: this shows that the reports are routed to that pool and still answer the
 * same figures, and that other reads are not; it says nothing about replication lag.
 */
describe('report reads on a read replica', () => {
  let primaryOnly: TestApp;
  let withReplica: TestApp;
  let w: LoanWorld;

  beforeAll(async () => {
    primaryOnly = await createTestApp();
    w = await loanWorld(primaryOnly, '2025-01-02');
    await smallPortfolio(primaryOnly, w, '2025-01-02', 3, 2);
    await closeUntil(primaryOnly, w, '2025-01-06');
    const url = new URL(primaryOnly.config.databaseUrl ?? '');
    const replica = new URL(url.toString());
    replica.searchParams.set('application_name', PROBE);
    withReplica = await createTestApp({ database: url.pathname.slice(1), env: { DATABASE_REPLICA_URL: replica.toString() } });
  });

  afterAll(async () => {
    await withReplica.stopApp();
    await primaryOnly.close();
  });

  /** The last statement of each session of the replica pool (TypeORM opens one at start to check the server). */
  const replicaStatements = async (): Promise<string[]> =>
    (
      (await primaryOnly.db.query(`SELECT query FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() ORDER BY pid`, [
        PROBE,
      ])) as Array<{ query: string }>
    ).map((r) => r.query);

  it('answers the reports from the replica pool with the primary’s figures', async () => {
    const before = await replicaStatements();
    // Reads outside the reports (a loan list) stay on the primary: the replica pool runs nothing.
    expect((await call(withReplica, 'GET', '/loans', w.auditor)).status).toBe(200);
    expect(await replicaStatements()).toEqual(before);
    for (const path of ['/reports/portfolio?asOf=2025-01-06', '/reports/aging?asOf=2025-01-06']) {
      const viaReplica = await call(withReplica, 'GET', path, w.auditor);
      const viaPrimary = await call(primaryOnly, 'GET', path, w.auditor);
      expect(viaReplica.status).toBe(200);
      expect(viaReplica.body).toEqual(viaPrimary.body);
    }
    // The report statements ran on the replica pool's sessions.
    const after = await replicaStatements();
    expect(after).not.toEqual(before);
  });
});
