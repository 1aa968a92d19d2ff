import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../platform/errors/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import type { ClassificationVersion, SectorDto, SectorQueryDto } from '../dto/sector.dto.js';
import { ReferenceErrors } from '../reference.errors.js';

/** VSIC 2018 and 2025 sections, seeded by the origination migration (domain.md "Borrowers"). */
@Injectable()
export class SectorsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(_actor: Actor, q: SectorQueryDto): Promise<SectorDto[]> {
    const rows: Array<{ classification_version: ClassificationVersion; code: string; name_vi: string; name_en: string }> = await this.dataSource.query(
      `SELECT * FROM sectors WHERE ($1::text IS NULL OR classification_version = $1) ORDER BY classification_version, code`,
      [q.version ?? null],
    );
    return rows.map((r) => ({ version: r.classification_version, code: r.code, nameVi: r.name_vi, nameEn: r.name_en }));
  }

  /** Refuses a (version, code) pair that is not in the reference (422). */
  async assertExists(m: EntityManager, version: string, code: string): Promise<void> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM sectors WHERE classification_version = $1 AND code = $2`, [version, code]);
    if (rows.length === 0) throw new DomainError(ReferenceErrors['REFERENCE.UNKNOWN_SECTOR'], { version, code });
  }
}
