import type { MigrationInterface, QueryRunner } from 'typeorm';

// The policy constants below are literal copies of what src/modules/close-of-business/domain
// produced when this migration landed (the definitions of MICROFINANCE_POLICY and BANK_POLICY as
// stored, DEFAULT_COLLATERAL_DISCOUNTS). The migration used to import them from src/, so a later
// edit of the live policy would have changed what this landed migration does. Replacing that
// import with the values is the one edit of a landed migration the project allows (migrations
// never import src/: README "Architecture"); a fresh database migrates to the same rows as before.
const MICROFINANCE_POLICY = {
  code: "MICROFINANCE",
  legalBasis: "Circular 14/2024/TT-NHNN; Decree 86/2024/NĐ-CP",
  effectiveFrom: "2000-01-01",
  definition: {
    "dpdThresholds": [
      {
        "minDpd": 0,
        "group": 1
      },
      {
        "minDpd": 10,
        "group": 2
      },
      {
        "minDpd": 30,
        "group": 3
      },
      {
        "minDpd": 90,
        "group": 4
      },
      {
        "minDpd": 180,
        "group": 5
      }
    ],
    "restructuringRules": [
      {
        "minRestructurings": 1,
        "minDpd": 0,
        "group": 2,
        "basis": "first restructuring, current"
      },
      {
        "minRestructurings": 1,
        "minDpd": 1,
        "group": 3,
        "basis": "first restructuring, overdue < 30 days"
      },
      {
        "minRestructurings": 1,
        "minDpd": 30,
        "group": 4,
        "basis": "first restructuring, overdue 30–89 days"
      },
      {
        "minRestructurings": 1,
        "minDpd": 90,
        "group": 5,
        "basis": "first restructuring, overdue ≥ 90 days"
      },
      {
        "minRestructurings": 2,
        "minDpd": 0,
        "group": 4,
        "basis": "second restructuring"
      },
      {
        "minRestructurings": 2,
        "minDpd": 1,
        "group": 5,
        "basis": "second restructuring, overdue"
      }
    ],
    "specificProvisionRates": {
      "1": "0",
      "2": "0.02",
      "3": "0.25",
      "4": "0.5",
      "5": "1"
    },
    "generalProvisionRate": "0.005",
    "generalProvisionGroups": [
      1,
      2,
      3,
      4
    ],
    "badDebtGroups": [
      3,
      4,
      5
    ],
    "deductCollateral": false
  },
};
const BANK_POLICY = {
  code: "BANK",
  legalBasis: "Circular 31/2024/TT-NHNN Art. 10; Decree 86/2024/NĐ-CP",
  definition: {
    "dpdThresholds": [
      {
        "minDpd": 0,
        "group": 1
      },
      {
        "minDpd": 10,
        "group": 2
      },
      {
        "minDpd": 90,
        "group": 3
      },
      {
        "minDpd": 180,
        "group": 4
      },
      {
        "minDpd": 360,
        "group": 5
      }
    ],
    "restructuringRules": [
      {
        "minRestructurings": 1,
        "minDpd": 0,
        "group": 2,
        "basis": "first restructuring, current"
      },
      {
        "minRestructurings": 1,
        "minDpd": 1,
        "group": 4,
        "basis": "Art. 10.4.d(ii): first restructuring, overdue up to 90 days"
      },
      {
        "minRestructurings": 1,
        "minDpd": 90,
        "group": 5,
        "basis": "first restructuring, overdue ≥ 90 days"
      },
      {
        "minRestructurings": 2,
        "minDpd": 0,
        "group": 4,
        "basis": "second restructuring"
      },
      {
        "minRestructurings": 2,
        "minDpd": 1,
        "group": 5,
        "basis": "second restructuring, overdue"
      },
      {
        "minRestructurings": 3,
        "minDpd": 0,
        "group": 5,
        "basis": "third or later restructuring"
      }
    ],
    "specificProvisionRates": {
      "1": "0",
      "2": "0.02",
      "3": "0.25",
      "4": "0.5",
      "5": "1"
    },
    "generalProvisionRate": "0.005",
    "generalProvisionGroups": [
      1,
      2,
      3,
      4
    ],
    "badDebtGroups": [
      3,
      4,
      5
    ],
    "deductCollateral": true
  },
};
/** Collateral type → discount rate (Decree 86/2024/NĐ-CP deduction values), decimal strings. */
const DEFAULT_COLLATERAL_DISCOUNTS: Record<string, string> = {
  "DEPOSIT": "1",
  "GOVERNMENT_BOND_UNDER_1Y": "0.95",
  "GOVERNMENT_BOND_1_TO_5Y": "0.85",
  "GOVERNMENT_BOND_OVER_5Y": "0.8",
  "VALUABLE_PAPERS": "0.75",
  "LISTED_SECURITIES": "0.65",
  "UNLISTED_SECURITIES": "0.3",
  "REAL_ESTATE": "0.5",
  "OTHER": "0.3"
};

/**
 * Close of business on BullMQ (issue 5): run and chunk bookkeeping, debt-group history,
 * effective-dated classification policies, collateral discount rates, per-loan provisions and
 * the month-end loan snapshots the reports read.
 */
export class CloseOfBusiness1763800000003 implements MigrationInterface {
  name = 'CloseOfBusiness1763800000003';

  async up(q: QueryRunner): Promise<void> {
    // domain.md "Interest and schedule rules": round(numerator ÷ 365) half-up to the rounding unit,
    // exactly (div() is integer division of numerics, no binary or scale rounding; numerators are ≥ 0).
    await q.query(`
      CREATE FUNCTION lms_round_numerator(numerator numeric, unit numeric) RETURNS numeric
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT unit * div(numerator + 182.5 * unit, 365 * unit) $$`);

    // One row per business date closed (or being closed); a retry reuses it (attempt + 1).
    await q.query(`
      CREATE TABLE close_runs (
        business_date date PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        until_date date NOT NULL,
        attempt integer NOT NULL DEFAULT 1,
        trigger text NOT NULL CHECK (trigger IN ('MANUAL', 'SCHEDULED', 'CLI', 'CHAINED', 'RETRY')),
        requested_by bigint REFERENCES users(id),
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        duration_ms integer,
        loans_total integer NOT NULL DEFAULT 0,
        loans_done integer NOT NULL DEFAULT 0,
        chunks_total integer NOT NULL DEFAULT 0,
        chunks_failed integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]'::jsonb,
        CHECK (until_date >= business_date)
      )`);
    await q.query(`CREATE UNIQUE INDEX close_runs_one_active ON close_runs ((true)) WHERE status IN ('QUEUED', 'RUNNING')`);
    // A chunk is a range of borrower ids (so the cross-loan rule sees all of a borrower's loans in one
    // transaction); borrower_to NULL = no upper bound. loans = ACTIVE loans counted when planned.
    await q.query(`
      CREATE TABLE close_chunks (
        business_date date NOT NULL REFERENCES close_runs(business_date),
        chunk_no integer NOT NULL,
        borrower_from bigint NOT NULL,
        borrower_to bigint,
        loans integer NOT NULL,
        loans_done integer NOT NULL DEFAULT 0,
        status text NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        error text,
        started_at timestamptz,
        finished_at timestamptz,
        duration_ms integer,
        PRIMARY KEY (business_date, chunk_no)
      )`);

    // domain.md "Restructuring and risk": each change of group is stored with its date and reason.
    await q.query(`
      CREATE TABLE loan_group_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        loan_id bigint NOT NULL REFERENCES loans(id),
        date date NOT NULL,
        from_group smallint NOT NULL CHECK (from_group BETWEEN 1 AND 5),
        to_group smallint NOT NULL CHECK (to_group BETWEEN 1 AND 5),
        reason text NOT NULL CHECK (reason IN ('DPD', 'RESTRUCTURING', 'CROSS_LOAN')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT loan_group_history_loan_date_key UNIQUE (loan_id, date)
      )`);

    // Effective-dated policies: the one with the latest effective_from ≤ D classifies day D.
    await q.query(`
      CREATE TABLE classification_policies (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code text NOT NULL,
        legal_basis text NOT NULL,
        effective_from date NOT NULL,
        definition jsonb NOT NULL,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT classification_policies_effective_from_key UNIQUE (effective_from)
      )`);
    await q.query(`INSERT INTO classification_policies (code, legal_basis, effective_from, definition) VALUES ($1, $2, $3, $4)`, [
      MICROFINANCE_POLICY.code,
      MICROFINANCE_POLICY.legalBasis,
      MICROFINANCE_POLICY.effectiveFrom,
      JSON.stringify(MICROFINANCE_POLICY.definition),
    ]);
    // The templates an admin may put in force from a date (POST /classification-policies).
    await q.query(`
      CREATE TABLE classification_policy_templates (
        code text PRIMARY KEY,
        legal_basis text NOT NULL,
        definition jsonb NOT NULL
      )`);
    for (const p of [MICROFINANCE_POLICY, BANK_POLICY]) {
      await q.query(`INSERT INTO classification_policy_templates (code, legal_basis, definition) VALUES ($1, $2, $3)`, [p.code, p.legalBasis, JSON.stringify(p.definition)]);
    }

    // Collateral types and discount rates are configuration (Decree 86/2024/NĐ-CP deduction values).
    await q.query(`
      CREATE TABLE collateral_discount_rates (
        type text PRIMARY KEY,
        rate numeric NOT NULL CHECK (rate >= 0 AND rate <= 1)
      )`);
    for (const [type, rate] of Object.entries(DEFAULT_COLLATERAL_DISCOUNTS)) {
      await q.query(`INSERT INTO collateral_discount_rates (type, rate) VALUES ($1, $2)`, [type, rate]);
    }
    await q.query(`
      CREATE TABLE loan_collateral (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        loan_id bigint NOT NULL REFERENCES loans(id),
        type text NOT NULL REFERENCES collateral_discount_rates(type),
        value numeric NOT NULL CHECK (value >= 0),
        description text
      )`);
    await q.query(`CREATE INDEX loan_collateral_loan_idx ON loan_collateral (loan_id)`);

    // Per-loan classification and provisions, kept by the daily close; *_posted = the ledger balance.
    await q.query(`
      ALTER TABLE loans
        ADD COLUMN own_debt_group smallint NOT NULL DEFAULT 1 CHECK (own_debt_group BETWEEN 1 AND 5),
        ADD COLUMN debt_group_reason text NOT NULL DEFAULT 'DPD' CHECK (debt_group_reason IN ('DPD', 'RESTRUCTURING', 'CROSS_LOAN')),
        ADD COLUMN specific_provision numeric NOT NULL DEFAULT 0,
        ADD COLUMN general_provision numeric NOT NULL DEFAULT 0,
        ADD COLUMN specific_provision_posted numeric NOT NULL DEFAULT 0,
        ADD COLUMN general_provision_posted numeric NOT NULL DEFAULT 0`);

    // The close rewrites every ACTIVE loan row daily (the period numerator): room on each page keeps those updates HOT.
    await q.query(`ALTER TABLE loans SET (fillfactor = 80)`);
    await q.query(`ALTER TABLE loan_installments SET (fillfactor = 85)`);

    // A loan's days only ever close forward. A repayment or reversal that would write an older
    // last_closed_date over a chunk's work (the chunk closed day D, the business date is not yet
    // D + 1) is refused; the API answers 409 CONCURRENCY.CONFLICT with a retry hint.
    await q.query(`
      CREATE FUNCTION loans_last_closed_forward() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.last_closed_date < OLD.last_closed_date THEN
          RAISE EXCEPTION 'loan % is closed through %: close of business is finishing that day', OLD.id, OLD.last_closed_date USING ERRCODE = 'LM409';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER loans_last_closed_forward BEFORE UPDATE OF last_closed_date ON loans FOR EACH ROW EXECUTE FUNCTION loans_last_closed_forward()`);

    // Month-end snapshots (written by the close, same transaction as the chunk). principal_collected
    // and interest_collected are cumulative since the first disbursement (collectedIncome).
    await q.query(`
      CREATE TABLE loan_snapshots (
        snapshot_date date NOT NULL, loan_id bigint NOT NULL REFERENCES loans(id),
        borrower_id bigint NOT NULL, capital_source_id bigint NOT NULL, product_version_id bigint NOT NULL,
        sector_version text NOT NULL, sector_code text NOT NULL, status text NOT NULL, term_months integer NOT NULL,
        disbursed_principal numeric NOT NULL, outstanding_principal numeric NOT NULL, overdue_principal numeric NOT NULL,
        billed_unpaid_interest numeric NOT NULL, accrued_interest numeric NOT NULL, overdue_interest numeric NOT NULL, late_interest numeric NOT NULL,
        principal_collected numeric NOT NULL, interest_collected numeric NOT NULL,
        days_past_due integer NOT NULL, debt_group smallint NOT NULL, specific_provision numeric NOT NULL, general_provision numeric NOT NULL,
        PRIMARY KEY (snapshot_date, loan_id))`);
    await q.query(`CREATE INDEX loan_snapshots_loan_idx ON loan_snapshots (loan_id, snapshot_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE loan_snapshots`);
    await q.query(`DROP TRIGGER loans_last_closed_forward ON loans`);
    await q.query(`ALTER TABLE loans RESET (fillfactor)`);
    await q.query(`ALTER TABLE loan_installments RESET (fillfactor)`);
    await q.query(`DROP FUNCTION loans_last_closed_forward()`);
    await q.query(`
      ALTER TABLE loans DROP COLUMN own_debt_group, DROP COLUMN debt_group_reason, DROP COLUMN specific_provision, DROP COLUMN general_provision,
        DROP COLUMN specific_provision_posted, DROP COLUMN general_provision_posted`);
    for (const t of ['loan_collateral', 'collateral_discount_rates', 'classification_policy_templates', 'classification_policies', 'loan_group_history', 'close_chunks', 'close_runs']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION lms_round_numerator(numeric, numeric)`);
  }
}
