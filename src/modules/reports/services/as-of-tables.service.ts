import { Injectable } from '@nestjs/common';
import { offsetOf, type Page } from '../../../platform/http/index.js';
import { Money, formatFraction } from '../../../platform/money/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { ReconciliationService } from '../../loans/index.js';
import { CommunesService } from '../../reference/index.js';
import { AGING_BUCKETS, formatPercent, sharesOf } from '../domain/index.js';
import type { AsOfQueryDto, LoanListReportQueryDto } from '../dto/report-query.dto.js';
import { SHARE_METHOD } from './portfolio-report.service.js';
import { AsOfService } from './as-of.service.js';
import { ReplicaReads, SqlParams } from '../../../platform/database/index.js';
import { positionsCte } from '../../loans/index.js';

export interface AgingReport {
  report: 'AGING';
  asOf: string;
  source: string;
  shareMethod: typeof SHARE_METHOD;
  rows: { bucket: string; minDpd: number; loanCount: number; outstanding: string; overduePrincipal: string; share: { exact: string; display: string } }[];
  totals: { loanCount: number; outstanding: string; overduePrincipal: string };
}

export interface LoanListItem {
  loanId: string;
  contractNumber: string;
  borrowerId: string;
  borrowerName: string;
  borrowerType: string;
  sectorCode: string;
  sectorVersion: string;
  communeCode: string;
  communeNameVi: string | null;
  communeNameEn: string | null;
  status: string;
  disbursed: string;
  outstanding: string;
  overduePrincipal: string;
  overdueInterest: string;
  penaltyInterest: string;
  daysPastDue: number;
  debtGroup: number;
  specificProvision: string;
  generalProvision: string;
  /** The fund of origin a book import tagged the loan with; null: the fund's own book. */
  origin: string | null;
  /** A contract brought in under older terms that break the product's current limits (docs/book-import.md). */
  legacyTerms: boolean;
  legacyRules: string[];
}

export interface CapitalSourceReport {
  report: 'CAPITAL_SOURCES';
  asOf: string;
  rows: {
    capitalSourceId: string;
    name: string;
    kind: string;
    bearsCreditRisk: boolean;
    capital: string;
    disbursed: string;
    repaid: string;
    outstanding: string;
    available: string;
    interestEarned: string;
  }[];
}

export interface ReconciliationReport {
  report: 'RECONCILIATION';
  asOf: string;
  loansChecked: number;
  ledgerPrincipal: string;
  eventPrincipal: string;
  mismatches: { loanId: string; contractNumber: string; account: string; loanBalance: string; ledger: string }[];
  unbalancedTransactions: string[];
  /** On the last closed date also the loan cache (interest, penalties) against the ledger. */
  cache: { mismatches: number; checked: boolean };
}

const AGING_SQL = `CASE ${[...AGING_BUCKETS]
  .reverse()
  .map((b) => `WHEN pos.dpd >= ${b.minDpd} THEN '${b.bucket}'`)
  .join(' ')} END`;

/** Aging, the loan list, capital sources and reconciliation as of any date (domain.md "Reports the fund files and auditors ask for"). */
@Injectable()
export class AsOfTablesService {
  constructor(
    private readonly replica: ReplicaReads,
    private readonly asOfs: AsOfService,
    private readonly reconciliation: ReconciliationService,
    private readonly communes: CommunesService,
  ) {}

  async aging(_actor: Actor, q: AsOfQueryDto): Promise<AgingReport> {
    const { asOf, lastClosed } = await this.asOfs.resolveDate(q.asOf);
    const plan = await this.asOfs.plan(asOf, lastClosed);
    const p = new SqlParams();
    const rows: Array<{ bucket: string; n: number; outstanding: string; overdue: string }> = await this.replica.query(
      `WITH ${positionsCte(plan, p)}
       SELECT ${AGING_SQL} AS bucket, count(*)::int AS n, sum(pos.outstanding)::text AS outstanding, sum(pos.overdue_principal)::text AS overdue
       FROM pos WHERE pos.outstanding > 0 GROUP BY 1`,
      p.values,
    );
    const by = new Map(rows.map((r) => [r.bucket, r]));
    const list = AGING_BUCKETS.map((b) => ({ b, r: by.get(b.bucket) }));
    const shares = sharesOf(list.map(({ r }) => new Money(r?.outstanding ?? 0)));
    return {
      report: 'AGING',
      asOf,
      source: plan.source,
      shareMethod: SHARE_METHOD,
      rows: list.map(({ b, r }, i) => ({
        bucket: b.bucket,
        minDpd: b.minDpd,
        loanCount: r?.n ?? 0,
        outstanding: r?.outstanding ?? '0',
        overduePrincipal: r?.overdue ?? '0',
        share: { exact: formatFraction(shares[i].share), display: formatPercent(shares[i].displayPercent) },
      })),
      totals: {
        loanCount: rows.reduce((n, r) => n + r.n, 0),
        outstanding: rows.reduce((s, r) => s.plus(r.outstanding), new Money(0)).toFixed(),
        overduePrincipal: rows.reduce((s, r) => s.plus(r.overdue), new Money(0)).toFixed(),
      },
    };
  }

  /** Loans disbursed by D, in loan id order; `page` pages the JSON, an export walks every page. */
  async loanList(_actor: Actor, q: LoanListReportQueryDto): Promise<Page<LoanListItem> & { asOf: string; source: string }> {
    const { asOf, lastClosed } = await this.asOfs.resolveDate(q.asOf);
    const [{ total }] = (await this.replica.query(
      `SELECT count(DISTINCT loan_id)::int AS total FROM loan_events WHERE kind IN ('DISBURSEMENT', 'OPENING_POSITION') AND reversed_at IS NULL AND value_date <= $1`,
      [asOf],
    )) as Array<{ total: number }>;
    const ids = (
      (await this.replica.query(
        `SELECT loan_id::text AS id FROM loan_events WHERE kind IN ('DISBURSEMENT', 'OPENING_POSITION') AND reversed_at IS NULL AND value_date <= $1
       GROUP BY loan_id ORDER BY loan_id LIMIT $2 OFFSET $3`,
        [asOf, q.pageSize, offsetOf(q)],
      )) as Array<{ id: string }>
    ).map((r) => r.id);
    const plan = await this.asOfs.plan(asOf, lastClosed, ids);
    const p = new SqlParams();
    const rows: Array<Record<string, string | number>> = await this.replica.query(
      `WITH ${positionsCte(plan, p)}
       SELECT l.id::text AS "loanId", l.contract_number AS "contractNumber", b.id::text AS "borrowerId", b.legal_name AS "borrowerName", b.type AS "borrowerType",
              l.sector_code AS "sectorCode", l.sector_version AS "sectorVersion", b.commune_code AS "communeCode", l.status,
              pos.disbursed::text AS disbursed, pos.outstanding::text AS outstanding, pos.overdue_principal::text AS "overduePrincipal",
              pos.overdue_interest::text AS "overdueInterest", pos.penalty_interest::text AS "penaltyInterest", pos.dpd::int AS "daysPastDue",
              pos.debt_group::int AS "debtGroup", pos.specific_provision::text AS "specificProvision", pos.general_provision::text AS "generalProvision",
              l.origin, l.legacy_terms AS "legacyTerms", coalesce(l.legacy_rules, '{}') AS "legacyRules"
       FROM pos JOIN loans l ON l.id = pos.loan_id JOIN borrowers b ON b.id = l.borrower_id ORDER BY l.id`,
      p.values,
    );
    const items = (rows as unknown as LoanListItem[]).map((i) => {
      const commune = this.communes.find(i.communeCode);
      return { ...i, communeNameVi: commune?.nameVi ?? null, communeNameEn: commune?.nameEn ?? null };
    });
    return { asOf, source: plan.source, items, page: q.page, pageSize: q.pageSize, total };
  }

  /** domain.md "Capital sources", from the ledger by value date: capital, disbursed, repaid, outstanding, available = capital − outstanding. */
  async capitalSources(_actor: Actor, q: AsOfQueryDto): Promise<CapitalSourceReport> {
    const { asOf } = await this.asOfs.resolveDate(q.asOf);
    const rows: Array<CapitalSourceReport['rows'][number]> = await this.replica.query(
      `WITH cap AS (
         SELECT capital_source_id, sum(CASE kind WHEN 'ALLOCATION' THEN amount ELSE -amount END) AS capital
         FROM capital_movements WHERE movement_date <= $1 GROUP BY 1
       ), led AS (
         SELECT je.capital_source_id,
                coalesce(sum(je.amount) FILTER (WHERE je.account = 'PRINCIPAL_RECEIVABLE' AND jt.kind = 'DISBURSEMENT'), 0) AS disbursed,
                coalesce(-sum(je.amount) FILTER (WHERE je.account = 'PRINCIPAL_RECEIVABLE' AND jt.kind IN ('REPAYMENT', 'REPAYMENT_REVERSAL')), 0) AS repaid,
                coalesce(sum(je.amount) FILTER (WHERE je.account = 'PRINCIPAL_RECEIVABLE'), 0) AS outstanding,
                coalesce(-sum(je.amount) FILTER (WHERE je.account IN ('INTEREST_INCOME', 'OVERDUE_INTEREST_INCOME', 'LATE_INTEREST_INCOME')), 0) AS interest
         FROM journal_entries je JOIN journal_transactions jt ON jt.id = je.transaction_id
         WHERE je.value_date <= $1 AND je.capital_source_id IS NOT NULL GROUP BY 1
       )
       SELECT s.id::text AS "capitalSourceId", s.name, s.kind, s.bears_credit_risk AS "bearsCreditRisk",
              coalesce(cap.capital, 0)::text AS capital, coalesce(led.disbursed, 0)::text AS disbursed, coalesce(led.repaid, 0)::text AS repaid,
              coalesce(led.outstanding, 0)::text AS outstanding, (coalesce(cap.capital, 0) - coalesce(led.outstanding, 0))::text AS available,
              coalesce(led.interest, 0)::text AS "interestEarned"
       FROM capital_sources s LEFT JOIN cap ON cap.capital_source_id = s.id LEFT JOIN led ON led.capital_source_id = s.id ORDER BY s.id`,
      [asOf],
    );
    return { report: 'CAPITAL_SOURCES', asOf, rows };
  }

  /**
   * design.md "Rules that keep money right": per loan, principal receivable in the ledger by value
   * date ≤ D against the loan's own events (disbursed − principal allocated by repayments valued
   * ≤ D, reversed ones excluded); every transaction valued ≤ D balanced. On the last closed date the
   * cache check of the ledger issue (interest and penalty receivables) runs too.
   */
  async reconciliationOn(_actor: Actor, q: AsOfQueryDto): Promise<ReconciliationReport> {
    const { asOf, lastClosed } = await this.asOfs.resolveDate(q.asOf);
    const rows: Array<{ loan_id: string; contract_number: string; events: string; ledger: string }> = await this.replica.query(
      `WITH disb AS (
         -- A loan brought in at a cut-over date starts from the principal outstanding in its opening position (docs/book-import.md).
         SELECT loan_id, sum(amount) AS amount FROM (
           SELECT loan_id, amount FROM loan_events WHERE kind = 'DISBURSEMENT' AND value_date <= $1 AND reversed_at IS NULL
           UNION ALL
           SELECT o.loan_id, o.outstanding_principal FROM loan_opening_positions o JOIN loan_events e ON e.id = o.event_id WHERE e.value_date <= $1
         ) d GROUP BY 1
       ), repaid AS (
         SELECT e.loan_id, sum(a.amount) AS amount FROM loan_events e JOIN loan_event_allocations a ON a.event_id = e.id AND a.superseded_at IS NULL
         WHERE e.kind = 'REPAYMENT' AND e.value_date <= $1 AND e.reversed_at IS NULL AND a.component IN ('PRINCIPAL', 'PREPAID_PRINCIPAL') GROUP BY 1
       ), ev AS (
         SELECT disb.loan_id, disb.amount - coalesce(repaid.amount, 0) AS principal FROM disb LEFT JOIN repaid ON repaid.loan_id = disb.loan_id
       ), led AS (
         SELECT loan_id, sum(amount) AS principal FROM journal_entries WHERE account = 'PRINCIPAL_RECEIVABLE' AND loan_id IS NOT NULL AND value_date <= $1 GROUP BY 1
       ), wo AS (SELECT DISTINCT loan_id FROM journal_transactions WHERE kind = 'WRITE_OFF' AND value_date <= $1)
       SELECT l.id::text AS loan_id, l.contract_number, coalesce(ev.principal, 0)::text AS events, coalesce(led.principal, 0)::text AS ledger
       FROM ev FULL JOIN led ON led.loan_id = ev.loan_id JOIN loans l ON l.id = coalesce(ev.loan_id, led.loan_id)
       WHERE l.id NOT IN (SELECT loan_id FROM wo WHERE loan_id IS NOT NULL) ORDER BY l.id`,
      [asOf],
    );
    const unbalanced: Array<{ id: string }> = await this.replica.query(
      `SELECT transaction_id::text AS id FROM journal_entries WHERE value_date <= $1 GROUP BY transaction_id HAVING sum(amount) <> 0 ORDER BY 1 LIMIT 1000`,
      [asOf],
    );
    const cache = asOf === lastClosed ? await this.reconciliation.run() : null;
    return {
      report: 'RECONCILIATION',
      asOf,
      loansChecked: rows.length,
      ledgerPrincipal: rows.reduce((s, r) => s.plus(r.ledger), new Money(0)).toFixed(),
      eventPrincipal: rows.reduce((s, r) => s.plus(r.events), new Money(0)).toFixed(),
      mismatches: [
        ...rows
          .filter((r) => !new Money(r.events).eq(r.ledger))
          .map((r) => ({ loanId: r.loan_id, contractNumber: r.contract_number, account: 'PRINCIPAL_RECEIVABLE', loanBalance: r.events, ledger: r.ledger })),
        ...(cache?.mismatches ?? []).map((m) => ({
          loanId: m.loanId,
          contractNumber: m.contractNumber,
          account: m.account,
          loanBalance: m.cached,
          ledger: m.ledger,
        })),
      ],
      unbalancedTransactions: unbalanced.map((u) => u.id),
      cache: { mismatches: cache?.mismatches.length ?? 0, checked: cache !== null },
    };
  }
}
