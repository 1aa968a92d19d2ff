import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, countRows, userWithRoles } from '../support/factories.js';
import { call } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Policy {
  code: string;
  effectiveFrom: string;
  definition: { deductCollateral: boolean; specificProvisionRates: Record<string, string> };
}
interface Problem {
  code: string;
  detail: string;
  errors?: Array<{ field: string; rule: string }>;
}

/**
 * POST /classification-policies on real PostgreSQL (domain.md "Restructuring and risk"; Decree
 * 86/2024/NĐ-CP): an admin puts a template in force from a business date that is not closed, and
 * chooses whether that version deducts the pledged collateral before the specific rate; without
 * a choice the template's own applies (MICROFINANCE no, BANK yes). Each version keeps the
 * template's groups and rates whatever the choice.
 */
describe('classification policies: the collateral deduction chosen per version', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;

  const put = (body: Record<string, unknown>, token = admin) => call<Policy & Problem>(t, 'POST', '/classification-policies', token, body);

  beforeAll(async () => {
    t = await createTestApp({ env: { CLOSE_SCHEDULE_ENABLED: 'false' } });
    admin = await adminToken(t);
    officer = (await userWithRoles(t, admin, ['OFFICER'])).token;
    expect((await call(t, 'PUT', '/business-date', admin, { businessDate: '2025-01-02' })).status).toBe(200);
  });
  afterAll(async () => t.close());

  it('takes the template’s choice when deductCollateral is absent, and the admin’s when it is given', async () => {
    const cases: Array<[string, boolean | undefined, string, boolean]> = [
      ['MICROFINANCE', undefined, '2025-02-01', false],
      ['BANK', undefined, '2025-03-01', true],
      ['MICROFINANCE', true, '2025-04-01', true],
      ['BANK', false, '2025-05-01', false],
    ];
    const templates: Record<string, Policy['definition']> = {};
    for (const [code, deductCollateral, effectiveFrom, expected] of cases) {
      const res = await put({ code, effectiveFrom, ...(deductCollateral === undefined ? {} : { deductCollateral }) });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code, effectiveFrom });
      expect(res.body.definition.deductCollateral).toBe(expected);
      // The choice changes nothing else of the template: same groups and rates.
      templates[code] ??= res.body.definition;
      expect({ ...res.body.definition, deductCollateral: null }).toEqual({ ...templates[code], deductCollateral: null });
    }
    const listed = await call<Policy[]>(t, 'GET', '/classification-policies', officer);
    const byDate = new Map(listed.body.map((p) => [p.effectiveFrom, p]));
    expect(cases.map(([, , date]) => [byDate.get(date)?.code, byDate.get(date)?.definition.deductCollateral])).toEqual(
      cases.map(([code, , , expected]) => [code, expected]),
    );
    const [row] = (await t.db.query(`SELECT definition FROM classification_policies WHERE effective_from = '2025-04-01'`)) as Array<{
      definition: { deductCollateral: boolean };
    }>;
    expect(row.definition.deductCollateral).toBe(true);
  });

  it('replaces the version of a date with the new choice', async () => {
    expect((await put({ code: 'BANK', effectiveFrom: '2025-06-01', deductCollateral: true })).body.definition.deductCollateral).toBe(true);
    expect((await put({ code: 'BANK', effectiveFrom: '2025-06-01', deductCollateral: false })).body.definition.deductCollateral).toBe(false);
    const listed = await call<Policy[]>(t, 'GET', '/classification-policies', admin);
    expect(listed.body.filter((p) => p.effectiveFrom === '2025-06-01').map((p) => p.definition.deductCollateral)).toEqual([false]);
  });

  it.each([['yes'], ['true'], [1], [[true]]])('refuses deductCollateral %p with problem+json naming the field, and stores nothing', async (value) => {
    const policies = await countRows(t, 'classification_policies');
    const audit = await countRows(t, 'audit_events');
    const res = await t.request<Problem>(
      'POST',
      '/api/v1/classification-policies',
      { code: 'BANK', effectiveFrom: '2025-07-01', deductCollateral: value },
      { token: admin, headers: { 'accept-language': 'en' } },
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(res.body.errors?.map((e) => e.field)).toEqual(['deductCollateral']);
    expect(await countRows(t, 'classification_policies')).toBe(policies);
    expect(await countRows(t, 'audit_events')).toBe(audit);
  });

  it('is the admin’s: an officer is refused and nothing is stored', async () => {
    const policies = await countRows(t, 'classification_policies');
    const res = await put({ code: 'BANK', effectiveFrom: '2025-08-01', deductCollateral: true }, officer);
    expect(res.status).toBe(403);
    expect(await countRows(t, 'classification_policies')).toBe(policies);
  });
});
