import { expect, test, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkPage } from './support';
import { DEMO_AUDITOR, startDemoApp, type DemoApp } from './demo-app';

/**
 * The auditor's journey on the demo portfolio (48 loans, its own app and database): the sector
 * report as of 31/12/2025 with agriculture at 65,0% in the table and the chart, the XLSX and PDF
 * read back, the other reports, then the audit trail and its chain verification.
 */
const FILES = fileURLToPath(new URL('../../.data/web-screenshots/', import.meta.url));
mkdirSync(FILES, { recursive: true });

let demo: DemoApp;

test.beforeAll(async () => {
  // Loading the demo (its closes included) takes a minute or two on a shared machine.
  test.setTimeout(900_000);
  demo = await startDemoApp();
});
test.afterAll(async () => {
  await demo?.stop();
});

async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, disableFontFace: true }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await doc.destroy();
  return parts.join('\n');
}

async function download(page: Page, testId: string): Promise<{ file: Download; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { file, body: readFileSync(path) };
}

async function typeDate(page: Page, testId: string, ddmmyyyy: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  await input.blur();
}

test('an auditor pulls the sector report as of 31/12/2025, reads it back from the XLSX and the PDF, and verifies the audit chain', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`${demo.base}/login`);
  await page.getByLabel('Tên đăng nhập').fill(DEMO_AUDITOR.username);
  await page.getByLabel('Mật khẩu').fill(DEMO_AUDITOR.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Trang chủ' })).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' }).last();
  await expect(nav.getByRole('link', { name: 'Báo cáo' })).toBeVisible();
  await nav.getByRole('link', { name: 'Báo cáo' }).click();
  await expect(page).toHaveURL(/\/reports\/portfolio/);
  await expect(page.getByRole('heading', { name: 'Danh mục cho vay' })).toBeVisible();

  // As of 31/12/2025 (the demo's last closed day), the whole history as the period, by sector.
  await typeDate(page, 'as-of', '31/12/2025');
  await typeDate(page, 'period-from', '01/01/2021');
  await expect(page).toHaveURL(/from=2021-01-01/);
  const table = page.getByTestId('portfolio-table');
  const agri = table.getByRole('row').filter({ hasText: 'A – Nông nghiệp' });
  await expect(agri.getByTestId('share-outstanding')).toHaveText('65,0%');
  await expect(page.getByTestId('portfolio-totals')).toContainText('Tổng cộng');
  await expect(page.getByTestId('report-source')).toContainText(/Số liệu ngày chốt gần nhất|Ảnh chụp cuối tháng/);
  // The chart says the same: the legend beside the donut, and its slice label.
  await expect(page.getByTestId('sector-legend').getByRole('listitem').filter({ hasText: 'Nông nghiệp' })).toContainText('65,0%');
  await expect(page.getByTestId('chart-sector')).toContainText('65,0%');
  await expect(page.getByTestId('par-ratios')).toContainText('PAR30');
  await expect(page.getByTestId('chart-monthly').locator('.recharts-surface').first()).toBeVisible();
  await checkPage(page, 'reports-portfolio');

  // One click each: the XLSX and the PDF of the same report, read back.
  const xlsx = await download(page, 'export-xlsx');
  expect(xlsx.file.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  let shareCol = 0;
  let agriRow = 0;
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (cell.value === 'Tỷ trọng dư nợ') shareCol = c;
      if (typeof cell.value === 'string' && cell.value.includes('Nông nghiệp')) agriRow = r;
    });
  });
  expect(shareCol).toBeGreaterThan(0);
  expect(agriRow).toBeGreaterThan(0);
  const share = ws.getCell(agriRow, shareCol);
  expect(share.value).toBe(0.65);
  expect(share.numFmt).toBe('0.0%');

  const pdf = await download(page, 'export-pdf');
  expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  copyFileSync(await pdf.file.path(), `${FILES}report-portfolio-sector.pdf`);
  const text = await pdfText(pdf.body);
  expect(text).toContain('Nông nghiệp');
  expect(text).toContain('65,0%');
  expect(text).toContain('2025-12-31');

  // The same page in English.
  await page.evaluate(() => window.localStorage.setItem('htx.lang', 'en'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
  await expect(page.getByTestId('portfolio-table').getByRole('row').filter({ hasText: 'A – Agriculture' }).getByTestId('share-outstanding')).toHaveText(
    '65.0%',
  );
  await checkPage(page, 'reports-portfolio-en');
  await page.evaluate(() => window.localStorage.setItem('htx.lang', 'vi'));
  await page.reload();

  // Two dimensions from the address: sector by debt group.
  await page.goto(`${demo.base}/reports/portfolio?asOf=2025-12-31&from=2021-01-01&groupBy=sector&groupBy=debtGroup`);
  await expect(page.getByTestId('portfolio-table').getByRole('row').filter({ hasText: 'Nông nghiệp' }).first()).toContainText('Nhóm 1');
  await checkPage(page, 'reports-portfolio-two-dimensions');

  // By fund of origin (a merged fund's books apart and together): the demo's loans are all the fund's own book.
  await page.goto(`${demo.base}/reports/portfolio?asOf=2025-12-31&from=2021-01-01&groupBy=origin`);
  await expect(page.getByRole('combobox', { name: 'Nhóm theo' })).toHaveValue('Quỹ gốc');
  await expect(page.getByTestId('portfolio-table').getByRole('row').filter({ hasText: 'Sổ của Quỹ' })).toHaveCount(1);
  await checkPage(page, 'reports-portfolio-origin');

  // The other reports, carrying the date.
  const tabs = page.getByRole('tablist', { name: 'Các báo cáo' });
  await tabs.getByRole('tab', { name: 'Tuổi nợ' }).click();
  await expect(page).toHaveURL(/\/reports\/aging\?asOf=2025-12-31/);
  await expect(page.getByRole('table', { name: 'Tuổi nợ' })).toContainText('Trong hạn');
  await checkPage(page, 'reports-aging');

  await tabs.getByRole('tab', { name: 'Danh sách khoản vay' }).click();
  await expect(page.getByRole('table', { name: 'Danh sách khoản vay' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByText(/\/ 48|trên 48|of 48/)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Mở khoản vay / }).first()).toHaveAttribute('href', /^\/loans\/\d+$/);
  await checkPage(page, 'reports-loans');
  // 48 loans is more than the app's REPORT_EXPORT_ASYNC_ROWS: the export is queued, then downloads.
  const csv = await download(page, 'export-csv');
  expect(csv.file.suggestedFilename()).toMatch(/\.csv$/);
  // More rows than REPORT_EXPORT_ASYNC_ROWS (20): it went through the queue and came back whole.
  expect(
    csv.body
      .toString('utf8')
      .split('\n')
      .filter((l) => l.includes('HĐTD')).length,
  ).toBeGreaterThan(20);

  await tabs.getByRole('tab', { name: 'Nguồn vốn' }).click();
  await expect(page.getByRole('table', { name: 'Nguồn vốn' }).getByRole('row')).toHaveCount(3);
  await checkPage(page, 'reports-capital-sources');

  await tabs.getByRole('tab', { name: 'Đối chiếu sổ cái' }).click();
  await expect(page.getByTestId('reconciliation-result')).toContainText('Khớp');
  await checkPage(page, 'reports-reconciliation');

  await tabs.getByRole('tab', { name: 'Bảng cân đối tài khoản' }).click();
  await expect(page.getByTestId('trial-balance-result')).toContainText('sổ cái cân');
  await checkPage(page, 'reports-trial-balance');

  // The audit trail: search, an event's before and after, the chain verification.
  await nav.getByRole('link', { name: 'Nhật ký kiểm toán' }).click();
  await expect(page.getByRole('heading', { name: 'Nhật ký kiểm toán' })).toBeVisible();
  await page.getByLabel('Loại đối tượng').fill('user');
  await page.getByRole('button', { name: 'Tìm' }).click();
  await expect(page).toHaveURL(/entityType=user/);
  await page.getByRole('button', { name: 'Xem thay đổi' }).first().click();
  await expect(page.getByTestId('audit-diff')).toContainText('Tên đăng nhập');
  await page.getByRole('button', { name: 'Kiểm tra chuỗi băm' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('Chuỗi băm nguyên vẹn');
  await checkPage(page, 'audit-trail');
});
