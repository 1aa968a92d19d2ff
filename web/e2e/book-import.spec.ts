import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { api, tokenOf } from './operations-fixtures';
import { checkPage, login } from './support';
import { APPROVER, OFFICER } from './users';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = fileURLToPath(new URL('../../.data/web-test-results/', import.meta.url));

/**
 * The loan book import page (README "Bringing in an existing loan book"): templates, the dry run of a
 * former fund's book made by the repository's generator (bench/generate-former-fund-book.ts, with its
 * dozen bad rows and an ambiguous pre-2025 address), the errors and their filters, the summary, the
 * reconciliation sheet and the commune choice. Nothing is committed: the journeys share one database.
 */
test.describe('loan book import', () => {
  let book: string;

  test.beforeAll(async () => {
    const officer = await tokenOf(OFFICER);
    const { businessDate } = await api<{ businessDate: string }>('GET', '/business-date', officer);
    mkdirSync(OUT, { recursive: true });
    book = `${OUT}so-cho-vay-quy-bac-kan.xlsx`;
    execFileSync(process.execPath, [`${ROOT}dist/bench/generate-former-fund-book.js`, book, '--loans', '24', '--business-date', businessDate], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  });

  test('an officer downloads the templates, dry-runs a former fund’s book, filters its errors and chooses a commune', async ({ page }) => {
    await login(page, OFFICER, '/book-imports');
    await expect(page.getByRole('heading', { name: 'Nhập sổ cho vay' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Nhập sổ cho vay' })).toBeVisible();
    await expect(page.getByText('Chưa có lần nhập sổ nào.')).toBeVisible();
    await checkPage(page, 'book-imports-empty');

    // Both templates download as XLSX files.
    for (const [button, lang] of [
      ['Tải mẫu tiếng Việt', 'vi'],
      ['Tải mẫu tiếng Anh', 'en'],
    ] as const) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: button }).click();
      const file = await download;
      expect(file.suggestedFilename(), lang).toMatch(/\.xlsx$/);
    }

    // A file that is not a workbook is stopped in the browser.
    await page.locator('input[type="file"]').setInputFiles({ name: 'so.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n') });
    await expect(page.getByRole('alert').filter({ hasText: 'Chỉ nhận tệp .xlsx.' })).toBeVisible();

    await page.locator('input[type="file"]').setInputFiles(book);
    await page.getByLabel('Nguồn gốc sổ (gắn cho mọi khoản vay nhập)').fill('Vốn Quỹ HTX Bắc Kạn chuyển về');
    await page.getByRole('button', { name: 'Tải lên và chạy thử' }).click();
    await expect(page).toHaveURL(/\/book-imports\/\d+$/);
    await expect(page.getByRole('heading', { name: 'Sổ cho vay so-cho-vay-quy-bac-kan.xlsx' })).toBeVisible();
    await expect(page.getByText('Có lỗi', { exact: true }).first()).toBeVisible();

    // The summary: counts and money as đồng (this fund has neither the book's product nor its capital source, so rows fail).
    await expect(page.getByTestId('count-loans')).toContainText(/\d/);
    await expect(page.getByTestId('total-disbursed')).toContainText(/\d ₫$/);
    await expect(page.getByRole('heading', { name: 'Theo nguồn vốn' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Theo ngành' })).toBeVisible();
    await expect(page.getByText('Chưa có khoản vay nào đạt các quy tắc.').first()).toBeVisible();

    // The errors, filtered by sheet then by rule.
    const errors = page.getByTestId('book-errors-table');
    await expect(errors.getByRole('row').nth(1)).toBeVisible();
    const all = await errors.getByRole('row').count();
    expect(all).toBeGreaterThan(2);
    await page.getByRole('combobox', { name: 'Trang tính' }).click();
    await page.getByRole('option', { name: 'Khoản vay' }).click();
    const loanRows = errors.getByRole('row');
    await expect(loanRows.nth(1)).toContainText('Khoản vay');
    expect(await loanRows.count()).toBeLessThanOrEqual(all);
    for (const cell of await errors.locator('tbody tr td:first-child').allTextContents()) expect(cell).toBe('Khoản vay');
    await page.getByRole('combobox', { name: 'Quy tắc' }).click();
    const firstRule = page.getByRole('option').first();
    const rule = (await firstRule.textContent()) ?? '';
    await firstRule.click();
    for (const cell of await errors.locator('tbody tr td:last-child').allTextContents()) expect(cell).toBe(rule);
    await expect(page.getByTestId('errors-shown')).toContainText('Hiển thị');
    await checkPage(page, 'book-import-errors');

    // The reconciliation sheet: the loans whose old figures differ from the replay (none replayed here: the rows fail).
    await expect(page.getByRole('heading', { name: 'Đối chiếu dư nợ với sổ cũ' })).toBeVisible();
    await expect(page.getByTestId('reconciliation-count').or(page.getByText('Không có khoản vay có lịch sử nào kèm số liệu sổ cũ.'))).toBeVisible();

    // An old address that matches several 2025 communes: choose one and save.
    const choices = page.getByTestId('commune-choices');
    if ((await choices.count()) > 0) {
      const picker = choices.getByRole('combobox').first();
      await picker.click();
      await page.getByRole('option').first().click();
      await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
      await expect(page.getByText('Đã lưu lựa chọn xã/phường.')).toBeVisible();
    }
    await checkPage(page, 'book-import-dry-run');

    // English: the same page, its words switched.
    await page.getByText('EN', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Summary of what would be created' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Reconciliation with the old book' })).toBeVisible();
    await checkPage(page, 'book-import-dry-run-en');
    await page.getByText('VI', { exact: true }).click();

    // The list shows the import; the same file again opens it (same sha256).
    await page.getByRole('link', { name: 'Các lần nhập sổ' }).first().click();
    await expect(page.getByRole('link', { name: 'so-cho-vay-quy-bac-kan.xlsx' })).toBeVisible();
    await page.locator('input[type="file"]').setInputFiles(book);
    await page.getByRole('button', { name: /Tải lên và chạy thử|Upload and dry-run/ }).click();
    await expect(page).toHaveURL(/\/book-imports\/\d+$/);
    await checkPage(page, 'book-imports-list');
  });

  test('an approver reads an import but may not upload', async ({ page }) => {
    await login(page, APPROVER, '/book-imports');
    await expect(page.getByRole('link', { name: 'so-cho-vay-quy-bac-kan.xlsx' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tải lên và chạy thử' })).toHaveCount(0);
    await page.getByRole('link', { name: 'so-cho-vay-quy-bac-kan.xlsx' }).click();
    await expect(page.getByRole('heading', { name: 'Tóm tắt những gì sẽ được tạo' })).toBeVisible();
    await checkPage(page, 'book-import-approver');
  });
});
