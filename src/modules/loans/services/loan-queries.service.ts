import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addDays } from '../../../platform/dates/index.js';
import { offsetOf, type Page } from '../../../platform/http/index.js';
import { isCooperativeOnly, type Actor } from '../../../platform/actor/index.js';
import { BusinessDateService } from '../../business-date/index.js';
import { closeThrough, payoffQuote, replay } from '../domain/index.js';
import type { InstallmentDto, LoanDto, LoanEventDto, LoanListQueryDto, PayoffDto } from '../dto/loan-views.dto.js';
import { LOAN_COLUMNS, type LoanRow, loanStore, termsOf } from './loan-store.repository.js';
import { toInstallmentDtos, toLoanDto } from './loan-views.mapper.js';

/** Reads of loans; a COOPERATIVE user gets the same views of its own loans and 404 for others. */
@Injectable()
export class LoanQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly businessDate: BusinessDateService,
  ) {}

  async get(actor: Actor, id: string): Promise<LoanDto> {
    const { row, summaryState } = await loanStore.findForSummary(this.dataSource.manager, actor, id);
    return toLoanDto(row, summaryState);
  }

  async schedule(actor: Actor, id: string): Promise<InstallmentDto[]> {
    const { state } = await loanStore.findWithState(this.dataSource.manager, actor, id);
    return toInstallmentDtos(state);
  }

  async transactions(actor: Actor, id: string): Promise<LoanEventDto[]> {
    const m = this.dataSource.manager;
    await loanStore.find(m, actor, id, false);
    const events: Array<{
      id: string;
      kind: string;
      value_date: string;
      booking_date: string;
      amount: string;
      reference: string | null;
      channel: string | null;
      reversed: boolean;
      reversal_reason: string | null;
      journal_transaction_id: string;
      allocation: Array<{ step: string; component: string; installmentSeq: number | null; amount: string }> | null;
    }> = await m.query(
      `SELECT e.id::text, e.kind, e.value_date::text, e.booking_date::text, e.amount::text, e.reference, e.channel,
              e.reversed_at IS NOT NULL AS reversed, e.reversal_reason, e.journal_transaction_id::text,
              (SELECT json_agg(json_build_object('step', a.step, 'component', a.component, 'installmentSeq', a.installment_seq, 'amount', a.amount::text) ORDER BY a.line_no)
                 FROM loan_event_allocations a WHERE a.event_id = e.id AND a.superseded_at IS NULL) AS allocation
       FROM loan_events e WHERE e.loan_id = $1
       UNION ALL
       SELECT 'J' || t.id::text, t.kind, t.value_date::text, t.booking_date::text,
              (SELECT sum(amount)::text FROM journal_entries j WHERE j.transaction_id = t.id AND j.amount > 0), NULL, NULL, false, NULL, t.id::text, NULL
       FROM journal_transactions t WHERE t.loan_id = $1 AND t.kind IN ('ACCRUAL', 'PROVISION', 'WRITE_OFF', 'RECOVERY')
       ORDER BY 3, 1`,
      [id],
    );
    return events.map((e) => ({
      id: e.id,
      kind: e.kind,
      valueDate: e.value_date,
      bookingDate: e.booking_date,
      amount: e.amount ?? '0',
      reference: e.reference,
      channel: e.channel,
      reversed: e.reversed,
      reversalReason: e.reversal_reason,
      allocation: e.allocation ?? [],
      journalTransactionId: e.journal_transaction_id,
    }));
  }

  /** What settles the loan on a date: a past date replays the events, a later one projects. */
  async payoff(actor: Actor, id: string, date?: string): Promise<PayoffDto> {
    const m = this.dataSource.manager;
    const row = await loanStore.find(m, actor, id, false);
    const state = await loanStore.state(m, row);
    const on = date ?? (await this.businessDate.current(m));
    const zero = {
      date: on,
      overdueInterest: '0',
      lateInterest: '0',
      billedInterest: '0',
      accruedInterest: '0',
      duePrincipal: '0',
      notDuePrincipal: '0',
      total: '0',
    };
    if (!state || row.status === 'CLOSED') return zero;
    const terms = termsOf(row);
    const base = on > state.lastClosedDate ? state : terms ? replay(terms, await loanStore.events(m, id), addDays(on, -1)).state : state;
    const q = payoffQuote(on > base.lastClosedDate ? closeThrough(base, addDays(on, -1)) : base, on);
    return {
      date: on,
      overdueInterest: q.overdueInterest.toFixed(),
      lateInterest: q.lateInterest.toFixed(),
      billedInterest: q.billedInterest.toFixed(),
      accruedInterest: q.accruedInterest.toFixed(),
      duePrincipal: q.duePrincipal.toFixed(),
      notDuePrincipal: q.notDuePrincipal.toFixed(),
      total: q.total.toFixed(),
    };
  }

  async list(actor: Actor, q: LoanListQueryDto): Promise<Page<LoanDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (isCooperativeOnly(actor)) add('l.borrower_id = ?', actor.borrowerId ?? '0');
    if (q.status) add('l.status = ?', q.status);
    if (q.borrowerId) add('l.borrower_id = ?', q.borrowerId);
    if (q.sector) add('l.sector_code = ?', q.sector);
    if (q.capitalSourceId) add('l.capital_source_id = ?', q.capitalSourceId);
    if (q.commune) add('b.commune_code = ?', q.commune);
    if (q.overdue === 'true') where.push('l.days_past_due > 0');
    if (q.overdue === 'false') where.push('l.days_past_due = 0');
    // A search by part of the contract number; LIKE's wildcards in the text are taken literally.
    if (q.contractNumber) add(`l.contract_number ILIKE ? ESCAPE '\\'`, `%${q.contractNumber.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = q.sort === 'dpd' ? 'l.days_past_due DESC, l.id DESC' : 'l.id DESC';
    const rows: Array<LoanRow & { borrower_name: string }> = await this.dataSource.query(
      `SELECT ${LOAN_COLUMNS}, b.legal_name AS borrower_name FROM loans l JOIN borrowers b ON b.id = l.borrower_id ${clause}
       ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, offsetOf(q)],
    );
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM loans l JOIN borrowers b ON b.id = l.borrower_id ${clause}`,
      params,
    )) as Array<{
      total: number;
    }>;
    const items: LoanDto[] = [];
    for (const row of rows) items.push({ ...toLoanDto(row, await loanStore.state(this.dataSource.manager, row)), borrowerName: row.borrower_name });
    return { items, page: q.page, pageSize: q.pageSize, total };
  }
}
