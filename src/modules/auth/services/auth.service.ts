import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { AuditService } from '../../audit/index.js';
import { SYSTEM_ACTOR, type Actor } from '../../../platform/actor/index.js';
import type { AccessTokenDto, ChangePasswordDto, LoginDto } from '../dto/login.dto.js';
import type { AccessTokenPayload } from './auth.guard.js';
import { PasswordService } from './password.service.js';
import { UsersService } from './users.service.js';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  /** Verified against when the username does not exist, so both failures cost the same time. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async login(dto: LoginDto): Promise<AccessTokenDto> {
    const rows: Array<{ id: string; password_hash: string; disabled_at: Date | null; session_version: number }> = await this.dataSource.query(
      `SELECT id, password_hash, disabled_at, session_version FROM users WHERE username = $1`,
      [dto.username],
    );
    const user = rows[0];
    this.dummyHash ??= this.passwords.hash(randomUUID());
    const ok = await this.passwords.verify(user?.password_hash ?? (await this.dummyHash), dto.password);
    if (!user || !ok || user.disabled_at !== null) throw new DomainError('AUTH.INVALID_CREDENTIALS');
    return this.issue(String(user.id), dto.username, user.session_version);
  }

  /**
   * The acting user changes its own password: the current one must match. The session version
   * is raised with the new hash, so every other session (other browsers, a stolen token) ends;
   * this one goes on with the new token returned. Audited without the password.
   */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<AccessTokenDto> {
    const userId = actor.userId ?? '';
    const rows: Array<{ password_hash: string }> = await this.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [userId]);
    if (!rows[0] || !(await this.passwords.verify(rows[0].password_hash, dto.currentPassword))) throw new DomainError('AUTH.INVALID_CREDENTIALS');
    const version = await this.users.setPassword(actor, userId, await this.passwords.hash(dto.newPassword), 'user.password.change');
    return this.issue(userId, actor.username, version);
  }

  private async issue(userId: string, username: string, sessionVersion: number): Promise<AccessTokenDto> {
    const payload: AccessTokenPayload = { sub: userId, username, sv: sessionVersion };
    return { accessToken: await this.jwt.signAsync(payload), tokenType: 'Bearer', expiresIn: this.config.jwtExpiresIn };
  }

  /** On an empty database, create the first admin from ADMIN_USERNAME / ADMIN_PASSWORD. */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensureFirstAdmin();
  }

  async ensureFirstAdmin(): Promise<boolean> {
    const hash = await this.passwords.hash(this.config.adminPassword);
    return this.dataSource.transaction(async (m) => {
      // Serialise concurrent boots (API and worker started together).
      await m.query(`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`);
      const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM users`)) as Array<{ n: number }>;
      if (n > 0) return false;
      const admin = await this.users.insertUser(m, this.config.adminUsername, 'Administrator', hash, ['ADMIN'], null);
      await this.audit.record(m, SYSTEM_ACTOR, { action: 'user.bootstrap-admin', entityType: 'user', entityId: admin.id, after: admin });
      this.logger.log(`created the first admin "${this.config.adminUsername}"`);
      return true;
    });
  }
}
