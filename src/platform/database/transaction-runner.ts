import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { idempotencyContext } from '../idempotency/idempotency-context.js';
import { idempotencyStore } from '../idempotency/idempotency.store.js';

/**
 * The one way services open a business transaction. When the request carries a claimed
 * Idempotency-Key, the response is stored before commit, in the same transaction as the
 * state change, the ledger entries and the audit event.
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const claim = idempotencyContext.getStore();
    const result = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      const value = await fn(m);
      if (claim && !claim.completedInTransaction) await idempotencyStore.complete(m, claim, value);
      return value;
    });
    if (claim) claim.completedInTransaction = true;
    return result;
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
