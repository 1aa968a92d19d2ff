import { randomUUID } from 'node:crypto';
import { baseUrl } from './support';
import { ADMIN, APPROVER, OFFICER } from './users';

/**
 * Seeds the cooperative journey through the API, as the fund's staff would: two cooperatives,
 * each with a disbursed loan, and a COOPERATIVE user bound to the first. The loans start on the
 * business date and the close runs 40 days on, so the first installment is overdue and the next
 * one due (the reminders are written too).
 */
export const COOP = { username: 'web.coop', password: 'web-coop-password-1', displayName: 'HTX Chè Tân Cương' };

async function api<T>(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

async function ok<T>(method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  const res = await api<T>(method, path, token, body, headers);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function login(username: string, password: string): Promise<string> {
  return (await ok<{ accessToken: string }>('POST', '/auth/login', '', { username, password })).accessToken;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface PortalWorld {
  mine: { id: string; contractNumber: string };
  theirs: { id: string; contractNumber: string };
  lastClosed: string;
}

export async function seedPortal(): Promise<PortalWorld> {
  const admin = await login(ADMIN.username, ADMIN.password);
  const officer = await login(OFFICER.username, OFFICER.password);
  const approver = await login(APPROVER.username, APPROVER.password);
  const suffix = randomUUID().slice(0, 6);
  await ok('POST', '/users', admin, { username: `portal.appraiser.${suffix}`, displayName: 'Lê Thu Hà', password: 'portal-appraiser-1', roles: ['OFFICER'] });
  const appraiser = await login(`portal.appraiser.${suffix}`, 'portal-appraiser-1');

  const { businessDate } = await ok<{ businessDate: string }>('GET', '/business-date', admin);
  await api('POST', '/fund/charter-capital', admin, { effectiveDate: '2020-01-01', amount: '500000000000' });
  const source = await ok<{ id: string }>('POST', '/capital-sources', admin, {
    name: `Vốn ngân sách tỉnh ${suffix}`,
    kind: 'ENTRUSTED_BUDGET',
    bearsCreditRisk: false,
  });
  await ok(
    'POST',
    `/capital-sources/${source.id}/movements`,
    admin,
    { kind: 'ALLOCATION', movementDate: businessDate, reference: 'QĐ 1/QĐ-UBND', amount: '50000000000' },
    { 'idempotency-key': randomUUID() },
  );
  const product = await ok<{ id: string }>('POST', '/loan-products', admin, {
    code: `HTX-${suffix.toUpperCase()}`,
    name: 'Cho vay sản xuất chè',
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

  const cooperative = async (name: string, code: string): Promise<string> =>
    (
      await ok<{ id: string }>('POST', '/borrowers', officer, {
        type: 'COOPERATIVE',
        identityCode: code,
        legalName: name,
        shortName: name.replace('Hợp tác xã', 'HTX'),
        legalRepresentative: 'Nguyễn Văn Hùng',
        phone: '0912345678',
        memberCount: 25,
        charterCapital: '2500000000',
        provinceCode: '19',
        communeCode: '05443',
        sectorVersion: 'VSIC2018',
        sectorCode: 'A',
      })
    ).id;
  const digits = String(Date.now()).slice(-7);
  const borrowerA = await cooperative(`Hợp tác xã Chè Tân Cương ${suffix}`, `461${digits}`);
  const borrowerB = await cooperative(`Hợp tác xã Rau an toàn Đồng Hỷ ${suffix}`, `462${digits}`);

  const application = async (borrowerId: string, amount: string): Promise<string> => {
    const app = await ok<{ id: string }>('POST', '/loan-applications', officer, {
      borrowerId,
      productId: product.id,
      capitalSourceId: source.id,
      requestedAmount: amount,
      termMonths: 12,
      repaymentFrequency: 'MONTHLY',
      purpose: 'Mở rộng vùng chè an toàn 12 ha',
      sectorVersion: 'VSIC2018',
      sectorCode: 'A',
      totalInvestment: String(BigInt(amount) * 2n),
      ownContribution: amount,
      collateralDescription: 'Quyền sử dụng đất 2.000 m²',
      collateralValue: String(BigInt(amount) * 2n),
      creditReportReference: `CIC-${suffix}`,
      creditReportDate: businessDate,
    });
    await ok('POST', `/loan-applications/${app.id}/submit`, officer);
    await ok('POST', `/loan-applications/${app.id}/start-appraisal`, appraiser);
    await ok('POST', `/loan-applications/${app.id}/appraisals`, appraiser, {
      findings: 'Khả thi',
      recommendedAmount: amount,
      recommendedTermMonths: 12,
      recommendedRatePercent: '6',
      riskRating: 'LOW',
    });
    return app.id;
  };
  const disbursedLoan = async (borrowerId: string, amount: string): Promise<{ id: string; contractNumber: string }> => {
    const appId = await application(borrowerId, amount);
    await ok('POST', `/loan-applications/${appId}/approve`, approver, { approvedAmount: amount, approvedTermMonths: 12, approvedRatePercent: '6' });
    const loan = await ok<{ id: string; contractNumber: string }>('POST', `/loan-applications/${appId}/contract`, officer, { signingDate: businessDate });
    await ok(
      'POST',
      `/loans/${loan.id}/disbursements`,
      officer,
      { amount, valueDate: businessDate, reference: `UNC-${suffix}`, channel: 'BANK_TRANSFER' },
      { 'idempotency-key': randomUUID() },
    );
    return { id: loan.id, contractNumber: loan.contractNumber };
  };
  const mine = await disbursedLoan(borrowerA, '600000000');
  const theirs = await disbursedLoan(borrowerB, '300000000');
  // Its own land, insured until 50 days on: within the 30 warning days when the reminders run
  // (docs/collateral.md), so the insurance expiry reaches the cooperative's notifications.
  const land = await ok<{ id: string }>('POST', '/collateral-assets', officer, {
    borrowerId: borrowerA,
    type: 'REAL_ESTATE',
    kind: 'LAND_USE_RIGHT',
    description: 'QSDĐ 2.000 m² Tân Cương',
    identifiers: { certificateNumber: 'CS 01234', parcelNumber: '125', mapSheet: '12', areaM2: '2000', address: 'Xóm Chè', commune: 'Xã Tân Cương' },
    ownerKind: 'BORROWER',
    valuation: { valuationDate: businessDate, value: '1200000000', method: 'MARKET_COMPARISON', valuerKind: 'FUND', valuerName: 'Tổ thẩm định Quỹ' },
  });
  await ok('POST', `/collateral-assets/${land.id}/insurances`, officer, {
    insurer: 'Bảo Việt',
    policyNumber: `BV-${suffix}`,
    startDate: addDays(businessDate, -300),
    expiryDate: addDays(businessDate, 50),
  });
  // A document of the cooperative's file and one of its loan, uploaded by the officer (the portal reads them).
  const pdf = (text: string): Blob => new Blob([`%PDF-1.4\n% ${text}\n${' '.repeat(400)}\n%%EOF\n`], { type: 'application/pdf' });
  const uploadDoc = async (path: string, docType: string, name: string): Promise<void> => {
    const form = new FormData();
    form.append('docType', docType);
    form.append('file', pdf(name), name);
    const res = await fetch(`${baseUrl()}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${officer}` }, body: form });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  };
  await uploadDoc(`/borrowers/${borrowerA}/documents`, 'COOP_REGISTRATION', 'giay-chung-nhan-dkhtx.pdf');
  await uploadDoc(`/loans/${mine.id}/documents`, 'SIGNED_CONTRACT', 'hop-dong-tin-dung.pdf');
  // A second application of the cooperative, still being appraised: the portal shows its stage.
  await application(borrowerA, '200000000');

  await ok('POST', '/users', admin, {
    username: COOP.username,
    displayName: COOP.displayName,
    password: COOP.password,
    roles: ['COOPERATIVE'],
    borrowerId: borrowerA,
  });

  // Close 40 days past the disbursement (the test server allows closing days the clock has not
  // ended), so the first installment is overdue whatever business date earlier journeys left.
  await ok('POST', '/close-of-business', admin, { until: addDays(businessDate, 40) });
  const run = await ok<{ jobId: string }>('POST', '/notifications/reminder-runs', admin, {});
  for (let i = 0; i < 100; i++) {
    const r = await ok<{ state: string }>('GET', `/notifications/reminder-runs/${run.jobId}`, admin);
    if (r.state === 'completed') break;
    if (r.state === 'failed') throw new Error('reminder run failed');
    await new Promise((res) => setTimeout(res, 200));
  }
  const { lastClosedDate } = await ok<{ lastClosedDate: string }>('GET', '/business-date', admin);
  return { mine, theirs, lastClosed: lastClosedDate };
}
