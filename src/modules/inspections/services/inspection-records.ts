import type { EntityManager } from 'typeorm';
import { inspectionStatus, type Finding } from '../domain/inspection-rules.js';
import type { InspectionDto } from '../dto/inspection.dto.js';

export interface InspectionRow {
  event_id: string;
  loan_id: string;
  contract_number: string;
  borrower_id: string;
  borrower_name: string;
  tranche_no: number;
  disbursement_date: string;
  disbursed_amount: string;
  due_date: string;
  inspection_id: string | null;
  visit_date: string | null;
  inspectors: string | null;
  finding: Finding | null;
  amount_verified: string | null;
  notes: string | null;
  recorded_by_name: string | null;
  recorded_at: Date | null;
  recall_case_id: string | null;
}

/**
 * Every live disbursement with its inspection (recorded or not). The window is the product
 * version's inspection_days after the value date; a recorded inspection keeps the due date it had.
 * `inner` filters the disbursements (loan, borrower), `outer` the result (status).
 */
export function inspectionSelect(inner: string, outer: string): string {
  return `SELECT d.event_id::text AS event_id, d.loan_id::text AS loan_id, d.contract_number, d.borrower_id::text AS borrower_id, d.borrower_name, d.tranche_no,
      d.disbursement_date::text AS disbursement_date, d.disbursed_amount::text AS disbursed_amount, coalesce(i.due_date, d.computed_due)::text AS due_date,
      i.id::text AS inspection_id, i.visit_date::text AS visit_date, i.inspectors, i.finding, i.amount_verified::text AS amount_verified, i.notes,
      u.display_name AS recorded_by_name, i.recorded_at,
      (SELECT rc.id::text FROM recall_cases rc WHERE rc.inspection_id = i.id ORDER BY rc.id DESC LIMIT 1) AS recall_case_id
    FROM (
      SELECT e.id AS event_id, e.loan_id, l.contract_number, l.borrower_id, b.legal_name AS borrower_name, l.status AS loan_status,
        row_number() OVER (PARTITION BY e.loan_id ORDER BY e.value_date, e.id)::int AS tranche_no,
        e.value_date AS disbursement_date, e.amount AS disbursed_amount, e.value_date + v.inspection_days AS computed_due
      FROM loan_events e JOIN loans l ON l.id = e.loan_id JOIN loan_product_versions v ON v.id = l.product_version_id JOIN borrowers b ON b.id = l.borrower_id
      WHERE e.kind = 'DISBURSEMENT' AND e.reversed_at IS NULL ${inner}
    ) d LEFT JOIN use_inspections i ON i.disbursement_event_id = d.event_id LEFT JOIN users u ON u.id = i.recorded_by
    ${outer}`;
}

/** Pending inspections are those of ACTIVE loans (a settled or written-off loan has nothing left to recall). */
export const PENDING = `i.id IS NULL AND d.loan_status = 'ACTIVE'`;

export function toInspectionDto(r: InspectionRow, businessDate: string): InspectionDto {
  return {
    disbursementEventId: r.event_id,
    loanId: r.loan_id,
    contractNumber: r.contract_number,
    borrowerId: r.borrower_id,
    borrowerName: r.borrower_name,
    trancheNo: r.tranche_no,
    disbursementDate: r.disbursement_date,
    disbursedAmount: r.disbursed_amount,
    dueDate: r.due_date,
    status: inspectionStatus(r.inspection_id !== null, r.due_date, businessDate),
    inspectionId: r.inspection_id,
    visitDate: r.visit_date,
    inspectors: r.inspectors,
    finding: r.finding,
    amountVerified: r.amount_verified,
    notes: r.notes,
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at ? new Date(r.recorded_at).toISOString() : null,
    recallCaseId: r.recall_case_id,
  };
}

export async function inspectionRows(m: EntityManager, inner: string, outer: string, params: unknown[]): Promise<InspectionRow[]> {
  return m.query(inspectionSelect(inner, outer), params);
}
