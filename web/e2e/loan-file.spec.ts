import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { apiCall, token } from './loan-fixture';
import { checkPage, login } from './support';
import { ADMIN, APPROVER, OFFICER } from './users';

/** A 1×1 PNG (the phone's photo) and a small PDF (a scanned paper). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n${' '.repeat(600)}\n%%EOF\n`);
const REQUIRED = [
  ['COOP_REGISTRATION', 'Giấy chứng nhận đăng ký HTX', 'giay-chung-nhan-dkhtx.pdf'],
  ['CHARTER', 'Điều lệ', 'dieu-le-htx.pdf'],
  ['BUSINESS_PLAN', 'Phương án sản xuất kinh doanh', 'phuong-an-sxkd.pdf'],
] as const;

interface World {
  appId: string;
  loanId?: string;
  contractNumber?: string;
  businessDate: string;
}
const world: World = { appId: '', businessDate: '' };

// One application followed from its documents to the inspection of its first tranche: in order.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const admin = await token(ADMIN);
  const officer = await token(OFFICER);
  const tag = `${Date.now() % 100_000_000}`.padStart(8, '0');
  const { businessDate } = await apiCall<{ businessDate: string }>(officer, 'GET', '/business-date');
  world.businessDate = businessDate;
  const charter = await apiCall<unknown[]>(admin, 'GET', '/fund/charter-capital');
  if (charter.length === 0) await apiCall(admin, 'POST', '/fund/charter-capital', { effectiveDate: '2020-01-01', amount: '500000000000' });
  const source = await apiCall<{ id: string }>(admin, 'POST', '/capital-sources', {
    name: `Vốn hồ sơ ${tag}`,
    kind: 'ENTRUSTED_BUDGET',
    bearsCreditRisk: false,
  });
  await apiCall(
    admin,
    'POST',
    `/capital-sources/${source.id}/movements`,
    { kind: 'ALLOCATION', movementDate: businessDate, reference: 'QĐ 15/QĐ-UBND', amount: '20000000000' },
    { 'Idempotency-Key': randomUUID() },
  );
  const product = await apiCall<{ id: string }>(admin, 'POST', '/loan-products', {
    code: `HS-${tag}`,
    name: 'Cho vay theo chuỗi giá trị',
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
    maxTranches: 2,
    requiredDocumentTypes: REQUIRED.map(([type]) => type),
    inspectionDays: 30,
    trancheRequiresInspection: true,
  });
  const borrower = await apiCall<{ id: string }>(officer, 'POST', '/borrowers', {
    type: 'COOPERATIVE',
    identityCode: `48${tag}`,
    legalName: `Hợp tác xã Dược liệu Định Hóa ${tag}`,
    shortName: 'HTX Dược liệu',
    legalRepresentative: 'Hoàng Văn Thái',
    phone: '0912345679',
    memberCount: 30,
    charterCapital: '3000000000',
    provinceCode: '19',
    communeCode: '05443',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
  });
  const app = await apiCall<{ id: string }>(officer, 'POST', '/loan-applications', {
    borrowerId: borrower.id,
    productId: product.id,
    capitalSourceId: source.id,
    requestedAmount: '500000000',
    termMonths: 12,
    repaymentFrequency: 'MONTHLY',
    purpose: 'Xây nhà sấy dược liệu',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
    totalInvestment: '1000000000',
    ownContribution: '500000000',
    collateralDescription: 'Quyền sử dụng đất 1.500 m²',
    collateralValue: '900000000',
    creditReportReference: `CIC-${tag}`,
    creditReportDate: businessDate,
  });
  world.appId = app.id;
});

async function chooseType(page: Page, label: string): Promise<void> {
  await page.getByTestId('documents-APPLICATION').getByRole('combobox', { name: 'Loại tài liệu' }).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

test('an officer uploads the checklist’s documents by drag-and-drop zone, sees the checklist complete and submits', async ({ page }) => {
  await login(page, OFFICER, `/applications/${world.appId}`);
  await expect(page.getByTestId('checklist-summary')).toContainText('Còn thiếu 3 loại tài liệu');
  await checkPage(page, 'loan-file-application-missing');
  for (const [type, label, file] of REQUIRED) {
    await chooseType(page, label);
    await page
      .getByTestId('documents-APPLICATION')
      .getByTestId('upload-dropzone')
      .locator('input[type=file]')
      .setInputFiles({ name: file, mimeType: 'application/pdf', buffer: pdf(label) });
    await expect(page.getByTestId('documents-APPLICATION').getByTestId(`document-${type}`)).toContainText(file);
  }
  await expect(page.getByTestId('checklist-summary')).toContainText('Đủ hồ sơ');
  // A renamed executable is refused from its content, and the reason is shown.
  await chooseType(page, 'Khác');
  const exe = Buffer.alloc(256);
  exe.write('MZ', 0, 'latin1');
  await page
    .getByTestId('documents-APPLICATION')
    .getByTestId('upload-dropzone')
    .locator('input[type=file]')
    .setInputFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: exe });
  await expect(page.getByTestId('upload-refusal')).toContainText('bao-cao.pdf');
  await checkPage(page, 'loan-file-application-complete');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).first().click();
  await expect(page.getByText('Đã nộp hồ sơ').first()).toBeVisible();
});

test('approved and disbursed (through the API), the first tranche falls due for inspection', async () => {
  const officer = await token(OFFICER);
  await apiCall(officer, 'POST', `/loan-applications/${world.appId}/start-appraisal`);
  await apiCall(officer, 'POST', `/loan-applications/${world.appId}/appraisals`, {
    findings: 'Khả thi',
    recommendedAmount: '500000000',
    recommendedTermMonths: 12,
    recommendedRatePercent: '6',
    riskRating: 'LOW',
  });
  await apiCall(APPROVER, 'POST', `/loan-applications/${world.appId}/approve`, {
    approvedAmount: '500000000',
    approvedTermMonths: 12,
    approvedRatePercent: '6',
  });
  const loan = await apiCall<{ id: string; contractNumber: string }>(officer, 'POST', `/loan-applications/${world.appId}/contract`, {});
  world.loanId = loan.id;
  world.contractNumber = loan.contractNumber;
  await apiCall(
    officer,
    'POST',
    `/loans/${loan.id}/disbursements`,
    { amount: '300000000', valueDate: world.businessDate, reference: 'UNC-HS-0001', channel: 'BANK_TRANSFER' },
    { 'Idempotency-Key': randomUUID() },
  );
  const list = await apiCall<Array<{ status: string }>>(officer, 'GET', `/loans/${loan.id}/inspections`);
  expect(list.map((i) => i.status)).toEqual(['DUE']);
});

test.describe('in the field, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the officer records the inspection with a photo from the camera', async ({ page }) => {
    await login(page, OFFICER, `/inspections?status=DUE`);
    await expect(page.getByTestId('inspection-queue')).toContainText(world.contractNumber ?? '');
    await checkPage(page, 'loan-file-inspections-queue-phone');
    await page.getByRole('link', { name: `Ghi biên bản kiểm tra lần 1 của ${world.contractNumber}` }).click();
    await expect(page.getByLabel('Người kiểm tra')).toHaveValue(OFFICER.displayName);
    await page.getByLabel('Ghi chú').fill('Đã xây xong nhà sấy, có hóa đơn vật liệu');
    await checkPage(page, 'loan-file-inspection-form-phone');
    await page.getByRole('button', { name: 'Lưu biên bản' }).click();
    await expect(page.getByTestId('inspection-recorded')).toContainText('Đúng mục đích');
    const camera = page.getByTestId('inspection-photos').getByTestId('upload-dropzone').locator('input[type=file]');
    await expect(camera).toHaveAttribute('capture', 'environment');
    await expect(camera).toHaveAttribute('accept', /image\//);
    await camera.setInputFiles({ name: 'nha-say.png', mimeType: 'image/png', buffer: PNG });
    await expect(page.getByTestId('inspection-photos').getByTestId('document-PHOTO')).toContainText('nha-say.png');
    await checkPage(page, 'loan-file-inspection-photo-phone');
  });
});

test('the loan page shows the documents and the inspection', async ({ page }) => {
  await login(page, OFFICER, `/loans/${world.loanId}?tab=documents`);
  await expect(page.getByTestId('documents-APPLICATION').getByTestId('document-CHARTER')).toContainText('dieu-le-htx.pdf');
  await page
    .getByTestId('documents-LOAN')
    .getByTestId('upload-dropzone')
    .locator('input[type=file]')
    .setInputFiles({ name: 'hop-dong-da-ky.pdf', mimeType: 'application/pdf', buffer: pdf('hợp đồng') });
  await expect(page.getByTestId('documents-LOAN').getByTestId('document-SIGNED_CONTRACT')).toContainText('hop-dong-da-ky.pdf');
  await checkPage(page, 'loan-file-loan-documents');
  await page.getByRole('tab', { name: 'Kiểm tra sử dụng vốn' }).click();
  await expect(page.getByTestId('loan-inspections')).toContainText('Đúng mục đích');
  await expect(page.getByTestId('documents-INSPECTION').getByTestId('document-PHOTO')).toContainText('nha-say.png');
  await checkPage(page, 'loan-file-loan-inspections');
});

test('a misuse finding on the second tranche goes to the approvers’ queue; approved, the principal falls due on the recall date', async ({ page }) => {
  const officer = await token(OFFICER);
  await apiCall(
    officer,
    'POST',
    `/loans/${world.loanId}/disbursements`,
    { amount: '200000000', valueDate: world.businessDate, reference: 'UNC-HS-0002', channel: 'BANK_TRANSFER' },
    { 'Idempotency-Key': randomUUID() },
  );
  const second = (await apiCall<Array<{ trancheNo: number; disbursementEventId: string }>>(officer, 'GET', `/loans/${world.loanId}/inspections`)).find(
    (i) => i.trancheNo === 2,
  );
  const recallDate = new Date(`${world.businessDate}T00:00:00Z`);
  recallDate.setUTCDate(recallDate.getUTCDate() + 30);
  const recall = recallDate.toISOString().slice(0, 10);
  await apiCall(officer, 'POST', `/loans/${world.loanId}/inspections`, {
    disbursementEventId: second?.disbursementEventId,
    visitDate: world.businessDate,
    inspectors: 'Nguyễn Thị Lan',
    finding: 'NOT_AS_PLANNED',
    amountVerified: '0',
    notes: 'Vốn vay dùng mua ô tô cá nhân',
    recallDate: recall,
  });
  await login(page, APPROVER, '/approvals?kind=RECALL');
  await page
    .getByRole('link', { name: /Thu hồi nợ trước hạn/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: `Đề xuất thu hồi nợ trước hạn · ${world.contractNumber}` })).toBeVisible();
  await expect(page.getByText('Không đúng mục đích')).toBeVisible();
  await checkPage(page, 'loan-file-recall-case');
  await page.getByLabel('Ý kiến phê duyệt / lý do').fill('Đồng ý thu hồi theo biên bản kiểm tra');
  await page.getByTestId('decision-panel').getByRole('button', { name: 'Phê duyệt' }).click();
  await expect(page.getByText('Gốc đến hạn vào ngày thu hồi')).toBeVisible();
  const schedule = await apiCall<Array<{ dueDate: string }>>(officer, 'GET', `/loans/${world.loanId}/schedule`);
  expect(schedule.at(-1)?.dueDate).toBe(recall);
  await checkPage(page, 'loan-file-recall-approved');
});
