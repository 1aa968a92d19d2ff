import { HttpException } from '@nestjs/common';
import { DomainError, errorDefinition, renderMessage, type ErrorParams, type FieldError } from './domain-error.js';
import { unavailableService } from './unavailable.js';

/** Seconds a client waits before retrying a request answered 503 (PostgreSQL or Redis unreachable). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

export type Language = 'vi' | 'en';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  requestId?: string;
  errors: FieldError[];
  [extension: string]: unknown;
}

export interface ProblemRequest {
  method: string;
  url: string;
  id?: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface RenderedProblem {
  status: number;
  body: ProblemDetails;
  headers: Record<string, string>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Vietnamese by default; English when Accept-Language prefers it (design.md API). */
export function pickLanguage(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  let best: { lang: Language; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag, ...opts] = part.trim().toLowerCase().split(';');
    const q = Number(opts.find((o) => o.trim().startsWith('q='))?.split('=')[1] ?? '1');
    const lang: Language | undefined = tag.startsWith('en') ? 'en' : tag.startsWith('vi') ? 'vi' : undefined;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'vi';
}

/** Translates anything thrown into a domain error with a known code. */
export function toDomainError(error: unknown, req: ProblemRequest): DomainError {
  if (error instanceof DomainError) return error;
  // Pure domain code throws its own error classes with a registered dotted code and details.
  const coded = error as { code?: unknown; details?: unknown } | null;
  if (typeof coded?.code === 'string' && errorDefinition(coded.code) && typeof coded.details === 'object' && coded.details !== null) {
    return new DomainError(coded.code, coded.details as ErrorParams);
  }
  const fastifyCode = (error as { code?: unknown } | null)?.code;
  if (typeof fastifyCode === 'string' && fastifyCode.startsWith('FST_')) {
    if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') return new DomainError('REQUEST.BODY_TOO_LARGE', { limit: '' });
    if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    if (fastifyCode.startsWith('FST_ERR_CTP')) return new DomainError('REQUEST.MALFORMED_JSON');
  }
  if (error instanceof SyntaxError && /JSON/i.test(error.message)) return new DomainError('REQUEST.MALFORMED_JSON');
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return new DomainError('ROUTE.NOT_FOUND', { method: req.method, path: req.url.split('?')[0] });
    if (status === 401) return new DomainError('AUTH.UNAUTHENTICATED');
    if (status === 403) return new DomainError('AUTH.FORBIDDEN');
    if (status === 413) return new DomainError('REQUEST.BODY_TOO_LARGE', { limit: '' });
    if (status === 429) return new DomainError('AUTH.RATE_LIMITED', { retryAfterSeconds: 60 });
    if (status === 400) return new DomainError('REQUEST.MALFORMED_JSON');
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (status === 413) return new DomainError('REQUEST.BODY_TOO_LARGE', { limit: '' });
  if (status === 429) {
    const retry = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    return new DomainError('AUTH.RATE_LIMITED', { retryAfterSeconds: typeof retry === 'number' ? retry : 60 });
  }
  if (status === 415) return new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  const unavailable = unavailableService(error);
  if (unavailable === 'DATABASE') return new DomainError('SERVICE.DATABASE_UNAVAILABLE', { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS });
  if (unavailable === 'QUEUE') return new DomainError('SERVICE.QUEUE_UNAVAILABLE', { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS });
  return new DomainError('INTERNAL.UNEXPECTED', { requestId: req.id ?? '' });
}

const PARAM_KEYS_HIDDEN = new Set(['requestId']);

export function renderProblem(error: DomainError, req: ProblemRequest): RenderedProblem {
  const def = errorDefinition(error.code);
  const lang = pickLanguage(req.headers['accept-language']);
  const params: ErrorParams = { ...error.params, requestId: req.id };
  const status = def?.status ?? 500;
  const extensions = Object.fromEntries(Object.entries(error.params).filter(([k]) => !PARAM_KEYS_HIDDEN.has(k)));
  const body: ProblemDetails = {
    ...extensions,
    type: `/problems/${error.code.toLowerCase().replace(/[._]/g, '-')}`,
    title: def?.title ?? 'Error',
    status,
    code: error.code,
    detail: def ? renderMessage(def[lang], params, lang) : error.code,
    instance: req.url.split('?')[0],
    requestId: req.id,
    errors: error.fieldErrors,
  };
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE, ...error.headers };
  const retry = error.params.retryAfterSeconds;
  if (typeof retry === 'number' && (status === 429 || status === 409 || status === 503)) headers['retry-after'] = String(retry);
  return { status, body, headers };
}
