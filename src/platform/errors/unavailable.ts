/**
 * A request that failed because PostgreSQL or Redis could not be reached is not the client's
 * fault nor a bug: it is answered 503 with Retry-After, and the same request (with the same
 * Idempotency-Key) succeeds once the service is back. The pools reconnect by themselves.
 */

/** SQLSTATE classes and codes of a server that is down, starting, or shutting down. */
const PG_UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH']);
/** Messages of node-postgres and ioredis that carry no code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /^Connection is closed\.?$/,
  /Reached the max retries per request limit/,
  /Stream isn't writeable and enableOfflineQueue options is false/,
];

export type UnavailableService = 'DATABASE' | 'QUEUE';

function looksUnavailable(e: { code?: unknown; message?: unknown }): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || PG_UNAVAILABLE_STATES.has(code) || code.startsWith('08')) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => m.test(message));
}

/** Which backing service an error says is unreachable, or null for any other error. */
export function unavailableService(error: unknown): UnavailableService | null {
  if (error === null || typeof error !== 'object') return null;
  const e = error as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown };
  // TypeORM wraps the driver's error (QueryFailedError.driverError).
  for (const candidate of [e, e.driverError, e.cause]) {
    if (candidate === null || typeof candidate !== 'object') continue;
    if (!looksUnavailable(candidate as { code?: unknown; message?: unknown })) continue;
    const { name, message } = candidate as { name?: unknown; message?: unknown };
    const text = `${typeof name === 'string' ? name : ''} ${typeof message === 'string' ? message : ''}`;
    return /redis|max retries per request|enableOfflineQueue|^\S* ?Connection is closed/i.test(text) ? 'QUEUE' : 'DATABASE';
  }
  return null;
}
