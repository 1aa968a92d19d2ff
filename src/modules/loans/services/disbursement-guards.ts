import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LocalDate } from '../../../platform/dates/index.js';
import type { Money } from '../../../platform/money/index.js';
import type { LoanRow } from './loan-store.repository.js';

/** A rule another module adds to every disbursement; it throws a DomainError naming the rule to refuse. */
export type DisbursementGuard = (m: EntityManager, loan: LoanRow, valueDate: LocalDate, amount: Money) => Promise<void>;

/** When a guard runs: with the loan's own limits, or last, once the capital source is known to cover the amount. */
export type DisbursementGuardStage = 'limits' | 'last';

/**
 * Rules of other modules checked inside the disbursement's transaction, after the loan's own
 * (e.g. the inspections module: a later tranche waits for the previous tranche's inspection).
 * Registered at start-up, so the loans module depends on none of them (the collateral module's
 * cover at each disbursement runs 'last', as it did when it was checked inline).
 */
@Injectable()
export class DisbursementGuards {
  private readonly guards: Array<{ guard: DisbursementGuard; stage: DisbursementGuardStage }> = [];

  register(guard: DisbursementGuard, stage: DisbursementGuardStage = 'limits'): void {
    this.guards.push({ guard, stage });
  }

  async check(m: EntityManager, loan: LoanRow, valueDate: LocalDate, amount: Money, stage: DisbursementGuardStage): Promise<void> {
    for (const g of this.guards) if (g.stage === stage) await g.guard(m, loan, valueDate, amount);
  }
}
