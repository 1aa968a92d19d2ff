import { expect, test, type Page } from '@playwright/test';
import { baseUrl, checkPage, login } from './support';
import { ADMIN, OFFICER } from './users';

async function token(username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function api<T>(method: string, path: string, who: { username: string; password: string }, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${await token(who.username, who.password)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Picks an option in a Mantine Select by typing part of its label. */
async function pick(page: Page, label: string | RegExp, search: string, option: string | RegExp): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

const suffix = Date.now().toString(36);
const coopName = `Hợp tác xã Chè La Bằng ${suffix}`;

test.beforeAll(async () => {
  // The borrower the cooperative user is bound to, registered by an officer as in the officers' journey.
  await api('POST', '/borrowers', OFFICER, {
    type: 'COOPERATIVE',
    identityCode: `46${String(Date.now()).slice(-8)}`,
    legalName: coopName,
    legalRepresentative: 'Hoàng Văn Thụ',
    provinceCode: '19',
    communeCode: '05443',
    sectorVersion: 'VSIC2018',
    sectorCode: 'A',
  });
});

test('an admin creates a cooperative user bound to a borrower, and that user logs in', async ({ page }) => {
  const username = `htx.labang.${suffix}`;
  await login(page, ADMIN);
  await expect(page.getByRole('heading', { name: 'Trang chủ' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).last().getByRole('link', { name: 'Quản trị' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { name: 'Người dùng' })).toBeVisible();
  await checkPage(page, 'admin-users');

  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
  await dialog.getByLabel('Tên đăng nhập').fill(username);
  await dialog.getByLabel('Họ tên').fill('Hoàng Văn Thụ');
  await dialog.getByLabel('Mật khẩu').fill('htx-password-1');
  // Roles: replace the default (officer) with the cooperative role.
  await dialog.getByRole('checkbox', { name: 'Cán bộ tín dụng' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Hợp tác xã' }).check();
  // Saving without the borrower is refused beside the picker, before anything is sent.
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText('Chọn bên vay mà người dùng hợp tác xã đại diện.')).toBeVisible();
  await pick(page, 'Bên vay (hợp tác xã)', 'La Bằng', new RegExp(coopName));
  await checkPage(page, 'admin-user-create');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(username) });
  await expect(row).toContainText(coopName);
  await expect(row).toContainText('Hợp tác xã');
  await expect(row).toContainText('Đang hoạt động');
  await checkPage(page, 'admin-users-created');

  // The cooperative user logs in (its own portal is another work area) and lands on a page of the app.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await login(page, { username, password: 'htx-password-1' });
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByTestId('user-menu')).toContainText('Hoàng Văn Thụ');
  await checkPage(page, 'admin-cooperative-landing');
});

test('an admin creates a loan product, then a new version of it', async ({ page }) => {
  const code = `NN-${suffix.toUpperCase()}`;
  await login(page, ADMIN, '/admin/products');
  await expect(page.getByRole('heading', { name: 'Sản phẩm cho vay' })).toBeVisible();
  await expect(page.getByText('Chưa có sản phẩm cho vay nào.').or(page.getByRole('table', { name: 'Sản phẩm cho vay' }))).toBeVisible();
  await checkPage(page, 'admin-products');
  await page.getByRole('link', { name: 'Thêm sản phẩm' }).click();
  await expect(page.getByRole('heading', { name: 'Thêm sản phẩm cho vay' })).toBeVisible();
  await page.getByLabel('Mã sản phẩm').fill(code.toLowerCase());
  await expect(page.getByLabel('Mã sản phẩm')).toHaveValue(code);
  await page.getByLabel('Tên sản phẩm').fill('Cho vay phát triển vùng chè');
  await page.getByLabel('Số tiền tối thiểu').fill('10000000');
  await page.getByLabel('Số tiền tối đa').fill('2000000000');
  await expect(page.getByLabel('Số tiền tối đa')).toHaveValue('2.000.000.000');
  await page.getByLabel('Thời hạn tối thiểu (tháng)').fill('6');
  await page.getByLabel('Thời hạn tối đa (tháng)').fill('60');
  // A rate typed the Vietnamese way: "7,2".
  await page.getByLabel('Lãi suất (%/năm)').fill('7,2');
  await page.getByLabel('Hệ số lãi quá hạn').fill('1.8');
  await checkPage(page, 'admin-product-create');
  await page.getByRole('button', { name: 'Lưu' }).click();
  // The server's rule (at most 1.5, Decree 45 Art. 25) shows beside the field; nothing is created.
  await expect(page.getByLabel('Hệ số lãi quá hạn')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Hệ số lãi quá hạn').fill('1,5');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { name: `${code} — Cho vay phát triển vùng chè` })).toBeVisible();
  await expect(page.getByText('7,20%').first()).toBeVisible();
  await expect(page.getByText('Dời sang ngày làm việc kế tiếp')).toBeVisible();
  await checkPage(page, 'admin-product');

  await page.getByRole('button', { name: 'Sửa (tạo phiên bản mới)' }).click();
  await page.getByLabel('Lãi suất (%/năm)').fill('6,9');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã tạo phiên bản 2')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Các phiên bản' }).getByRole('row')).toHaveCount(3);
  await checkPage(page, 'admin-product-versions');
});

test('an admin records a capital movement once, even on a double click', async ({ page }) => {
  const name = `Vốn ủy thác ngân sách tỉnh ${suffix}`;
  await login(page, ADMIN, '/admin/capital-sources');
  await expect(page.getByText('Chưa có nguồn vốn nào.').or(page.getByRole('table', { name: 'Nguồn vốn' }))).toBeVisible();
  await checkPage(page, 'admin-capital-sources');
  await page.getByRole('button', { name: 'Thêm nguồn vốn' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm nguồn vốn' });
  await dialog.getByLabel('Tên nguồn vốn').fill(name);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('button', { name: 'Ghi biến động vốn' }).click();
  const record = page.getByRole('dialog', { name: /Ghi biến động vốn/ });
  await record.getByLabel('Số quyết định / chứng từ').fill('QĐ 1234/QĐ-UBND');
  await record.getByLabel('Số tiền').fill('20000000000');
  await expect(record.getByLabel('Số tiền')).toHaveValue('20.000.000.000');
  await checkPage(page, 'admin-capital-movement');
  await record.getByRole('button', { name: 'Xác nhận' }).dblclick();
  await expect(record).toBeHidden();
  const movements = page.getByRole('table', { name: 'Biến động vốn' });
  await expect(movements.getByRole('row')).toHaveCount(2);
  await expect(movements).toContainText('20.000.000.000 ₫');
  await expect(movements).toContainText('Cấp vốn');
  await checkPage(page, 'admin-capital-source');
  const sources = await api<{ items: Array<{ name: string; capital: string }> }>('GET', '/capital-sources?pageSize=100', ADMIN);
  expect(sources.items.find((s) => s.name === name)?.capital).toBe('20000000000');
});

test('an admin reads the GL codes, the classification policy and the fund parameters, in Vietnamese and English', async ({ page }) => {
  await login(page, ADMIN, '/admin/ledger-accounts');
  await expect(page.getByRole('table', { name: 'Tài khoản kế toán' })).toContainText('Cho vay (dư nợ gốc)');
  await checkPage(page, 'admin-ledger-accounts');
  await page.getByRole('tab', { name: 'Chính sách phân loại nợ' }).click();
  await expect(page.getByRole('heading', { name: /Chính sách đang áp dụng/ })).toBeVisible();
  await checkPage(page, 'admin-classification');
  await page.getByRole('tab', { name: 'Thông số quỹ' }).click();
  await expect(page.getByRole('heading', { name: 'Vốn điều lệ thực góp' })).toBeVisible();
  await checkPage(page, 'admin-fund');
  await page.getByRole('button', { name: 'Ghi vốn điều lệ mới' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ghi vốn điều lệ' });
  await dialog.getByLabel('Vốn điều lệ thực góp').fill('120000000000');
  await dialog.getByLabel('Ghi chú (số quyết định)').fill('QĐ 45/QĐ-UBND');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Vốn điều lệ thực góp' })).toContainText('120.000.000.000 ₫');
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Paid-in charter capital' })).toBeVisible();
  await checkPage(page, 'admin-fund-en');
  await page.getByRole('tab', { name: 'Classification policy' }).click();
  await expect(page.getByRole('heading', { name: /Policy in force/ })).toBeVisible();
  await checkPage(page, 'admin-classification-en');
  await page.getByRole('tab', { name: 'Users' }).click();
  await checkPage(page, 'admin-users-en');
  await page.getByText('VI', { exact: true }).click();
});

test('an admin puts a classification policy version in force that deducts collateral; the history shows it', async ({ page }) => {
  const { businessDate } = await api<{ businessDate: string }>('GET', '/workspace', ADMIN);
  const shown = businessDate.split('-').reverse().join('/');
  await login(page, ADMIN, '/admin/classification-policy');
  await expect(page.getByRole('heading', { name: /Chính sách đang áp dụng/ })).toBeVisible();
  await page.getByRole('button', { name: 'Áp dụng chính sách khác' }).click();
  const dialog = page.getByRole('dialog', { name: 'Áp dụng chính sách phân loại nợ' });
  const deduct = dialog.getByRole('checkbox', { name: 'Khấu trừ giá trị tài sản bảo đảm khi trích lập dự phòng cụ thể' });
  // Each template's own choice first: the bank rules deduct, the microfinance rules do not.
  await expect(dialog.getByRole('combobox', { name: 'Chính sách' })).toHaveValue('Tổ chức tín dụng (ngân hàng)');
  await expect(deduct).toBeChecked();
  await dialog.getByRole('combobox', { name: 'Chính sách' }).click();
  // The microfinance groups and rates the fund has (the other journeys' provisions keep them), now net of collateral.
  await page.getByRole('option', { name: 'Tổ chức tài chính vi mô' }).click();
  await expect(deduct).not.toBeChecked();
  await deduct.check();
  await expect(dialog.getByLabel('Áp dụng từ ngày')).toHaveValue(shown);
  await checkPage(page, 'admin-classification-put');
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Đã áp dụng chính sách Tổ chức tài chính vi mô từ ${shown}.`)).toBeVisible();
  const history = page.getByRole('table', { name: 'Lịch sử áp dụng' });
  const row = history.getByRole('row').filter({ hasText: shown });
  await expect(row).toContainText('Tổ chức tài chính vi mô');
  await expect(row.getByRole('cell').last()).toHaveText('Có');
  await expect(history.getByRole('columnheader', { name: 'Trừ giá trị tài sản bảo đảm khi trích lập' })).toBeVisible();
  await checkPage(page, 'admin-classification-deducts');
  const policies = await api<Array<{ effectiveFrom: string; code: string; definition: { deductCollateral: boolean } }>>(
    'GET',
    '/classification-policies',
    ADMIN,
  );
  expect(policies.find((p) => p.effectiveFrom === businessDate)).toMatchObject({ code: 'MICROFINANCE', definition: { deductCollateral: true } });
});
