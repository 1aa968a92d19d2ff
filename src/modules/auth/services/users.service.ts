import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { AuthErrors } from '../auth.errors.js';
import { isUniqueViolation } from '../../../platform/database/index.js';
import { offsetOf, type Page, type PageQueryDto } from '../../../platform/http/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import type { Role } from '../../../platform/actor/index.js';
import type { CreateUserDto, UpdateUserDto, UserDto } from '../dto/user.dto.js';
import { PasswordService } from './password.service.js';
import { UserStatusCache } from './user-status.cache.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  borrower_id: string | null;
  borrower_name: string | null;
  disabled_at: Date | null;
  created_at: Date;
  roles: Role[] | null;
}

const USER_SELECT = `
  SELECT u.id, u.username, u.display_name, u.borrower_id, b.legal_name AS borrower_name, u.disabled_at, u.created_at,
         array_remove(array_agg(r.role_code ORDER BY r.role_code), NULL) AS roles
  FROM users u LEFT JOIN user_roles r ON r.user_id = u.id LEFT JOIN borrowers b ON b.id = u.borrower_id`;

function toDto(row: UserRow): UserDto {
  return {
    id: String(row.id),
    username: row.username,
    displayName: row.display_name,
    roles: row.roles ?? [],
    borrowerId: row.borrower_id === null ? null : String(row.borrower_id),
    borrowerName: row.borrower_name,
    active: row.disabled_at === null,
    createdAt: row.created_at.toISOString(),
  };
}

/** A COOPERATIVE user acts for exactly one borrower and has no other role; no one else is bound to a borrower. */
function checkBinding(roles: readonly Role[], borrowerId: string | null): void {
  const isCooperative = roles.includes('COOPERATIVE');
  if (isCooperative && (!borrowerId || roles.length > 1)) throw new DomainError(AuthErrors['USER.COOPERATIVE_NEEDS_BORROWER']);
  if (!isCooperative && borrowerId) throw new DomainError(AuthErrors['USER.BORROWER_ONLY_FOR_COOPERATIVE']);
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly statuses: UserStatusCache,
  ) {}

  async create(actor: Actor, dto: CreateUserDto): Promise<UserDto> {
    checkBinding(dto.roles, dto.borrowerId ?? null);
    const hash = await this.passwords.hash(dto.password);
    try {
      return await this.dataSource.transaction(async (m) => {
        const created = await this.insertUser(m, dto.username, dto.displayName, hash, dto.roles, dto.borrowerId ?? null);
        await this.audit.record(m, actor, { action: 'user.create', entityType: 'user', entityId: created.id, after: created });
        return created;
      });
    } catch (e) {
      if (isUniqueViolation(e, 'users_username_key')) throw new DomainError(AuthErrors['USER.USERNAME_TAKEN'], { username: dto.username });
      if ((e as { driverError?: { code?: string } }).driverError?.code === '23503') {
        throw new DomainError(AuthErrors['USER.BORROWER_NOT_FOUND'], { borrowerId: dto.borrowerId ?? '' }, [
          { field: 'borrowerId', rule: 'exists', message: `borrower ${dto.borrowerId ?? ''} does not exist` },
        ]);
      }
      throw e;
    }
  }

  /** Name, roles and borrower binding (a COOPERATIVE user is bound to exactly one borrower), audited. */
  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserDto> {
    try {
      const result = await this.dataSource.transaction(async (m) => {
        const before = await this.findOne(m, id, true);
        const roles = dto.roles ?? before.roles;
        // Moving away from COOPERATIVE drops the binding unless a new one is given (the rule below then refuses it).
        const borrowerId = dto.borrowerId !== undefined ? dto.borrowerId : roles.includes('COOPERATIVE') ? before.borrowerId : null;
        checkBinding(roles, borrowerId);
        if (actor.userId === id && before.roles.includes('ADMIN') && !roles.includes('ADMIN')) throw new DomainError(AuthErrors['USER.CANNOT_DEMOTE_SELF']);
        await m.query(`UPDATE users SET display_name = $2, borrower_id = $3, updated_at = now() WHERE id = $1`, [
          id,
          dto.displayName ?? before.displayName,
          borrowerId,
        ]);
        if (dto.roles) {
          await m.query(`DELETE FROM user_roles WHERE user_id = $1`, [id]);
          await m.query(`INSERT INTO user_roles (user_id, role_code) SELECT $1, unnest($2::text[])`, [id, roles]);
        }
        const after = await this.findOne(m, id);
        await this.audit.record(m, actor, { action: 'user.update', entityType: 'user', entityId: id, before, after });
        return after;
      });
      // Roles travel with each request's user check: drop the cached one so the change applies at once.
      await this.statuses.forget(id);
      return result;
    } catch (e) {
      if ((e as { driverError?: { code?: string } }).driverError?.code === '23503') {
        throw new DomainError(AuthErrors['USER.BORROWER_NOT_FOUND'], { borrowerId: dto.borrowerId ?? '' }, [
          { field: 'borrowerId', rule: 'exists', message: `borrower ${dto.borrowerId ?? ''} does not exist` },
        ]);
      }
      throw e;
    }
  }

  /**
   * A new password set by an administrator; audited without the password or its hash. Every
   * session the user had ends (the session version is raised).
   */
  async resetPassword(actor: Actor, id: string, password: string): Promise<UserDto> {
    await this.setPassword(actor, id, await this.passwords.hash(password), 'user.password.reset');
    return this.findOne(this.dataSource.manager, id);
  }

  /** Stores a new hash and raises the session version in one statement, audited; returns the new version. */
  async setPassword(actor: Actor, id: string, hash: string, action: 'user.password.reset' | 'user.password.change'): Promise<number> {
    const version = await this.dataSource.transaction(async (m) => {
      const user = await this.findOne(m, id, true);
      // As a SELECT over the UPDATE so the driver answers rows (a bare UPDATE answers [rows, count]).
      const [row] = (await m.query(
        `WITH changed AS (UPDATE users SET password_hash = $2, session_version = session_version + 1, updated_at = now() WHERE id = $1 RETURNING session_version)
         SELECT session_version FROM changed`,
        [id, hash],
      )) as Array<{ session_version: number }>;
      await this.audit.record(m, actor, { action, entityType: 'user', entityId: id, after: { username: user.username, sessionsEnded: true } });
      return row.session_version;
    });
    // This process refuses the old tokens at once; other API processes within the status cache's few seconds.
    await this.statuses.forget(id);
    return version;
  }

  /** Used by create and by the first-admin bootstrap; runs inside the caller's transaction. */
  async insertUser(m: EntityManager, username: string, displayName: string, passwordHash: string, roles: Role[], borrowerId: string | null): Promise<UserDto> {
    const [{ id }] = (await m.query(`INSERT INTO users (username, display_name, password_hash, borrower_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
      username,
      displayName,
      passwordHash,
      borrowerId,
    ])) as Array<{ id: string }>;
    await m.query(`INSERT INTO user_roles (user_id, role_code) SELECT $1, unnest($2::text[])`, [id, roles]);
    return this.findOne(m, String(id));
  }

  async list(_actor: Actor, q: PageQueryDto): Promise<Page<UserDto>> {
    const rows: UserRow[] = await this.dataSource.query(`${USER_SELECT} GROUP BY u.id, b.legal_name ORDER BY u.id LIMIT $1 OFFSET $2`, [
      q.pageSize,
      offsetOf(q),
    ]);
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM users`)) as Array<{ total: number }>;
    return { items: rows.map(toDto), page: q.page, pageSize: q.pageSize, total };
  }

  async get(_actor: Actor, id: string): Promise<UserDto> {
    return this.findOne(this.dataSource.manager, id);
  }

  async setDisabled(actor: Actor, id: string, disabled: boolean): Promise<UserDto> {
    if (disabled && actor.userId === id) throw new DomainError(AuthErrors['USER.CANNOT_DISABLE_SELF']);
    const result = await this.dataSource.transaction(async (m) => {
      const before = await this.findOne(m, id, true);
      await m.query(`UPDATE users SET disabled_at = ${disabled ? 'coalesce(disabled_at, now())' : 'NULL'}, updated_at = now() WHERE id = $1`, [id]);
      const after = await this.findOne(m, id);
      await this.audit.record(m, actor, { action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: id, before, after });
      return after;
    });
    await this.statuses.forget(id);
    return result;
  }

  private async findOne(m: EntityManager, id: string, forUpdate = false): Promise<UserDto> {
    if (!/^\d{1,19}$/.test(id)) throw notFound('user', id);
    if (forUpdate) await m.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [id]);
    const rows: UserRow[] = await m.query(`${USER_SELECT} WHERE u.id = $1 GROUP BY u.id, b.legal_name`, [id]);
    if (!rows[0]) throw notFound('user', id);
    return toDto(rows[0]);
  }
}
