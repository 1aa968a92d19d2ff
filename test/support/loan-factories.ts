import { randomUUID } from 'node:crypto';
import { adminToken, userWithRoles } from './factories.js';
import {
  applicationBody,
  applicationUnderAppraisal,
  createCapitalSource,
  createCooperative,
  createProduct,
  setCharterCapital,
} from './origination-factories.js';
import type { TestApp } from './test-app.js';

export interface LoanWorld {
  admin: string;
  officer: string;
  appraiser: string;
  approver: string;
  auditor: string;
  borrowerId: string;
  capitalSourceId: string;
  productId: string;
}

export async function call<T = Record<string, unknown>>(
  t: TestApp,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<{ status: number; body: T; headers: Record<string, unknown> }> {
  return t.request<T>(method, `/api/v1${path}`, body, { token, headers });
}

/** Staff, a cooperative, a capital source and a product; the business date set to `start`. */
export async function loanWorld(t: TestApp, start: string, product: Record<string, unknown> = {}, capital = '50000000000'): Promise<LoanWorld> {
  const admin = await adminToken(t);
  const w = {
    admin,
    officer: (await userWithRoles(t, admin, ['OFFICER'])).token,
    appraiser: (await userWithRoles(t, admin, ['OFFICER'])).token,
    approver: (await userWithRoles(t, admin, ['APPROVER'])).token,
    auditor: (await userWithRoles(t, admin, ['AUDITOR'])).token,
  };
  const set = await call(t, 'PUT', '/business-date', admin, { businessDate: start });
  if (set.status !== 200) throw new Error(`set business date: ${JSON.stringify(set.body)}`);
  await setCharterCapital(t, admin, '500000000000');
  const source = await createCapitalSource(t, admin, capital);
  const borrower = await createCooperative(t, w.officer);
  const p = await createProduct(t, admin, product);
  return { ...w, borrowerId: borrower.id, capitalSourceId: source.id, productId: p.id };
}

/** An approved application turned into a contract; returns the loan id. */
export async function contractedLoan(
  t: TestApp,
  w: LoanWorld,
  o: { amount: string; termMonths: number; ratePercent: string; frequency?: string; creditReportDate: string; signingDate: string },
): Promise<string> {
  const body = applicationBody(w.borrowerId, w.productId, w.capitalSourceId, {
    requestedAmount: o.amount,
    termMonths: o.termMonths,
    repaymentFrequency: o.frequency ?? 'MONTHLY',
    totalInvestment: String(BigInt(o.amount) * 2n),
    ownContribution: o.amount,
    creditReportDate: o.creditReportDate,
  });
  const appId = await applicationUnderAppraisal(t, { officer: w.officer, appraiser: w.appraiser, approver: w.approver }, body);
  const approved = await call(t, 'POST', `/loan-applications/${appId}/approve`, w.approver, {
    approvedAmount: o.amount,
    approvedTermMonths: o.termMonths,
    approvedRatePercent: o.ratePercent,
  });
  if (approved.status !== 200) throw new Error(`approve: ${JSON.stringify(approved.body)}`);
  const contract = await call<{ id: string }>(t, 'POST', `/loan-applications/${appId}/contract`, w.officer, { signingDate: o.signingDate });
  if (contract.status !== 201) throw new Error(`contract: ${JSON.stringify(contract.body)}`);
  return contract.body.id;
}

export async function closeUntil(t: TestApp, w: LoanWorld, until: string): Promise<void> {
  const res = await call(t, 'POST', '/close-of-business', w.admin, { until });
  if (res.status !== 200) throw new Error(`close: ${JSON.stringify(res.body)}`);
}

export async function money(
  t: TestApp,
  w: LoanWorld,
  kind: 'disbursements' | 'repayments',
  loanId: string,
  amount: string,
  valueDate: string,
  key: string = randomUUID(),
) {
  return call<Record<string, unknown>>(
    t,
    'POST',
    `/loans/${loanId}/${kind}`,
    w.officer,
    { amount, valueDate, reference: `REF-${key.slice(0, 8)}`, channel: 'BANK_TRANSFER' },
    { 'idempotency-key': key },
  );
}

export async function reconciliation(t: TestApp, w: LoanWorld): Promise<{ mismatches: unknown[]; unbalancedTransactions: unknown[] }> {
  return (await call<{ mismatches: unknown[]; unbalancedTransactions: unknown[] }>(t, 'GET', '/ledger/reconciliation', w.auditor)).body;
}
