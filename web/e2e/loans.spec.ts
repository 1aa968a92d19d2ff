import { expect, test, type Page } from '@playwright/test';
import { apiCall, contractedLoan, type SeededLoan } from './loan-fixture';
import { baseUrl, checkPage, login } from './support';
import { AUDITOR, OFFICER } from './users';

interface LoanEvent {
  kind: string;
  amount: string;
  reversed: boolean;
}

const repayments = async (loanId: string): Promise<LoanEvent[]> =>
  (await apiCall<LoanEvent[]>(OFFICER, 'GET', `/loans/${loanId}/transactions`)).filter((e) => e.kind === 'REPAYMENT');

const dialog = (page: Page) => page.getByRole('dialog');

let loan: SeededLoan;

// The journeys follow one loan through its life (disbursed, repaid, reversed, then read): in order.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  loan = await contractedLoan('600000000');
});

test('an officer disburses a tranche, then records a repayment seeing the allocation first; a double click records it once', async ({ page }) => {
  await login(page, OFFICER, `/loans/${loan.loanId}`);
  await expect(page.getByRole('heading', { name: loan.contractNumber })).toBeVisible();
  await expect(page.getByTestId('loan-borrower')).toHaveText(loan.borrowerName);
  await expect(page.getByText('Chờ giải ngân').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thu nợ' })).toHaveCount(0);
  await checkPage(page, 'loan-pending');

  // Disburse: the business date is the default value date; the source's availability is shown.
  await page.getByRole('button', { name: 'Giải ngân' }).click();
  await expect(dialog(page).getByTestId('source-available')).toContainText('20.000.000.000 ₫');
  await expect(dialog(page).getByLabel('Ngày hiệu lực')).toHaveValue(loan.businessDate.split('-').reverse().join('/'));
  await dialog(page).getByLabel('Số tiền').fill('400000000');
  await dialog(page).getByLabel('Số chứng từ').fill('UNC-GN-0001');
  await dialog(page).getByRole('button', { name: 'Xem trước' }).click();
  await expect(dialog(page).getByTestId('disburse-review')).toContainText('Sẽ giải ngân 400.000.000 ₫');
  await checkPage(page, 'loan-disburse-confirm');
  await dialog(page).getByRole('button', { name: 'Xác nhận giải ngân' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByText('Đang vay').first()).toBeVisible();
  await expect(page.getByTestId('balance-principal')).toContainText('400.000.000 ₫');

  // Bad input: the error is beside the amount and nothing is recorded.
  await page.getByRole('button', { name: 'Thu nợ' }).click();
  await expect(dialog(page).getByTestId('payoff')).toContainText('400.000.000 ₫');
  const amount = dialog(page).getByRole('textbox', { name: 'Số tiền', exact: true });
  await dialog(page).getByLabel('Số chứng từ').fill('UNC-TN-0001');
  await amount.fill('0');
  await dialog(page).getByRole('button', { name: 'Xem trước' }).click();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog(page).getByText('Nhập số tiền lớn hơn 0, là số nguyên đồng.')).toBeVisible();
  await checkPage(page, 'loan-repay-zero');
  await amount.fill('abc');
  await expect(amount).toHaveValue('');
  await dialog(page).getByRole('button', { name: 'Xem trước' }).click();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog(page).getByText('Bắt buộc nhập.')).toBeVisible();
  await amount.fill('999000000000');
  await dialog(page).getByRole('button', { name: 'Xem trước' }).click();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog(page).locator('.mantine-InputWrapper-error')).toContainText(/tất toán|payoff/i);
  await checkPage(page, 'loan-repay-above-payoff');
  expect(await repayments(loan.loanId)).toEqual([]);

  // A valid amount: the allocation the API will apply is shown before anything is recorded.
  await amount.fill('50000000');
  await expect(amount).toHaveValue('50.000.000');
  await dialog(page).getByRole('button', { name: 'Xem trước' }).click();
  const review = dialog(page).getByTestId('repay-review');
  await expect(review.getByTestId('allocation-preview')).toContainText('Gốc trả trước');
  await expect(review).toContainText('Sẽ ghi nhận thu 50.000.000 ₫');
  expect(await repayments(loan.loanId)).toEqual([]);
  await checkPage(page, 'loan-repay-confirm');
  await review.getByRole('button', { name: 'Xác nhận thu nợ' }).dblclick();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByTestId('balance-principal')).not.toContainText('400.000.000 ₫');
  const recorded = await repayments(loan.loanId);
  expect(recorded).toHaveLength(1);
  expect(recorded[0]).toMatchObject({ amount: '50000000', reversed: false });
});

test('the loan page tabs each render, and a repayment is reversed with a reason', async ({ page }) => {
  await login(page, OFFICER, `/loans/${loan.loanId}`);
  await expect(page.getByTestId('balances')).toBeVisible();
  await expect(page.getByTestId('dpd')).toContainText('0 ngày');
  await expect(page.getByTestId('debt-group')).toContainText('Nhóm 1 — đủ tiêu chuẩn');
  await checkPage(page, 'loan-tab-overview');

  await page.getByRole('tab', { name: 'Lịch trả nợ' }).click();
  await expect(page).toHaveURL(/tab=schedule/);
  // The 50.000.000 prepaid left the schedule (the product reduces the installments): 350.000.000 remain scheduled.
  await expect(page.getByTestId('schedule-table').locator('tfoot')).toContainText('350.000.000 ₫');
  await checkPage(page, 'loan-tab-schedule');

  await page.getByRole('tab', { name: 'Giao dịch' }).click();
  const table = page.getByTestId('transactions-table');
  await expect(table).toContainText('Giải ngân');
  await expect(table).toContainText('350.000.000 ₫');
  await checkPage(page, 'loan-tab-transactions');

  await page.getByRole('button', { name: /^Hủy giao dịch/ }).click();
  await expect(dialog(page)).toContainText('Sẽ hủy khoản thu 50.000.000 ₫');
  await dialog(page).getByLabel('Lý do').fill('Nhập nhầm số tiền');
  await checkPage(page, 'loan-reverse-confirm');
  await dialog(page).getByRole('button', { name: 'Xác nhận hủy' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(table.getByText('Đã hủy', { exact: true })).toBeVisible();
  await expect(table).toContainText('Lý do hủy: Nhập nhầm số tiền');
  expect((await repayments(loan.loanId))[0]?.reversed).toBe(true);
  await checkPage(page, 'loan-tab-transactions-reversed');

  await page.getByRole('tab', { name: 'Bút toán' }).click();
  await expect(page.getByTestId('postings')).toContainText('Giải ngân');
  await expect(page.getByTestId('postings')).toContainText('Hủy thu nợ');
  await checkPage(page, 'loan-tab-postings');

  await page.getByRole('tab', { name: 'Tài liệu' }).click();
  await expect(page.getByText('phuong-an-san-xuat-kinh-doanh.pdf')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Phương án sản xuất kinh doanh' })).toBeVisible();
  await checkPage(page, 'loan-tab-documents');

  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  await expect(page.getByText('Nhật ký kiểm toán chỉ dành cho kiểm soát viên và quản trị viên.')).toBeVisible();
  await checkPage(page, 'loan-tab-history-officer');

  // The tab is in the address: a shared link opens on it.
  await page.goto(`${baseUrl()}/loans/${loan.loanId}?tab=schedule`);
  await expect(page.getByRole('tab', { name: 'Lịch trả nợ' })).toHaveAttribute('aria-selected', 'true');
});

test('an auditor reads the loan’s audit history; the English switch changes the loan page', async ({ page }) => {
  await login(page, AUDITOR, `/loans/${loan.loanId}?tab=history`);
  const history = page.getByTestId('history-table');
  await expect(history).toContainText('Giải ngân');
  await expect(history).toContainText('Hủy thu nợ');
  await expect(history).toContainText('Số tiền 400.000.000 ₫');
  await expect(page.getByRole('button', { name: 'Giải ngân' })).toHaveCount(0);
  await checkPage(page, 'loan-tab-history-auditor');
  await page.getByText('EN', { exact: true }).click();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByText('Outstanding principal').first()).toBeVisible();
  await expect(page.getByTestId('balance-principal')).toContainText('₫400,000,000');
  await checkPage(page, 'loan-overview-en');
  await page.getByRole('tab', { name: 'Transactions' }).click();
  await checkPage(page, 'loan-transactions-en');
  await page.getByText('VI', { exact: true }).click();
});

test('the loans list filters in the address: by status, overdue by days past due, borrower, contract number', async ({ page }) => {
  await login(page, OFFICER, '/loans?status=PENDING_DISBURSEMENT');
  await expect(page.getByRole('heading', { name: 'Khoản vay' })).toBeVisible();
  await expect(page.getByRole('link', { name: loan.contractNumber })).toHaveCount(0);
  await checkPage(page, 'loans-pending-disbursement');
  await page.getByRole('textbox', { name: 'Số hợp đồng' }).fill(loan.contractNumber.slice(-6));
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(/q=/);
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await page.getByRole('textbox', { name: 'Số hợp đồng' }).fill(loan.contractNumber.slice(-6));
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page.getByRole('link', { name: loan.contractNumber })).toBeVisible();
  await expect(page.getByRole('link', { name: loan.borrowerName })).toBeVisible();
  await checkPage(page, 'loans-search');

  await page.goto(`${baseUrl()}/loans?overdue=true`);
  await expect(page.getByLabel('Chỉ khoản quá hạn (theo số ngày quá hạn)')).toBeChecked();
  await expect(page.getByText('Không có khoản vay nào khớp điều kiện.')).toBeVisible();
  await checkPage(page, 'loans-overdue');

  const borrowerId = (await apiCall<{ borrowerId: string }>(OFFICER, 'GET', `/loans/${loan.loanId}`)).borrowerId;
  await page.goto(`${baseUrl()}/loans?borrowerId=${borrowerId}`);
  await expect(page.getByTestId('borrower-filter')).toContainText(loan.borrowerName);
  await expect(page.getByRole('link', { name: loan.contractNumber })).toBeVisible();
  await page.getByRole('link', { name: loan.contractNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/loans/${loan.loanId}$`));
  await page.goBack();
  await expect(page).toHaveURL(/borrowerId=/);
});
