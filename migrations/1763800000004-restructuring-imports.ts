import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5 (rest): restructuring and write-off with four eyes (Decree 45 Art. 27–28), the
 * recoveries register, reminders, and bank-statement repayment imports.
 */
export class RestructuringImports1763800000004 implements MigrationInterface {
  name = 'RestructuringImports1763800000004';

  async up(q: QueryRunner): Promise<void> {
    // domain.md "Restructuring and risk": an OFFICER proposes, another APPROVER decides.
    await q.query(`
      CREATE TABLE loan_restructurings (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        loan_id bigint NOT NULL REFERENCES loans(id),
        type text NOT NULL CHECK (type IN ('ADJUSTMENT', 'EXTENSION')),
        status text NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
        reason text NOT NULL,
        proposed_date date NOT NULL,
        previous_maturity_date date NOT NULL,
        new_maturity_date date,
        -- As proposed: [{dueDate, principal, interestDate}] or null for an extension built from its maturity.
        installments jsonb,
        effective_date date,
        -- The schedule applied on approval (the ScheduleChange event's content).
        applied_installments jsonb,
        proposed_by bigint NOT NULL REFERENCES users(id),
        decided_by bigint REFERENCES users(id),
        decided_at timestamptz,
        decision_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT loan_restructurings_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by),
        CONSTRAINT loan_restructurings_applied CHECK (status <> 'APPROVED' OR (applied_installments IS NOT NULL AND effective_date IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX loan_restructurings_loan_idx ON loan_restructurings (loan_id, id)`);
    await q.query(`CREATE UNIQUE INDEX loan_restructurings_one_open ON loan_restructurings (loan_id) WHERE status = 'PROPOSED'`);

    // An approved restructuring is a dated event of the loan (replayed with the others, in recording order).
    await q.query(`ALTER TABLE loan_events ADD COLUMN restructuring_id bigint REFERENCES loan_restructurings(id)`);
    await q.query(`ALTER TABLE loan_events ALTER COLUMN journal_transaction_id DROP NOT NULL`);
    await q.query(`ALTER TABLE loan_events DROP CONSTRAINT loan_events_kind_check`);
    await q.query(`ALTER TABLE loan_events DROP CONSTRAINT loan_events_amount_check`);
    await q.query(`ALTER TABLE loan_events ADD CONSTRAINT loan_events_kind_check CHECK (kind IN ('DISBURSEMENT', 'REPAYMENT', 'SCHEDULE_CHANGE'))`);
    await q.query(`
      ALTER TABLE loan_events ADD CONSTRAINT loan_events_amount_check CHECK (
        CASE WHEN kind = 'SCHEDULE_CHANGE' THEN amount = 0 AND restructuring_id IS NOT NULL
             ELSE amount > 0 AND amount = round(amount) AND journal_transaction_id IS NOT NULL END)`);

    // domain.md: a group-5 loan, with approval, is written off against provisions and kept off balance.
    await q.query(`
      CREATE TABLE loan_write_offs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        loan_id bigint NOT NULL REFERENCES loans(id),
        status text NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
        reason text NOT NULL,
        proposed_date date NOT NULL,
        debt_group_at_proposal smallint NOT NULL,
        proposed_by bigint NOT NULL REFERENCES users(id),
        decided_by bigint REFERENCES users(id),
        decided_at timestamptz,
        decision_note text,
        effective_date date,
        principal numeric,
        interest numeric,
        penalty numeric,
        total numeric,
        provision_used numeric,
        provision_expense numeric,
        -- The off-balance register: what is left to recover (total − recoveries).
        remaining numeric CHECK (remaining >= 0),
        journal_transaction_id bigint REFERENCES journal_transactions(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT loan_write_offs_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by)
      )`);
    await q.query(`CREATE INDEX loan_write_offs_loan_idx ON loan_write_offs (loan_id, id)`);
    await q.query(`CREATE UNIQUE INDEX loan_write_offs_one_open ON loan_write_offs (loan_id) WHERE status IN ('PROPOSED', 'APPROVED')`);
    await q.query(`
      CREATE TABLE loan_recoveries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        loan_id bigint NOT NULL REFERENCES loans(id),
        write_off_id bigint NOT NULL REFERENCES loan_write_offs(id),
        value_date date NOT NULL,
        booking_date date NOT NULL,
        amount numeric NOT NULL CHECK (amount > 0 AND amount = round(amount)),
        reference text NOT NULL,
        channel text NOT NULL,
        journal_transaction_id bigint NOT NULL REFERENCES journal_transactions(id),
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX loan_recoveries_loan_idx ON loan_recoveries (loan_id, id)`);

    // Reminders: one per (installment, kind, business date), whatever the number of runs.
    await q.query(`
      CREATE TABLE notifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        borrower_id bigint NOT NULL REFERENCES borrowers(id),
        loan_id bigint NOT NULL REFERENCES loans(id),
        installment_seq integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DUE_SOON', 'OVERDUE')),
        for_date date NOT NULL,
        due_date date NOT NULL,
        principal_amount numeric NOT NULL,
        interest_amount numeric,
        days_past_due integer NOT NULL DEFAULT 0,
        message text NOT NULL,
        email_to text,
        email_status text NOT NULL CHECK (email_status IN ('PENDING', 'SENT', 'SKIPPED', 'FAILED')),
        email_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_once UNIQUE (loan_id, installment_seq, kind, for_date)
      )`);
    await q.query(`CREATE INDEX notifications_borrower_idx ON notifications (borrower_id, id)`);
    await q.query(`CREATE INDEX notifications_for_date_idx ON notifications (for_date, id)`);

    // Bank-statement imports (design.md "imports"): the file's lines and each one's outcome.
    await q.query(`
      CREATE TABLE repayment_imports (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        file_name text NOT NULL,
        content_sha256 text NOT NULL,
        status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        total_lines integer NOT NULL,
        failure text,
        created_by bigint NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE repayment_import_lines (
        import_id bigint NOT NULL REFERENCES repayment_imports(id),
        line_no integer NOT NULL,
        value_date date NOT NULL,
        amount numeric NOT NULL CHECK (amount > 0 AND amount = round(amount)),
        reference text NOT NULL,
        description text NOT NULL,
        -- sha256(date, amount, reference, description, occurrence index): the repayment's idempotency key.
        line_key text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('PENDING', 'APPLIED', 'UNMATCHED', 'REFUSED')),
        loan_id bigint REFERENCES loans(id),
        contract_number text,
        repayment_id bigint REFERENCES loan_events(id),
        reason_code text,
        reason text,
        assigned_by bigint REFERENCES users(id),
        processed_at timestamptz,
        PRIMARY KEY (import_id, line_no)
      )`);
    await q.query(`CREATE INDEX repayment_import_lines_key_idx ON repayment_import_lines (line_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['repayment_import_lines', 'repayment_imports', 'notifications', 'loan_recoveries', 'loan_write_offs']) await q.query(`DROP TABLE ${t}`);
    await q.query(`DELETE FROM loan_events WHERE kind = 'SCHEDULE_CHANGE'`);
    await q.query(`ALTER TABLE loan_events DROP CONSTRAINT loan_events_amount_check`);
    await q.query(`ALTER TABLE loan_events DROP CONSTRAINT loan_events_kind_check`);
    await q.query(`ALTER TABLE loan_events ADD CONSTRAINT loan_events_kind_check CHECK (kind IN ('DISBURSEMENT', 'REPAYMENT'))`);
    await q.query(`ALTER TABLE loan_events ADD CONSTRAINT loan_events_amount_check CHECK (amount > 0 AND amount = round(amount))`);
    await q.query(`ALTER TABLE loan_events ALTER COLUMN journal_transaction_id SET NOT NULL`);
    await q.query(`ALTER TABLE loan_events DROP COLUMN restructuring_id`);
    await q.query(`DROP TABLE loan_restructurings`);
  }
}
