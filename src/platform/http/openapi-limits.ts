import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage, type ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { maxMatchLength } from './regex-length.js';

/** Fastify's maxParamLength (set in http-app.ts): a longer path segment matches no route (404). */
export const PATH_PARAM_MAX_LENGTH = 100;
/**
 * An input at least this long is a file's text (a bank statement's CSV): the API keeps it as
 * lines, each field bounded by the file's own parser (statement-csv.ts), and never answers it
 * whole, so it does not bound what responses carry.
 */
const FILE_TEXT_MIN_LENGTH = 1024 * 1024;
/** Most rows a response array carries when no smaller bound is stated (unpaged lists: a loan's schedule, reference data). */
export const RESPONSE_ARRAY_MAX_ITEMS = 10_000;

const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

type SwaggerProperty = { type?: unknown; isArray?: boolean; maxLength?: number; maxItems?: number; enum?: unknown[]; items?: Record<string, unknown> };

/**
 * The longest string a validator lets through, read from the validator itself. Every input
 * string of every DTO carries one (README "Limits and metrics"); the document states exactly it.
 */
function impliedMaxLength(m: ValidationMetadata): number | null {
  const c = m.constraints ?? [];
  switch (m.name) {
    case 'maxLength':
      return Number(c[0]);
    case 'isLength':
      return c[1] === undefined ? null : Number(c[1]);
    case 'matches':
      return c[0] instanceof RegExp ? maxMatchLength(c[0]) : null;
    case 'isIn':
      return Array.isArray(c[0]) ? Math.max(...c[0].map((v: unknown) => String(v).length)) : null;
    case 'isLocalDate':
      return 10;
    case 'isTimestamp':
      // 2026-11-01T00:00:00.000000+07:00 (local-date.ts ISO_TIMESTAMP)
      return 32;
    case 'isVndAmount':
      return 18;
    case 'isPercentString':
      return 10;
    case 'isUuid':
      return 36;
    case 'isEmail':
      // validator.js refuses addresses longer than RFC 5321's 254
      return 254;
    default:
      return null;
  }
}

interface Limits {
  maxLength?: number;
  eachMaxLength?: number;
  maxItems?: number;
}

/**
 * Writes the validators' limits into the swagger metadata of every validated DTO (body and
 * query), before the document is built: `maxLength` from @MaxLength, @Length, an anchored
 * @Matches, @IsIn and the platform's format rules; `maxItems` from @ArrayMaxSize; `items.maxLength`
 * for `each` rules. The stated limit is always the enforced one (a limit stated in @ApiProperty
 * is replaced by the validator's), so the document cannot promise what the server does not hold.
 */
export function stateValidatedLimits(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, ValidationMetadata[]> };
  for (const [target, metas] of storage.validationMetadatas) {
    const byProperty = new Map<string, Limits>();
    for (const m of metas) {
      if ((m.type as ValidationTypes | string) !== 'customValidation' && m.name === undefined) continue;
      const limits = byProperty.get(m.propertyName) ?? {};
      if (m.name === 'arrayMaxSize') limits.maxItems = Math.min(limits.maxItems ?? Infinity, Number(m.constraints[0]));
      const len = impliedMaxLength(m);
      if (len !== null && Number.isFinite(len)) {
        if (m.each) limits.eachMaxLength = Math.min(limits.eachMaxLength ?? Infinity, len);
        else limits.maxLength = Math.min(limits.maxLength ?? Infinity, len);
      }
      byProperty.set(m.propertyName, limits);
    }
    const proto = (target as { prototype?: object }).prototype;
    if (!proto) continue;
    for (const [property, limits] of byProperty) {
      const meta = Reflect.getMetadata(SWAGGER_PROPERTY, proto, property) as SwaggerProperty | undefined;
      if (!meta) continue;
      const isArray = meta.isArray === true || meta.type === 'array' || Array.isArray(meta.type);
      const next: SwaggerProperty = { ...meta };
      if (isArray) {
        if (limits.maxItems !== undefined) next.maxItems = limits.maxItems;
        if (limits.eachMaxLength !== undefined && meta.items) next.items = { ...meta.items, maxLength: limits.eachMaxLength };
      } else if (limits.maxLength !== undefined && !meta.enum) {
        next.maxLength = limits.maxLength;
      }
      Reflect.defineMetadata(SWAGGER_PROPERTY, next, proto, property);
    }
  }
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Names of the component schemas reachable from `roots` through $ref. */
function reachable(document: OpenAPIObject, roots: unknown[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...(v as unknown[]));
    else if (isObject(v)) {
      const ref = v.$ref;
      if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
        const name = ref.slice('#/components/schemas/'.length);
        if (!seen.has(name)) {
          seen.add(name);
          stack.push(document.components?.schemas?.[name]);
        }
      }
      stack.push(...Object.values(v));
    }
  }
  return seen;
}

/** Applies `fix` to every schema object under `root` (properties, items, allOf/oneOf/anyOf), not through $ref. */
function eachSchema(root: unknown, fix: (schema: Json) => void): void {
  if (!isObject(root) || '$ref' in root) return;
  fix(root);
  if (isObject(root.properties)) for (const p of Object.values(root.properties)) eachSchema(p, fix);
  eachSchema(root.items, fix);
  if (isObject(root.additionalProperties)) eachSchema(root.additionalProperties, fix);
  for (const k of ['allOf', 'oneOf', 'anyOf'] as const) if (Array.isArray(root[k])) for (const s of root[k] as unknown[]) eachSchema(s, fix);
}

function bounded(s: Json): boolean {
  return 'maxLength' in s || 'enum' in s || 'const' in s;
}

/**
 * Limits the server holds without a validator of the field's own:
 * - a path parameter is at most PATH_PARAM_MAX_LENGTH characters (Fastify's maxParamLength);
 * - what the API answers and never accepts (response-only schemas) is bounded by what it
 *   accepted: a date is 10 characters, an instant 24 (toISOString), any other text at most the
 *   longest string input the document allows, file texts aside (every stored text came through
 *   one; generated text — codes, names of reference data — is shorter), and an array with no smaller bound
 *   at most RESPONSE_ARRAY_MAX_ITEMS rows (pages say 200).
 * An input schema's string without a validator limit stays unbounded here on purpose: the
 * linter then names it, and the fix is @MaxLength on the DTO.
 */
export function stateResponseLimits(document: OpenAPIObject): OpenAPIObject {
  const requestRoots: unknown[] = [];
  const responseRoots: unknown[] = [];
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item as Json)) {
      if (!isObject(op)) continue;
      requestRoots.push(op.parameters, op.requestBody);
      responseRoots.push(op.responses);
      for (const p of (op.parameters as Json[] | undefined) ?? []) {
        if (p.in === 'path' && isObject(p.schema) && p.schema.type === 'string' && !bounded(p.schema)) p.schema.maxLength = PATH_PARAM_MAX_LENGTH;
      }
    }
  }
  const inputs = reachable(document, requestRoots);
  let longestInput = 0;
  for (const name of inputs) {
    eachSchema(document.components?.schemas?.[name], (s) => {
      if (typeof s.maxLength === 'number' && s.maxLength < FILE_TEXT_MIN_LENGTH) longestInput = Math.max(longestInput, s.maxLength);
    });
  }
  const fix = (s: Json): void => {
    if (s.type === 'string' && !bounded(s)) s.maxLength = s.format === 'date' ? 10 : s.format === 'date-time' ? 24 : longestInput;
    if (s.type === 'array' && s.maxItems === undefined) s.maxItems = RESPONSE_ARRAY_MAX_ITEMS;
  };
  for (const name of reachable(document, responseRoots)) if (!inputs.has(name)) eachSchema(document.components?.schemas?.[name], fix);
  // Inline response schemas (a bare array of a DTO, a string): the same rule.
  for (const r of responseRoots) {
    if (!isObject(r)) continue;
    for (const resp of Object.values(r)) {
      if (!isObject(resp) || !isObject(resp.content)) continue;
      for (const media of Object.values(resp.content)) if (isObject(media)) eachSchema(media.schema, fix);
    }
  }
  return document;
}

const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { description: 'Requests this caller may make in the window (draft IETF RateLimit header fields)', maximum: 100_000_000 },
  'RateLimit-Remaining': { description: 'Requests left in the current window', maximum: 100_000_000 },
  'RateLimit-Reset': { description: 'Seconds until the window resets', maximum: 60 },
} as const;

/**
 * States the rate limits the server sends (rate-limit.ts): the RateLimit-* headers on every
 * 2xx and 4xx answer of a counted route, a 429 problem with Retry-After on every operation (the
 * global limit applies to all of them), and a 500 problem everywhere. Access-Control-Allow-Origin
 * is declared as what it is: sent only to an origin listed in CORS_ORIGINS (none by default).
 */
export function declareRateLimits(document: OpenAPIObject, config: Pick<AppConfigLimits, 'rateLimitPerMinute'>): OpenAPIObject {
  const components = (document.components ??= {}) as Json & { headers?: Json; responses?: Json };
  const integer = (maximum: number): Json => ({ type: 'integer', format: 'int32', minimum: 0, maximum });
  components.headers = {
    ...components.headers,
    ...Object.fromEntries(Object.entries(RATE_LIMIT_HEADERS).map(([name, h]) => [name, { description: h.description, schema: integer(h.maximum) }])),
    'Retry-After': { description: 'Seconds to wait before trying again', schema: integer(86_400) },
    'Access-Control-Allow-Origin': {
      description: 'Sent only when the request’s Origin is one of CORS_ORIGINS (none by default: CORS closed)',
      schema: { type: 'string', maxLength: 2048 },
    },
  };
  const headers = Object.fromEntries(
    ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Access-Control-Allow-Origin'].map((n) => [n, { $ref: `#/components/headers/${n}` }]),
  );
  const content = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } };
  components.responses = {
    ...components.responses,
    Problem429: {
      description:
        `Too many requests (AUTH.RATE_LIMITED): at most ${config.rateLimitPerMinute} a minute per caller on every route, fewer on login and reports; ` +
        'or, where work is queued, too many of the caller’s exports or imports queued or running (REPORT.TOO_MANY_EXPORTS, IMPORT.TOO_MANY_ACTIVE). Wait Retry-After seconds',
      headers: { ...headers, 'Retry-After': { $ref: '#/components/headers/Retry-After' } },
      content,
    },
    Problem500: { description: 'An unexpected failure (INTERNAL.UNEXPECTED); nothing was changed or the change was rolled back', headers, content },
  };
  const withHeaders = (r: Json): void => {
    r.headers = { ...(isObject(r.headers) ? r.headers : {}), ...headers };
  };
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item as Json)) {
      if (!isObject(op) || !isObject(op.responses)) continue;
      const responses = op.responses;
      if (isObject(responses['429']) && !('$ref' in responses['429'])) {
        const own = responses['429'];
        own.headers = { ...(isObject(own.headers) ? own.headers : {}), ...headers, 'Retry-After': { $ref: '#/components/headers/Retry-After' } };
        own.content ??= content;
      } else responses['429'] = { $ref: '#/components/responses/Problem429' };
      responses['500'] ??= { $ref: '#/components/responses/Problem500' };
      for (const [status, r] of Object.entries(responses)) if (/^[24]/.test(status) && isObject(r) && !('$ref' in r)) withHeaders(r);
    }
  }
  for (const [name, r] of Object.entries(components.responses)) if (/^Problem[24]/.test(name) && isObject(r)) withHeaders(r);
  return document;
}

interface AppConfigLimits {
  rateLimitPerMinute: number;
}
