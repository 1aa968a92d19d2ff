import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ZERO } from '../../../platform/money/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { LoanJournalService } from '../../ledger/index.js';
import type { DebtGroupChangeDto, LoanPostingDto } from '../dto/loan-history.dto.js';
import { loanStore } from './loan-store.repository.js';

/** The loan page's history reads: its ledger postings and its debt-group changes (a cooperative user only its own). */
@Injectable()
export class LoanHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly journal: LoanJournalService,
  ) {}

  /** Each journal transaction of the loan with its debit and credit lines (the ledger reads them; design.md). */
  async postings(actor: Actor, id: string): Promise<LoanPostingDto[]> {
    await loanStore.find(this.dataSource.manager, actor, id, false);
    const transactions = await this.journal.transactionsOf(id);
    return transactions.map((t) => ({
      transactionId: t.transactionId,
      kind: t.kind,
      valueDate: t.valueDate,
      bookingDate: t.bookingDate,
      description: t.description,
      reversesTransactionId: t.reversesTransactionId,
      reversedByTransactionId: t.reversedByTransactionId,
      pooled: t.pooled,
      entries: t.entries.map((e) => ({
        account: e.account,
        glCode: e.glCode,
        nameVi: e.nameVi,
        nameEn: e.nameEn,
        debit: e.amount.gt(0) ? e.amount.toFixed() : ZERO.toFixed(),
        credit: e.amount.lt(0) ? e.amount.neg().toFixed() : ZERO.toFixed(),
      })),
    }));
  }

  /** domain.md "Restructuring and risk": each change of debt group with its date and reason, oldest first. */
  async debtGroups(actor: Actor, id: string): Promise<DebtGroupChangeDto[]> {
    await loanStore.find(this.dataSource.manager, actor, id, false);
    const rows: Array<{ date: string; from_group: number; to_group: number; reason: string }> = await this.dataSource.query(
      `SELECT date::text, from_group, to_group, reason FROM loan_group_history WHERE loan_id = $1 ORDER BY date, id`,
      [id],
    );
    return rows.map((r) => ({ date: r.date, fromGroup: r.from_group, toGroup: r.to_group, reason: r.reason }));
  }
}
