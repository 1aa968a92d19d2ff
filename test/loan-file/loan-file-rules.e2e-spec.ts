import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { userWithRoles } from '../support/factories.js';
import { call, closeUntil, contractedLoan, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { applicationBody, createCooperative, createProduct } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PNG, download, pdf, sha256, upload } from '../support/upload-factories.js';

interface Problem {
  code: string;
  status: number;
  detail: string;
  errors: Array<{ field: string; rule: string }>;
}
interface Checklist {
  items: Array<{ docType: string; status: string; waiver: { reason: string; waivedByName: string } | null }>;
  missing: string[];
}
interface Inspection {
  disbursementEventId: string;
  trancheNo: number;
  disbursementDate: string;
  dueDate: string;
  status: string;
  inspectionId: string | null;
  finding: string | null;
  recallCaseId: string | null;
}
interface Recall {
  id: string;
  status: string;
  recallDate: string;
  principalRecalled: string | null;
}

const CHECKLIST = ['COOP_REGISTRATION', 'CHARTER', 'MEMBERS_RESOLUTION', 'FINANCIAL_STATEMENT', 'BUSINESS_PLAN'];

describe('the loan file: checklist, inspections of the use of the money, recall', () => {
  let t: TestApp;
  let w: LoanWorld;
  let coop: string;
  let otherCoop: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await loanWorld(t, '2026-03-01', {
      annualInterestRatePercent: '6',
      principalFrequency: 'MONTHLY',
      interestFrequency: 'MONTHLY',
      principalGracePeriods: 0,
      minTermMonths: 3,
      maxTermMonths: 36,
      maxTranches: 3,
      trancheRequiresInspection: true,
      inspectionDays: 20,
    });
    coop = (await userWithRoles(t, w.admin, ['COOPERATIVE'], w.borrowerId)).token;
    const other = await createCooperative(t, w.officer);
    otherCoop = (await userWithRoles(t, w.admin, ['COOPERATIVE'], other.id)).token;
  });
  afterAll(async () => t.close());

  describe('checklist of required documents', () => {
    let appId: string;
    beforeAll(async () => {
      const product = await createProduct(t, w.admin, { requiredDocumentTypes: CHECKLIST });
      const created = await call<{ id: string }>(
        t,
        'POST',
        '/loan-applications',
        w.officer,
        applicationBody(w.borrowerId, product.id, w.capitalSourceId, { creditReportDate: '2026-02-20' }),
      );
      appId = created.body.id;
    });

    it('refuses submission naming every missing type', async () => {
      const list = await call<Checklist>(t, 'GET', `/loan-applications/${appId}/document-checklist`, w.officer);
      expect(list.body.missing).toEqual(CHECKLIST);
      const refused = await call<Problem>(t, 'POST', `/loan-applications/${appId}/submit`, w.officer);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('APPLICATION.DOCUMENTS_MISSING');
      expect(refused.body.errors.map((e) => e.field)).toEqual(CHECKLIST.map((d) => `documents.${d}`));
      expect(refused.body.detail).toContain('CHARTER');
      expect((await call<{ status: string }>(t, 'GET', `/loan-applications/${appId}`, w.officer)).body.status).toBe('DRAFT');
    });

    it('counts files on the application and on its borrower, and waivers with who and why; then submits', async () => {
      const charter = await upload<{ id: string }>(
        t,
        `/borrowers/${w.borrowerId}/documents`,
        w.officer,
        { docType: 'CHARTER' },
        { name: 'dieu-le.pdf', content: pdf() },
      );
      expect(charter.status).toBe(201);
      // The cooperative prepares its own dossier.
      for (const docType of ['COOP_REGISTRATION', 'MEMBERS_RESOLUTION']) {
        const res = await upload(
          t,
          `/loan-applications/${appId}/documents/files`,
          coop,
          { docType },
          { name: `${docType.toLowerCase()}.pdf`, content: pdf(1500, docType) },
        );
        expect(res.status).toBe(201);
      }
      const plan = pdf(4000, 'phương án');
      const up = await upload<{ id: string }>(
        t,
        `/loan-applications/${appId}/documents/files`,
        w.officer,
        { docType: 'BUSINESS_PLAN' },
        { name: 'phuong-an.pdf', content: plan },
      );
      // The application's document records gain their file.
      const records = await call<Array<{ docType: string; checksumSha256: string; attachmentId: string | null }>>(
        t,
        'GET',
        `/loan-applications/${appId}/documents`,
        w.officer,
      );
      expect(records.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ docType: 'BUSINESS_PLAN', checksumSha256: sha256(plan), attachmentId: up.body.id })]),
      );
      const notRequired = await call<Problem>(t, 'POST', `/loan-applications/${appId}/document-waivers`, w.officer, { docType: 'PHOTO', reason: 'không cần' });
      expect(notRequired.body.code).toBe('APPLICATION.DOCUMENT_NOT_REQUIRED');
      const short = await call<Problem>(t, 'POST', `/loan-applications/${appId}/document-waivers`, w.officer, { docType: 'FINANCIAL_STATEMENT' });
      expect(short.body.errors.map((e) => e.field)).toContain('reason');
      expect(
        (await call<Problem>(t, 'POST', `/loan-applications/${appId}/document-waivers`, coop, { docType: 'FINANCIAL_STATEMENT', reason: 'tự miễn' })).status,
      ).toBe(403);
      const waived = await call<Checklist>(t, 'POST', `/loan-applications/${appId}/document-waivers`, w.officer, {
        docType: 'FINANCIAL_STATEMENT',
        reason: 'HTX mới thành lập, chưa có báo cáo tài chính năm',
      });
      expect(waived.status).toBe(200);
      expect(waived.body.missing).toEqual([]);
      expect(waived.body.items.find((i) => i.docType === 'FINANCIAL_STATEMENT')).toMatchObject({
        status: 'WAIVED',
        waiver: { reason: 'HTX mới thành lập, chưa có báo cáo tài chính năm' },
      });
      expect(
        waived.body.items
          .filter((i) => i.status === 'PRESENT')
          .map((i) => i.docType)
          .sort(),
      ).toEqual(['BUSINESS_PLAN', 'CHARTER', 'COOP_REGISTRATION', 'MEMBERS_RESOLUTION']);
      expect((await call(t, 'POST', `/loan-applications/${appId}/submit`, w.officer)).status).toBe(200);
    });

    it('another cooperative reaches none of it', async () => {
      const files = await call<Array<{ id: string }>>(t, 'GET', `/loan-applications/${appId}/documents/files`, w.officer);
      expect(files.body.length).toBe(3);
      expect((await call(t, 'GET', `/loan-applications/${appId}/documents/files`, otherCoop)).status).toBe(404);
      expect((await call(t, 'GET', `/loan-applications/${appId}/document-checklist`, otherCoop)).status).toBe(404);
      expect((await download(t, `/attachments/${files.body[0].id}/content`, otherCoop)).status).toBe(404);
      expect((await upload(t, `/loan-applications/${appId}/documents/files`, otherCoop, { docType: 'OTHER' }, { name: 'x.pdf', content: pdf() })).status).toBe(
        404,
      );
      expect((await call(t, 'GET', `/loan-applications/${appId}/documents/files`, coop)).status).toBe(200);
    });
  });

  describe('inspections, the tranche rule and a recall', () => {
    let loanId: string;
    const inspections = async (token = w.officer): Promise<Inspection[]> => (await call<Inspection[]>(t, 'GET', `/loans/${loanId}/inspections`, token)).body;

    beforeAll(async () => {
      loanId = await contractedLoan(t, w, { amount: '600000000', termMonths: 6, ratePercent: '6', creditReportDate: '2026-03-01', signingDate: '2026-03-05' });
      await closeUntil(t, w, '2026-03-09');
      expect((await money(t, w, 'disbursements', loanId, '300000000', '2026-03-10')).status).toBe(201);
    });

    it('a disbursement falls due for inspection within the product’s days and shows in the queue', async () => {
      const [first] = await inspections();
      expect(first).toMatchObject({ trancheNo: 1, disbursementDate: '2026-03-10', dueDate: '2026-03-30', status: 'DUE', inspectionId: null });
      const queue = await call<{ items: Inspection[]; total: number }>(t, 'GET', '/inspections?status=DUE', w.officer);
      expect(queue.body.items.map((i) => i.disbursementEventId)).toContain(first.disbursementEventId);
      const work = await call<{ inspectionsDue: number; inspectionsOverdue: number }>(t, 'GET', '/work-queues', w.officer);
      expect(work.body.inspectionsDue).toBeGreaterThanOrEqual(1);
    });

    it('refuses the next tranche until the previous one is inspected as used as planned', async () => {
      await closeUntil(t, w, '2026-03-31');
      expect((await inspections())[0].status).toBe('OVERDUE');
      const overdue = await call<{ items: Inspection[] }>(t, 'GET', '/inspections?status=OVERDUE', w.auditor);
      expect(overdue.body.items.length).toBe(1);
      const refused = await money(t, w, 'disbursements', loanId, '100000000', '2026-04-01');
      expect(refused.status).toBe(422);
      expect((refused.body as unknown as Problem).code).toBe('INSPECTION.TRANCHE_NEEDS_INSPECTION');
      expect((refused.body as unknown as Problem).detail).toContain('10/03/2026');
    });

    it('records a visit with its photo; checks dates, amounts and duplicates', async () => {
      const [first] = await inspections();
      const body = {
        disbursementEventId: first.disbursementEventId,
        visitDate: '2026-03-25',
        inspectors: 'Nguyễn Văn An',
        finding: 'USED_AS_PLANNED',
        amountVerified: '300000000',
        notes: 'Đã mua máy sao chè',
      };
      expect((await call<Problem>(t, 'POST', `/loans/${loanId}/inspections`, w.officer, { ...body, visitDate: '2026-03-05' })).body.code).toBe(
        'INSPECTION.VISIT_DATE_INVALID',
      );
      expect((await call<Problem>(t, 'POST', `/loans/${loanId}/inspections`, w.officer, { ...body, amountVerified: '300000001' })).body.code).toBe(
        'INSPECTION.AMOUNT_ABOVE_DISBURSED',
      );
      expect(
        (await call<Problem>(t, 'POST', `/loans/${loanId}/inspections`, w.officer, { ...body, finding: 'MAYBE' })).body.errors.map((e) => e.field),
      ).toContain('finding');
      expect((await call(t, 'POST', `/loans/${loanId}/inspections`, coop, body)).status).toBe(403);
      const recorded = await call<Inspection>(t, 'POST', `/loans/${loanId}/inspections`, w.officer, body);
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ status: 'DONE', finding: 'USED_AS_PLANNED', recallCaseId: null });
      expect((await call<Problem>(t, 'POST', `/loans/${loanId}/inspections`, w.officer, body)).body.code).toBe('INSPECTION.ALREADY_RECORDED');
      const photo = await upload<{ id: string }>(
        t,
        `/inspections/${recorded.body.inspectionId}/documents`,
        w.officer,
        { docType: 'PHOTO' },
        { name: 'may-sao-che.png', content: PNG },
      );
      expect(photo.status).toBe(201);
      // The cooperative reads its own loan's inspection and photo, cannot add to it; another cooperative reaches nothing.
      expect((await call<unknown[]>(t, 'GET', `/inspections/${recorded.body.inspectionId}/documents`, coop)).body).toHaveLength(1);
      expect(
        (await upload(t, `/inspections/${recorded.body.inspectionId}/documents`, coop, { docType: 'PHOTO' }, { name: 'x.png', content: PNG })).status,
      ).toBe(403);
      expect((await call(t, 'GET', `/inspections/${recorded.body.inspectionId}/documents`, otherCoop)).status).toBe(404);
      expect((await download(t, `/attachments/${photo.body.id}/content`, otherCoop)).status).toBe(404);
      expect((await call(t, 'GET', `/loans/${loanId}/inspections`, otherCoop)).status).toBe(404);
      expect((await call(t, 'GET', '/inspections', coop)).status).toBe(403);
      expect((await call(t, 'GET', `/loans/${loanId}/inspections`, coop)).status).toBe(200);
      expect((await money(t, w, 'disbursements', loanId, '100000000', '2026-04-01')).status).toBe(201);
    });

    it('a misuse finding opens a recall case; four eyes; approved, the remaining principal falls due on the date and the close ages it', async () => {
      const both = await userWithRoles(t, w.admin, ['OFFICER', 'APPROVER']);
      const second = (await inspections()).find((i) => i.trancheNo === 2);
      if (!second) throw new Error('second tranche missing');
      const base = {
        disbursementEventId: second.disbursementEventId,
        visitDate: '2026-04-01',
        inspectors: 'Lê Thị Hoa',
        finding: 'NOT_AS_PLANNED',
        amountVerified: '0',
        notes: 'Dùng mua ô tô cá nhân',
      };
      const noDate = await call<Problem>(t, 'POST', `/loans/${loanId}/inspections`, both.token, base);
      expect(noDate.body.errors.map((e) => e.field)).toEqual(['recallDate']);
      const recorded = await call<Inspection>(t, 'POST', `/loans/${loanId}/inspections`, both.token, { ...base, recallDate: '2026-04-10' });
      expect(recorded.status).toBe(201);
      expect(recorded.body.recallCaseId).not.toBeNull();
      const queue = await call<{ items: Array<{ kind: string; id: string; preparedByMe: boolean }> }>(t, 'GET', '/approvals?kind=RECALL', both.token);
      expect(queue.body.items).toEqual([expect.objectContaining({ kind: 'RECALL', id: recorded.body.recallCaseId, preparedByMe: true })]);
      const mine = await call<Problem>(t, 'POST', `/recall-cases/${recorded.body.recallCaseId}/approve`, both.token, {});
      expect(mine.body.code).toBe('RECALL.FOUR_EYES');
      expect((await call(t, 'POST', `/recall-cases/${recorded.body.recallCaseId}/approve`, w.officer, {})).status).toBe(403);
      const approved = await call<Recall>(t, 'POST', `/recall-cases/${recorded.body.recallCaseId}/approve`, w.approver, { note: 'Đồng ý thu hồi' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'APPROVED', recallDate: '2026-04-10', principalRecalled: '400000000' });
      const schedule = await call<Array<{ dueDate: string; principal: string }>>(t, 'GET', `/loans/${loanId}/schedule`, w.officer);
      const last = schedule.body[schedule.body.length - 1];
      expect(last.dueDate).toBe('2026-04-10');
      expect(schedule.body.filter((i) => i.dueDate > '2026-04-10')).toEqual([]);
      expect(await reconciliation(t, w)).toEqual(expect.objectContaining({ mismatches: [], unbalancedTransactions: [] }));
      await closeUntil(t, w, '2026-04-12');
      const loan = await call<{ daysPastDue: number; status: string }>(t, 'GET', `/loans/${loanId}`, w.officer);
      expect(loan.body.status).toBe('ACTIVE');
      expect(loan.body.daysPastDue).toBe(2);
      expect((await call<Problem>(t, 'POST', `/recall-cases/${recorded.body.recallCaseId}/reject`, w.approver, {})).body.code).toBe('RECALL.NOT_PROPOSED');
      expect((await call(t, 'GET', `/recall-cases/${recorded.body.recallCaseId}`, otherCoop)).status).toBe(404);
    });
  });
});
