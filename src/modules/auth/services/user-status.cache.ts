import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role } from '../domain/role.js';

export interface UserStatus {
  active: boolean;
  roles: Role[];
  borrowerId: string | null;
  username: string;
  sessionVersion: number;
}

const TTL_MS = 5_000;

/**
 * Each request checks the user is still enabled, reads its current roles and its session
 * version, so a disabled user's tokens, and tokens from before a password change, stop working. A few seconds of cache keeps the status endpoint off the
 * database; this process forgets a user at once when it disables or changes it, other
 * processes within TTL_MS.
 */
@Injectable()
export class UserStatusCache {
  private readonly entries = new Map<string, { status: UserStatus | null; expires: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(userId: string): Promise<UserStatus | null> {
    const now = Date.now();
    const hit = this.entries.get(userId);
    if (hit && hit.expires > now) return hit.status;
    const rows: Array<{ username: string; disabled_at: Date | null; borrower_id: string | null; roles: Role[] | null; session_version: number }> =
      await this.dataSource.query(
        `SELECT u.username, u.disabled_at, u.borrower_id, u.session_version,
                array_remove(array_agg(r.role_code ORDER BY r.role_code), NULL) AS roles
         FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
         WHERE u.id = $1 GROUP BY u.id`,
        [userId],
      );
    const row = rows[0];
    const status: UserStatus | null = row
      ? { active: row.disabled_at === null, roles: row.roles ?? [], borrowerId: row.borrower_id, username: row.username, sessionVersion: row.session_version }
      : null;
    if (this.entries.size > 50_000) this.entries.clear();
    this.entries.set(userId, { status, expires: now + TTL_MS });
    return status;
  }

  forget(userId: string): void {
    this.entries.delete(userId);
  }
}
