import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports (issue 6): asynchronous report exports, statement verification codes, and the one
 * view through which reports read what close of business decides per loan (DPD, debt group,
 * provisions). domain.md "Reports the fund files and auditors ask for".
 */
export class Reports1763800000005 implements MigrationInterface {
  name = 'Reports1763800000005';

  async up(q: QueryRunner): Promise<void> {
    // Exports above REPORT_EXPORT_ASYNC_ROWS run as BullMQ jobs; the file is kept here so the API
    // and the worker (separate processes, maybe separate machines) share it through PostgreSQL.
    await q.query(`
      CREATE TABLE report_exports (
        id uuid PRIMARY KEY,
        report text NOT NULL,
        format text NOT NULL CHECK (format IN ('csv', 'xlsx', 'pdf')),
        params jsonb NOT NULL,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        row_count integer,
        file_name text,
        content_type text,
        file bytea,
        error text,
        requested_by bigint REFERENCES users(id),
        requested_by_username text NOT NULL,
        requested_roles text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX report_exports_requester_idx ON report_exports (requested_by, created_at)`);

    // Statement verification: a random code (not guessable) stored with exactly what /verify confirms.
    await q.query(`
      CREATE TABLE statement_verifications (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z2-9]{12}$'),
        loan_id bigint NOT NULL REFERENCES loans(id),
        contract_number text NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL,
        closing_balance numeric(20, 0) NOT NULL,
        generated_by bigint REFERENCES users(id),
        generated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX statement_verifications_loan_idx ON statement_verifications (loan_id)`);

    // The single coupling with close of business: what the close stored for each loan on its last
    // closed day (issue 5 columns). Reports trust it only for a date whose close run SUCCEEDED
    // (close_runs); otherwise they classify from DPD with the policy in force. If the close moves
    // these figures, change this view and keep its columns.
    await q.query(`
      CREATE VIEW report_loan_risk AS
      SELECT l.id AS loan_id, l.last_closed_date, l.days_past_due, l.debt_group, l.specific_provision, l.general_provision
      FROM loans l`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW report_loan_risk`);
    await q.query(`DROP TABLE statement_verifications`);
    await q.query(`DROP TABLE report_exports`);
  }
}
