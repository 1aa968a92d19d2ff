import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { idempotencyContext, idempotencyStore } from '../../../platform/idempotency/index.js';
import { Money } from '../../../platform/money/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { LoanCommandsService } from '../../loans/index.js';
import { CollateralErrors } from '../collateral.errors.js';
import type { EnforcementInputDto } from '../dto/collateral.dto.js';
import type { EnforcementDto } from '../dto/collateral-views.dto.js';
import { assetBorrower, ID } from './asset-views.js';

/**
 * Enforcement (xử lý tài sản bảo đảm; Decree 21/2021/NĐ-CP on enforcing security): the net proceeds
 * (proceeds − costs) are a recovery on the secured loan, recorded by the loans module's repayment —
 * the same allocation, ledger entries and receipt as any repayment — and in that same transaction
 * the enforcement with its costs, the pledge marked ENFORCED, the asset ENFORCED and its derived rows.
 */
@Injectable()
export class CollateralEnforcementService {
  constructor(
    private readonly loans: LoanCommandsService,
    private readonly audit: AuditService,
  ) {}

  async enforce(actor: Actor, assetId: string, dto: EnforcementInputDto): Promise<EnforcementDto> {
    if (!ID.test(assetId)) throw notFound('collateral asset', assetId);
    const proceeds = new Money(dto.proceeds);
    const costs = new Money(dto.costs);
    if (!costs.lt(proceeds)) {
      throw new DomainError('REQUEST.VALIDATION_FAILED', { count: 1 }, [
        { field: 'costs', rule: 'belowProceeds', message: 'costs must be below the proceeds' },
      ]);
    }
    const recovery = proceeds.minus(costs);
    // The response stored for the Idempotency-Key is the enforcement, written in the repayment's transaction.
    const claim = idempotencyContext.getStore();
    let result: EnforcementDto | undefined;
    await idempotencyContext.exit(() =>
      this.loans.repay(
        actor,
        dto.loanId,
        { amount: recovery.toFixed(), valueDate: dto.valueDate, reference: dto.reference, channel: 'OTHER' },
        {
          within: async (m, repayment) => {
            const { status } = await assetBorrower(m, actor, assetId, true);
            if (status !== 'ACTIVE') throw new DomainError(CollateralErrors['COLLATERAL.ASSET_NOT_ACTIVE'], { id: assetId, status });
            const [pledge] = (await m.query(`SELECT id FROM collateral_pledges WHERE asset_id = $1 AND loan_id = $2 AND status = 'ACTIVE'`, [
              assetId,
              dto.loanId,
            ])) as unknown[];
            if (!pledge) throw new DomainError(CollateralErrors['COLLATERAL.NOT_PLEDGED_TO_LOAN'], { id: assetId, loanId: dto.loanId });
            const [{ id }] = (await m.query(
              `INSERT INTO collateral_enforcements (asset_id, loan_id, method, value_date, proceeds, costs, recovery, reference, note, repayment_id, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::text AS id`,
              [
                assetId,
                dto.loanId,
                dto.method,
                dto.valueDate,
                proceeds.toFixed(),
                costs.toFixed(),
                recovery.toFixed(),
                dto.reference,
                dto.note ?? null,
                repayment.repayment.id,
                actor.userId,
              ],
            )) as Array<{ id: string }>;
            // The asset is gone: every pledge of it ends (another loan it shared keeps its other assets).
            await m.query(
              `UPDATE collateral_pledges SET status = CASE WHEN loan_id = $2 THEN 'ENFORCED' ELSE 'RELEASED' END, ended_at = now() WHERE asset_id = $1 AND status = 'ACTIVE'`,
              [assetId, dto.loanId],
            );
            await m.query(`UPDATE collateral_assets SET status = 'ENFORCED', updated_at = now() WHERE id = $1`, [assetId]);
            await m.query(`SELECT collateral_sync_asset($1)`, [assetId]);
            result = {
              id,
              assetId,
              loanId: dto.loanId,
              method: dto.method,
              valueDate: dto.valueDate,
              proceeds: proceeds.toFixed(),
              costs: costs.toFixed(),
              recovery: recovery.toFixed(),
              reference: dto.reference,
              repaymentId: repayment.repayment.id,
            };
            await this.audit.record(m, actor, { action: 'collateral-asset.enforce', entityType: 'collateral-asset', entityId: assetId, after: result });
            if (claim && !claim.completedInTransaction) await idempotencyStore.complete(m, claim, result);
          },
        },
      ),
    );
    if (claim) claim.completedInTransaction = true;
    if (!result) throw new Error('an enforcement always has a result');
    return result;
  }
}
