import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { countRows, userWithRoles } from '../support/factories.js';
import { call, closeUntil, contractedLoan, loanWorld, money, type LoanWorld } from '../support/loan-factories.js';
import { applicationBody, applicationUnderAppraisal, createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Check {
  code: string;
  rule: string;
  limit: string;
  actual: string;
  passed: boolean;
}
interface Checks {
  checkedOn: string;
  passed: boolean;
  checks: Check[];
}
interface Item {
  kind: string;
  id: string;
  applicationId: string;
  loanId: string | null;
  borrowerName: string;
  amount: string;
  preparedBy: Array<{ userId: string; username: string }>;
  preparedByMe: boolean;
}

/**
 * The lending conditions as a dry run (the web form's live checks) and the approvers' one queue.
 * The dry run must report the very rule a submission is refused with, and write nothing.
 */
describe('lending-condition dry run and the approvals queue', () => {
  let t: TestApp;
  let w: LoanWorld;
  let appraiser: { id: string; token: string };
  let auditor: string;

  const draft = (overrides: Record<string, unknown> = {}) => {
    const { borrowerId, productId, capitalSourceId, requestedAmount, termMonths, repaymentFrequency, sectorVersion, sectorCode, totalInvestment } =
      applicationBody(w.borrowerId, w.productId, w.capitalSourceId, overrides);
    return { borrowerId, productId, capitalSourceId, requestedAmount, termMonths, repaymentFrequency, sectorVersion, sectorCode, totalInvestment };
  };

  beforeAll(async () => {
    t = await createTestApp();
    // Charter capital 500 bn: 15% = 75 bn. The product allows 10 m to 5 bn, 6 to 60 months.
    w = await loanWorld(t, '2025-03-01', { principalFrequency: 'MONTHLY', interestFrequency: 'MONTHLY', principalGracePeriods: 0 }, '2000000000');
    appraiser = await userWithRoles(t, w.admin, ['OFFICER']);
    auditor = (await userWithRoles(t, w.admin, ['AUDITOR'])).token;
  });
  afterAll(async () => t.close());

  it('lists every rule with its limit and figure, and reports the rule a submission is refused with, writing nothing', async () => {
    const before = await countRows(t, 'loan_applications');
    const ok = await call<Checks>(t, 'POST', '/loan-applications/checks', w.officer, draft({ requestedAmount: '800000000', totalInvestment: '1000000000' }));
    expect(ok.status).toBe(200);
    expect(ok.body.passed).toBe(true);
    expect(ok.body.checkedOn).toBe('2025-03-01');
    expect(ok.body.checks.every((c) => c.passed)).toBe(true);
    expect(ok.body.checks.find((c) => c.code === 'APPLICATION.ABOVE_INVESTMENT_SHARE')).toEqual({
      code: 'APPLICATION.ABOVE_INVESTMENT_SHARE',
      rule: 'Decree 45 Art. 22: loan ≤ 80% of total investment',
      limit: '800000000',
      actual: '800000000',
      passed: true,
    });
    expect(ok.body.checks.find((c) => c.code === 'APPLICATION.ABOVE_CUSTOMER_LIMIT')).toMatchObject({
      limit: '75000000000',
      actual: '800000000',
      passed: true,
    });
    expect(ok.body.checks.find((c) => c.code === 'APPLICATION.ABOVE_SOURCE_AVAILABLE')).toMatchObject({
      limit: '2000000000',
      actual: '800000000',
      passed: true,
    });
    expect(ok.body.checks.map((c) => c.code)).toEqual(
      expect.arrayContaining([
        'APPLICATION.AMOUNT_ABOVE_PRODUCT_MAX',
        'APPLICATION.TERM_BELOW_PRODUCT_MIN',
        'APPLICATION.BORROWER_TYPE_NOT_ALLOWED',
        'APPLICATION.ABOVE_GROUP_LIMIT',
      ]),
    );

    const over = await call<Checks>(t, 'POST', '/loan-applications/checks', w.officer, draft({ requestedAmount: '800000001', totalInvestment: '1000000000' }));
    expect(over.status).toBe(200);
    expect(over.body.passed).toBe(false);
    expect(over.body.checks.filter((c) => !c.passed)).toEqual([
      {
        code: 'APPLICATION.ABOVE_INVESTMENT_SHARE',
        rule: 'Decree 45 Art. 22: loan ≤ 80% of total investment',
        limit: '800000000',
        actual: '800000001',
        passed: false,
      },
    ]);
    expect(await countRows(t, 'loan_applications')).toBe(before);

    // The same figures, submitted: refused with the same rule, limit and figure.
    const created = await call<{ id: string }>(
      t,
      'POST',
      '/loan-applications',
      w.officer,
      applicationBody(w.borrowerId, w.productId, w.capitalSourceId, { requestedAmount: '800000001', totalInvestment: '1000000000' }),
    );
    const refused = await call(t, 'POST', `/loan-applications/${created.body.id}/submit`, w.officer);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'APPLICATION.ABOVE_INVESTMENT_SHARE', limit: '800000000', actual: '800000001' });
  });

  it('reports several failures at once (amount above the product and the source), in the order they are checked', async () => {
    const res = await call<Checks>(
      t,
      'POST',
      '/loan-applications/checks',
      w.officer,
      draft({ requestedAmount: '6000000000', totalInvestment: '10000000000', termMonths: 3 }),
    );
    expect(res.body.checks.filter((c) => !c.passed).map((c) => [c.code, c.limit, c.actual])).toEqual([
      ['APPLICATION.AMOUNT_ABOVE_PRODUCT_MAX', '5000000000', '6000000000'],
      ['APPLICATION.TERM_BELOW_PRODUCT_MIN', '6', '3'],
      ['APPLICATION.ABOVE_SOURCE_AVAILABLE', '2000000000', '6000000000'],
    ]);
  });

  it('refuses bad input naming the field, and roles that may not run it', async () => {
    const bad = await call<{ errors: Array<{ field: string }> }>(t, 'POST', '/loan-applications/checks', w.officer, draft({ requestedAmount: '12.5' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toContain('requestedAmount');
    expect((await call(t, 'POST', '/loan-applications/checks', auditor, draft())).status).toBe(403);
    const missing = await call<{ code: string }>(t, 'POST', '/loan-applications/checks', w.officer, draft({ capitalSourceId: '999999' }));
    expect(missing.status).toBe(404);
  });

  it('checks a stored application with proposed decision figures; the queue filters match the home page', async () => {
    const id = await applicationUnderAppraisal(
      t,
      { officer: w.officer, appraiser: appraiser.token, approver: w.approver },
      applicationBody(w.borrowerId, w.productId, w.capitalSourceId, { requestedAmount: '500000000', termMonths: 12, repaymentFrequency: 'MONTHLY' }),
    );
    const own = await call<Checks>(t, 'GET', `/loan-applications/${id}/checks`, w.approver);
    expect(own.body.passed).toBe(true);
    expect(own.body.checks.some((c) => c.code === 'APPLICATION.RATE_ABOVE_PRODUCT')).toBe(false);
    const proposed = await call<Checks>(t, 'GET', `/loan-applications/${id}/checks?amount=900000000&termMonths=12&ratePercent=8`, w.approver);
    expect(proposed.body.checks.filter((c) => !c.passed).map((c) => [c.code, c.limit, c.actual])).toEqual([
      ['APPLICATION.RATE_ABOVE_PRODUCT', '7.2', '8'],
      ['APPLICATION.ABOVE_INVESTMENT_SHARE', '800000000', '900000000'],
    ]);

    const submitted = await call<{ id: string }>(
      t,
      'POST',
      '/loan-applications',
      w.officer,
      applicationBody(w.borrowerId, w.productId, w.capitalSourceId, { requestedAmount: '100000000', termMonths: 12, repaymentFrequency: 'MONTHLY' }),
    );
    expect((await call(t, 'POST', `/loan-applications/${submitted.body.id}/submit`, w.officer)).status).toBe(200);
    const toAppraise = await call<{ items: Array<{ id: string; borrowerName: string; productName: string }> }>(
      t,
      'GET',
      '/loan-applications?queue=to-appraise',
      w.officer,
    );
    expect(toAppraise.body.items.map((a) => a.id)).toContain(submitted.body.id);
    expect(toAppraise.body.items.map((a) => a.id)).not.toContain(id);
    expect(toAppraise.body.items[0]).toMatchObject({ borrowerName: expect.stringContaining('Hợp tác xã'), productName: 'Cho vay sản xuất nông nghiệp' });
    const awaiting = await call<{ items: Array<{ id: string }> }>(t, 'GET', '/loan-applications?queue=awaiting-approval', w.officer);
    expect(awaiting.body.items.map((a) => a.id)).toEqual([id]);
    expect((await call(t, 'GET', '/loan-applications?queue=everything', w.officer)).status).toBe(400);
  });

  it('one queue of applications and proposed restructurings, with who prepared each; the preparer may not decide', async () => {
    const loanId = await contractedLoan(t, w, {
      amount: '600000000',
      termMonths: 6,
      ratePercent: '6',
      creditReportDate: '2025-03-01',
      signingDate: '2025-03-05',
    });
    const approved = await call<{ items: Array<{ loanId: string | null }> }>(t, 'GET', '/loan-applications?status=APPROVED', w.officer);
    expect(approved.body.items.map((a) => a.loanId)).toEqual([loanId]);
    await closeUntil(t, w, '2025-03-09');
    expect((await money(t, w, 'disbursements', loanId, '600000000', '2025-03-10')).status).toBe(201);
    await closeUntil(t, w, '2025-04-04');
    const proposal = await call<{ id: string }>(t, 'POST', `/loans/${loanId}/restructurings`, w.officer, {
      type: 'EXTENSION',
      reason: 'Gia hạn nợ do giá chè giảm',
      newMaturityDate: '2025-12-10',
    });
    expect(proposal.status).toBe(201);

    const borrower = await createCooperative(t, w.officer, { legalName: 'Hợp tác xã Hàng Đợi' });
    const appId = await applicationUnderAppraisal(
      t,
      { officer: w.officer, appraiser: appraiser.token, approver: w.approver },
      applicationBody(borrower.id, w.productId, w.capitalSourceId, { requestedAmount: '200000000', termMonths: 12, repaymentFrequency: 'MONTHLY' }),
    );

    const asApprover = await call<{ items: Item[]; total: number }>(t, 'GET', '/approvals', w.approver);
    expect(asApprover.status).toBe(200);
    const app = asApprover.body.items.find((i) => i.kind === 'APPLICATION' && i.id === appId);
    expect(app).toMatchObject({ applicationId: appId, loanId: null, borrowerName: 'Hợp tác xã Hàng Đợi', amount: '200000000', preparedByMe: false });
    expect(app?.preparedBy.map((p) => p.userId)).toContain(appraiser.id);
    expect(app?.preparedBy).toHaveLength(2); // the officer created and submitted, the appraiser appraised
    const restructuring = asApprover.body.items.find((i) => i.kind === 'RESTRUCTURING');
    expect(restructuring).toMatchObject({ id: proposal.body.id, loanId, amount: '600000000', preparedByMe: false });
    expect(restructuring?.preparedBy).toHaveLength(1);

    const asAppraiser = await call<{ items: Item[] }>(t, 'GET', '/approvals?kind=APPLICATION', appraiser.token);
    expect(asAppraiser.body.items.every((i) => i.kind === 'APPLICATION')).toBe(true);
    expect(asAppraiser.body.items.find((i) => i.id === appId)?.preparedByMe).toBe(true);
    expect((await call(t, 'GET', '/approvals', auditor)).status).toBe(403);
    expect((await call(t, 'GET', '/approvals?kind=LOAN', w.approver)).status).toBe(400);

    // A user holding both roles who appraised it is refused by the server (four eyes).
    const maker = await userWithRoles(t, w.admin, ['OFFICER', 'APPROVER']);
    const second = await applicationUnderAppraisal(
      t,
      { officer: w.officer, appraiser: maker.token, approver: w.approver },
      applicationBody(borrower.id, w.productId, w.capitalSourceId, { requestedAmount: '100000000', termMonths: 12, repaymentFrequency: 'MONTHLY' }),
    );
    expect(
      (await call<{ items: Item[] }>(t, 'GET', '/approvals', maker.token)).body.items.find((i) => i.id === second && i.kind === 'APPLICATION')?.preparedByMe,
    ).toBe(true);
    const refused = await call(t, 'POST', `/loan-applications/${second}/approve`, maker.token, {
      approvedAmount: '100000000',
      approvedTermMonths: 12,
      approvedRatePercent: '7.2',
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'APPLICATION.FOUR_EYES' });

    // Decided cases leave the queue.
    expect((await call(t, 'POST', `/loans/${loanId}/restructurings/${proposal.body.id}/reject`, w.approver, { note: 'Chưa đủ căn cứ' })).status).toBe(200);
    const after = await call<{ items: Item[] }>(t, 'GET', '/approvals?kind=RESTRUCTURING', w.approver);
    expect(after.body.items).toEqual([]);
  });
});
