import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { backupDatabase, restoreDatabase } from '../../src/platform/database/index.js';
import { smallPortfolio } from '../close-of-business/close-support.js';
import { call, closeUntil, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, testDatabaseName, withDatabase, type TestApp } from '../support/test-app.js';

jest.setTimeout(300_000);

interface Verify {
  ok: boolean;
  eventsChecked: number;
  anchorsChecked: number;
  firstBreak: { id: string; reason: string } | null;
}

/**
 * `npm run backup` and `npm run restore` (README "Backups and restore"): the backup of a database
 * with loans, repayments and closed days restores into a new database whose audit chains verify
 * (anchors included) and whose loans reconcile with the ledger, with the same books.
 */
describe('backup and restore', () => {
  let t: TestApp;
  let restored: TestApp | null = null;
  let w: LoanWorld;
  const dir = mkdtempSync(join(tmpdir(), 'lms-backup-test-'));
  const target = testDatabaseName();

  beforeAll(async () => {
    t = await createTestApp();
    w = await loanWorld(t, '2025-01-02');
    const ids = await smallPortfolio(t, w, '2025-01-02', 4, 2);
    expect((await money(t, w, 'repayments', ids[0], '1500000', '2025-01-02')).status).toBe(201);
    await closeUntil(t, w, '2025-01-06');
  });

  afterAll(async () => {
    await restored?.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('dumps the database, restores it into a new one, and the copy verifies and reconciles', async () => {
    const url = t.config.databaseUrl ?? '';
    const database = new URL(url).pathname.slice(1);
    const backup = await backupDatabase(url, dir, new Date('2026-12-06T07:30:00Z'));
    expect(basename(backup.file)).toBe(`${database}-20261206T073000Z.dump`);
    expect(backup.bytes).toBeGreaterThan(10_000);

    const serverUrl = withDatabase(url, 'postgres');
    await restoreDatabase(serverUrl, backup.file, target);
    // A restore never overwrites: the same name again is refused.
    await expect(restoreDatabase(serverUrl, backup.file, target)).rejects.toThrow(/already exists/);

    restored = await createTestApp({ database: target });
    const verify = await call<Verify>(restored, 'GET', '/audit-events/verify', w.auditor);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, firstBreak: null });
    expect(verify.body.anchorsChecked).toBeGreaterThan(0);
    const original = await call<Verify>(t, 'GET', '/audit-events/verify', w.auditor);
    expect(verify.body.eventsChecked).toBe(original.body.eventsChecked);

    const rec = await reconciliation(restored, w);
    expect(rec.mismatches).toEqual([]);
    expect(rec.unbalancedTransactions).toEqual([]);
    const sums = `SELECT account, sum(amount)::text AS total FROM journal_entries GROUP BY account ORDER BY account`;
    expect(await restored.db.query(sums)).toEqual(await t.db.query(sums));
    expect(await restored.db.query(`SELECT open_date::text FROM business_date`)).toEqual([{ open_date: '2025-01-07' }]);
  });
});
