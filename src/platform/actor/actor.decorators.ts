import { createParamDecorator, type ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import type { Role } from './role.js';

export const ROLES_KEY = 'lms:roles';
export const PUBLIC_KEY = 'lms:public';

/**
 * The roles allowed on a route. A route without @Roles (and not @Public) is denied to
 * everyone: access is granted, never assumed.
 */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing or invalid token (problem+json AUTH.UNAUTHENTICATED)' }),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')} (problem+json AUTH.FORBIDDEN)` }),
  );
}

/**
 * A route anyone may call without a token (login, health, statement verification). The
 * OpenAPI operation says so with `security: [{}]` (the empty requirement: anonymous allowed,
 * which OWASP's write-restricted rule accepts for login); the summary given as undefined is
 * dropped, so this merges with the route's own @ApiOperation in either order.
 */
export const Public = (): MethodDecorator => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiOperation({ summary: undefined, security: [{}] }));

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
}

/** The acting user, built by the auth guard; services take it explicitly. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.actor) throw new Error('CurrentActor used on a route without authentication');
  return req.actor;
});
