import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { checkPage, login } from './support';
import { OFFICER } from './users';

/** A Vietcombank-like export: a title block, a bilingual header, a debit, a credit, a totals row. */
async function vietcombankXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sao ke');
  ws.addRow(['NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM']);
  ws.addRow(['SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT']);
  ws.addRow([]);
  ws.addRow(['STT', 'Ngày giao dịch\nTransaction date', 'Số tham chiếu', 'Số tiền ghi nợ', 'Số tiền ghi có', 'Số dư', 'Nội dung/Diễn giải']);
  ws.addRow([1, '05/03/2025 08:15:00', 'DR1', 250000, null, 999750000, 'Phi quan ly tai khoan']);
  ws.addRow([2, new Date(Date.UTC(2025, 2, 10)), 'FT25069001', null, 15000000, 1014750000, 'HTX Tan Cuong tra no HDTD-2025-000001 ky 1']);
  ws.addRow(['Tổng cộng', '', '', 250000, 15000000, '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The statement page reads an XLSX export in the bank's own layout: the server's preview shows the
 * columns it recognised as pickers, the credit lines and their sum, before anything is uploaded.
 * (Nothing is uploaded here: the operations journey records statements against its loan.)
 */
test('an officer chooses the bank and previews a Vietcombank XLSX export with its recognised columns', async ({ page }) => {
  await login(page, OFFICER, '/imports');
  await expect(page.getByRole('heading', { name: 'Nhập sao kê' })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Ngân hàng' })
    .or(page.getByRole('combobox', { name: 'Ngân hàng' }))
    .first()
    .click();
  await page.getByRole('option', { name: 'Vietcombank' }).click();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'saoke-vcb-03-2025.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await vietcombankXlsx(),
  });
  const preview = page.getByTestId('statement-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('mapping-source')).toContainText('Các cột được nhận diện theo dòng tiêu đề. (dòng tiêu đề: 4)');
  await expect(page.getByTestId('preview-count')).toContainText('Số dòng ghi có sẽ nhập: 1');
  await expect(preview).toContainText('15.000.000 ₫');
  await expect(preview).toContainText('Dòng bỏ qua (ghi nợ, dòng tổng): 2');
  const sample = page.getByTestId('preview-sample');
  await expect(sample.getByRole('row').nth(1)).toContainText('10/03/2025');
  await expect(sample.getByRole('row').nth(1)).toContainText('FT25069001');
  await expect(
    page
      .getByRole('textbox', { name: 'Cột số tiền ghi có' })
      .or(page.getByRole('combobox', { name: 'Cột số tiền ghi có' }))
      .first(),
  ).toHaveValue('Số tiền ghi có');
  await checkPage(page, 'imports-xlsx-preview');

  // The officer maps the amount to the debit column instead: the server reads the file again with that choice.
  await page
    .getByRole('textbox', { name: 'Cột số tiền ghi có' })
    .or(page.getByRole('combobox', { name: 'Cột số tiền ghi có' }))
    .first()
    .click();
  await page.getByRole('option', { name: 'Số tiền ghi nợ' }).click();
  await expect(page.getByTestId('mapping-source')).toContainText('Đọc theo các cột bạn chọn.');
  await expect(preview).toContainText('250.000 ₫');
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByTestId('mapping-source')).toContainText('Read with the columns you chose.');
  await checkPage(page, 'imports-xlsx-preview-en');
  await page.getByText('VI', { exact: true }).click();
});
