import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, userWithRoles } from '../support/factories.js';
import { applicationBody, createCapitalSource, createCooperative, createProduct, setCharterCapital } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface WorkQueues {
  businessDate: string;
  applicationsToAppraise: number;
  applicationsAwaitingApproval: number;
  approvedNotDisbursed: number;
  overdueLoans: number;
  overdueByDpd: Array<{ fromDays: number; toDays: number | null; loans: number; overdueAmount: string }>;
  importsWithUnmatchedLines: number;
  lastClose: unknown;
}

describe('web app landing data: workspace, work queues, communes, borrower search', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await adminToken(t);
    officer = (await userWithRoles(t, admin, ['OFFICER'])).token;
  });
  afterAll(async () => t.close());

  it('gives the header the fund’s name, province and business date', async () => {
    const res = await t.request<{ fundName: string; provinceCode: string; businessDate: string; lastClosedDate: string }>(
      'GET',
      '/api/v1/workspace',
      undefined,
      { token: officer },
    );
    expect(res.status).toBe(200);
    expect(res.body.fundName).toMatch(/Quỹ/);
    expect(res.body.provinceCode).toBe('19');
    expect(res.body.businessDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await t.request('GET', '/api/v1/workspace')).status).toBe(401);
  });

  it('counts applications to appraise as they are submitted, and refuses a cooperative user', async () => {
    const before = await t.request<WorkQueues>('GET', '/api/v1/work-queues', undefined, { token: officer });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      applicationsToAppraise: 0,
      applicationsAwaitingApproval: 0,
      approvedNotDisbursed: 0,
      overdueLoans: 0,
      importsWithUnmatchedLines: 0,
      lastClose: null,
    });
    expect(before.body.overdueByDpd.map((b) => [b.fromDays, b.toDays, b.loans, b.overdueAmount])).toEqual([
      [1, 9, 0, '0'],
      [10, 29, 0, '0'],
      [30, 89, 0, '0'],
      [90, 179, 0, '0'],
      [180, null, 0, '0'],
    ]);

    const productId = (await createProduct(t, admin)).id;
    const sourceId = (await createCapitalSource(t, admin, '50000000000')).id;
    await setCharterCapital(t, admin, '10000000000');
    const borrower = await createCooperative(t, officer);
    const draft = await t.request<{ id: string }>('POST', '/api/v1/loan-applications', applicationBody(borrower.id, productId, sourceId), { token: officer });
    expect(draft.status).toBe(201);
    await t.request(
      'POST',
      '/api/v1/loan-applications/' + draft.body.id + '/documents',
      { name: 'phuong-an.pdf', docType: 'BUSINESS_PLAN', checksumSha256: 'a'.repeat(64), sizeBytes: 1024 },
      { token: officer },
    );
    expect((await t.request('POST', `/api/v1/loan-applications/${draft.body.id}/submit`, undefined, { token: officer })).status).toBe(200);
    const after = await t.request<WorkQueues>('GET', '/api/v1/work-queues', undefined, { token: officer });
    expect(after.body.applicationsToAppraise).toBe(1);

    const coop = await userWithRoles(t, admin, ['COOPERATIVE'], borrower.id);
    expect((await t.request('GET', '/api/v1/work-queues', undefined, { token: coop.token })).status).toBe(403);
  });

  it('lists the fund province’s 2025 communes, and another province’s on request', async () => {
    const res = await t.request<Array<{ provinceCode: string; code: string; nameVi: string; nameEn: string; provinceNameVi: string }>>(
      'GET',
      '/api/v1/reference/communes',
      undefined,
      { token: officer },
    );
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(90);
    expect(res.body.every((c) => c.provinceCode === '19' && c.provinceNameVi === 'Tỉnh Thái Nguyên')).toBe(true);
    expect(res.body.find((c) => c.code === '05443')).toMatchObject({ nameVi: 'Phường Phan Đình Phùng', nameEn: 'Phan Dinh Phung Ward' });
    const hanoi = await t.request<Array<{ provinceCode: string }>>('GET', '/api/v1/reference/communes?provinceCode=01', undefined, { token: officer });
    expect(hanoi.body.length).toBeGreaterThan(100);
    expect(hanoi.body.every((c) => c.provinceCode === '01')).toBe(true);
    expect((await t.request('GET', '/api/v1/reference/communes?provinceCode=x', undefined, { token: officer })).status).toBe(400);
  });

  it('finds a borrower by name, tax code or part of it', async () => {
    const b = (await createCooperative(t, officer)) as unknown as { id: string; identityCode: string };
    const byCode = await t.request<{ items: Array<{ id: string }> }>('GET', `/api/v1/borrowers?q=${b.identityCode}`, undefined, { token: officer });
    expect(byCode.body.items.map((x) => x.id)).toEqual([b.id]);
    const partial = await t.request<{ items: Array<{ id: string }> }>('GET', `/api/v1/borrowers?q=${b.identityCode.slice(2, 8)}`, undefined, {
      token: officer,
    });
    expect(partial.body.items.map((x) => x.id)).toContain(b.id);
  });
});
