import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { userWithRoles } from '../support/factories.js';
import { call, contractedLoan, loanWorld, money, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(240_000);

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  schema?: { type?: string; enum?: unknown[]; items?: { enum?: unknown[] } };
}
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
}
interface Failure {
  role: string;
  url: string;
  status: number;
  code: unknown;
}

/**
 * Values nobody should be able to turn into a 5xx: impossible and extreme dates, empty, negative,
 * huge and non-numbers, long strings, wrong enum values, a NUL byte and SQL-looking text.
 */
const EDGE_VALUES = [
  '2025-02-30',
  '2025-13-01',
  '2024-02-29',
  '1900-01-01',
  '0001-01-01',
  '0000-01-01',
  '9999-12-31',
  '2025-02-30T00:00:00+07:00',
  '',
  '-1',
  '0',
  '99999999999999999999',
  '1e309',
  'NaN',
  'NOT_AN_ENUM_VALUE',
  "1' OR '1'='1",
  '\u0000',
  'x'.repeat(10_000),
];

/** A harmless value for the path parameters not being fuzzed in a request. */
const BASELINE = (name: string): string => (/date/i.test(name) ? '2025-01-10' : name === 'account' ? 'CASH' : '1');

/**
 * Every GET of the OpenAPI document, every query and path parameter, every edge value, one
 * parameter at a time (the others absent or at a baseline): no answer may be a 5xx. Run on an
 * empty database and on one with loans but no close of business yet (a new fund's first day).
 */
describe('edge values in every query and path parameter of every GET answer no 5xx', () => {
  let t: TestApp;
  let admin: string;
  let operations: Array<{ path: string; parameters: Parameter[] }>;
  let sent = 0;

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_RATE_LIMIT_PER_MINUTE: '10000', REPORT_EXPORT_ASYNC_ROWS: '100000' } });
    admin = await t.login('admin', 'admin-password-1');
    const doc = await t.request<OpenApi>('GET', '/docs/openapi.json');
    expect(doc.status).toBe(200);
    operations = Object.entries(doc.body.paths)
      .filter(([, ops]) => ops.get)
      .map(([path, ops]) => ({ path, parameters: (ops.get.parameters ?? []).filter((p) => p.in === 'query' || p.in === 'path') }));
  });
  afterAll(async () => {
    process.stdout.write(`query fuzz: ${sent} requests to ${operations?.length ?? 0} GET operations\n`);
    await t.close();
  });

  const fuzz = async (tokens: Record<string, string>, values: readonly string[]): Promise<Failure[]> => {
    const failures: Failure[] = [];
    const fill = (path: string, except?: string, value?: string): string =>
      path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(name === except ? (value as string) : BASELINE(name)));
    for (const [role, token] of Object.entries(tokens)) {
      for (const op of operations) {
        const urls: string[] = [fill(op.path)];
        for (const p of op.parameters) {
          for (const v of values) {
            urls.push(p.in === 'path' ? fill(op.path, p.name, v) : `${fill(op.path)}?${encodeURIComponent(p.name)}=${encodeURIComponent(v)}`);
          }
        }
        // Two dates at once: a period from before the fund to far ahead, and reversed.
        if (op.parameters.some((p) => p.name === 'from') && op.parameters.some((p) => p.name === 'to')) {
          urls.push(`${fill(op.path)}?from=1900-01-01&to=9999-12-31`, `${fill(op.path)}?from=2025-01-31&to=2025-01-01`);
        }
        for (const url of urls) {
          const res = await t.request('GET', url, undefined, { token });
          sent += 1;
          if (res.status >= 500) failures.push({ role, url: url.slice(0, 160), status: res.status, code: (res.body as { code?: unknown })?.code });
        }
      }
    }
    return failures;
  };

  it('on an empty database', async () => {
    expect(await fuzz({ ADMIN: admin }, EDGE_VALUES)).toEqual([]);
  });

  describe('with loans but no close of business', () => {
    let w: LoanWorld;
    beforeAll(async () => {
      w = await loanWorld(t, '2025-01-10');
      for (const amount of ['300000000', '120000000']) {
        const id = await contractedLoan(t, w, { amount, termMonths: 12, ratePercent: '7.2', creditReportDate: '2025-01-05', signingDate: '2025-01-10' });
        expect((await money(t, w, 'disbursements', id, amount, '2025-01-10')).status).toBe(201);
      }
    });

    it('as ADMIN, and as a cooperative user (own data only) with the date values', async () => {
      const coop = (await userWithRoles(t, w.admin, ['COOPERATIVE'], w.borrowerId)).token;
      const dates = EDGE_VALUES.filter((v) => /^\d{4}-/.test(v) || v === '');
      expect(await fuzz({ ADMIN: admin, AUDITOR: w.auditor }, EDGE_VALUES)).toEqual([]);
      expect(await fuzz({ COOPERATIVE: coop }, dates)).toEqual([]);
    });

    it('answers the portfolio report from the first loan on, before any close, for every groupBy', async () => {
      const dims = ['sector', 'capitalSource', 'product', 'commune', 'debtGroup', 'borrowerType', 'termClass'];
      for (const groupBy of [...dims.map((d) => `groupBy=${d}`), 'groupBy=sector&groupBy=debtGroup']) {
        for (const asOf of ['', '&asOf=2025-01-09', '&asOf=2020-01-01', '&asOf=1900-01-01']) {
          const res = await call<{ source: string; totals: { outstanding: string; loanCount: number } }>(
            t,
            'GET',
            `/reports/portfolio?${groupBy}${asOf}`,
            w.auditor,
          );
          expect({ groupBy, asOf, status: res.status }).toEqual({ groupBy, asOf, status: 200 });
          // Nothing was lent on or before the last closed day (the loans start on the open day).
          expect(res.body.totals).toMatchObject({ outstanding: '0', loanCount: 0 });
        }
      }
    });

    it('after the first close shows the loans from the live figures, and zero for a date before the first loan', async () => {
      expect((await call(t, 'POST', '/close-of-business', w.admin, { until: '2025-01-10' })).status).toBe(200);
      const live = await call<{ source: string; totals: { outstanding: string; loanCount: number; turnover: string } }>(
        t,
        'GET',
        '/reports/portfolio?groupBy=capitalSource',
        w.auditor,
      );
      expect(live.status).toBe(200);
      expect(live.body).toMatchObject({ source: 'LIVE', totals: { outstanding: '420000000', loanCount: 2, turnover: '420000000' } });
      for (const asOf of ['2020-01-01', '1900-01-01']) {
        const before = await call<{ totals: { outstanding: string; loanCount: number } }>(t, 'GET', `/reports/portfolio?asOf=${asOf}`, w.auditor);
        expect(before.status).toBe(200);
        expect(before.body.totals).toMatchObject({ outstanding: '0', loanCount: 0 });
        expect((await call(t, 'GET', `/reports/aging?asOf=${asOf}`, w.auditor)).status).toBe(200);
      }
    });

    it('refuses an impossible date with 400 naming the field and the rule, in Vietnamese and English', async () => {
      for (const [path, field] of [
        ['/reports/portfolio?asOf=2025-02-30', 'asOf'],
        ['/audit-events?from=2025-02-30', 'from'],
        ['/audit-events?to=2025-02-30T10:00:00Z', 'to'],
        ['/ledger/trial-balance?asOf=2025-13-01', 'asOf'],
      ] as const) {
        const vi = await call<{ code: string; detail: string; errors: Array<{ field: string; rule: string }> }>(t, 'GET', path, admin);
        const en = await call<{ detail: string }>(t, 'GET', path, admin, undefined, { 'accept-language': 'en' });
        expect(vi.status).toBe(400);
        expect(vi.headers['content-type']).toContain('application/problem+json');
        expect(vi.body.code).toBe('REQUEST.VALIDATION_FAILED');
        expect(vi.body.errors).toEqual([expect.objectContaining({ field, rule: expect.stringMatching(/^is(LocalDate|Timestamp)$/) })]);
        expect(vi.body.detail).toMatch(/không hợp lệ/);
        expect(en.body.detail).toMatch(/invalid/);
      }
    });
  });
});
