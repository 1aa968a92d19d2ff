import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Logger as PinoLogger } from 'pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { registerBullBoard } from './modules/close-of-business/index.js';
import { BOOK_IMPORT_MAX_BYTES } from './modules/book-import/index.js';
import type { AppConfig, ProcessRole } from './config/index.js';
import { createValidationPipe, declareProblemResponses, ProblemDetailsDto } from './platform/errors/index.js';
import {
  configureRateLimits,
  declareRateLimits,
  findWebRoot,
  PATH_PARAM_MAX_LENGTH,
  rateLimitOptions,
  rateLimitRedis,
  registerWebApp,
  rewriteForWebApp,
  stateResponseLimits,
  stateValidatedLimits,
} from './platform/http/index.js';
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
  const webRoot = findWebRoot();
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    rewriteUrl: rewriteForWebApp(webRoot),
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: true,
    // A longer path segment matches no route (404); the document states it (openapi-limits.ts).
    routerOptions: { maxParamLength: PATH_PARAM_MAX_LENGTH },
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
        // Mantine writes its CSS variables in a <style> element and positions popovers with style
        // attributes; scripts are only the built files (the web app and Swagger UI have no inline script).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        // The app is often served over plain http inside the fund's network: do not upgrade its assets to https.
        upgradeInsecureRequests: null,
      },
    },
  });
  configureRateLimits({ login: config.loginRateLimitPerMinute });
  await app.register(rateLimit, rateLimitOptions(config, await rateLimitRedis(config, fastify)));
  // Uploads: a book-import workbook or a document of the loan file (README "The loan file"): one streamed
  // file per request; one byte over the larger limit lets each module see the excess and refuse it itself.
  await app.register(multipart, {
    limits: { fileSize: Math.max(BOOK_IMPORT_MAX_BYTES, config.attachmentMaxBytes) + 1, files: 1, fields: 10, fieldSize: 1000, parts: 12 },
  });
  // CORS is closed unless CORS_ORIGINS names origins (README "Limits and metrics").
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: false });
  configureRoutes(app);
  app.useGlobalPipes(createValidationPipe());
  // Built on the first request of /docs (then kept), not at boot: an API process nobody asks for its document does not hold it.
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app, config), { jsonDocumentUrl: 'docs/openapi.json' });
  // The web application at / (web/dist), when it has been built.
  await registerWebApp(app, webRoot);
  // Bull Board at /admin/queues, ADMIN only (a board session from POST /api/v1/close-of-business/board-session).
  await registerBullBoard(app);
  return app;
}

/** The route prefix: everything under /api/v1 except health and the queue board. */
function configureRoutes(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics', 'admin/queues', 'admin/queues/{*path}'] });
}

/** The OpenAPI document served at /docs/openapi.json (and written by `cli.js openapi`). */
export function createOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  stateValidatedLimits();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('HTX Fund Loan Management API')
      .setDescription(
        `${config.fundName}. Errors are RFC 9457 problem details (application/problem+json) with a stable dotted code; ` +
          'detail in Vietnamese by default, English with Accept-Language: en. Money is a decimal string of whole VND.',
      )
      .setVersion('1')
      // Same origin as the document: paths carry the /api/v1 prefix themselves.
      .addServer('/', 'This server (production or local: the same origin as this document)', undefined, { 'x-internal': false })
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'A JWS (HS256 only; alg none and every other algorithm refused) from POST /api/v1/auth/login, following RFC8725 ' +
          '(JSON Web Token Best Current Practices): the algorithm is fixed by the server, never read from the token; exp is always checked.',
      })
      .build(),
    { extraModels: [ProblemDetailsDto] },
  );
  return declareRateLimits(stateResponseLimits(declareProblemResponses(document)), config);
}

/**
 * The served document without a database or Redis: the module graph is scanned in preview
 * mode (providers are not instantiated), which is all the swagger scanner reads.
 */
export async function exportOpenApiDocument(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register({ config, role: 'api' }), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  try {
    configureRoutes(app);
    return createOpenApiDocument(app, config);
  } finally {
    await app.close();
  }
}
