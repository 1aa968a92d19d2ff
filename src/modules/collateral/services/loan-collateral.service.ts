import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../platform/database/index.js';
import { notFound } from '../../../platform/errors/index.js';
import { Money } from '../../../platform/money/index.js';
import { AuditService } from '../../audit/index.js';
import { isCooperativeOnly, type Actor } from '../../../platform/actor/index.js';
import { coverOf, isExempt } from '../domain/cover.js';
import type { CollateralSettingsDto, LoanCollateralDto } from '../dto/collateral-views.dto.js';
import type { UpdateCollateralSettingsDto } from '../dto/collateral-settings.dto.js';
import { ID } from './asset-views.js';
import { CollateralAssetsService } from './collateral-assets.service.js';
import { CollateralCoverService, toCoverDto } from './collateral-cover.service.js';
import { GuaranteesService } from './guarantees.service.js';

/** What secures a loan or an application: its assets with their figures, its cover against the product's minimum, its guarantees. */
@Injectable()
export class LoanCollateralService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly assets: CollateralAssetsService,
    private readonly cover: CollateralCoverService,
    private readonly guarantees: GuaranteesService,
  ) {}

  async ofLoan(actor: Actor, loanId: string): Promise<LoanCollateralDto> {
    const m = this.tx.manager;
    await this.visible(m, actor, 'loans', loanId, 'loan');
    const assets = await this.assets.ofPledgeTarget(m, 'loan_id', loanId);
    return {
      loanId,
      cover: await this.cover.loanCover(m, loanId),
      assets,
      guarantees: await this.guarantees.ofLoan(m, loanId),
      staleCount: assets.filter((a) => a.status === 'ACTIVE' && [a.valuationState, a.registration?.state, a.insurance?.state].includes('EXPIRED')).length,
    };
  }

  /** An application's pledges and cover against its amount (approved, else requested). */
  async ofApplication(actor: Actor, applicationId: string): Promise<LoanCollateralDto> {
    const m = this.tx.manager;
    await this.visible(m, actor, 'loan_applications', applicationId, 'loan application');
    const [a] = (await m.query(
      `SELECT coalesce(a.approved_amount, a.requested_amount)::text AS amount, a.collateral_exempt, a.collateral_exemption_regulation, a.collateral_exemption_decision,
              v.collateral_required, v.collateral_cover_basis, v.collateral_min_cover_percent::text AS min_cover, v.collateral_max_ltv_percent::text AS max_ltv
         FROM loan_applications a JOIN loan_product_versions v ON v.id = a.product_version_id WHERE a.id = $1`,
      [applicationId],
    )) as Array<{
      amount: string;
      collateral_exempt: boolean;
      collateral_exemption_regulation: string | null;
      collateral_exemption_decision: string | null;
      collateral_required: boolean;
      collateral_cover_basis: 'DISCOUNTED' | 'LTV';
      min_cover: string;
      max_ltv: string;
    }>;
    const rule = {
      required: a.collateral_required,
      basis: a.collateral_cover_basis,
      minCoverPercent: new Money(a.min_cover),
      maxLtvPercent: new Money(a.max_ltv),
    };
    const exempt = isExempt({ exempt: a.collateral_exempt, regulation: a.collateral_exemption_regulation, decision: a.collateral_exemption_decision });
    const assets = await this.assets.ofPledgeTarget(m, 'application_id', applicationId);
    return {
      loanId: '',
      cover: toCoverDto(rule, exempt, coverOf(rule, new Money(a.amount), await this.cover.applicationItems(m, applicationId))),
      assets,
      guarantees: [],
      staleCount: assets.filter((x) => x.status === 'ACTIVE' && [x.valuationState, x.registration?.state, x.insurance?.state].includes('EXPIRED')).length,
    };
  }

  async settings(): Promise<CollateralSettingsDto> {
    return this.cover.settings(this.tx.manager);
  }

  async updateSettings(actor: Actor, dto: UpdateCollateralSettingsDto): Promise<CollateralSettingsDto> {
    return this.tx.run(async (m) => {
      const before = await this.cover.settings(m);
      await m.query(
        `UPDATE collateral_settings SET revaluation_months = coalesce($1, revaluation_months), expiry_warning_days = coalesce($2, expiry_warning_days),
           guarantors_in_group_limit = coalesce($3, guarantors_in_group_limit), updated_by = $4, updated_at = now()`,
        [dto.revaluationMonths ?? null, dto.expiryWarningDays ?? null, dto.guarantorsInGroupLimit ?? null, actor.userId],
      );
      const after = await this.cover.settings(m);
      await this.audit.record(m, actor, { action: 'collateral-settings.update', entityType: 'collateral-settings', entityId: '1', before, after });
      return after;
    });
  }

  private async visible(m: EntityManager, actor: Actor, table: 'loans' | 'loan_applications', id: string, entity: string): Promise<void> {
    if (!ID.test(id)) throw notFound(entity, id);
    const [row] = (await m.query(`SELECT borrower_id::text AS borrower_id FROM ${table} WHERE id = $1`, [id])) as Array<{ borrower_id: string }>;
    if (!row || (isCooperativeOnly(actor) && actor.borrowerId !== row.borrower_id)) throw notFound(entity, id);
  }
}
