import { expect, test, type Page } from '@playwright/test';
import { api } from './api-as';
import { baseUrl, checkPage, login } from './support';
import { ADMIN, APPROVER, OFFICER } from './users';

/**
 * The loan file, clicked through in Vietnamese as a fund officer does it (docs/loan-file.md,
 * docs/collateral.md): the officer registers the land use right with its valuation, pledges it to
 * the draft, uploads the checklist's documents and submits; the approver approves (and a release
 * waiting beside it); the officer signs the contract, disburses the first tranche and prints the
 * contract; in the field, on a phone, records the inspection with a photo; the loan page shows the
 * collateral, the documents and the inspection; a misuse on the second tranche ends in a recall.
 * Only what precedes the journey is arranged through the API: a capital source, the product, the
 * cooperative, its draft application, and the appraisal by a second officer.
 */

/** A 1×1 PNG (the phone's photo) and a small PDF (a scanned paper). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n${' '.repeat(600)}\n%%EOF\n`);
const REQUIRED = [
  ['COOP_REGISTRATION', 'Giấy chứng nhận đăng ký HTX', 'giay-chung-nhan-dkhtx.pdf'],
  ['CHARTER', 'Điều lệ', 'dieu-le-htx.pdf'],
  ['BUSINESS_PLAN', 'Phương án sản xuất kinh doanh', 'phuong-an-sxkd.pdf'],
] as const;
const ASSET = 'Quyền sử dụng đất 2.000 m² xóm Chè';

const plusDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface World {
  appId: string;
  borrowerId: string;
  borrowerName: string;
  businessDate: string;
  appraiser: { username: string; password: string };
  loanId?: string;
  contractNumber?: string;
}
const world: World = { appId: '', borrowerId: '', borrowerName: '', businessDate: '', appraiser: { username: '', password: '' } };

async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

async function upload(page: Page, owner: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByTestId(owner).getByTestId('upload-dropzone').locator('input[type=file]').setInputFiles(file);
}

async function chooseType(page: Page, label: string): Promise<void> {
  await page.getByTestId('documents-APPLICATION').getByRole('combobox', { name: 'Loại tài liệu' }).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

// One application followed from its collateral and documents to the recall of its loan: in order.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // A product that requires 50% discounted cover, the three documents of its checklist, an inspection
  // within 30 days of each tranche and the first tranche's inspection before the second.
  const s = Date.now().toString(36);
  world.appraiser = { username: `web.appraiser.hs${s}`, password: 'web-appraiser-password-1' };
  await api('POST', '/users', ADMIN, { ...world.appraiser, displayName: 'Lê Thị Hoa', roles: ['OFFICER'] });
  const { businessDate } = await api<{ businessDate: string }>('GET', '/workspace', OFFICER);
  world.businessDate = businessDate;
  const charter = await api<unknown[]>('GET', '/fund/charter-capital', ADMIN);
  if (charter.length === 0) await api('POST', '/fund/charter-capital', ADMIN, { effectiveDate: '2020-01-01', amount: '500000000000' });
  const source = await api('POST', '/capital-sources', ADMIN, { name: `Nguồn vốn hồ sơ vay ${s}`, kind: 'ENTRUSTED_BUDGET', bearsCreditRisk: true });
  await api(
    'POST',
    `/capital-sources/${source.id}/movements`,
    ADMIN,
    { kind: 'ALLOCATION', movementDate: businessDate, reference: 'QĐ 15/QĐ-UBND', amount: '20000000000' },
    { 'idempotency-key': crypto.randomUUID() },
  );
  const product = await api('POST', '/loan-products', ADMIN, {
    code: `HS-${s.toUpperCase()}`,
    name: 'Cho vay có bảo đảm theo chuỗi giá trị',
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
    collateralRequired: true,
    collateralMinCoverPercent: '50',
    maxTranches: 2,
    requiredDocumentTypes: REQUIRED.map(([type]) => type),
    inspectionDays: 30,
    trancheRequiresInspection: true,
  });
  world.borrowerName = `Hợp tác xã Chè Tân Cương ${s}`;
  const borrower = await api('POST', '/borrowers', OFFICER, {
    type: 'COOPERATIVE',
    identityCode: `48${String(Date.now()).slice(-8)}`,
    legalName: world.borrowerName,
    shortName: 'HTX Chè Tân Cương',
    legalRepresentative: 'Đỗ Văn Nam',
    phone: '0912345679',
    memberCount: 30,
    charterCapital: '3000000000',
    provinceCode: '19',
    communeCode: '05443',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
  });
  world.borrowerId = borrower.id;
  const app = await api('POST', '/loan-applications', OFFICER, {
    borrowerId: borrower.id,
    productId: product.id,
    capitalSourceId: source.id,
    requestedAmount: '500000000',
    termMonths: 12,
    repaymentFrequency: 'MONTHLY',
    purpose: 'Xây nhà sấy chè',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
    totalInvestment: '1000000000',
    ownContribution: '500000000',
    collateralDescription: 'Quyền sử dụng đất 2.000 m²',
    collateralValue: '1000000000',
    creditReportReference: 'CIC-2026-9',
    creditReportDate: plusDays(businessDate, -3),
  });
  world.appId = app.id;
});

test('the officer registers an asset with its valuation, pledges it to the draft, uploads the checklist’s documents and submits', async ({ page }) => {
  test.setTimeout(180_000);
  // The draft: cover short and three documents missing.
  await login(page, OFFICER, `/applications/${world.appId}`);
  await expect(page.getByTestId('lending-refusals')).toContainText('Giá trị tài sản bảo đảm đạt mức tối thiểu của sản phẩm');
  await expect(page.getByTestId('checklist-summary')).toContainText('Còn thiếu 3 loại tài liệu');
  await checkPage(page, 'loan-file-application-draft');

  // The land use right with its first valuation, from the application's "Tài sản bảo đảm".
  await page.getByRole('main').getByRole('link', { name: 'Tài sản bảo đảm' }).click();
  await expect(page).toHaveURL(new RegExp(`/collateral\\?borrowerId=${world.borrowerId}$`));
  await expect(page.getByText('Chưa có tài sản bảo đảm.')).toBeVisible();
  await checkPage(page, 'loan-file-assets-empty');
  await page.getByRole('link', { name: 'Đăng ký tài sản' }).click();
  await page.getByLabel('Mô tả').fill(ASSET);
  await page.getByLabel('Số giấy chứng nhận').fill('CS 01234');
  await page.getByLabel('Thửa đất số').fill('125');
  await page.getByLabel('Tờ bản đồ số').fill('12');
  await page.getByLabel('Diện tích (m²)').fill('2000');
  await page.getByLabel('Địa chỉ').fill('Xóm Chè');
  await page.getByLabel('Xã, phường').fill('Xã Tân Cương');
  await page.getByLabel('Giá trị định giá').fill('1000000000');
  await expect(page.getByLabel('Giá trị định giá')).toHaveValue('1.000.000.000');
  await page.getByLabel('Người / tổ chức định giá').fill('Tổ thẩm định Quỹ');
  await checkPage(page, 'loan-file-asset-register');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page).toHaveURL(/\/collateral\/\d+$/);
  await expect(page.getByRole('heading', { name: ASSET })).toBeVisible();
  await expect(page.getByText('1.000.000.000 ₫').first()).toBeVisible();

  // Pledged to the application with its whole value.
  await page.getByRole('button', { name: 'Thế chấp cho hồ sơ / khoản vay' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Bảo đảm cho').click();
  await page.getByRole('option', { name: `Hồ sơ #${world.appId}` }).click();
  await expect(dialog.getByLabel('Giá trị phân bổ')).toHaveValue('1.000.000.000');
  await checkPage(page, 'loan-file-asset-pledge');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('link', { name: `Hồ sơ #${world.appId}` })).toBeVisible();
  await checkPage(page, 'loan-file-asset');

  // Back on the application the cover passes (1,000M × 50% = 500M ≥ 50% × 500M); the documents are uploaded.
  await page.getByRole('link', { name: `Hồ sơ #${world.appId}` }).click();
  await expect(page.getByTestId('lending-checks-passed')).toBeVisible();
  await expect(page.getByText('Giá trị tài sản bảo đảm đạt mức tối thiểu của sản phẩm', { exact: true })).toBeVisible();
  for (const [type, label, file] of REQUIRED) {
    await chooseType(page, label);
    await upload(page, 'documents-APPLICATION', { name: file, mimeType: 'application/pdf', buffer: pdf(label) });
    await expect(page.getByTestId('documents-APPLICATION').getByTestId(`document-${type}`)).toContainText(file);
  }
  await expect(page.getByTestId('checklist-summary')).toContainText('Đủ hồ sơ');
  // A renamed executable is refused from its content, and the reason is shown.
  await chooseType(page, 'Khác');
  const exe = Buffer.alloc(256);
  exe.write('MZ', 0, 'latin1');
  await upload(page, 'documents-APPLICATION', { name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: exe });
  await expect(page.getByTestId('upload-refusal')).toContainText('bao-cao.pdf');
  await checkPage(page, 'loan-file-application-complete');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).first().click();
  await expect(page.getByTestId('application-status')).toHaveText('Đã nộp');
});

test('the approver approves the application from the queue, and the release of another asset waiting beside it', async ({ page }) => {
  // The appraisal by a second officer, and a deposit the cooperative takes back: not this journey's clicks.
  await api('POST', `/loan-applications/${world.appId}/start-appraisal`, world.appraiser);
  await api('POST', `/loan-applications/${world.appId}/appraisals`, world.appraiser, {
    findings: 'Khả thi; tài sản bảo đảm đủ',
    recommendedAmount: '500000000',
    recommendedTermMonths: 12,
    recommendedRatePercent: '6',
    riskRating: 'LOW',
  });
  const deposit = await api('POST', '/collateral-assets', OFFICER, {
    borrowerId: world.borrowerId,
    type: 'DEPOSIT',
    kind: 'DEPOSIT',
    description: 'Sổ tiết kiệm Agribank',
    identifiers: { institution: 'Agribank Thái Nguyên', accountNumber: '3900205123456' },
    ownerKind: 'BORROWER',
    valuation: { valuationDate: world.businessDate, value: '50000000', method: 'FACE_VALUE', valuerKind: 'FUND', valuerName: 'Tổ thẩm định Quỹ' },
  });
  const release = await api('POST', `/collateral-assets/${deposit.id}/releases`, OFFICER, { reason: 'Khách hàng rút sổ tiết kiệm' });

  await login(page, APPROVER, '/approvals');
  await expect(page.getByTestId(`release-${release.id}`)).toContainText('Sổ tiết kiệm Agribank');
  await expect(page.getByTestId(`release-${release.id}`)).toContainText(OFFICER.displayName);
  await expect(page.getByTestId(`approval-APPLICATION-${world.appId}`)).toContainText('Nguyễn Thị Lan');
  await checkPage(page, 'loan-file-approvals-queue');
  await page.getByTestId(`release-${release.id}`).getByRole('button', { name: 'Phê duyệt giải chấp' }).click();
  await expect(page.getByTestId(`release-${release.id}`)).toHaveCount(0);

  await page.getByTestId(`approval-APPLICATION-${world.appId}`).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/approvals/applications/${world.appId}$`));
  await expect(page.getByTestId('lending-checks-passed')).toBeVisible();
  await expect(page.getByLabel('Số tiền phê duyệt')).toHaveValue('500.000.000');
  await checkPage(page, 'loan-file-approval-case');
  await page.getByLabel('Ý kiến phê duyệt / lý do').fill('Đồng ý, tài sản bảo đảm và hồ sơ đủ.');
  await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
  await expect(page.getByTestId('application-status')).toHaveText('Đã phê duyệt');
});

test('the officer signs the contract, disburses the first tranche and prints the contract', async ({ page }) => {
  await login(page, OFFICER, `/applications/${world.appId}`);
  await expect(page.getByTestId('application-status')).toHaveText('Đã phê duyệt');
  await page.getByRole('button', { name: 'Lập hợp đồng tín dụng' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Lập hợp đồng tín dụng' }).click();
  await page.getByRole('link', { name: 'Xem khoản vay' }).click();
  await expect(page).toHaveURL(/\/loans\/\d+$/);
  world.loanId = /\/loans\/(\d+)$/.exec(page.url())?.[1];
  world.contractNumber = (await api<{ contractNumber: string }>('GET', `/loans/${world.loanId}`, OFFICER)).contractNumber;
  await expect(page.getByRole('heading', { name: world.contractNumber })).toBeVisible();
  await expect(page.getByTestId('loan-borrower')).toHaveText(world.borrowerName);

  // The first tranche: 300M of the 500M approved.
  const dialog = page.getByRole('dialog');
  await page.getByRole('button', { name: 'Giải ngân' }).click();
  await dialog.getByLabel('Số tiền').fill('300000000');
  await dialog.getByLabel('Số chứng từ').fill('UNC-HS-0001');
  await dialog.getByRole('button', { name: 'Xem trước' }).click();
  await expect(dialog.getByTestId('disburse-review')).toContainText('Sẽ giải ngân 300.000.000 ₫');
  await checkPage(page, 'loan-file-disburse-confirm');
  await dialog.getByRole('button', { name: 'Xác nhận giải ngân' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('balance-principal')).toContainText('300.000.000 ₫');

  // The printed papers, from the loan's Tài liệu tab: the contract opens in a new tab for the browser to print.
  await page.getByRole('tab', { name: 'Tài liệu' }).click();
  await page.getByRole('link', { name: /^Chứng từ in/ }).click();
  await expect(page.getByRole('heading', { name: /Chứng từ in của hợp đồng/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /In khế ước nhận nợ/ })).toBeVisible();
  await checkPage(page, 'loan-file-printed-documents');
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

test.describe('in the field, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the officer records the inspection of the first tranche with a photo from the camera', async ({ page }) => {
    await login(page, OFFICER, '/inspections?status=DUE');
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

test('the loan page shows it all: the collateral and its cover, the documents, the inspection and its photo', async ({ page }) => {
  await login(page, OFFICER, `/loans/${world.loanId}`);
  await expect(page.getByTestId('balance-principal')).toContainText('300.000.000 ₫');
  await checkPage(page, 'loan-file-loan-overview');

  await page.getByRole('tab', { name: 'Tài sản bảo đảm' }).click();
  await expect(page.getByRole('link', { name: ASSET })).toBeVisible();
  await expect(page.getByText('Đủ bảo đảm')).toBeVisible();
  await expect(page.getByText('TSBĐ sau khấu trừ ≥ 50% dư nợ')).toBeVisible();
  await checkPage(page, 'loan-file-loan-collateral');

  await page.getByRole('tab', { name: 'Tài liệu' }).click();
  for (const [type, , file] of REQUIRED) await expect(page.getByTestId('documents-APPLICATION').getByTestId(`document-${type}`)).toContainText(file);
  await upload(page, 'documents-LOAN', { name: 'hop-dong-da-ky.pdf', mimeType: 'application/pdf', buffer: pdf('hợp đồng') });
  await expect(page.getByTestId('documents-LOAN').getByTestId('document-SIGNED_CONTRACT')).toContainText('hop-dong-da-ky.pdf');
  await checkPage(page, 'loan-file-loan-documents');

  await page.getByRole('tab', { name: 'Kiểm tra sử dụng vốn' }).click();
  await expect(page.getByTestId('loan-inspections')).toContainText('Đúng mục đích');
  await expect(page.getByTestId('documents-INSPECTION').getByTestId('document-PHOTO')).toContainText('nha-say.png');
  await checkPage(page, 'loan-file-loan-inspections');

  // The collateral reports: the loan's cover, and provisions before and after the deduction.
  await page.goto(`${baseUrl()}/reports/collateral`);
  await expect(page.getByRole('heading', { name: 'Mức bảo đảm theo khoản vay' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Dự phòng cụ thể trước và sau khấu trừ/ })).toBeVisible();
  await expect(page.getByText(/^Chính sách phân loại: theo quy định tài chính vi mô/)).toBeVisible();
  await checkPage(page, 'loan-file-collateral-reports');
  await logout(page);
});

test('a misuse finding on the second tranche goes to the approvers’ queue; approved, the principal falls due on the recall date', async ({ page }) => {
  // The second tranche and its inspection are the same clicks as the first; arranged here.
  await api(
    'POST',
    `/loans/${world.loanId}/disbursements`,
    OFFICER,
    { amount: '200000000', valueDate: world.businessDate, reference: 'UNC-HS-0002', channel: 'BANK_TRANSFER' },
    { 'idempotency-key': crypto.randomUUID() },
  );
  const inspections = await api<Array<{ trancheNo: number; disbursementEventId: string }>>('GET', `/loans/${world.loanId}/inspections`, OFFICER);
  const recall = plusDays(world.businessDate, 30);
  await api('POST', `/loans/${world.loanId}/inspections`, OFFICER, {
    disbursementEventId: inspections.find((i) => i.trancheNo === 2)?.disbursementEventId,
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
  const schedule = await api<Array<{ dueDate: string }>>('GET', `/loans/${world.loanId}/schedule`, OFFICER);
  expect(schedule.at(-1)?.dueDate).toBe(recall);
  await checkPage(page, 'loan-file-recall-approved');
});
