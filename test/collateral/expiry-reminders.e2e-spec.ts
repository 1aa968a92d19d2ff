import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { userWithRoles } from '../support/factories.js';
import { call, loanWorld, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { runReminders as runRemindersAs } from '../support/reminder-runs.js';

interface Notification {
  kind: string;
  assetId: string | null;
  loanId: string | null;
  borrowerId: string;
  subject: string | null;
  audience: string;
  dueDate: string;
  message: string;
}

/**
 * Collateral expiries in the daily reminders (docs/collateral.md "Registration, insurance,
 * expiries"), on real PostgreSQL and Redis: the BullMQ reminder run records one reminder per asset,
 * kind and expiry date within `expiry_warning_days` (30) or a valuation older than
 * `revaluation_months` (12), and nothing twice however often it runs.
 *
 * Business date 2 Jun 2025. Land (the borrower's own): valued 1 May 2024, stale since 1 May 2025;
 * insured until 20 Jun 2025 (18 days); registered without expiry. Vehicle (a member's): valued
 * 1 May 2025 (fresh); insured until 12 Jun 2025; registered until 31 Dec 2025 (beyond the window).
 */
describe('collateral expiry reminders', () => {
  let t: TestApp;
  let w: LoanWorld;
  let coop: string;
  let land: string;
  let vehicle: string;

  const runReminders = (body: Record<string, unknown> = {}): Promise<Record<string, unknown>> => runRemindersAs(t, w.admin, w.officer, body);
  const asset = async (body: Record<string, unknown>): Promise<string> => {
    const r = await call<{ id: string }>(t, 'POST', '/collateral-assets', w.officer, { borrowerId: w.borrowerId, ...body });
    expect(r.status).toBe(201);
    return r.body.id;
  };
  const valuation = (valuationDate: string) => ({
    valuationDate,
    value: '900000000',
    method: 'MARKET_COMPARISON',
    valuerKind: 'FUND',
    valuerName: 'Tổ thẩm định Quỹ',
  });
  const post = async (path: string, body: Record<string, unknown>): Promise<void> => {
    expect((await call(t, 'POST', path, w.officer, body)).status).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await loanWorld(t, '2025-06-02');
    coop = (await userWithRoles(t, w.admin, ['COOPERATIVE'], w.borrowerId)).token;
    land = await asset({
      type: 'REAL_ESTATE',
      kind: 'LAND_USE_RIGHT',
      description: 'QSDĐ 2.000 m² Tân Cương',
      identifiers: { certificateNumber: 'CS 01234', parcelNumber: '125', mapSheet: '12', areaM2: '2000', address: 'Xóm Chè', commune: 'Xã Tân Cương' },
      ownerKind: 'BORROWER',
      valuation: valuation('2024-05-01'),
    });
    vehicle = await asset({
      type: 'OTHER',
      kind: 'VEHICLE',
      description: 'Xe tải 20C-123.45',
      identifiers: { plateNumber: '20C-123.45', frameNumber: 'RLH1', engineNumber: 'E1' },
      ownerKind: 'THIRD_PARTY',
      ownerName: 'Nguyễn Văn An',
      ownerIdNumber: '019088001234',
      ownerRelationship: 'Thành viên HTX',
      valuation: valuation('2025-05-01'),
    });
    await post(`/collateral-assets/${land}/registrations`, { office: 'VPĐK đất đai Thái Nguyên', registrationNumber: 'ĐK-01', registrationDate: '2024-05-02' });
    await post(`/collateral-assets/${land}/insurances`, { insurer: 'Bảo Việt', policyNumber: 'BV-1', startDate: '2024-06-20', expiryDate: '2025-06-20' });
    await post(`/collateral-assets/${vehicle}/registrations`, {
      office: 'Trung tâm đăng ký giao dịch, tài sản',
      registrationNumber: 'ĐK-02',
      registrationDate: '2025-05-02',
      expiryDate: '2025-12-31',
    });
    await post(`/collateral-assets/${vehicle}/insurances`, { insurer: 'PVI', policyNumber: 'PVI-7', startDate: '2024-06-12', expiryDate: '2025-06-12' });
  });
  afterAll(async () => t.close());

  it('records a stale valuation and insurances expiring within the warning days, once, addressed to staff or the borrower', async () => {
    expect(await runReminders()).toMatchObject({ forDate: '2025-06-02', created: 3, expiries: 3 });
    const staff = await call<{ items: Notification[]; total: number }>(t, 'GET', '/notifications?pageSize=50', w.officer);
    const mine = staff.body.items.filter((n) => n.assetId === land || n.assetId === vehicle);
    expect(mine.map((n) => [n.assetId, n.kind, n.dueDate, n.audience, n.loanId]).sort()).toEqual(
      [
        [land, 'INSURANCE_EXPIRY', '2025-06-20', 'BORROWER', null],
        [land, 'VALUATION_EXPIRY', '2025-05-01', 'STAFF', null],
        [vehicle, 'INSURANCE_EXPIRY', '2025-06-12', 'STAFF', null],
      ].sort(),
    );
    const insurance = mine.find((n) => n.assetId === land && n.kind === 'INSURANCE_EXPIRY');
    expect(insurance?.subject).toBe('QSDĐ 2.000 m² Tân Cương');
    expect(insurance?.message).toBe('Bảo hiểm tài sản bảo đảm "QSDĐ 2.000 m² Tân Cương" hết hạn ngày 2025-06-20: cần gia hạn hợp đồng bảo hiểm.');
    const byAsset = await call<{ total: number }>(t, 'GET', `/notifications?assetId=${vehicle}&kind=INSURANCE_EXPIRY`, w.officer);
    expect(byAsset.body.total).toBe(1);

    // The cooperative user reads the insurance of its own asset, not the staff's reminders (a member's vehicle, the valuation).
    const own = await call<{ items: Notification[]; total: number }>(t, 'GET', '/notifications', coop);
    expect(own.body.items.map((n) => [n.assetId, n.kind])).toEqual([[land, 'INSURANCE_EXPIRY']]);
    expect(own.body.total).toBe(1);
  });

  it('records nothing new on a second run, the same day or the next', async () => {
    expect(await runReminders()).toMatchObject({ created: 0, expiries: 0 });
    expect(await runReminders({ date: '2025-06-03' })).toMatchObject({ forDate: '2025-06-03', created: 0, expiries: 0 });
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE asset_id IS NOT NULL`)) as Array<{ n: number }>;
    expect(n).toBe(3);
  });

  it('reminds again of a renewed policy only when the new expiry comes within the warning days', async () => {
    await post(`/collateral-assets/${vehicle}/insurances`, { insurer: 'PVI', policyNumber: 'PVI-8', startDate: '2025-06-01', expiryDate: '2026-06-01' });
    expect(await runReminders({ date: '2025-06-04' })).toMatchObject({ expiries: 0 });
    // Within 30 days of 10 May 2026: the vehicle's new policy (1 Jun 2026), its valuation (stale from 1 May 2026) and its registration (31 Dec 2025).
    expect(await runReminders({ date: '2026-05-10' })).toMatchObject({ expiries: 3 });
  });
});
