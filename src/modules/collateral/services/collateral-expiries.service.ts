import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { LocalDate } from '../../../platform/dates/index.js';

export type CollateralExpiryKind = 'VALUATION' | 'REGISTRATION' | 'INSURANCE';

/** One approaching or passed expiry of an active asset, as the reminders need it. */
export interface CollateralExpiry {
  assetId: string;
  borrowerId: string;
  /** The asset is the borrower's own (not a third party's pledged for it). */
  ownedByBorrower: boolean;
  description: string;
  kind: CollateralExpiryKind;
  /** The day the valuation goes stale (latest valuation + revaluation months), or the registration or policy expires. */
  expiresOn: LocalDate;
}

/**
 * The collateral module's answer to "what expires by when" for other modules (the reminders):
 * docs/collateral.md "Registration, insurance, expiries" — an active asset's latest valuation
 * older than `revaluation_months`, or its latest registration or insurance expiring, on or before
 * the date + `expiry_warning_days` (passed ones included). The same rules as the asset's states
 * and the officer's queue.
 */
@Injectable()
export class CollateralExpiriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async dueFor(date: LocalDate, manager?: EntityManager): Promise<CollateralExpiry[]> {
    const rows: Array<{ asset_id: string; borrower_id: string; own: boolean; description: string; kind: CollateralExpiryKind; expires_on: string }> = await (
      manager ?? this.dataSource
    ).query(
      `WITH s AS (SELECT revaluation_months, expiry_warning_days FROM collateral_settings),
       a AS (
         SELECT x.id, x.borrower_id, x.owner_kind = 'BORROWER' AS own, x.description, s.expiry_warning_days AS days,
                ((SELECT max(valuation_date) FROM collateral_valuations v WHERE v.asset_id = x.id AND v.valuation_date <= $1::date)
                  + make_interval(months => s.revaluation_months))::date AS valuation,
                (SELECT expiry_date FROM collateral_registrations r WHERE r.asset_id = x.id AND r.registration_date <= $1::date
                  ORDER BY registration_date DESC, id DESC LIMIT 1) AS registration,
                (SELECT expiry_date FROM collateral_insurances i WHERE i.asset_id = x.id AND i.start_date <= $1::date
                  ORDER BY expiry_date DESC, id DESC LIMIT 1) AS insurance
           FROM collateral_assets x CROSS JOIN s WHERE x.status = 'ACTIVE')
       SELECT a.id::text AS asset_id, a.borrower_id::text AS borrower_id, a.own, a.description, e.kind, e.expires_on::text AS expires_on
         FROM a CROSS JOIN LATERAL (VALUES ('VALUATION', a.valuation), ('REGISTRATION', a.registration), ('INSURANCE', a.insurance)) e(kind, expires_on)
        WHERE e.expires_on IS NOT NULL AND e.expires_on <= $1::date + a.days
        ORDER BY a.id, e.kind`,
      [date],
    );
    return rows.map((r) => ({
      assetId: r.asset_id,
      borrowerId: r.borrower_id,
      ownedByBorrower: r.own,
      description: r.description,
      kind: r.kind,
      expiresOn: r.expires_on,
    }));
  }
}
