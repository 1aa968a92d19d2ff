import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app.js';

let seq = 0;
const next = (): number => (seq += 1);

export interface Created {
  id: string;
  [key: string]: unknown;
}

async function post(t: TestApp, path: string, body: unknown, token: string, headers?: Record<string, string>): Promise<Created> {
  const res = await t.request<Created>('POST', path, body, { token, headers });
  if (res.status !== 201 && res.status !== 200) throw new Error(`POST ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A unique 10-digit enterprise code or 12-digit citizen ID. */
export function identityCode(kind: 'ORG' | 'PERSON'): string {
  const n = `${Date.now() % 1_000_000}${next()}`.padStart(8, '0').slice(-8);
  return kind === 'ORG' ? `46${n}` : `0190${n}`;
}

export function cooperativeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'COOPERATIVE',
    identityCode: identityCode('ORG'),
    legalName: `Hợp tác xã thử nghiệm ${next()}`,
    shortName: 'HTX thử',
    legalRepresentative: 'Nguyễn Văn Hùng',
    phone: '0912345678',
    memberCount: 25,
    charterCapital: '2500000000',
    provinceCode: '19',
    communeCode: '05443',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
    ...overrides,
  };
}

export async function createCooperative(t: TestApp, officer: string, overrides: Record<string, unknown> = {}): Promise<Created> {
  return post(t, '/api/v1/borrowers', cooperativeBody(overrides), officer);
}

export function productBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: `P-${next()}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
    name: 'Cho vay sản xuất nông nghiệp',
    minAmount: '10000000',
    maxAmount: '5000000000',
    minTermMonths: 6,
    maxTermMonths: 60,
    annualInterestRatePercent: '7.2',
    principalFrequency: 'QUARTERLY',
    interestFrequency: 'MONTHLY',
    principalGracePeriods: 1,
    allowedBorrowerTypes: ['COOPERATIVE', 'COOPERATIVE_UNION', 'MEMBER'],
    allowedSectors: [],
    collateralRequired: false,
    // The schedules these tests compute by hand keep their due dates on days off (docs/working-days.md: NONE).
    businessDayRule: 'NONE',
    ...overrides,
  };
}

export async function createProduct(t: TestApp, admin: string, overrides: Record<string, unknown> = {}): Promise<Created> {
  return post(t, '/api/v1/loan-products', productBody(overrides), admin);
}

/** A capital source holding `capital` VND through one recorded allocation. */
export async function createCapitalSource(t: TestApp, admin: string, capital: string): Promise<Created> {
  const source = await post(
    t,
    '/api/v1/capital-sources',
    { name: `Nguồn vốn ${next()}-${randomUUID().slice(0, 6)}`, kind: 'ENTRUSTED_BUDGET', bearsCreditRisk: false },
    admin,
  );
  await post(
    t,
    `/api/v1/capital-sources/${source.id}/movements`,
    { kind: 'ALLOCATION', movementDate: '2026-01-05', reference: 'QĐ 1/QĐ-UBND', amount: capital },
    admin,
    {
      'idempotency-key': randomUUID(),
    },
  );
  return source;
}

export async function setCharterCapital(t: TestApp, admin: string, amount: string, effectiveDate = '2020-01-01'): Promise<Created> {
  return post(t, '/api/v1/fund/charter-capital', { effectiveDate, amount }, admin);
}

export function applicationBody(
  borrowerId: string,
  productId: string,
  capitalSourceId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    borrowerId,
    productId,
    capitalSourceId,
    requestedAmount: '800000000',
    termMonths: 24,
    repaymentFrequency: 'QUARTERLY',
    purpose: 'Mở rộng vùng chè an toàn',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
    totalInvestment: '1000000000',
    ownContribution: '200000000',
    collateralDescription: 'Quyền sử dụng đất 2.000 m²',
    collateralValue: '1200000000',
    creditReportReference: 'CIC-2026-001234',
    creditReportDate: '2026-11-15',
    ...overrides,
  };
}

export interface Staff {
  officer: string;
  appraiser: string;
  approver: string;
}

/** Creates, submits, opens appraisal and records one appraisal; returns the application id. */
export async function applicationUnderAppraisal(t: TestApp, staff: Staff, body: Record<string, unknown>): Promise<string> {
  const app = await post(t, '/api/v1/loan-applications', body, staff.officer);
  await post(t, `/api/v1/loan-applications/${app.id}/submit`, undefined, staff.officer);
  await post(t, `/api/v1/loan-applications/${app.id}/start-appraisal`, undefined, staff.appraiser);
  await post(
    t,
    `/api/v1/loan-applications/${app.id}/appraisals`,
    {
      findings: 'Khả thi',
      recommendedAmount: String(body.requestedAmount),
      recommendedTermMonths: body.termMonths,
      recommendedRatePercent: '7.2',
      riskRating: 'LOW',
    },
    staff.appraiser,
  );
  return app.id;
}

export function approval(amount: string, termMonths = 24): Record<string, unknown> {
  return { approvedAmount: amount, approvedTermMonths: termMonths, approvedRatePercent: '7.2' };
}
