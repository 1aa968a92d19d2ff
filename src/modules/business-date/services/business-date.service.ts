import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { TransactionRunner } from '../../../platform/database/index.js';
import { addDays, type LocalDate, wallClockDate } from '../../../platform/dates/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { LedgerService } from '../../ledger/index.js';
import { BusinessDateErrors } from '../business-date.errors.js';
import type { BusinessDateDto } from '../dto/business-date.dto.js';

function toIso(value: Date | string): LocalDate {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/**
 * The system's business date (design.md): the open day. Only close of business advances
 * it; no calculation reads the wall clock. A new installation starts on today's date in
 * BUSINESS_TIMEZONE unless an admin sets its first day before any money moves.
 */
@Injectable()
export class BusinessDateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
  ) {}

  async current(m: EntityManager = this.dataSource.manager): Promise<LocalDate> {
    const rows: Array<{ open_date: Date | string }> = await m.query(`SELECT open_date::text AS open_date FROM business_date`);
    if (rows[0]) return toIso(rows[0].open_date);
    await m.query(`INSERT INTO business_date (id, open_date) VALUES (true, $1) ON CONFLICT DO NOTHING`, [wallClockDate(this.config.businessTimezone)]);
    return this.current(m);
  }

  async view(): Promise<BusinessDateDto> {
    const businessDate = await this.current();
    return { businessDate, lastClosedDate: addDays(businessDate, -1) };
  }

  async initialize(actor: Actor, date: LocalDate): Promise<BusinessDateDto> {
    return this.tx.run(async (m) => {
      const before = await this.current(m);
      await m.query(`SELECT 1 FROM business_date FOR UPDATE`);
      const n = await this.ledger.loanMoneyTransactions(m);
      if (n > 0) throw new DomainError(BusinessDateErrors['BUSINESS_DATE.ALREADY_IN_USE'], { transactions: n });
      await m.query(`UPDATE business_date SET open_date = $1, updated_at = now()`, [date]);
      await this.audit.record(m, actor, {
        action: 'business-date.initialize',
        entityType: 'business_date',
        entityId: 'system',
        before: { businessDate: before },
        after: { businessDate: date },
      });
      return { businessDate: date, lastClosedDate: addDays(date, -1) };
    });
  }

  /**
   * The close of `closed` succeeded: the open day moves to the next one (design.md: only close of
   * business advances it), in the close's transaction; a no-op when the date has moved already.
   */
  async advance(m: EntityManager, closed: LocalDate): Promise<void> {
    await m.query(`UPDATE business_date SET open_date = $1, updated_at = now() WHERE open_date = $2`, [addDays(closed, 1), closed]);
  }
}
