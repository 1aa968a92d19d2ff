import type { ChecksRequest, Frequency } from './applications-queries';

/** The application form's values, the step each field is on, and the checks' dry-run body built from them. */
export const FREQUENCIES: Frequency[] = ['MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL', 'AT_MATURITY'];

export interface Values {
  borrowerId: string | null;
  productId: string | null;
  capitalSourceId: string | null;
  purpose: string;
  sectorCode: string | null;
  totalInvestment: string;
  ownContribution: string;
  requestedAmount: string;
  termMonths: number | string;
  repaymentFrequency: Frequency | null;
  collateralExempt: boolean;
  collateralDescription: string;
  collateralValue: string;
  collateralExemptionReason: string;
  creditReportReference: string;
  creditReportDate: string | null;
}

/** Which step holds each field: a refusal naming a field brings its step back. */
export const STEP_OF: Record<string, number> = {
  borrowerId: 0,
  productId: 0,
  capitalSourceId: 0,
  purpose: 1,
  sectorCode: 1,
  sectorVersion: 1,
  totalInvestment: 1,
  ownContribution: 1,
  creditReportReference: 1,
  creditReportDate: 1,
  requestedAmount: 2,
  termMonths: 2,
  repaymentFrequency: 2,
  collateralDescription: 2,
  collateralValue: 2,
  collateralExemptionReason: 2,
};

/** The dry-run body, once the form holds every figure the checks need (else null: nothing to check yet). */
export function checksBody(v: Values): ChecksRequest | null {
  const term = typeof v.termMonths === 'number' ? v.termMonths : Number.NaN;
  if (
    !v.borrowerId ||
    !v.productId ||
    !v.capitalSourceId ||
    !v.sectorCode ||
    !v.repaymentFrequency ||
    !v.requestedAmount ||
    !v.totalInvestment ||
    !Number.isInteger(term) ||
    term < 1
  )
    return null;
  return {
    borrowerId: v.borrowerId,
    productId: v.productId,
    capitalSourceId: v.capitalSourceId,
    requestedAmount: v.requestedAmount,
    termMonths: term,
    repaymentFrequency: v.repaymentFrequency,
    sectorVersion: 'VSIC2018',
    sectorCode: v.sectorCode,
    totalInvestment: v.totalInvestment,
    collateralExempt: v.collateralExempt,
  };
}
