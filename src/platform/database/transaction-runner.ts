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
    let result: T;
    try {
      // READ COMMITTED is every session's default (pinned at connect, data-source.ts), so
      // opening the transaction is one round trip (an explicit level would add a second).
      result = await this.dataSource.transaction(async (m) => {
        const value = await fn(m);
        if (claim && !claim.completedInTransaction && !claim.storedInTransaction) await idempotencyStore.complete(m, claim, value);
        return value;
      });
    } catch (e) {
      // A response written by the service was rolled back with the rest.
      if (claim) claim.storedInTransaction = false;
      throw e;
    }
    if (claim) claim.completedInTransaction = true;
    return result;
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
