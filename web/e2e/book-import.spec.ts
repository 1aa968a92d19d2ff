import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { api, tokenOf } from './operations-fixtures';
import { baseUrl, checkPage, login } from './support';
import { ADMIN, APPROVER, OFFICER } from './users';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = fileURLToPath(new URL('../../.data/web-test-results/', import.meta.url));

/** What the journey uses of the generator (bench/former-fund-book.ts, loaded compiled from dist like the CLI). */
interface Generator {
  FORMER_FUND_PRODUCT: Record<string, unknown>;
  formerFundBook(o: {
    loans: number;
    businessDate: string;
    productCode: string;
    capitalSources: string[];
    communes: string[];
    openingShare: number;
    bad: boolean;
    reconciliationDifferences: number;
    seed: number;
  }): Promise<{
    buffer: Buffer;
    history: Array<{ ref: string; outstanding: string; disbursed: string }>;
    openings: unknown[];
    legacyRefs: string[];
    oldAddressRows: Array<{ row: number; ambiguous: boolean }>;
  }>;
}

/** `1.234.567 ₫`, as the page writes a decimal string of đồng. */
const dong = (n: bigint): string => `${n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
const sum = (xs: string[]): bigint => xs.reduce((a, x) => a + BigInt(x), 0n);

/**
 * The loan book import page (README "Bringing in an existing loan book"): templates, the dry run of a
 * former fund's book made by the repository's generator (bench/generate-former-fund-book.ts, with its
 * dozen bad rows and an ambiguous pre-2025 address), the errors and their filters, the summary, the
 * reconciliation sheet and the commune choice; then a clean book of the same generator, with a product and a
 * capital source of its own (created here, named for this journey only), goes through the commune choice, the
 * submission, the approver's confirmation, the commit job and the result. The project runs after the other
 * journeys (playwright.config.ts): its borrowers and loans are in no other journey's lists or counts.
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
    // Rules read as words; the API's code stays in the tooltip.
    expect(rule).not.toContain('book-import.');
    await expect(errors.locator('tbody tr td:last-child [data-rule]').first()).toHaveAttribute('title', /^Mã quy tắc: book-import\./);
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
    await expect(page.getByTestId('book-errors-table')).not.toContainText('book-import.');
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

  test.describe('a clean book, committed', () => {
    let importId = '';
    let gen: Awaited<ReturnType<Generator['formerFundBook']>>;
    const fileName = 'so-cho-vay-bac-kan-sach.xlsx';

    test.beforeAll(async () => {
      const { FORMER_FUND_PRODUCT, formerFundBook } = (await import(pathToFileURL(`${ROOT}dist/bench/former-fund-book.js`).href)) as Generator;
      const admin = await tokenOf(ADMIN);
      const officer = await tokenOf(OFFICER);
      const { businessDate } = await api<{ businessDate: string }>('GET', '/business-date', officer);
      const tag = randomUUID().slice(0, 6).toUpperCase();
      // Decree 45's limits are shares of the charter capital; a date another journey took keeps its figure.
      await api('POST', '/fund/charter-capital', admin, { effectiveDate: businessDate, amount: '500000000000' }).catch((e: Error) => {
        if (!e.message.includes('FUND.CHARTER_CAPITAL_DATE_TAKEN')) throw e;
      });
      const sourceName = `Vốn Quỹ HTX Bắc Kạn chuyển về ${tag}`;
      const source = await api<{ id: string }>('POST', '/capital-sources', admin, { name: sourceName, kind: 'ENTRUSTED_BUDGET', bearsCreditRisk: false });
      await api(
        'POST',
        `/capital-sources/${source.id}/movements`,
        admin,
        { kind: 'ALLOCATION', movementDate: '2019-01-02', reference: 'QĐ sáp nhập', amount: '500000000000' },
        { 'idempotency-key': randomUUID() },
      );
      const productCode = `BK-${tag}`;
      await api('POST', '/loan-products', admin, { ...FORMER_FUND_PRODUCT, code: productCode });
      const communes = (await api<Array<{ code: string }>>('GET', '/reference/communes?provinceCode=19', officer)).map((c) => c.code);
      // The CLI's --clean --openings 0, small: every loan with its history, no bad rows, the ambiguous former commune kept.
      gen = await formerFundBook({
        // 20 loans: the 13th is a legacy contract (the generator's rule), signed in 2023.
        loans: 20,
        businessDate,
        productCode,
        capitalSources: [sourceName],
        communes,
        openingShare: 0,
        bad: false,
        reconciliationDifferences: 0,
        seed: 7,
      });
    });

    test('an officer dry-runs a clean book, chooses the commune and submits it', async ({ page }) => {
      test.setTimeout(180_000);
      await login(page, OFFICER, '/book-imports');
      await expect(page.getByRole('heading', { name: 'Nhập sổ cho vay' })).toBeVisible();
      for (const [button, lang] of [
        ['Tải mẫu tiếng Việt', 'vi'],
        ['Tải mẫu tiếng Anh', 'en'],
      ] as const) {
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: button }).click();
        expect((await download).suggestedFilename(), lang).toMatch(/\.xlsx$/);
      }
      await page.locator('input[type="file"]').setInputFiles({
        name: fileName,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: gen.buffer,
      });
      await page.getByLabel('Nguồn gốc sổ (gắn cho mọi khoản vay nhập)').fill('Quỹ HTX Bắc Kạn');
      await page.getByRole('button', { name: 'Tải lên và chạy thử' }).click();
      await expect(page).toHaveURL(/\/book-imports\/\d+$/);
      importId = page.url().split('/').pop() ?? '';
      await expect(page.getByRole('heading', { name: `Sổ cho vay ${fileName}` })).toBeVisible();
      await expect(page.getByText('Cần chọn xã', { exact: true }).first()).toBeVisible();

      // The summary carries the book's own totals, in đồng.
      expect(gen.history.length).toBeGreaterThanOrEqual(8);
      await expect(page.getByTestId('count-loans')).toContainText(String(gen.history.length));
      await expect(page.getByTestId('count-loansWithHistory')).toContainText(String(gen.history.length));
      await expect(page.getByTestId('total-disbursed')).toContainText(dong(sum(gen.history.map((h) => h.disbursed))));
      await expect(page.getByTestId('total-outstanding')).toContainText(dong(sum(gen.history.map((h) => h.outstanding))));
      await expect(page.getByText('Không có lỗi: mọi dòng đạt các quy tắc.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Gửi duyệt' })).toHaveCount(0);
      await checkPage(page, 'book-import-clean-dry-run');

      // The ambiguous former commune: the officer chooses, and the import is ready.
      const choices = page.getByTestId('commune-choices');
      await expect(choices.getByRole('row')).toHaveCount(1 + gen.oldAddressRows.filter((r) => r.ambiguous).length);
      await choices.getByRole('combobox').first().click();
      await page.getByRole('option').first().click();
      await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
      await expect(page.getByText('Đã lưu lựa chọn xã/phường.')).toBeVisible();
      await expect(page.getByText('Sẵn sàng gửi duyệt', { exact: true }).first()).toBeVisible();
      await checkPage(page, 'book-import-ready');

      await page.getByRole('button', { name: 'Gửi duyệt' }).click();
      await expect(page.getByText('Chờ phê duyệt', { exact: true }).first()).toBeVisible();
      // The officer who uploaded and submitted cannot confirm it (four eyes).
      await expect(page.getByText('Đang chờ người phê duyệt xác nhận.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Phê duyệt và ghi vào sổ' })).toHaveCount(0);
      await checkPage(page, 'book-import-submitted');
    });

    test('an approver confirms it, watches the commit, and opens an imported loan', async ({ page }) => {
      test.setTimeout(300_000);
      expect(importId).not.toBe('');
      await login(page, APPROVER, `/book-imports/${importId}`);
      await expect(page.getByRole('heading', { name: `Sổ cho vay ${fileName}` })).toBeVisible();
      await page.getByRole('button', { name: 'Phê duyệt và ghi vào sổ' }).click();
      const dialog = page.getByRole('dialog', { name: 'Phê duyệt và ghi vào sổ' });
      await expect(dialog.getByTestId('approve-confirmation')).toContainText(dong(sum(gen.history.map((h) => h.outstanding))));
      await checkPage(page, 'book-import-approve-dialog');
      const request = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/book-imports/${importId}/approve`));
      await dialog.getByRole('button', { name: 'Phê duyệt và ghi vào sổ' }).click();
      expect((await request).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

      // The job's progress while it writes, then the result.
      await expect(page.getByTestId('book-progress').or(page.getByTestId('book-result'))).toBeVisible();
      const result = page.getByTestId('book-result');
      await expect(result).toBeVisible({ timeout: 240_000 });
      await expect(page.getByText('Đã nhập xong', { exact: true }).first()).toBeVisible();
      await expect(page.getByText(`Phê duyệt: ${APPROVER.displayName}`, { exact: false })).toBeVisible();
      await expect(result.locator('a[href^="/borrowers/"]').first()).toBeVisible();
      await expect(result.locator('a[href^="/loans/"]')).toHaveCount(gen.history.length);
      await expect(result.getByRole('heading', { name: `Khoản vay (${gen.history.length})` })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Tóm tắt những gì đã được tạo' })).toBeVisible();
      await checkPage(page, 'book-import-committed');

      const first = result.locator('a[href^="/loans/"]').first();
      const contract = ((await first.textContent()) ?? '').trim();
      await first.click();
      await expect(page).toHaveURL(/\/loans\/\d+$/);
      await expect(page.getByRole('heading', { name: contract })).toBeVisible();
      await expect(page.getByTestId('loan-origin')).toHaveText('· Quỹ gốc: Quỹ HTX Bắc Kạn');
      await checkPage(page, 'book-import-loan');

      // A contract kept as signed under older rules says so on its page, with the limits it breaks.
      expect(gen.legacyRefs.length).toBeGreaterThan(0);
      const imported = await api<{ loans: Array<{ ref: string; id: string }> }>('GET', `/book-imports/${importId}/result`, await tokenOf(APPROVER));
      const legacyId = imported.loans.find((l) => l.ref === gen.legacyRefs[0])?.id;
      expect(legacyId).toBeTruthy();
      await page.goto(`${baseUrl()}/loans/${legacyId}`);
      const badge = page.getByTestId('legacy-terms');
      await expect(badge).toHaveText('Điều kiện cũ');
      await expect(badge).toHaveAttribute('aria-label', /thời hạn vượt mức tối đa/);
      await checkPage(page, 'book-import-legacy-loan');

      // The merged fund's portfolio shows both books apart: the fund's own and the former fund's, under the
      // origin given at upload, and their total.
      await page.goto(`${baseUrl()}/reports/portfolio?groupBy=origin`);
      await expect(page.getByRole('combobox', { name: 'Nhóm theo' })).toHaveValue('Quỹ gốc');
      const table = page.getByTestId('portfolio-table');
      await expect(table.getByRole('rowheader', { name: 'Sổ của Quỹ', exact: true })).toBeVisible();
      await expect(table.getByRole('rowheader', { name: 'Quỹ HTX Bắc Kạn', exact: true })).toBeVisible();
      await expect(table.locator('tbody tr')).toHaveCount(2);
      await checkPage(page, 'book-import-merged-portfolio');
    });
  });
});
