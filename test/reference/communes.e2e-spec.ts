import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, userWithRoles } from '../support/factories.js';
import { cooperativeBody, createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Candidate {
  code: string;
  nameVi: string;
  nameEn: string;
  formerName: string;
  partial: boolean;
}
interface Lookup {
  provinceCode: string;
  candidates: Candidate[];
  ambiguous: boolean;
}
interface Problem {
  code: string;
  detail: string;
  errors?: Array<{ field: string; rule: string }>;
  [key: string]: unknown;
}

describe('communes: 2025 names, former units, the fund’s province', () => {
  let t: TestApp;
  let officer: string;
  let cooperative: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await adminToken(t);
    officer = (await userWithRoles(t, admin, ['OFFICER'])).token;
    const coop = await createCooperative(t, officer);
    cooperative = (await userWithRoles(t, admin, ['COOPERATIVE'], coop.id)).token;
  });
  afterAll(async () => t.close());

  const lookup = (query: string, token = officer) => t.request<Lookup>('GET', `/api/v1/reference/communes/lookup-former?${query}`, undefined, { token });

  it('proposes the one 2025 commune a Bắc Kạn township went into, in Thái Nguyên', async () => {
    const res = await lookup(
      `name=${encodeURIComponent('Thị trấn Chợ Rã')}&district=${encodeURIComponent('Huyện Ba Bể')}&province=${encodeURIComponent('Bắc Kạn')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      provinceCode: '19',
      ambiguous: false,
      candidates: [
        { code: '01912', nameVi: 'Xã Chợ Rã', nameEn: 'Cho Ra Commune', provinceCode: '19', formerName: 'Thị trấn Chợ Rã', note: null, partial: false },
      ],
    });
  });

  it('lists both wards a split ward went into, for the officer to choose; any reader role may ask', async () => {
    const res = await lookup(`name=${encodeURIComponent('phường cam giá')}&district=${encodeURIComponent('TP Thái Nguyên')}`, cooperative);
    expect(res.status).toBe(200);
    expect(res.body.ambiguous).toBe(true);
    expect(res.body.candidates.map((c) => [c.code, c.nameVi])).toEqual([
      ['05467', 'Phường Gia Sàng'],
      ['05500', 'Phường Tích Lương'],
    ]);
  });

  it('answers no candidate for an unknown name, and names the field and rule for bad input', async () => {
    expect((await lookup('name=Atlantis')).body).toEqual({ provinceCode: '19', candidates: [], ambiguous: false });
    const missing = await t.request<Problem>('GET', '/api/v1/reference/communes/lookup-former', undefined, { token: officer });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((e) => e.field)).toContain('name');
    const long = await lookup(`name=${'a'.repeat(101)}`);
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
    const province = await t.request<Problem>('GET', `/api/v1/reference/communes/lookup-former?name=X&province=Atlantis`, undefined, { token: officer });
    expect(province.status).toBe(422);
    expect(province.body).toMatchObject({ code: 'REFERENCE.UNKNOWN_PROVINCE', province: 'Atlantis' });
    expect((await t.request('GET', '/api/v1/reference/communes/lookup-former?name=X')).status).toBe(401);
  });

  it('refuses a borrower in a commune outside the fund’s province, naming the commune', async () => {
    const res = await t.request<Problem>('POST', '/api/v1/borrowers', cooperativeBody({ communeCode: '00004' }), { token: officer });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'BORROWER.COMMUNE_OUTSIDE_FUND_PROVINCE',
      communeCode: '00004',
      communeName: 'Phường Ba Đình',
      provinceName: 'Thành phố Hà Nội',
    });
    expect(res.body.detail).toContain('Phường Ba Đình');
    const unknown = await t.request<Problem>('POST', '/api/v1/borrowers', cooperativeBody({ communeCode: '99999' }), { token: officer });
    expect(unknown.body).toMatchObject({ code: 'BORROWER.UNKNOWN_COMMUNE', communeCode: '99999' });
    const b = await createCooperative(t, officer);
    const moved = await t.request<Problem>('PATCH', `/api/v1/borrowers/${b.id}`, { communeCode: '00008' }, { token: officer });
    expect(moved.body).toMatchObject({ code: 'BORROWER.COMMUNE_OUTSIDE_FUND_PROVINCE', communeName: 'Phường Ngọc Hà' });
    const group = await t.request<Problem>(
      'POST',
      '/api/v1/cooperative-groups',
      { name: 'THT Hà Nội', provinceCode: '19', communeCode: '00004' },
      { token: officer },
    );
    expect(group.body.code).toBe('BORROWER.COMMUNE_OUTSIDE_FUND_PROVINCE');
    const province = await t.request<Problem>('POST', '/api/v1/borrowers', cooperativeBody({ provinceCode: '01', communeCode: '00004' }), { token: officer });
    expect(province.body).toMatchObject({ code: 'BORROWER.OUTSIDE_FUND_PROVINCE', fundProvinceName: 'Tỉnh Thái Nguyên', provinceName: 'Thành phố Hà Nội' });
  });
});
