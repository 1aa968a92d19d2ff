import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { FORMER_FUND_PRODUCT, type FormerFundBook, formerFundBook, OLD_ADDRESSES } from '../../bench/former-fund-book.js';
import { Money } from '../../src/platform/money/index.js';
import { uploadBook, waitCommitted as waitFor } from '../support/book-import-client.js';
import { adminToken, userWithRoles } from '../support/factories.js';
import { call, closeUntil, type LoanWorld, loanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface ImportDto {
  id: string;
  status: string;
  duplicate: boolean;
  errorCount: number;
  errors: Array<{ sheet: string; row: number; column: string; rule: string; message: string }>;
  summary: {
    counts: Record<string, number>;
    disbursedTotal: string;
    outstandingTotal: string;
    byCapitalSource: Array<{ name: string; outstanding: string }>;
    bySector: Array<{ code: string; outstanding: string }>;
  };
  reconciliation: Array<{ loanRef: string; matches: boolean; replayPrincipal: string; reportedPrincipal: string; principalDifference: string }>;
  legacyLoans: Array<{ loanRef: string; rules: string[] }>;
  communeProposals: Array<{ row: number; candidates: Array<{ code: string }>; chosenCode: string | null; needsChoice: boolean }>;
  notes: string[];
}
interface Report {
  rows: Array<{ keys: Record<string, Record<string, string | null>>; outstanding: string; loanCount: number }>;
  totals: { outstanding: string; loanCount: number };
}

const BUSINESS_DATE = '2025-12-05';
const SOURCE = 'Vốn Quỹ HTX Bắc Kạn chuyển về';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The import of a former fund's loan book, on real PostgreSQL and Redis (README "Bringing in an existing loan book"). */
describe('loan book import', () => {
  let t: TestApp;
  let w: LoanWorld;
  let communes: string[];
  let bad: FormerFundBook;
  let clean: FormerFundBook;
  let uploaderApprover: string;

  const upload = (token: string, buffer: Buffer, origin = SOURCE): Promise<{ status: number; body: ImportDto }> =>
    uploadBook<ImportDto>(t, token, buffer, origin);
  const waitCommitted = (id: string): Promise<{ status: string; failure: string | null; percent: number }> => waitFor(t, w.auditor, id);

  beforeAll(async () => {
    t = await createTestApp();
    w = await loanWorld(t, BUSINESS_DATE, { ...FORMER_FUND_PRODUCT }, '500000000000');
    const admin = await adminToken(t);
    const source = await call<{ id: string }>(t, 'POST', '/capital-sources', admin, { name: SOURCE, kind: 'ENTRUSTED_BUDGET', bearsCreditRisk: false });
    await call(
      t,
      'POST',
      `/capital-sources/${source.body.id}/movements`,
      admin,
      { kind: 'ALLOCATION', movementDate: '2019-01-02', reference: 'QĐ sáp nhập', amount: '500000000000' },
      { 'idempotency-key': randomUUID() },
    );
    communes = (await call<Array<{ code: string }>>(t, 'GET', '/reference/communes?provinceCode=19', w.officer)).body.map((c) => c.code);
    bad = await formerFundBook({ businessDate: BUSINESS_DATE, capitalSources: [SOURCE], communes });
    clean = await formerFundBook({
      businessDate: BUSINESS_DATE,
      capitalSources: [SOURCE],
      communes,
      loans: 24,
      bad: false,
      openingShare: 0,
      reconciliationDifferences: 0,
      seed: 7,
    });
    uploaderApprover = (await userWithRoles(t, admin, ['OFFICER', 'APPROVER'])).token;
  }, 120_000);
  afterAll(async () => t?.close());

  it('serves the template in both languages', async () => {
    for (const lang of ['vi', 'en']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/book-imports/templates?lang=${lang}`, headers: { authorization: `Bearer ${w.officer}` } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
      // Its header row is recognised on upload in either language: the example rows are judged, no header or sheet is missing.
      const dry = await upload(w.officer, res.rawPayload);
      expect(dry.status).toBe(201);
      expect(dry.body.errors.filter((e) => e.rule === 'book-import.missing-header' || e.rule === 'book-import.missing-sheet')).toEqual([]);
      expect(dry.body.summary.counts.loans + dry.body.errors.filter((e) => e.sheet === 'Loans').length).toBeGreaterThan(0);
    }
  });

  it('reports every bad row by sheet, row, column and rule, and writes nothing', async () => {
    const loansBefore = ((await t.db.query(`SELECT count(*)::int AS n FROM loans`)) as Array<{ n: number }>)[0].n;
    const res = await upload(w.officer, bad.buffer);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('INVALID');
    const found = res.body.errors.map((e) => `${e.sheet}|${e.row}|${e.column}|${e.rule}`);
    for (const e of bad.expectedErrors) expect(found).toContain(`${e.sheet}|${e.row}|${e.column}|${e.rule}`);
    expect(bad.expectedErrors.length).toBeGreaterThanOrEqual(12);
    // Pre-2025 addresses: the 2025 commune proposed from the official correspondence, chosen when only one matches.
    for (const [i, r] of bad.oldAddressRows.entries()) {
      expect(res.body.errors.filter((e) => e.sheet === 'Borrowers' && e.row === r.row)).toEqual([]);
      const proposal = res.body.communeProposals.find((p) => p.row === r.row);
      expect(proposal?.candidates.map((c) => c.code).sort()).toEqual([...OLD_ADDRESSES[i].candidates].sort());
      expect(proposal?.needsChoice).toBe(r.ambiguous);
      if (!r.ambiguous) expect(proposal?.chosenCode).toBe(OLD_ADDRESSES[i].candidates[0]);
    }
    expect(res.body.errors.every((e) => e.message.length > 0)).toBe(true);
    expect(((await t.db.query(`SELECT count(*)::int AS n FROM loans`)) as Array<{ n: number }>)[0].n).toBe(loansBefore);
  });

  it('replays every loan with history and lists the differences with the old book', async () => {
    const r = (await call<ImportDto>(t, 'GET', `/book-imports?pageSize=1`, w.auditor)).body as unknown as { items: ImportDto[] };
    const dto = (await call<ImportDto>(t, 'GET', `/book-imports/${r.items[0].id}`, w.auditor)).body;
    const byRef = new Map(dto.reconciliation.map((x) => [x.loanRef, x]));
    const checked = bad.history.filter((h) => byRef.has(h.ref));
    expect(checked.length).toBeGreaterThan(50);
    for (const h of checked) expect(byRef.get(h.ref)?.replayPrincipal).toBe(h.outstanding);
    // A loan whose borrower row is in error is left out of the replay (its borrower must be fixed first).
    const differing = bad.differingRefs.filter((ref) => byRef.has(ref));
    expect(differing.length).toBeGreaterThan(0);
    for (const ref of differing) expect(byRef.get(ref)).toMatchObject({ matches: false, principalDifference: '-1000000' });
    expect(
      dto.reconciliation
        .filter((x) => !x.matches)
        .map((x) => x.loanRef)
        .sort(),
    ).toEqual(differing.sort());
    expect(dto.legacyLoans.map((l) => l.loanRef).sort()).toEqual(expect.arrayContaining(bad.legacyRefs.filter((ref) => byRef.has(ref)).sort()));
    expect(dto.summary.counts.openingPositions).toBeGreaterThan(10);
    expect(dto.summary.counts.legacyLoans).toBeGreaterThan(5);
  });

  it('answers the earlier import when the same workbook is uploaded again', async () => {
    const first = (await call<{ items: ImportDto[] }>(t, 'GET', `/book-imports?pageSize=1`, w.auditor)).body.items[0];
    const again = await upload(w.officer, bad.buffer);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.id, duplicate: true });
  });

  it('keeps four eyes: the uploader cannot approve, and a READY import goes through submit and approval', async () => {
    const up = await upload(uploaderApprover, clean.buffer);
    expect(up.status).toBe(201);
    expect(up.body.errors).toEqual([]);
    // The ambiguous former commune waits for the officer's choice, which must be one of its candidates.
    expect(up.body.status).toBe('NEEDS_CHOICES');
    const ambiguous = clean.oldAddressRows.find((r) => r.ambiguous);
    const wrong = await call<{ code: string }>(t, 'POST', `/book-imports/${up.body.id}/commune-choices`, uploaderApprover, {
      choices: [{ row: ambiguous?.row, communeCode: '05443' }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('BOOK_IMPORT.CHOICE_NOT_A_CANDIDATE');
    expect((await call(t, 'POST', `/book-imports/${up.body.id}/submit`, uploaderApprover)).status).toBe(409);
    const chosen = await call<ImportDto>(t, 'POST', `/book-imports/${up.body.id}/commune-choices`, uploaderApprover, {
      choices: [{ row: ambiguous?.row, communeCode: '05941' }],
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.status).toBe('READY');
    expect((await call(t, 'POST', `/book-imports/${up.body.id}/approve`, w.approver, undefined, { 'idempotency-key': randomUUID() })).status).toBe(409);
    expect((await call(t, 'POST', `/book-imports/${up.body.id}/submit`, uploaderApprover)).status).toBe(200);
    const self = await call<{ code: string }>(t, 'POST', `/book-imports/${up.body.id}/approve`, uploaderApprover, undefined, {
      'idempotency-key': randomUUID(),
    });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('BOOK_IMPORT.SAME_USER_APPROVAL');
    expect((await call(t, 'POST', `/book-imports/${up.body.id}/approve`, w.officer, undefined, { 'idempotency-key': randomUUID() })).status).toBe(403);
    // Sent back with a reason, then submitted again: the file is judged again and goes on if still READY.
    expect((await call(t, 'POST', `/book-imports/${up.body.id}/reject`, w.approver, { reason: 'x'.repeat(1001) })).status).toBe(400);
    const rejected = await call<ImportDto & { rejectionReason: string }>(t, 'POST', `/book-imports/${up.body.id}/reject`, w.approver, {
      reason: 'Đối chiếu lại dư nợ với sổ cũ',
    });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectionReason: 'Đối chiếu lại dư nợ với sổ cũ' });
    const resubmitted = await call<ImportDto & { rejectionReason: string | null }>(t, 'POST', `/book-imports/${up.body.id}/submit`, uploaderApprover);
    expect(resubmitted.body).toMatchObject({ status: 'SUBMITTED', rejectionReason: null });
    const approved = await call<ImportDto>(t, 'POST', `/book-imports/${up.body.id}/approve`, w.approver, undefined, { 'idempotency-key': randomUUID() });
    expect(approved.status).toBe(202);
    const done = await waitCommitted(up.body.id);
    expect(done).toMatchObject({ status: 'COMMITTED', failure: null, percent: 100 });
  }, 600_000);

  it('created every borrower and loan once, with the replay’s balances, legacy and origin tags', async () => {
    const id = (await call<{ items: ImportDto[] }>(t, 'GET', `/book-imports?status=COMMITTED`, w.auditor)).body.items[0].id;
    const result = (
      await call<{ loans: Array<{ ref: string; id: string }>; borrowers: unknown[]; auditEventId: string | null }>(
        t,
        'GET',
        `/book-imports/${id}/result`,
        w.auditor,
      )
    ).body;
    expect(result.loans).toHaveLength(clean.history.length);
    expect(result.auditEventId).not.toBeNull();
    // The result names the commit's own audit event: one event for the workbook, carrying its sha256.
    const [event] = (await t.db.query(`SELECT action, entity_id, after->>'sha256' AS sha256 FROM audit_events WHERE id = $1`, [result.auditEventId])) as Array<{
      action: string;
      entity_id: string;
      sha256: string;
    }>;
    expect(event).toMatchObject({ action: 'book-import.commit', entity_id: id, sha256: createHash('sha256').update(clean.buffer).digest('hex') });
    const ids = new Map(result.loans.map((l) => [l.ref, l.id]));
    for (const h of clean.history) {
      const loan = (await call<{ outstandingPrincipal: string }>(t, 'GET', `/loans/${ids.get(h.ref)}`, w.auditor)).body;
      expect(loan.outstandingPrincipal).toBe(h.outstanding);
    }
    const legacyRef = clean.legacyRefs[0];
    const legacy = (await call<{ legacyTerms: boolean; legacyRules: string[]; origin: string | null }>(t, 'GET', `/loans/${ids.get(legacyRef)}`, w.auditor))
      .body;
    expect(legacy).toMatchObject({ legacyTerms: true, origin: 'Quỹ HTX Bắc Kạn' });
    expect(legacy.legacyRules).toEqual(expect.arrayContaining(['product.term-max', 'product.rate-max']));
    // The loan list report marks them too: the origin on every imported loan, the legacy terms on the legacy ones.
    // As of the last closed day (the default): the business date itself is not closed yet.
    const report = await call<{ items: Array<{ loanId: string; origin: string | null; legacyTerms: boolean; legacyRules: string[] }> }>(
      t,
      'GET',
      `/reports/loans?pageSize=200`,
      w.auditor,
    );
    expect(report.status).toBe(200);
    const list = report.body.items;
    const listed = new Map(list.map((i) => [i.loanId, i]));
    for (const h of clean.history) expect(listed.get(ids.get(h.ref) ?? '')?.origin).toBe('Quỹ HTX Bắc Kạn');
    expect(listed.get(ids.get(legacyRef) ?? '')).toMatchObject({ legacyTerms: true, legacyRules: legacy.legacyRules });
    expect(list.filter((i) => i.legacyTerms).length).toBe(clean.legacyRefs.length);
    const communes = (await t.db.query(`SELECT commune_code FROM borrowers WHERE identity_code = ANY($1) ORDER BY identity_code`, [
      clean.oldAddressRows.map((r) => r.identityCode),
    ])) as Array<{ commune_code: string }>;
    expect(communes.map((c) => c.commune_code).sort()).toEqual(['01933', '02104', '05941']);
    const tags = (await t.db.query(
      `SELECT count(*) FILTER (WHERE legacy_terms)::int AS legacy, count(*) FILTER (WHERE origin = $1)::int AS tagged FROM loans`,
      ['Quỹ HTX Bắc Kạn'],
    )) as Array<{ legacy: number; tagged: number }>;
    expect(tags[0]).toEqual({ legacy: clean.legacyRefs.length, tagged: clean.history.length });
    const again = await upload(w.officer, clean.buffer);
    expect(again.body).toMatchObject({ id, duplicate: true, status: 'COMMITTED' });
    expect(((await t.db.query(`SELECT count(*)::int AS n FROM loans`)) as Array<{ n: number }>)[0].n).toBe(clean.history.length);
  });

  it('leaves the ledger reconciled and the audit chain intact, and the portfolio report matches the workbook', async () => {
    await closeUntil(t, w, BUSINESS_DATE);
    const rec = await call<{ mismatches: unknown[]; unbalancedTransactions: unknown[] }>(t, 'GET', '/ledger/reconciliation', w.auditor);
    expect(rec.body).toMatchObject({ mismatches: [], unbalancedTransactions: [] });
    const verify = await call<{ ok: boolean }>(t, 'GET', '/audit-events/verify', w.auditor);
    expect(verify.body.ok).toBe(true);
    const bySector = (await call<Report>(t, 'GET', `/reports/portfolio?asOf=${BUSINESS_DATE}&groupBy=sector`, w.auditor)).body;
    const expected = new Map<string, Money>();
    for (const h of clean.history) expected.set(h.sectorCode, (expected.get(h.sectorCode) ?? new Money(0)).plus(h.outstanding));
    for (const [code, outstanding] of expected) expect(bySector.rows.find((r) => r.keys.sector.code === code)?.outstanding).toBe(outstanding.toFixed());
    const bySource = (await call<Report>(t, 'GET', `/reports/portfolio?asOf=${BUSINESS_DATE}&groupBy=capitalSource`, w.auditor)).body;
    const total = clean.history.reduce((a, h) => a.plus(h.outstanding), new Money(0));
    expect(bySource.rows.find((r) => r.keys.capitalSource.name === SOURCE)?.outstanding).toBe(total.toFixed());
  });
});
