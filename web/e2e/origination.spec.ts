import { expect, test, type Page } from '@playwright/test';
import { apiCall, seedLendingWorld, token, type LendingWorld } from './lending-fixtures';
import { baseUrl, checkPage, login } from './support';
import { APPROVER, OFFICER } from './users';

/** Picks an option in a Mantine Select, typing part of its label first when the select searches. */
async function pick(page: Page, label: string | RegExp, option: string | RegExp, search?: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

let world: LendingWorld;

test.beforeAll(async () => {
  world = await seedLendingWorld();
});

test('an officer files an application (refused above 80% of the plan, then valid), appraises it; the approver approves; the officer makes the contract', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const officerToken = await token(OFFICER);
  const applicationsOf = async () => {
    const list = await apiCall<{ items: Array<{ borrowerName: string }> }>('GET', '/loan-applications?pageSize=200', officerToken);
    return list.body.items.filter((a) => a.borrowerName === world.borrowerName).length;
  };

  // The home page's queue link lands on the filtered list.
  await login(page, OFFICER, '/applications?queue=to-appraise');
  await expect(page.getByRole('heading', { name: 'Hồ sơ vay — Chờ thẩm định' })).toBeVisible();
  await checkPage(page, 'applications-to-appraise');
  await page.getByRole('link', { name: 'Lập hồ sơ vay' }).first().click();
  await expect(page).toHaveURL(/\/applications\/new$/);

  // Step 1: borrower (searched on the server), product, capital source.
  await pick(page, /^Người vay/, new RegExp(world.borrowerName), world.borrowerTaxCode);
  await pick(page, /^Sản phẩm vay/, new RegExp(world.productCode));
  await pick(page, /^Nguồn vốn/, new RegExp(world.sourceName));
  await expect(page.getByRole('combobox', { name: /^Nguồn vốn/ })).toHaveValue(/còn cho vay được 10\.000\.000\.000 ₫/);
  await page.getByRole('button', { name: 'Tiếp' }).click();

  // Step 2: the plan. The sector comes from the borrower's.
  await page.getByLabel('Mục đích vay (phương án sản xuất, kinh doanh)').fill('Mở rộng vùng chè an toàn 12 ha');
  await expect(page.getByRole('combobox', { name: /^Ngành của phương án/ })).toHaveValue(/^A — Nông nghiệp/);
  await page.getByLabel('Tổng vốn đầu tư của phương án').fill('1000000000');
  await expect(page.getByLabel('Tổng vốn đầu tư của phương án')).toHaveValue('1.000.000.000');
  await page.getByLabel('Vốn tự có tham gia').fill('200000000');
  await page.getByRole('button', { name: 'Tiếp' }).click();

  // Step 3: 900 m of a 1 bn plan is above 80%: the API's own rule refuses it as the officer types.
  await page.getByLabel('Số tiền đề nghị vay').fill('900000000');
  await page.getByLabel('Thời hạn vay (tháng)').fill('24');
  await expect(page.getByRole('combobox', { name: /^Kỳ trả gốc/ })).toHaveValue('Hằng quý');
  await page.getByLabel(/^Tài sản bảo đảm/).fill('Quyền sử dụng đất 2.000 m² tại xã Tân Cương');
  await page.getByLabel('Giá trị tài sản bảo đảm').fill('1200000000');
  const refusal = page.getByTestId('lending-refusals').first();
  await expect(refusal).toContainText('Khoản vay ≤ 80% tổng vốn đầu tư của phương án (Điều 22): giới hạn 800.000.000 ₫, giá trị 900.000.000 ₫.');
  // 15% of the charter capital in force (the journeys share one database: read it, don't assume it).
  const charter = await apiCall<{ amount: string }>('GET', '/fund/charter-capital/in-force', officerToken);
  const customerLimit = ((BigInt(charter.body.amount) * 15n) / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  await expect(page.locator('[data-rule="APPLICATION.ABOVE_CUSTOMER_LIMIT"]')).toContainText(`${customerLimit} ₫`);
  await checkPage(page, 'application-form-refused');
  await page.getByRole('button', { name: 'Tiếp' }).click();
  await page.getByRole('button', { name: 'Lập hồ sơ', exact: true }).click();
  await expect(page.getByTestId('create-blocked')).toBeVisible();
  await expect(page).toHaveURL(/\/applications\/new$/);
  expect(await applicationsOf()).toBe(0);

  // Corrected: 750 m passes every condition; the review shows the projected schedule.
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await page.getByLabel('Số tiền đề nghị vay').fill('750000000');
  await expect(page.getByTestId('lending-checks-passed')).toBeVisible();
  await expect(page.getByTestId('create-blocked')).toHaveCount(0);
  await page.getByRole('button', { name: 'Tiếp' }).click();
  await expect(page.getByTestId('schedule-preview')).toContainText('750.000.000 ₫');
  await checkPage(page, 'application-form-review');
  await page.getByRole('button', { name: 'Lập hồ sơ', exact: true }).click();
  await expect(page).toHaveURL(/\/applications\/\d+$/);
  const applicationId = /\/applications\/(\d+)$/.exec(page.url())?.[1] ?? '';
  expect(await applicationsOf()).toBe(1);
  await expect(page.getByTestId('application-status')).toHaveText('Nháp');
  await checkPage(page, 'application-draft');

  // Submit (checks again on the server), start the appraisal, record it.
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('Đã nộp');
  await page.getByRole('button', { name: 'Bắt đầu thẩm định' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('Đang thẩm định');
  await page.getByLabel('Nhận xét thẩm định').fill('Phương án khả thi; dòng tiền từ chè đủ trả nợ theo quý.');
  await page.getByLabel('Lãi suất đề xuất (%/năm)').fill('7.2');
  await page.getByRole('button', { name: 'Ghi nhận thẩm định' }).click();
  await expect(page.getByText('Đã thẩm định: hồ sơ đang chờ lãnh đạo phê duyệt.')).toBeVisible();
  await checkPage(page, 'application-appraised');

  // The officer prepared it: the queue says so and the case shows no approve button.
  await page.goto(`${baseUrl()}/approvals`);
  const row = page.getByTestId(`approval-APPLICATION-${applicationId}`);
  await expect(row).toContainText('Bạn đã chuẩn bị');
  await expect(page.getByRole('button', { name: 'Phê duyệt', exact: true })).toHaveCount(0);
  await row.getByRole('link').click();
  await expect(page.getByTestId('four-eyes-note')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Phê duyệt', exact: true })).toHaveCount(0);
  await checkPage(page, 'approval-case-preparer');
  // Trying anyway with the preparer's token: the server refuses, nothing changes.
  const tried = await apiCall<{ code: string }>('POST', `/loan-applications/${applicationId}/approve`, officerToken, {
    approvedAmount: '750000000',
    approvedTermMonths: 24,
    approvedRatePercent: '7.2',
  });
  expect(tried.status).toBe(403);
  expect((await apiCall<{ status: string }>('GET', `/loan-applications/${applicationId}`, officerToken)).body.status).toBe('UNDER_APPRAISAL');
  await logout(page);

  // The approver opens the case from the queue and approves it with a reason.
  await login(page, APPROVER, '/approvals');
  await expect(page.getByRole('heading', { name: 'Phê duyệt' })).toBeVisible();
  await expect(page.getByTestId(`approval-APPLICATION-${applicationId}`)).toContainText('Nguyễn Thị Lan');
  await checkPage(page, 'approvals-queue');
  await page.getByTestId(`approval-APPLICATION-${applicationId}`).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/approvals/applications/${applicationId}$`));
  await expect(page.getByLabel('Số tiền phê duyệt')).toHaveValue('750.000.000');
  await expect(page.getByTestId('lending-checks-passed')).toBeVisible();
  await expect(page.getByTestId('schedule-preview')).toBeVisible();
  await checkPage(page, 'approval-case');
  await page.getByLabel('Ý kiến phê duyệt / lý do').fill('Đồng ý cho vay theo đề xuất thẩm định.');
  await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
  await expect(page.getByTestId('application-status')).toHaveText('Đã phê duyệt');
  await expect(page.getByTestId('decision-panel')).toHaveCount(0);
  await logout(page);

  // The officer turns it into a contract: the loan exists.
  await login(page, OFFICER, `/applications/${applicationId}`);
  await expect(page.getByTestId('application-status')).toHaveText('Đã phê duyệt');
  await page.getByRole('button', { name: 'Lập hợp đồng tín dụng' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Lập hợp đồng tín dụng' }).click();
  const loanLink = page.getByRole('link', { name: 'Xem khoản vay' });
  await expect(loanLink).toHaveAttribute('href', /^\/loans\/\d+$/);
  await checkPage(page, 'application-contracted');
  const loanId = /\/loans\/(\d+)$/.exec((await loanLink.getAttribute('href')) ?? '')?.[1];
  const loan = await apiCall<{ status: string; approvedAmount: string }>('GET', `/loans/${loanId}`, officerToken);
  expect(loan.body).toMatchObject({ status: 'PENDING_DISBURSEMENT', approvedAmount: '750000000' });

  // In English: the same page, translated (states, rules, money).
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByTestId('application-status')).toHaveText('Approved');
  await checkPage(page, 'application-contracted-en');
  await page.goto(`${baseUrl()}/applications`);
  await expect(page.getByRole('heading', { name: 'Applications' })).toBeVisible();
  await checkPage(page, 'applications-en');
  await page.getByText('VI', { exact: true }).click();
});
