import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { TransactionRunner, isUniqueViolation } from '../../../platform/database/index.js';
import { ageOn, wallClockDate } from '../../../platform/dates/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { offsetOf, type Page } from '../../../platform/http/index.js';
import { AuditService } from '../../audit/index.js';
import { isCooperativeOnly, type Actor } from '../../../platform/actor/index.js';
import { CommunesService, SectorsService, type ClassificationVersion } from '../../reference/index.js';
import { BorrowerErrors } from '../borrowers.errors.js';
import { isIndividual, type BorrowerType, type RelationKind } from '../domain/borrower-identity.js';
import type { BorrowerDto, BorrowerQueryDto, CreateBorrowerDto, CreateRelationDto, RelationDto, UpdateBorrowerDto } from '../dto/borrower.dto.js';

interface BorrowerRow {
  id: string;
  type: BorrowerType;
  identity_code: string;
  birth_date: string | null;
  legal_name: string;
  short_name: string | null;
  legal_representative: string | null;
  phone: string | null;
  email: string | null;
  member_count: number | null;
  charter_capital: string | null;
  province_code: string;
  commune_code: string;
  sector_version: ClassificationVersion;
  sector_code: string;
  cooperative_id: string | null;
  cooperative_group_id: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

/** What the lending conditions need to know about a borrower (Decree 45 Art. 20). */
export interface BorrowerFacts {
  id: string;
  type: BorrowerType;
  birthDate: string | null;
  provinceCode: string;
  active: boolean;
}

const SELECT = `SELECT id, type, identity_code, birth_date::text AS birth_date, legal_name, short_name, legal_representative, phone, email,
  member_count, charter_capital::text AS charter_capital, province_code, commune_code, sector_version, sector_code, cooperative_id,
  cooperative_group_id, active, created_at, updated_at FROM borrowers`;
const ID = /^\d{1,19}$/;

function toDto(r: BorrowerRow): BorrowerDto {
  return {
    id: String(r.id),
    type: r.type,
    identityCode: r.identity_code,
    birthDate: r.birth_date,
    legalName: r.legal_name,
    shortName: r.short_name,
    legalRepresentative: r.legal_representative,
    phone: r.phone,
    email: r.email,
    memberCount: r.member_count,
    charterCapital: r.charter_capital,
    provinceCode: r.province_code,
    communeCode: r.commune_code,
    sectorVersion: r.sector_version,
    sectorCode: r.sector_code,
    cooperativeId: r.cooperative_id === null ? null : String(r.cooperative_id),
    cooperativeGroupId: r.cooperative_group_id === null ? null : String(r.cooperative_group_id),
    active: r.active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

@Injectable()
export class BorrowersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly sectors: SectorsService,
    private readonly communes: CommunesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A COOPERATIVE user reaches only its own borrower; anything else is 404, like a missing id. */
  assertVisible(actor: Actor, borrowerId: string): void {
    if (isCooperativeOnly(actor) && actor.borrowerId !== borrowerId) throw notFound('borrower', borrowerId);
  }

  async create(actor: Actor, dto: CreateBorrowerDto): Promise<BorrowerDto> {
    // domain.md "Borrowers": a provincial fund lends only inside its province; members are 18 or older.
    if (dto.provinceCode !== this.config.fundProvinceCode) {
      throw new DomainError(BorrowerErrors['BORROWER.OUTSIDE_FUND_PROVINCE'], {
        limit: this.config.fundProvinceCode,
        actual: dto.provinceCode,
        fundProvinceName: this.communes.provinceFullName(this.config.fundProvinceCode),
        provinceName: this.communes.provinceFullName(dto.provinceCode),
      });
    }
    this.assertFundCommune(dto.communeCode);
    const individual = isIndividual(dto.type);
    if (individual) {
      if (!dto.birthDate)
        throw new DomainError('REQUEST.VALIDATION_FAILED', { count: 1 }, [
          { field: 'birthDate', rule: 'required', message: 'birthDate is required for MEMBER' },
        ]);
      const age = ageOn(dto.birthDate, wallClockDate(this.config.businessTimezone));
      if (age < 18) throw new DomainError(BorrowerErrors['BORROWER.UNDER_AGE'], { limit: 18, actual: age });
    }
    const affiliations = Number(Boolean(dto.cooperativeId)) + Number(Boolean(dto.cooperativeGroupId));
    if (individual ? affiliations !== 1 : affiliations !== 0) throw new DomainError(BorrowerErrors['BORROWER.AFFILIATION_REQUIRED']);
    try {
      return await this.tx.run(async (m) => {
        await this.sectors.assertExists(m, dto.sectorVersion, dto.sectorCode);
        if (dto.cooperativeId) {
          const rows: unknown[] = await m.query(`SELECT 1 FROM borrowers WHERE id = $1 AND type = 'COOPERATIVE'`, [dto.cooperativeId]);
          if (rows.length === 0) throw notFound('cooperative', dto.cooperativeId);
        }
        if (dto.cooperativeGroupId) {
          const rows: unknown[] = await m.query(`SELECT 1 FROM cooperative_groups WHERE id = $1`, [dto.cooperativeGroupId]);
          if (rows.length === 0) throw notFound('cooperative group', dto.cooperativeGroupId);
        }
        const [{ id }] = (await m.query(
          `INSERT INTO borrowers (type, identity_code, birth_date, legal_name, short_name, legal_representative, phone, email, member_count,
             charter_capital, province_code, commune_code, sector_version, sector_code, cooperative_id, cooperative_group_id, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
          [
            dto.type,
            dto.identityCode,
            individual ? dto.birthDate : null,
            dto.legalName,
            dto.shortName ?? null,
            dto.legalRepresentative ?? null,
            dto.phone ?? null,
            dto.email ?? null,
            dto.memberCount ?? null,
            dto.charterCapital ?? null,
            dto.provinceCode,
            dto.communeCode,
            dto.sectorVersion,
            dto.sectorCode,
            dto.cooperativeId ?? null,
            dto.cooperativeGroupId ?? null,
            actor.userId,
          ],
        )) as Array<{ id: string }>;
        const created = await this.findOne(m, String(id));
        await this.audit.record(m, actor, { action: 'borrower.create', entityType: 'borrower', entityId: created.id, after: created });
        return created;
      });
    } catch (e) {
      if (isUniqueViolation(e, 'borrowers_identity_key')) {
        throw new DomainError(BorrowerErrors['BORROWER.IDENTITY_TAKEN'], { type: dto.type, identityCode: dto.identityCode });
      }
      throw e;
    }
  }

  async get(actor: Actor, id: string): Promise<BorrowerDto> {
    this.assertVisible(actor, id);
    return this.findOne(this.tx.manager, id);
  }

  async list(actor: Actor, q: BorrowerQueryDto): Promise<Page<BorrowerDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (isCooperativeOnly(actor)) add('id = ?', actor.borrowerId ?? '0');
    if (q.type) add('type = ?', q.type);
    if (q.sectorVersion) add('sector_version = ?', q.sectorVersion);
    if (q.sectorCode) add('sector_code = ?', q.sectorCode);
    if (q.communeCode) add('commune_code = ?', q.communeCode);
    if (q.active !== undefined) add('active = ?', q.active);
    // One search box finds a borrower by its name, its tax/enterprise code or a member's CCCD.
    if (q.q)
      add(
        `(legal_name ILIKE ? OR short_name ILIKE $${params.length + 1} OR identity_code LIKE $${params.length + 1})`,
        `%${q.q.trim().replace(/[\\%_]/g, '\\$&')}%`,
      );
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows: BorrowerRow[] = await this.tx.manager.query(`${SELECT} ${clause} ORDER BY id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
      ...params,
      q.pageSize,
      offsetOf(q),
    ]);
    const [{ total }] = (await this.tx.manager.query(`SELECT count(*)::int AS total FROM borrowers ${clause}`, params)) as Array<{ total: number }>;
    return { items: rows.map(toDto), page: q.page, pageSize: q.pageSize, total };
  }

  async update(actor: Actor, id: string, dto: UpdateBorrowerDto): Promise<BorrowerDto> {
    if (dto.communeCode !== undefined) this.assertFundCommune(dto.communeCode);
    return this.tx.run(async (m) => {
      const before = await this.findOne(m, id, true);
      const sectorVersion = dto.sectorVersion ?? before.sectorVersion;
      const sectorCode = dto.sectorCode ?? before.sectorCode;
      await this.sectors.assertExists(m, sectorVersion, sectorCode);
      await m.query(
        `UPDATE borrowers SET legal_name = $2, short_name = $3, legal_representative = $4, phone = $5, email = $6, member_count = $7,
           charter_capital = $8, commune_code = $9, sector_version = $10, sector_code = $11, updated_at = now() WHERE id = $1`,
        [
          id,
          dto.legalName ?? before.legalName,
          pick(dto.shortName, before.shortName),
          pick(dto.legalRepresentative, before.legalRepresentative),
          pick(dto.phone, before.phone),
          pick(dto.email, before.email),
          pick(dto.memberCount, before.memberCount),
          pick(dto.charterCapital, before.charterCapital),
          dto.communeCode ?? before.communeCode,
          sectorVersion,
          sectorCode,
        ],
      );
      const after = await this.findOne(m, id);
      await this.audit.record(m, actor, { action: 'borrower.update', entityType: 'borrower', entityId: id, before, after });
      return after;
    });
  }

  /**
   * domain.md "Borrowers": the borrower's commune is a 2025 commune of the fund's province; the refusal
   * names the commune and its province, so the officer sees which address is wrong, not a bare code.
   */
  assertFundCommune(communeCode: string): void {
    const commune = this.communes.find(communeCode);
    if (!commune) throw new DomainError(BorrowerErrors['BORROWER.UNKNOWN_COMMUNE'], { communeCode });
    if (commune.provinceCode !== this.config.fundProvinceCode) {
      throw new DomainError(BorrowerErrors['BORROWER.COMMUNE_OUTSIDE_FUND_PROVINCE'], {
        communeCode,
        communeName: commune.nameVi,
        provinceName: commune.provinceNameVi,
        fundProvinceName: this.communes.provinceFullName(this.config.fundProvinceCode),
      });
    }
  }

  /** Allowed only without an open loan; borrower_outstanding is the loans module's hook. */
  async deactivate(actor: Actor, id: string): Promise<BorrowerDto> {
    return this.tx.run(async (m) => {
      const before = await this.findOne(m, id, true);
      const open: unknown[] = await m.query(`SELECT 1 FROM borrower_outstanding WHERE borrower_id = $1 AND outstanding_principal > 0 LIMIT 1`, [id]);
      if (open.length > 0) throw new DomainError(BorrowerErrors['BORROWER.HAS_OPEN_LOAN'], { id });
      await m.query(`UPDATE borrowers SET active = false, deactivated_at = now(), updated_at = now() WHERE id = $1`, [id]);
      const after = await this.findOne(m, id);
      await this.audit.record(m, actor, { action: 'borrower.deactivate', entityType: 'borrower', entityId: id, before, after });
      return after;
    });
  }

  async addRelation(actor: Actor, id: string, dto: CreateRelationDto): Promise<RelationDto[]> {
    if (id === dto.relatedBorrowerId) throw new DomainError(BorrowerErrors['BORROWER.RELATION_INVALID']);
    try {
      return await this.tx.run(async (m) => {
        await this.findOne(m, id, true);
        await this.findOne(m, dto.relatedBorrowerId);
        const [low, high] = BigInt(id) < BigInt(dto.relatedBorrowerId) ? [id, dto.relatedBorrowerId] : [dto.relatedBorrowerId, id];
        await m.query(`INSERT INTO borrower_relations (borrower_id, related_borrower_id, kind, note, created_by) VALUES ($1, $2, $3, $4, $5)`, [
          low,
          high,
          dto.kind,
          dto.note ?? null,
          actor.userId,
        ]);
        await this.audit.record(m, actor, { action: 'borrower.relate', entityType: 'borrower', entityId: id, after: dto });
        return this.relations(m, id);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError(BorrowerErrors['BORROWER.RELATION_EXISTS']);
      throw e;
    }
  }

  async listRelations(actor: Actor, id: string): Promise<RelationDto[]> {
    this.assertVisible(actor, id);
    await this.findOne(this.tx.manager, id);
    return this.relations(this.tx.manager, id);
  }

  /** For the applications module: eligibility facts, read in the caller's transaction. */
  async facts(m: EntityManager, id: string, forUpdate = false): Promise<BorrowerFacts> {
    const b = await this.findOne(m, id, forUpdate);
    return { id: b.id, type: b.type, birthDate: b.birthDate, provinceCode: b.provinceCode, active: b.active };
  }

  /** Decree 45 Art. 23.2 related persons: the borrowers directly linked to this one. */
  async relatedIds(m: EntityManager, id: string): Promise<string[]> {
    const rows: Array<{ other: string }> = await m.query(
      `SELECT related_borrower_id AS other FROM borrower_relations WHERE borrower_id = $1
       UNION SELECT borrower_id FROM borrower_relations WHERE related_borrower_id = $1`,
      [id],
    );
    return rows.map((r) => String(r.other));
  }

  private async relations(m: EntityManager, id: string): Promise<RelationDto[]> {
    const rows: Array<{ other: string; legal_name: string; kind: RelationKind; note: string | null; created_at: Date }> = await m.query(
      `SELECT r.other, b.legal_name, r.kind, r.note, r.created_at FROM (
         SELECT related_borrower_id AS other, kind, note, created_at FROM borrower_relations WHERE borrower_id = $1
         UNION ALL SELECT borrower_id, kind, note, created_at FROM borrower_relations WHERE related_borrower_id = $1
       ) r JOIN borrowers b ON b.id = r.other ORDER BY r.other`,
      [id],
    );
    return rows.map((r) => ({
      relatedBorrowerId: String(r.other),
      relatedLegalName: r.legal_name,
      kind: r.kind,
      note: r.note,
      createdAt: r.created_at.toISOString(),
    }));
  }

  private async findOne(m: EntityManager, id: string, forUpdate = false): Promise<BorrowerDto> {
    if (!ID.test(id)) throw notFound('borrower', id);
    const rows: BorrowerRow[] = await m.query(`${SELECT} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    if (!rows[0]) throw notFound('borrower', id);
    return toDto(rows[0]);
  }
}

function pick<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}
