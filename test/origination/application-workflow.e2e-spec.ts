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

interface Application {
  id: string;
  status: string;
  statusHistory: Array<{ fromStatus: string | null; toStatus: string; actorUsername: string }>;
  [key: string]: unknown;
}

describe('loan application workflow', () => {
  let t: TestApp;
  let admin: string;
  let staff: Staff;
  let officer: { id: string; username: string; token: string };
  let auditor: string;
  let productId: string;
  let sourceId: string;
  const post = (path: string, body: unknown, token: string) => t.request<Application>('POST', `/api/v1${path}`, body, { token });
  const get = (path: string, token: string) => t.request<Application>('GET', `/api/v1${path}`, undefined, { token });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await adminToken(t);
    officer = await userWithRoles(t, admin, ['OFFICER']);
    staff = {
      officer: officer.token,
      appraiser: (await userWithRoles(t, admin, ['OFFICER'])).token,
      approver: (await userWithRoles(t, admin, ['APPROVER'])).token,
    };
    auditor = (await userWithRoles(t, admin, ['AUDITOR'])).token;
    productId = (await createProduct(t, admin)).id;
    sourceId = (await createCapitalSource(t, admin, '50000000000')).id;
    await setCharterCapital(t, admin, '10000000000');
  });
  afterAll(async () => t.close());

  it('goes from draft to approved, with status history and an audit event for every change', async () => {
    const borrower = await createCooperative(t, staff.officer);
    const draft = await post('/loan-applications', applicationBody(borrower.id, productId, sourceId), staff.officer);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'DRAFT', requestedAmount: '800000000', productVersion: 1, createdBy: officer.id });
    const id = draft.body.id;
    const doc = await post(
      `/loan-applications/${id}/documents`,
      { name: 'phuong-an.pdf', docType: 'BUSINESS_PLAN', checksumSha256: 'a'.repeat(64), sizeBytes: 1024 },
      staff.officer,
    );
    expect(doc.status).toBe(201);
    expect((await post(`/loan-applications/${id}/submit`, undefined, staff.officer)).body).toMatchObject({ status: 'SUBMITTED' });
    expect((await post(`/loan-applications/${id}/start-appraisal`, undefined, staff.appraiser)).body).toMatchObject({ status: 'UNDER_APPRAISAL' });
    const appraisal = await post(
      `/loan-applications/${id}/appraisals`,
      { findings: 'Phương án khả thi', recommendedAmount: '750000000', recommendedTermMonths: 24, recommendedRatePercent: '7.2', riskRating: 'MEDIUM' },
      staff.appraiser,
    );
    expect(appraisal.status).toBe(201);
    const approved = await post(`/loan-applications/${id}/approve`, { ...approval('750000000'), approvedRatePercent: '7' }, staff.approver);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', approvedAmount: '750000000', approvedTermMonths: 24, approvedRatePercent: '7' });
    expect(approved.body.statusHistory.map((h) => `${h.fromStatus}→${h.toStatus}`)).toEqual([
      'null→DRAFT',
      'DRAFT→SUBMITTED',
      'SUBMITTED→UNDER_APPRAISAL',
      'UNDER_APPRAISAL→APPROVED',
    ]);
    const audit = await t.request<{ items: Array<{ action: string }> }>('GET', `/api/v1/audit-events?entityType=loan-application&entityId=${id}`, undefined, {
      token: auditor,
    });
    expect(audit.body.items.map((e) => e.action).reverse()).toEqual([
      'loan-application.create',
      'loan-application.document',
      'loan-application.submit',
      'loan-application.startAppraisal',
      'loan-application.appraise',
      'loan-application.approve',
    ]);
    const source = await get(`/capital-sources/${sourceId}`, staff.officer);
    expect(source.body).toMatchObject({ committed: '750000000' });
    expect((await get('/audit-events/verify', auditor)).body).toMatchObject({ ok: true });
  });

  it('refuses illegal transitions with 409 APPLICATION.ILLEGAL_TRANSITION', async () => {
    const borrower = await createCooperative(t, staff.officer);
    const draft = await post('/loan-applications', applicationBody(borrower.id, productId, sourceId), staff.officer);
    const id = draft.body.id;
    const early = await post(`/loan-applications/${id}/approve`, approval('800000000'), staff.approver);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'APPLICATION.ILLEGAL_TRANSITION', status: 409 });
    expect((await post(`/loan-applications/${id}/start-appraisal`, undefined, staff.officer)).status).toBe(409);
    expect((await post(`/loan-applications/${id}/submit`, undefined, staff.officer)).status).toBe(200);
    expect((await post(`/loan-applications/${id}/submit`, undefined, staff.officer)).body).toMatchObject({ code: 'APPLICATION.ILLEGAL_TRANSITION' });
    expect((await post(`/loan-applications/${id}/withdraw`, { note: 'Bổ sung hồ sơ' }, staff.officer)).body).toMatchObject({ status: 'WITHDRAWN' });
    expect((await post(`/loan-applications/${id}/start-appraisal`, undefined, staff.officer)).status).toBe(409);
    expect((await post(`/loan-applications/${id}/withdraw`, {}, staff.officer)).status).toBe(409);
  });

  it('cannot withdraw or reject after a decision', async () => {
    const borrower = await createCooperative(t, staff.officer);
    const id = await applicationUnderAppraisal(t, staff, applicationBody(borrower.id, productId, sourceId));
    expect((await post(`/loan-applications/${id}/reject`, { reason: 'Chưa khả thi' }, staff.approver)).body).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Chưa khả thi',
    });
    expect((await post(`/loan-applications/${id}/withdraw`, {}, staff.officer)).body).toMatchObject({ code: 'APPLICATION.ILLEGAL_TRANSITION' });
    expect((await post(`/loan-applications/${id}/approve`, approval('800000000'), staff.approver)).status).toBe(409);
  });

  it('enforces four eyes: whoever created, submitted or appraised may not decide', async () => {
    const both = await userWithRoles(t, admin, ['OFFICER', 'APPROVER']);
    const borrower = await createCooperative(t, staff.officer);
    // 1. created and submitted by the dual-role user
    const byCreator = await applicationUnderAppraisal(t, { ...staff, officer: both.token }, applicationBody(borrower.id, productId, sourceId));
    // 2. appraised by the dual-role user
    const byAppraiser = await applicationUnderAppraisal(t, { ...staff, appraiser: both.token }, applicationBody(borrower.id, productId, sourceId));
    for (const id of [byCreator, byAppraiser]) {
      const approve = await post(`/loan-applications/${id}/approve`, approval('800000000'), both.token);
      expect(approve.status).toBe(403);
      expect(approve.body).toMatchObject({ code: 'APPLICATION.FOUR_EYES' });
      expect((await post(`/loan-applications/${id}/reject`, { reason: 'x' }, both.token)).body).toMatchObject({ code: 'APPLICATION.FOUR_EYES' });
      expect((await get(`/loan-applications/${id}`, staff.officer)).body).toMatchObject({ status: 'UNDER_APPRAISAL' });
    }
    expect((await post(`/loan-applications/${byCreator}/approve`, approval('800000000'), staff.approver)).status).toBe(200);
  });

  it('needs an appraisal before a decision', async () => {
    const borrower = await createCooperative(t, staff.officer);
    const draft = await post('/loan-applications', applicationBody(borrower.id, productId, sourceId), staff.officer);
    await post(`/loan-applications/${draft.body.id}/submit`, undefined, staff.officer);
    await post(`/loan-applications/${draft.body.id}/start-appraisal`, undefined, staff.officer);
    expect((await post(`/loan-applications/${draft.body.id}/approve`, approval('800000000'), staff.approver)).body).toMatchObject({
      code: 'APPLICATION.APPRAISAL_REQUIRED',
    });
  });

  describe('a cooperative user', () => {
    let own: string;
    let other: string;
    let coop: string;
    let othersApplication: string;

    beforeAll(async () => {
      own = (await createCooperative(t, staff.officer)).id;
      other = (await createCooperative(t, staff.officer)).id;
      coop = (await userWithRoles(t, admin, ['COOPERATIVE'], own)).token;
      othersApplication = (await post('/loan-applications', applicationBody(other, productId, sourceId), staff.officer)).body.id;
    });

    it('creates, submits and follows its own application, without appraisal notes', async () => {
      const draft = await post('/loan-applications', applicationBody(own, productId, sourceId), coop);
      expect(draft.status).toBe(201);
      expect((await post(`/loan-applications/${draft.body.id}/submit`, undefined, coop)).body).toMatchObject({ status: 'SUBMITTED' });
      expect((await get(`/loan-applications/${draft.body.id}`, coop)).body).toMatchObject({ status: 'SUBMITTED' });
      expect((await get(`/loan-applications/${draft.body.id}/appraisals`, coop)).status).toBe(403);
      expect((await post(`/loan-applications/${draft.body.id}/start-appraisal`, undefined, coop)).status).toBe(403);
      const list = await t.request<{ items: Array<{ borrowerId: string }>; total: number }>('GET', '/api/v1/loan-applications', undefined, { token: coop });
      expect(list.body.items.every((a) => a.borrowerId === own)).toBe(true);
      expect(list.body.total).toBe(1);
      expect((await get(`/borrowers/${own}`, coop)).status).toBe(200);
    });

    it('gets 404 for another borrower’s data, exactly like a missing id', async () => {
      const missing = await get('/borrowers/999999', coop);
      const foreign = await get(`/borrowers/${other}`, coop);
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe(missing.body.code);
      expect((await get(`/borrowers/${other}/relations`, coop)).status).toBe(404);
      expect((await get(`/loan-applications/${othersApplication}`, coop)).status).toBe(404);
      expect((await get(`/loan-applications/${othersApplication}/documents`, coop)).status).toBe(404);
      expect((await post(`/loan-applications/${othersApplication}/submit`, undefined, coop)).status).toBe(404);
      expect((await post(`/loan-applications/${othersApplication}/withdraw`, {}, coop)).status).toBe(404);
      const create = await post('/loan-applications', applicationBody(other, productId, sourceId), coop);
      expect(create.status).toBe(404);
      expect((await get(`/loan-applications/${othersApplication}`, staff.officer)).body).toMatchObject({ status: 'DRAFT' });
      const borrowers = await t.request<{ total: number }>('GET', '/api/v1/borrowers', undefined, { token: coop });
      expect(borrowers.body.total).toBe(1);
    });
  });
});
