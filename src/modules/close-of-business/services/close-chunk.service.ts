import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { addDays, isEndOfMonth, type LocalDate } from '../../../platform/dates/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { LedgerService } from '../../ledger/index.js';
import { policySqlParams } from '../domain/index.js';
import type { CloseChunkJob } from '../jobs/close-of-business-queues.js';
import * as sql from './close-chunk.sql.js';
import { ClassificationPoliciesService } from './classification-policies.service.js';

/**
 * One chunk of the close of day D (domain.md "Close of business"), in ONE database transaction:
 * lock the range's ACTIVE loans; for each day the loans still lack up to D (normally just D;
 * missed days one by one, in order): bill what is due, accrue the day; then days past due,
 * classification with the cross-loan rule, provisions; at a month-end the income catch-up and
 * provision postings to the ledger and the loan snapshots; the chunk's bookkeeping row and its
 * audit event. A retry after a crash finds the loans closed through D and accrues nothing again.
 */
@Injectable()
export class CloseChunkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly policies: ClassificationPoliciesService,
  ) {}

  /** Runs the chunk; chunkNo < 0 is the parent's sweep of late-comers (no chunk row). Returns the loans closed. */
  async run(actor: Actor, job: CloseChunkJob): Promise<number> {
    const started = Date.now();
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const range = [job.from, job.to];
      const locked = (await m.query(sql.LOCK_LOANS, range)) as Array<{ id: string; last_closed_date: string }>;
      const ids = locked.map((l) => l.id);
      const behind = locked.map((l) => l.last_closed_date).filter((d) => d < job.date);
      const first = behind.length > 0 ? addDays(behind.reduce((a, b) => (a < b ? a : b)), 1) : null;
      // The last day's loan-level billing and accrual are part of the one loan write in closeLoans.
      await m.query(sql.CLOSE_BILLED_TABLE);
      for (let day = first; day !== null && day <= job.date; day = addDays(day, 1)) await this.closeDay(m, ids, day, day < job.date);
      await this.closeLoans(m, actor, ids, job);
      if (this.config.closeTestChunkDelayMs > 0) await m.query(`SELECT pg_sleep($1)`, [this.config.closeTestChunkDelayMs / 1000]);
      if (job.chunkNo >= 0) {
        await m.query(
          `UPDATE close_chunks SET status = 'DONE', loans_done = $3, error = NULL, finished_at = now(), duration_ms = $4
           WHERE business_date = $1 AND chunk_no = $2`,
          [job.date, job.chunkNo, ids.length, Date.now() - started],
        );
      }
      await this.audit.record(m, actor, {
        action: 'close-of-business.chunk',
        entityType: 'close_chunk',
        entityId: `${job.date}#${job.chunkNo}`,
        after: { date: job.date, borrowerFrom: job.from, borrowerTo: job.to, loans: ids.length, daysClosed: behind.length },
      });
      return ids.length;
    });
  }

  /**
   * billDueOn then accrueDays(1) for the loans not yet closed for `day` (engine order: bill, then
   * accrue). A missed day before the last: statement by statement, with the loans' own billing and
   * accrual. The last day: the installments in one write each (BILL_ACCRUE_LAST, which notes the
   * loans billed in close_billed); the loans' billing and accrual are CLOSE_CALC's.
   */
  private async closeDay(m: EntityManager, ids: string[], day: LocalDate, missed: boolean): Promise<void> {
    const statements = missed ? [sql.BILL_INTEREST, sql.BILL_REST, sql.ACCRUE_INSTALLMENTS, sql.ACCRUE_LOANS] : [sql.BILL_ACCRUE_LAST];
    for (const statement of statements) await m.query(statement, [ids, day]);
  }

  /**
   * The last day's accrual, days past due, classification with the cross-loan rule and provisions,
   * computed once over the chunk's installments (CLOSE_CALC); at a month-end the income catch-up and
   * provision postings are selected from those figures; then each loan row is written once
   * (CLOSE_APPLY), and at a month-end the loan snapshots are taken: the chunk's ACTIVE loans from
   * the same figures (SNAPSHOT_ACTIVE), the range's WRITTEN_OFF and lately CLOSED loans from their rows.
   */
  private async closeLoans(m: EntityManager, actor: Actor, ids: string[], job: CloseChunkJob): Promise<void> {
    const monthEnd = isEndOfMonth(job.date);
    const p = policySqlParams(await this.policies.inForce(m, job.date));
    await m.query(sql.CLOSE_CALC, [
      ids, job.date, p.dpdMin, p.dpdGroup, p.rsCount, p.rsDpd, p.rsGroup, p.specificRates, p.generalRate, p.generalGroups, p.deductCollateral, monthEnd,
    ]);
    await m.query(sql.GROUP_HISTORY, [job.date]);
    await m.query(sql.RELEASE_CLOSED, [job.from, job.to]);
    const provisionsPosted = monthEnd ? await this.monthEndPostings(m, actor, job) : false;
    await m.query(sql.CLOSE_APPLY, [monthEnd]);
    if (monthEnd) await m.query(sql.SNAPSHOT_ACTIVE, [job.date]);
    await m.query(`DROP TABLE close_calc, close_billed`);
    if (provisionsPosted) await m.query(sql.PROVISION_MARK_POSTED_CLOSED, [job.from, job.to]);
    if (monthEnd) await m.query(sql.SNAPSHOT_OTHERS, [job.from, job.to, job.date, ids]);
  }

  /**
   * design.md: accruals may be posted in month-end batches as long as the ledger agrees at each
   * month-end; provisions are posted as balances adjusted at each month-end. One journal
   * transaction per kind and chunk: receivable and provision lines per loan, the income side pooled per
   * capital source (INCOME_LINES). Returns whether provisions were posted.
   */
  private async monthEndPostings(m: EntityManager, actor: Actor, job: CloseChunkJob): Promise<boolean> {
    const header = { valueDate: job.date, bookingDate: job.date };
    const [income] = (await m.query(sql.INCOME_PENDING)) as Array<{ n: number }>;
    if (income.n > 0) {
      await this.ledger.postSelect(m, actor, { ...header, kind: 'ACCRUAL', description: `Dự thu lãi cuối tháng ${job.date} (chốt ngày, lô ${job.chunkNo})` }, sql.INCOME_LINES, []);
    }
    const range = [job.from, job.to];
    const [provision] = (await m.query(sql.PROVISION_PENDING, range)) as Array<{ n: number }>;
    if (provision.n > 0) {
      await this.ledger.postSelect(m, actor, { ...header, kind: 'PROVISION', description: `Dự phòng rủi ro cuối tháng ${job.date} (lô ${job.chunkNo})` }, sql.PROVISION_LINES, range);
    }
    return provision.n > 0;
  }
}
