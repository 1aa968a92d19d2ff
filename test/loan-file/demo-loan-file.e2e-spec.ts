import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoPlan, seedDemo } from '../../src/demo/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The demo portfolio carries a loan file: documents on borrowers, applications and loans, and inspections in every state. */
describe('demo portfolio: documents and inspections', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo((cls) => t.app.get(cls), t.db, demoPlan(12), { closeFrom: '2025-12-01', log: () => undefined });
  });
  afterAll(async () => t?.close());

  it('has documents of every owner kind and inspections done, due or overdue, with photos', async () => {
    const kinds: Array<{ owner_kind: string; n: number }> = await t.db.query(`SELECT owner_kind, count(*)::int AS n FROM attachments GROUP BY 1 ORDER BY 1`);
    expect(kinds.map((k) => k.owner_kind)).toEqual(['APPLICATION', 'BORROWER', 'INSPECTION', 'LOAN']);
    const officer = await t.login('demo.officer', 'demo-password-1');
    const summary = await t.request<{ due: number; overdue: number; done: number }>('GET', '/api/v1/inspections/summary', undefined, { token: officer });
    expect(summary.body.done).toBeGreaterThan(0);
    expect(summary.body.due + summary.body.overdue).toBeGreaterThan(0);
    const [{ pieces }] = (await t.db.query(`SELECT count(*)::int AS pieces FROM attachment_chunks`)) as Array<{ pieces: number }>;
    expect(pieces).toBeGreaterThan(0);
  });
});
