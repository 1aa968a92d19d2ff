import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { TransactionRunner } from '../../../platform/database/index.js';
import { addDays, daysBetween } from '../../../platform/dates/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { Money } from '../../../platform/money/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { RepaymentAbovePayoffError, loanSummary } from '../domain/index.js';
import type { RepaymentPreviewDto, RepaymentPreviewRequestDto } from '../dto/loan-history.dto.js';
import type { MoneyMovementDto, ReversalDto } from '../dto/loan-commands.dto.js';
import type { LoanDto, RepaymentResultDto } from '../dto/loan-views.dto.js';
import { LoanErrors } from '../loans.errors.js';
import { LoanEventRecorder, NEW_EVENT_ID, type RecordedEvent } from './loan-event-recorder.service.js';
import { LoanReversals } from './loan-reversals.service.js';
import { loanStore, type LoanRow } from './loan-store.repository.js';
import { toAllocationLines, toLoanDto, totalsOf } from './loan-views.mapper.js';
import { DisbursementGuards } from './disbursement-guards.js';

/** Seconds a client should wait before retrying a money movement refused because a close chunk holds the loan. */
const CLOSE_RETRY_AFTER_SECONDS = 2;

/**
 * Concurrency with the close (README "Repayments during the close"): a close chunk holds its loans' rows for its transaction. A
 * money movement waits up to REPAYMENT_LOCK_TIMEOUT_MS for the row (lock_timeout → SQLSTATE 55P03),
 * and a loan its chunk has already closed for the open day (the business date not advanced yet;
 * the loans_last_closed_forward trigger raises LM409) is refused too: both are 409
 * CONCURRENCY.CONFLICT with Retry-After, nothing recorded, so the retry is neither lost nor double.
 */
async function closeAware<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const code = e instanceof QueryFailedError ? (e.driverError as { code?: string }).code : undefined;
    if (code === '55P03' || code === 'LM409') throw new DomainError('CONCURRENCY.CONFLICT', { retryAfterSeconds: CLOSE_RETRY_AFTER_SECONDS });
    throw e;
  }
}

/** In-process options of a repayment that no HTTP route passes. */
export interface RepayOptions {
  /**
   * How far before the business date the value date may be, instead of REPAYMENT_BACKDATE_DAYS:
   * the demo loader records years of history backdated (replayed by the engine) this way, while
   * the API it serves keeps the configured window.
   */
  readonly backdateDays?: number;
  /**
   * Work of the caller's own, run in the repayment's transaction after it is recorded (the
   * collateral module's enforcement records its proceeds and costs with the recovery it posts).
   */
  readonly within?: (m: EntityManager, result: RepaymentResultDto) => Promise<void>;
}

/** The engine's refusal of a repayment above the payoff, as the API's domain error (anything else unchanged). */
function payoffRefusal(e: unknown, valueDate: string): unknown {
  if (e instanceof RepaymentAbovePayoffError) {
    return new DomainError(LoanErrors['LOAN.REPAYMENT_ABOVE_PAYOFF'], {
      rule: 'repayment ≤ payoff',
      limit: e.payoff.toFixed(),
      actual: e.amount.toFixed(),
      date: valueDate,
    });
  }
  return e;
}

/** Disbursements and repayments (docs/domain.md "Lending conditions", "Overdue, allocation"): the rules, then the recorder moves the money. */
@Injectable()
export class LoanCommandsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly recorder: LoanEventRecorder,
    private readonly reversals: LoanReversals,
    private readonly guards: DisbursementGuards,
  ) {}

  async disburse(actor: Actor, loanId: string, dto: MoneyMovementDto): Promise<LoanDto> {
    const amount = new Money(dto.amount);
    return closeAware(() =>
      this.tx.run(async (m) => {
        const row = await this.lockLoan(m, actor, loanId);
        if (row.status !== 'PENDING_DISBURSEMENT' && row.status !== 'ACTIVE') throw new DomainError(LoanErrors['LOAN.NOT_DISBURSABLE'], { status: row.status });
        const { business } = await this.recorder.businessDay(m);
        this.checkNotClosing(row, business);
        this.checkValueDate(row, dto.valueDate, business);
        const total = new Money(row.disbursed_principal).plus(amount);
        if (total.gt(row.approved_amount)) {
          throw new DomainError(LoanErrors['LOAN.DISBURSEMENT_ABOVE_APPROVED'], {
            rule: 'Σ disbursements ≤ approved amount',
            limit: new Money(row.approved_amount).toFixed(),
            actual: total.toFixed(),
          });
        }
        if (row.tranche_count + 1 > row.max_tranches) {
          throw new DomainError(LoanErrors['LOAN.TOO_MANY_TRANCHES'], {
            rule: 'tranches ≤ product maximum',
            limit: row.max_tranches,
            actual: row.tranche_count + 1,
          });
        }
        if (row.tranche_count === 0) this.checkCreditReport(row, dto.valueDate);
        await this.guards.check(m, row, dto.valueDate, amount, 'limits');
        if (row.start_date && dto.valueDate < row.start_date) {
          throw new DomainError(LoanErrors['LOAN.BEFORE_FIRST_DISBURSEMENT'], { limit: row.start_date, actual: dto.valueDate });
        }
        // The source row is locked so two disbursements cannot both spend the same availability.
        await m.query(`SELECT 1 FROM capital_sources WHERE id = $1 FOR UPDATE`, [row.capital_source_id]);
        const [fig] = (await m.query(`SELECT capital - outstanding_principal AS available FROM capital_source_figures WHERE capital_source_id = $1`, [
          row.capital_source_id,
        ])) as Array<{ available: string }>;
        const available = new Money(fig?.available ?? 0);
        if (available.lt(amount)) {
          throw new DomainError(LoanErrors['LOAN.CAPITAL_SOURCE_SHORT'], {
            rule: 'disbursement ≤ available capital of the source',
            limit: available.toFixed(),
            actual: amount.toFixed(),
          });
        }
        // Other modules' rules that need the amount (docs/collateral.md "Cover": the pledged cover of the principal after it).
        await this.guards.check(m, row, dto.valueDate, amount, 'last');
        const recorded = await this.recorder.record(m, actor, row, {
          kind: 'DISBURSEMENT',
          amount,
          valueDate: dto.valueDate,
          reference: dto.reference,
          channel: dto.channel,
        });
        return toLoanDto(recorded.row, recorded.state);
      }),
    );
  }

  async repay(actor: Actor, loanId: string, dto: MoneyMovementDto, options: RepayOptions = {}): Promise<RepaymentResultDto> {
    const amount = new Money(dto.amount);
    return closeAware(() =>
      this.tx.run(async (m) => {
        // The lock, lock_timeout reset, business date, installments and reserved ids in one round trip.
        const { row, ctx } = await this.recorder.lockForMoney(m, actor, loanId, this.config.repaymentLockTimeoutMs);
        if (row.status !== 'ACTIVE') throw new DomainError(LoanErrors['LOAN.NOT_ACTIVE'], { status: row.status });
        const { business } = ctx;
        this.checkNotClosing(row, business);
        this.checkRepaymentDate(row, dto.valueDate, business, options.backdateDays);
        const respond = (recorded: RecordedEvent): RepaymentResultDto => {
          const allocation = recorded.allocation;
          if (!allocation) throw new Error('a repayment always has an allocation');
          return {
            repayment: {
              id: recorded.eventId,
              kind: 'REPAYMENT',
              valueDate: dto.valueDate,
              bookingDate: business,
              amount: amount.toFixed(),
              reference: dto.reference,
              channel: dto.channel,
              reversed: false,
              reversalReason: null,
              allocation: toAllocationLines(allocation),
              journalTransactionId: recorded.journalTransactionId,
            },
            totals: totalsOf(allocation),
            loan: toLoanDto(recorded.row, recorded.state),
          };
        };
        try {
          // The response is built before the last statement and stored by it (same transaction as the money).
          const { response } = await this.recorder.record(
            m,
            actor,
            row,
            { kind: 'REPAYMENT', amount, valueDate: dto.valueDate, reference: dto.reference, channel: dto.channel },
            ctx,
            respond,
          );
          if (!response) throw new Error('a repayment always has a response');
          if (options.within) await options.within(m, response);
          return response;
        } catch (e) {
          throw payoffRefusal(e, dto.valueDate);
        }
      }),
    );
  }

  /**
   * A dry run of `repay`: the same checks and the same engine allocation (nextState, as `record`
   * computes it), without the lock and without writing anything, so the officer sees the split
   * and the new balances before confirming. Money moves only through `repay`.
   */
  async previewRepayment(actor: Actor, loanId: string, dto: RepaymentPreviewRequestDto): Promise<RepaymentPreviewDto> {
    const amount = new Money(dto.amount);
    const m = this.dataSource.manager;
    const row = await loanStore.find(m, actor, loanId, false);
    if (row.status !== 'ACTIVE') throw new DomainError(LoanErrors['LOAN.NOT_ACTIVE'], { status: row.status });
    const { business, lastClosed } = await this.recorder.businessDay(m);
    this.checkRepaymentDate(row, dto.valueDate, business);
    try {
      const { state, allocation } = await this.recorder.nextState(m, row, { kind: 'REPAYMENT', id: NEW_EVENT_ID, date: dto.valueDate, amount }, lastClosed);
      if (!allocation) throw new Error('a repayment always has an allocation');
      const settled = loanSummary(state, state.lastClosedDate).settled || allocation.settled;
      const after: LoanRow = {
        ...row,
        status: settled ? 'CLOSED' : 'ACTIVE',
        outstanding_principal: state.outstandingPrincipal.toFixed(),
        closed_on: settled ? dto.valueDate : null,
      };
      return {
        valueDate: dto.valueDate,
        amount: amount.toFixed(),
        allocation: toAllocationLines(allocation).filter((l) => l.amount !== '0'),
        totals: totalsOf(allocation),
        loan: toLoanDto(after, state),
      };
    } catch (e) {
      throw payoffRefusal(e, dto.valueDate);
    }
  }

  reverse(actor: Actor, loanId: string, repaymentId: string, dto: ReversalDto): Promise<LoanDto> {
    return closeAware(() => this.reversals.reverse(actor, loanId, repaymentId, dto.reason));
  }

  /** The loan row FOR UPDATE, waiting at most REPAYMENT_LOCK_TIMEOUT_MS for a close chunk that holds it. */
  private async lockLoan(m: EntityManager, actor: Actor, loanId: string): Promise<LoanRow> {
    const row = await loanStore.find(m, actor, loanId, true, this.config.repaymentLockTimeoutMs);
    await m.query(`SET LOCAL lock_timeout = 0`);
    return row;
  }

  /** Its chunk closed the open day already; the business date advances in a moment (then the retry succeeds). */
  private checkNotClosing(row: LoanRow, business: string): void {
    if (row.last_closed_date !== null && row.last_closed_date >= business)
      throw new DomainError('CONCURRENCY.CONFLICT', { retryAfterSeconds: CLOSE_RETRY_AFTER_SECONDS });
  }

  /** A repayment's value date: not in the future, not before the contract or the first tranche, at most REPAYMENT_BACKDATE_DAYS back. */
  private checkRepaymentDate(row: LoanRow, valueDate: string, business: string, backdateDays = this.config.repaymentBackdateDays): void {
    this.checkValueDate(row, valueDate, business);
    const earliest = addDays(business, -backdateDays);
    if (valueDate < earliest) throw new DomainError(LoanErrors['LOAN.VALUE_DATE_TOO_OLD'], { limit: earliest, actual: valueDate });
    if (row.start_date && valueDate < row.start_date) {
      throw new DomainError(LoanErrors['LOAN.BEFORE_FIRST_DISBURSEMENT'], { limit: row.start_date, actual: valueDate });
    }
  }

  private checkValueDate(row: LoanRow, valueDate: string, business: string): void {
    if (valueDate > business) throw new DomainError(LoanErrors['LOAN.VALUE_DATE_IN_FUTURE'], { limit: business, actual: valueDate });
    if (valueDate < row.signing_date) throw new DomainError(LoanErrors['LOAN.VALUE_DATE_BEFORE_CONTRACT'], { limit: row.signing_date, actual: valueDate });
  }

  /** Decree 45 Art. 22: no bad debt at first disbursement, attested by a recent credit report. */
  private checkCreditReport(row: LoanRow, valueDate: string): void {
    const age = row.credit_report_date ? daysBetween(row.credit_report_date, valueDate) : Number.POSITIVE_INFINITY;
    if (age > this.config.creditReportMaxAgeDays) {
      throw new DomainError(LoanErrors['LOAN.CREDIT_REPORT_STALE'], {
        rule: 'credit report age at first tranche',
        limit: this.config.creditReportMaxAgeDays,
        actual: row.credit_report_date ?? 'none',
      });
    }
  }
}
