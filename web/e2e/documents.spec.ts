import { expect, test } from '@playwright/test';
import { checkPage, login } from './support';
import { ADMIN, APPROVER, OFFICER } from './users';
import { api } from './api-as';

const minusDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

test('an officer prints a loan’s contract and the acknowledgement of its tranche from the loan’s documents page', async ({ page }) => {
  // Arrange through the API what the officers' journeys do by clicking: a contracted loan with one tranche.
  const s = Date.now().toString(36);
  const appraiser = { username: `web.appraiser.${s}`, password: 'web-appraiser-password-1' };
  await api('POST', '/users', ADMIN, { ...appraiser, displayName: 'Lê Thị Hoa', roles: ['OFFICER'] });
  const { businessDate } = await api<{ businessDate: string }>('GET', '/workspace', OFFICER);
  await api('POST', '/fund/charter-capital', ADMIN, { effectiveDate: '2020-01-01', amount: '500000000000' }).catch(() => undefined);
  const source = await api('POST', '/capital-sources', ADMIN, { name: `Nguồn vốn chứng từ ${s}`, kind: 'ENTRUSTED_BUDGET', bearsCreditRisk: true });
  await api(
    'POST',
    `/capital-sources/${source.id}/movements`,
    ADMIN,
    { kind: 'ALLOCATION', movementDate: businessDate, reference: 'QĐ 9/QĐ-UBND', amount: '10000000000' },
    { 'idempotency-key': crypto.randomUUID() },
  );
  const product = await api('POST', '/loan-products', ADMIN, {
    code: `DOC-${s.toUpperCase()}`,
    name: 'Cho vay trồng chè',
    minAmount: '10000000',
    maxAmount: '5000000000',
    minTermMonths: 6,
    maxTermMonths: 60,
    annualInterestRatePercent: '7.2',
    principalFrequency: 'MONTHLY',
    interestFrequency: 'MONTHLY',
    allowedBorrowerTypes: ['COOPERATIVE'],
    collateralRequired: false,
  });
  const borrower = await api('POST', '/borrowers', OFFICER, {
    type: 'COOPERATIVE',
    identityCode: `47${String(Date.now()).slice(-8)}`,
    legalName: `Hợp tác xã Chè Tân Cương ${s}`,
    legalRepresentative: 'Đỗ Văn Nam',
    provinceCode: '19',
    communeCode: '05443',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
  });
  const app = await api('POST', '/loan-applications', OFFICER, {
    borrowerId: borrower.id,
    productId: product.id,
    capitalSourceId: source.id,
    requestedAmount: '150000000',
    termMonths: 12,
    repaymentFrequency: 'MONTHLY',
    purpose: 'Mở rộng vùng chè an toàn',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
    totalInvestment: '300000000',
    ownContribution: '150000000',
    collateralDescription: 'Quyền sử dụng đất 2.000 m²',
    collateralValue: '400000000',
    creditReportReference: 'CIC-2026-9',
    creditReportDate: minusDays(businessDate, 3),
  });
  await api('POST', `/loan-applications/${app.id}/submit`, OFFICER);
  await api('POST', `/loan-applications/${app.id}/start-appraisal`, appraiser);
  await api('POST', `/loan-applications/${app.id}/appraisals`, appraiser, {
    findings: 'Khả thi',
    recommendedAmount: '150000000',
    recommendedTermMonths: 12,
    recommendedRatePercent: '7.2',
    riskRating: 'LOW',
  });
  await api('POST', `/loan-applications/${app.id}/approve`, APPROVER, { approvedAmount: '150000000', approvedTermMonths: 12, approvedRatePercent: '7.2' });
  const loan = await api('POST', `/loan-applications/${app.id}/contract`, OFFICER, {});
  await api(
    'POST',
    `/loans/${loan.id}/disbursements`,
    OFFICER,
    { amount: '150000000', valueDate: businessDate, reference: 'UNC-0001', channel: 'BANK_TRANSFER' },
    { 'idempotency-key': crypto.randomUUID() },
  );

  await login(page, OFFICER, `/loans/${loan.id}/documents`);
  await expect(page.getByRole('heading', { name: /Chứng từ in của hợp đồng/ })).toBeVisible();
  const print = page.getByRole('button', { name: /In khế ước nhận nợ/ });
  await expect(print).toBeVisible();
  await checkPage(page, 'loan-documents');
  // The button fetches the PDF with the token and opens it in a new tab for the browser to print.
  const [popup, response] = await Promise.all([
    page.waitForEvent('popup'),
    page.waitForResponse((r) => r.url().endsWith('/documents/contract.pdf')),
    page.getByRole('button', { name: /In hợp đồng tín dụng/ }).click(),
  ]);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  // The PDF's content is the API's test (test/documents); here: the right document reached the tab.
  expect(response.headers()['content-disposition']).toContain('hop-dong-tin-dung-');
  await expect.poll(() => popup.url()).toMatch(/^blob:/);
});
