import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import './platform.errors.js'; // registers the SERVICE.* codes, as the app's import of the errors index does
import { renderProblem, toDomainError } from './problem.js';
import { unavailableService } from './unavailable.js';

const req = { method: 'POST', url: '/api/v1/loans/1/repayments', id: 'r1', headers: { 'accept-language': 'en' } };
const errno = (code: string, message: string): Error => Object.assign(new Error(message), { code });

describe('a backing service that cannot be reached', () => {
  it('maps PostgreSQL connection failures to a 503 problem with Retry-After', () => {
    const failures: unknown[] = [
      errno('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new QueryFailedError('SELECT 1', [], errno('57P01', 'terminating connection due to administrator command')),
      new QueryFailedError('SELECT 1', [], errno('57P03', 'the database system is starting up')),
      errno('08006', 'connection failure'),
    ];
    for (const e of failures) {
      expect(unavailableService(e)).toBe('DATABASE');
      const { status, body, headers } = renderProblem(toDomainError(e, req), req);
      expect(status).toBe(503);
      expect(body.code).toBe('SERVICE.DATABASE_UNAVAILABLE');
      expect(headers['retry-after']).toBe('2');
      expect(headers['content-type']).toContain('application/problem+json');
    }
  });

  it('maps a lost Redis to SERVICE.QUEUE_UNAVAILABLE', () => {
    const e = Object.assign(new Error('Reached the max retries per request limit (which is 20).'), { name: 'MaxRetriesPerRequestError' });
    expect(unavailableService(e)).toBe('QUEUE');
    expect(toDomainError(e, req).code).toBe('SERVICE.QUEUE_UNAVAILABLE');
  });

  it('leaves every other error alone (a bug stays a 500, a constraint stays what it is)', () => {
    expect(unavailableService(new Error('boom'))).toBeNull();
    expect(unavailableService(new QueryFailedError('INSERT', [], errno('23505', 'duplicate key')))).toBeNull();
    expect(toDomainError(new TypeError('x is undefined'), req).code).toBe('INTERNAL.UNEXPECTED');
  });
});
