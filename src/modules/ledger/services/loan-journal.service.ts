import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Money } from '../../../platform/money/index.js';
import type { AccountPurpose, TransactionKind } from '../domain/accounts.js';

export interface LoanJournalEntry {
  account: AccountPurpose;
  glCode: string;
  nameVi: string;
  nameEn: string;
  /** Debit positive, credit negative (the journal's sign convention). */
  amount: Money;
}

export interface LoanJournalTransaction {
  transactionId: string;
  kind: TransactionKind;
  valueDate: string;
  bookingDate: string;
  description: string;
  reversesTransactionId: string | null;
  reversedByTransactionId: string | null;
  /** A transaction of many loans (the month-end income side pooled per source): only this loan's lines. */
  pooled: boolean;
  entries: LoanJournalEntry[];
}

/**
 * Reads of one loan's journal (the ledger is the only module touching journal_* tables):
 * every transaction carrying the loan, whole when it is the loan's own, and only the loan's
 * lines of a pooled month-end transaction. The caller has already checked the actor may see the loan.
 */
@Injectable()
export class LoanJournalService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async transactionsOf(loanId: string): Promise<LoanJournalTransaction[]> {
    const rows: Array<{
      id: string;
      kind: TransactionKind;
      value_date: string;
      booking_date: string;
      description: string;
      reverses: string | null;
      reversed_by: string | null;
      pooled: boolean;
      entries: Array<{ account: AccountPurpose; glCode: string; nameVi: string; nameEn: string; amount: string }>;
    }> = await this.dataSource.query(
      `WITH own AS (
         SELECT id FROM journal_transactions WHERE loan_id = $1
         UNION
         SELECT DISTINCT transaction_id FROM journal_entries WHERE loan_id = $1
       )
       SELECT t.id::text, t.kind, t.value_date::text, t.booking_date::text, t.description, t.reverses_transaction_id::text AS reverses,
              (SELECT min(r.id)::text FROM journal_transactions r WHERE r.reverses_transaction_id = t.id) AS reversed_by,
              t.loan_id IS NULL AS pooled,
              (SELECT json_agg(json_build_object('account', e.account, 'glCode', a.gl_code, 'nameVi', a.name_vi, 'nameEn', a.name_en, 'amount', e.amount::text)
                        ORDER BY e.amount DESC, e.id)
                 FROM journal_entries e JOIN ledger_accounts a ON a.purpose = e.account
                WHERE e.transaction_id = t.id AND (t.loan_id IS NOT NULL OR e.loan_id = $1)) AS entries
       FROM journal_transactions t JOIN own ON own.id = t.id
       ORDER BY t.value_date, t.id`,
      [loanId],
    );
    return rows.map((r) => ({
      transactionId: r.id,
      kind: r.kind,
      valueDate: r.value_date,
      bookingDate: r.booking_date,
      description: r.description,
      reversesTransactionId: r.reverses,
      reversedByTransactionId: r.reversed_by,
      pooled: r.pooled,
      entries: (r.entries ?? []).map((e) => ({ ...e, amount: new Money(e.amount) })),
    }));
  }
}
