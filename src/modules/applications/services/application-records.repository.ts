import type { EntityManager } from 'typeorm';
import { notFound } from '../../../platform/errors/index.js';
import { isCooperativeOnly, type Actor } from '../../../platform/actor/index.js';
import type { Frequency } from '../../products/index.js';
import type { ClassificationVersion } from '../../reference/index.js';
import type { ApplicationStatus } from '../domain/application-transitions.js';
import type { LoanApplicationDto, StatusHistoryDto } from '../dto/loan-application.dto.js';

interface ApplicationRow {
  id: string;
  status: ApplicationStatus;
  borrower_id: string;
  borrower_name: string;
  product_name: string;
  product_id: string;
  product_version_id: string;
  product_version: number;
  capital_source_id: string;
  requested_amount: string;
  term_months: number;
  repayment_frequency: Frequency;
  purpose: string;
  sector_version: ClassificationVersion;
  sector_code: string;
  total_investment: string;
  own_contribution: string;
  collateral_description: string | null;
  collateral_value: string | null;
  collateral_exempt: boolean;
  collateral_exemption_reason: string | null;
  collateral_exemption_regulation: string | null;
  collateral_exemption_decision: string | null;
  credit_report_reference: string | null;
  credit_report_date: string | null;
  created_by: string | null;
  submitted_by: string | null;
  decided_by: string | null;
  decision_date: string | null;
  approved_amount: string | null;
  approved_term_months: number | null;
  approved_rate_percent: string | null;
  rejection_reason: string | null;
  loan_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export const APPLICATION_SELECT = `SELECT a.id, a.status, a.borrower_id, b.legal_name AS borrower_name, v.name AS product_name, v.product_id, a.product_version_id, v.version AS product_version, a.capital_source_id,
  a.requested_amount::text AS requested_amount, a.term_months, a.repayment_frequency, a.purpose, a.sector_version, a.sector_code,
  a.total_investment::text AS total_investment, a.own_contribution::text AS own_contribution, a.collateral_description,
  a.collateral_value::text AS collateral_value, a.collateral_exempt, a.collateral_exemption_reason, a.collateral_exemption_regulation,
  a.collateral_exemption_decision, a.credit_report_reference,
  a.credit_report_date::text AS credit_report_date, a.created_by, a.submitted_by, a.decided_by, a.decision_date::text AS decision_date,
  a.approved_amount::text AS approved_amount, a.approved_term_months, rtrim(rtrim(a.approved_rate_percent::text, '0'), '.') AS approved_rate_percent,
  a.rejection_reason, (SELECT l.id::text FROM loans l WHERE l.application_id = a.id) AS loan_id, a.created_at, a.updated_at
  FROM loan_applications a JOIN loan_product_versions v ON v.id = a.product_version_id JOIN borrowers b ON b.id = a.borrower_id`;

const idOrNull = (v: string | null): string | null => (v === null ? null : String(v));

export function toApplicationDto(r: ApplicationRow, statusHistory: StatusHistoryDto[]): LoanApplicationDto {
  return {
    id: String(r.id),
    status: r.status,
    borrowerId: String(r.borrower_id),
    borrowerName: r.borrower_name,
    productName: r.product_name,
    productId: String(r.product_id),
    productVersionId: String(r.product_version_id),
    productVersion: r.product_version,
    capitalSourceId: String(r.capital_source_id),
    requestedAmount: r.requested_amount,
    termMonths: r.term_months,
    repaymentFrequency: r.repayment_frequency,
    purpose: r.purpose,
    sectorVersion: r.sector_version,
    sectorCode: r.sector_code,
    totalInvestment: r.total_investment,
    ownContribution: r.own_contribution,
    collateralDescription: r.collateral_description,
    collateralValue: r.collateral_value,
    collateralExempt: r.collateral_exempt,
    collateralExemptionReason: r.collateral_exemption_reason,
    collateralExemptionRegulation: r.collateral_exemption_regulation,
    collateralExemptionDecision: r.collateral_exemption_decision,
    creditReportReference: r.credit_report_reference,
    creditReportDate: r.credit_report_date,
    createdBy: idOrNull(r.created_by),
    submittedBy: idOrNull(r.submitted_by),
    decidedBy: idOrNull(r.decided_by),
    decisionDate: r.decision_date,
    approvedAmount: r.approved_amount,
    approvedTermMonths: r.approved_term_months,
    approvedRatePercent: r.approved_rate_percent,
    rejectionReason: r.rejection_reason,
    loanId: r.loan_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    statusHistory,
  };
}

export async function statusHistory(m: EntityManager, ids: string[]): Promise<Map<string, StatusHistoryDto[]>> {
  const rows: Array<{
    application_id: string;
    from_status: ApplicationStatus | null;
    to_status: ApplicationStatus;
    actor_id: string | null;
    actor_username: string;
    note: string | null;
    occurred_at: Date;
  }> = await m.query(`SELECT * FROM application_status_history WHERE application_id = ANY($1::bigint[]) ORDER BY id`, [ids]);
  const out = new Map<string, StatusHistoryDto[]>(ids.map((id) => [id, []]));
  for (const r of rows) {
    out.get(String(r.application_id))?.push({
      fromStatus: r.from_status,
      toStatus: r.to_status,
      actorId: idOrNull(r.actor_id),
      actorUsername: r.actor_username,
      note: r.note,
      occurredAt: r.occurred_at.toISOString(),
    });
  }
  return out;
}

/**
 * One application with its history. A COOPERATIVE user reaching another borrower's
 * application gets the same 404 as for a missing one (ids cannot be probed).
 */
export async function loadApplication(m: EntityManager, actor: Actor, id: string, forUpdate = false): Promise<LoanApplicationDto> {
  if (!/^\d{1,19}$/.test(id)) throw notFound('loan application', id);
  if (forUpdate) await m.query(`SELECT 1 FROM loan_applications WHERE id = $1 FOR UPDATE`, [id]);
  const rows: ApplicationRow[] = await m.query(`${APPLICATION_SELECT} WHERE a.id = $1`, [id]);
  const row = rows[0];
  if (!row || (isCooperativeOnly(actor) && actor.borrowerId !== String(row.borrower_id))) throw notFound('loan application', id);
  return toApplicationDto(row, (await statusHistory(m, [String(row.id)])).get(String(row.id)) ?? []);
}

export async function listApplicationRows(m: EntityManager, clause: string, params: unknown[], limit: number, offset: number): Promise<LoanApplicationDto[]> {
  const rows: ApplicationRow[] = await m.query(`${APPLICATION_SELECT} ${clause} ORDER BY a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
    ...params,
    limit,
    offset,
  ]);
  const history = await statusHistory(
    m,
    rows.map((r) => String(r.id)),
  );
  return rows.map((r) => toApplicationDto(r, history.get(String(r.id)) ?? []));
}
