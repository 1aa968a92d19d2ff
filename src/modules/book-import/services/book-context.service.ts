import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import type { WorkingCalendar } from '../../../platform/dates/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { CalendarService } from '../../calendar/index.js';
import { BusinessDateService } from '../../../modules/business-date/index.js';
import { CapitalSourcesService } from '../../funds/index.js';
import { LoanProductsService } from '../../products/index.js';
import { CommunesService, FormerCommunesService, SectorsService } from '../../reference/index.js';
import type { BookContext, CommuneCandidate, ProductRef } from '../domain/book-model.js';

/** The reference data and system state the rules read, gathered once per dry run (read-only). */
export interface GatheredContext {
  readonly ctx: BookContext;
  readonly calendar: (fromYear: number, toYear: number) => WorkingCalendar | null;
  readonly sectorName: (code: string) => string;
}

const SYSTEM: Actor = { userId: null, username: 'book-import', roles: ['ADMIN'], borrowerId: null, requestId: 'book-import' };
const SECTOR_VERSION = 'VSIC2018';

@Injectable()
export class BookContextService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly businessDate: BusinessDateService,
    private readonly communes: CommunesService,
    private readonly sectors: SectorsService,
    private readonly products: LoanProductsService,
    private readonly sources: CapitalSourcesService,
    private readonly calendars: CalendarService,
    private readonly former: FormerCommunesService,
  ) {}

  /** The fund's province's 2025 communes, sorted by name (the template's drop-down). */
  provinceCommunes(): CommuneCandidate[] {
    return this.communes
      .list(SYSTEM, { provinceCode: this.config.fundProvinceCode })
      .map((c) => ({ code: c.code, name: c.nameVi, provinceCode: c.provinceCode, provinceName: c.provinceNameVi }));
  }

  async sectorList(): Promise<Array<{ code: string; nameVi: string; nameEn: string }>> {
    return (await this.sectors.list(SYSTEM, { version: SECTOR_VERSION })).map((s) => ({ code: s.code, nameVi: s.nameVi, nameEn: s.nameEn }));
  }

  async productList(m: EntityManager): Promise<ProductRef[]> {
    const page = await this.products.list(SYSTEM, { page: 1, pageSize: 200 });
    const out: ProductRef[] = [];
    for (const p of page.items) {
      const v = await this.products.currentVersion(m, p.id);
      out.push({
        productId: p.id,
        versionId: v.id,
        code: p.code,
        retired: v.retired,
        minAmount: v.minAmount,
        maxAmount: v.maxAmount,
        minTermMonths: v.minTermMonths,
        maxTermMonths: v.maxTermMonths,
        annualInterestRatePercent: v.annualInterestRatePercent,
        overdueMultiplier: v.overdueMultiplier ?? '1.5',
        lateInterestRatePercent: v.lateInterestRatePercent ?? '10',
        interestFrequency: v.interestFrequency,
        amortizationMethod: v.amortizationMethod ?? 'EQUAL_PRINCIPAL',
        principalGracePeriods: v.principalGracePeriods ?? 0,
        roundingUnit: v.roundingUnit ?? '1',
        allocationOrder: v.allocationOrder ?? [],
        prepaymentMode: v.prepaymentMode ?? 'REDUCE_INSTALLMENT',
        allowedBorrowerTypes: v.allowedBorrowerTypes,
        businessDayRule: v.businessDayRule ?? 'NONE',
        maxTranches: v.maxTranches ?? 1,
      });
    }
    return out;
  }

  async capitalSourceList(): Promise<Array<{ id: string; name: string }>> {
    const page = await this.sources.list(SYSTEM, { page: 1, pageSize: 200 });
    return page.items.map((s) => ({ id: s.id, name: s.name }));
  }

  async gather(m: EntityManager, communeChoices: Record<string, string>): Promise<GatheredContext> {
    const businessDate = await this.businessDate.current(m);
    const sectorList = await this.sectorList();
    const products = await this.productList(m);
    const sources = await this.capitalSourceList();
    // Read-only: borrowers already registered (a Loans row may name one by tax code / citizen ID) and old contract numbers imported before.
    const existing = (await m.query(`SELECT id::text, type, identity_code, legal_name, sector_code FROM borrowers`)) as Array<{
      id: string;
      type: string;
      identity_code: string;
      legal_name: string;
      sector_code: string;
    }>;
    const imported = (await m.query(
      `SELECT l->>'ref' AS ref, l->>'id' AS id FROM book_imports i, jsonb_array_elements(coalesce(i.result->'loans', '[]'::jsonb)) l WHERE i.status = 'COMMITTED'`,
    )) as Array<{ ref: string; id: string }>;
    const fromYear = 2000;
    const toYear = Number(businessDate.slice(0, 4)) + 40;
    const calendar = await this.calendars.workingCalendar(m, fromYear, toYear);
    const province = this.communes.provinceName(this.config.fundProvinceCode) ?? this.config.fundProvinceCode;
    const ctx: BookContext = {
      businessDate,
      fundProvinceCode: this.config.fundProvinceCode,
      fundProvinceName: province,
      commune: (code) => {
        const c = this.communes.find(code);
        return c ? { code: c.code, name: c.nameVi, provinceCode: c.provinceCode, provinceName: c.provinceNameVi } : undefined;
      },
      // The official correspondence of former communes (reference module), in the fund's province.
      proposeCommunes: (name, district) =>
        this.former
          .lookup({ name, district: district ?? undefined })
          .candidates.map((c) => ({ code: c.code, name: c.nameVi, provinceCode: c.provinceCode, provinceName: province })),
      sectors: new Set(sectorList.map((s) => s.code)),
      products: new Map(products.map((p) => [p.code, p])),
      capitalSources: new Map(sources.map((s) => [s.name.toLowerCase(), s])),
      existingBorrowers: new Map(existing.map((b) => [b.identity_code, { id: b.id, type: b.type, name: b.legal_name, sectorCode: b.sector_code }])),
      importedLoanRefs: new Map(imported.map((r) => [r.ref, r.id])),
      communeChoices,
    };
    const names = new Map(sectorList.map((s) => [s.code, s.nameVi]));
    return {
      ctx,
      calendar: (from, to) => (from >= fromYear && to <= toYear ? calendar : null),
      sectorName: (code) => names.get(code) ?? code,
    };
  }
}
