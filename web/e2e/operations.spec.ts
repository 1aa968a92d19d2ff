import { expect, test } from '@playwright/test';
import { api, disbursedLoan, tokenOf, type DisbursedLoan } from './operations-fixtures';
import { baseUrl, checkPage, login } from './support';
import { ADMIN, OFFICER } from './users';

interface LoanEvent {
  kind: string;
  amount: string;
  reference: string | null;
  channel: string | null;
  reversed: boolean;
}

/** `2025-04-21` → `21/04/2025`, as the statement and the screens write it. */
const ddmmyyyy = (d: string): string => d.split('-').reverse().join('/');

/** The journeys of the operations screens: statement import with assignment, close of business. */
test.describe.serial('operations', () => {
  let loan: DisbursedLoan;

  test.beforeAll(async () => {
    loan = await disbursedLoan('120000000');
  });

  test('an officer uploads a statement, watches it finish, sees each line and assigns the unmatched one', async ({ page }) => {
    const day = ddmmyyyy(loan.businessDate);
    const stamp = Date.now();
    await login(page, OFFICER, '/imports?unmatched=true');
    await expect(page).toHaveURL(/\/imports\?unmatched=true$/);
    await expect(page.getByRole('heading', { name: 'Nhập sao kê' })).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Chỉ lần nhập còn dòng chưa khớp' })).toBeChecked();
    await checkPage(page, 'imports-list');

    // A malformed file is refused whole, with its problems by line number; nothing is imported.
    const fileInput = page.locator('input[type="file"]');
    const before = await api<{ total: number }>('GET', '/repayment-imports', await tokenOf(OFFICER));
    await fileInput.setInputFiles({
      name: 'saoke-loi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`date,amount,reference,description\n31/02/2025,5000000,FT-BAD-1,${loan.contractNumber}\n${day},12.5,FT-BAD-2,khong ro\n`),
    });
    await expect(page.getByTestId('selected-file')).toContainText('saoke-loi.csv');
    await page.getByRole('button', { name: 'Tải lên và xử lý' }).click();
    const refusal = page.getByTestId('upload-refusal');
    await expect(refusal).toContainText('Tệp bị từ chối, không dòng nào được nhập');
    await expect(refusal.getByRole('row')).toHaveCount(3);
    await expect(refusal.getByRole('row').nth(1)).toContainText('2');
    await expect(refusal.getByRole('row').nth(1)).toContainText('Ngày “31/02/2025” không đúng dạng');
    await expect(refusal.getByRole('row').nth(2)).toContainText('Số tiền “12.5” không phải số nguyên đồng');
    await checkPage(page, 'imports-refused-file');
    expect((await api<{ total: number }>('GET', '/repayment-imports', await tokenOf(OFFICER))).total).toBe(before.total);

    // A statement with one line naming the contract and one naming nothing.
    await fileInput.setInputFiles({
      name: 'saoke-vietinbank.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '\uFEFFdate,amount,reference,description\r\n' +
          `${day},5000000,FT${stamp}1,"HTX Tan Cuong tra no ${loan.contractNumber} ky 1"\r\n` +
          `${day},3000000,FT${stamp}2,Chuyen tien khong ghi so hop dong\r\n`,
      ),
    });
    await page.getByRole('button', { name: 'Tải lên và xử lý' }).click();
    await expect(page).toHaveURL(/\/imports\/\d+$/);
    const importId = page.url().split('/').pop() ?? '';
    await expect(page.getByRole('heading', { name: 'Sao kê saoke-vietinbank.csv' })).toBeVisible();
    // The page polls the job until it is done.
    await expect(page.getByText('Hoàn tất', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('figure-total')).toContainText('2');
    await expect(page.getByTestId('figure-applied')).toContainText('1');
    await expect(page.getByTestId('figure-unmatched')).toContainText('1');
    const matched = page.getByTestId('line-2');
    await expect(matched).toContainText('5.000.000 ₫');
    await expect(matched).toContainText(day);
    await expect(matched).toContainText('Đã ghi nhận');
    await expect(matched.getByRole('link', { name: loan.contractNumber })).toHaveAttribute('href', `/loans/${loan.loanId}`);
    const unmatched = page.getByTestId('line-3');
    await expect(unmatched).toContainText('3.000.000 ₫');
    await expect(unmatched).toContainText('Chưa khớp');
    await expect(unmatched).toContainText('Không tìm thấy số hợp đồng trong mã tham chiếu hay nội dung.');
    await checkPage(page, 'import-detail');

    // The officer can leave and come back: the list shows the import with its unmatched line.
    await page.getByRole('link', { name: 'Nhập sao kê' }).first().click();
    await expect(page.getByRole('link', { name: 'saoke-vietinbank.csv' })).toBeVisible();
    await page.getByRole('link', { name: 'saoke-vietinbank.csv' }).click();
    await expect(page).toHaveURL(new RegExp(`/imports/${importId}$`));

    // Assign the unmatched line: pick the loan by its borrower, read the confirmation, record (twice clicked, recorded once).
    await page.getByRole('button', { name: 'Gán khoản vay cho dòng 3' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gán dòng 3 cho khoản vay' });
    await expect(dialog).toBeVisible();
    const picker = dialog.getByRole('combobox', { name: 'Khoản vay' });
    await picker.fill(loan.borrowerName.slice(-8));
    await page.getByRole('option', { name: new RegExp(loan.contractNumber) }).click();
    await expect(dialog.getByTestId('assign-confirmation')).toContainText(`Ghi nhận thu nợ 3.000.000 ₫ ngày ${day} vào khoản vay ${loan.contractNumber}`);
    await checkPage(page, 'import-assign-dialog');
    await dialog.getByRole('button', { name: 'Ghi nhận thu nợ' }).dblclick();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Đã ghi nhận thu nợ dòng 3 vào khoản vay ${loan.contractNumber}.`)).toBeVisible();
    await expect(unmatched).toContainText('Đã ghi nhận');
    await expect(unmatched.getByRole('link', { name: loan.contractNumber })).toBeVisible();
    await expect(page.getByTestId('figure-unmatched')).toContainText('0');
    await checkPage(page, 'import-detail-assigned');

    // Through the API: each statement line is one repayment on the loan, recorded once.
    const events = await api<LoanEvent[]>('GET', `/loans/${loan.loanId}/transactions`, await tokenOf(OFFICER));
    const repayments = events.filter((e) => e.kind === 'REPAYMENT' && !e.reversed);
    expect(repayments.map((r) => [r.amount, r.reference]).sort()).toEqual([
      ['3000000', `FT${stamp}2`],
      ['5000000', `FT${stamp}1`],
    ]);
    expect(repayments.every((r) => r.channel === 'STATEMENT_IMPORT')).toBe(true);

    // The same page in English: outcomes and reasons are translated too.
    await page.getByText('EN', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Statement saoke-vietinbank.csv' })).toBeVisible();
    await expect(matched).toContainText('Recorded');
    await checkPage(page, 'import-detail-en');
  });

  test('an admin closes the business day from /close and sees the run complete', async ({ page }) => {
    const admin = await tokenOf(ADMIN);
    const { businessDate } = await api<{ businessDate: string }>('GET', '/business-date', admin);
    await login(page, ADMIN, '/close');
    await expect(page.getByRole('heading', { name: 'Chốt ngày', level: 1 })).toBeVisible();
    await expect(page.getByTestId('close-business-date')).toHaveText(ddmmyyyy(businessDate));
    await checkPage(page, 'close-admin-before');

    await page.getByRole('button', { name: 'Chốt ngày đến…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chốt ngày' });
    await expect(dialog.getByLabel('Chốt đến hết ngày')).toHaveValue(ddmmyyyy(businessDate));
    await expect(dialog.getByTestId('close-confirmation')).toContainText(`Sẽ chốt 1 ngày: ${ddmmyyyy(businessDate)}.`);
    await checkPage(page, 'close-dialog');
    await dialog.getByRole('button', { name: 'Chốt ngày' }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByTestId(`close-run-${businessDate}`);
    await expect(row).toContainText('Thành công', { timeout: 60_000 });
    await expect(row).toContainText('Thủ công');
    // The admin's table has the actions column (the officer's, below, has none).
    await expect(page.getByRole('columnheader', { name: 'Thao tác' })).toBeVisible();
    const after = await api<{ businessDate: string }>('GET', '/business-date', admin);
    expect(after.businessDate > businessDate).toBe(true);
    await expect(page.getByTestId('close-business-date')).toHaveText(ddmmyyyy(after.businessDate));
    await expect(page.getByTestId('business-date')).toContainText(ddmmyyyy(after.businessDate));
    await checkPage(page, 'close-admin-after');
  });

  test('an officer reads the close runs without the close or retry buttons', async ({ page }) => {
    await login(page, OFFICER, '/close');
    await expect(page.getByRole('heading', { name: 'Chốt ngày', level: 1 })).toBeVisible();
    await expect(page.getByTestId('close-runs').getByText('Thành công').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Chốt ngày đến…' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Chạy lại/ })).toHaveCount(0);
    await expect(page.getByRole('columnheader', { name: 'Thao tác' })).toHaveCount(0);
    await checkPage(page, 'close-officer');
    await page.getByText('EN', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Close of business', level: 1 })).toBeVisible();
    await checkPage(page, 'close-officer-en');
    expect(page.url()).toBe(`${baseUrl()}/close`);
  });
});
