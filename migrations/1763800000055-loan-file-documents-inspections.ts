import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The loan file (docs/loan-file.md): stored documents, the checklist of required documents per
 * product, and the checks on the use of the money (kiểm tra sử dụng vốn vay) with recall cases.
 * - attachments (one per document, owned by a borrower, application, loan, collateral asset,
 *   guarantee or inspection) and attachment_versions (a new file keeps the old one); the bytes
 *   are in attachment_chunks (bytea pieces, so `pg_dump` and `npm run backup` carry them) unless
 *   the version was stored on an S3-compatible store (storage = 'S3'); nothing is ever deleted;
 * - application_documents (the records an application kept: names and checksums) gain the file;
 *   application_document_waivers record a required type waived, by whom and why;
 * - per product version: the required document types, the days after a disbursement within which
 *   its use is inspected, and whether a later tranche waits for the previous one's inspection;
 *   existing versions require no document, so nothing already submitted changes;
 * - use_inspections (one per disbursement) and recall_cases (thu hồi nợ trước hạn, four eyes);
 *   an approved recall is applied by the loans module as a schedule change of type ACCELERATION.
 */
export class LoanFileDocumentsInspections1763800000055 implements MigrationInterface {
  name = 'LoanFileDocumentsInspections1763800000055';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        owner_kind text NOT NULL CHECK (owner_kind IN ('BORROWER', 'APPLICATION', 'LOAN', 'COLLATERAL_ASSET', 'GUARANTEE', 'INSPECTION')),
        owner_id bigint NOT NULL,
        doc_type text NOT NULL CHECK (doc_type ~ '^[A-Z][A-Z0-9_]{1,49}$'),
        current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
        created_by bigint NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_owner_idx ON attachments (owner_kind, owner_id, id)`);
    await q.query(`
      CREATE TABLE attachment_versions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        attachment_id bigint NOT NULL REFERENCES attachments(id),
        version integer NOT NULL CHECK (version >= 1),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage text NOT NULL CHECK (storage IN ('POSTGRES', 'S3')),
        storage_key uuid NOT NULL UNIQUE,
        uploaded_by bigint NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (attachment_id, version)
      )`);
    // The bytes of a version stored in PostgreSQL, in pieces of at most 256 KiB (streamed in and out).
    await q.query(`
      CREATE TABLE attachment_chunks (
        storage_key uuid NOT NULL,
        seq integer NOT NULL CHECK (seq >= 0),
        data bytea NOT NULL,
        PRIMARY KEY (storage_key, seq)
      )`);
    await q.query(`
      CREATE FUNCTION attachments_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'documents are never deleted or rewritten (%), upload a new version instead', TG_TABLE_NAME USING ERRCODE = 'check_violation';
      END $$`);
    await q.query(`CREATE TRIGGER attachment_versions_keep BEFORE UPDATE OR DELETE ON attachment_versions FOR EACH ROW EXECUTE FUNCTION attachments_keep()`);
    await q.query(`CREATE TRIGGER attachment_chunks_keep BEFORE UPDATE OR DELETE ON attachment_chunks FOR EACH ROW EXECUTE FUNCTION attachments_keep()`);
    await q.query(`CREATE TRIGGER attachments_keep BEFORE DELETE ON attachments FOR EACH ROW EXECUTE FUNCTION attachments_keep()`);

    await q.query(`ALTER TABLE application_documents ADD COLUMN attachment_id bigint REFERENCES attachments(id)`);
    await q.query(`
      CREATE TABLE application_document_waivers (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id bigint NOT NULL REFERENCES loan_applications(id),
        doc_type text NOT NULL CHECK (doc_type ~ '^[A-Z][A-Z0-9_]{1,49}$'),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        waived_by bigint NOT NULL REFERENCES users(id),
        waived_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, doc_type)
      )`);

    await q.query(`
      ALTER TABLE loan_product_versions
        ADD COLUMN required_document_types text[] NOT NULL DEFAULT '{}',
        ADD COLUMN inspection_days integer NOT NULL DEFAULT 30 CHECK (inspection_days BETWEEN 1 AND 365),
        ADD COLUMN tranche_requires_inspection boolean NOT NULL DEFAULT false`);

    await q.query(`
      CREATE TABLE use_inspections (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        loan_id bigint NOT NULL REFERENCES loans(id),
        disbursement_event_id bigint NOT NULL UNIQUE REFERENCES loan_events(id),
        due_date date NOT NULL,
        visit_date date NOT NULL,
        inspectors text NOT NULL CHECK (length(inspectors) BETWEEN 1 AND 300),
        finding text NOT NULL CHECK (finding IN ('USED_AS_PLANNED', 'PARTLY', 'NOT_AS_PLANNED')),
        amount_verified numeric NOT NULL CHECK (amount_verified >= 0 AND amount_verified = round(amount_verified)),
        notes text,
        recorded_by bigint NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX use_inspections_loan_idx ON use_inspections (loan_id, id)`);
    await q.query(`
      CREATE TABLE recall_cases (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        loan_id bigint NOT NULL REFERENCES loans(id),
        inspection_id bigint NOT NULL REFERENCES use_inspections(id),
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        recall_date date NOT NULL,
        proposed_by bigint NOT NULL REFERENCES users(id),
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by bigint REFERENCES users(id),
        decided_at timestamptz,
        decision_note text,
        principal_recalled numeric CHECK (principal_recalled >= 0),
        restructuring_id bigint REFERENCES loan_restructurings(id),
        CONSTRAINT recall_cases_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by)
      )`);
    await q.query(`CREATE UNIQUE INDEX recall_cases_one_open ON recall_cases (loan_id) WHERE status = 'PROPOSED'`);

    // An approved recall is a schedule change the loans module records like a restructuring (replayed the same way).
    await q.query(`ALTER TABLE loan_restructurings DROP CONSTRAINT loan_restructurings_type_check`);
    await q.query(`ALTER TABLE loan_restructurings ADD CONSTRAINT loan_restructurings_type_check CHECK (type IN ('ADJUSTMENT', 'EXTENSION', 'ACCELERATION'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE loan_restructurings DROP CONSTRAINT loan_restructurings_type_check`);
    await q.query(`ALTER TABLE loan_restructurings ADD CONSTRAINT loan_restructurings_type_check CHECK (type IN ('ADJUSTMENT', 'EXTENSION'))`);
    await q.query(`DROP TABLE recall_cases`);
    await q.query(`DROP TABLE use_inspections`);
    await q.query(`ALTER TABLE loan_product_versions DROP COLUMN required_document_types, DROP COLUMN inspection_days, DROP COLUMN tranche_requires_inspection`);
    await q.query(`DROP TABLE application_document_waivers`);
    await q.query(`ALTER TABLE application_documents DROP COLUMN attachment_id`);
    await q.query(`DROP TABLE attachment_chunks`);
    await q.query(`DROP TABLE attachment_versions`);
    await q.query(`DROP TABLE attachments`);
    await q.query(`DROP FUNCTION attachments_keep()`);
  }
}
