import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config/index.js';

/** Named limits, per minute, set from configuration at boot. */
export type RateLimitName = 'login' | 'reports';
const limits: Record<RateLimitName, number> = { login: 10, reports: 30 };

export function configureRateLimits(values: Partial<Record<RateLimitName, number>>): void {
  Object.assign(limits, values);
}

/** The caller a limit counts: the bearer token when there is one (its signature's tail), else the client address. */
function caller(req: FastifyRequest): string {
  const auth = req.headers.authorization;
  return typeof auth === 'string' ? auth.slice(-24) : req.ip;
}

/**
 * Rate-limits a route more tightly than the global limit (@fastify/rate-limit's route config;
 * its own bucket, in the same Redis store).
 */
export function RateLimited(name: RateLimitName): MethodDecorator {
  return applyDecorators(
    RouteConfig({
      rateLimit: {
        max: () => limits[name],
        timeWindow: 60_000,
        keyGenerator: (req: FastifyRequest) => `${name}:${caller(req)}`,
      },
    }),
  );
}

/** Only the API, health and metrics count; the web app's files and the docs do not. */
const COUNTED = /^\/(api|health|metrics)(\/|$|\?)/;

/**
 * The limiter's own Redis connection. Counters live in Redis so every API process shares them
 * (README "Limits and metrics"); no offline queue, so a Redis outage fails the count at once
 * and the request goes through (skipOnError) instead of hanging.
 */
export async function rateLimitRedis(config: AppConfig, fastify: FastifyInstance): Promise<Redis> {
  const redis = new Redis(config.redisUrl ?? '', { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
  redis.on('error', () => undefined);
  fastify.addHook('onClose', async () => {
    redis.disconnect();
  });
  // The first requests are counted too: wait for the connection (at most its connect timeout; then serve uncounted).
  await new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 2500);
    redis.once('ready', done);
  });
  return redis;
}

/**
 * Every route is limited per caller to RATE_LIMIT_PER_MINUTE (generous: it stops floods, not
 * work), login and reports more tightly. The draft IETF headers (RateLimit-Limit, -Remaining,
 * -Reset) go on every counted answer and Retry-After on a 429, as the OpenAPI document states.
 */
export function rateLimitOptions(config: AppConfig, redis: Redis): RateLimitPluginOptions {
  return {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    redis,
    nameSpace: `${config.queuePrefix}:rate-limit:`,
    skipOnError: true,
    enableDraftSpec: true,
    keyGenerator: (req) => `all:${caller(req)}`,
    allowList: (req) => !COUNTED.test(req.url),
    errorResponseBuilder: (_req, context) => Object.assign(new Error('rate limited'), { statusCode: 429, retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  };
}
