import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, userWithRoles } from '../support/factories.js';
import {
  applicationBody,
  applicationUnderAppraisal,
  approval,
  createCapitalSource,
  createCooperative,
  createProduct,
  setCharterCapital,
  type Staff,
} from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Each lending condition fails exactly at its boundary (domain.md "Lending conditions the system
 * checks"): charter capital 10 bn, so 15% = 1.5 bn and 25% = 2.5 bn (Decree 45 Art. 22, 23.2).
 */
describe('lending limits at their boundaries', () => {
  let t: TestApp;
  let admin: string;
  let staff: Staff;
  let productId: string;
  let sourceId: string;

  const submitNew = async (borrowerId: string, overrides: Record<string, unknown>) => {
    const created = await t.request<{ id: string }>('POST', '/api/v1/loan-applications', applicationBody(borrowerId, productId, sourceId, overrides), {
      token: staff.officer,
    });
    expect(created.status).toBe(201);
    return t.request<Record<string, unknown>>('POST', `/api/v1/loan-applications/${created.body.id}/submit`, undefined, { token: staff.officer });
  };
  const approveNew = async (borrowerId: string, amount: string) => {
    const id = await applicationUnderAppraisal(
      t,
      staff,
      applicationBody(borrowerId, productId, sourceId, { requestedAmount: amount, totalInvestment: '10000000000' }),
    );
    return t.request<Record<string, unknown>>('POST', `/api/v1/loan-applications/${id}/approve`, approval(amount), { token: staff.approver });
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await adminToken(t);
    staff = {
      officer: (await userWithRoles(t, admin, ['OFFICER'])).token,
      appraiser: (await userWithRoles(t, admin, ['OFFICER'])).token,
      approver: (await userWithRoles(t, admin, ['APPROVER'])).token,
    };
    productId = (await createProduct(t, admin)).id;
    sourceId = (await createCapitalSource(t, admin, '100000000000')).id;
    await setCharterCapital(t, admin, '10000000000');
  });
  afterAll(async () => t.close());

  it('80% of total investment passes, 80% + 1 đồng is refused with rule, limit and figure', async () => {
    const borrower = await createCooperative(t, staff.officer);
    expect((await submitNew(borrower.id, { requestedAmount: '800000000', totalInvestment: '1000000000' })).status).toBe(200);
    const over = await submitNew(borrower.id, { requestedAmount: '800000001', totalInvestment: '1000000000' });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({
      code: 'APPLICATION.ABOVE_INVESTMENT_SHARE',
      rule: 'Decree 45 Art. 22: loan ≤ 80% of total investment',
      limit: '800000000',
      actual: '800000001',
    });
  });

  it('15% of charter capital passes at approval, 15% + 1 đồng is refused', async () => {
    const a = await createCooperative(t, staff.officer);
    const atLimit = await approveNew(a.id, '1500000000');
    expect(atLimit.status).toBe(200);
    expect(atLimit.body).toMatchObject({ status: 'APPROVED', approvedAmount: '1500000000' });
    const b = await createCooperative(t, staff.officer);
    const over = await submitNew(b.id, { requestedAmount: '1500000001', totalInvestment: '10000000000' });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'APPLICATION.ABOVE_CUSTOMER_LIMIT', limit: '1500000000', actual: '1500000001' });
  });

  it('counts approved-but-undisbursed amounts in the 15% limit', async () => {
    const a = await createCooperative(t, staff.officer);
    expect((await approveNew(a.id, '1000000000')).status).toBe(200);
    expect((await submitNew(a.id, { requestedAmount: '500000000', totalInvestment: '10000000000' })).status).toBe(200);
    const over = await submitNew(a.id, { requestedAmount: '500000001', totalInvestment: '10000000000' });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'APPLICATION.ABOVE_CUSTOMER_LIMIT', limit: '1500000000', actual: '1500000001' });
  });

  it('checks again at approval: a second application that fit at submission is refused once the first is approved', async () => {
    const a = await createCooperative(t, staff.officer);
    const first = await applicationUnderAppraisal(
      t,
      staff,
      applicationBody(a.id, productId, sourceId, { requestedAmount: '1000000000', totalInvestment: '10000000000' }),
    );
    const second = await applicationUnderAppraisal(
      t,
      staff,
      applicationBody(a.id, productId, sourceId, { requestedAmount: '1000000000', totalInvestment: '10000000000' }),
    );
    expect((await t.request('POST', `/api/v1/loan-applications/${first}/approve`, approval('1000000000'), { token: staff.approver })).status).toBe(200);
    const refused = await t.request('POST', `/api/v1/loan-applications/${second}/approve`, approval('1000000000'), { token: staff.approver });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'APPLICATION.ABOVE_CUSTOMER_LIMIT', actual: '2000000000' });
    const partial = await t.request('POST', `/api/v1/loan-applications/${second}/approve`, approval('500000000'), { token: staff.approver });
    expect(partial.status).toBe(200);
  });

  it('25% across related borrowers passes exactly, + 1 đồng is refused', async () => {
    const p = await createCooperative(t, staff.officer);
    const q = await createCooperative(t, staff.officer);
    const r = await createCooperative(t, staff.officer);
    for (const other of [q, r]) {
      const linked = await t.request(
        'POST',
        `/api/v1/borrowers/${p.id}/relations`,
        { relatedBorrowerId: other.id, kind: 'SAME_LEGAL_REPRESENTATIVE' },
        { token: staff.officer },
      );
      expect(linked.status).toBe(201);
    }
    expect((await approveNew(p.id, '1500000000')).status).toBe(200);
    // q is related to p: p's 1.5 bn + q's 1.0 bn = 2.5 bn = 25% exactly.
    expect((await submitNew(q.id, { requestedAmount: '1000000000', totalInvestment: '10000000000' })).status).toBe(200);
    const over = await submitNew(r.id, { requestedAmount: '1000000001', totalInvestment: '10000000000' });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({
      code: 'APPLICATION.ABOVE_GROUP_LIMIT',
      rule: 'Decree 45 Art. 23.2: one customer with related persons ≤ 25% of paid-in charter capital',
      limit: '2500000000',
      actual: '2500000001',
    });
  });

  it('refuses a loan above the capital source’s available capital, counting approvals', async () => {
    const small = (await createCapitalSource(t, admin, '1200000000')).id;
    const a = await createCooperative(t, staff.officer);
    const b = await createCooperative(t, staff.officer);
    const id = await applicationUnderAppraisal(
      t,
      staff,
      applicationBody(a.id, productId, small, { requestedAmount: '700000000', totalInvestment: '10000000000' }),
    );
    expect((await t.request('POST', `/api/v1/loan-applications/${id}/approve`, approval('700000000'), { token: staff.approver })).status).toBe(200);
    const src = await t.request('GET', `/api/v1/capital-sources/${small}`, undefined, { token: staff.officer });
    expect(src.body).toMatchObject({ capital: '1200000000', outstanding: '0', committed: '700000000', available: '1200000000' });
    const create = (amount: string) =>
      t.request<{ id: string }>(
        'POST',
        '/api/v1/loan-applications',
        applicationBody(b.id, productId, small, { requestedAmount: amount, totalInvestment: '10000000000' }),
        {
          token: staff.officer,
        },
      );
    const fits = await create('500000000');
    expect((await t.request('POST', `/api/v1/loan-applications/${fits.body.id}/submit`, undefined, { token: staff.officer })).status).toBe(200);
    const over = await create('500000001');
    const refused = await t.request('POST', `/api/v1/loan-applications/${over.body.id}/submit`, undefined, { token: staff.officer });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'APPLICATION.ABOVE_SOURCE_AVAILABLE', limit: '500000000', actual: '500000001' });
  });

  it('refuses by product limits and borrower eligibility', async () => {
    const a = await createCooperative(t, staff.officer);
    expect((await submitNew(a.id, { requestedAmount: '9999999' })).body).toMatchObject({ code: 'APPLICATION.AMOUNT_BELOW_PRODUCT_MIN', limit: '10000000' });
    expect((await submitNew(a.id, { termMonths: 25 })).body).toMatchObject({ code: 'APPLICATION.TERM_NOT_WHOLE_PERIODS' });
    expect((await submitNew(a.id, { termMonths: 66 })).body).toMatchObject({ code: 'APPLICATION.TERM_ABOVE_PRODUCT_MAX', limit: '60', actual: '66' });
    await t.request('POST', `/api/v1/borrowers/${a.id}/deactivate`, undefined, { token: staff.officer });
    expect((await submitNew(a.id, {})).body).toMatchObject({ code: 'APPLICATION.BORROWER_INACTIVE' });
  });

  it('refuses applications on a retired product; its earlier applications keep their version', async () => {
    const a = await createCooperative(t, staff.officer);
    const product = await createProduct(t, admin);
    const before = await t.request<{ id: string; productVersion: number }>('POST', '/api/v1/loan-applications', applicationBody(a.id, product.id, sourceId), {
      token: staff.officer,
    });
    const edited = await t.request(
      'PUT',
      `/api/v1/loan-products/${product.id}`,
      { ...productBodyWithoutCode(), annualInterestRatePercent: '6.5' },
      { token: admin },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ current: { version: 2, annualInterestRatePercent: '6.5' } });
    const again = await t.request('GET', `/api/v1/loan-applications/${before.body.id}`, undefined, { token: staff.officer });
    expect(again.body).toMatchObject({ productVersion: 1 });
    expect((await t.request('POST', `/api/v1/loan-products/${product.id}/retire`, undefined, { token: admin })).status).toBe(200);
    const refused = await t.request('POST', `/api/v1/loan-applications/${before.body.id}/submit`, undefined, { token: staff.officer });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'APPLICATION.PRODUCT_RETIRED' });
  });
});

function productBodyWithoutCode(): Record<string, unknown> {
  return {
    name: 'Cho vay sản xuất nông nghiệp (sửa)',
    minAmount: '10000000',
    maxAmount: '5000000000',
    minTermMonths: 6,
    maxTermMonths: 60,
    annualInterestRatePercent: '7.2',
    principalFrequency: 'QUARTERLY',
    interestFrequency: 'MONTHLY',
    allowedBorrowerTypes: ['COOPERATIVE'],
    collateralRequired: false,
    businessDayRule: 'NONE',
  };
}
