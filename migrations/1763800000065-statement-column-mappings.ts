import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bank statements as XLSX as well as CSV, with the column mapping the officer chose remembered per
 * bank (README "Restructuring, write-off, reminders and statement imports"). Owned by imports.
 */
export class StatementColumnMappings1763800000065 implements MigrationInterface {
  name = 'StatementColumnMappings1763800000065';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE statement_column_mappings (
        bank_code text PRIMARY KEY CHECK (bank_code ~ '^[A-Z]{2,20}$'),
        -- The header text of each column as it stands in that bank's export.
        date_column text NOT NULL,
        amount_column text NOT NULL,
        reference_column text,
        description_column text NOT NULL,
        updated_by bigint NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE repayment_imports ADD COLUMN bank_code text, ADD COLUMN file_format text NOT NULL DEFAULT 'CSV' CHECK (file_format IN ('CSV', 'XLSX'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE repayment_imports DROP COLUMN file_format, DROP COLUMN bank_code`);
    await q.query(`DROP TABLE statement_column_mappings`);
  }
}
