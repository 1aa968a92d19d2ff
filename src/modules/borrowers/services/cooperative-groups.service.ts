import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../platform/database/index.js';
import { offsetOf, type Page, type PageQueryDto } from '../../../platform/http/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import type { CooperativeGroupDto, CreateCooperativeGroupDto } from '../dto/borrower.dto.js';
import { BorrowersService } from './borrowers.service.js';

interface GroupRow {
  id: string;
  name: string;
  province_code: string;
  commune_code: string;
  representative: string | null;
  created_at: Date;
}

const toDto = (r: GroupRow): CooperativeGroupDto => ({
  id: String(r.id),
  name: r.name,
  provinceCode: r.province_code,
  communeCode: r.commune_code,
  representative: r.representative,
  createdAt: r.created_at.toISOString(),
});

/** Tổ hợp tác (THT): a plain record a MEMBER belongs to, not a borrower. */
@Injectable()
export class CooperativeGroupsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly borrowers: BorrowersService,
  ) {}

  async create(actor: Actor, dto: CreateCooperativeGroupDto): Promise<CooperativeGroupDto> {
    this.borrowers.assertFundCommune(dto.communeCode);
    return this.tx.run(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO cooperative_groups (name, province_code, commune_code, representative, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [dto.name, dto.provinceCode, dto.communeCode, dto.representative ?? null, actor.userId],
      )) as GroupRow[];
      const created = toDto(row);
      await this.audit.record(m, actor, { action: 'cooperative-group.create', entityType: 'cooperative-group', entityId: created.id, after: created });
      return created;
    });
  }

  async list(_actor: Actor, q: PageQueryDto): Promise<Page<CooperativeGroupDto>> {
    const rows: GroupRow[] = await this.tx.manager.query(`SELECT * FROM cooperative_groups ORDER BY id LIMIT $1 OFFSET $2`, [q.pageSize, offsetOf(q)]);
    const [{ total }] = (await this.tx.manager.query(`SELECT count(*)::int AS total FROM cooperative_groups`)) as Array<{ total: number }>;
    return { items: rows.map(toDto), page: q.page, pageSize: q.pageSize, total };
  }
}
