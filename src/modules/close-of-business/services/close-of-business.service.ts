import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { addDays, isEndOfMonth, type LocalDate, wallClockDate } from '../../../platform/dates/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../auth/index.js';
import { LoanPostings, loanEngine, loanStore } from '../../loans/index.js';
import { CloseOfBusinessErrors } from '../close-of-business.errors.js';
import { BusinessDateService } from './business-date.service.js';

export interface CloseResult {
  closedDates: LocalDate[];
  businessDate: LocalDate;
  loansProcessed: number;
}

/**
 * Close of business for day D (domain.md): per loan, bill what is due on D, accrue D,
 * leave unpaid amounts overdue, update days past due; at a month-end post the income
 * earned to the ledger; then advance the business date. Idempotent per (loan, date): a loan
 * already closed through D is skipped. Missed days are closed one by one, in order.
 */
@Injectable()
export class CloseOfBusinessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly businessDate: BusinessDateService,
    private readonly postings: LoanPostings,
    private readonly audit: AuditService,
  ) {}

  async closeUntil(actor: Actor, until: LocalDate): Promise<CloseResult> {
    const today = wallClockDate(this.config.businessTimezone);
    if (until >= today && !this.config.allowFutureClose) {
      throw new DomainError(CloseOfBusinessErrors['CLOSE.DATE_NOT_ENDED'], { limit: addDays(today, -1), actual: until });
    }
    const closedDates: LocalDate[] = [];
    let loansProcessed = 0;
    for (let d = await this.businessDate.current(); d <= until; d = addDays(d, 1)) {
      loansProcessed += await this.closeDay(actor, d);
      closedDates.push(d);
    }
    return { closedDates, businessDate: await this.businessDate.current(), loansProcessed };
  }

  async closeDay(actor: Actor, date: LocalDate): Promise<number> {
    const ids = ((await this.dataSource.query(`SELECT id::text FROM loans WHERE status = 'ACTIVE' AND last_closed_date < $1 ORDER BY id`, [date])) as Array<{
      id: string;
    }>).map((r) => r.id);
    for (const id of ids) {
      await this.dataSource.transaction(async (m) => {
        const row = await loanStore.find(m, actor, id, true);
        const state = await loanStore.state(m, row);
        if (!state || state.lastClosedDate >= date) return;
        const closed = loanEngine.closeDay(state, date);
        await loanStore.saveState(m, id, closed, { status: row.status, closedOn: row.closed_on });
        await m.query(`UPDATE loans SET days_past_due = $2 WHERE id = $1`, [id, loanEngine.daysPastDue(closed, date)]);
        if (isEndOfMonth(date)) await this.postings.accrualCatchUp(m, actor, await loanStore.find(m, actor, id, false), closed, date, date);
      });
    }
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE business_date SET open_date = $1, updated_at = now() WHERE open_date = $2`, [addDays(date, 1), date]);
      await this.audit.record(m, actor, { action: 'close-of-business.day', entityType: 'business_date', entityId: date, after: { closed: date, loans: ids.length } });
    });
    return ids.length;
  }
}
