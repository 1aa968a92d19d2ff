import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../../../platform/errors/index.js';
import { PUBLIC_KEY, ROLES_KEY, type AuthenticatedRequest } from '../auth.decorators.js';
import type { Role } from '../domain/role.js';
import { UserStatusCache } from './user-status.cache.js';

export interface AccessTokenPayload {
  sub: string;
  username: string;
}

/**
 * Global guard: authenticates the bearer token, then requires one of the route's @Roles.
 * Routes without @Roles are denied (design.md: every route is denied unless a role allows it).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly statuses: UserStatusCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new DomainError('AUTH.UNAUTHENTICATED');
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload & object>(token);
    } catch {
      throw new DomainError('AUTH.UNAUTHENTICATED');
    }
    const status = await this.statuses.get(payload.sub);
    if (!status || !status.active) throw new DomainError('AUTH.UNAUTHENTICATED');
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
