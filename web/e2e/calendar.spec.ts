import { expect, test, type Page } from '@playwright/test';
import { baseUrl, checkPage, login } from './support';
import { ADMIN, OFFICER } from './users';

/**
 * The fund calendar (docs/working-days.md): the admin reviews 2026 against the law, adds the
 * announced Tết days, sees what the change moves before saving, and finds the change in the
 * history; an officer reads the same calendar without any way to change it.
 */

async function addDay(page: Page, date: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'Ngày', exact: true });
  await input.fill(date);
  await input.press('Tab');
  await page.getByRole('button', { name: 'Thêm vào danh sách' }).click();
  await expect(input).toHaveValue('');
}

const row = (page: Page, date: string) => page.getByTestId('year-days').locator(`tr[data-date="${date}"]`);

test('an admin extends Tết 2026 to the announced break, previews the change, saves it and finds it in the history', async ({ page }) => {
  await login(page, ADMIN, '/calendar?year=2026');
  await expect(page.getByRole('heading', { name: 'Lịch làm việc và ngày nghỉ' })).toBeVisible();
  // The admin's menu: the calendar under Quản trị.
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' }).last();
  await expect(nav.getByRole('link', { name: 'Lịch làm việc' })).toHaveAttribute('aria-current', 'page');

  // The law's days, computed (lunar dates): Tết 2026 is 16–20 February, mùng 1 on Tuesday 17 Feb.
  await expect(page.getByTestId('year-status')).toHaveText('Theo luật, chưa xác nhận');
  await expect(row(page, '2026-02-17')).toContainText('17/02/2026');
  await expect(row(page, '2026-02-17')).toContainText('Thứ Ba');
  await expect(row(page, '2026-02-17')).toContainText('Tết Nguyên đán (mùng 1)');
  await expect(row(page, '2026-02-17')).toContainText('Nghỉ lễ theo luật');
  await expect(row(page, '2026-09-02')).toContainText('Quốc khánh');
  await checkPage(page, 'calendar-year-2026');

  // The announced break is 14–22 February: the weekends around the law's five days.
  await page.getByLabel('Tên ngày (tiếng Việt)').fill('Nghỉ Tết Nguyên đán theo thông báo');
  await page.getByLabel('Tên ngày (tiếng Anh)').fill('Lunar New Year break (announced)');
  await page.getByLabel('Căn cứ (số thông báo)').fill('TB 6150/TB-BLĐTBXH');
  await addDay(page, '14/02/2026');
  await addDay(page, '15/02/2026');
  await addDay(page, '21/02/2026');
  await addDay(page, '22/02/2026');
  // The same day twice is refused beside the field, before anything is sent.
  await page.getByRole('textbox', { name: 'Ngày', exact: true }).fill('14/02/2026');
  await page.getByRole('textbox', { name: 'Ngày', exact: true }).press('Tab');
  await page.getByRole('button', { name: 'Thêm vào danh sách' }).click();
  await expect(page.getByText('Ngày này đã có trong danh sách.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Ngày', exact: true }).fill('');
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('draft-status')).toHaveText('Có thay đổi chưa lưu: 4 ngày thêm, 0 ngày bỏ.');
  await expect(row(page, '2026-02-14')).toContainText('Thứ Bảy');
  await expect(row(page, '2026-02-14')).toContainText('Nghỉ theo thông báo');
  await expect(row(page, '2026-02-22')).toContainText('Chủ Nhật');
  await checkPage(page, 'calendar-year-2026-draft');

  // Before saving: what it moves. The business date is after Tết 2026, so nothing not yet billed moves.
  await page.getByRole('button', { name: 'Xem trước và lưu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Xem trước thay đổi lịch năm 2026' });
  await expect(dialog.getByTestId('preview-summary')).toContainText('Thay đổi này không dời kỳ trả nợ nào.');
  await expect(dialog.getByTestId('preview-summary')).toContainText(/sau ngày làm việc \d{2}\/\d{2}\/\d{4}/);
  await checkPage(page, 'calendar-year-2026-preview');
  await dialog.getByLabel('Ghi chú (không bắt buộc)').fill('Theo Thông báo nghỉ Tết Bính Ngọ 2026');
  await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.getByText('Đã lưu lịch. Đã dời 0 kỳ trả nợ của 0 khoản vay.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('year-status')).toHaveText('Đã xác nhận');
  await expect(page.getByText(/Xác nhận bởi .+ lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)).toBeVisible();
  await expect(page.getByText('Ghi chú: Theo Thông báo nghỉ Tết Bính Ngọ 2026')).toBeVisible();
  await expect(page.getByTestId('draft-status')).toHaveText(/^\d+ ngày nghỉ và ngày đặc biệt$/);
  await expect(row(page, '2026-02-21')).toContainText('Nghỉ theo thông báo');

  // The history: when, who, what, how many loans and installments moved.
  await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
  await expect(page).toHaveURL(/tab=changes/);
  const changes = page.getByTestId('calendar-changes');
  await expect(changes.getByRole('row')).toHaveCount(2);
  await expect(changes.getByRole('row').nth(1)).toContainText('Ngày nghỉ năm 2026');
  await checkPage(page, 'calendar-changes');

  // The working week: a change is previewed first; cancelled here, nothing saved.
  await page.getByRole('tab', { name: 'Tuần làm việc' }).click();
  await expect(page.getByRole('checkbox', { name: 'Thứ Hai' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Thứ Bảy' })).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Xem trước và lưu' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Thứ Bảy' }).check();
  await page.getByRole('button', { name: 'Xem trước và lưu' }).click();
  const week = page.getByRole('dialog', { name: 'Xem trước thay đổi tuần làm việc' });
  await expect(week.getByTestId('preview-summary')).toBeVisible();
  await checkPage(page, 'calendar-week-preview');
  await week.getByRole('button', { name: 'Hủy' }).click();
  await expect(week).toBeHidden();

  // In English: the same screen, every label and kind translated.
  await page.getByRole('tab', { name: 'Ngày nghỉ trong năm' }).click();
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Working days and holidays' })).toBeVisible();
  await expect(page.getByTestId('year-status')).toHaveText('Confirmed');
  await expect(row(page, '2026-02-14')).toContainText('Saturday');
  await expect(row(page, '2026-02-14')).toContainText('Lunar New Year break (announced)');
  await expect(row(page, '2026-02-17')).toContainText('Public holiday (law)');
  await checkPage(page, 'calendar-year-2026-en');
});

test('an officer reads the calendar but cannot change it', async ({ page }) => {
  await login(page, OFFICER, '/calendar?year=2026');
  await expect(page.getByRole('heading', { name: 'Lịch làm việc và ngày nghỉ' })).toBeVisible();
  await expect(page.getByTestId('calendar-read-only')).toBeVisible();
  await expect(row(page, '2026-02-17')).toContainText('Tết Nguyên đán (mùng 1)');
  await expect(page.getByRole('button', { name: 'Xem trước và lưu' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Xác nhận như hiện tại' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Thêm vào danh sách' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Bỏ ngày/ })).toHaveCount(0);
  await checkPage(page, 'calendar-officer');

  await page.getByRole('tab', { name: 'Tuần làm việc' }).click();
  await expect(page.getByRole('checkbox', { name: 'Thứ Hai' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Xem trước và lưu' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
  await expect(page.getByTestId('calendar-changes')).toBeVisible();
  await checkPage(page, 'calendar-changes-officer');
  expect(page.url()).toContain(`${baseUrl()}/calendar`);
});
