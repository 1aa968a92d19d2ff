import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../../platform/errors/index.js';
import { Money } from '../../../platform/money/index.js';
import { CollateralErrors } from '../collateral.errors.js';
import { type Cover, type CoverItem, type CoverRule, coverOf, isExempt } from '../domain/cover.js';
import type { CollateralSettingsDto, CoverDto } from '../dto/collateral-views.dto.js';

export interface LoanCoverFacts {
  rule: CoverRule;
  exempt: boolean;
  /** The loan's outstanding principal. */
  outstanding: Money;
  /** What the cover is measured against now: the outstanding principal, or the approved amount before the first disbursement. */
  exposure: Money;
}

const ruleOf = (r: {
  collateral_required: boolean;
  collateral_cover_basis: 'DISCOUNTED' | 'LTV';
  collateral_min_cover_percent: string;
  collateral_max_ltv_percent: string;
}): CoverRule => ({
  required: r.collateral_required,
  basis: r.collateral_cover_basis,
  minCoverPercent: new Money(r.collateral_min_cover_percent),
  maxLtvPercent: new Money(r.collateral_max_ltv_percent),
});

/** A refusal names the rule, the required and the actual figures, and the ratio as a percent (docs/collateral.md "Cover"). */
export function coverRefusal(rule: CoverRule, cover: Cover): DomainError {
  const text =
    rule.basis === 'LTV'
      ? `loan ≤ ${rule.maxLtvPercent.toFixed()}% of the collateral value (LTV)`
      : `Σ collateral × discount rate ≥ ${rule.minCoverPercent.toFixed()}% of the loan`;
  return new DomainError(CollateralErrors['COLLATERAL.COVER_BELOW_MINIMUM'], {
    rule: text,
    limit: cover.requiredValue.toFixed(),
    actual: cover.actualValue.toFixed(0),
    actualPercent: cover.ratioPercent === null ? '—' : `${cover.ratioPercent.toFixed()}%`,
  });
}

export function toCoverDto(rule: CoverRule, exempt: boolean, cover: Cover): CoverDto {
  return {
    required: rule.required,
    exempt,
    basis: rule.basis,
    minCoverPercent: rule.minCoverPercent.toFixed(),
    maxLtvPercent: rule.maxLtvPercent.toFixed(),
    exposure: cover.exposure.toFixed(),
    collateralValue: cover.collateralValue.toFixed(0),
    discountedValue: cover.discountedValue.toFixed(0),
    requiredValue: cover.requiredValue.toFixed(),
    actualValue: cover.actualValue.toFixed(0),
    ratioPercent: cover.ratioPercent?.toFixed() ?? null,
    passed: !rule.required || exempt || cover.passed,
  };
}

/**
 * The cover of an application or a loan by its pledges (the view collateral_pledge_values: each
 * pledge at its effective allocated value), the loans and applications modules' face for the
 * lending checks (docs/collateral.md "Cover"), and the collateral settings.
 */
@Injectable()
export class CollateralCoverService {
  async settings(m: EntityManager): Promise<CollateralSettingsDto> {
    const [s] = (await m.query(`SELECT revaluation_months, expiry_warning_days, guarantors_in_group_limit FROM collateral_settings`)) as Array<{
      revaluation_months: number;
      expiry_warning_days: number;
      guarantors_in_group_limit: boolean;
    }>;
    return { revaluationMonths: s.revaluation_months, expiryWarningDays: s.expiry_warning_days, guarantorsInGroupLimit: s.guarantors_in_group_limit };
  }

  /** The application's pledged items (none for an application not yet created). */
  async applicationItems(m: EntityManager, applicationId: string | null): Promise<CoverItem[]> {
    if (!applicationId) return [];
    const rows: Array<{ type: string; value: string }> = await m.query(
      `SELECT type, effective_value::text AS value FROM collateral_pledge_values WHERE application_id = $1 AND loan_id IS NULL`,
      [applicationId],
    );
    return rows.map((r) => ({ type: r.type, value: new Money(r.value) }));
  }

  /** The loan's pledged items, optionally leaving one asset out (a release's "cover without the asset"). */
  async loanItems(m: EntityManager, loanId: string, withoutAssetId: string | null = null): Promise<CoverItem[]> {
    const rows: Array<{ type: string; value: string }> = await m.query(
      `SELECT type, effective_value::text AS value FROM collateral_pledge_values WHERE loan_id = $1 AND ($2::bigint IS NULL OR asset_id <> $2::bigint)`,
      [loanId, withoutAssetId],
    );
    return rows.map((r) => ({ type: r.type, value: new Money(r.value) }));
  }

  /** The product's rule, the exemption and the outstanding principal of a loan. */
  async loanFacts(m: EntityManager, loanId: string): Promise<LoanCoverFacts> {
    const [r] = (await m.query(
      `SELECT v.collateral_required, v.collateral_cover_basis, v.collateral_min_cover_percent::text AS collateral_min_cover_percent,
              v.collateral_max_ltv_percent::text AS collateral_max_ltv_percent, l.outstanding_principal::text AS outstanding,
              l.approved_amount::text AS approved, l.status,
              a.collateral_exempt, a.collateral_exemption_regulation, a.collateral_exemption_decision
         FROM loans l JOIN loan_product_versions v ON v.id = l.product_version_id
         LEFT JOIN loan_applications a ON a.id = l.application_id
        WHERE l.id = $1`,
      [loanId],
    )) as Array<{
      collateral_required: boolean;
      collateral_cover_basis: 'DISCOUNTED' | 'LTV';
      collateral_min_cover_percent: string;
      collateral_max_ltv_percent: string;
      outstanding: string;
      approved: string;
      status: string;
      collateral_exempt: boolean | null;
      collateral_exemption_regulation: string | null;
      collateral_exemption_decision: string | null;
    }>;
    return {
      rule: ruleOf(r),
      exempt: isExempt({ exempt: r.collateral_exempt ?? false, regulation: r.collateral_exemption_regulation, decision: r.collateral_exemption_decision }),
      outstanding: new Money(r.outstanding),
      exposure: new Money(r.status === 'PENDING_DISBURSEMENT' ? r.approved : r.outstanding),
    };
  }

  /** The loan's cover now, against its outstanding principal (or a given exposure). */
  async loanCover(m: EntityManager, loanId: string, exposure?: Money): Promise<CoverDto> {
    const f = await this.loanFacts(m, loanId);
    return toCoverDto(f.rule, f.exempt, coverOf(f.rule, exposure ?? f.exposure, await this.loanItems(m, loanId)));
  }

  /**
   * At each disbursement (Decree 45 Art. 22 via the fund's collateral rules): the cover of the
   * principal after the tranche must reach the product's minimum unless the loan is exempt.
   */
  async assertDisbursementCover(m: EntityManager, loanId: string, principalAfter: Money): Promise<void> {
    const f = await this.loanFacts(m, loanId);
    if (!f.rule.required || f.exempt) return;
    const cover = coverOf(f.rule, principalAfter, await this.loanItems(m, loanId));
    if (!cover.passed) throw coverRefusal(f.rule, cover);
  }

  /**
   * Borrowers tied to this one by a guarantee, where the fund's parameter counts guarantors in the
   * related-persons limit (Decree 45 Art. 23.2, 25%): its borrower guarantors and the borrowers it guarantees.
   */
  async guaranteeRelatedIds(m: EntityManager, borrowerId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(
      `SELECT DISTINCT (CASE WHEN g.borrower_id = $1 THEN g.guarantor_borrower_id ELSE g.borrower_id END)::text AS id FROM guarantees g
        WHERE g.status = 'ACTIVE' AND g.guarantor_borrower_id IS NOT NULL AND (g.borrower_id = $1 OR g.guarantor_borrower_id = $1)
          AND (SELECT guarantors_in_group_limit FROM collateral_settings)`,
      [borrowerId],
    );
    return rows.map((r) => String(r.id));
  }
}
