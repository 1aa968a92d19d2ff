import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

/** Named limits, per minute, set from configuration at boot. */
export type RateLimitName = 'login' | 'reports';
const limits: Record<RateLimitName, number> = { login: 10, reports: 30 };

export function configureRateLimits(values: Partial<Record<RateLimitName, number>>): void {
  Object.assign(limits, values);
}

/**
 * Rate-limits a route with @fastify/rate-limit (registered with global: false).
 * Keys are the user when authenticated, else the client address.
 */
export function RateLimited(name: RateLimitName): MethodDecorator {
  return applyDecorators(
    RouteConfig({
      rateLimit: {
        max: () => limits[name],
        timeWindow: 60_000,
        keyGenerator: (req: FastifyRequest) => {
          const auth = req.headers.authorization;
          return `${name}:${typeof auth === 'string' ? auth.slice(-24) : req.ip}`;
        },
      },
    }),
  );
}
