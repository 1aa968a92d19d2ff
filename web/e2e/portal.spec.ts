import { expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { baseUrl, checkPage, login } from './support';
import { COOP, type PortalWorld, seedPortal } from './portal-seed';

/** The downloaded statement is kept beside the screenshots, to render and look at (pdftoppm). */
const STATEMENT = fileURLToPath(new URL('../../.data/web-screenshots/portal-statement.pdf', import.meta.url));

/** The contract number as the bank transfer purpose carries it: ASCII, as the statement import folds it. */
const folded = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/Đ/g, 'D')
    .replace(/đ/g, 'd');

async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, disableFontFace: true }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  return parts.join('\n');
}

test.describe('a cooperative on its phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  let world: PortalWorld;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    world = await seedPortal();
  });

  test('sees what is due with its VietQR, opens its loan, downloads the statement, and is refused another’s loan', async ({ page }) => {
    test.setTimeout(120_000);
    await login(page, COOP);
    await expect(page).toHaveURL(`${baseUrl()}/`);
    await expect(page.getByRole('heading', { name: 'Khoản vay của tôi' })).toBeVisible();
    // The cooperative's own layout: no officers' navigation or borrower search.
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toHaveCount(0);
    await expect(page.getByRole('search')).toHaveCount(0);

    // The next installment first: date, amount, the VietQR and the transfer written out.
    const next = page.getByTestId('section-next').getByTestId('pay-next').first();
    await expect(next).toBeVisible();
    await expect(next.getByRole('heading')).toContainText(/Kỳ \d+ · Đến hạn \d{2}\/\d{2}\/\d{4}/);
    await expect(next.getByTestId('pay-amount')).toHaveText(/^\d{1,3}(\.\d{3})+ ₫$/);
    const qr = next.getByTestId('vietqr');
    await expect(qr).toBeVisible();
    await expect(qr).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect(qr).toHaveAttribute('alt', new RegExp(`VietQR.*${world.mine.contractNumber}`));
    await expect(next.getByTestId('pay-purpose')).toHaveText(folded(world.mine.contractNumber));
    await expect(next.getByText('Agribank')).toBeVisible();
    // The overdue debt is pointed out above everything (a payment goes to it first anyway).
    await expect(page.getByTestId('overdue-first')).toContainText(/Có 1 kỳ quá hạn, tổng \d{1,3}(\.\d{3})+ ₫/);
    // Then the overdue installment (the close ran 40 days past the disbursement), in red.
    await expect(page.getByTestId('section-overdue').getByTestId('pay-overdue')).toHaveCount(1);
    await expect(page.getByTestId('section-overdue').getByTestId('pay-purpose')).toHaveText(folded(world.mine.contractNumber));
    // Its loans, its applications with their stage, its notifications; nobody else's.
    await expect(page.getByTestId('section-loans').getByRole('link')).toHaveCount(1);
    await expect(page.getByTestId('section-applications')).toContainText('Đang thẩm định');
    await expect(page.getByTestId('section-applications')).toContainText('Đã phê duyệt');
    await expect(page.getByTestId('section-notifications')).toContainText('Quá hạn');
    // The insurance of its own pledged land expires within the warning days.
    await expect(page.getByTestId('section-notifications')).toContainText('Bảo hiểm tài sản bảo đảm “QSDĐ 2.000 m² Tân Cương” hết hạn ngày');
    await expect(page.getByText(world.theirs.contractNumber)).toHaveCount(0);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await checkPage(page, 'portal-home');

    // The loan opens at the officers' address, in the cooperative's read-only layout.
    await page.getByTestId('section-loans').getByRole('link').first().click();
    await expect(page).toHaveURL(`${baseUrl()}/loans/${world.mine.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(world.mine.contractNumber);
    await expect(page.getByTestId('section-pay').getByTestId('vietqr').first()).toBeVisible();
    await expect(page.getByTestId('section-schedule').getByRole('listitem')).toHaveCount(12);
    await expect(page.getByTestId('section-transactions')).toContainText('Giải ngân');
    await expect(page.getByRole('button', { name: /Ghi nhận|Thu nợ/ })).toHaveCount(0);
    // Its loan's and its own file's documents, read-only, each downloadable.
    await expect(page.getByTestId('documents-LOAN')).toContainText('hop-dong-tin-dung.pdf');
    await expect(page.getByTestId('documents-BORROWER')).toContainText('giay-chung-nhan-dkhtx.pdf');
    await expect(page.getByTestId('documents-LOAN').getByRole('button', { name: /phiên bản mới|Tải lên/i })).toHaveCount(0);
    const fetching = page.waitForEvent('download');
    await page.getByTestId('documents-BORROWER').getByRole('button', { name: 'Tải xuống giay-chung-nhan-dkhtx.pdf' }).click();
    const doc = await fetching;
    expect(doc.suggestedFilename()).toBe('giay-chung-nhan-dkhtx.pdf');
    expect((await readFile(await doc.path())).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await checkPage(page, 'portal-loan');

    // The payoff code on demand.
    await page.getByRole('button', { name: 'Xem mã tất toán khoản vay' }).click();
    await expect(page.getByTestId('pay-payoff').getByTestId('vietqr')).toBeVisible();

    // The statement PDF for the period shown (first disbursement to the last closed day).
    await expect(page.getByLabel('Đến ngày')).toHaveValue(world.lastClosed.split('-').reverse().join('/'));
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải sao kê PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await writeFile(STATEMENT, pdf);
    const text = await pdfText(pdf);
    expect(text).toContain(world.mine.contractNumber);
    expect(text).toContain('Quét để trả nợ');
    expect(text).toContain(folded(world.mine.contractNumber));

    // In English.
    await page.getByText('EN', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Loan ${world.mine.contractNumber}`);
    await expect(page.getByRole('button', { name: 'Download the statement PDF' })).toBeVisible();
    await checkPage(page, 'portal-loan-en');
    await page.getByText('VI', { exact: true }).click();

    // Another cooperative's loan typed into the address bar: not found, as the API answers.
    await page.goto(`${baseUrl()}/loans/${world.theirs.id}`);
    await expect(page.getByTestId('loan-not-found')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Không tìm thấy khoản vay' })).toBeVisible();
    await expect(page.getByText(world.theirs.contractNumber)).toHaveCount(0);
    await checkPage(page, 'portal-not-found');
  });
});
