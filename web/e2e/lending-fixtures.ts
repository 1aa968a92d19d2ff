import { randomUUID } from 'node:crypto';
import { baseUrl } from './support';
import { ADMIN, OFFICER } from './users';

/**
 * Seed data the application journeys need, created through the API as the admin and an officer
 * would (charter capital, a capital source holding capital, a product, a cooperative): never
 * written to the database directly.
 */
export async function token(user: { username: string; password: string }): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  const body = (await res.json()) as { accessToken: string };
  return body.accessToken;
}

export async function apiCall<T>(
  method: string,
  path: string,
  tok: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}`, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function created<T>(method: string, path: string, tok: string, body: unknown, headers?: Record<string, string>): Promise<T> {
  const res = await apiCall<T>(method, path, tok, body, headers);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface LendingWorld {
  borrowerName: string;
  borrowerTaxCode: string;
  productCode: string;
  sourceName: string;
}

/** Charter capital 20 bn (15% = 3 bn), a source holding 10 bn, a quarterly product, and a cooperative in the fund's province. */
export async function seedLendingWorld(): Promise<LendingWorld> {
  const admin = await token(ADMIN);
  const officer = await token(OFFICER);
  const tag = `${Date.now() % 100000}`;
  // The journeys share one database: the charter capital another journey set stays (its date is taken).
  const charter = await apiCall<unknown[]>('GET', '/fund/charter-capital', admin);
  if (charter.body.length === 0) await created('POST', '/fund/charter-capital', admin, { effectiveDate: '2020-01-01', amount: '20000000000' });
  const sourceName = `Ngân sách tỉnh ủy thác ${tag}`;
  const source = await created<{ id: string }>('POST', '/capital-sources', admin, { name: sourceName, kind: 'ENTRUSTED_BUDGET', bearsCreditRisk: false });
  await created(
    'POST',
    `/capital-sources/${source.id}/movements`,
    admin,
    { kind: 'ALLOCATION', movementDate: '2020-01-05', reference: 'QĐ 12/QĐ-UBND', amount: '10000000000' },
    { 'idempotency-key': randomUUID() },
  );
  const productCode = `NN-${tag}`;
  await created('POST', '/loan-products', admin, {
    code: productCode,
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
  });
  const borrowerTaxCode = `47${String(Date.now()).slice(-8)}`;
  const borrowerName = `Hợp tác xã Chè Phúc Xuân ${tag}`;
  await created('POST', '/borrowers', officer, {
    type: 'COOPERATIVE',
    identityCode: borrowerTaxCode,
    legalName: borrowerName,
    legalRepresentative: 'Nguyễn Văn Hùng',
    memberCount: 32,
    charterCapital: '3000000000',
    provinceCode: '19',
    communeCode: '05443',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
  });
  return { borrowerName, borrowerTaxCode, productCode, sourceName };
}
