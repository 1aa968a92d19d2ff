import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { TransactionRunner, isUniqueViolation } from '../../../platform/database/index.js';
import { wallClockDate, type LocalDate } from '../../../platform/dates/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { Money } from '../../../platform/money/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import type { CharterCapitalDto, SetCharterCapitalDto } from '../dto/capital-source.dto.js';
import { FundErrors } from '../funds.errors.js';

interface Row {
  id: string;
  effective_date: string;
  amount: string;
  note: string | null;
  created_at: Date;
}

const COLUMNS = `id, effective_date::text AS effective_date, amount::text AS amount, note, created_at`;
const toDto = (r: Row): CharterCapitalDto => ({
  id: String(r.id),
  effectiveDate: r.effective_date,
  amount: r.amount,
  note: r.note,
  createdAt: r.created_at.toISOString(),
});

/** The fund's paid-in charter capital, a dated setting (Decree 45 Art. 23.2 limits use the value in force). */
@Injectable()
export class CharterCapitalService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async set(actor: Actor, dto: SetCharterCapitalDto): Promise<CharterCapitalDto> {
    try {
      return await this.tx.run(async (m) => {
        const [row] = (await m.query(
          `INSERT INTO fund_charter_capital (effective_date, amount, note, created_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
          [dto.effectiveDate, dto.amount, dto.note ?? null, actor.userId],
        )) as Row[];
        const created = toDto(row);
        await this.audit.record(m, actor, { action: 'fund.charter-capital.set', entityType: 'fund-charter-capital', entityId: created.id, after: created });
        return created;
      });
    } catch (e) {
      if (isUniqueViolation(e, 'fund_charter_capital_date_key')) {
        throw new DomainError(FundErrors['FUND.CHARTER_CAPITAL_DATE_TAKEN'], { effectiveDate: dto.effectiveDate });
      }
      throw e;
    }
  }

  async history(_actor: Actor): Promise<CharterCapitalDto[]> {
    const rows: Row[] = await this.tx.manager.query(`SELECT ${COLUMNS} FROM fund_charter_capital ORDER BY effective_date DESC`);
    return rows.map(toDto);
  }

  async getInForce(_actor: Actor, on: LocalDate | undefined): Promise<CharterCapitalDto> {
    const date = on ?? wallClockDate(this.config.businessTimezone);
    const row = await this.row(this.tx.manager, date);
    if (!row) throw notFound('charter capital on', date);
    return toDto(row);
  }

  /** The amount in force on a date, or null when none was set by then. */
  async inForce(m: EntityManager, on: LocalDate): Promise<Money | null> {
    const row = await this.row(m, on);
    return row ? new Money(row.amount) : null;
  }

  private async row(m: EntityManager, on: LocalDate): Promise<Row | undefined> {
    const rows: Row[] = await m.query(`SELECT ${COLUMNS} FROM fund_charter_capital WHERE effective_date <= $1 ORDER BY effective_date DESC LIMIT 1`, [on]);
    return rows[0];
  }
}
