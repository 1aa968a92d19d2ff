import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { TransactionRunner } from '../../../platform/database/index.js';

export const BOARD_PATH = '/admin/queues';
export const BOARD_COOKIE = 'lms_board';
const AUDIENCE = 'bull-board';
const TTL_SECONDS = 3600;

export interface BoardSession {
  url: string;
  token: string;
  expiresAt: string;
  cookie: string;
}

/**
 * Bull Board is for ADMIN only (README "Watching it"). An ADMIN, authenticated by the API's
 * guard, opens a board session: a short-lived token (audience bull-board) set as an HttpOnly cookie
 * scoped to /admin/queues, or sent as a bearer token. Every board request must carry a valid one.
 */
@Injectable()
export class BullBoardAuth {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async openSession(actor: Actor): Promise<BoardSession> {
    const token = await this.jwt.signAsync({ sub: actor.userId ?? 'system', username: actor.username }, { audience: AUDIENCE, expiresIn: TTL_SECONDS });
    await this.tx.run((m) =>
      this.audit.record(m, actor, { action: 'bull-board.session', entityType: 'bull_board', entityId: 'queues', after: { ttlSeconds: TTL_SECONDS } }),
    );
    const secure = this.config.nodeEnv === 'production' ? '; Secure' : '';
    return {
      url: BOARD_PATH,
      token,
      expiresAt: new Date(Date.now() + TTL_SECONDS * 1000).toISOString(),
      cookie: `${BOARD_COOKIE}=${token}; Path=${BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${TTL_SECONDS}${secure}`,
    };
  }

  /** Whether a board request carries a valid session (cookie or bearer). */
  async allows(headers: Record<string, string | string[] | undefined>): Promise<boolean> {
    const auth = headers.authorization;
    const bearer = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    const cookies = typeof headers.cookie === 'string' ? headers.cookie.split(';').map((c) => c.trim()) : [];
    const fromCookie = cookies.find((c) => c.startsWith(`${BOARD_COOKIE}=`))?.slice(BOARD_COOKIE.length + 1);
    const token = bearer ?? fromCookie;
    if (!token) return false;
    try {
      await this.jwt.verifyAsync(token, { audience: AUDIENCE });
      return true;
    } catch {
      return false;
    }
  }
}
