import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bringing in an existing loan book (docs/book-import.md):
 * - book_imports: one uploaded workbook, kept as uploaded (bytea) with its sha256 (unique: the same
 *   workbook uploaded twice answers the first import), its dry run (errors, summary, reconciliation,
 *   commune proposals, legacy contracts, as JSON), the officer's commune choices, who uploaded,
 *   submitted, approved or rejected it, the commit job's id, progress and result;
 * - loans: `legacy_terms` (contracts signed under older rules, kept as signed although they break
 *   today's product limits, with the rules they break) and `origin` (the fund of origin, so the
 *   merged fund reports both books), written by the loans module.
 */
export class BookImports1763800000060 implements MigrationInterface {
  name = 'BookImports1763800000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE book_imports (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        file_name text NOT NULL,
        content_sha256 text NOT NULL CONSTRAINT book_imports_sha256_key UNIQUE,
        size_bytes integer NOT NULL,
        content bytea NOT NULL,
        origin text,
        status text NOT NULL CHECK (status IN ('INVALID', 'NEEDS_CHOICES', 'READY', 'SUBMITTED', 'APPROVED', 'RUNNING', 'COMMITTED', 'FAILED', 'REJECTED')),
        business_date date NOT NULL,
        error_count integer NOT NULL DEFAULT 0,
        dry_run jsonb NOT NULL,
        commune_choices jsonb NOT NULL DEFAULT '{}'::jsonb,
        uploaded_by bigint NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        submitted_by bigint REFERENCES users(id),
        submitted_at timestamptz,
        approved_by bigint REFERENCES users(id),
        approved_at timestamptz,
        rejected_by bigint REFERENCES users(id),
        rejected_at timestamptz,
        rejection_reason text,
        job_id text,
        enqueued_at timestamptz,
        progress_percent integer NOT NULL DEFAULT 0,
        progress_step text,
        failure text,
        result jsonb,
        committed_at timestamptz,
        CONSTRAINT book_imports_four_eyes CHECK (approved_by IS NULL OR (approved_by <> uploaded_by AND approved_by IS DISTINCT FROM submitted_by))
      )`);
    await q.query(`CREATE INDEX book_imports_status_idx ON book_imports (status, id)`);
    await q.query(`ALTER TABLE loans ADD COLUMN legacy_terms boolean NOT NULL DEFAULT false, ADD COLUMN legacy_rules text[], ADD COLUMN origin text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE loans DROP COLUMN origin, DROP COLUMN legacy_rules, DROP COLUMN legacy_terms`);
    await q.query(`DROP TABLE book_imports`);
  }
}
