import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { TransactionRunner } from '../../../platform/database/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { Money } from '../../../platform/money/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { BusinessDateService } from '../../../modules/business-date/index.js';
import { documentPdf } from '../../documents/index.js';
import { CommunesService } from '../../reference/index.js';
import { CollateralErrors } from '../collateral.errors.js';
import { releaseBlockers, type SecuredLoan } from '../domain/cover.js';
import type { ReleaseDecisionDto, ReleaseProposalDto } from '../dto/collateral.dto.js';
import type { ReleaseDto } from '../dto/collateral-views.dto.js';
import { assetBorrower, ID, RELEASE_SELECT, type ReleaseRow, toReleaseDto } from './asset-views.js';
import { CollateralAssetsService } from './collateral-assets.service.js';
import { CollateralCoverService } from './collateral-cover.service.js';

/**
 * Release of an asset (giải chấp), four eyes (docs/collateral.md "Release"): an officer proposes,
 * another user approves. Allowed only when every loan it secures is settled or keeps its minimum
 * cover without it; checked at the proposal and again at the decision.
 */
@Injectable()
export class CollateralReleasesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
    private readonly cover: CollateralCoverService,
    private readonly assets: CollateralAssetsService,
    private readonly communes: CommunesService,
  ) {}

  async propose(actor: Actor, assetId: string, dto: ReleaseProposalDto): Promise<ReleaseDto> {
    return this.tx.run(async (m) => {
      const { status } = await assetBorrower(m, actor, assetId, true);
      if (status !== 'ACTIVE') throw new DomainError(CollateralErrors['COLLATERAL.ASSET_NOT_ACTIVE'], { id: assetId, status });
      const [open] = (await m.query(`SELECT 1 FROM collateral_releases WHERE asset_id = $1 AND status = 'PROPOSED'`, [assetId])) as unknown[];
      if (open) throw new DomainError(CollateralErrors['COLLATERAL.RELEASE_OPEN'], { id: assetId });
      await this.assertReleasable(m, assetId);
      const [{ id }] = (await m.query(`INSERT INTO collateral_releases (asset_id, reason, proposed_by) VALUES ($1, $2, $3) RETURNING id::text AS id`, [
        assetId,
        dto.reason,
        actor.userId,
      ])) as Array<{ id: string }>;
      const created = await this.one(m, id);
      await this.audit.record(m, actor, { action: 'collateral-release.propose', entityType: 'collateral-asset', entityId: assetId, after: created });
      return created;
    });
  }

  async decide(actor: Actor, releaseId: string, dto: ReleaseDecisionDto): Promise<ReleaseDto> {
    if (!ID.test(releaseId)) throw notFound('collateral release', releaseId);
    return this.tx.run(async (m) => {
      const [r] = (await m.query(
        `SELECT asset_id::text AS asset_id, status, proposed_by::text AS proposed_by FROM collateral_releases WHERE id = $1 FOR UPDATE`,
        [releaseId],
      )) as Array<{
        asset_id: string;
        status: string;
        proposed_by: string;
      }>;
      if (!r) throw notFound('collateral release', releaseId);
      await assetBorrower(m, actor, r.asset_id, true);
      if (r.status !== 'PROPOSED') throw new DomainError(CollateralErrors['COLLATERAL.RELEASE_DECIDED'], { id: releaseId, status: r.status });
      if (actor.userId === null || actor.userId === r.proposed_by) throw new DomainError(CollateralErrors['COLLATERAL.FOUR_EYES'], { id: releaseId });
      const before = await this.one(m, releaseId);
      const on = await this.businessDate.current(m);
      if (dto.decision === 'APPROVE') {
        // The loans may have changed since the proposal: the rule is checked again on the decision date.
        await this.assertReleasable(m, r.asset_id);
        const number = `${releaseId}/${on.slice(0, 4)}/GC-QHT`;
        await m.query(
          `UPDATE collateral_releases SET status = 'APPROVED', decided_by = $2, decided_at = now(), decision_date = $3, decision_note = $4, document_number = $5 WHERE id = $1`,
          [releaseId, actor.userId, on, dto.note ?? null, number],
        );
        await m.query(`UPDATE collateral_pledges SET status = 'RELEASED', ended_at = now() WHERE asset_id = $1 AND status = 'ACTIVE'`, [r.asset_id]);
        await m.query(`UPDATE collateral_assets SET status = 'RELEASED', updated_at = now() WHERE id = $1`, [r.asset_id]);
        await m.query(`SELECT collateral_sync_asset($1)`, [r.asset_id]);
      } else {
        await m.query(
          `UPDATE collateral_releases SET status = 'REJECTED', decided_by = $2, decided_at = now(), decision_date = $3, decision_note = $4 WHERE id = $1`,
          [releaseId, actor.userId, on, dto.note ?? null],
        );
      }
      const after = await this.one(m, releaseId);
      await this.audit.record(m, actor, {
        action: `collateral-release.${dto.decision.toLowerCase()}`,
        entityType: 'collateral-asset',
        entityId: r.asset_id,
        before,
        after,
      });
      return after;
    });
  }

  /** The release proposals awaiting a decision (the approvers' queue). */
  async open(): Promise<ReleaseDto[]> {
    const rows: ReleaseRow[] = await this.tx.manager.query(`${RELEASE_SELECT} WHERE r.status = 'PROPOSED' ORDER BY r.proposed_at, r.id LIMIT 200`);
    return rows.map(toReleaseDto);
  }

  /** The release document (biên bản/quyết định giải chấp); a proposal prints as a draft. */
  async document(actor: Actor, releaseId: string): Promise<{ buffer: Buffer; fileName: string }> {
    if (!ID.test(releaseId)) throw notFound('collateral release', releaseId);
    const m = this.tx.manager;
    const [r] = (await m.query(`SELECT asset_id::text AS asset_id FROM collateral_releases WHERE id = $1`, [releaseId])) as Array<{ asset_id: string }>;
    if (!r) throw notFound('collateral release', releaseId);
    await assetBorrower(m, actor, r.asset_id);
    const release = await this.one(m, releaseId);
    const asset = await this.assets.one(m, r.asset_id);
    const p = documentPdf;
    const doc = await p.startDocument({
      fundName: this.config.fundName,
      place: this.communes.provinceName(this.config.fundProvinceCode) ?? '…',
      date: release.decisionDate,
      number: release.documentNumber ?? `…/${new Date().getFullYear()}/GC-QHT`,
      title: 'QUYẾT ĐỊNH GIẢI CHẤP TÀI SẢN BẢO ĐẢM',
      subtitle: 'V/v giải chấp tài sản bảo đảm tiền vay',
      stamp: release.status === 'APPROVED' ? undefined : release.status === 'PROPOSED' ? 'DỰ THẢO — CHỜ PHÊ DUYỆT' : 'ĐÃ TỪ CHỐI',
    });
    p.article(doc, 'Điều 1.', `Giải chấp tài sản bảo đảm của ${asset.borrowerName} như sau:`);
    p.fields(doc, [
      ['Tài sản', asset.description],
      ['Loại', asset.kind],
      ...Object.entries(asset.identifiers).map(([k, v]) => [k, v] as const),
      ['Chủ sở hữu', asset.ownerKind === 'BORROWER' ? asset.borrowerName : `${asset.ownerName ?? ''} (${asset.ownerRelationship ?? ''})`],
      ['Giá trị định giá', asset.valueInForce ? `${p.viAmount(asset.valueInForce)} đồng (${p.viDate(asset.valuationDate)})` : '…'],
      [
        'Đăng ký biện pháp bảo đảm',
        asset.registration
          ? `${asset.registration.registrationNumber}, ${asset.registration.office}, ${p.viDate(asset.registration.registrationDate)} (${asset.registration.legalBasis})`
          : 'không',
      ],
    ]);
    p.article(doc, 'Điều 2.', `Lý do giải chấp: ${release.reason}`);
    const loans = asset.pledges.filter((x) => x.loanId).map((x) => [x.contractNumber ?? x.loanId ?? '', p.viAmount(x.allocatedValue)] as const);
    if (loans.length > 0) {
      p.table(
        doc,
        [
          { header: 'Hợp đồng tín dụng', width: 0.6 },
          { header: 'Giá trị phân bổ (đồng)', width: 0.4, align: 'right' },
        ],
        loans,
      );
    }
    p.article(
      doc,
      'Điều 3.',
      'Bộ phận tín dụng làm thủ tục xóa đăng ký biện pháp bảo đảm (Nghị định 99/2022/NĐ-CP) và bàn giao giấy tờ tài sản cho bên bảo đảm.',
    );
    p.signatures(doc, [
      { title: 'NGƯỜI ĐỀ NGHỊ', name: release.proposedByName },
      { title: 'NGƯỜI PHÊ DUYỆT', name: release.decidedByName },
    ]);
    return { buffer: await p.finish(doc), fileName: `giai-chap-${releaseId}.pdf` };
  }

  private async one(m: EntityManager, id: string): Promise<ReleaseDto> {
    const [row] = (await m.query(`${RELEASE_SELECT} WHERE r.id = $1`, [id])) as ReleaseRow[];
    if (!row) throw notFound('collateral release', id);
    return toReleaseDto(row);
  }

  private async assertReleasable(m: EntityManager, assetId: string): Promise<void> {
    const loans: Array<{ loan_id: string; status: string }> = await m.query(
      `SELECT DISTINCT p.loan_id::text AS loan_id, l.status FROM collateral_pledges p JOIN loans l ON l.id = p.loan_id WHERE p.asset_id = $1 AND p.status = 'ACTIVE'`,
      [assetId],
    );
    const secured: SecuredLoan[] = [];
    for (const l of loans) {
      const f = await this.cover.loanFacts(m, l.loan_id);
      secured.push({
        loanId: l.loan_id,
        settled: l.status === 'CLOSED',
        rule: f.rule,
        exempt: f.exempt,
        exposure: f.exposure,
        otherItems: await this.cover.loanItems(m, l.loan_id, assetId),
      });
    }
    const [blocker] = releaseBlockers(secured);
    if (blocker) {
      throw new DomainError(CollateralErrors['COLLATERAL.RELEASE_BLOCKED'], {
        loanId: blocker.loanId,
        rule: blocker.cover.basis === 'LTV' ? 'LTV' : 'Σ collateral × discount ≥ minimum cover',
        limit: blocker.cover.requiredValue.toFixed(),
        actual: new Money(blocker.cover.actualValue).toFixed(0),
      });
    }
  }
}
