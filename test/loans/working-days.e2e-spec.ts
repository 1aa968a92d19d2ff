import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { call, closeUntil, contractedLoan, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createProduct } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { expectCacheEqualsReplay } from '../close-of-business/close-support.js';

jest.setTimeout(300_000);

interface Installment {
  seq: number;
  dueDate: string;
  contractualDate: string;
  moved: boolean;
  moveReason: { vi: string; en: string } | null;
  principal: string;
  interest: string;
  status: string;
}
interface Loan {
  id: string;
  daysPastDue: number;
  overduePrincipal: string;
  overdueInterest: string;
  lateInterest: string;
  billedUnpaidInterest: string;
  nextDueDate: string | null;
  maturityDate: string;
  terms: { businessDayRule: string };
}
interface Preview {
  businessDate: string;
  loans: number;
  installments: number;
  moves: Array<{ loanId: string; seq: number; contractualDate: string; fromDate: string; toDate: string; reason: { vi: string } | null }>;
  truncated: boolean;
}

/**
 * docs/working-days.md, the done-when: a NEXT_WORKING_DAY product gives a loan disbursed on 15 January
 * 2026 (monthly) a first due date of 23 February 2026, the first working day after the Tết break;
 * paid on that day it is on time (no overdue or late interest, DPD 0), whether paid before or
 * after the close of that day. A NONE loan keeps today's behaviour. The close (set-based SQL)
 * equals the engine's replay with moved dates and with a calendar change.
 */
describe('working days: due dates moved off Tết, weekends and holidays', () => {
  let t: TestApp;
  let w: LoanWorld;
  let moving: string;
  const loans: Record<'paidOnOpenDay' | 'paidAfterClose' | 'none', string> = { paidOnOpenDay: '', paidAfterClose: '', none: '' };
  const monthly = { principalFrequency: 'MONTHLY', interestFrequency: 'MONTHLY', principalGracePeriods: 0, minTermMonths: 3, annualInterestRatePercent: '12' };

  const schedule = async (id: string): Promise<Installment[]> => (await call<Installment[]>(t, 'GET', `/loans/${id}/schedule`, w.officer)).body;
  const loan = async (id: string): Promise<Loan> => (await call<Loan>(t, 'GET', `/loans/${id}`, w.officer)).body;
  const open = async (productId: string): Promise<string> => {
    const id = await contractedLoan(
      t,
      { ...w, productId },
      { amount: '300000000', termMonths: 3, ratePercent: '12', creditReportDate: '2026-01-10', signingDate: '2026-01-15' },
    );
    expect((await money(t, w, 'disbursements', id, '300000000', '2026-01-15')).status).toBe(201);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { CLOSE_SCHEDULE_ENABLED: 'false' } });
    w = await loanWorld(t, '2026-01-15', monthly);
    moving = (await createProduct(t, w.admin, { ...monthly, businessDayRule: 'NEXT_WORKING_DAY' })).id;
    loans.paidOnOpenDay = await open(moving);
    loans.paidAfterClose = await open(moving);
    loans.none = await open(w.productId);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a new product defaults to NEXT_WORKING_DAY and the loan copies its rule', async () => {
    const p = await call<{ current: { businessDayRule: string } }>(t, 'POST', '/loan-products', w.admin, {
      ...monthly,
      code: 'WD-DEFAULT',
      name: 'Cho vay',
      minAmount: '10000000',
      maxAmount: '900000000',
      maxTermMonths: 12,
      annualInterestRatePercent: '12',
      allowedBorrowerTypes: ['COOPERATIVE'],
      collateralRequired: false,
    });
    expect(p.status).toBe(201);
    expect(p.body.current.businessDayRule).toBe('NEXT_WORKING_DAY');
    expect((await loan(loans.paidOnOpenDay)).terms.businessDayRule).toBe('NEXT_WORKING_DAY');
    expect((await loan(loans.none)).terms.businessDayRule).toBe('NONE');
  });

  it('the schedule and its preview move 15 Feb 2026 (Sunday, in the Tết break) to Monday 23 Feb and say why', async () => {
    const rows = await schedule(loans.paidOnOpenDay);
    expect(rows.map((r) => [r.dueDate, r.contractualDate, r.moved, r.moveReason?.vi ?? null])).toEqual([
      ['2026-02-23', '2026-02-15', true, 'Chủ Nhật'],
      ['2026-03-16', '2026-03-15', true, 'Chủ Nhật'], // from the start date again, not from 23 Feb
      ['2026-04-15', '2026-04-15', false, null],
    ]);
    // ACT/365 to the moved date: 300,000,000 × 12% × 39/365 = 3,846,575.34 → 3,846,575; then 200,000,000 × 12% × 21/365 = 1,380,822
    expect(rows.map((r) => r.interest)).toEqual(['3846575', '1380822', '986301']);
    expect((await schedule(loans.none)).map((r) => r.dueDate)).toEqual(['2026-02-15', '2026-03-15', '2026-04-15']);

    const preview = await call<{
      installments: Array<{ dueDate: string; contractualDate: string; moved: boolean; moveReason: { en: string } | null; interest: string }>;
      maturityDate: string;
    }>(t, 'POST', '/schedule-previews', w.officer, {
      productVersionId: (await call<{ current: { id: string } }>(t, 'GET', `/loan-products/${moving}`, w.officer)).body.current.id,
      amount: '300000000',
      disbursementDate: '2026-01-15',
      termMonths: 3,
      annualInterestRatePercent: '12',
    });
    expect(preview.status).toBe(200);
    expect(preview.body.installments.map((i) => [i.dueDate, i.moved, i.moveReason?.en ?? null, i.interest])).toEqual([
      ['2026-02-23', true, 'Sunday', '3846575'],
      ['2026-03-16', true, 'Sunday', '1380822'],
      ['2026-04-15', false, null, '986301'],
    ]);
  });

  it('nothing is due on 15 Feb; paid on 23 Feb the installment is on time, before or after the close of that day', async () => {
    await closeUntil(t, w, '2026-02-22');
    const before = await loan(loans.paidOnOpenDay);
    expect([before.daysPastDue, before.overduePrincipal, before.nextDueDate]).toEqual([0, '0', '2026-02-23']);
    // The NONE loan is overdue since 15 Feb, as before this change.
    expect((await loan(loans.none)).daysPastDue).toBe(7);

    // Paid on the open day 23 Feb.
    expect((await money(t, w, 'repayments', loans.paidOnOpenDay, '103846575', '2026-02-23')).status).toBe(201);
    await closeUntil(t, w, '2026-02-23');
    // Paid after the close of 23 Feb, valued 23 Feb (a bank statement read a day later).
    const late = await money(t, w, 'repayments', loans.paidAfterClose, '103846575', '2026-02-23');
    expect(late.status).toBe(201);
    await closeUntil(t, w, '2026-02-24');
    for (const id of [loans.paidOnOpenDay, loans.paidAfterClose]) {
      const l = await loan(id);
      expect([l.daysPastDue, l.overduePrincipal, l.overdueInterest, l.lateInterest, l.billedUnpaidInterest, l.nextDueDate]).toEqual([
        0,
        '0',
        '0',
        '0',
        '0',
        '2026-03-16',
      ]);
      expect((await schedule(id))[0].status).toBe('PAID');
      const [row] = (await t.db.query(`SELECT days_past_due, debt_group FROM loans WHERE id = $1`, [id])) as Array<{
        days_past_due: number;
        debt_group: number;
      }>;
      expect(row).toEqual({ days_past_due: 0, debt_group: 1 });
    }
    expect(await expectCacheEqualsReplay(t, w)).toBe(3);
  });

  it('a calendar change is previewed, then moves only installments not yet billed, audited, and the close follows it', async () => {
    // The government announces Monday 16 Mar 2026 as a day off (a made-up announcement for the test).
    const year = await call<{ status: string; days: Array<{ date: string; kind: string; nameVi: string; nameEn: string; basis: string }> }>(
      t,
      'GET',
      '/calendar/years/2026',
      w.officer,
    );
    expect(year.status).toBe(200);
    expect(year.body.status).toBe('GENERATED');
    expect(year.body.days.map((d) => d.date)).toEqual(
      expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-20', '2026-04-26', '2026-04-27', '2026-09-02']),
    );
    const days = [
      ...year.body.days.map(({ date, kind, nameVi, nameEn, basis }) => ({ date, kind, nameVi, nameEn, basis })),
      { date: '2026-03-16', kind: 'ANNOUNCED_DAY_OFF', nameVi: 'Nghỉ theo thông báo', nameEn: 'Announced day off', basis: 'TB 1/TB-UBND' },
    ];
    expect((await call(t, 'PUT', '/calendar/years/2026', w.officer, { days })).status).toBe(403);
    const bad = await call<{ errors: Array<{ field: string; rule: string }> }>(t, 'POST', '/calendar/years/2026/preview', w.admin, {
      days: [{ ...days[0], date: '2027-01-01' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'days[0].date', rule: 'inYear' })]);

    const preview = await call<Preview>(t, 'POST', '/calendar/years/2026/preview', w.admin, { days });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ businessDate: '2026-02-25', loans: 2, installments: 2, truncated: false });
    expect(preview.body.moves.map((m) => [m.seq, m.contractualDate, m.fromDate, m.toDate, m.reason?.vi])).toEqual([
      [2, '2026-03-15', '2026-03-16', '2026-03-17', 'Chủ Nhật'],
      [2, '2026-03-15', '2026-03-16', '2026-03-17', 'Chủ Nhật'],
    ]);
    expect((await schedule(loans.paidOnOpenDay))[1].dueDate).toBe('2026-03-16'); // a preview writes nothing

    const saved = await call<{ change: { id: string; loansMoved: number; installmentsMoved: number }; moved: Preview }>(
      t,
      'PUT',
      '/calendar/years/2026',
      w.admin,
      { days, note: 'TB 1/TB-UBND' },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.change).toMatchObject({ loansMoved: 2, installmentsMoved: 2 });
    const [{ display_name: adminName }] = (await t.db.query(`SELECT display_name FROM users WHERE username = 'admin'`)) as Array<{ display_name: string }>;
    expect((await call<{ status: string; confirmedByName: string }>(t, 'GET', '/calendar/years/2026', w.officer)).body).toMatchObject({
      status: 'CONFIRMED',
      confirmedByName: adminName,
    });
    const rows = await schedule(loans.paidOnOpenDay);
    expect(rows.map((r) => [r.dueDate, r.contractualDate, r.status])).toEqual([
      ['2026-02-23', '2026-02-15', 'PAID'], // billed: never moves
      ['2026-03-17', '2026-03-15', 'SCHEDULED'],
      ['2026-04-15', '2026-04-15', 'SCHEDULED'],
    ]);
    expect((await schedule(loans.none))[1].dueDate).toBe('2026-03-15');
    const audit = await call<{ items: Array<{ action: string; after: { loansMoved: number } }> }>(
      t,
      'GET',
      '/audit-events?entityType=calendar&entityId=2026',
      w.admin,
    );
    expect(audit.body.items.map((a) => [a.action, a.after.loansMoved])).toEqual([['calendar.year.save', 2]]);
    // Saving the same days again moves nothing.
    expect((await call<Preview>(t, 'POST', '/calendar/years/2026/preview', w.admin, { days })).body).toMatchObject({ loans: 0, installments: 0 });

    // The close bills on 17 Mar, not on 16 Mar.
    await closeUntil(t, w, '2026-03-16');
    expect(await loan(loans.paidOnOpenDay)).toMatchObject({ daysPastDue: 0, billedUnpaidInterest: '0', nextDueDate: '2026-03-17' });
    await closeUntil(t, w, '2026-03-17');
    const unpaid = await loan(loans.paidAfterClose);
    expect([unpaid.daysPastDue, unpaid.overduePrincipal]).toEqual([0, '100000000']);
    await closeUntil(t, w, '2026-03-18');
    expect((await loan(loans.paidAfterClose)).daysPastDue).toBe(1);
    // The engine's replay (with the DUE_DATE_CHANGE event) equals what the close wrote, and the ledger reconciles.
    expect(await expectCacheEqualsReplay(t, w)).toBe(3);
    expect(await reconciliation(t, w)).toMatchObject({ mismatches: [], unbalancedTransactions: [] });
    const changes = await call<{ items: Array<{ kind: string; year: number; installmentsMoved: number; createdByName: string }> }>(
      t,
      'GET',
      '/calendar/changes',
      w.auditor,
    );
    expect(changes.body.items).toEqual([expect.objectContaining({ kind: 'YEAR', year: 2026, installmentsMoved: 2, createdByName: adminName })]);
  });

  it('lists the days off with their names, for the web screens and the portal', async () => {
    const off = await call<Array<{ date: string; reason: { vi: string } }>>(t, 'GET', '/calendar/days-off?from=2026-02-14&to=2026-02-22', w.officer);
    expect(off.body.map((d) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ]);
    expect(off.body[3].reason.vi).toBe('Tết Nguyên đán (mùng 1)');
    const statement = await call<{ schedule: Array<{ dueDate: string; contractualDate: string; moveReason: { vi: string } | null }> }>(
      t,
      'GET',
      `/loans/${loans.paidOnOpenDay}/statement?from=2026-01-15&to=2026-03-18`,
      w.auditor,
    );
    expect(statement.status).toBe(200);
    expect(statement.body.schedule.map((r) => [r.dueDate, r.contractualDate, r.moveReason?.vi ?? null])).toEqual([
      ['2026-02-23', '2026-02-15', 'Chủ Nhật'],
      ['2026-03-17', '2026-03-15', 'Chủ Nhật'],
      ['2026-04-15', '2026-04-15', null],
    ]);
    const week = await call<{ workingWeekdays: number[] }>(t, 'GET', '/calendar/working-week', w.officer);
    expect(week.body.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    // A week without Wednesdays would move both NEXT_WORKING_DAY loans' last due date (Wed 15 Apr 2026) to Thu 16 Apr; nothing saved.
    const week4 = await call<Preview>(t, 'POST', '/calendar/working-week/preview', w.admin, { workingWeekdays: [1, 2, 4, 5] });
    expect(week4.status).toBe(200);
    expect(week4.body).toMatchObject({ loans: 2, installments: 2 });
    expect(week4.body.moves.map((m) => [m.contractualDate, m.toDate, m.reason?.vi])).toEqual([
      ['2026-04-15', '2026-04-16', 'Thứ Tư'],
      ['2026-04-15', '2026-04-16', 'Thứ Tư'],
    ]);
    expect((await call(t, 'POST', '/calendar/working-week/preview', w.admin, { workingWeekdays: [0, 8] })).status).toBe(400);
  });
});
