import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** GL codes are configuration (README "Loans and the ledger"): one code per account purpose. */
describe('GL account codes', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await adminToken(t);
  });
  afterAll(async () => t.close());

  it('refuses a code another account uses with 409 naming the field, and changes nothing', async () => {
    const before = (await t.request<Array<{ account: string; glCode: string }>>('GET', '/api/v1/ledger/accounts', undefined, { token: admin })).body;
    const cash = before.find((a) => a.account === 'CASH')!;
    const principal = before.find((a) => a.account === 'PRINCIPAL_RECEIVABLE')!;
    const taken = await t.request(
      'PATCH',
      '/api/v1/ledger/accounts/CASH',
      { glCode: principal.glCode },
      { token: admin, headers: { 'accept-language': 'en' } },
    );
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'LEDGER.GL_CODE_TAKEN', errors: [expect.objectContaining({ field: 'glCode', rule: 'unique' })] });
    expect(String((taken.body as { detail: string }).detail)).toContain(principal.glCode);
    const after = (await t.request<Array<{ account: string; glCode: string }>>('GET', '/api/v1/ledger/accounts', undefined, { token: admin })).body;
    expect(after.find((a) => a.account === 'CASH')!.glCode).toBe(cash.glCode);
    const changed = await t.request('PATCH', '/api/v1/ledger/accounts/CASH', { glCode: '1122' }, { token: admin });
    expect(changed.body).toEqual({ account: 'CASH', glCode: '1122' });
  });
});
