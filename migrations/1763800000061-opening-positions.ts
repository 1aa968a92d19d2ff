import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opening positions at a cut-over date (docs/book-import.md "Opening positions"): a loan brought in
 * without its history starts from a stated position, an OPENING_POSITION event of the loan (valued
 * on the cut-over date, its amount the principal disbursed before it), whose figures are kept in
 * loan_opening_positions so every replay starts from them. The receivables it brings are posted
 * against a new account of the chart, OPENING_BALANCE, in a journal transaction of the new kind
 * OPENING_BALANCE. journal_entries.account is checked against the chart (migration
 * 1763800000012), so the check is replaced here in the same step as the account is added.
 */
export class OpeningPositions1763800000061 implements MigrationInterface {
  name = 'OpeningPositions1763800000061';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO ledger_accounts (purpose, gl_code, name_vi, name_en, type)
      VALUES ('OPENING_BALANCE', '4119', 'Đối ứng số dư đầu kỳ chuyển sổ', 'Opening balances brought forward (cut-over)', 'EQUITY')`);
    await this.replaceAccountCheck(q);
    await q.query(`ALTER TABLE journal_transactions DROP CONSTRAINT journal_transactions_kind_check`);
    await q.query(`
      ALTER TABLE journal_transactions ADD CONSTRAINT journal_transactions_kind_check
        CHECK (kind IN ('DISBURSEMENT', 'REPAYMENT', 'REPAYMENT_REVERSAL', 'CAPITAL_MOVEMENT', 'ACCRUAL', 'PROVISION', 'WRITE_OFF', 'RECOVERY', 'OPENING_BALANCE'))`);

    await q.query(`ALTER TABLE loan_events DROP CONSTRAINT loan_events_kind_check`);
    await q.query(`ALTER TABLE loan_events DROP CONSTRAINT loan_events_amount_check`);
    await q.query(`ALTER TABLE loan_events ADD CONSTRAINT loan_events_kind_check CHECK (kind IN ('DISBURSEMENT', 'REPAYMENT', 'SCHEDULE_CHANGE', 'OPENING_POSITION'))`);
    // An opening position of a loan repaid before the cut-over brings no balance: no journal transaction.
    await q.query(`
      ALTER TABLE loan_events ADD CONSTRAINT loan_events_amount_check CHECK (
        CASE WHEN kind = 'SCHEDULE_CHANGE' THEN amount = 0 AND restructuring_id IS NOT NULL
             WHEN kind = 'OPENING_POSITION' THEN amount > 0 AND amount = round(amount)
             ELSE amount > 0 AND amount = round(amount) AND journal_transaction_id IS NOT NULL END)`);
    await q.query(`CREATE UNIQUE INDEX loan_events_one_opening ON loan_events (loan_id) WHERE kind = 'OPENING_POSITION'`);

    await q.query(`
      CREATE TABLE loan_opening_positions (
        event_id bigint PRIMARY KEY REFERENCES loan_events(id),
        loan_id bigint NOT NULL UNIQUE REFERENCES loans(id),
        cut_over_date date NOT NULL,
        disbursed_principal numeric NOT NULL CHECK (disbursed_principal > 0 AND disbursed_principal = round(disbursed_principal)),
        outstanding_principal numeric NOT NULL CHECK (outstanding_principal >= 0 AND outstanding_principal = round(outstanding_principal)),
        overdue_principal numeric NOT NULL CHECK (overdue_principal >= 0 AND overdue_principal = round(overdue_principal)),
        overdue_interest numeric NOT NULL CHECK (overdue_interest >= 0 AND overdue_interest = round(overdue_interest)),
        accrued_interest numeric NOT NULL CHECK (accrued_interest >= 0 AND accrued_interest = round(accrued_interest)),
        days_past_due int NOT NULL CHECK (days_past_due >= 0),
        debt_group smallint NOT NULL CHECK (debt_group BETWEEN 1 AND 5),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by bigint REFERENCES users(id),
        CHECK (outstanding_principal <= disbursed_principal AND overdue_principal <= outstanding_principal)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE loan_opening_positions`);
    await q.query(`DROP INDEX loan_events_one_opening`);
    await q.query(`ALTER TABLE loan_events DROP CONSTRAINT loan_events_amount_check`);
    await q.query(`ALTER TABLE loan_events DROP CONSTRAINT loan_events_kind_check`);
    await q.query(`ALTER TABLE loan_events ADD CONSTRAINT loan_events_kind_check CHECK (kind IN ('DISBURSEMENT', 'REPAYMENT', 'SCHEDULE_CHANGE'))`);
    await q.query(`
      ALTER TABLE loan_events ADD CONSTRAINT loan_events_amount_check CHECK (
        CASE WHEN kind = 'SCHEDULE_CHANGE' THEN amount = 0 AND restructuring_id IS NOT NULL
             ELSE amount > 0 AND amount = round(amount) AND journal_transaction_id IS NOT NULL END)`);
    await q.query(`ALTER TABLE journal_transactions DROP CONSTRAINT journal_transactions_kind_check`);
    await q.query(`
      ALTER TABLE journal_transactions ADD CONSTRAINT journal_transactions_kind_check
        CHECK (kind IN ('DISBURSEMENT', 'REPAYMENT', 'REPAYMENT_REVERSAL', 'CAPITAL_MOVEMENT', 'ACCRUAL', 'PROVISION', 'WRITE_OFF', 'RECOVERY'))`);
    await q.query(`DELETE FROM ledger_accounts WHERE purpose = 'OPENING_BALANCE'`);
    await this.replaceAccountCheck(q);
  }

  /** The chart this database holds, as the check of journal_entries.account (as migration 1763800000012 builds it). */
  private async replaceAccountCheck(q: QueryRunner): Promise<void> {
    const rows = (await q.query(`SELECT purpose FROM ledger_accounts ORDER BY purpose`)) as Array<{ purpose: string }>;
    const chart = rows.map((r) => `'${r.purpose.replace(/'/g, "''")}'`).join(', ');
    await q.query(`ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_account_check, ADD CONSTRAINT journal_entries_account_check CHECK (account IN (${chart}))`);
  }
}
