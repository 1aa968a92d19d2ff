import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, HttpStatus } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { Observable, from, lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import type { AuthenticatedRequest } from '../actor/index.js';
import { DomainError } from '../errors/index.js';
import { idempotencyContext, type IdempotencyClaim } from './idempotency-context.js';
import { idempotencyStore } from './idempotency.store.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAY_HEADER = 'idempotent-replayed';
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** Stable JSON: object keys sorted, so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.handle(context, next));
  }

  private async handle(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = req.headers[IDEMPOTENCY_HEADER];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new DomainError('IDEMPOTENCY.KEY_REQUIRED', {}, [
        { field: 'Idempotency-Key', rule: 'pattern', message: 'Idempotency-Key header must be 8–128 of A-Z a-z 0-9 . _ : -' },
      ]);
    }
    const userId = req.actor?.userId;
    if (!userId) throw new DomainError('AUTH.UNAUTHENTICATED');
    const route = `${req.method} ${req.url.split('?')[0]}`;
    const requestHash = createHash('sha256').update(canonical(req.body)).digest('hex');
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const stale = this.config.idempotencyInFlightTimeoutSeconds;
    const m = this.dataSource.manager;

    if (!(await idempotencyStore.claim(m, userId, route, key, requestHash))) {
      const stored = await idempotencyStore.read(m, userId, route, key, stale);
      if (!stored) throw new DomainError('IDEMPOTENCY.REQUEST_IN_FLIGHT', { retryAfterSeconds: 1 });
      if (stored.request_hash !== requestHash) throw new DomainError('IDEMPOTENCY.KEY_REUSED');
      if (stored.status === 'COMPLETED') {
        void reply.status(stored.response_status ?? status).header(REPLAY_HEADER, 'true');
        return stored.response_body;
      }
      if (!stored.stale || !(await idempotencyStore.takeOver(m, userId, route, key, stale))) {
        throw new DomainError('IDEMPOTENCY.REQUEST_IN_FLIGHT', { retryAfterSeconds: 1 });
      }
    }

    const claim: IdempotencyClaim = { userId, route, key, responseStatus: status, completedInTransaction: false };
    try {
      const result: unknown = await idempotencyContext.run(claim, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
      // Services that moved money already stored the response in their own transaction;
      // this records it for handlers that did not open one (the body stored in the transaction is this same result).
      if (!claim.completedInTransaction) await idempotencyStore.complete(m, claim, result);
      return result;
    } catch (e) {
      if (!claim.completedInTransaction) await idempotencyStore.release(m, claim);
      throw e;
    }
  }
}
