import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { adminToken, countRows, userWithRoles } from '../support/factories.js';
import { cooperativeBody, createCapitalSource, createCooperative, identityCode, productBody } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Problem {
  code: string;
  errors: Array<{ field: string; rule: string }>;
  [key: string]: unknown;
}

describe('borrowers, sectors, products, capital sources', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let auditor: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await adminToken(t);
    officer = (await userWithRoles(t, admin, ['OFFICER'])).token;
    auditor = (await userWithRoles(t, admin, ['AUDITOR'])).token;
  });
  afterAll(async () => t.close());

  it('serves the VSIC 2018 and 2025 sections', async () => {
    const all = await t.request<Array<{ version: string; code: string; nameEn: string }>>('GET', '/api/v1/reference/sectors', undefined, { token: officer });
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(43);
    const v2025 = await t.request<unknown[]>('GET', '/api/v1/reference/sectors?version=VSIC2025', undefined, { token: officer });
    expect(v2025.body).toHaveLength(22);
    expect(all.body[0]).toEqual({ version: 'VSIC2018', code: 'A', nameVi: 'Nông nghiệp, lâm nghiệp và thủy sản', nameEn: 'Agriculture, forestry and fishing' });
  });

  it('registers a cooperative and audits it; a duplicate identity of the same type is 409', async () => {
    const body = cooperativeBody();
    const created = await t.request<{ id: string }>('POST', '/api/v1/borrowers', body, { token: officer });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'COOPERATIVE', identityCode: body.identityCode, active: true, charterCapital: '2500000000' });
    const again = await t.request<Problem>('POST', '/api/v1/borrowers', { ...body, legalName: 'Khác' }, { token: officer });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('BORROWER.IDENTITY_TAKEN');
    const union = await t.request('POST', '/api/v1/borrowers', { ...body, type: 'COOPERATIVE_UNION' }, { token: officer });
    expect(union.status).toBe(201);
    const audit = await t.request<{ total: number; items: Array<{ action: string }> }>(
      'GET',
      `/api/v1/audit-events?entityType=borrower&entityId=${created.body.id}`,
      undefined,
      {
        token: auditor,
      },
    );
    expect(audit.body.items.map((e) => e.action)).toEqual(['borrower.create']);
  });

  it('refuses an invalid body with field errors and writes nothing', async () => {
    const borrowers = await countRows(t, 'borrowers');
    const events = await countRows(t, 'audit_events');
    const res = await t.request<Problem>(
      'POST',
      '/api/v1/borrowers',
      {
        type: 'COOPERATIVE',
        identityCode: '123',
        legalName: '',
        provinceCode: '1',
        communeCode: 'abc',
        sectorVersion: 'VSIC2000',
        sectorCode: 'a',
        charterCapital: 12.5,
        extra: 1,
      },
      { token: officer },
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(res.body.errors.map((e) => `${e.field}:${e.rule}`)).toEqual(
      expect.arrayContaining([
        'identityCode:isBorrowerIdentity',
        'legalName:minLength',
        'provinceCode:matches',
        'communeCode:matches',
        'sectorVersion:isIn',
        'sectorCode:matches',
        'charterCapital:isVndAmount',
        'extra:unknownField',
      ]),
    );
    expect(await countRows(t, 'borrowers')).toBe(borrowers);
    expect(await countRows(t, 'audit_events')).toBe(events);
  });

  it('refuses a member under 18, outside the province, or without its HTX/THT', async () => {
    const coop = await createCooperative(t, officer);
    const member = (o: Record<string, unknown>) =>
      t.request<Problem>(
        'POST',
        '/api/v1/borrowers',
        { ...cooperativeBody(), type: 'MEMBER', identityCode: identityCode('PERSON'), birthDate: '1990-01-01', cooperativeId: coop.id, ...o },
        {
          token: officer,
        },
      );
    expect((await member({})).status).toBe(201);
    const young = await member({ birthDate: '2015-01-01' });
    expect(young.status).toBe(422);
    expect(young.body).toMatchObject({ code: 'BORROWER.UNDER_AGE', limit: 18 });
    expect((await member({ provinceCode: '01' })).body).toMatchObject({ code: 'BORROWER.OUTSIDE_FUND_PROVINCE', limit: '19', actual: '01' });
    expect((await member({ cooperativeId: undefined })).body.code).toBe('BORROWER.AFFILIATION_REQUIRED');
    const group = await t.request<{ id: string }>(
      'POST',
      '/api/v1/cooperative-groups',
      { name: 'THT chè Phúc Xuân', provinceCode: '19', communeCode: '05443' },
      { token: officer },
    );
    expect(group.status).toBe(201);
    expect((await member({ cooperativeId: undefined, cooperativeGroupId: group.body.id })).status).toBe(201);
  });

  it('updates, filters and deactivates borrowers', async () => {
    const b = await createCooperative(t, officer, { legalName: 'HTX Dịch vụ Tân Cương', communeCode: '05500' });
    const upd = await t.request('PATCH', `/api/v1/borrowers/${b.id}`, { phone: '0987654321', sectorVersion: 'VSIC2025', sectorCode: 'C' }, { token: officer });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ phone: '0987654321', sectorVersion: 'VSIC2025', sectorCode: 'C', legalName: 'HTX Dịch vụ Tân Cương' });
    const found = await t.request<{ items: Array<{ id: string }>; total: number }>(
      'GET',
      '/api/v1/borrowers?q=T%C3%A2n%20C%C6%B0%C6%A1ng&communeCode=05500&type=COOPERATIVE',
      undefined,
      { token: auditor },
    );
    expect(found.body.items.map((i) => i.id)).toEqual([b.id]);
    expect((await t.request('POST', `/api/v1/borrowers/${b.id}/deactivate`, undefined, { token: officer })).body).toMatchObject({ active: false });
    expect((await t.request('PATCH', `/api/v1/borrowers/${b.id}`, { phone: '1' }, { token: auditor })).status).toBe(403);
  });

  it('validates product parameters (Decree 45 Art. 25) and versions edits', async () => {
    const bad = await t.request<Problem>(
      'POST',
      '/api/v1/loan-products',
      productBody({ overdueMultiplier: '1.6', lateInterestRatePercent: '10.5', maxTermMonths: 61, principalGracePeriods: 2 }),
      { token: admin },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['overdueMultiplier', 'lateInterestRatePercent', 'maxTermMonths', 'principalGracePeriods']),
    );
    const created = await t.request<{ id: string }>('POST', '/api/v1/loan-products', productBody({ annualInterestRatePercent: '7.2' }), { token: admin });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      retired: false,
      current: {
        version: 1,
        annualInterestRatePercent: '7.2',
        monthlyInterestRatePercent: '0.6',
        overdueMultiplier: '1.5',
        lateInterestRatePercent: '10',
        roundingUnit: '1',
      },
    });
    expect((await t.request('POST', '/api/v1/loan-products', productBody(), { token: officer })).status).toBe(403);
    const unknownSector = await t.request<Problem>('POST', '/api/v1/loan-products', productBody({ allowedSectors: ['VSIC2018/Z'] }), { token: admin });
    expect(unknownSector.status).toBe(422);
    expect(unknownSector.body.code).toBe('REFERENCE.UNKNOWN_SECTOR');
    const versions = await t.request<unknown[]>('GET', `/api/v1/loan-products/${created.body.id}/versions`, undefined, { token: officer });
    expect(versions.body).toHaveLength(1);
  });

  it('changes capital only through idempotent movements and reports the figures', async () => {
    const source = await createCapitalSource(t, admin, '1000000000');
    const headers = { 'idempotency-key': randomUUID() };
    const body = { kind: 'WITHDRAWAL', movementDate: '2026-02-01', reference: 'QĐ 2', amount: '300000000' };
    const first = await t.request('POST', `/api/v1/capital-sources/${source.id}/movements`, body, { token: admin, headers });
    const replay = await t.request('POST', `/api/v1/capital-sources/${source.id}/movements`, body, { token: admin, headers });
    expect(first.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const figures = await t.request('GET', `/api/v1/capital-sources/${source.id}`, undefined, { token: auditor });
    expect(figures.body).toMatchObject({ capital: '700000000', disbursed: '0', repaidPrincipal: '0', outstanding: '0', available: '700000000' });
    const over = await t.request<Problem>(
      'POST',
      `/api/v1/capital-sources/${source.id}/movements`,
      { ...body, amount: '700000001' },
      {
        token: admin,
        headers: { 'idempotency-key': randomUUID() },
      },
    );
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'CAPITAL_SOURCE.WITHDRAWAL_ABOVE_AVAILABLE', limit: '700000000', actual: '700000001' });
    const moves = await t.request<{ total: number }>('GET', `/api/v1/capital-sources/${source.id}/movements`, undefined, { token: officer });
    expect(moves.body.total).toBe(2);
  });

  it('keeps the charter capital as a dated setting', async () => {
    for (const [effectiveDate, amount] of [
      ['2024-01-01', '8000000000'],
      ['2026-07-01', '12000000000'],
    ]) {
      expect((await t.request('POST', '/api/v1/fund/charter-capital', { effectiveDate, amount }, { token: admin })).status).toBe(201);
    }
    const dup = await t.request<Problem>('POST', '/api/v1/fund/charter-capital', { effectiveDate: '2024-01-01', amount: '1' }, { token: admin });
    expect(dup.status).toBe(409);
    const mid = await t.request('GET', '/api/v1/fund/charter-capital/in-force?on=2026-06-30', undefined, { token: officer });
    expect(mid.body).toMatchObject({ effectiveDate: '2024-01-01', amount: '8000000000' });
    const later = await t.request('GET', '/api/v1/fund/charter-capital/in-force?on=2026-07-01', undefined, { token: officer });
    expect(later.body).toMatchObject({ amount: '12000000000' });
    expect((await t.request('GET', '/api/v1/fund/charter-capital/in-force?on=2023-12-31', undefined, { token: officer })).status).toBe(404);
  });

  it('documents every new route in OpenAPI with examples', async () => {
    const docs = await t.request<{
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, { example?: unknown }> }> };
    }>('GET', '/docs/openapi.json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/borrowers',
        '/api/v1/reference/sectors',
        '/api/v1/capital-sources/{id}/movements',
        '/api/v1/loan-products/{id}/retire',
        '/api/v1/loan-applications/{id}/approve',
      ]),
    );
    for (const name of ['CreateBorrowerDto', 'CreateLoanApplicationDto', 'ApproveApplicationDto', 'CreateLoanProductDto', 'LoanApplicationDto']) {
      const props = docs.body.components.schemas[name]?.properties ?? {};
      const missing = Object.entries(props).filter(
        ([, p]) => p.example === undefined && !('$ref' in p) && !('allOf' in p) && !('items' in p && (p as { items: { $ref?: string } }).items.$ref),
      );
      expect([name, missing.map(([k]) => k)]).toEqual([name, []]);
    }
  });
});
