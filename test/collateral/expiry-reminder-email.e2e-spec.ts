import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, loanWorld, type LoanWorld } from '../support/loan-factories.js';
import { mailSubject, startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { runReminders as runRemindersAs } from '../support/reminder-runs.js';

/**
 * Collateral expiry reminders by e-mail (docs/collateral.md "Registration, insurance, expiries"):
 * with SMTP_URL set, the reminder addressed to the borrower (the insurance of its own asset) goes
 * to the borrower's e-mail over SMTP, once per asset, kind and expiry date however often the run
 * goes; the staff's reminders (a stale valuation, a third party's asset) are not e-mailed.
 * A real SMTP server on a socket (test/support/smtp-sink.ts) receives what nodemailer sends.
 *
 * Business date 2 Jun 2025. Land (the borrower's own): valued 1 May 2024, stale since 1 May 2025,
 * insured until 20 Jun 2025. Vehicle (a member's): valued 1 May 2025, insured until 12 Jun 2025.
 */
describe('collateral expiry reminders by e-mail', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let w: LoanWorld;
  let land: string;
  let vehicle: string;

  const runReminders = (body: Record<string, unknown> = {}): Promise<Record<string, unknown>> => runRemindersAs(t, w.admin, w.officer, body);
  const valuation = (valuationDate: string) => ({
    valuationDate,
    value: '900000000',
    method: 'MARKET_COMPARISON',
    valuerKind: 'FUND',
    valuerName: 'Tổ thẩm định Quỹ',
  });
  const created = async (path: string, body: Record<string, unknown>): Promise<string> => {
    const r = await call<{ id: string }>(t, 'POST', path, w.officer, body);
    expect(r.status).toBe(201);
    return r.body.id;
  };
  const post = async (path: string, body: Record<string, unknown>): Promise<void> => {
    expect((await call(t, 'POST', path, w.officer, body)).status).toBe(200);
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url, PUBLIC_BASE_URL: 'https://quy.example', FUND_NAME: 'Quỹ HTX Thái Nguyên' } });
    w = await loanWorld(t, '2025-06-02');
    expect((await call(t, 'PATCH', `/borrowers/${w.borrowerId}`, w.officer, { email: 'htx.tancuong@example.vn' })).status).toBe(200);
    land = await created('/collateral-assets', {
      borrowerId: w.borrowerId,
      type: 'REAL_ESTATE',
      kind: 'LAND_USE_RIGHT',
      description: 'QSDĐ 2.000 m² Tân Cương',
      identifiers: { certificateNumber: 'CS 01234', parcelNumber: '125', mapSheet: '12', areaM2: '2000', address: 'Xóm Chè', commune: 'Xã Tân Cương' },
      ownerKind: 'BORROWER',
      valuation: valuation('2024-05-01'),
    });
    vehicle = await created('/collateral-assets', {
      borrowerId: w.borrowerId,
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
    await post(`/collateral-assets/${land}/insurances`, { insurer: 'Bảo Việt', policyNumber: 'BV-1', startDate: '2024-06-20', expiryDate: '2025-06-20' });
    await post(`/collateral-assets/${vehicle}/insurances`, { insurer: 'PVI', policyNumber: 'PVI-7', startDate: '2024-06-12', expiryDate: '2025-06-12' });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('e-mails the borrower the insurance of its own asset, in Vietnamese, and not the staff’s reminders', async () => {
    expect(await runReminders()).toMatchObject({ forDate: '2025-06-02', expiries: 3, emailed: 1, emailFailed: 0 });
    expect(sink.mails).toHaveLength(1);
    const [mail] = sink.mails;
    expect(mail.to).toEqual(['htx.tancuong@example.vn']);
    expect(mailSubject(mail.data)).toBe('Quỹ HTX Thái Nguyên: nhắc hạn tài sản bảo đảm');
    expect(mail.data).toContain('https://quy.example/');
    const rows: Array<{ asset_id: string; kind: string; email_to: string | null; email_status: string }> = await t.db.query(
      `SELECT asset_id::text, kind, email_to, email_status FROM notifications WHERE asset_id IS NOT NULL ORDER BY asset_id, kind`,
    );
    expect(rows.map((r) => [r.asset_id, r.kind, r.email_to, r.email_status]).sort()).toEqual(
      [
        [land, 'INSURANCE_EXPIRY', 'htx.tancuong@example.vn', 'SENT'],
        [land, 'VALUATION_EXPIRY', null, 'SKIPPED'],
        [vehicle, 'INSURANCE_EXPIRY', null, 'SKIPPED'],
      ].sort(),
    );
  });

  it('sends nothing twice for the same asset, kind and expiry date, the same day or the next', async () => {
    expect(await runReminders()).toMatchObject({ expiries: 0, emailed: 0 });
    expect(await runReminders({ date: '2025-06-03' })).toMatchObject({ forDate: '2025-06-03', expiries: 0, emailed: 0 });
    expect(sink.mails).toHaveLength(1);
  });

  it('e-mails again when the renewed policy comes to expire', async () => {
    await post(`/collateral-assets/${land}/insurances`, { insurer: 'Bảo Việt', policyNumber: 'BV-2', startDate: '2025-06-20', expiryDate: '2026-06-20' });
    expect(await runReminders({ date: '2026-06-01' })).toMatchObject({ emailed: 1 });
    expect(sink.mails).toHaveLength(2);
    expect(sink.mails[1].to).toEqual(['htx.tancuong@example.vn']);
  });
});
