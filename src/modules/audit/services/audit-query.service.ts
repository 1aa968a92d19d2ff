import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { offsetOf, type Page } from '../../../platform/http/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import type { AuditEventDto, AuditQueryDto } from '../dto/audit-query.dto.js';

interface Row {
  id: string;
  chain_id: number;
  occurred_at: Date;
  actor_id: string | null;
  actor_username: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(_actor: Actor, q: AuditQueryDto): Promise<Page<AuditEventDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.entityType) add('entity_type = ?', q.entityType);
    if (q.entityId) add('entity_id = ?', q.entityId);
    if (q.action) add('action = ?', q.action);
    if (q.actorId) add('actor_id = ?', q.actorId);
    if (q.from) add('occurred_at >= ?', q.from);
    if (q.to) add('occurred_at < ?', q.to);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM audit_events ${clause} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, offsetOf(q)],
    );
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_events ${clause}`, params)) as Array<{ total: number }>;
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        chainId: r.chain_id,
        occurredAt: r.occurred_at.toISOString(),
        actorId: r.actor_id === null ? null : String(r.actor_id),
        actorUsername: r.actor_username,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        requestId: r.request_id,
        prevHash: r.prev_hash,
        hash: r.hash,
      })),
      page: q.page,
      pageSize: q.pageSize,
      total,
    };
  }
}
