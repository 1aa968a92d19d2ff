import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Money } from '../../src/platform/money/index.js';
import { BANK_POLICY, loanProvision } from '../../src/modules/risk/index.js';
import { capitalSource } from '../close-of-business/close-support.js';
import { userWithRoles } from '../support/factories.js';
import { call, closeUntil, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { applicationBody, createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { executable, pdf, upload } from '../support/upload-factories.js';

interface Asset {
  id: string;
  valueInForce: string | null;
  allocated: string;
  headroom: string;
  status: string;
  pledges: Array<{ id: string; applicationId: string | null; loanId: string | null; allocatedValue: string; effectiveValue: string; status: string }>;
  valuationState: string;
  registration: { state: string } | null;
  insurance: { state: string } | null;
}
interface Problem {
  code: string;
  detail: string;
  errors?: Array<{ field: string; rule: string }>;
  [k: string]: unknown;
}

const land = { certificateNumber: 'CS 01234', parcelNumber: '125', mapSheet: '12', areaM2: '2000', address: 'Xóm Chè', commune: 'Xã Tân Cương' };
const valuation = (value: string, valuationDate = '2025-01-02') => ({
  valuationDate,
  value,
  method: 'MARKET_COMPARISON',
  valuerKind: 'FUND',
  valuerName: 'Tổ thẩm định Quỹ',
});

/**
 * Collateral end to end on real PostgreSQL (docs/collateral.md): the register, pledges carried to
 * the contract, the cover refused and passed at submission, approval and disbursement, releases
 * under four eyes, enforcement through the repayment path, guarantees in the 25% limit, the
 * cooperative user's access, and a real close whose provisions deduct the pledged collateral.
 *
 * Worked figures (BANK policy deducts collateral; group 2 = 2%): land L valued 1,200M, allocated
 * 700M to loan A and 500M to loan B; loan B also has a vehicle V valued 400M, allocated 400M.
 *   A 600M: deduction 700M × 50% = 350M, base 250M, specific 5,000,000 (12,000,000 before).
 *   B 900M: deduction 500M × 50% + 400M × 30% = 370M, base 530M, specific 10,600,000 (18,000,000 before).
 * The product requires 40% discounted cover: A needs 240M (has 350M); B needs 360M (land alone
 * 250M is short; with V 370M).
 */
describe('collateral: register, cover, pledges carried to loans, releases, enforcement, provisions', () => {
  let t: TestApp;
  let w: LoanWorld;
  let both: { token: string };
  let coopOwn: string;
  let coopOther: string;
  let otherBorrower: string;
  const ids: Record<string, string> = {};

  const asset = async (body: Record<string, unknown>) =>
    call<Asset & Problem>(t, 'POST', '/collateral-assets', w.officer, { borrowerId: w.borrowerId, ...body });
  const pledge = async (assetId: string, target: Record<string, string>, allocatedValue: string) =>
    call<Asset & Problem>(t, 'POST', `/collateral-assets/${assetId}/pledges`, w.officer, { ...target, allocatedValue });
  const app = async (amount: string) =>
    (
      await call<{ id: string }>(
        t,
        'POST',
        '/loan-applications',
        w.officer,
        applicationBody(w.borrowerId, w.productId, w.capitalSourceId, {
          requestedAmount: amount,
          termMonths: 12,
          repaymentFrequency: 'MONTHLY',
          totalInvestment: String(BigInt(amount) * 2n),
          creditReportDate: '2025-01-01',
        }),
      )
    ).body.id;

  beforeAll(async () => {
    t = await createTestApp({ env: { CLOSE_SCHEDULE_ENABLED: 'false' } });
    w = await loanWorld(t, '2025-01-02', {
      principalFrequency: 'MONTHLY',
      interestFrequency: 'MONTHLY',
      principalGracePeriods: 0,
      collateralRequired: true,
      collateralMinCoverPercent: '40',
    });
    // The fund's own capital bears the credit risk, so its loans are provisioned (domain.md "Capital sources").
    w.capitalSourceId = await capitalSource(t, w.admin, true);
    both = await userWithRoles(t, w.admin, ['OFFICER', 'APPROVER']);
    otherBorrower = (await createCooperative(t, w.officer)).id;
    coopOwn = (await userWithRoles(t, w.admin, ['COOPERATIVE'], w.borrowerId)).token;
    coopOther = (await userWithRoles(t, w.admin, ['COOPERATIVE'], otherBorrower)).token;
    expect((await call(t, 'POST', '/classification-policies', w.admin, { code: 'BANK', effectiveFrom: '2025-01-02' })).status).toBe(201);
  });
  afterAll(async () => t.close());

  it('registers assets with identifiers checked per kind and the owner', async () => {
    const bad = await asset({
      type: 'REAL_ESTATE',
      kind: 'LAND_USE_RIGHT',
      description: 'Đất',
      identifiers: { ...land, parcelNumber: '' },
      ownerKind: 'BORROWER',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => `${e.field}:${e.rule}`)).toEqual(['identifiers.parcelNumber:required']);
    const wrongKind = await asset({ type: 'REAL_ESTATE', kind: 'VEHICLE', description: 'Xe', identifiers: {}, ownerKind: 'BORROWER' });
    expect(wrongKind.body.errors?.map((e) => e.field)).toEqual(['kind']);
    const noOwner = await asset({
      type: 'OTHER',
      kind: 'VEHICLE',
      description: 'Xe tải',
      identifiers: { plateNumber: '20C-123.45', frameNumber: 'RLH1', engineNumber: 'E1' },
      ownerKind: 'THIRD_PARTY',
    });
    expect(noOwner.body.errors?.map((e) => e.field)).toEqual(['ownerName', 'ownerIdNumber', 'ownerRelationship']);
    const tooLong = await asset({ type: 'OTHER', kind: 'OTHER_ASSET', description: 'x'.repeat(501), identifiers: { name: 'x' }, ownerKind: 'BORROWER' });
    expect(tooLong.status).toBe(400);

    const l = await asset({
      type: 'REAL_ESTATE',
      kind: 'LAND_USE_RIGHT',
      description: 'QSDĐ 2.000 m² Tân Cương',
      identifiers: land,
      ownerKind: 'THIRD_PARTY',
      ownerName: 'Nguyễn Văn An',
      ownerIdNumber: '019088001234',
      ownerRelationship: 'Thành viên HTX',
      valuation: valuation('1200000000'),
    });
    expect(l.status).toBe(201);
    expect([l.body.valueInForce, l.body.allocated, l.body.headroom, l.body.valuationState]).toEqual(['1200000000', '0', '1200000000', 'OK']);
    ids.land = l.body.id;
    const v = await asset({
      type: 'OTHER',
      kind: 'VEHICLE',
      description: 'Xe tải 5 tấn',
      identifiers: { plateNumber: '20C-123.45', frameNumber: 'RLH1', engineNumber: 'E1' },
      ownerKind: 'BORROWER',
      valuation: valuation('400000000'),
    });
    ids.vehicle = v.body.id;
    const unvalued = await asset({
      type: 'DEPOSIT',
      kind: 'DEPOSIT',
      description: 'Sổ tiết kiệm',
      identifiers: { institution: 'Agribank', accountNumber: '123' },
      ownerKind: 'BORROWER',
    });
    expect(unvalued.body.valueInForce).toBeNull();
    ids.deposit = unvalued.body.id;
  });

  it('refuses submission without cover, naming the rule and the figures; pledges within the value in force', async () => {
    ids.appA = await app('600000000');
    ids.appB = await app('900000000');
    const checks = await call<{ checks: Array<{ code: string; limit: string; actual: string; passed: boolean }> }>(
      t,
      'GET',
      `/loan-applications/${ids.appA}/checks`,
      w.officer,
    );
    expect(checks.body.checks.find((c) => c.code === 'APPLICATION.COLLATERAL_COVER_BELOW_MINIMUM')).toMatchObject({
      limit: '240000000',
      actual: '0',
      passed: false,
    });
    const refused = await call<Problem>(t, 'POST', `/loan-applications/${ids.appA}/submit`, w.officer);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'APPLICATION.COLLATERAL_COVER_BELOW_MINIMUM',
      limit: '240000000',
      actual: '0',
      required: '240.000.000 ₫',
      actualFormatted: '0 ₫',
    });

    expect((await pledge(ids.deposit, { applicationId: ids.appA }, '1')).body.code).toBe('COLLATERAL.NOT_VALUED');
    expect((await pledge(ids.land, { applicationId: ids.appA }, '700000000')).status).toBe(200);
    const over = await pledge(ids.land, { applicationId: ids.appB }, '500000001');
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'COLLATERAL.ALLOCATION_ABOVE_VALUE', limit: '500000000', actual: '500000001' });
    const shared = await pledge(ids.land, { applicationId: ids.appB }, '500000000');
    expect([shared.body.allocated, shared.body.headroom]).toEqual(['1200000000', '0']);
    expect((await pledge(ids.land, { applicationId: ids.appB }, '1')).body.code).toBe('COLLATERAL.ALREADY_PLEDGED');
    expect((await pledge(ids.land, { applicationId: ids.appA, loanId: '1' }, '1')).status).toBe(400);

    const ok = await call<{ checks: Array<{ code: string; limit: string; actual: string; passed: boolean }> }>(
      t,
      'GET',
      `/loan-applications/${ids.appA}/checks`,
      w.officer,
    );
    expect(ok.body.checks.find((c) => c.code === 'APPLICATION.COLLATERAL_COVER_BELOW_MINIMUM')).toMatchObject({
      limit: '240000000',
      actual: '350000000',
      passed: true,
    });
    // B: land 500M × 50% = 250M < 360M until the vehicle is pledged (+120M).
    const short = await call<Problem>(t, 'POST', `/loan-applications/${ids.appB}/submit`, w.officer);
    expect(short.body).toMatchObject({ code: 'APPLICATION.COLLATERAL_COVER_BELOW_MINIMUM', limit: '360000000', actual: '250000000' });
    expect((await pledge(ids.vehicle, { applicationId: ids.appB }, '400000000')).status).toBe(200);
    const cover = await call<{ cover: { requiredValue: string; actualValue: string; ratioPercent: string; passed: boolean }; assets: Asset[] }>(
      t,
      'GET',
      `/loan-applications/${ids.appB}/collateral`,
      w.officer,
    );
    expect(cover.body.cover).toMatchObject({ requiredValue: '360000000', actualValue: '370000000', ratioPercent: '41.11', passed: true });
    expect(cover.body.assets.map((a) => a.id).sort()).toEqual([ids.land, ids.vehicle].sort());
  });

  it('carries the pledges to the loans at the contract; loan_collateral holds one row per pledge', async () => {
    for (const [key, appKey, amount] of [
      ['loanA', 'appA', '600000000'],
      ['loanB', 'appB', '900000000'],
    ] as const) {
      const id = ids[appKey];
      expect((await call(t, 'POST', `/loan-applications/${id}/submit`, w.officer)).status).toBe(200);
      expect((await call(t, 'POST', `/loan-applications/${id}/start-appraisal`, w.appraiser)).status).toBe(200);
      expect(
        (
          await call(t, 'POST', `/loan-applications/${id}/appraisals`, w.appraiser, {
            findings: 'Khả thi',
            recommendedAmount: amount,
            recommendedTermMonths: 12,
            recommendedRatePercent: '7.2',
            riskRating: 'LOW',
          })
        ).status,
      ).toBe(201);
      expect(
        (await call(t, 'POST', `/loan-applications/${id}/approve`, w.approver, { approvedAmount: amount, approvedTermMonths: 12, approvedRatePercent: '7.2' }))
          .status,
      ).toBe(200);
      const c = await call<{ id: string }>(t, 'POST', `/loan-applications/${id}/contract`, w.officer, { signingDate: '2025-01-02' });
      expect(c.status).toBe(201);
      ids[key] = c.body.id;
    }
    const rows = (await t.db.query(`SELECT loan_id::text AS loan_id, type, value::text AS value FROM loan_collateral ORDER BY loan_id, type`)) as Array<
      Record<string, string>
    >;
    expect(rows).toEqual([
      { loan_id: ids.loanA, type: 'REAL_ESTATE', value: '700000000' },
      { loan_id: ids.loanB, type: 'OTHER', value: '400000000' },
      { loan_id: ids.loanB, type: 'REAL_ESTATE', value: '500000000' },
    ]);
    const tab = await call<{ cover: { exposure: string; passed: boolean }; assets: Asset[] }>(t, 'GET', `/loans/${ids.loanB}/collateral`, w.officer);
    expect(tab.body.assets.length).toBe(2);
    expect(
      tab.body.assets
        .find((a) => a.id === ids.land)
        ?.pledges.filter((p) => p.loanId)
        .map((p) => p.loanId)
        .sort(),
    ).toEqual([ids.loanA, ids.loanB].sort());
  });

  it('checks the cover at each disbursement; a revaluation scales the shared allocations', async () => {
    // Land revalued down to 600M: A counts 350M, B 250M (pro rata); A's 175M discounted < 240M.
    const down = await call<Asset>(t, 'POST', `/collateral-assets/${ids.land}/valuations`, w.officer, valuation('600000000', '2025-01-02'));
    expect(
      down.body.pledges
        .filter((p) => p.status === 'ACTIVE')
        .map((p) => p.effectiveValue)
        .sort(),
    ).toEqual(['250000000', '350000000']);
    const refused = await money(t, w, 'disbursements', ids.loanA, '600000000', '2025-01-02');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'COLLATERAL.COVER_BELOW_MINIMUM', limit: '240000000', actual: '175000000', actualPercent: '29.17%' });
    await call(t, 'POST', `/collateral-assets/${ids.land}/valuations`, w.officer, valuation('1200000000', '2025-01-02'));
    expect((await money(t, w, 'disbursements', ids.loanA, '600000000', '2025-01-02')).status).toBe(201);
    expect((await money(t, w, 'disbursements', ids.loanB, '900000000', '2025-01-02')).status).toBe(201);
  });

  it('releases under four eyes only when the cover stays sufficient, and prints the decision', async () => {
    const blocked = await call<Problem>(t, 'POST', `/collateral-assets/${ids.land}/releases`, w.officer, { reason: 'Thử giải chấp khi còn dư nợ' });
    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({ code: 'COLLATERAL.RELEASE_BLOCKED' });
    // An extra deposit pledged to loan A directly may go: A keeps 350M ≥ 240M without it.
    await call(t, 'POST', `/collateral-assets/${ids.deposit}/valuations`, w.officer, { ...valuation('100000000'), method: 'FACE_VALUE' });
    expect((await pledge(ids.deposit, { loanId: ids.loanA }, '100000000')).status).toBe(200);
    expect(((await t.db.query(`SELECT count(*)::int AS n FROM loan_collateral WHERE loan_id = $1`, [ids.loanA])) as Array<{ n: number }>)[0].n).toBe(2);
    const proposed = await call<{ id: string; status: string }>(t, 'POST', `/collateral-assets/${ids.deposit}/releases`, both.token, {
      reason: 'Khách hàng rút sổ tiết kiệm',
    });
    expect(proposed.status).toBe(201);
    expect((await call(t, 'POST', `/collateral-assets/${ids.deposit}/releases`, w.officer, { reason: 'Đề nghị lần hai' })).body).toMatchObject({
      code: 'COLLATERAL.RELEASE_OPEN',
    });
    const queue = await call<Array<{ id: string }>>(t, 'GET', '/collateral-releases', w.approver);
    expect(queue.body.map((r) => r.id)).toContain(proposed.body.id);
    const self = await call<Problem>(t, 'POST', `/collateral-releases/${proposed.body.id}/decision`, both.token, { decision: 'APPROVE' });
    expect([self.status, self.body.code]).toEqual([403, 'COLLATERAL.FOUR_EYES']);
    expect((await call(t, 'POST', `/collateral-releases/${proposed.body.id}/decision`, w.officer, { decision: 'APPROVE' })).status).toBe(403);
    const draft = await t.request('GET', `/api/v1/collateral-releases/${proposed.body.id}/document.pdf`, undefined, { token: w.officer });
    expect(draft.status).toBe(200);
    const approved = await call<{ status: string; documentNumber: string }>(t, 'POST', `/collateral-releases/${proposed.body.id}/decision`, w.approver, {
      decision: 'APPROVE',
      note: 'Đồng ý',
    });
    expect(approved.body.status).toBe('APPROVED');
    expect(approved.body.documentNumber).toMatch(/GC-QHT$/);
    expect(((await t.db.query(`SELECT count(*)::int AS n FROM loan_collateral WHERE loan_id = $1`, [ids.loanA])) as Array<{ n: number }>)[0].n).toBe(1);
    const again = await call<Problem>(t, 'POST', `/collateral-releases/${proposed.body.id}/decision`, w.approver, { decision: 'REJECT' });
    expect(again.body.code).toBe('COLLATERAL.RELEASE_DECIDED');
  });

  it('a real close deducts the pledged collateral exactly as the domain function: shared land, a loan with two assets', async () => {
    // First due date 2025-02-02 unpaid; DPD 10 on 2025-02-12 → group 2 under BANK (both loans: one borrower).
    await closeUntil(t, w, '2025-02-12');
    const loans = (await t.db.query(
      `SELECT id::text AS id, debt_group, outstanding_principal::text AS outstanding, specific_provision::text AS specific FROM loans WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [[ids.loanA, ids.loanB]],
    )) as Array<{
      id: string;
      debt_group: number;
      outstanding: string;
      specific: string;
    }>;
    expect(loans.map((l) => [l.id, l.debt_group, l.outstanding, l.specific])).toEqual([
      [ids.loanA, 2, '600000000', '5000000'],
      [ids.loanB, 2, '900000000', '10600000'],
    ]);
    // The same figures from the domain function fed with the derived rows.
    for (const l of loans) {
      const collateral = (
        (await t.db.query(`SELECT type, value::text AS value FROM loan_collateral WHERE loan_id = $1`, [l.id])) as Array<{ type: string; value: string }>
      ).map((c) => ({ type: c.type, value: new Money(c.value) }));
      const p = loanProvision(BANK_POLICY, { group: 2, outstanding: new Money(l.outstanding), bearsCreditRisk: true, collateral });
      expect(p.specific.toFixed()).toBe(l.specific);
    }
    const report = await call<{
      items: Array<{ loanId: string; specificBefore: string; specificAfter: string; collateralDeduction: string }>;
      totals: { specificBefore: string; specificAfter: string };
    }>(t, 'GET', '/reports/collateral-provisions', w.auditor);
    expect(report.status).toBe(200);
    expect(report.body.items.map((i) => [i.loanId, i.collateralDeduction, i.specificBefore, i.specificAfter])).toEqual([
      [ids.loanA, '350000000', '12000000', '5000000'],
      [ids.loanB, '370000000', '18000000', '10600000'],
    ]);
    expect(report.body.totals).toMatchObject({ specificBefore: '30000000', specificAfter: '15600000' });
  });

  it('enforces an asset: the net proceeds are a repayment of the secured loan, costs recorded, idempotent', async () => {
    const key = randomUUID();
    const body = { loanId: ids.loanB, method: 'SALE', valueDate: '2025-02-13', proceeds: '400000000', costs: '10000000', reference: 'BB-XLTS-01' };
    const done = await call<{ id: string; recovery: string; repaymentId: string }>(
      t,
      'POST',
      `/collateral-assets/${ids.vehicle}/enforcements`,
      w.officer,
      body,
      { 'idempotency-key': key },
    );
    expect(done.status).toBe(201);
    expect(done.body.recovery).toBe('390000000');
    const replay = await call<{ id: string }>(t, 'POST', `/collateral-assets/${ids.vehicle}/enforcements`, w.officer, body, { 'idempotency-key': key });
    expect(replay.body.id).toBe(done.body.id);
    const tx = await call<Array<{ id: string; kind: string; amount: string }>>(t, 'GET', `/loans/${ids.loanB}/transactions`, w.officer);
    expect(JSON.stringify(tx.body)).toContain(done.body.repaymentId);
    expect(((await t.db.query(`SELECT count(*)::int AS n FROM collateral_enforcements`)) as Array<{ n: number }>)[0].n).toBe(1);
    expect(((await t.db.query(`SELECT type FROM loan_collateral WHERE loan_id = $1`, [ids.loanB])) as Array<{ type: string }>).map((r) => r.type)).toEqual([
      'REAL_ESTATE',
    ]);
    const r = await reconciliation(t, w);
    expect([r.mismatches, r.unbalancedTransactions]).toEqual([[], []]);
    // The vehicle is gone: a second enforcement is refused and its repayment rolled back with it.
    const before = (await call<unknown[]>(t, 'GET', `/loans/${ids.loanB}/transactions`, w.officer)).body.length;
    const again = await call<Problem>(
      t,
      'POST',
      `/collateral-assets/${ids.vehicle}/enforcements`,
      w.officer,
      { ...body, proceeds: '2', costs: '1' },
      { 'idempotency-key': randomUUID() },
    );
    expect([again.status, again.body.code]).toEqual([409, 'COLLATERAL.ASSET_NOT_ACTIVE']);
    expect((await call<unknown[]>(t, 'GET', `/loans/${ids.loanB}/transactions`, w.officer)).body.length).toBe(before);
  });

  it('guarantees: shown on the loan and the borrower; a borrower guarantor counts in the 25% limit where the fund says so', async () => {
    const g = await call<{ id: string; loanIds: string[] }>(t, 'POST', '/guarantees', w.officer, {
      borrowerId: w.borrowerId,
      guarantorKind: 'ORGANISATION',
      guarantorName: 'HTX Bảo lãnh',
      guarantorIdNumber: '4601234567',
      guarantorBorrowerId: otherBorrower,
      guaranteedAmount: '300000000',
      documentReference: 'HĐBL-01',
      signedOn: '2025-01-02',
      loanIds: [ids.loanA],
    });
    expect(g.status).toBe(201);
    expect((await call<{ guarantees: Array<{ id: string }> }>(t, 'GET', `/loans/${ids.loanA}/collateral`, w.officer)).body.guarantees.map((x) => x.id)).toEqual(
      [g.body.id],
    );
    expect((await call<Array<{ id: string }>>(t, 'GET', `/borrowers/${otherBorrower}/guarantees`, w.officer)).body.map((x) => x.id)).toEqual([g.body.id]);
    const wrongLoan = await call<Problem>(t, 'POST', '/guarantees', w.officer, {
      borrowerId: otherBorrower,
      guarantorKind: 'PERSON',
      guarantorName: 'A',
      guarantorIdNumber: '019088001234',
      guaranteedAmount: '1',
      documentReference: 'x',
      signedOn: '2025-01-02',
      loanIds: [ids.loanA],
    });
    expect(wrongLoan.body.code).toBe('COLLATERAL.GUARANTOR_LOAN_OTHER_BORROWER');
    const draft = {
      borrowerId: otherBorrower,
      productId: w.productId,
      capitalSourceId: w.capitalSourceId,
      requestedAmount: '100000000',
      termMonths: 12,
      repaymentFrequency: 'MONTHLY',
      sectorVersion: 'VSIC2018',
      sectorCode: 'A',
      totalInvestment: '200000000',
    };
    const group = async () =>
      (await call<{ checks: Array<{ code: string; actual: string }> }>(t, 'POST', '/loan-applications/checks', w.officer, draft)).body.checks.find(
        (c) => c.code === 'APPLICATION.ABOVE_GROUP_LIMIT',
      )?.actual;
    const exposure = ((await t.db.query(`SELECT borrower_exposure($1)::text AS e`, [w.borrowerId])) as Array<{ e: string }>)[0].e;
    expect(await group()).toBe(new Money(exposure).plus('100000000').toFixed());
    expect((await call(t, 'PUT', '/collateral-settings', w.admin, { guarantorsInGroupLimit: false })).status).toBe(200);
    expect(await group()).toBe('100000000');
  });

  it('authorises every route: a cooperative user reads its own assets read-only and nobody else’s', async () => {
    expect((await call(t, 'GET', `/collateral-assets/${ids.land}`, coopOwn)).status).toBe(200);
    expect((await call<{ total: number }>(t, 'GET', '/collateral-assets', coopOwn)).body.total).toBe(3);
    expect((await call(t, 'GET', `/loans/${ids.loanA}/collateral`, coopOwn)).status).toBe(200);
    expect((await call<{ total: number }>(t, 'GET', '/collateral-assets', coopOther)).body.total).toBe(0);
    expect((await call<{ total: number }>(t, 'GET', `/collateral-assets?borrowerId=${w.borrowerId}`, coopOther)).body.total).toBe(0);
    for (const path of [
      `/collateral-assets/${ids.land}`,
      `/loans/${ids.loanA}/collateral`,
      `/loan-applications/${ids.appA}/collateral`,
      `/borrowers/${w.borrowerId}/guarantees`,
    ]) {
      expect([path, (await call(t, 'GET', path, coopOther)).status]).toEqual([path, 404]);
    }
    const release = ((await t.db.query(`SELECT id::text AS id FROM collateral_releases LIMIT 1`)) as Array<{ id: string }>)[0].id;
    expect((await t.request('GET', `/api/v1/collateral-releases/${release}/document.pdf`, undefined, { token: coopOther })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/collateral-releases/${release}/document.pdf`, undefined, { token: coopOwn })).status).toBe(200);
    const writes: Array<[string, string]> = [
      ['POST', '/collateral-assets'],
      ['POST', `/collateral-assets/${ids.land}/valuations`],
      ['POST', `/collateral-assets/${ids.land}/registrations`],
      ['POST', `/collateral-assets/${ids.land}/insurances`],
      ['POST', `/collateral-assets/${ids.land}/pledges`],
      ['POST', `/collateral-assets/${ids.land}/releases`],
      ['POST', `/collateral-assets/${ids.land}/enforcements`],
      ['POST', `/collateral-releases/${release}/decision`],
      ['GET', '/collateral-releases'],
      ['POST', '/guarantees'],
      ['PUT', '/collateral-settings'],
      ['GET', '/collateral-settings'],
    ];
    for (const [method, path] of writes) {
      for (const token of [coopOwn, coopOther])
        expect([method, path, (await call(t, method, path, token, {}, { 'idempotency-key': randomUUID() })).status]).toEqual([method, path, 403]);
    }
    expect((await call(t, 'POST', '/collateral-assets', w.auditor, {})).status).toBe(403);
    expect((await call(t, 'GET', `/collateral-assets/abc`, w.officer)).status).toBe(404);
  });

  it('keeps an asset’s documents, authorised like the asset', async () => {
    const cert = await upload<{ id: string; ownerKind: string; docType: string }>(
      t,
      `/collateral-assets/${ids.land}/documents`,
      w.officer,
      { docType: 'COLLATERAL' },
      { name: 'GCN QSDĐ.pdf', content: pdf(3000, 'Giấy chứng nhận') },
    );
    expect(cert.status).toBe(201);
    expect(cert.body).toMatchObject({ ownerKind: 'COLLATERAL_ASSET', docType: 'COLLATERAL' });
    const renamed = await upload<Problem>(
      t,
      `/collateral-assets/${ids.land}/documents`,
      w.officer,
      { docType: 'COLLATERAL' },
      { name: 'GCN.pdf', content: executable() },
    );
    expect(renamed.status).toBe(415);
    expect((await call<Array<{ id: string }>>(t, 'GET', `/collateral-assets/${ids.land}/documents`, coopOwn)).body.map((d) => d.id)).toEqual([cert.body.id]);
    expect((await call(t, 'GET', `/collateral-assets/${ids.land}/documents`, coopOther)).status).toBe(404);
    expect((await upload(t, `/collateral-assets/${ids.land}/documents`, coopOwn, { docType: 'COLLATERAL' }, { name: 'x.pdf', content: pdf() })).status).toBe(
      403,
    );
    expect((await upload(t, `/collateral-assets/999999/documents`, w.officer, { docType: 'COLLATERAL' }, { name: 'x.pdf', content: pdf() })).status).toBe(404);
  });

  it('records registration and insurance with their expiry states', async () => {
    const reg = await call<Asset>(t, 'POST', `/collateral-assets/${ids.land}/registrations`, w.officer, {
      office: 'VPĐK đất đai Thái Nguyên',
      registrationNumber: 'ĐK-01',
      registrationDate: '2025-01-02',
      expiryDate: '2025-03-01',
    });
    expect(reg.body.registration?.state).toBe('DUE_SOON');
    const ins = await call<Asset>(t, 'POST', `/collateral-assets/${ids.land}/insurances`, w.officer, {
      insurer: 'Bảo Việt',
      policyNumber: 'BV-1',
      startDate: '2024-02-01',
      expiryDate: '2025-02-01',
    });
    expect(ins.body.insurance?.state).toBe('EXPIRED');
    const bad = await call<Problem>(t, 'POST', `/collateral-assets/${ids.land}/insurances`, w.officer, {
      insurer: 'Bảo Việt',
      policyNumber: 'BV-1',
      startDate: '2025-02-01',
      expiryDate: '2025-02-01',
    });
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['expiryDate']);
    const expired = await call<{ items: Array<{ assetId: string; what: string }> }>(t, 'GET', '/reports/collateral-expiries', w.auditor);
    expect(expired.body.items.filter((i) => i.assetId === ids.land).map((i) => i.what)).toEqual(['INSURANCE']);
  });
});
