import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { idempotencyContext } from '../idempotency/idempotency-context.js';
import { idempotencyStore } from '../idempotency/idempotency.store.js';

/** The transaction every service joins while `runAllOrNothing` runs (a book import's commit). */
const ambient = new AsyncLocalStorage<EntityManager>();

/**
 * The one way services open a business transaction. When the request carries a claimed
 * Idempotency-Key, the response is stored before commit, in the same transaction as the
 * state change, the ledger entries and the audit event.
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = ambient.getStore();
    if (outer) return fn(outer);
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

  /**
   * One database transaction around many service calls: every `run` (and `manager`) inside joins
   * it, so the calls commit together or not at all (README "Bringing in an existing loan book":
   * a workbook is imported whole or not at all). Not for request handlers: a long transaction.
   */
  async runAllOrNothing<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (ambient.getStore()) throw new Error('runAllOrNothing does not nest');
    return this.dataSource.transaction((m) => ambient.run(m, () => fn(m)));
  }

  get manager(): EntityManager {
    return ambient.getStore() ?? this.dataSource.manager;
  }
}
