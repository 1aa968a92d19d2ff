import { addDays } from '../src/platform/dates/index.js';
import { ApiClient } from './api-client.js';
import { SECTORS, type ShapeSpec } from './shapes.js';

/** The staff, capital and the seed loans (one per shape) created through the real HTTP API. */
export interface World {
  adminId: string;
  officerId: string;
  tokens: { admin: string; officer: string; auditor: string };
  capitalSourceIds: string[];
  seeds: Array<{ spec: ShapeSpec; loanId: string }>;
}

const PASSWORD = 'bench-password-1';
export const CAPITAL_PER_SOURCE = '500000000000000';
const SOURCES = 4;

async function user(admin: ApiClient, username: string, roles: string[]): Promise<{ id: string; token: string }> {
  const u = await admin.ok<{ id: string }>('POST', '/users', { username, displayName: `Bench ${username}`, password: PASSWORD, roles });
  return { id: u.id, token: await admin.login(username, PASSWORD) };
}

/**
 * Origination through the API, so borrowers, products, applications (with their status
 * history, appraisals and audit events) and contracts are exactly what the services write.
 * Money then moves in the simulation (simulate.ts), written by the loader.
 */
export async function createWorld(baseUrl: string, adminPassword: string, specs: readonly ShapeSpec[], log: (m: string) => void): Promise<World> {
  const anon = new ApiClient(baseUrl);
  const admin = anon.as(await anon.login('admin', adminPassword));
  const me = await admin.ok<{ id: string }>('GET', '/auth/me');
  const officer = await user(admin, 'bench.officer', ['OFFICER']);
  const appraiser = await user(admin, 'bench.appraiser', ['OFFICER']);
  const approver = await user(admin, 'bench.approver', ['APPROVER']);
  const auditor = await user(admin, 'bench.auditor', ['AUDITOR']);
  const asOfficer = anon.as(officer.token);
  const asAppraiser = anon.as(appraiser.token);
  const asApprover = anon.as(approver.token);

  const firstStart = specs.reduce((d, s) => (s.startDate < d ? s.startDate : d), specs[0].startDate);
  const opening = addDays(firstStart, -20);
  await admin.ok('PUT', '/business-date', { businessDate: opening });
  await admin.ok('POST', '/fund/charter-capital', { effectiveDate: '2020-01-01', amount: '1000000000000000' });
  const capitalSourceIds: string[] = [];
  for (let i = 0; i < SOURCES; i += 1) {
    const s = await admin.ok<{ id: string }>('POST', '/capital-sources', {
      name: `Nguồn vốn bench ${i + 1}`,
      kind: i === 0 ? 'CHARTER_CAPITAL' : 'ENTRUSTED_BUDGET',
      bearsCreditRisk: i === 0,
    });
    await admin.idempotent(`/capital-sources/${s.id}/movements`, {
      kind: 'ALLOCATION',
      movementDate: opening,
      reference: `QĐ ${i + 1}/QĐ-UBND`,
      amount: CAPITAL_PER_SOURCE,
    });
    capitalSourceIds.push(s.id);
  }
  const products: Record<ShapeSpec['method'], string> = { EQUAL_PRINCIPAL: '', ANNUITY: '' };
  for (const method of ['EQUAL_PRINCIPAL', 'ANNUITY'] as const) {
    const p = await admin.ok<{ id: string }>('POST', '/loan-products', {
      code: `BENCH-${method}`,
      name: method === 'ANNUITY' ? 'Cho vay trả góp đều' : 'Cho vay sản xuất kinh doanh',
      minAmount: '10000000',
      maxAmount: '5000000000',
      minTermMonths: 6,
      maxTermMonths: 60,
      annualInterestRatePercent: '7.8',
      principalFrequency: 'MONTHLY',
      interestFrequency: 'MONTHLY',
      amortizationMethod: method,
      principalGracePeriods: 0,
      maxTranches: 3,
      allowedBorrowerTypes: ['COOPERATIVE'],
      allowedSectors: [],
      collateralRequired: false,
      // bench/simulate.ts replays the schedules without a calendar: keep due dates where they fall.
      businessDayRule: 'NONE',
    });
    products[method] = p.id;
  }
  const borrowers: string[] = [];
  for (let i = 0; i < SECTORS.length; i += 1) {
    const b = await asOfficer.ok<{ id: string }>('POST', '/borrowers', {
      type: 'COOPERATIVE',
      identityCode: `46${String(10_000_000 + i)}`,
      legalName: `Hợp tác xã bench ${i + 1}`,
      shortName: `HTX bench ${i + 1}`,
      legalRepresentative: 'Nguyễn Văn Hùng',
      phone: '0912345678',
      memberCount: 20 + i,
      charterCapital: '2500000000',
      provinceCode: '19',
      communeCode: '05443',
      sectorVersion: 'VSIC2018',
      sectorCode: SECTORS[i],
    });
    borrowers.push(b.id);
  }
  const seeds: World['seeds'] = [];
  for (const spec of specs) {
    const app = await asOfficer.ok<{ id: string }>('POST', '/loan-applications', {
      borrowerId: borrowers[spec.borrower],
      productId: products[spec.method],
      capitalSourceId: capitalSourceIds[spec.index % SOURCES],
      requestedAmount: spec.amount,
      termMonths: spec.termMonths,
      repaymentFrequency: 'MONTHLY',
      purpose: 'Mở rộng sản xuất',
      sectorVersion: 'VSIC2018',
      sectorCode: SECTORS[spec.borrower],
      totalInvestment: String(BigInt(spec.amount) * 2n),
      ownContribution: spec.amount,
      collateralDescription: 'Quyền sử dụng đất',
      collateralValue: String(BigInt(spec.amount) * 2n),
      creditReportReference: `CIC-${spec.index}`,
      creditReportDate: addDays(opening, -5),
    });
    await asOfficer.ok('POST', `/loan-applications/${app.id}/submit`);
    await asAppraiser.ok('POST', `/loan-applications/${app.id}/start-appraisal`);
    await asAppraiser.ok('POST', `/loan-applications/${app.id}/appraisals`, {
      findings: 'Khả thi',
      recommendedAmount: spec.amount,
      recommendedTermMonths: spec.termMonths,
      recommendedRatePercent: spec.ratePercent,
      riskRating: 'LOW',
    });
    await asApprover.ok('POST', `/loan-applications/${app.id}/approve`, {
      approvedAmount: spec.amount,
      approvedTermMonths: spec.termMonths,
      approvedRatePercent: spec.ratePercent,
    });
    const loan = await asOfficer.ok<{ id: string }>('POST', `/loan-applications/${app.id}/contract`, { signingDate: addDays(spec.startDate, -3) });
    seeds.push({ spec, loanId: loan.id });
  }
  log(`world: ${borrowers.length} borrowers, ${capitalSourceIds.length} capital sources, ${seeds.length} contracted seed loans`);
  return {
    adminId: me.id,
    officerId: officer.id,
    tokens: { admin: admin.token ?? '', officer: officer.token, auditor: auditor.token },
    capitalSourceIds,
    seeds,
  };
}
