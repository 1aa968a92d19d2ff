import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The loan file's security (docs/collateral.md):
 * - collateral assets (tài sản bảo đảm) of a borrower's file, typed by the provisioning table's
 *   types (collateral_discount_rates) with a kind that names the identifiers each needs, owned by
 *   the borrower or a third party; valuations with their history (the latest is in force);
 *   pledges of an asset to an application or a loan with the allocated value; the registration
 *   of the security (Decree 99/2022/NĐ-CP), insurance, releases (four eyes) and enforcement;
 * - guarantees (bảo lãnh) and the loans they cover;
 * - the fund's collateral settings (revaluation period, warning days, guarantors in the 25% limit);
 * - loan_collateral (migration 1763800000003, read by the close and the reports) becomes derived:
 *   one row per active pledge to a loan, pledge_id its key, written with the pledge;
 * - a product's cover rule and an application's exemption under the internal regulation;
 * - when a contract is made from an application, its active pledges are carried to the loan
 *   (a trigger on loans, so it happens in the contract's own transaction whoever makes it).
 */
export class Collateral1763800000050 implements MigrationInterface {
  name = 'Collateral1763800000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collateral_settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        revaluation_months integer NOT NULL DEFAULT 12 CHECK (revaluation_months BETWEEN 1 AND 120),
        expiry_warning_days integer NOT NULL DEFAULT 30 CHECK (expiry_warning_days BETWEEN 1 AND 365),
        guarantors_in_group_limit boolean NOT NULL DEFAULT true,
        updated_by bigint REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO collateral_settings (id) VALUES (true)`);

    await q.query(`
      CREATE TABLE collateral_assets (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        borrower_id bigint NOT NULL REFERENCES borrowers(id),
        type text NOT NULL REFERENCES collateral_discount_rates(type),
        kind text NOT NULL,
        description text NOT NULL,
        identifiers jsonb NOT NULL,
        owner_kind text NOT NULL CHECK (owner_kind IN ('BORROWER', 'THIRD_PARTY')),
        owner_name text,
        owner_id_number text,
        owner_relationship text,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RELEASED', 'ENFORCED')),
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT collateral_assets_owner CHECK (owner_kind = 'BORROWER'
          OR (owner_name IS NOT NULL AND owner_id_number IS NOT NULL AND owner_relationship IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX collateral_assets_borrower_idx ON collateral_assets (borrower_id)`);

    await q.query(`
      CREATE TABLE collateral_valuations (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        asset_id bigint NOT NULL REFERENCES collateral_assets(id),
        valuation_date date NOT NULL,
        value numeric(20, 0) NOT NULL CHECK (value > 0),
        method text NOT NULL CHECK (method IN ('MARKET_COMPARISON', 'INCOME', 'COST', 'FACE_VALUE', 'OTHER')),
        valuer_kind text NOT NULL CHECK (valuer_kind IN ('FUND', 'INDEPENDENT')),
        valuer_name text NOT NULL,
        note text,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX collateral_valuations_asset_idx ON collateral_valuations (asset_id, valuation_date DESC, id DESC)`);

    await q.query(`
      CREATE TABLE collateral_pledges (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        asset_id bigint NOT NULL REFERENCES collateral_assets(id),
        application_id bigint REFERENCES loan_applications(id),
        loan_id bigint REFERENCES loans(id),
        allocated_value numeric(20, 0) NOT NULL CHECK (allocated_value > 0),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RELEASED', 'ENFORCED')),
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        CHECK (application_id IS NOT NULL OR loan_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX collateral_pledges_asset_idx ON collateral_pledges (asset_id)`);
    await q.query(`CREATE INDEX collateral_pledges_loan_idx ON collateral_pledges (loan_id) WHERE loan_id IS NOT NULL`);
    await q.query(`CREATE INDEX collateral_pledges_application_idx ON collateral_pledges (application_id) WHERE application_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE collateral_registrations (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        asset_id bigint NOT NULL REFERENCES collateral_assets(id),
        office text NOT NULL,
        registration_number text NOT NULL,
        registration_date date NOT NULL,
        expiry_date date,
        legal_basis text NOT NULL DEFAULT 'Nghị định 99/2022/NĐ-CP',
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expiry_date IS NULL OR expiry_date > registration_date)
      )`);
    await q.query(`CREATE INDEX collateral_registrations_asset_idx ON collateral_registrations (asset_id)`);

    await q.query(`
      CREATE TABLE collateral_insurances (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        asset_id bigint NOT NULL REFERENCES collateral_assets(id),
        insurer text NOT NULL,
        policy_number text NOT NULL,
        insured_value numeric(20, 0) CHECK (insured_value > 0),
        start_date date NOT NULL,
        expiry_date date NOT NULL,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expiry_date > start_date)
      )`);
    await q.query(`CREATE INDEX collateral_insurances_asset_idx ON collateral_insurances (asset_id)`);

    await q.query(`
      CREATE TABLE collateral_releases (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        asset_id bigint NOT NULL REFERENCES collateral_assets(id),
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
        proposed_by bigint NOT NULL REFERENCES users(id),
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by bigint REFERENCES users(id),
        decided_at timestamptz,
        decision_date date,
        decision_note text,
        document_number text
      )`);
    await q.query(`CREATE UNIQUE INDEX collateral_releases_open_idx ON collateral_releases (asset_id) WHERE status = 'PROPOSED'`);

    await q.query(`
      CREATE TABLE collateral_enforcements (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        asset_id bigint NOT NULL REFERENCES collateral_assets(id),
        loan_id bigint NOT NULL REFERENCES loans(id),
        method text NOT NULL CHECK (method IN ('SALE', 'TAKEOVER')),
        value_date date NOT NULL,
        proceeds numeric(20, 0) NOT NULL CHECK (proceeds > 0),
        costs numeric(20, 0) NOT NULL CHECK (costs >= 0 AND costs < proceeds),
        recovery numeric(20, 0) NOT NULL CHECK (recovery = proceeds - costs),
        reference text NOT NULL,
        note text,
        repayment_id text NOT NULL,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE guarantees (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        borrower_id bigint NOT NULL REFERENCES borrowers(id),
        guarantor_kind text NOT NULL CHECK (guarantor_kind IN ('PERSON', 'ORGANISATION')),
        guarantor_name text NOT NULL,
        guarantor_id_number text NOT NULL,
        guarantor_borrower_id bigint REFERENCES borrowers(id),
        guaranteed_amount numeric(20, 0) NOT NULL CHECK (guaranteed_amount > 0),
        document_reference text NOT NULL,
        signed_on date NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ENDED')),
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (guarantor_borrower_id IS DISTINCT FROM borrower_id)
      )`);
    await q.query(`CREATE INDEX guarantees_borrower_idx ON guarantees (borrower_id)`);
    await q.query(`CREATE INDEX guarantees_guarantor_idx ON guarantees (guarantor_borrower_id) WHERE guarantor_borrower_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE guarantee_loans (
        guarantee_id bigint NOT NULL REFERENCES guarantees(id),
        loan_id bigint NOT NULL REFERENCES loans(id),
        PRIMARY KEY (guarantee_id, loan_id)
      )`);
    await q.query(`CREATE INDEX guarantee_loans_loan_idx ON guarantee_loans (loan_id)`);

    // loan_collateral is derived from the pledges from now on; rows written before (none in practice) keep a null pledge.
    await q.query(`ALTER TABLE loan_collateral ADD COLUMN pledge_id bigint UNIQUE REFERENCES collateral_pledges(id)`);

    // A product's cover rule (docs/collateral.md "Cover"); existing versions keep collateral_required as it was.
    await q.query(`
      ALTER TABLE loan_product_versions
        ADD COLUMN collateral_cover_basis text NOT NULL DEFAULT 'DISCOUNTED' CHECK (collateral_cover_basis IN ('DISCOUNTED', 'LTV')),
        ADD COLUMN collateral_min_cover_percent numeric(9, 4) NOT NULL DEFAULT 100 CHECK (collateral_min_cover_percent > 0 AND collateral_min_cover_percent <= 1000),
        ADD COLUMN collateral_max_ltv_percent numeric(9, 4) NOT NULL DEFAULT 70 CHECK (collateral_max_ltv_percent > 0 AND collateral_max_ltv_percent <= 100)`);

    // The exemption under the internal regulation names the regulation and the approver's decision (Decree 45 Art. 31).
    await q.query(`
      ALTER TABLE loan_applications
        ADD COLUMN collateral_exemption_regulation text,
        ADD COLUMN collateral_exemption_decision text`);

    /*
     * The derived rows of one asset (docs/collateral.md "Provisioning"): one per active pledge to a
     * loan, valued at the allocated value, scaled down pro rata when a revaluation left the value in
     * force below the sum of the allocations (collateral/domain/cover.ts effectiveAllocations).
     * Called by the collateral services in the transaction of each pledge, valuation, release or
     * enforcement, and by the contract trigger below.
     */
    await q.query(`
      CREATE VIEW collateral_pledge_values AS
      SELECT p.id AS pledge_id, p.asset_id, p.application_id, p.loan_id, a.type, p.allocated_value,
             p.allocated_value * CASE WHEN v.value IS NULL THEN 0 WHEN v.value >= t.total THEN 1 ELSE v.value / t.total END AS effective_value
        FROM collateral_pledges p
        JOIN collateral_assets a ON a.id = p.asset_id
        LEFT JOIN LATERAL (SELECT value FROM collateral_valuations WHERE asset_id = p.asset_id ORDER BY valuation_date DESC, id DESC LIMIT 1) v ON true
        CROSS JOIN LATERAL (SELECT sum(allocated_value) AS total FROM collateral_pledges q WHERE q.asset_id = p.asset_id AND q.status = 'ACTIVE') t
       WHERE p.status = 'ACTIVE'`);
    await q.query(`
      CREATE FUNCTION collateral_sync_asset(p_asset_id bigint) RETURNS void LANGUAGE sql AS $$
        DELETE FROM loan_collateral c USING collateral_pledges p
         WHERE c.pledge_id = p.id AND p.asset_id = p_asset_id AND (p.status <> 'ACTIVE' OR p.loan_id IS NULL);
        INSERT INTO loan_collateral (loan_id, type, value, description, pledge_id)
        SELECT v.loan_id, v.type, v.effective_value, a.description, v.pledge_id
          FROM collateral_pledge_values v JOIN collateral_assets a ON a.id = v.asset_id
         WHERE v.asset_id = p_asset_id AND v.loan_id IS NOT NULL
        ON CONFLICT (pledge_id) DO UPDATE SET loan_id = EXCLUDED.loan_id, type = EXCLUDED.type, value = EXCLUDED.value;
      $$`);

    // Carry an application's active pledges to the loan made from it, with their derived rows, in the contract's transaction.
    await q.query(`
      CREATE FUNCTION collateral_carry_pledges() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE asset bigint;
      BEGIN
        IF NEW.application_id IS NOT NULL THEN
          FOR asset IN
            UPDATE collateral_pledges SET loan_id = NEW.id
             WHERE application_id = NEW.application_id AND status = 'ACTIVE' AND loan_id IS NULL
            RETURNING asset_id
          LOOP
            PERFORM collateral_sync_asset(asset);
          END LOOP;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER loans_collateral_carry AFTER INSERT ON loans FOR EACH ROW EXECUTE FUNCTION collateral_carry_pledges()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER loans_collateral_carry ON loans`);
    await q.query(`DROP FUNCTION collateral_carry_pledges()`);
    await q.query(`DROP FUNCTION collateral_sync_asset(bigint)`);
    await q.query(`DROP VIEW collateral_pledge_values`);
    await q.query(`ALTER TABLE loan_applications DROP COLUMN collateral_exemption_regulation, DROP COLUMN collateral_exemption_decision`);
    await q.query(`ALTER TABLE loan_product_versions DROP COLUMN collateral_cover_basis, DROP COLUMN collateral_min_cover_percent, DROP COLUMN collateral_max_ltv_percent`);
    await q.query(`ALTER TABLE loan_collateral DROP COLUMN pledge_id`);
    for (const t of [
      'guarantee_loans', 'guarantees', 'collateral_enforcements', 'collateral_releases', 'collateral_insurances', 'collateral_registrations',
      'collateral_pledges', 'collateral_valuations', 'collateral_assets', 'collateral_settings',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
