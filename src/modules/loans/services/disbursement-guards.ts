import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LocalDate } from '../../../platform/dates/index.js';
import type { LoanRow } from './loan-store.js';

/** A rule another module adds to every disbursement; it throws a DomainError naming the rule to refuse. */
export type DisbursementGuard = (m: EntityManager, loan: LoanRow, valueDate: LocalDate) => Promise<void>;

/**
 * Rules of other modules checked inside the disbursement's transaction, after the loan's own
 * (e.g. the inspections module: a later tranche waits for the previous tranche's inspection).
 * Registered at start-up, so the loans module depends on none of them.
 */
@Injectable()
export class DisbursementGuards {
  private readonly guards: DisbursementGuard[] = [];

  register(guard: DisbursementGuard): void {
    this.guards.push(guard);
  }

  async check(m: EntityManager, loan: LoanRow, valueDate: LocalDate): Promise<void> {
    for (const guard of this.guards) await guard(m, loan, valueDate);
  }
}
