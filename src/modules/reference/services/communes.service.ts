import { Inject, Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import type { CommuneDto, CommuneQueryDto } from '../dto/commune.dto.js';

const UNIT_EN: Record<string, string> = { xã: 'Commune', phường: 'Ward', 'đặc khu': 'Special Zone' };

/**
 * The 2025 communes and wards (Decision 19/2025/QĐ-TTg, 3,321 units in 34 provinces), from the
 * reference file shipped with the build (src/assets/reference). Read once, kept in memory.
 */
@Injectable()
export class CommunesService {
  private all: CommuneDto[] | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  list(_actor: Actor, q: CommuneQueryDto): CommuneDto[] {
    const province = q.provinceCode ?? this.config.fundProvinceCode;
    return this.load().filter((c) => c.provinceCode === province);
  }

  /** One commune or ward by its code (printed addresses), or undefined. */
  find(code: string): CommuneDto | undefined {
    return this.load().find((c) => c.code === code);
  }

  /** The province's Vietnamese name without its unit ("Tỉnh Thái Nguyên" → "Thái Nguyên"): the place a document is signed. */
  provinceName(provinceCode: string): string | undefined {
    const name = this.load().find((c) => c.provinceCode === provinceCode)?.provinceNameVi;
    return name?.replace(/^(Tỉnh|Thành phố)\s+/, '');
  }

  /** The province's full Vietnamese name ("Tỉnh Thái Nguyên"), or its code when unknown: for messages. */
  provinceFullName(provinceCode: string): string {
    return this.load().find((c) => c.provinceCode === provinceCode)?.provinceNameVi ?? provinceCode;
  }

  private load(): CommuneDto[] {
    if (this.all) return this.all;
    const text = readFileSync(fileURLToPath(new URL('../../../assets/reference/vn-admin-units-2025.csv', import.meta.url)), 'utf8');
    // The file has no quoted fields (checked when it was copied): a plain split is exact.
    const rows = text
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l.trim() !== '');
    this.all = rows
      .map((line) => {
        const [provinceCode = '', provinceNameVi = '', provinceNameEn = '', code = '', fullName = '', , nameEn = '', unit = ''] = line.split(',');
        return { provinceCode, provinceNameVi, provinceNameEn, code, nameVi: fullName, nameEn: `${nameEn} ${UNIT_EN[unit] ?? ''}`.trim(), unit };
      })
      .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'));
    return this.all;
  }
}
