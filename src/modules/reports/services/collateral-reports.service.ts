import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addMonthsClamped } from '../../../platform/dates/index.js';
import { Money, sum } from '../../../platform/money/index.js';
import { collateralDomain } from '../../collateral/cover.index.js';
import { type CollateralDiscounts, loanProvision } from '../../risk/index.js';
import type {
  CollateralCoverReportDto,
  CollateralExpiriesReportDto,
  CollateralProvisionsReportDto,
  CollateralReportQueryDto,
} from '../dto/collateral-reports.dto.js';
import { AsOfService } from './as-of.service.js';

const pct = (a: Money, b: Money): string | null => (b.isZero() ? null : a.mul(100).div(b).toDecimalPlaces(2).toFixed());

/**
 * Collateral reports (docs/collateral.md "Reports"): cover by loan and for the portfolio, assets
 * with an expired valuation, registration or insurance, and the provisions before and after the
 * collateral deduction. The pledges are those standing now; the valuations and expiries are those
 * in force on the report date, and the outstanding principal is the ledger's on that date.
 */
@Injectable()
export class CollateralReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly asOf: AsOfService,
  ) {}

  async cover(q: CollateralReportQueryDto): Promise<CollateralCoverReportDto> {
    const { asOf } = await this.asOf.resolveDate(q.asOf);
    const rows: Array<{
      loan_id: string;
      contract_number: string;
      borrower_name: string;
      required: boolean;
      basis: 'DISCOUNTED' | 'LTV';
      min_cover: string;
      max_ltv: string;
      outstanding: string;
      collateral: string;
      discounted: string;
    }> = await this.dataSource.query(
      `WITH v AS (
         SELECT DISTINCT ON (asset_id) asset_id, value FROM collateral_valuations WHERE valuation_date <= $1 ORDER BY asset_id, valuation_date DESC, id DESC
       ), p AS (
         SELECT p.asset_id, p.loan_id, p.allocated_value, a.type, sum(p.allocated_value) OVER (PARTITION BY p.asset_id) AS total
           FROM collateral_pledges p JOIN collateral_assets a ON a.id = p.asset_id WHERE p.status = 'ACTIVE'
       ), e AS (
         SELECT p.loan_id, sum(p.allocated_value * CASE WHEN v.value IS NULL THEN 0 WHEN v.value >= p.total THEN 1 ELSE v.value / p.total END) AS collateral,
                sum(p.allocated_value * CASE WHEN v.value IS NULL THEN 0 WHEN v.value >= p.total THEN 1 ELSE v.value / p.total END * r.rate) AS discounted
           FROM p LEFT JOIN v ON v.asset_id = p.asset_id JOIN collateral_discount_rates r ON r.type = p.type WHERE p.loan_id IS NOT NULL GROUP BY p.loan_id
       ), o AS (
         SELECT loan_id, sum(amount) AS outstanding FROM journal_entries WHERE account = 'PRINCIPAL_RECEIVABLE' AND loan_id IS NOT NULL AND value_date <= $1 GROUP BY loan_id
       )
       SELECT l.id::text AS loan_id, l.contract_number, b.legal_name AS borrower_name, pv.collateral_required AS required, pv.collateral_cover_basis AS basis,
              pv.collateral_min_cover_percent::text AS min_cover, pv.collateral_max_ltv_percent::text AS max_ltv, o.outstanding::text AS outstanding,
              coalesce(e.collateral, 0)::text AS collateral, coalesce(e.discounted, 0)::text AS discounted
         FROM loans l JOIN o ON o.loan_id = l.id JOIN borrowers b ON b.id = l.borrower_id JOIN loan_product_versions pv ON pv.id = l.product_version_id
         LEFT JOIN e ON e.loan_id = l.id
        WHERE o.outstanding > 0 AND (pv.collateral_required OR e.loan_id IS NOT NULL)
        ORDER BY l.id LIMIT 10000`,
      [asOf],
    );
    const items = rows.map((r) => {
      const outstanding = new Money(r.outstanding);
      const rule = { required: r.required, basis: r.basis, minCoverPercent: new Money(r.min_cover), maxLtvPercent: new Money(r.max_ltv) };
      // The SQL already discounted the values: fed as a 100% type (DEPOSIT), coverOf compares them as they are.
      const c = collateralDomain.coverOf(rule, outstanding, [{ type: 'DEPOSIT', value: new Money(r.discounted) }]);
      const needed = r.basis === 'LTV' ? collateralDomain.coverOf(rule, outstanding, [{ type: 'DEPOSIT', value: new Money(r.collateral) }]) : c;
      return {
        loanId: r.loan_id,
        contractNumber: r.contract_number,
        borrowerName: r.borrower_name,
        required: r.required,
        basis: r.basis,
        outstanding: outstanding.toFixed(),
        collateralValue: new Money(r.collateral).toFixed(0),
        discountedValue: new Money(r.discounted).toFixed(0),
        requiredValue: needed.requiredValue.toFixed(),
        coverPercent: pct(new Money(r.discounted), outstanding),
        passed: !r.required || needed.passed,
      };
    });
    const outstanding = sum(rows.map((r) => new Money(r.outstanding)));
    const discounted = sum(rows.map((r) => new Money(r.discounted)));
    return {
      asOf,
      items,
      totals: {
        outstanding: outstanding.toFixed(),
        collateralValue: sum(rows.map((r) => new Money(r.collateral))).toFixed(0),
        discountedValue: discounted.toFixed(0),
        coverPercent: pct(discounted, outstanding),
        shortLoans: items.filter((i) => !i.passed).length,
      },
    };
  }

  async expiries(q: CollateralReportQueryDto): Promise<CollateralExpiriesReportDto> {
    const { asOf } = await this.asOf.resolveDate(q.asOf);
    const [{ months }] = (await this.dataSource.query(`SELECT revaluation_months AS months FROM collateral_settings`)) as Array<{ months: number }>;
    const rows: Array<{
      asset_id: string;
      borrower_name: string;
      description: string;
      valuation_date: string | null;
      registration_expiry: string | null;
      insurance_expiry: string | null;
      contracts: string[];
    }> = await this.dataSource.query(
      `SELECT a.id::text AS asset_id, b.legal_name AS borrower_name, a.description,
                (SELECT max(valuation_date)::text FROM collateral_valuations WHERE asset_id = a.id AND valuation_date <= $1) AS valuation_date,
                (SELECT expiry_date::text FROM collateral_registrations WHERE asset_id = a.id AND registration_date <= $1 ORDER BY registration_date DESC, id DESC LIMIT 1) AS registration_expiry,
                (SELECT expiry_date::text FROM collateral_insurances WHERE asset_id = a.id AND start_date <= $1 ORDER BY expiry_date DESC, id DESC LIMIT 1) AS insurance_expiry,
                coalesce((SELECT array_agg(DISTINCT l.contract_number) FROM collateral_pledges p JOIN loans l ON l.id = p.loan_id WHERE p.asset_id = a.id AND p.status = 'ACTIVE'), '{}') AS contracts
           FROM collateral_assets a JOIN borrowers b ON b.id = a.borrower_id WHERE a.status = 'ACTIVE' ORDER BY a.id LIMIT 10000`,
      [asOf],
    );
    const items: CollateralExpiriesReportDto['items'] = [];
    for (const r of rows) {
      const base = { assetId: r.asset_id, borrowerName: r.borrower_name, description: r.description, contractNumbers: r.contracts };
      if (r.valuation_date && collateralDomain.valuationStale(r.valuation_date, asOf, months)) {
        items.push({ ...base, what: 'VALUATION', expiredOn: addMonthsClamped(r.valuation_date, months) });
      }
      if (r.registration_expiry && r.registration_expiry < asOf) items.push({ ...base, what: 'REGISTRATION', expiredOn: r.registration_expiry });
      if (r.insurance_expiry && r.insurance_expiry < asOf) items.push({ ...base, what: 'INSURANCE', expiredOn: r.insurance_expiry });
    }
    return { asOf, items };
  }

  /**
   * The provisions of the last closed day before and after the deduction (close-of-business
   * domain/provisioning.ts, the same function the close's SQL mirrors), loan by loan, from the
   * close's positions (group, outstanding) and the derived loan_collateral rows.
   */
  async provisions(): Promise<CollateralProvisionsReportDto> {
    const asOf = await this.asOf.lastClosedDate();
    const policy = await this.asOf.policyOn(asOf);
    const rates: Array<{ type: string; rate: string }> = await this.dataSource.query(`SELECT type, rate::text AS rate FROM collateral_discount_rates`);
    const discounts: CollateralDiscounts = Object.fromEntries(rates.map((r) => [r.type, new Money(r.rate)]));
    const rows: Array<{
      loan_id: string;
      contract_number: string;
      borrower_name: string;
      debt_group: 1 | 2 | 3 | 4 | 5;
      outstanding: string;
      bears: boolean;
      collateral: Array<{ type: string; value: string }> | null;
    }> = await this.dataSource.query(
      `SELECT l.id::text AS loan_id, l.contract_number, b.legal_name AS borrower_name, l.debt_group, l.outstanding_principal::text AS outstanding, cs.bears_credit_risk AS bears,
                (SELECT json_agg(json_build_object('type', c.type, 'value', c.value::text)) FROM loan_collateral c WHERE c.loan_id = l.id) AS collateral
           FROM loans l JOIN borrowers b ON b.id = l.borrower_id JOIN capital_sources cs ON cs.id = l.capital_source_id
          WHERE l.status = 'ACTIVE' AND l.outstanding_principal > 0 AND EXISTS (SELECT 1 FROM loan_collateral c WHERE c.loan_id = l.id)
          ORDER BY l.id LIMIT 10000`,
    );
    const items = rows.map((r) => {
      const collateral = (r.collateral ?? []).map((c) => ({ type: c.type, value: new Money(c.value) }));
      const input = { group: r.debt_group, outstanding: new Money(r.outstanding), bearsCreditRisk: r.bears };
      const before = loanProvision(policy, input, discounts);
      const after = loanProvision(policy, { ...input, collateral }, discounts);
      return {
        loanId: r.loan_id,
        contractNumber: r.contract_number,
        borrowerName: r.borrower_name,
        debtGroup: r.debt_group,
        outstanding: r.outstanding,
        collateralValue: sum(collateral.map((c) => c.value)).toFixed(0),
        collateralDeduction: after.collateralDeduction.toFixed(0),
        specificBefore: before.specific.toFixed(),
        specificAfter: after.specific.toFixed(),
      };
    });
    return {
      asOf,
      policy: policy.code,
      deductsCollateral: policy.deductCollateral,
      items,
      totals: {
        specificBefore: sum(items.map((i) => new Money(i.specificBefore))).toFixed(),
        specificAfter: sum(items.map((i) => new Money(i.specificAfter))).toFixed(),
        collateralDeduction: sum(items.map((i) => new Money(i.collateralDeduction))).toFixed(),
      },
    };
  }
}
