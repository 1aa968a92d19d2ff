import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { BusinessDateService } from '../../business-date/index.js';
import type { DpdBucketDto, WorkQueuesDto, WorkspaceDto } from '../dto/workspace.dto.js';

/**
 * Read-only counts for the home page's work queues (the officers' and approvers' day), computed
 * in one round trip of small aggregates over indexed statuses. A read model like the reports: it
 * reads other modules' tables and writes nothing.
 */
/**
 * Days-past-due buckets at the default classification thresholds (docs/domain.md, debt groups under
 * the microfinance rules: 10, 30, 90 and 180 days), the same as the aging report's.
 */
const DPD_BUCKETS: ReadonlyArray<readonly [number, number | null]> = [
  [1, 9],
  [10, 29],
  [30, 89],
  [90, 179],
  [180, null],
];

@Injectable()
export class WorkQueuesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly businessDate: BusinessDateService,
  ) {}

  async workspace(_actor: Actor): Promise<WorkspaceDto> {
    const date = await this.businessDate.view();
    return { fundName: this.config.fundName, provinceCode: this.config.fundProvinceCode, ...date };
  }

  async queues(_actor: Actor): Promise<WorkQueuesDto> {
    const [row]: Array<Record<string, string | number | null>> = await this.dataSource.query(`
      SELECT
        (SELECT count(*) FROM loan_applications a
          WHERE a.status = 'SUBMITTED'
             OR (a.status = 'UNDER_APPRAISAL' AND NOT EXISTS (SELECT 1 FROM appraisals p WHERE p.application_id = a.id)))::int AS to_appraise,
        (SELECT count(*) FROM loan_applications a
          WHERE a.status = 'UNDER_APPRAISAL' AND EXISTS (SELECT 1 FROM appraisals p WHERE p.application_id = a.id))::int AS awaiting_approval,
        (SELECT count(*) FROM loan_restructurings WHERE status = 'PROPOSED')::int AS restructurings,
        (SELECT count(*) FROM loan_write_offs WHERE status = 'PROPOSED')::int AS write_offs,
        (SELECT count(*) FROM recall_cases WHERE status = 'PROPOSED')::int AS recalls,
        ((SELECT count(*) FROM loan_applications WHERE status = 'APPROVED' AND contracted_at IS NULL)
          + (SELECT count(*) FROM loans WHERE status = 'PENDING_DISBURSEMENT'))::int AS approved_not_disbursed,
        (SELECT count(DISTINCT l.import_id) FROM repayment_import_lines l WHERE l.outcome = 'UNMATCHED')::int AS imports_unmatched,
        (SELECT count(*) FROM repayment_import_lines WHERE outcome = 'UNMATCHED')::int AS unmatched_lines`);
    const buckets: Array<{ bucket: number; loans: number; overdue: string }> = await this.dataSource.query(
      `SELECT width_bucket(days_past_due, $1::int[]) AS bucket, count(*)::int AS loans,
              coalesce(sum(coalesce(position_overdue_principal, 0) + coalesce(position_overdue_interest, 0)), 0)::text AS overdue
         FROM loans WHERE status = 'ACTIVE' AND days_past_due > 0 GROUP BY 1 ORDER BY 1`,
      [DPD_BUCKETS.map(([from]) => from)],
    );
    const overdueByDpd: DpdBucketDto[] = DPD_BUCKETS.map(([fromDays, toDays], i) => {
      const b = buckets.find((x) => Number(x.bucket) === i + 1);
      return { fromDays, toDays, loans: b?.loans ?? 0, overdueAmount: b?.overdue ?? '0' };
    });
    const [close]: Array<{ business_date: string; status: string; finished_at: Date | null; loans_total: number; loans_done: number }> =
      await this.dataSource.query(
        `SELECT business_date::text AS business_date, status, finished_at, loans_total, loans_done FROM close_runs ORDER BY business_date DESC LIMIT 1`,
      );
    const date = await this.businessDate.current();
    // README "The loan file": disbursements of ACTIVE loans whose use is not inspected yet, by the product's window.
    const [inspections]: Array<{ due: number; overdue: number }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE e.value_date + v.inspection_days >= $1)::int AS due, count(*) FILTER (WHERE e.value_date + v.inspection_days < $1)::int AS overdue
         FROM loan_events e JOIN loans l ON l.id = e.loan_id JOIN loan_product_versions v ON v.id = l.product_version_id
        WHERE e.kind = 'DISBURSEMENT' AND e.reversed_at IS NULL AND l.status = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM use_inspections i WHERE i.disbursement_event_id = e.id)`,
      [date],
    );
    // docs/collateral.md "Registration, insurance, expiries": active assets whose valuation, registration or insurance
    // falls due within the warning days (or has passed), and release proposals awaiting an approver.
    const [collateral]: Array<{ expiring: number; releases: number }> = await this.dataSource.query(
      `WITH s AS (SELECT revaluation_months, expiry_warning_days FROM collateral_settings),
       a AS (
         SELECT (SELECT max(valuation_date) FROM collateral_valuations v WHERE v.asset_id = x.id) + make_interval(months => s.revaluation_months) AS revalue,
                (SELECT expiry_date FROM collateral_registrations r WHERE r.asset_id = x.id ORDER BY registration_date DESC, id DESC LIMIT 1) AS registration,
                (SELECT expiry_date FROM collateral_insurances i WHERE i.asset_id = x.id ORDER BY expiry_date DESC, id DESC LIMIT 1) AS insurance,
                s.expiry_warning_days AS days
           FROM collateral_assets x CROSS JOIN s WHERE x.status = 'ACTIVE')
       SELECT (SELECT count(*) FROM a WHERE least(revalue::date, registration, insurance) <= $1::date + days)::int AS expiring,
              (SELECT count(*) FROM collateral_releases WHERE status = 'PROPOSED')::int AS releases`,
      [date],
    );
    return {
      businessDate: date,
      collateralExpiring: collateral?.expiring ?? 0,
      collateralReleasesAwaitingApproval: collateral?.releases ?? 0,
      applicationsToAppraise: Number(row?.to_appraise ?? 0),
      applicationsAwaitingApproval: Number(row?.awaiting_approval ?? 0),
      restructuringsAwaitingApproval: Number(row?.restructurings ?? 0),
      writeOffsAwaitingApproval: Number(row?.write_offs ?? 0),
      recallsAwaitingApproval: Number(row?.recalls ?? 0),
      inspectionsDue: inspections?.due ?? 0,
      inspectionsOverdue: inspections?.overdue ?? 0,
      approvedNotDisbursed: Number(row?.approved_not_disbursed ?? 0),
      overdueLoans: overdueByDpd.reduce((s, b) => s + b.loans, 0),
      overdueByDpd,
      importsWithUnmatchedLines: Number(row?.imports_unmatched ?? 0),
      unmatchedLines: Number(row?.unmatched_lines ?? 0),
      lastClose: close
        ? {
            businessDate: close.business_date,
            status: close.status,
            finishedAt: close.finished_at?.toISOString() ?? null,
            loansTotal: close.loans_total,
            loansDone: close.loans_done,
          }
        : null,
    };
  }
}
