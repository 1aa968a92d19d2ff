import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders of collateral expiries (docs/collateral.md "Registration, insurance, expiries"): a
 * notification may now be about an asset (a stale valuation, a registration or a policy expiring)
 * instead of an installment, and is addressed either to the borrower (its cooperative user reads
 * it, staff too) or to the fund's staff only. One reminder per asset, kind and expiry date,
 * whatever the number of runs. `subject` keeps the asset's description as it was when reminded.
 */
export class CollateralExpiryReminders1763800000080 implements MigrationInterface {
  name = 'CollateralExpiryReminders1763800000080';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications
      ALTER COLUMN loan_id DROP NOT NULL,
      ALTER COLUMN installment_seq DROP NOT NULL,
      ALTER COLUMN principal_amount DROP NOT NULL,
      ADD COLUMN asset_id bigint REFERENCES collateral_assets(id),
      ADD COLUMN subject text,
      ADD COLUMN audience text NOT NULL DEFAULT 'BORROWER' CHECK (audience IN ('BORROWER', 'STAFF')),
      DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (
      (kind IN ('DUE_SOON', 'OVERDUE') AND loan_id IS NOT NULL AND installment_seq IS NOT NULL AND principal_amount IS NOT NULL AND asset_id IS NULL)
      OR (kind IN ('VALUATION_EXPIRY', 'REGISTRATION_EXPIRY', 'INSURANCE_EXPIRY') AND asset_id IS NOT NULL AND loan_id IS NULL))`);
    await q.query(`CREATE UNIQUE INDEX notifications_expiry_once ON notifications (asset_id, kind, due_date) WHERE asset_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE asset_id IS NOT NULL`);
    await q.query(`DROP INDEX notifications_expiry_once`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('DUE_SOON', 'OVERDUE'))`);
    await q.query(`ALTER TABLE notifications DROP COLUMN audience, DROP COLUMN subject, DROP COLUMN asset_id,
      ALTER COLUMN loan_id SET NOT NULL, ALTER COLUMN installment_seq SET NOT NULL, ALTER COLUMN principal_amount SET NOT NULL`);
  }
}
