import type { EntityManager } from 'typeorm';
import { notFound } from '../../../platform/errors/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { loanStore } from '../../loans/index.js';

/** What every document of a loan prints about the contract and its parties. */
export interface ContractFacts {
  loanId: string;
  contractNumber: string;
  status: string;
  signingDate: string;
  approvedAmount: string;
  annualRate: string;
  overdueMultiplier: string;
  lateInterestRate: string;
  amortizationMethod: string;
  principalFrequency: string;
  interestFrequency: string;
  termMonths: number;
  gracePeriods: number;
  maxTranches: number;
  startDate: string | null;
  maturityDate: string | null;
  disbursedPrincipal: string;
  outstandingPrincipal: string;
  borrowerType: string;
  borrowerName: string;
  identityCode: string;
  representative: string | null;
  phone: string | null;
  communeCode: string;
  provinceCode: string;
  purpose: string;
  collateralDescription: string | null;
  collateralValue: string | null;
  collateralExempt: boolean;
  collateralExemptionReason: string | null;
  productName: string;
  capitalSourceName: string;
  approverName: string | null;
  officerName: string | null;
}

/**
 * Reads the contract and its parties for a document, after the loan's read guard: a COOPERATIVE
 * user reaches its own borrower's loans only and gets the same 404 as a missing id otherwise.
 */
export async function contractFacts(m: EntityManager, actor: Actor, loanId: string): Promise<ContractFacts> {
  await loanStore.find(m, actor, loanId, false);
  const [r] = (await m.query(
    `SELECT l.id::text AS "loanId", l.contract_number AS "contractNumber", l.status, l.signing_date::text AS "signingDate",
            l.approved_amount::text AS "approvedAmount", l.annual_rate::text AS "annualRate", l.overdue_multiplier::text AS "overdueMultiplier",
            l.late_interest_rate::text AS "lateInterestRate", l.amortization_method AS "amortizationMethod", l.principal_frequency AS "principalFrequency",
            l.interest_frequency AS "interestFrequency", l.term_months AS "termMonths", l.grace_periods AS "gracePeriods", l.max_tranches AS "maxTranches",
            l.start_date::text AS "startDate", l.maturity_date::text AS "maturityDate", l.disbursed_principal::text AS "disbursedPrincipal",
            l.outstanding_principal::text AS "outstandingPrincipal",
            b.type AS "borrowerType", b.legal_name AS "borrowerName", b.identity_code AS "identityCode", b.legal_representative AS representative,
            b.phone, b.commune_code AS "communeCode", b.province_code AS "provinceCode",
            a.purpose, a.collateral_description AS "collateralDescription", a.collateral_value::text AS "collateralValue",
            a.collateral_exempt AS "collateralExempt", a.collateral_exemption_reason AS "collateralExemptionReason",
            v.name AS "productName", s.name AS "capitalSourceName", approver.display_name AS "approverName", officer.display_name AS "officerName"
     FROM loans l
     JOIN borrowers b ON b.id = l.borrower_id
     JOIN loan_applications a ON a.id = l.application_id
     JOIN loan_product_versions v ON v.id = l.product_version_id
     JOIN capital_sources s ON s.id = l.capital_source_id
     LEFT JOIN users approver ON approver.id = a.decided_by
     LEFT JOIN users officer ON officer.id = a.created_by
     WHERE l.id = $1`,
    [loanId],
  )) as ContractFacts[];
  return r;
}

export interface MoneyEventFacts {
  id: string;
  kind: 'DISBURSEMENT' | 'REPAYMENT';
  valueDate: string;
  bookingDate: string;
  amount: string;
  reference: string;
  channel: string;
  reversed: boolean;
  reversalReason: string | null;
  createdByName: string | null;
  /** 1 for the first tranche (disbursements only; reversed ones do not count). */
  ordinal: number;
  /** Disbursed principal up to and including this tranche. */
  cumulative: string;
  allocation: Array<{ component: string; amount: string }>;
  /** GL codes of the journal transaction's debit and credit lines (the receipt's Nợ / Có). */
  debitCodes: string[];
  creditCodes: string[];
}

/** One disbursement or repayment of the loan; 404 when the id is another loan's or another kind. */
export async function moneyEvent(m: EntityManager, loanId: string, eventId: string, kind: MoneyEventFacts['kind']): Promise<MoneyEventFacts> {
  if (!/^\d{1,19}$/.test(eventId)) throw notFound(kind === 'DISBURSEMENT' ? 'disbursement' : 'repayment', eventId);
  const [r] = (await m.query(
    `SELECT e.id::text, e.kind, e.value_date::text AS "valueDate", e.booking_date::text AS "bookingDate", e.amount::text, e.reference, e.channel,
            e.reversed_at IS NOT NULL AS reversed, e.reversal_reason AS "reversalReason", u.display_name AS "createdByName",
            (SELECT count(*)::int FROM loan_events p WHERE p.loan_id = e.loan_id AND p.kind = e.kind AND p.reversed_at IS NULL
               AND (p.value_date, p.id) <= (e.value_date, e.id)) AS ordinal,
            (SELECT coalesce(sum(p.amount), 0)::text FROM loan_events p WHERE p.loan_id = e.loan_id AND p.kind = e.kind AND p.reversed_at IS NULL
               AND (p.value_date, p.id) <= (e.value_date, e.id)) AS cumulative,
            coalesce((SELECT json_agg(json_build_object('component', a.component, 'amount', a.amount::text) ORDER BY a.line_no)
               FROM loan_event_allocations a WHERE a.event_id = e.id AND a.superseded_at IS NULL), '[]'::json) AS allocation,
            (SELECT coalesce(array_agg(DISTINCT la.gl_code), '{}') FROM journal_entries j JOIN ledger_accounts la ON la.purpose = j.account
               WHERE j.transaction_id = e.journal_transaction_id AND j.amount > 0) AS "debitCodes",
            (SELECT coalesce(array_agg(DISTINCT la.gl_code), '{}') FROM journal_entries j JOIN ledger_accounts la ON la.purpose = j.account
               WHERE j.transaction_id = e.journal_transaction_id AND j.amount < 0) AS "creditCodes"
     FROM loan_events e LEFT JOIN users u ON u.id = e.created_by
     WHERE e.id = $1 AND e.loan_id = $2 AND e.kind = $3`,
    [eventId, loanId, kind],
  )) as MoneyEventFacts[];
  if (!r) throw notFound(kind === 'DISBURSEMENT' ? 'disbursement' : 'repayment', eventId);
  return r;
}

export interface WriteOffFacts {
  id: string;
  status: string;
  reason: string;
  proposedDate: string;
  effectiveDate: string | null;
  debtGroup: number;
  principal: string | null;
  interest: string | null;
  penalty: string | null;
  total: string | null;
  provisionUsed: string | null;
  provisionExpense: string | null;
  decisionNote: string | null;
  proposerName: string | null;
  deciderName: string | null;
}

export async function writeOff(m: EntityManager, loanId: string, id: string): Promise<WriteOffFacts> {
  if (!/^\d{1,19}$/.test(id)) throw notFound('write-off', id);
  const [r] = (await m.query(
    `SELECT w.id::text, w.status, w.reason, w.proposed_date::text AS "proposedDate", w.effective_date::text AS "effectiveDate",
            w.debt_group_at_proposal AS "debtGroup", w.principal::text, w.interest::text, w.penalty::text, w.total::text,
            w.provision_used::text AS "provisionUsed", w.provision_expense::text AS "provisionExpense", w.decision_note AS "decisionNote",
            p.display_name AS "proposerName", d.display_name AS "deciderName"
     FROM loan_write_offs w LEFT JOIN users p ON p.id = w.proposed_by LEFT JOIN users d ON d.id = w.decided_by
     WHERE w.id = $1 AND w.loan_id = $2`,
    [id, loanId],
  )) as WriteOffFacts[];
  if (!r) throw notFound('write-off', id);
  return r;
}

export interface RestructuringFacts {
  id: string;
  type: 'ADJUSTMENT' | 'EXTENSION';
  status: string;
  reason: string;
  proposedDate: string;
  effectiveDate: string | null;
  previousMaturityDate: string;
  newMaturityDate: string | null;
  installments: Array<{ dueDate: string; principal: string }>;
  decisionNote: string | null;
  proposerName: string | null;
  deciderName: string | null;
}

export async function restructuring(m: EntityManager, loanId: string, id: string): Promise<RestructuringFacts> {
  if (!/^\d{1,19}$/.test(id)) throw notFound('restructuring', id);
  const [r] = (await m.query(
    `SELECT r.id::text, r.type, r.status, r.reason, r.proposed_date::text AS "proposedDate", r.effective_date::text AS "effectiveDate",
            r.previous_maturity_date::text AS "previousMaturityDate", r.new_maturity_date::text AS "newMaturityDate",
            coalesce(r.applied_installments, r.installments) AS installments, r.decision_note AS "decisionNote",
            p.display_name AS "proposerName", d.display_name AS "deciderName"
     FROM loan_restructurings r LEFT JOIN users p ON p.id = r.proposed_by LEFT JOIN users d ON d.id = r.decided_by
     WHERE r.id = $1 AND r.loan_id = $2`,
    [id, loanId],
  )) as RestructuringFacts[];
  if (!r) throw notFound('restructuring', id);
  return r;
}
