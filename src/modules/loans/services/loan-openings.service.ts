import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../../platform/errors/index.js';
import { TransactionRunner } from '../../../platform/database/index.js';
import type { LocalDate } from '../../../platform/dates/index.js';
import { Money } from '../../../platform/money/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { AuditService } from '../../audit/index.js';
import { LedgerService, credit, debit } from '../../ledger/index.js';
import { type OpeningPosition, applyOpeningPosition, earnedIncome, initialLoanState, loanSummary, replayToOpenDay } from '../domain/index.js';
import { LoanErrors } from '../loans.errors.js';
import { LoanEventRecorder } from './loan-event-recorder.service.js';
import { LoanPostings } from './loan-postings.service.js';
import { type LoanRow, loanStore } from './loan-store.repository.js';

/** The old book's figures of one loan at the cut-over date (docs/book-import.md "Opening positions"). */
export interface OpeningPositionInput {
  readonly cutOverDate: LocalDate;
  /** The first disbursement's date: the contract's start date, from which its due dates run. */
  readonly firstDisbursementDate: LocalDate;
  readonly disbursedPrincipal: Money;
  readonly outstandingPrincipal: Money;
  readonly overduePrincipal: Money;
  readonly overdueInterest: Money;
  readonly accruedInterest: Money;
  readonly daysPastDue: number;
  /** The old book's debt group: kept as the loan's group until the close classifies it by the policy. */
  readonly debtGroup: number;
  readonly reference: string;
}

export interface OpenedLoan {
  readonly eventId: string;
  /** The opening balances' journal transaction; null when the loan owed nothing at the cut-over. */
  readonly journalTransactionId: string | null;
  readonly status: LoanRow['status'];
}

/**
 * Starts a signed loan from an opening position instead of a disbursement (loan engine event
 * OPENING_POSITION). In the caller's transaction (or its own): the engine state from the
 * position, closed through the last closed day; an OPENING_BALANCE journal transaction valued on
 * the cut-over date (Dr principal and interest receivable / Cr OPENING_BALANCE: the receivables
 * the old book hands over, not income of this fund); the income the loan earned after the
 * cut-over up to the last closed day, if any, as an accrual; the event with its figures; the
 * loan's DPD and the stated debt group; and the audit event — so the loans-to-ledger
 * reconciliation holds from the cut-over date on.
 */
@Injectable()
export class LoanOpeningsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly recorder: LoanEventRecorder,
    private readonly postings: LoanPostings,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  async open(actor: Actor, loanId: string, input: OpeningPositionInput): Promise<OpenedLoan> {
    return this.tx.run((m) => this.openIn(m, actor, loanId, input));
  }

  private async openIn(m: EntityManager, actor: Actor, loanId: string, input: OpeningPositionInput): Promise<OpenedLoan> {
    const row = await loanStore.find(m, actor, loanId, true);
    const [{ events }] = (await m.query(`SELECT count(*)::int AS events FROM loan_events WHERE loan_id = $1`, [row.id])) as Array<{ events: number }>;
    if (row.status !== 'PENDING_DISBURSEMENT' || events > 0) throw new DomainError(LoanErrors['LOAN.OPENING_POSITION_NOT_FIRST'], { status: row.status });
    const { business, lastClosed } = await this.recorder.businessDay(m);
    // The position is at the END of the cut-over day, so that day must be closed already (before the open business date).
    if (input.cutOverDate > lastClosed) {
      throw new DomainError(LoanErrors['LOAN.OPENING_POSITION_INCONSISTENT'], { rule: `the cut-over date must be before the business date ${business}` });
    }
    if (input.disbursedPrincipal.gt(row.approved_amount)) {
      throw new DomainError(LoanErrors['LOAN.OPENING_POSITION_INCONSISTENT'], { rule: 'disbursed > contract amount' });
    }
    const terms = await this.recorder.firstTerms(m, row, input.firstDisbursementDate);
    const event: OpeningPosition = {
      kind: 'OPENING_POSITION',
      date: input.cutOverDate,
      disbursedPrincipal: input.disbursedPrincipal,
      outstandingPrincipal: input.outstandingPrincipal,
      overduePrincipal: input.overduePrincipal,
      overdueInterest: input.overdueInterest,
      accruedInterest: input.accruedInterest,
      daysPastDue: input.daysPastDue,
    };
    const opened = applyOpeningPosition(initialLoanState(terms), event);
    const state = replayToOpenDay(terms, [event], lastClosed).state;
    const atCutOver = earnedIncome(opened);
    const summary = loanSummary(state, state.lastClosedDate);
    const status: LoanRow['status'] = summary.settled ? 'CLOSED' : 'ACTIVE';

    const dims = { loanId: row.id, capitalSourceId: row.capital_source_id };
    const receivable = { principal: opened.outstandingPrincipal, interest: atCutOver.interest };
    const total = receivable.principal.plus(receivable.interest);
    const journalTransactionId = total.isZero()
      ? null
      : await this.ledger.post(
          m,
          actor,
          {
            kind: 'OPENING_BALANCE',
            valueDate: input.cutOverDate,
            bookingDate: business,
            loanId: row.id,
            capitalSourceId: row.capital_source_id,
            description: `Số dư đầu kỳ ${row.contract_number} tại ngày chốt ${input.cutOverDate} (${input.reference})`,
          },
          [
            debit('PRINCIPAL_RECEIVABLE', receivable.principal, dims),
            debit('INTEREST_RECEIVABLE', receivable.interest, dims),
            credit('OPENING_BALANCE', total, dims),
          ],
        );
    // What the loan earned after the cut-over (days closed up to the business date) is income of this fund: the usual catch-up.
    const marks: LoanRow = {
      ...row,
      interest_earned_posted: atCutOver.interest.toFixed(),
      overdue_interest_earned_posted: atCutOver.overdueInterest.toFixed(),
      late_interest_earned_posted: atCutOver.lateInterest.toFixed(),
    };
    await this.postings.accrualCatchUp(m, actor, marks, state, lastClosed, business, true);
    const earned = earnedIncome(state);
    const saved = await loanStore.saveState(m, row.id, state, {
      status,
      closedOn: status === 'CLOSED' ? input.cutOverDate : null,
      trancheCount: 1,
      earnedPosted: { interest: earned.interest.toFixed(), overdue: earned.overdueInterest.toFixed(), late: earned.lateInterest.toFixed() },
    });
    // The old book's group stands until the next close classifies the loan by the policy (domain.md "Restructuring and risk"), as for any loan.
    await m.query(`UPDATE loans SET days_past_due = $2, debt_group = $3, own_debt_group = $3 WHERE id = $1`, [row.id, summary.daysPastDue, input.debtGroup]);
    const [ev] = (await m.query(
      `INSERT INTO loan_events (loan_id, kind, value_date, booking_date, amount, reference, channel, journal_transaction_id, created_by)
       VALUES ($1, 'OPENING_POSITION', $2, $3, $4, $5, 'BOOK_IMPORT', $6, $7) RETURNING id::text AS id`,
      [row.id, input.cutOverDate, business, input.disbursedPrincipal.toFixed(), input.reference, journalTransactionId, actor.userId],
    )) as Array<{ id: string }>;
    await m.query(
      `INSERT INTO loan_opening_positions (event_id, loan_id, cut_over_date, disbursed_principal, outstanding_principal, overdue_principal, overdue_interest,
              accrued_interest, days_past_due, debt_group, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        ev.id,
        row.id,
        input.cutOverDate,
        input.disbursedPrincipal.toFixed(),
        input.outstandingPrincipal.toFixed(),
        input.overduePrincipal.toFixed(),
        input.overdueInterest.toFixed(),
        input.accruedInterest.toFixed(),
        input.daysPastDue,
        input.debtGroup,
        actor.userId,
      ],
    );
    await this.audit.record(m, actor, {
      action: 'loan.open-position',
      entityType: 'loan',
      entityId: row.id,
      before: { status: row.status },
      after: {
        status: saved.status,
        eventId: ev.id,
        journalTransactionId,
        cutOverDate: input.cutOverDate,
        disbursedPrincipal: input.disbursedPrincipal.toFixed(),
        outstandingPrincipal: input.outstandingPrincipal.toFixed(),
        overduePrincipal: input.overduePrincipal.toFixed(),
        overdueInterest: input.overdueInterest.toFixed(),
        accruedInterest: input.accruedInterest.toFixed(),
        daysPastDue: input.daysPastDue,
        debtGroup: input.debtGroup,
      },
    });
    return { eventId: ev.id, journalTransactionId, status: saved.status };
  }
}
