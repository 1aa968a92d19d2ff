import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoPlan, prepareQuickstartDatabase, seedDemo, type SeedResult } from '../../src/demo/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Status {
  state: string;
  phase: string | null;
  done: number;
  total: number | null;
  progress: Record<string, { done: number; total: number | null }> | null;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The quick start's demo load as a client sees it: the demo users exist when the logins are
 * announced, the demo's data answers 503 DEMO.LOADING (Retry-After, progress, vi/en) while the
 * rest loads, /demo-status shows the progress, and an interrupted load neither refuses forever nor
 * survives the next quick start.
 */
describe('demo load: announced at once, 503 while loading, progress, restart after a crash', () => {
  let t: TestApp;
  let seeding: Promise<SeedResult>;
  let officer: string;
  const status = async (): Promise<Status> => (await t.request<Status>('GET', '/api/v1/demo-status')).body;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('reports no demo on a database that never loaded one', async () => {
    expect(await status()).toMatchObject({ state: 'absent', phase: null, startedAt: null });
  });

  it('has the demo users when it announces them, then refuses the demo’s data with 503 until the load is done', async () => {
    let usersReady!: () => void;
    const users = new Promise<void>((r) => (usersReady = r));
    seeding = seedDemo((cls) => t.app.get(cls), t.db, demoPlan(12), { closeFrom: '2025-12-01', log: () => undefined, onUsersReady: () => usersReady() });
    await users;
    officer = await t.login('demo.officer', 'demo-password-1');

    const refused = await t.request<Record<string, unknown>>('GET', '/api/v1/loans', undefined, { token: officer });
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe('10');
    expect(refused.body).toMatchObject({ code: 'DEMO.LOADING', status: 503, retryAfterSeconds: 10 });
    expect(typeof refused.body.phase).toBe('string');
    expect(refused.body.detail).toContain('Dữ liệu mẫu đang được nạp');
    const english = await t.request<{ detail: string }>('GET', '/api/v1/reports/portfolio?asOf=2025-12-31', undefined, {
      token: officer,
      headers: { 'accept-language': 'en' },
    });
    expect(english.status).toBe(503);
    expect(english.body.detail).toContain('The demo is still loading');

    // Sign-in, users, health, reference data and the status itself answer during the load.
    expect((await t.request('GET', '/api/v1/reference/sectors', undefined, { token: officer })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/auth/me', undefined, { token: officer })).status).not.toBe(503);
    expect((await t.request('GET', '/health')).status).toBe(200);
    const loading = await status();
    expect(loading.state).toBe('loading');
    expect(loading.startedAt).not.toBeNull();

    const result = await seeding;
    expect(result.loans).toBe(12);
    const ready = await status();
    expect(ready).toMatchObject({ state: 'ready', phase: 'done', error: null });
    expect(ready.finishedAt).not.toBeNull();
    expect(ready.progress).toMatchObject({
      borrowers: { total: demoPlan(12).borrowers.length },
      applications: { done: 12, total: 12 },
      disbursements: { done: 12, total: 12 },
      closes: { done: 31, total: 31 },
    });
    expect(ready.progress?.repayments.done).toBe(ready.progress?.repayments.total);
    const served = await t.request<{ items: unknown[] }>('GET', '/api/v1/loans', undefined, { token: officer });
    expect(served.status).toBe(200);
  }, 600_000);

  it('does not refuse forever when the loading process died: no heartbeat for a minute is "failed"', async () => {
    await t.db.query(`UPDATE demo_load SET state = 'LOADING', finished_at = NULL, heartbeat_at = now() - interval '2 minutes'`);
    await sleep(2_100); // past the status cache
    const s = await status();
    expect(s.state).toBe('failed');
    expect(s.error).toMatch(/interrupted/);
    expect((await t.request('GET', '/api/v1/loans', undefined, { token: officer })).status).toBe(200);
  });

  it('a quick start keeps an interrupted load when others wrote since, and loads again from nothing when only the load wrote', async () => {
    const log: string[] = [];
    // Someone used the product after the crash: a real write through the API.
    const borrower = await t.request(
      'POST',
      '/api/v1/borrowers',
      {
        type: 'COOPERATIVE',
        identityCode: '4699999999',
        legalName: 'HTX sau sự cố',
        legalRepresentative: 'Ban quản trị',
        phone: '0208385999',
        memberCount: 9,
        charterCapital: '1000000000',
        provinceCode: '19',
        communeCode: '05503',
        sectorVersion: 'VSIC2018',
        sectorCode: 'A',
      },
      { token: officer },
    );
    expect(borrower.status).toBe(201);
    expect(await prepareQuickstartDatabase(t.config, (m) => log.push(m))).toBe(false);
    expect(log.join('\n')).toMatch(/keeping the database/);
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM loans`)) as Array<{ n: number }>;
    expect(n).toBe(12);

    // Only the load wrote since it began (the write above is now before its start): drop and load again.
    await t.db.query(`UPDATE demo_load SET started_at = now()`);
    expect(await prepareQuickstartDatabase(t.config, (m) => log.push(m))).toBe(true);
    const [after] = (await t.db.query(
      `SELECT (SELECT count(*) FROM loans)::int AS loans, (SELECT count(*) FROM borrowers)::int AS borrowers, (SELECT state || '/' || phase FROM demo_load) AS marker`,
    )) as Array<{ loans: number; borrowers: number; marker: string }>;
    expect(after).toEqual({ loans: 0, borrowers: 0, marker: 'LOADING/starting' });
  }, 120_000);
});
