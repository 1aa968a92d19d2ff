import { Inject, Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { matchFormer, parseCorrespondence, type FormerAddress, type FormerEntry } from '../domain/former-communes.js';
import { provinceCodeOfFormer } from '../domain/former-provinces.js';
import type { FormerCommuneCandidateDto, FormerCommuneLookupDto, FormerCommuneQueryDto } from '../dto/commune.dto.js';
import { ReferenceErrors } from '../reference.errors.js';
import { CommunesService } from './communes.service.js';

/**
 * Proposes the 2025 commune for an address written before July 2025 (old commune, district, province),
 * from the official correspondence shipped with the build (src/assets/reference/vn-communes-before-2025.csv,
 * docs/reference-data.md). Read once, kept in memory. A reference read: no actor needed, so the book
 * import can call it for every row of a workbook.
 */
@Injectable()
export class FormerCommunesService {
  private byProvince: Map<string, FormerEntry[]> | null = null;

  constructor(
    private readonly communes: CommunesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The 2025 commune(s) a former unit went into, in the former province's 2025 province (the fund's
   * own when no province is given): one when unambiguous, several for the officer to choose, none when
   * the name is unknown there. Throws REFERENCE.UNKNOWN_PROVINCE for a province name it cannot place.
   */
  lookup(q: FormerCommuneQueryDto): FormerCommuneLookupDto {
    const provinceCode = q.province ? provinceCodeOfFormer(q.province) : this.config.fundProvinceCode;
    if (provinceCode === undefined) throw new DomainError(ReferenceErrors['REFERENCE.UNKNOWN_PROVINCE'], { province: q.province });
    const address: FormerAddress = { name: q.name, district: q.district };
    const found = matchFormer(this.entries(provinceCode), address);
    const candidates: FormerCommuneCandidateDto[] = [];
    for (const e of found) {
      if (candidates.some((c) => c.code === e.communeCode)) continue;
      const commune = this.communes.find(e.communeCode);
      candidates.push({
        code: e.communeCode,
        nameVi: commune?.nameVi ?? e.communeNameVi,
        nameEn: commune?.nameEn ?? e.communeNameVi,
        provinceCode: e.provinceCode,
        formerName: e.formerName,
        note: e.note,
        partial: e.partial,
      });
    }
    candidates.sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'));
    return { provinceCode, candidates, ambiguous: candidates.length > 1 };
  }

  private entries(provinceCode: string): FormerEntry[] {
    if (!this.byProvince) {
      const text = readFileSync(fileURLToPath(new URL('../../../assets/reference/vn-communes-before-2025.csv', import.meta.url)), 'utf8');
      const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
      const entries = parseCorrespondence(
        rows.map((r) => ({ provinceCode: r.province_code, communeCode: r.commune_code, communeNameVi: r.commune_full_name, formedFrom: r.formed_from })),
      );
      this.byProvince = new Map();
      for (const e of entries) this.byProvince.set(e.provinceCode, [...(this.byProvince.get(e.provinceCode) ?? []), e]);
    }
    return this.byProvince.get(provinceCode) ?? [];
  }
}
