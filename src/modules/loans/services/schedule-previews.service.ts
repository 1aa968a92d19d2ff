import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { Money, percentToFraction, sum } from '../../../platform/money/index.js';
import { type AllocationStep, type Frequency, buildSchedule, calendarYearsFor, makeLoanTerms, validateLoanTerms, withDueDateMoves } from '../domain/index.js';
import type { BusinessDayRule } from '../../../platform/dates/index.js';
import { CalendarService } from '../../calendar/index.js';
import type { SchedulePreviewDto, SchedulePreviewResultDto } from '../dto/schedule-preview.dto.js';
import { LoanErrors } from '../loans.errors.js';

interface VersionRow {
  annual_interest_rate_percent: string;
  overdue_multiplier: string;
  late_interest_rate_percent: string;
  principal_frequency: Frequency;
  interest_frequency: Frequency;
  amortization_method: 'EQUAL_PRINCIPAL' | 'ANNUITY' | 'BULLET';
  principal_grace_periods: number;
  rounding_unit: string;
  allocation_order: AllocationStep[];
  prepayment_mode: 'REDUCE_INSTALLMENT' | 'SHORTEN_TERM';
  min_term_months: number;
  business_day_rule: BusinessDayRule;
}

/** The schedule an officer shows while appraising: computed by the engine, nothing saved. */
@Injectable()
export class SchedulePreviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async preview(dto: SchedulePreviewDto): Promise<SchedulePreviewResultDto> {
    let v: VersionRow | undefined;
    if (dto.productVersionId) {
      [v] = (await this.dataSource.query(`SELECT * FROM loan_product_versions WHERE id = $1`, [dto.productVersionId])) as VersionRow[];
      if (!v) throw notFound('product version', dto.productVersionId);
    }
    const rate = dto.annualInterestRatePercent ?? v?.annual_interest_rate_percent;
    const termMonths = dto.termMonths ?? v?.min_term_months;
    if (rate === undefined || termMonths === undefined) {
      throw new DomainError('REQUEST.VALIDATION_FAILED', { count: 1 }, [
        { field: rate === undefined ? 'annualInterestRatePercent' : 'termMonths', rule: 'required', message: 'give a productVersionId or explicit terms' },
      ]);
    }
    const plain = makeLoanTerms({
      annualRate: percentToFraction(rate),
      termMonths,
      startDate: dto.disbursementDate,
      method: dto.amortizationMethod ?? v?.amortization_method,
      principalFrequency: dto.principalFrequency ?? v?.principal_frequency,
      interestFrequency: dto.interestFrequency ?? v?.interest_frequency,
      overdueMultiplier: v ? new Money(v.overdue_multiplier) : undefined,
      lateInterestRate: v ? percentToFraction(v.late_interest_rate_percent) : undefined,
      gracePeriods: dto.gracePeriods ?? v?.principal_grace_periods,
      roundingUnit: dto.roundingUnit ? new Money(dto.roundingUnit) : v ? new Money(v.rounding_unit) : undefined,
      allocationOrder: v?.allocation_order,
      prepaymentMode: v?.prepayment_mode,
      // docs/working-days.md: the rule of the product (or the one asked for), on the fund's calendar.
      businessDayRule: dto.businessDayRule ?? v?.business_day_rule ?? 'NEXT_WORKING_DAY',
    });
    const violations = validateLoanTerms(plain);
    if (violations.length) throw new DomainError(LoanErrors['LOAN.INVALID_TERMS'], { violations: violations.map((x) => x.message).join('; ') });
    const { fromYear, toYear } = calendarYearsFor(plain);
    const terms =
      plain.businessDayRule === 'NONE' ? plain : withDueDateMoves(plain, await this.calendar.workingCalendar(this.dataSource.manager, fromYear, toYear));
    const rows = buildSchedule(terms, new Money(dto.amount));
    return {
      maturityDate: rows.at(-1)?.dueDate ?? terms.maturityDate,
      businessDayRule: terms.businessDayRule,
      totalPrincipal: sum(rows.map((r) => r.principal)).toFixed(),
      totalInterest: sum(rows.map((r) => r.interest)).toFixed(),
      installments: rows.map((r) => ({
        seq: r.seq,
        dueDate: r.dueDate,
        days: r.days,
        principal: r.principal.toFixed(),
        interest: r.interest.toFixed(),
        total: r.principal.plus(r.interest).toFixed(),
        balanceAfter: r.balanceAfter.toFixed(),
        contractualDate: r.contractualDate ?? r.dueDate,
        moved: r.contractualDate !== undefined,
        moveReason: r.moveReason ?? null,
      })),
    };
  }
}
