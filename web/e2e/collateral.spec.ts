import { expect, test, type Page } from '@playwright/test';
import { baseUrl, checkPage, login } from './support';
import { ADMIN, APPROVER, OFFICER } from './users';
import { api } from './api-as';

async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

const minusDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

test('an officer registers an asset with a valuation and pledges it to an application; the cover check shows; approved, the loan’s collateral tab shows it', async ({
  page,
}) => {
  // Arranged through the API: a product that requires 50% discounted cover, a source, a borrower and its draft application of 400M.
  const s = Date.now().toString(36);
  const appraiser = { username: `web.appraiser.c${s}`, password: 'web-appraiser-password-1' };
  await api('POST', '/users', ADMIN, { ...appraiser, displayName: 'Lê Thị Hoa', roles: ['OFFICER'] });
  const { businessDate } = await api<{ businessDate: string }>('GET', '/workspace', OFFICER);
  await api('POST', '/fund/charter-capital', ADMIN, { effectiveDate: '2020-01-01', amount: '500000000000' }).catch(() => undefined);
  const source = await api('POST', '/capital-sources', ADMIN, { name: `Nguồn vốn TSBĐ ${s}`, kind: 'ENTRUSTED_BUDGET', bearsCreditRisk: true });
  await api(
    'POST',
    `/capital-sources/${source.id}/movements`,
    ADMIN,
    { kind: 'ALLOCATION', movementDate: businessDate, reference: 'QĐ 9/QĐ-UBND', amount: '10000000000' },
    { 'idempotency-key': crypto.randomUUID() },
  );
  const product = await api('POST', '/loan-products', ADMIN, {
    code: `TSBD-${s.toUpperCase()}`,
    name: 'Cho vay có bảo đảm',
    minAmount: '10000000',
    maxAmount: '5000000000',
    minTermMonths: 6,
    maxTermMonths: 60,
    annualInterestRatePercent: '7.2',
    principalFrequency: 'MONTHLY',
    interestFrequency: 'MONTHLY',
    allowedBorrowerTypes: ['COOPERATIVE'],
    collateralRequired: true,
    collateralMinCoverPercent: '50',
  });
  const borrowerName = `Hợp tác xã Chè Tân Cương ${s}`;
  const borrower = await api('POST', '/borrowers', OFFICER, {
    type: 'COOPERATIVE',
    identityCode: `48${String(Date.now()).slice(-8)}`,
    legalName: borrowerName,
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
    requestedAmount: '400000000',
    termMonths: 12,
    repaymentFrequency: 'MONTHLY',
    purpose: 'Mở rộng vùng chè an toàn',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
    totalInvestment: '800000000',
    ownContribution: '400000000',
    collateralDescription: 'Quyền sử dụng đất 2.000 m²',
    collateralValue: '1000000000',
    creditReportReference: 'CIC-2026-9',
    creditReportDate: minusDays(businessDate, 3),
  });

  // Before any pledge the application's checks show the cover short.
  await login(page, OFFICER, `/applications/${app.id}`);
  await expect(page.getByTestId('lending-refusals')).toContainText('Giá trị tài sản bảo đảm đạt mức tối thiểu của sản phẩm');
  await checkPage(page, 'collateral-application-short');

  // The officer registers the land use right with its first valuation.
  await page.getByRole('main').getByRole('link', { name: 'Tài sản bảo đảm' }).click();
  await expect(page).toHaveURL(new RegExp(`/collateral\\?borrowerId=${borrower.id}$`));
  await expect(page.getByText('Chưa có tài sản bảo đảm.')).toBeVisible();
  await checkPage(page, 'collateral-assets-empty');
  await page.getByRole('link', { name: 'Đăng ký tài sản' }).click();
  await page.getByLabel('Mô tả').fill('Quyền sử dụng đất 2.000 m² xóm Chè');
  await page.getByLabel('Số giấy chứng nhận').fill('CS 01234');
  await page.getByLabel('Thửa đất số').fill('125');
  await page.getByLabel('Tờ bản đồ số').fill('12');
  await page.getByLabel('Diện tích (m²)').fill('2000');
  await page.getByLabel('Địa chỉ').fill('Xóm Chè');
  await page.getByLabel('Xã, phường').fill('Xã Tân Cương');
  await page.getByLabel('Giá trị định giá').fill('1000000000');
  await expect(page.getByLabel('Giá trị định giá')).toHaveValue('1.000.000.000');
  await page.getByLabel('Người / tổ chức định giá').fill('Tổ thẩm định Quỹ');
  await checkPage(page, 'collateral-register');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page).toHaveURL(/\/collateral\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Quyền sử dụng đất 2.000 m² xóm Chè' })).toBeVisible();
  await expect(page.getByText('1.000.000.000 ₫').first()).toBeVisible();

  // Pledged to the application with its whole value.
  await page.getByRole('button', { name: 'Thế chấp cho hồ sơ / khoản vay' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Bảo đảm cho').click();
  await page.getByRole('option', { name: `Hồ sơ #${app.id}` }).click();
  await expect(dialog.getByLabel('Giá trị phân bổ')).toHaveValue('1.000.000.000');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('link', { name: `Hồ sơ #${app.id}` })).toBeVisible();
  await checkPage(page, 'collateral-asset');

  // The application's cover check passes: 1,000M × 50% = 500M ≥ 50% × 400M.
  await page.getByRole('link', { name: `Hồ sơ #${app.id}` }).click();
  await expect(page.getByTestId('lending-checks-passed')).toBeVisible();
  await expect(page.getByText('Giá trị tài sản bảo đảm đạt mức tối thiểu của sản phẩm', { exact: true })).toBeVisible();
  await checkPage(page, 'collateral-application-checks');
  await logout(page);

  await api('POST', `/loan-applications/${app.id}/submit`, OFFICER);
  await api('POST', `/loan-applications/${app.id}/start-appraisal`, appraiser);
  await api('POST', `/loan-applications/${app.id}/appraisals`, appraiser, {
    findings: 'Khả thi',
    recommendedAmount: '400000000',
    recommendedTermMonths: 12,
    recommendedRatePercent: '7.2',
    riskRating: 'LOW',
  });

  // The approver approves from the case page.
  await login(page, APPROVER, `/approvals/applications/${app.id}`);
  await expect(page.getByTestId('lending-checks-passed')).toBeVisible();
  await page.getByLabel('Ý kiến phê duyệt / lý do').fill('Đồng ý, tài sản bảo đảm đủ.');
  await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
  await expect(page.getByTestId('application-status')).toHaveText('Đã phê duyệt');

  // A release proposal of another asset waits in the approvers' queue.
  const deposit = await api<{ id: string }>('POST', '/collateral-assets', OFFICER, {
    borrowerId: borrower.id,
    type: 'DEPOSIT',
    kind: 'DEPOSIT',
    description: 'Sổ tiết kiệm Agribank',
    identifiers: { institution: 'Agribank Thái Nguyên', accountNumber: '3900205123456' },
    ownerKind: 'BORROWER',
    valuation: { valuationDate: businessDate, value: '50000000', method: 'FACE_VALUE', valuerKind: 'FUND', valuerName: 'Tổ thẩm định Quỹ' },
  });
  const release = await api('POST', `/collateral-assets/${deposit.id}/releases`, OFFICER, { reason: 'Khách hàng rút sổ tiết kiệm' });
  await page.goto(`${baseUrl()}/approvals`);
  await expect(page.getByTestId(`release-${release.id}`)).toContainText('Sổ tiết kiệm Agribank');
  await checkPage(page, 'collateral-release-queue');
  await page.getByTestId(`release-${release.id}`).getByRole('button', { name: 'Phê duyệt giải chấp' }).click();
  await expect(page.getByTestId(`release-${release.id}`)).toHaveCount(0);
  await logout(page);

  // Contracted, the pledge is carried to the loan: its Tài sản bảo đảm tab shows the asset and the cover.
  const loan = await api('POST', `/loan-applications/${app.id}/contract`, OFFICER, {});
  await login(page, OFFICER, `/loans/${loan.id}?tab=collateral`);
  await expect(page.getByRole('tab', { name: 'Tài sản bảo đảm' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('link', { name: 'Quyền sử dụng đất 2.000 m² xóm Chè' })).toBeVisible();
  await expect(page.getByText('Đủ bảo đảm')).toBeVisible();
  await expect(page.getByText('TSBĐ sau khấu trừ ≥ 50% dư nợ')).toBeVisible();
  await checkPage(page, 'collateral-loan-tab');

  // The collateral reports: the loan's cover, and provisions before and after the deduction.
  await page.goto(`${baseUrl()}/reports/collateral`);
  await expect(page.getByRole('heading', { name: 'Mức bảo đảm theo khoản vay' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Dự phòng cụ thể trước và sau khấu trừ/ })).toBeVisible();
  await checkPage(page, 'collateral-reports');
});
