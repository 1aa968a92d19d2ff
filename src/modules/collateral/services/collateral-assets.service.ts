import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../platform/database/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import type { Page } from '../../../platform/http/index.js';
import { offsetOf } from '../../../platform/http/index.js';
import { Money } from '../../../platform/money/index.js';
import { AttachmentOwners } from '../../attachments/index.js';
import { AuditService } from '../../audit/index.js';
import { isCooperativeOnly, type Actor } from '../../../platform/actor/index.js';
import { BorrowersService } from '../../borrowers/index.js';
import { BusinessDateService } from '../../../modules/business-date/index.js';
import { CollateralErrors } from '../collateral.errors.js';
import { validateAsset } from '../domain/asset-kinds.js';
import { allocationHeadroom } from '../domain/cover.js';
import type { AssetQueryDto, CreateAssetDto, InsuranceInputDto, PledgeInputDto, RegistrationInputDto, ValuationInputDto } from '../dto/collateral.dto.js';
import type { AssetDto } from '../dto/collateral-views.dto.js';
import { assetBorrower, ID, loadAssets } from './asset-views.js';
import { CollateralCoverService } from './collateral-cover.service.js';

const fieldErrors = (errors: Array<{ field: string; rule: string; message: string }>): DomainError =>
  new DomainError('REQUEST.VALIDATION_FAILED', { count: errors.length }, errors);

/**
 * The register of collateral assets (docs/collateral.md "Assets", "Valuations", "Pledges"): each
 * change and its derived loan_collateral rows (collateral_sync_asset) in one transaction with its audit event.
 */
@Injectable()
export class CollateralAssetsService implements OnModuleInit {
  constructor(
    private readonly owners: AttachmentOwners,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly borrowers: BorrowersService,
    private readonly businessDate: BusinessDateService,
    private readonly cover: CollateralCoverService,
  ) {}

  onModuleInit(): void {
    // An asset's documents are authorised like the asset (its borrower's); only the fund's officers add them.
    const byAsset =
      (table: string) =>
      async (m: EntityManager, id: string): Promise<string | null> => {
        if (!ID.test(id)) return null;
        const rows: Array<{ borrower_id: string }> = await m.query(`SELECT borrower_id::text AS borrower_id FROM ${table} WHERE id = $1`, [id]);
        return rows[0]?.borrower_id ?? null;
      };
    this.owners.register('COLLATERAL_ASSET', { cooperativeMayUpload: false, borrowerOf: byAsset('collateral_assets') });
    this.owners.register('GUARANTEE', { cooperativeMayUpload: false, borrowerOf: byAsset('guarantees') });
  }

  async create(actor: Actor, dto: CreateAssetDto): Promise<AssetDto> {
    const errors = validateAsset(dto.type, dto.kind, dto.identifiers);
    if (dto.ownerKind === 'THIRD_PARTY') {
      for (const f of ['ownerName', 'ownerIdNumber', 'ownerRelationship'] as const) {
        if (!dto[f]) errors.push({ field: f, rule: 'thirdParty', message: `${f} is required when a third party owns the asset` });
      }
    }
    if (errors.length > 0) throw fieldErrors(errors);
    this.borrowers.assertVisible(actor, dto.borrowerId);
    return this.tx.run(async (m) => {
      await this.borrowers.facts(m, dto.borrowerId);
      const third = dto.ownerKind === 'THIRD_PARTY';
      const [{ id }] = (await m.query(
        `INSERT INTO collateral_assets (borrower_id, type, kind, description, identifiers, owner_kind, owner_name, owner_id_number, owner_relationship, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::text AS id`,
        [
          dto.borrowerId,
          dto.type,
          dto.kind,
          dto.description,
          JSON.stringify(dto.identifiers),
          dto.ownerKind,
          third ? dto.ownerName : null,
          third ? dto.ownerIdNumber : null,
          third ? dto.ownerRelationship : null,
          actor.userId,
        ],
      )) as Array<{ id: string }>;
      if (dto.valuation) await this.insertValuation(m, actor, id, dto.valuation);
      const created = await this.one(m, id);
      await this.audit.record(m, actor, { action: 'collateral-asset.create', entityType: 'collateral-asset', entityId: id, after: created });
      return created;
    });
  }

  async get(actor: Actor, id: string): Promise<AssetDto> {
    const m = this.tx.manager;
    await assetBorrower(m, actor, id);
    return this.one(m, id);
  }

  async list(actor: Actor, q: AssetQueryDto): Promise<Page<AssetDto>> {
    const m = this.tx.manager;
    const where: string[] = [];
    const params: unknown[] = [];
    if (isCooperativeOnly(actor)) where.push(`a.borrower_id = $${params.push(actor.borrowerId ?? '0')}`);
    if (q.borrowerId) where.push(`a.borrower_id = $${params.push(q.borrowerId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = await loadAssets(m, clause, params, await this.cover.settings(m), await this.businessDate.current(m), q.pageSize, offsetOf(q));
    const [{ total }] = (await m.query(`SELECT count(*)::int AS total FROM collateral_assets a ${clause}`, params)) as Array<{ total: number }>;
    return { items, page: q.page, pageSize: q.pageSize, total };
  }

  /** A new valuation; the value in force is the latest, and the derived rows follow it. */
  async addValuation(actor: Actor, id: string, dto: ValuationInputDto): Promise<AssetDto> {
    return this.change(actor, id, 'collateral-asset.valuation', async (m) => this.insertValuation(m, actor, id, dto));
  }

  async addRegistration(actor: Actor, id: string, dto: RegistrationInputDto): Promise<AssetDto> {
    if (dto.expiryDate && dto.expiryDate <= dto.registrationDate) {
      throw fieldErrors([{ field: 'expiryDate', rule: 'afterStart', message: 'expiryDate must be after registrationDate' }]);
    }
    return this.change(actor, id, 'collateral-asset.registration', async (m) => {
      await m.query(
        `INSERT INTO collateral_registrations (asset_id, office, registration_number, registration_date, expiry_date, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, dto.office, dto.registrationNumber, dto.registrationDate, dto.expiryDate ?? null, actor.userId],
      );
    });
  }

  async addInsurance(actor: Actor, id: string, dto: InsuranceInputDto): Promise<AssetDto> {
    if (dto.expiryDate <= dto.startDate) throw fieldErrors([{ field: 'expiryDate', rule: 'afterStart', message: 'expiryDate must be after startDate' }]);
    return this.change(actor, id, 'collateral-asset.insurance', async (m) => {
      await m.query(
        `INSERT INTO collateral_insurances (asset_id, insurer, policy_number, insured_value, start_date, expiry_date, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, dto.insurer, dto.policyNumber, dto.insuredValue ?? null, dto.startDate, dto.expiryDate, actor.userId],
      );
    });
  }

  /**
   * Pledge the asset to an application (carried to its loan at the contract) or to a loan of the
   * same borrower; the asset's active allocations never exceed its value in force.
   */
  async pledge(actor: Actor, id: string, dto: PledgeInputDto): Promise<AssetDto> {
    if (!dto.applicationId === !dto.loanId) {
      throw fieldErrors([{ field: dto.applicationId ? 'loanId' : 'applicationId', rule: 'oneOf', message: 'give exactly one of applicationId and loanId' }]);
    }
    return this.change(actor, id, 'collateral-asset.pledge', async (m, borrowerId) => {
      const target = dto.applicationId ? 'application' : 'loan';
      const targetId = (dto.applicationId ?? dto.loanId) as string;
      const rows = (await m.query(
        dto.applicationId
          ? `SELECT borrower_id::text AS borrower_id, status, contracted_at IS NOT NULL AS done FROM loan_applications WHERE id = $1`
          : `SELECT borrower_id::text AS borrower_id, status, false AS done FROM loans WHERE id = $1`,
        [targetId],
      )) as Array<{ borrower_id: string; status: string; done: boolean }>;
      const t = rows[0];
      if (!t || (isCooperativeOnly(actor) && t.borrower_id !== actor.borrowerId))
        throw notFound(target === 'application' ? 'loan application' : 'loan', targetId);
      if (t.borrower_id !== borrowerId) throw new DomainError(CollateralErrors['COLLATERAL.OTHER_BORROWER'], { limit: borrowerId, actual: t.borrower_id });
      const open =
        target === 'application'
          ? ['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL', 'APPROVED'].includes(t.status) && !t.done
          : ['PENDING_DISBURSEMENT', 'ACTIVE'].includes(t.status);
      if (!open) throw new DomainError(CollateralErrors['COLLATERAL.PLEDGE_TARGET_CLOSED'], { target, status: t.done ? 'CONTRACTED' : t.status });
      const [dup] = (await m.query(
        `SELECT 1 FROM collateral_pledges WHERE asset_id = $1 AND status = 'ACTIVE' AND ${target === 'application' ? 'application_id' : 'loan_id'} = $2`,
        [id, targetId],
      )) as unknown[];
      if (dup) throw new DomainError(CollateralErrors['COLLATERAL.ALREADY_PLEDGED'], { id, target });
      const headroom = await this.headroom(m, id);
      const asked = new Money(dto.allocatedValue);
      if (asked.gt(headroom)) {
        throw new DomainError(CollateralErrors['COLLATERAL.ALLOCATION_ABOVE_VALUE'], {
          rule: 'Σ allocations ≤ value in force',
          limit: headroom.toFixed(),
          actual: asked.toFixed(),
        });
      }
      await m.query(`INSERT INTO collateral_pledges (asset_id, application_id, loan_id, allocated_value, created_by) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        dto.applicationId ?? null,
        dto.loanId ?? null,
        dto.allocatedValue,
        actor.userId,
      ]);
    });
  }

  /** The assets securing a loan or an application, with their figures (the loan tab, the application's collateral). */
  async ofPledgeTarget(m: EntityManager, column: 'loan_id' | 'application_id', id: string): Promise<AssetDto[]> {
    return loadAssets(
      m,
      `WHERE a.id IN (SELECT asset_id FROM collateral_pledges WHERE ${column} = $1)`,
      [id],
      await this.cover.settings(m),
      await this.businessDate.current(m),
    );
  }

  async one(m: EntityManager, id: string): Promise<AssetDto> {
    const [asset] = await loadAssets(m, 'WHERE a.id = $1', [id], await this.cover.settings(m), await this.businessDate.current(m));
    if (!asset) throw notFound('collateral asset', id);
    return asset;
  }

  /** One change of an asset: locked, active, audited, its derived rows re-synced, all in one transaction. */
  private async change(actor: Actor, id: string, action: string, apply: (m: EntityManager, borrowerId: string) => Promise<void>): Promise<AssetDto> {
    if (!ID.test(id)) throw notFound('collateral asset', id);
    return this.tx.run(async (m) => {
      const { borrowerId, status } = await assetBorrower(m, actor, id, true);
      if (status !== 'ACTIVE') throw new DomainError(CollateralErrors['COLLATERAL.ASSET_NOT_ACTIVE'], { id, status });
      const before = await this.one(m, id);
      await apply(m, borrowerId);
      await m.query(`SELECT collateral_sync_asset($1)`, [id]);
      await m.query(`UPDATE collateral_assets SET updated_at = now() WHERE id = $1`, [id]);
      const after = await this.one(m, id);
      await this.audit.record(m, actor, { action, entityType: 'collateral-asset', entityId: id, before, after });
      return after;
    });
  }

  private async insertValuation(m: EntityManager, actor: Actor, id: string, v: ValuationInputDto): Promise<void> {
    await m.query(
      `INSERT INTO collateral_valuations (asset_id, valuation_date, value, method, valuer_kind, valuer_name, note, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, v.valuationDate, v.value, v.method, v.valuerKind, v.valuerName, v.note ?? null, actor.userId],
    );
  }

  private async headroom(m: EntityManager, id: string): Promise<Money> {
    const [v] = (await m.query(`SELECT value::text AS value FROM collateral_valuations WHERE asset_id = $1 ORDER BY valuation_date DESC, id DESC LIMIT 1`, [
      id,
    ])) as Array<{ value: string }>;
    if (!v) throw new DomainError(CollateralErrors['COLLATERAL.NOT_VALUED'], { id });
    const allocs: Array<{ v: string }> = await m.query(`SELECT allocated_value::text AS v FROM collateral_pledges WHERE asset_id = $1 AND status = 'ACTIVE'`, [
      id,
    ]);
    return allocationHeadroom(
      new Money(v.value),
      allocs.map((a) => new Money(a.v)),
    );
  }
}
