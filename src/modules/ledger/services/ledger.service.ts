import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SqlStatement } from '../../../platform/database/index.js';
import type { LocalDate } from '../../../platform/dates/index.js';
import { Money } from '../../../platform/money/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import type { AccountPurpose, TransactionKind } from '../domain/accounts.js';
import { assertBalanced, nonZero, type JournalLine } from '../domain/journal.js';
import { FLOW_KINDS, type FlowCountersSql } from './loan-flow-sql.js';

export interface JournalHeader {
  kind: TransactionKind;
  valueDate: LocalDate;
  bookingDate: LocalDate;
  description: string;
  loanId?: string | null;
  capitalSourceId?: string | null;
  reversesTransactionId?: string | null;
}

export interface AccountBalance {
  account: AccountPurpose;
  glCode: string;
  nameVi: string;
  nameEn: string;
  type: string;
  debit: Money;
  credit: Money;
  balance: Money;
}

/**
 * The only writer of the journal (design.md). Each posting is one transaction whose lines
 * sum to zero, written with the caller's manager so it commits with the state change and
 * its audit event. Balances are aggregated from entries: there is no balance row to contend on.
 * A flow posting (loan-flow-sql.ts) carries, in the same statement, the CTE that the loans module
 * registered to keep each loan's cumulative flow counters (the loans own those columns), so every
 * path that moves them (repayment, reversal, disbursement, import…) is covered and the report's
 * period flows never drift from the journal.
 */
@Injectable()
export class LedgerService {
  private flowCounters: FlowCountersSql | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The loans module's writer of its flow counters (LoanPostings registers it when the module starts). */
  keepFlowCountersWith(sql: FlowCountersSql): void {
    this.flowCounters = sql;
  }

  private addToFlowCountersSql(lines: string, kind: string, valueDate: string): string {
    if (!this.flowCounters) throw new Error('a loan flow posting needs the loans module (its flow counters)');
    return this.flowCounters(lines, kind, valueDate);
  }

  async post(m: EntityManager, actor: Actor, header: JournalHeader, lines: readonly JournalLine[]): Promise<string> {
    const kept = nonZero(lines);
    assertBalanced(kept);
    // Header, entries and (for the report's flow kinds) the loans' flow counters in one round trip.
    const counters = FLOW_KINDS.includes(header.kind)
      ? `, f AS (${this.addToFlowCountersSql(`SELECT u.l AS loan_id, u.a AS account, u.x AS amount FROM unnest($9::text[], $11::bigint[], $12::numeric[]) AS u(a, l, x)`, '$1::text', '$2::date')})`
      : '';
    const [{ id }] = (await m.query(
      `WITH t AS (
         INSERT INTO journal_transactions (kind, value_date, booking_date, loan_id, capital_source_id, reverses_transaction_id, description, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
       ), e AS (
         INSERT INTO journal_entries (transaction_id, account, capital_source_id, loan_id, value_date, amount)
         SELECT t.id, u.a, u.c, u.l, $2, u.x FROM t, unnest($9::text[], $10::bigint[], $11::bigint[], $12::numeric[]) AS u(a, c, l, x)
       )${counters}
       SELECT id FROM t`,
      [
        header.kind,
        header.valueDate,
        header.bookingDate,
        header.loanId ?? null,
        header.capitalSourceId ?? null,
        header.reversesTransactionId ?? null,
        header.description,
        actor.userId,
        kept.map((l) => l.account),
        kept.map((l) => l.capitalSourceId ?? null),
        kept.map((l) => l.loanId ?? null),
        kept.map((l) => l.amount.toFixed()),
      ],
    )) as Array<{ id: string }>;
    return String(id);
  }

  /**
   * The same posting as `post`, as two CTEs of the caller's statement (written with its other
   * parts in one round trip). `id` was reserved beforehand from the transactions' sequence
   * (`nextval`), so the caller knows it before the statement runs. Balanced-or-throw as `post`.
   */
  /**
   * `flows: 'merged'`: the caller's statement already updates the posting's loan row (a money
   * movement writes the loan's state with its journal), and PostgreSQL applies only one of two
   * updates of a row in one statement; so no counters CTE is added here and the caller must add
   * the counters of `${name}_entries` (its RETURNING loan_id, account, amount) in that update, with
   * the loans module's definition (flow-counters.sql.ts). Claims the statement's one flow update
   * either way; a posting of a kind that is not a flow needs nothing.
   */
  postIn(
    stmt: SqlStatement,
    name: string,
    actor: Actor,
    header: JournalHeader,
    lines: readonly JournalLine[],
    id: string,
    flows: 'own' | 'merged' = 'own',
  ): void {
    const kept = nonZero(lines);
    assertBalanced(kept);
    const tx = stmt.add(id);
    const valueDate = stmt.add(header.valueDate);
    stmt.cte(
      name,
      `INSERT INTO journal_transactions (id, kind, value_date, booking_date, loan_id, capital_source_id, reverses_transaction_id, description, created_by)
       OVERRIDING SYSTEM VALUE
       VALUES (${tx}::bigint, ${stmt.add(header.kind)}, ${valueDate}::date, ${stmt.add(header.bookingDate)}::date, ${stmt.add(header.loanId ?? null)}::bigint,
               ${stmt.add(header.capitalSourceId ?? null)}::bigint, ${stmt.add(header.reversesTransactionId ?? null)}::bigint, ${stmt.add(header.description)},
               ${stmt.add(actor.userId)}::bigint)`,
    );
    stmt.cte(
      `${name}_entries`,
      `INSERT INTO journal_entries (transaction_id, account, capital_source_id, loan_id, value_date, amount)
       SELECT ${tx}::bigint, u.a, u.c, u.l, ${valueDate}::date, u.x
       FROM unnest(${stmt.add(kept.map((l) => l.account))}::text[], ${stmt.add(kept.map((l) => l.capitalSourceId ?? null))}::bigint[],
                   ${stmt.add(kept.map((l) => l.loanId ?? null))}::bigint[], ${stmt.add(kept.map((l) => l.amount.toFixed()))}::numeric[]) AS u(a, c, l, x)
       RETURNING loan_id, account, amount`,
    );
    if (FLOW_KINDS.includes(header.kind)) {
      // The loans' flow counters with the entries, as `post` keeps them; a second flow posting in
      // the same statement would update the same loan row twice (only one would count).
      stmt.once('loan flow counters');
      if (flows === 'merged') return;
      stmt.cte(
        `${name}_flows`,
        this.addToFlowCountersSql(`SELECT loan_id, account, amount FROM ${name}_entries`, `${stmt.add(header.kind)}::text`, `${valueDate}::date`),
      );
    }
  }

  /** A new transaction with every line negated; the original stays (nothing is deleted). */
  async reverse(m: EntityManager, actor: Actor, transactionId: string, header: Omit<JournalHeader, 'reversesTransactionId'>): Promise<string> {
    const rows: Array<{ account: AccountPurpose; capital_source_id: string | null; loan_id: string | null; amount: string }> = await m.query(
      `SELECT account, capital_source_id, loan_id, amount FROM journal_entries WHERE transaction_id = $1 ORDER BY id`,
      [transactionId],
    );
    const lines: JournalLine[] = rows.map((r) => ({
      account: r.account,
      capitalSourceId: r.capital_source_id === null ? null : String(r.capital_source_id),
      loanId: r.loan_id === null ? null : String(r.loan_id),
      amount: new Money(r.amount).neg(),
    }));
    return this.post(m, actor, { ...header, reversesTransactionId: transactionId }, lines);
  }

  /**
   * Set-based posting for batch jobs: `linesSql` is a SELECT yielding (account, capital_source_id,
   * loan_id, amount) whose amounts sum to zero by construction. Checked after insert; an
   * unbalanced batch throws and the caller's transaction rolls back.
   */
  async postSelect(
    m: EntityManager,
    actor: Actor,
    header: JournalHeader,
    linesSql: string,
    params: unknown[],
  ): Promise<{ transactionId: string; lines: number }> {
    const [{ id }] = (await m.query(
      `INSERT INTO journal_transactions (kind, value_date, booking_date, loan_id, capital_source_id, description, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [header.kind, header.valueDate, header.bookingDate, header.loanId ?? null, header.capitalSourceId ?? null, header.description, actor.userId],
    )) as Array<{ id: string }>;
    const offset = params.length;
    const inserted: Array<{ n: number; total: string | null }> = await m.query(
      `WITH ins AS (
         INSERT INTO journal_entries (transaction_id, account, capital_source_id, loan_id, value_date, amount)
         SELECT $${offset + 1}::bigint, s.account, s.capital_source_id, s.loan_id, $${offset + 2}::date, s.amount
         FROM (${linesSql}) s WHERE s.amount <> 0
         RETURNING loan_id, account, amount
       )${FLOW_KINDS.includes(header.kind) ? `, f AS (${this.addToFlowCountersSql('SELECT loan_id, account, amount FROM ins', `$${offset + 3}::text`, `$${offset + 2}::date`)})` : ''}
       SELECT count(*)::int AS n, sum(amount)::text AS total FROM ins`,
      [...params, id, header.valueDate, ...(FLOW_KINDS.includes(header.kind) ? [header.kind] : [])],
    );
    const { n, total } = inserted[0];
    if (total !== null && !new Money(total).isZero()) throw new Error(`unbalanced batch posting ${header.kind}: lines sum to ${total}`);
    return { transactionId: String(id), lines: n };
  }

  /** Trial balance: every account's debits, credits and balance as of a value date. */
  async trialBalance(asOf: LocalDate): Promise<AccountBalance[]> {
    const rows: Array<{ purpose: AccountPurpose; gl_code: string; name_vi: string; name_en: string; type: string; debit: string; credit: string }> =
      await this.dataSource.query(
        `SELECT a.purpose, a.gl_code, a.name_vi, a.name_en, a.type,
                coalesce(sum(e.amount) FILTER (WHERE e.amount > 0), 0)::text AS debit,
                coalesce(-sum(e.amount) FILTER (WHERE e.amount < 0), 0)::text AS credit
         FROM ledger_accounts a LEFT JOIN journal_entries e ON e.account = a.purpose AND e.value_date <= $1
         GROUP BY a.purpose ORDER BY a.gl_code`,
        [asOf],
      );
    return rows.map((r) => ({
      account: r.purpose,
      glCode: r.gl_code,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      type: r.type,
      debit: new Money(r.debit),
      credit: new Money(r.credit),
      balance: new Money(r.debit).minus(r.credit),
    }));
  }

  /** How many journal transactions moved money other than capital (the business date may be reset only before the first). */
  async loanMoneyTransactions(m: EntityManager): Promise<number> {
    const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM journal_transactions WHERE kind <> 'CAPITAL_MOVEMENT'`)) as Array<{ n: number }>;
    return n;
  }

  /** Transactions whose entries do not sum to zero (the integrity check lists none). */
  async unbalancedTransactions(): Promise<string[]> {
    const rows: Array<{ transaction_id: string }> = await this.dataSource.query(
      `SELECT transaction_id FROM journal_entries GROUP BY transaction_id HAVING sum(amount) <> 0 ORDER BY transaction_id LIMIT 100`,
    );
    return rows.map((r) => String(r.transaction_id));
  }

  /** Per-loan balances of the given accounts as of a value date (reconciliation, statements). */
  async loanBalances(
    m: EntityManager,
    loanIds: readonly string[] | null,
    accounts: readonly AccountPurpose[],
    asOf?: LocalDate,
  ): Promise<Map<string, Map<AccountPurpose, Money>>> {
    const rows: Array<{ loan_id: string; account: AccountPurpose; balance: string }> = await m.query(
      `SELECT loan_id, account, sum(amount)::text AS balance FROM journal_entries
       WHERE loan_id IS NOT NULL AND account = ANY($1::text[]) AND ($2::bigint[] IS NULL OR loan_id = ANY($2::bigint[]))
         AND ($3::date IS NULL OR value_date <= $3)
       GROUP BY loan_id, account`,
      [accounts, loanIds, asOf ?? null],
    );
    const out = new Map<string, Map<AccountPurpose, Money>>();
    for (const r of rows) {
      const key = String(r.loan_id);
      const byAccount = out.get(key) ?? new Map<AccountPurpose, Money>();
      byAccount.set(r.account, new Money(r.balance));
      out.set(key, byAccount);
    }
    return out;
  }
}
