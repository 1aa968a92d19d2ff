import { randomUUID } from 'node:crypto';
import { baseUrl } from './support';
import { ADMIN, APPROVER, OFFICER } from './users';

/**
 * Seeds, through the API as each role would, what the operations journeys need: a product, a
 * capital source holding capital, the fund's charter capital, a cooperative, and its application
 * appraised (by a second officer), approved (by the approver), contracted and disbursed on the
 * open business date, so its loan is ACTIVE and takes repayments.
 */
export interface Token {
  token: string;
}

export interface Api {
  <T>(method: string, path: string, as: Token, body?: unknown, headers?: Record<string, string>): Promise<T>;
}

export const api: Api = async <T>(method: string, path: string, as: Token, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), authorization: `Bearer ${as.token}`, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
};

export async function tokenOf(user: { username: string; password: string }): Promise<Token> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  if (!res.ok) throw new Error(`login ${user.username}: ${res.status} ${await res.text()}`);
  return { token: ((await res.json()) as { accessToken: string }).accessToken };
}

export interface DisbursedLoan {
  loanId: string;
  contractNumber: string;
  borrowerName: string;
  businessDate: string;
  disbursed: string;
}

const unique = (): string => `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`.toUpperCase();

/** A 10-digit enterprise code unlikely to collide with another journey's. */
function taxCode(): string {
  return `46${String(Date.now() % 100_000_000).padStart(8, '0')}`;
}

export async function disbursedLoan(amount = '120000000'): Promise<DisbursedLoan> {
  const admin = await tokenOf(ADMIN);
  const officer = await tokenOf(OFFICER);
  const approver = await tokenOf(APPROVER);
  // Four eyes: the appraisal is by another officer than the one who prepared the application.
  const appraiserUser = { username: `ops.appraiser.${unique().toLowerCase()}`, password: 'ops-appraiser-password-1' };
  await api('POST', '/users', admin, { ...appraiserUser, displayName: 'Lê Văn Thẩm', roles: ['OFFICER'] });
  const appraiser = await tokenOf(appraiserUser);

  const { businessDate } = await api<{ businessDate: string }>('GET', '/business-date', officer);
  // The limits of Decree 45 are shares of the charter capital; a date already taken by another journey keeps its figure.
  await api('POST', '/fund/charter-capital', admin, { effectiveDate: businessDate, amount: '500000000000' }).catch((e: Error) => {
    if (!e.message.includes('FUND.CHARTER_CAPITAL_DATE_TAKEN')) throw e;
  });
  const source = await api<{ id: string }>('POST', '/capital-sources', admin, {
    name: `Nguồn vốn ngân sách ${unique()}`,
    kind: 'ENTRUSTED_BUDGET',
    bearsCreditRisk: false,
  });
  await api(
    'POST',
    `/capital-sources/${source.id}/movements`,
    admin,
    { kind: 'ALLOCATION', movementDate: businessDate, reference: 'QĐ 12/QĐ-UBND', amount: '20000000000' },
    { 'idempotency-key': randomUUID() },
  );
  const product = await api<{ id: string }>('POST', '/loan-products', admin, {
    code: `SX-${unique()}`,
    name: 'Cho vay sản xuất nông nghiệp',
    minAmount: '10000000',
    maxAmount: '5000000000',
    minTermMonths: 3,
    maxTermMonths: 60,
    annualInterestRatePercent: '6',
    principalFrequency: 'MONTHLY',
    interestFrequency: 'MONTHLY',
    principalGracePeriods: 0,
    allowedBorrowerTypes: ['COOPERATIVE', 'COOPERATIVE_UNION', 'MEMBER'],
    allowedSectors: [],
    collateralRequired: false,
  });
  const borrowerName = `Hợp tác xã Chè Tân Cương ${unique()}`;
  const borrower = await api<{ id: string }>('POST', '/borrowers', officer, {
    type: 'COOPERATIVE',
    identityCode: taxCode(),
    legalName: borrowerName,
    shortName: 'HTX Tân Cương',
    legalRepresentative: 'Nguyễn Văn Hùng',
    phone: '0912345678',
    memberCount: 25,
    charterCapital: '2500000000',
    provinceCode: '19',
    communeCode: '05443',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
  });
  const application = await api<{ id: string }>('POST', '/loan-applications', officer, {
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
    creditReportReference: 'CIC-2026-001234',
    creditReportDate: businessDate,
  });
  await api('POST', `/loan-applications/${application.id}/submit`, officer);
  await api('POST', `/loan-applications/${application.id}/start-appraisal`, appraiser);
  await api('POST', `/loan-applications/${application.id}/appraisals`, appraiser, {
    findings: 'Phương án khả thi',
    recommendedAmount: amount,
    recommendedTermMonths: 6,
    recommendedRatePercent: '6',
    riskRating: 'LOW',
  });
  await api('POST', `/loan-applications/${application.id}/approve`, approver, { approvedAmount: amount, approvedTermMonths: 6, approvedRatePercent: '6' });
  const loan = await api<{ id: string; contractNumber: string }>('POST', `/loan-applications/${application.id}/contract`, officer, {
    signingDate: businessDate,
  });
  await api(
    'POST',
    `/loans/${loan.id}/disbursements`,
    officer,
    { amount, valueDate: businessDate, reference: `GN-${unique()}`, channel: 'BANK_TRANSFER' },
    { 'idempotency-key': randomUUID() },
  );
  return { loanId: loan.id, contractNumber: loan.contractNumber, borrowerName, businessDate, disbursed: amount };
}
