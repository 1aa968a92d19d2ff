import { expect, test, type Page } from '@playwright/test';
import { baseUrl, checkPage, login } from './support';
import { APPROVER, OFFICER } from './users';

/** Picks an option in a Mantine Select by typing part of its label. */
async function pick(page: Page, label: string | RegExp, search: string, option: string | RegExp): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

async function apiGet<T>(path: string, username: string, password: string): Promise<T> {
  const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${baseUrl()}/api/v1${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
  return (await res.json()) as T;
}

test('an officer logs in and sees the home work queues, the fund and the business date', async ({ page }) => {
  await page.goto(`${baseUrl()}/login`);
  await checkPage(page, 'login');
  await page.getByLabel('Tên đăng nhập').fill(OFFICER.username);
  await page.getByLabel('Mật khẩu').fill('wrong-password');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('login-error')).toBeVisible();

  await login(page, OFFICER);
  await expect(page).toHaveURL(`${baseUrl()}/`);
  await expect(page.getByRole('heading', { name: 'Trang chủ' })).toBeVisible();
  await expect(page.getByTestId('fund-name')).toContainText('Quỹ');
  await expect(page.getByTestId('business-date')).toContainText(/Ngày làm việc: \d{2}\/\d{2}\/\d{4}/);
  await expect(page.getByTestId('user-menu')).toContainText('Nguyễn Thị Lan');
  await expect(page.getByTestId('user-menu')).toContainText('Cán bộ tín dụng');
  await expect(page.getByTestId('queue-to-appraise')).toContainText('Hồ sơ chờ thẩm định');
  await expect(page.getByTestId('queue-overdue')).toContainText('Khoản vay quá hạn');
  await expect(page.getByTestId('queue-last-close')).toContainText('Chốt ngày gần nhất');
  // The officer's menu: only what the role may use and what exists.
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' }).last();
  await expect(nav.getByRole('link')).toHaveText([
    'Trang chủ',
    'Người vay',
    'Hồ sơ vay',
    'Khoản vay',
    'Tài sản bảo đảm',
    'Kiểm tra sử dụng vốn',
    'Nhập sao kê',
    'Nhập sổ cho vay',
    'Chốt ngày',
    'Báo cáo',
  ]);
  await checkPage(page, 'home-officer');

  // `/` focuses the global search; Enter searches borrowers.
  await page.keyboard.press('/');
  await expect(page.getByRole('textbox', { name: 'Tìm người vay' }).first()).toBeFocused();
});

test('an officer registers a cooperative: a bad tax code shows beside its field and nothing is created', async ({ page }) => {
  const name = `Hợp tác xã Chè Tân Cương ${Date.now()}`;
  // A tax code no other journey uses (10 digits), so the search by it finds this borrower only.
  const taxCode = `46${String(Date.now()).slice(-8)}`;
  await login(page, OFFICER, '/borrowers');
  await expect(page).toHaveURL(/\/borrowers$/);
  // Other journeys may have registered borrowers already: the empty state is that of a search for this one.
  await page.goto(`${baseUrl()}/borrowers?q=${encodeURIComponent(name)}`);
  await expect(page.getByText('Không có người vay nào khớp điều kiện tìm.')).toBeVisible();
  await checkPage(page, 'borrowers-empty');
  await page.getByRole('link', { name: 'Đăng ký người vay' }).first().click();
  await expect(page.getByRole('heading', { name: 'Đăng ký người vay' })).toBeVisible();

  await page.getByLabel('Mã số thuế (mã số doanh nghiệp)').fill('46001234');
  await page.getByLabel('Tên đầy đủ').fill(name);
  await page.getByLabel('Vốn điều lệ').fill('2500000000');
  await expect(page.getByLabel('Vốn điều lệ')).toHaveValue('2.500.000.000');
  await pick(page, /^Xã, phường \(sau sắp xếp 2025\)/, 'Tân Cương', /Xã Tân Cương/);
  await pick(page, /^Ngành kinh tế \(VSIC\)/, 'Nông', /^A — Nông nghiệp/);
  await page.getByRole('button', { name: 'Đăng ký người vay' }).click();

  // The server refuses the tax code: the error is beside the field, the form keeps what was typed.
  const identity = page.getByLabel('Mã số thuế (mã số doanh nghiệp)');
  await expect(identity).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Mã số thuế phải có 10 chữ số (hoặc 10 chữ số - 3 chữ số); CCCD của thành viên phải có 12 chữ số.')).toBeVisible();
  await expect(page).toHaveURL(/\/borrowers\/new$/);
  await expect(page.getByLabel('Tên đầy đủ')).toHaveValue(name);
  await checkPage(page, 'borrower-form-error');
  const none = await apiGet<{ total: number }>(`/borrowers?q=${encodeURIComponent(name)}`, OFFICER.username, OFFICER.password);
  expect(none.total).toBe(0);

  await identity.fill(taxCode);
  await page.getByRole('button', { name: 'Đăng ký người vay' }).click();
  await expect(page).toHaveURL(/\/borrowers\/\d+$/);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('2.500.000.000 ₫')).toBeVisible();
  await expect(page.getByText('Xã Tân Cương')).toBeVisible();
  await checkPage(page, 'borrower-detail');
  const one = await apiGet<{ total: number }>(`/borrowers?q=${encodeURIComponent(name)}`, OFFICER.username, OFFICER.password);
  expect(one.total).toBe(1);

  // The list finds it by tax code, with the filter in the address.
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).last().getByRole('link', { name: 'Người vay' }).click();
  // The search box is keyed by the address: wait for the list's own address before typing into it.
  await expect(page).toHaveURL(/\/borrowers$/);
  await expect(page.getByRole('table')).toBeVisible();
  const search = page.getByRole('textbox', { name: 'Tìm người vay' }).last();
  await search.fill(taxCode);
  await expect(search).toHaveValue(taxCode);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${taxCode}`));
  await expect(page.getByRole('link', { name })).toBeVisible();
  await checkPage(page, 'borrowers-list');
});

test('the English switch changes the texts and is remembered', async ({ page }) => {
  await login(page, OFFICER);
  await expect(page.getByRole('heading', { name: 'Trang chủ' })).toBeVisible();
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  await expect(page.getByTestId('business-date')).toContainText('Business date');
  await expect(page.getByTestId('user-menu')).toContainText('Credit officer');
  await expect(page.getByTestId('queue-to-appraise')).toContainText('Applications to appraise');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await checkPage(page, 'home-en');
  await page.goto(`${baseUrl()}/borrowers/new`);
  await expect(page.getByLabel('Tax code (enterprise code)')).toBeVisible();
  await checkPage(page, 'borrower-form-en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Register a borrower' })).toBeVisible();
  await page.getByText('VI', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Đăng ký người vay' })).toBeVisible();
});

test('a reload keeps the session; logout ends it; the login returns to the page asked for', async ({ page }) => {
  await login(page, OFFICER, '/borrowers/new');
  await expect(page).toHaveURL(/\/borrowers\/new$/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Đăng ký người vay' })).toBeVisible();
  await expect(page.getByTestId('user-menu')).toBeVisible();

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
  await page.goto(`${baseUrl()}/borrowers?type=COOPERATIVE`);
  await expect(page).toHaveURL(/\/login\?next=%2Fborrowers%3Ftype%3DCOOPERATIVE$/);
  await page.getByLabel('Tên đăng nhập').fill(OFFICER.username);
  await page.getByLabel('Mật khẩu').fill(OFFICER.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/borrowers\?type=COOPERATIVE$/);
});

test('an expired token brings the login page back, then the page the user was on', async ({ page }) => {
  await login(page, OFFICER, '/borrowers');
  await expect(page.getByRole('heading', { name: 'Người vay' })).toBeVisible();
  // The server no longer accepts the token (as after JWT_EXPIRES_IN): the next request gets 401.
  await page.evaluate(() => {
    const s = JSON.parse(window.localStorage.getItem('htx.session') ?? '{}') as { token: string };
    window.localStorage.setItem('htx.session', JSON.stringify({ token: `${s.token}x`, expiresAt: null }));
  });
  await page.goto(`${baseUrl()}/borrowers?type=MEMBER`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByText('Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.')).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(OFFICER.username);
  await page.getByLabel('Mật khẩu').fill(OFFICER.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/borrowers\?type=MEMBER$/);
});

test('an approver sees the approval queue first; the admin reaches the API docs under the CSP', async ({ page }) => {
  await login(page, APPROVER);
  await expect(page.getByTestId('queue-awaiting-approval')).toContainText('Hồ sơ chờ phê duyệt');
  await expect(page.getByTestId('user-menu')).toContainText('Lãnh đạo phê duyệt');
  await expect(page.getByRole('link', { name: 'Đăng ký người vay' })).toHaveCount(0);
  await checkPage(page, 'home-approver');
  await page.goto(`${baseUrl()}/borrowers`);
  await expect(page.getByRole('link', { name: 'Đăng ký người vay' })).toHaveCount(0);

  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${baseUrl()}/docs`);
  await expect(page.getByText('HTX Fund Loan Management API').first()).toBeVisible();
  expect(errors.filter((e) => e.includes('Content Security Policy'))).toEqual([]);
});
