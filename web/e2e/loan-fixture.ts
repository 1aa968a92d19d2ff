import { randomUUID } from 'node:crypto';
import { baseUrl } from './support';
import { ADMIN, APPROVER, OFFICER } from './users';

/**
 * A contracted loan made through the API, as the fund would make it: charter capital, a capital
 * source with capital, a product, a cooperative, an application filed, appraised, approved by
 * the approver (four eyes) and signed as a contract. Dates follow the server's business date.
 */
export interface Credentials {
  username: string;
  password: string;
}

export async function token(user: Credentials): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  const body = (await res.json()) as { accessToken: string };
  return body.accessToken;
}

export async function apiCall<T>(user: Credentials | string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const bearer = typeof user === 'string' ? user : await token(user);
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), authorization: `Bearer ${bearer}`, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

function minusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

let seq = 0;

export interface SeededLoan {
  loanId: string;
  contractNumber: string;
  borrowerName: string;
  businessDate: string;
}

export async function contractedLoan(amount = '600000000'): Promise<SeededLoan> {
  seq += 1;
  const admin = await token(ADMIN);
  const officer = await token(OFFICER);
  const approver = await token(APPROVER);
  const tag = `${Date.now() % 100_000_000}`.padStart(8, '0');
  const { businessDate } = await apiCall<{ businessDate: string }>(officer, 'GET', '/business-date');
  const charter = await apiCall<unknown[]>(admin, 'GET', '/fund/charter-capital');
  if (charter.length === 0) await apiCall(admin, 'POST', '/fund/charter-capital', { effectiveDate: '2020-01-01', amount: '500000000000' });
  const source = await apiCall<{ id: string }>(admin, 'POST', '/capital-sources', {
    name: `Vốn ủy thác ngân sách tỉnh ${tag}-${seq}`,
    kind: 'ENTRUSTED_BUDGET',
    bearsCreditRisk: false,
  });
  await apiCall(
    admin,
    'POST',
    `/capital-sources/${source.id}/movements`,
    { kind: 'ALLOCATION', movementDate: businessDate, reference: 'QĐ 12/QĐ-UBND', amount: '20000000000' },
    { 'Idempotency-Key': randomUUID() },
  );
  const product = await apiCall<{ id: string }>(admin, 'POST', '/loan-products', {
    code: `SX-${tag}-${seq}`,
    name: 'Cho vay sản xuất nông nghiệp',
    minAmount: '10000000',
    maxAmount: '5000000000',
    minTermMonths: 3,
    maxTermMonths: 60,
    annualInterestRatePercent: '6',
    principalFrequency: 'MONTHLY',
    interestFrequency: 'MONTHLY',
    principalGracePeriods: 0,
    allowedBorrowerTypes: ['COOPERATIVE'],
    allowedSectors: [],
    collateralRequired: false,
  });
  const borrowerName = `Hợp tác xã Chè Tân Cương ${tag}-${seq}`;
  const borrower = await apiCall<{ id: string }>(officer, 'POST', '/borrowers', {
    type: 'COOPERATIVE',
    identityCode: `47${tag}`,
    legalName: borrowerName,
    shortName: 'HTX Chè Tân Cương',
    legalRepresentative: 'Nguyễn Văn Hùng',
    phone: '0912345678',
    memberCount: 25,
    charterCapital: '2500000000',
    provinceCode: '19',
    communeCode: '05443',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
  });
  const app = await apiCall<{ id: string }>(officer, 'POST', '/loan-applications', {
    borrowerId: borrower.id,
    productId: product.id,
    capitalSourceId: source.id,
    requestedAmount: amount,
    termMonths: 6,
    repaymentFrequency: 'MONTHLY',
    purpose: 'Mở rộng vùng chè an toàn',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
    totalInvestment: String(BigInt(amount) * 2n),
    ownContribution: amount,
    collateralDescription: 'Quyền sử dụng đất 2.000 m²',
    collateralValue: String(BigInt(amount) * 2n),
    creditReportReference: `CIC-${tag}`,
    creditReportDate: minusDays(businessDate, 5),
  });
  await apiCall(officer, 'POST', `/loan-applications/${app.id}/documents`, {
    name: 'phuong-an-san-xuat-kinh-doanh.pdf',
    docType: 'BUSINESS_PLAN',
    checksumSha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    sizeBytes: 482133,
  });
  await apiCall(officer, 'POST', `/loan-applications/${app.id}/submit`);
  await apiCall(officer, 'POST', `/loan-applications/${app.id}/start-appraisal`);
  await apiCall(officer, 'POST', `/loan-applications/${app.id}/appraisals`, {
    findings: 'Phương án khả thi',
    recommendedAmount: amount,
    recommendedTermMonths: 6,
    recommendedRatePercent: '6',
    riskRating: 'LOW',
  });
  await apiCall(approver, 'POST', `/loan-applications/${app.id}/approve`, { approvedAmount: amount, approvedTermMonths: 6, approvedRatePercent: '6' });
  const loan = await apiCall<{ id: string; contractNumber: string }>(officer, 'POST', `/loan-applications/${app.id}/contract`, {});
  return { loanId: loan.id, contractNumber: loan.contractNumber, borrowerName, businessDate };
}
