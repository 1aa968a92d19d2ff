import { AsyncLocalStorage } from 'node:async_hooks';

export interface IdempotencyClaim {
  userId: string;
  route: string;
  key: string;
  responseStatus: number;
  /** Set once the business transaction has stored the response with its own commit. */
  completedInTransaction: boolean;
  /**
   * Set by a service that wrote the response in one of its own statements of the open
   * transaction (a repayment writes it with its postings); the runner then does not write it
   * again. Only meaningful until that transaction ends: a rollback undoes it, and the runner clears it.
   */
  storedInTransaction?: boolean;
}

/**
 * Carries the claimed Idempotency-Key from the interceptor to the transaction runner, so
 * the stored response commits in the same database transaction as the money movement:
 * a crash can never leave money moved and the key still open for a second attempt.
 */
export const idempotencyContext = new AsyncLocalStorage<IdempotencyClaim>();
