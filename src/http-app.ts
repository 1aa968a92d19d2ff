import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Logger as PinoLogger } from 'pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { registerBullBoard } from './modules/close-of-business/close-of-business.index.js';
import type { AppConfig, ProcessRole } from './config/index.js';
import { createValidationPipe } from './platform/errors/index.js';
import { configureRateLimits } from './platform/http/index.js';
import { NestPinoLogger } from './platform/logging/index.js';

export const API_PREFIX = 'api/v1';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Builds the HTTP application: Fastify, helmet, request ids, problem+json, validation, OpenAPI. */
export async function createHttpApp(
  config: AppConfig,
  logger: PinoLogger,
  role: ProcessRole = 'api',
  extraImports: AppModuleOptions['extraImports'] = [],
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register({ config, role, extraImports }), adapter, {
    logger: new NestPinoLogger(logger),
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  // Body parsing errors (malformed JSON, too large, wrong type) reach Fastify's error handler,
  // which Nest sets at init to its exception layer: the global ProblemDetailsFilter renders them
  // as the same problem documents. A handler of our own here would only be replaced (with a
  // Fastify warning at every start).
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  configureRateLimits({ login: config.loginRateLimitPerMinute });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => Object.assign(new Error('rate limited'), { statusCode: 429, retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: false });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'admin/queues', 'admin/queues/{*path}'] });
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app, config);
  // Bull Board at /admin/queues, ADMIN only (a board session from POST /api/v1/close-of-business/board-session).
  await registerBullBoard(app);
  return app;
}

function setupOpenApi(app: INestApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('HTX Fund Loan Management API')
      .setDescription(
        `${config.fundName}. Errors are RFC 9457 problem details (application/problem+json) with a stable dotted code; ` +
          'detail in Vietnamese by default, English with Accept-Language: en. Money is a decimal string of whole VND.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
