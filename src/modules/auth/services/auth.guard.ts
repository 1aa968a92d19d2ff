import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../../../platform/errors/index.js';
import { PUBLIC_KEY, ROLES_KEY, type AuthenticatedRequest } from '../../../platform/actor/index.js';
import type { Role } from '../../../platform/actor/index.js';
import { UserStatusCache } from './user-status.cache.js';

export interface AccessTokenPayload {
  sub: string;
  username: string;
  /** The user's session version when the token was issued (tokens from before it existed: 1). */
  sv?: number;
}

/**
 * Global guard: authenticates the bearer token, then requires one of the route's @Roles.
 * Routes without @Roles are denied (design.md: every route is denied unless a role allows it).
 */
type VerifiedPayload = AccessTokenPayload & { exp?: number; nbf?: number };

const VERIFIED_TOKENS_MAX = 10_000;

/** jsonwebtoken's checks: expired when now ≥ exp, not active yet when nbf > now (seconds, no tolerance). */
function withinWindow(p: VerifiedPayload): boolean {
  const now = Math.floor(Date.now() / 1000);
  return (typeof p.exp !== 'number' || now < p.exp) && (typeof p.nbf !== 'number' || p.nbf <= now);
}

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new Map<string, VerifiedPayload>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly statuses: UserStatusCache,
  ) {}

  /**
   * A token's signature is checked once per process: a verified token's payload is kept (a
   * bounded map) and only its validity window (exp, nbf, checked as jsonwebtoken does, in whole
   * seconds) is checked again on the next request. The user's status is still read every time.
   */
  private async verify(token: string): Promise<AccessTokenPayload> {
    const hit = this.verified.get(token);
    if (hit && withinWindow(hit)) return hit;
    let payload: VerifiedPayload;
    try {
      payload = await this.jwt.verifyAsync<VerifiedPayload & object>(token);
    } catch {
      this.verified.delete(token);
      throw new DomainError('AUTH.UNAUTHENTICATED');
    }
    if (this.verified.size >= VERIFIED_TOKENS_MAX) this.verified.clear();
    this.verified.set(token, payload);
    return payload;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new DomainError('AUTH.UNAUTHENTICATED');
    const payload = await this.verify(token);
    const status = await this.statuses.get(payload.sub);
    if (!status || !status.active || status.sessionVersion !== (payload.sv ?? 1)) throw new DomainError('AUTH.UNAUTHENTICATED');
    req.actor = {
      userId: payload.sub,
      username: status.username,
      roles: status.roles,
      borrowerId: status.borrowerId,
      requestId: String(req.id),
    };
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!status.roles.some((r) => allowed.includes(r))) throw new DomainError('AUTH.FORBIDDEN');
    return true;
  }
}
