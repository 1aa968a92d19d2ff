import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner, isUniqueViolation } from '../../../platform/database/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { offsetOf, type Page, type PageQueryDto } from '../../../platform/http/index.js';
import { Money } from '../../../platform/money/index.js';
import type { BusinessDayRule } from '../../../platform/dates/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import type { BorrowerType } from '../../borrowers/index.js';
import type { DocumentType } from '../../attachments/index.js';
import { SectorsService } from '../../reference/index.js';
import {
  DEFAULT_ALLOCATION_ORDER,
  productParameterViolations,
  type AllocationStep,
  type AmortizationMethod,
  type Frequency,
  type PrepaymentMode,
} from '../domain/product-parameters.js';
import type { CreateLoanProductDto, LoanProductDto, LoanProductParametersDto, LoanProductVersionDto } from '../dto/loan-product.dto.js';
import { ProductErrors } from '../products.errors.js';

interface VersionRow {
  id: string;
  product_id: string;
  version: number;
  name: string;
  min_amount: string;
  max_amount: string;
  min_term_months: number;
  max_term_months: number;
  annual_interest_rate_percent: string;
  overdue_multiplier: string;
  late_interest_rate_percent: string;
  principal_frequency: Frequency;
  interest_frequency: Frequency;
  amortization_method: AmortizationMethod;
  principal_grace_periods: number;
  max_tranches: number;
  rounding_unit: string;
  allocation_order: AllocationStep[];
  prepayment_mode: PrepaymentMode;
  allowed_borrower_types: BorrowerType[];
  allowed_sectors: string[];
  collateral_required: boolean;
  collateral_cover_basis: 'DISCOUNTED' | 'LTV';
  collateral_min_cover_percent: string;
  collateral_max_ltv_percent: string;
  business_day_rule: BusinessDayRule;
  required_document_types: DocumentType[];
  inspection_days: number;
  tranche_requires_inspection: boolean;
  created_at: Date;
}

/** A product version as the applications and loans modules read it, with its product's retirement. */
export interface ProductVersionTerms extends LoanProductVersionDto {
  retired: boolean;
}

const dec = (v: string): string => new Money(v).toFixed();
const VERSION_SELECT = `SELECT id, product_id, version, name, min_amount::text AS min_amount, max_amount::text AS max_amount, min_term_months,
  max_term_months, annual_interest_rate_percent::text AS annual_interest_rate_percent, overdue_multiplier::text AS overdue_multiplier,
  late_interest_rate_percent::text AS late_interest_rate_percent, principal_frequency, interest_frequency, amortization_method,
  principal_grace_periods, max_tranches, rounding_unit::text AS rounding_unit, allocation_order, prepayment_mode, allowed_borrower_types,
  allowed_sectors, collateral_required, collateral_cover_basis, collateral_min_cover_percent::text AS collateral_min_cover_percent,
  collateral_max_ltv_percent::text AS collateral_max_ltv_percent, business_day_rule, required_document_types, inspection_days, tranche_requires_inspection, created_at
  FROM loan_product_versions`;
const ID = /^\d{1,19}$/;

function toVersion(r: VersionRow): LoanProductVersionDto {
  return {
    id: String(r.id),
    productId: String(r.product_id),
    version: r.version,
    name: r.name,
    minAmount: r.min_amount,
    maxAmount: r.max_amount,
    minTermMonths: r.min_term_months,
    maxTermMonths: r.max_term_months,
    annualInterestRatePercent: dec(r.annual_interest_rate_percent),
    monthlyInterestRatePercent: new Money(r.annual_interest_rate_percent).div(12).toFixed(),
    overdueMultiplier: dec(r.overdue_multiplier),
    lateInterestRatePercent: dec(r.late_interest_rate_percent),
    principalFrequency: r.principal_frequency,
    interestFrequency: r.interest_frequency,
    amortizationMethod: r.amortization_method,
    principalGracePeriods: r.principal_grace_periods,
    maxTranches: r.max_tranches,
    roundingUnit: r.rounding_unit,
    allocationOrder: r.allocation_order,
    prepaymentMode: r.prepayment_mode,
    allowedBorrowerTypes: r.allowed_borrower_types,
    allowedSectors: r.allowed_sectors,
    collateralRequired: r.collateral_required,
    collateralCoverBasis: r.collateral_cover_basis,
    collateralMinCoverPercent: dec(r.collateral_min_cover_percent),
    collateralMaxLtvPercent: dec(r.collateral_max_ltv_percent),
    businessDayRule: r.business_day_rule,
    requiredDocumentTypes: r.required_document_types,
    inspectionDays: r.inspection_days,
    trancheRequiresInspection: r.tranche_requires_inspection,
    createdAt: r.created_at.toISOString(),
  };
}

@Injectable()
export class LoanProductsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly sectors: SectorsService,
  ) {}

  async create(actor: Actor, dto: CreateLoanProductDto): Promise<LoanProductDto> {
    this.validate(dto);
    try {
      return await this.tx.run(async (m) => {
        const [{ id }] = (await m.query(`INSERT INTO loan_products (code, created_by) VALUES ($1, $2) RETURNING id`, [dto.code, actor.userId])) as Array<{
          id: string;
        }>;
        await this.insertVersion(m, actor, String(id), 1, dto);
        const created = await this.findOne(m, String(id));
        await this.audit.record(m, actor, { action: 'loan-product.create', entityType: 'loan-product', entityId: created.id, after: created });
        return created;
      });
    } catch (e) {
      if (isUniqueViolation(e, 'loan_products_code_key')) throw new DomainError(ProductErrors['PRODUCT.CODE_TAKEN'], { code: dto.code });
      throw e;
    }
  }

  /** Editing creates a new version; applications and loans keep the version they were made with. */
  async update(actor: Actor, id: string, dto: LoanProductParametersDto): Promise<LoanProductDto> {
    this.validate(dto);
    return this.tx.run(async (m) => {
      const before = await this.findOne(m, id, true);
      if (before.retired) throw new DomainError(ProductErrors['PRODUCT.RETIRED'], { id });
      const version = before.current.version + 1;
      await this.insertVersion(m, actor, id, version, dto);
      await m.query(`UPDATE loan_products SET current_version = $2 WHERE id = $1`, [id, version]);
      const after = await this.findOne(m, id);
      await this.audit.record(m, actor, { action: 'loan-product.version', entityType: 'loan-product', entityId: id, before, after });
      return after;
    });
  }

  async retire(actor: Actor, id: string): Promise<LoanProductDto> {
    return this.tx.run(async (m) => {
      const before = await this.findOne(m, id, true);
      if (before.retired) throw new DomainError(ProductErrors['PRODUCT.RETIRED'], { id });
      await m.query(`UPDATE loan_products SET retired_at = now() WHERE id = $1`, [id]);
      const after = await this.findOne(m, id);
      await this.audit.record(m, actor, { action: 'loan-product.retire', entityType: 'loan-product', entityId: id, before, after });
      return after;
    });
  }

  async get(_actor: Actor, id: string): Promise<LoanProductDto> {
    return this.findOne(this.tx.manager, id);
  }

  async list(_actor: Actor, q: PageQueryDto): Promise<Page<LoanProductDto>> {
    const ids: Array<{ id: string }> = await this.tx.manager.query(`SELECT id FROM loan_products ORDER BY id LIMIT $1 OFFSET $2`, [q.pageSize, offsetOf(q)]);
    const items: LoanProductDto[] = [];
    for (const { id } of ids) items.push(await this.findOne(this.tx.manager, String(id)));
    const [{ total }] = (await this.tx.manager.query(`SELECT count(*)::int AS total FROM loan_products`)) as Array<{ total: number }>;
    return { items, page: q.page, pageSize: q.pageSize, total };
  }

  async versions(_actor: Actor, id: string): Promise<LoanProductVersionDto[]> {
    await this.findOne(this.tx.manager, id);
    const rows: VersionRow[] = await this.tx.manager.query(`${VERSION_SELECT} WHERE product_id = $1 ORDER BY version`, [id]);
    return rows.map(toVersion);
  }

  /** For applications: the current version of a product. */
  async currentVersion(m: EntityManager, productId: string): Promise<ProductVersionTerms> {
    const p = await this.findOne(m, productId);
    return { ...p.current, retired: p.retired };
  }

  /** For applications and loans: one version by id, with whether its product is retired. */
  async version(m: EntityManager, versionId: string): Promise<ProductVersionTerms> {
    if (!ID.test(versionId)) throw notFound('loan product version', versionId);
    const rows: Array<VersionRow & { retired: boolean }> = await m.query(
      `SELECT v.*, (p.retired_at IS NOT NULL) AS retired FROM (${VERSION_SELECT}) v JOIN loan_products p ON p.id = v.product_id WHERE v.id = $1`,
      [versionId],
    );
    if (!rows[0]) throw notFound('loan product version', versionId);
    return { ...toVersion(rows[0]), retired: rows[0].retired };
  }

  private validate(dto: LoanProductParametersDto): void {
    const violations = productParameterViolations({
      minAmount: new Money(dto.minAmount),
      maxAmount: new Money(dto.maxAmount),
      minTermMonths: dto.minTermMonths,
      maxTermMonths: dto.maxTermMonths,
      annualInterestRatePercent: new Money(dto.annualInterestRatePercent),
      overdueMultiplier: new Money(dto.overdueMultiplier ?? '1.5'),
      lateInterestRatePercent: new Money(dto.lateInterestRatePercent ?? '10'),
      principalFrequency: dto.principalFrequency,
      interestFrequency: dto.interestFrequency,
      principalGracePeriods: dto.principalGracePeriods ?? 0,
      allocationOrder: dto.allocationOrder ?? DEFAULT_ALLOCATION_ORDER,
    });
    // docs/collateral.md "Cover": a minimum cover of 0% or an LTV outside (0, 100] % would be no rule at all.
    if (dto.collateralMinCoverPercent !== undefined && (new Money(dto.collateralMinCoverPercent).lte(0) || new Money(dto.collateralMinCoverPercent).gt(1000))) {
      violations.push({ field: 'collateralMinCoverPercent', rule: 'range', message: 'collateralMinCoverPercent must be > 0 and ≤ 1000' });
    }
    if (dto.collateralMaxLtvPercent !== undefined && (new Money(dto.collateralMaxLtvPercent).lte(0) || new Money(dto.collateralMaxLtvPercent).gt(100))) {
      violations.push({ field: 'collateralMaxLtvPercent', rule: 'range', message: 'collateralMaxLtvPercent must be > 0 and ≤ 100' });
    }
    if (violations.length > 0) throw new DomainError('REQUEST.VALIDATION_FAILED', { count: violations.length }, violations);
  }

  private async insertVersion(m: EntityManager, actor: Actor, productId: string, version: number, d: LoanProductParametersDto): Promise<void> {
    for (const sector of d.allowedSectors ?? []) {
      const [classification, code] = sector.split('/');
      await this.sectors.assertExists(m, classification, code);
    }
    await m.query(
      `INSERT INTO loan_product_versions (product_id, version, name, min_amount, max_amount, min_term_months, max_term_months,
         annual_interest_rate_percent, overdue_multiplier, late_interest_rate_percent, principal_frequency, interest_frequency,
         amortization_method, principal_grace_periods, max_tranches, rounding_unit, allocation_order, prepayment_mode,
         allowed_borrower_types, allowed_sectors, collateral_required, created_by, business_day_rule,
         collateral_cover_basis, collateral_min_cover_percent, collateral_max_ltv_percent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)`,
      [
        productId,
        version,
        d.name,
        d.minAmount,
        d.maxAmount,
        d.minTermMonths,
        d.maxTermMonths,
        d.annualInterestRatePercent,
        d.overdueMultiplier ?? '1.5',
        d.lateInterestRatePercent ?? '10',
        d.principalFrequency,
        d.interestFrequency,
        d.amortizationMethod ?? 'EQUAL_PRINCIPAL',
        d.principalGracePeriods ?? 0,
        d.maxTranches ?? 1,
        d.roundingUnit ?? '1',
        d.allocationOrder ?? [...DEFAULT_ALLOCATION_ORDER],
        d.prepaymentMode ?? 'REDUCE_INSTALLMENT',
        d.allowedBorrowerTypes,
        d.allowedSectors ?? [],
        d.collateralRequired,
        actor.userId,
        // docs/working-days.md: a new product (or version) moves due dates off days off unless it says otherwise.
        d.businessDayRule ?? 'NEXT_WORKING_DAY',
        // docs/collateral.md "Cover": Σ discounted collateral ≥ 100% of the loan unless the product says otherwise.
        d.collateralCoverBasis ?? 'DISCOUNTED',
        d.collateralMinCoverPercent ?? '100',
        d.collateralMaxLtvPercent ?? '70',
      ],
    );
    // The loan file (docs/loan-file.md): checklist and inspection parameters of this version.
    await m.query(
      `UPDATE loan_product_versions SET required_document_types = $3, inspection_days = $4, tranche_requires_inspection = $5 WHERE product_id = $1 AND version = $2`,
      [productId, version, d.requiredDocumentTypes ?? [], d.inspectionDays ?? 30, d.trancheRequiresInspection ?? false],
    );
  }

  private async findOne(m: EntityManager, id: string, forUpdate = false): Promise<LoanProductDto> {
    if (!ID.test(id)) throw notFound('loan product', id);
    const products: Array<{ id: string; code: string; current_version: number; retired_at: Date | null }> = await m.query(
      `SELECT id, code, current_version, retired_at FROM loan_products WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    const p = products[0];
    if (!p) throw notFound('loan product', id);
    const [row] = (await m.query(`${VERSION_SELECT} WHERE product_id = $1 AND version = $2`, [id, p.current_version])) as VersionRow[];
    return { id: String(p.id), code: p.code, retired: p.retired_at !== null, retiredAt: p.retired_at?.toISOString() ?? null, current: toVersion(row) };
  }
}
