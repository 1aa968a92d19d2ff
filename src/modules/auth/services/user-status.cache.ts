import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import type { Role } from '../../../platform/actor/index.js';

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
 * version, so a disabled user's tokens, and tokens from before a password change, stop working.
 * A few seconds of cache keeps the status endpoint off the database. The process that disables
 * or changes a user forgets it at once and tells every other API process through Redis
 * (`<QUEUE_PREFIX>:user-status`), which forget it too; should Redis miss the message, the
 * entry still expires within TTL_MS.
 */
@Injectable()
export class UserStatusCache implements OnModuleInit, OnModuleDestroy {
  private readonly entries = new Map<string, { status: UserStatus | null; expires: number }>();
  private readonly channel: string;
  private publisher: Redis | undefined;
  private subscriber: Redis | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.channel = `${config.queuePrefix}:user-status`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) return;
    const options = { maxRetriesPerRequest: 1, connectTimeout: 2000 };
    this.publisher = new Redis(this.config.redisUrl, { ...options, enableOfflineQueue: false });
    this.subscriber = new Redis(this.config.redisUrl, options);
    for (const r of [this.publisher, this.subscriber]) r.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, userId: string) => this.entries.delete(userId));
    await this.subscriber.subscribe(this.channel).catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
  }

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

  /**
   * Drops the user here and in every other API process (call after the change has committed);
   * resolves once Redis has passed the message on, so the caller's answer follows it.
   */
  async forget(userId: string): Promise<void> {
    this.entries.delete(userId);
    await this.publisher?.publish(this.channel, userId).catch(() => undefined);
  }
}
