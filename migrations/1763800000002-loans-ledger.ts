import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loans and the ledger (issue 4): business date, chart of accounts, double-entry journal,
 * loan contracts with their engine state cache, installments, dated events and
 * allocations. Replaces origination's exposure and capital-source hooks with real figures.
 */
export class LoansLedger1763800000002 implements MigrationInterface {
  name = 'LoansLedger1763800000002';

  async up(q: QueryRunner): Promise<void> {
    // design.md: the business date advances only through close of business.
    await q.query(`
      CREATE TABLE business_date (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        open_date date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Chart of accounts: purposes are fixed (the code posts to them); GL codes are configurable.
    await q.query(`
      CREATE TABLE ledger_accounts (
        purpose text PRIMARY KEY,
        gl_code text NOT NULL,
        name_vi text NOT NULL,
        name_en text NOT NULL,
        type text NOT NULL CHECK (type IN ('ASSET', 'CONTRA_ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE', 'OFF_BALANCE')),
        CONSTRAINT ledger_accounts_gl_code_key UNIQUE (gl_code)
      )`);
    await q.query(`
      INSERT INTO ledger_accounts (purpose, gl_code, name_vi, name_en, type) VALUES
        ('CASH', '1121', 'Tiền gửi ngân hàng theo nguồn vốn', 'Cash at bank per capital source', 'ASSET'),
        ('PRINCIPAL_RECEIVABLE', '2111', 'Cho vay (dư nợ gốc)', 'Loan principal receivable', 'ASSET'),
        ('INTEREST_RECEIVABLE', '3941', 'Lãi cho vay phải thu', 'Interest receivable', 'ASSET'),
        ('PENALTY_RECEIVABLE', '3942', 'Lãi quá hạn, lãi chậm trả phải thu', 'Overdue and late interest receivable', 'ASSET'),
        ('PROVISION_SPECIFIC', '2191', 'Dự phòng cụ thể', 'Specific provision', 'CONTRA_ASSET'),
        ('PROVISION_GENERAL', '2192', 'Dự phòng chung', 'General provision', 'CONTRA_ASSET'),
        ('SOURCE_CAPITAL', '4111', 'Vốn theo nguồn vốn', 'Capital of each source', 'EQUITY'),
        ('SUSPENSE', '3699', 'Các khoản chờ xử lý', 'Suspense', 'LIABILITY'),
        ('INTEREST_INCOME', '7021', 'Thu lãi cho vay', 'Interest income', 'INCOME'),
        ('OVERDUE_INTEREST_INCOME', '7022', 'Thu lãi quá hạn trên nợ gốc', 'Overdue interest income', 'INCOME'),
        ('LATE_INTEREST_INCOME', '7023', 'Thu lãi chậm trả trên lãi', 'Late interest income', 'INCOME'),
        ('RECOVERY_INCOME', '7901', 'Thu nợ đã xử lý rủi ro', 'Recoveries of written-off debt', 'INCOME'),
        ('PROVISION_EXPENSE', '8822', 'Chi phí dự phòng rủi ro tín dụng', 'Provision expense', 'EXPENSE'),
        ('WRITTEN_OFF_DEBT', '9711', 'Nợ đã xử lý đang theo dõi ngoại bảng', 'Written-off debt (off balance)', 'OFF_BALANCE'),
        ('OFF_BALANCE_CONTRA', '9799', 'Đối ứng tài khoản ngoại bảng', 'Off-balance contra', 'OFF_BALANCE')`);

    // Double entry: every transaction's entries sum to zero (debit positive, credit negative).
    // Balances are always aggregated from entries; no shared balance row is updated.
    await q.query(`
      CREATE TABLE journal_transactions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('DISBURSEMENT', 'REPAYMENT', 'REPAYMENT_REVERSAL', 'CAPITAL_MOVEMENT', 'ACCRUAL', 'PROVISION', 'WRITE_OFF', 'RECOVERY')),
        value_date date NOT NULL,
        booking_date date NOT NULL,
        loan_id bigint,
        capital_source_id bigint REFERENCES capital_sources(id),
        reverses_transaction_id bigint REFERENCES journal_transactions(id),
        description text NOT NULL,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX journal_transactions_loan_idx ON journal_transactions (loan_id, id) WHERE loan_id IS NOT NULL`);
    await q.query(`CREATE INDEX journal_transactions_value_date_idx ON journal_transactions (value_date)`);
    await q.query(`
      CREATE TABLE journal_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id bigint NOT NULL REFERENCES journal_transactions(id),
        account text NOT NULL REFERENCES ledger_accounts(purpose),
        capital_source_id bigint REFERENCES capital_sources(id),
        loan_id bigint,
        value_date date NOT NULL,
        amount numeric NOT NULL CHECK (amount <> 0 AND amount = round(amount))
      )`);
    await q.query(`CREATE INDEX journal_entries_transaction_idx ON journal_entries (transaction_id)`);
    await q.query(`CREATE INDEX journal_entries_loan_idx ON journal_entries (loan_id, account, value_date) WHERE loan_id IS NOT NULL`);
    await q.query(`CREATE INDEX journal_entries_account_idx ON journal_entries (account, value_date)`);
    await q.query(`
      CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the journal is append-only: reverse a transaction instead'; END $$`);
    await q.query(`CREATE TRIGGER journal_transactions_no_change BEFORE UPDATE OR DELETE ON journal_transactions FOR EACH ROW EXECUTE FUNCTION journal_append_only()`);
    await q.query(`CREATE TRIGGER journal_entries_no_change BEFORE UPDATE OR DELETE ON journal_entries FOR EACH ROW EXECUTE FUNCTION journal_append_only()`);

    await q.query(`
      CREATE TABLE contract_number_sequences (
        year integer PRIMARY KEY,
        last_value integer NOT NULL
      )`);

    // A loan copies its approved terms (domain.md: a product change never alters a contracted
    // loan) and caches its engine state; the ledger is the record, reconciliation proves they agree.
    await q.query(`
      CREATE TABLE loans (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        contract_number text NOT NULL,
        application_id bigint NOT NULL REFERENCES loan_applications(id),
        borrower_id bigint NOT NULL REFERENCES borrowers(id),
        product_version_id bigint NOT NULL REFERENCES loan_product_versions(id),
        capital_source_id bigint NOT NULL REFERENCES capital_sources(id),
        sector_version text NOT NULL,
        sector_code text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING_DISBURSEMENT', 'ACTIVE', 'CLOSED', 'WRITTEN_OFF')),
        signing_date date NOT NULL,
        approved_amount numeric NOT NULL CHECK (approved_amount > 0),
        annual_rate numeric NOT NULL CHECK (annual_rate >= 0),
        overdue_multiplier numeric NOT NULL,
        late_interest_rate numeric NOT NULL,
        amortization_method text NOT NULL,
        principal_frequency text NOT NULL,
        interest_frequency text NOT NULL,
        term_months integer NOT NULL CHECK (term_months > 0),
        grace_periods integer NOT NULL CHECK (grace_periods >= 0),
        rounding_unit numeric NOT NULL CHECK (rounding_unit >= 1),
        allocation_order text[] NOT NULL,
        prepayment_mode text NOT NULL,
        max_tranches integer NOT NULL CHECK (max_tranches >= 1),
        credit_report_reference text,
        credit_report_date date,
        start_date date,
        maturity_date date,
        tranche_count integer NOT NULL DEFAULT 0,
        disbursed_principal numeric NOT NULL DEFAULT 0,
        outstanding_principal numeric NOT NULL DEFAULT 0 CHECK (outstanding_principal >= 0),
        prepaid_principal numeric NOT NULL DEFAULT 0,
        period_interest_numerator numeric NOT NULL DEFAULT 0,
        period_interest_paid numeric NOT NULL DEFAULT 0,
        last_closed_date date,
        -- Posted to the ledger so far (income recognised); the accrual catch-up posts the difference.
        interest_earned_posted numeric NOT NULL DEFAULT 0,
        overdue_interest_earned_posted numeric NOT NULL DEFAULT 0,
        late_interest_earned_posted numeric NOT NULL DEFAULT 0,
        -- Filled by close of business (issue 5).
        days_past_due integer NOT NULL DEFAULT 0,
        debt_group smallint NOT NULL DEFAULT 1 CHECK (debt_group BETWEEN 1 AND 5),
        restructuring_count integer NOT NULL DEFAULT 0,
        closed_on date,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT loans_contract_number_key UNIQUE (contract_number),
        CONSTRAINT loans_application_key UNIQUE (application_id),
        CONSTRAINT loans_sector_fk FOREIGN KEY (sector_version, sector_code) REFERENCES sectors (classification_version, code)
      )`);
    await q.query(`CREATE INDEX loans_borrower_idx ON loans (borrower_id, id)`);
    await q.query(`CREATE INDEX loans_status_idx ON loans (status, id)`);
    await q.query(`CREATE INDEX loans_capital_source_idx ON loans (capital_source_id) INCLUDE (disbursed_principal, outstanding_principal, approved_amount, status)`);
    await q.query(`ALTER TABLE journal_transactions ADD CONSTRAINT journal_transactions_loan_fk FOREIGN KEY (loan_id) REFERENCES loans(id)`);
    await q.query(`ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_loan_fk FOREIGN KEY (loan_id) REFERENCES loans(id)`);

    await q.query(`
      CREATE TABLE loan_installments (
        loan_id bigint NOT NULL REFERENCES loans(id),
        seq integer NOT NULL,
        due_date date NOT NULL,
        principal_date boolean NOT NULL,
        interest_date boolean NOT NULL,
        principal_due numeric NOT NULL CHECK (principal_due >= 0),
        interest_due numeric,
        billed boolean NOT NULL DEFAULT false,
        principal_paid numeric NOT NULL DEFAULT 0,
        interest_paid numeric NOT NULL DEFAULT 0,
        overdue_interest_numerator numeric NOT NULL DEFAULT 0,
        late_interest_numerator numeric NOT NULL DEFAULT 0,
        overdue_interest_paid numeric NOT NULL DEFAULT 0,
        late_interest_paid numeric NOT NULL DEFAULT 0,
        -- Installments a rebuild dropped (shorter term, settlement) stay, marked, never deleted.
        superseded boolean NOT NULL DEFAULT false,
        PRIMARY KEY (loan_id, seq),
        CHECK (principal_paid >= 0 AND principal_paid <= principal_due)
      )`);
    await q.query(`CREATE INDEX loan_installments_due_idx ON loan_installments (due_date) WHERE NOT billed AND NOT superseded`);

    // Dated events: the loan's state is a pure function of its terms and these (reversed ones excluded).
    await q.query(`
      CREATE TABLE loan_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        loan_id bigint NOT NULL REFERENCES loans(id),
        kind text NOT NULL CHECK (kind IN ('DISBURSEMENT', 'REPAYMENT')),
        value_date date NOT NULL,
        booking_date date NOT NULL,
        amount numeric NOT NULL CHECK (amount > 0 AND amount = round(amount)),
        reference text NOT NULL,
        channel text NOT NULL,
        journal_transaction_id bigint NOT NULL REFERENCES journal_transactions(id),
        reversed_at timestamptz,
        reversed_by bigint REFERENCES users(id),
        reversal_reason text,
        reversal_transaction_id bigint REFERENCES journal_transactions(id),
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX loan_events_loan_idx ON loan_events (loan_id, value_date, id)`);
    await q.query(`
      CREATE TABLE loan_event_allocations (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id bigint NOT NULL REFERENCES loan_events(id),
        line_no integer NOT NULL,
        step text NOT NULL,
        component text NOT NULL,
        installment_seq integer,
        amount numeric NOT NULL CHECK (amount > 0),
        -- An earlier backdated repayment or a reversal re-allocates later repayments: the old split stays, superseded.
        superseded_at timestamptz
      )`);
    await q.query(`CREATE INDEX loan_event_allocations_event_idx ON loan_event_allocations (event_id, line_no) WHERE superseded_at IS NULL`);
    // The schedule before each rebuild that restructuring replaces (issue 5) is kept here too.
    await q.query(`
      CREATE TABLE loan_schedule_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        loan_id bigint NOT NULL REFERENCES loans(id),
        reason text NOT NULL,
        effective_date date NOT NULL,
        installments jsonb NOT NULL,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX loan_schedule_history_loan_idx ON loan_schedule_history (loan_id, id)`);

    // Origination's hooks, now with real loans (same columns).
    await q.query(`
      CREATE OR REPLACE VIEW borrower_outstanding AS
      SELECT borrower_id, sum(outstanding_principal) AS outstanding_principal
      FROM loans WHERE status IN ('ACTIVE', 'PENDING_DISBURSEMENT') GROUP BY borrower_id`);
    await q.query(`
      CREATE OR REPLACE VIEW capital_source_loan_figures AS
      SELECT capital_source_id, sum(disbursed_principal) AS disbursed,
             sum(disbursed_principal - outstanding_principal) AS repaid_principal,
             sum(outstanding_principal) AS outstanding_principal
      FROM loans WHERE status <> 'PENDING_DISBURSEMENT' OR disbursed_principal > 0 GROUP BY capital_source_id`);
    // Approved but not yet disbursed: uncontracted approvals, and contracted loans' undrawn amounts.
    await q.query(`
      CREATE OR REPLACE VIEW application_commitments AS
      SELECT a.id AS application_id, a.borrower_id, a.capital_source_id, a.approved_amount AS amount
      FROM loan_applications a WHERE a.status = 'APPROVED' AND a.contracted_at IS NULL
      UNION ALL
      SELECT l.application_id, l.borrower_id, l.capital_source_id, (l.approved_amount - l.disbursed_principal)::numeric(20, 0)
      FROM loans l WHERE l.status IN ('PENDING_DISBURSEMENT', 'ACTIVE') AND l.approved_amount > l.disbursed_principal`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW application_commitments AS
      SELECT id AS application_id, borrower_id, capital_source_id, approved_amount AS amount
      FROM loan_applications WHERE status = 'APPROVED' AND contracted_at IS NULL`);
    await q.query(`
      CREATE OR REPLACE VIEW capital_source_loan_figures AS
      SELECT NULL::bigint AS capital_source_id, 0::numeric AS disbursed, 0::numeric AS repaid_principal, 0::numeric AS outstanding_principal
      WHERE false`);
    await q.query(`
      CREATE OR REPLACE VIEW borrower_outstanding AS
      SELECT NULL::bigint AS borrower_id, 0::numeric AS outstanding_principal WHERE false`);
    for (const t of ['loan_schedule_history', 'loan_event_allocations', 'loan_events', 'loan_installments']) await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_loan_fk`);
    await q.query(`ALTER TABLE journal_transactions DROP CONSTRAINT journal_transactions_loan_fk`);
    for (const t of ['loans', 'contract_number_sequences', 'journal_entries', 'journal_transactions', 'ledger_accounts', 'business_date']) await q.query(`DROP TABLE ${t}`);
    await q.query(`DROP FUNCTION journal_append_only()`);
  }
}
