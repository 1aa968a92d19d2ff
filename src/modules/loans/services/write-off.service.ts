import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../platform/database/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { Money, ZERO, maxMoney, minMoney } from '../../../platform/money/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { LedgerService, credit, debit, type AccountPurpose } from '../../ledger/index.js';
import type { MoneyMovementDto } from '../dto/loan-commands.dto.js';
import type { DecisionDto } from '../dto/restructuring.dto.js';
import type { ProposeWriteOffDto, RecoveryDto, WriteOffDto } from '../dto/write-off.dto.js';
import { LoanErrors } from '../loans.errors.js';
import { LoanRiskErrors } from '../loans-risk.errors.js';
import { LoanEventRecorder } from './loan-event-recorder.service.js';
import { LoanPostings } from './loan-postings.service.js';
import { FourEyesProposal } from './four-eyes-proposal.js';
import { type LoanRow, loanStore } from './loan-store.repository.js';

interface WriteOffRow {
  id: string;
  loan_id: string;
  status: 'PROPOSED' | 'APPROVED' | 'REJECTED';
  reason: string;
  proposed_date: string;
  debt_group_at_proposal: number;
  proposed_by: string;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  effective_date: string | null;
  principal: string | null;
  interest: string | null;
  penalty: string | null;
  total: string | null;
  provision_used: string | null;
  provision_expense: string | null;
  remaining: string | null;
  journal_transaction_id: string | null;
}

const COLUMNS = `id::text, loan_id::text, status, reason, proposed_date::text, debt_group_at_proposal, proposed_by::text, decided_by::text, decided_at,
  decision_note, effective_date::text, principal::text, interest::text, penalty::text, total::text, provision_used::text, provision_expense::text,
  remaining::text, journal_transaction_id::text`;

function toDto(r: WriteOffRow): WriteOffDto {
  return {
    id: r.id,
    loanId: r.loan_id,
    status: r.status,
    reason: r.reason,
    proposedDate: r.proposed_date,
    debtGroupAtProposal: r.debt_group_at_proposal,
    proposedBy: r.proposed_by,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decisionNote: r.decision_note,
    effectiveDate: r.effective_date,
    principal: r.principal,
    interest: r.interest,
    penalty: r.penalty,
    total: r.total,
    provisionUsed: r.provision_used,
    provisionExpense: r.provision_expense,
    remaining: r.remaining,
    journalTransactionId: r.journal_transaction_id,
  };
}

const PROPOSALS = new FourEyesProposal<WriteOffRow, WriteOffDto>({
  table: 'loan_write_offs',
  columns: COLUMNS,
  entity: 'write-off',
  action: 'loan.write-off',
  errors: { notProposed: LoanRiskErrors['WRITE_OFF.NOT_PROPOSED'], fourEyes: LoanRiskErrors['WRITE_OFF.FOUR_EYES'] },
  toDto,
});

/** domain.md "Restructuring and risk": write-off is only for group-5 loans (Circular 14/2024, Decree 86/2024). */
const WRITE_OFF_GROUP = 5;

/**
 * Write-off (xử lý rủi ro, Decree 45 Art. 28) with four eyes, and recoveries afterwards.
 * Approval takes the loan's receivables off the balance sheet against its specific provision
 * (Dr PROVISION_SPECIFIC up to its balance for the loan, Dr PROVISION_EXPENSE for the shortfall,
 * Cr the receivables) and into the off-balance register (Dr WRITTEN_OFF_DEBT / Cr OFF_BALANCE_CONTRA);
 * the loan becomes WRITTEN_OFF and the close skips it. A recovery is income (Dr CASH / Cr
 * RECOVERY_INCOME) and reduces the register. Every step is audited in its transaction.
 */
@Injectable()
export class WriteOffService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly recorder: LoanEventRecorder,
    private readonly postings: LoanPostings,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, loanId: string): Promise<WriteOffDto[]> {
    const m = this.tx.manager;
    await loanStore.find(m, actor, loanId, false);
    const rows: WriteOffRow[] = await m.query(`SELECT ${COLUMNS} FROM loan_write_offs WHERE loan_id = $1 ORDER BY id`, [loanId]);
    return rows.map(toDto);
  }

  async propose(actor: Actor, loanId: string, dto: ProposeWriteOffDto): Promise<WriteOffDto> {
    return this.tx.run(async (m) => {
      const row = await this.groupFiveLoan(m, actor, loanId);
      const open = await PROPOSALS.open(m, loanId, ['PROPOSED', 'APPROVED']);
      if (open) throw new DomainError(LoanRiskErrors['WRITE_OFF.ALREADY_PROPOSED'], { id: open.id, status: open.status });
      const { business } = await this.recorder.businessDay(m);
      const [created] = (await m.query(
        `INSERT INTO loan_write_offs (loan_id, status, reason, proposed_date, debt_group_at_proposal, proposed_by)
         VALUES ($1, 'PROPOSED', $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [loanId, dto.reason, business, row.debt_group, actor.userId],
      )) as WriteOffRow[];
      const out = toDto(created);
      await this.audit.record(m, actor, { action: 'loan.write-off.propose', entityType: 'loan', entityId: loanId, after: out });
      return out;
    });
  }

  async reject(actor: Actor, loanId: string, id: string, dto: DecisionDto): Promise<WriteOffDto> {
    return this.tx.run((m) => PROPOSALS.reject(m, this.audit, actor, loanId, id, dto.note ?? null));
  }

  async approve(actor: Actor, loanId: string, id: string, dto: DecisionDto): Promise<WriteOffDto> {
    return this.tx.run(async (m) => {
      const row = await this.groupFiveLoan(m, actor, loanId);
      const w = await PROPOSALS.lockProposed(m, actor, loanId, id);
      const { business } = await this.recorder.businessDay(m);
      // Income earned through the last closed day is recognised first, so the receivables written off are complete.
      const state = await loanStore.state(m, row);
      if (state) await this.postings.accrualCatchUp(m, actor, row, state, business, business);
      const accounts: AccountPurpose[] = ['PRINCIPAL_RECEIVABLE', 'INTEREST_RECEIVABLE', 'PENALTY_RECEIVABLE', 'PROVISION_SPECIFIC'];
      const balances = (await this.ledger.loanBalances(m, [loanId], accounts)).get(loanId);
      const bal = (a: AccountPurpose): Money => balances?.get(a) ?? ZERO;
      const [principal, interest, penalty] = [bal('PRINCIPAL_RECEIVABLE'), bal('INTEREST_RECEIVABLE'), bal('PENALTY_RECEIVABLE')].map((x) => maxMoney(x, ZERO));
      const total = principal.plus(interest).plus(penalty);
      const used = minMoney(maxMoney(bal('PROVISION_SPECIFIC').neg(), ZERO), total);
      const expense = total.minus(used);
      const dims = { loanId, capitalSourceId: row.capital_source_id };
      const journalId = await this.ledger.post(
        m,
        actor,
        {
          kind: 'WRITE_OFF',
          valueDate: business,
          bookingDate: business,
          loanId,
          capitalSourceId: row.capital_source_id,
          description: `Xử lý rủi ro ${row.contract_number}`,
        },
        [
          debit('PROVISION_SPECIFIC', used, dims),
          debit('PROVISION_EXPENSE', expense, dims),
          credit('PRINCIPAL_RECEIVABLE', principal, dims),
          credit('INTEREST_RECEIVABLE', interest, dims),
          credit('PENALTY_RECEIVABLE', penalty, dims),
          debit('WRITTEN_OFF_DEBT', total, dims),
          credit('OFF_BALANCE_CONTRA', total, dims),
        ],
      );
      const updated = await PROPOSALS.decide(
        m,
        actor,
        id,
        'APPROVED',
        dto.note ?? null,
        `effective_date = $4, principal = $5, interest = $6, penalty = $7, total = $8, provision_used = $9, provision_expense = $10, remaining = $8,
         journal_transaction_id = $11`,
        [business, principal.toFixed(), interest.toFixed(), penalty.toFixed(), total.toFixed(), used.toFixed(), expense.toFixed(), journalId],
      );
      // The close skips WRITTEN_OFF loans; the provision used leaves the close's posted figure (its target is now nil).
      await m.query(
        `UPDATE loans SET status = 'WRITTEN_OFF', specific_provision = 0, specific_provision_posted = GREATEST(specific_provision_posted - $2::numeric, 0), updated_at = now(), position_date = NULL WHERE id = $1`,
        [loanId, used.toFixed()],
      );
      const out = toDto(updated);
      await this.audit.record(m, actor, {
        action: 'loan.write-off.approve',
        entityType: 'loan',
        entityId: loanId,
        before: { status: row.status, writeOff: toDto(w) },
        after: { status: 'WRITTEN_OFF', writeOff: out },
      });
      return out;
    });
  }

  async recoveries(actor: Actor, loanId: string): Promise<RecoveryDto[]> {
    const m = this.tx.manager;
    await loanStore.find(m, actor, loanId, false);
    return m.query(
      `SELECT r.id::text AS "id", r.loan_id::text AS "loanId", r.write_off_id::text AS "writeOffId", r.value_date::text AS "valueDate",
              r.booking_date::text AS "bookingDate", r.amount::text AS "amount", r.reference, r.channel, r.journal_transaction_id::text AS "journalTransactionId",
              (w.total - sum(r.amount) OVER (ORDER BY r.id))::text AS "remaining"
       FROM loan_recoveries r JOIN loan_write_offs w ON w.id = r.write_off_id WHERE r.loan_id = $1 ORDER BY r.id`,
      [loanId],
    );
  }

  /** A recovery of written-off debt: income, and the off-balance register goes down by as much. */
  async recover(actor: Actor, loanId: string, dto: MoneyMovementDto): Promise<RecoveryDto> {
    const amount = new Money(dto.amount);
    return this.tx.run(async (m) => {
      const row = await loanStore.find(m, actor, loanId, true);
      if (row.status !== 'WRITTEN_OFF') throw new DomainError(LoanRiskErrors['RECOVERY.NOT_WRITTEN_OFF'], { status: row.status });
      const [w] = (await m.query(`SELECT ${COLUMNS} FROM loan_write_offs WHERE loan_id = $1 AND status = 'APPROVED' FOR UPDATE`, [loanId])) as WriteOffRow[];
      const { business } = await this.recorder.businessDay(m);
      if (dto.valueDate > business) throw new DomainError(LoanErrors['LOAN.VALUE_DATE_IN_FUTURE'], { limit: business, actual: dto.valueDate });
      if (dto.valueDate < (w.effective_date ?? business))
        throw new DomainError(LoanRiskErrors['RECOVERY.BEFORE_WRITE_OFF'], { limit: w.effective_date, actual: dto.valueDate });
      const remaining = new Money(w.remaining ?? 0);
      if (amount.gt(remaining)) throw new DomainError(LoanRiskErrors['RECOVERY.ABOVE_REMAINING'], { limit: remaining.toFixed(), actual: amount.toFixed() });
      const dims = { loanId, capitalSourceId: row.capital_source_id };
      const journalId = await this.ledger.post(
        m,
        actor,
        {
          kind: 'RECOVERY',
          valueDate: dto.valueDate,
          bookingDate: business,
          loanId,
          capitalSourceId: row.capital_source_id,
          description: `Thu hồi nợ đã xử lý ${row.contract_number} (${dto.reference})`,
        },
        [
          debit('CASH', amount, dims),
          credit('RECOVERY_INCOME', amount, dims),
          debit('OFF_BALANCE_CONTRA', amount, dims),
          credit('WRITTEN_OFF_DEBT', amount, dims),
        ],
      );
      const left = remaining.minus(amount);
      const [{ id }] = (await m.query(
        `INSERT INTO loan_recoveries (loan_id, write_off_id, value_date, booking_date, amount, reference, channel, journal_transaction_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text`,
        [loanId, w.id, dto.valueDate, business, amount.toFixed(), dto.reference, dto.channel, journalId, actor.userId],
      )) as Array<{ id: string }>;
      await m.query(`UPDATE loan_write_offs SET remaining = $2 WHERE id = $1`, [w.id, left.toFixed()]);
      const out: RecoveryDto = {
        id,
        loanId,
        writeOffId: w.id,
        valueDate: dto.valueDate,
        bookingDate: business,
        amount: amount.toFixed(),
        reference: dto.reference,
        channel: dto.channel,
        journalTransactionId: journalId,
        remaining: left.toFixed(),
      };
      await this.audit.record(m, actor, {
        action: 'loan.recovery',
        entityType: 'loan',
        entityId: loanId,
        before: { remaining: remaining.toFixed() },
        after: out,
      });
      return out;
    });
  }

  private async groupFiveLoan(m: EntityManager, actor: Actor, loanId: string): Promise<LoanRow> {
    const row = await loanStore.find(m, actor, loanId, true);
    if (row.status !== 'ACTIVE') throw new DomainError(LoanErrors['LOAN.NOT_ACTIVE'], { status: row.status });
    if (row.debt_group !== WRITE_OFF_GROUP) throw new DomainError(LoanRiskErrors['WRITE_OFF.NOT_GROUP_5'], { actual: row.debt_group });
    return row;
  }
}
