import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { adminToken, userWithRoles } from '../support/factories.js';
import { closeUntil, contractedLoan, loanWorld, money } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** README "Limits and metrics": each limit the API states, enforced. */
describe('limits on abuse', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { MAX_ACTIVE_JOBS_PER_USER: '2', RATE_LIMIT_PER_MINUTE: '1200', QUEUE_SWEEP_AFTER_SECONDS: '3600' } });
    admin = await adminToken(t);
  });
  afterAll(async () => t.close());

  it('sends the RateLimit headers and nosniff on API answers, and none of CORS by default', async () => {
    const res = await t.request('GET', '/api/v1/auth/me', undefined, { token: admin, headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(Number(res.headers['ratelimit-limit'])).toBe(1200);
    expect(Number(res.headers['ratelimit-remaining'])).toBeLessThan(1200);
    expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThan(0);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.request('OPTIONS', '/api/v1/auth/me', undefined, {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('ends every other session on a password change, and all of them on an admin reset', async () => {
    const user = await userWithRoles(t, admin, ['AUDITOR']);
    const other = await t.login(user.username, 'password-123');
    const wrong = await t.request('POST', '/api/v1/auth/password', { currentPassword: 'not-it-1', newPassword: 'changed-pass-1' }, { token: user.token });
    expect(wrong.status).toBe(401);
    expect((await t.request('GET', '/api/v1/auth/me', undefined, { token: other })).status).toBe(200);

    const changed = await t.request<{ accessToken: string }>(
      'POST',
      '/api/v1/auth/password',
      { currentPassword: 'password-123', newPassword: 'changed-pass-1' },
      { token: user.token },
    );
    expect(changed.status).toBe(200);
    for (const old of [user.token, other]) {
      const res = await t.request('GET', '/api/v1/auth/me', undefined, { token: old });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    }
    const fresh = changed.body.accessToken;
    expect((await t.request('GET', '/api/v1/auth/me', undefined, { token: fresh })).status).toBe(200);
    expect((await t.request('POST', '/api/v1/auth/login', { username: user.username, password: 'password-123' })).status).toBe(401);
    const [{ action }] = (await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [user.id])) as Array<{
      action: string;
    }>;
    expect(action).toBe('user.password.change');

    const again = await t.login(user.username, 'changed-pass-1');
    expect((await t.request('POST', `/api/v1/users/${user.id}/password`, { password: 'reset-pass-12' }, { token: admin })).status).toBe(200);
    for (const old of [fresh, again]) expect((await t.request('GET', '/api/v1/auth/me', undefined, { token: old })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/auth/me', undefined, { token: await t.login(user.username, 'reset-pass-12') })).status).toBe(200);
  });

  it('refuses a page larger than 200 on every list, naming pageSize and its maximum', async () => {
    const doc = (
      await t.request<{ paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; schema?: { maximum?: number } }> }>> }>(
        'GET',
        '/docs/openapi.json',
      )
    ).body;
    const lists = Object.entries(doc.paths).filter(([path, item]) => !path.includes('{') && item.get?.parameters?.some((p) => p.name === 'pageSize'));
    expect(lists.length).toBeGreaterThan(10);
    for (const [path, item] of lists) {
      expect(item.get.parameters?.find((p) => p.name === 'pageSize')?.schema?.maximum).toBe(200);
      const res = await t.request<{ errors: Array<{ field: string; rule: string }> }>('GET', `${path}?pageSize=201`, undefined, { token: admin });
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'pageSize', rule: 'max' })]));
    }
  });

  it('allows MAX_ACTIVE_JOBS_PER_USER imports queued or running per user, then 429 with Retry-After', async () => {
    const officer = await userWithRoles(t, admin, ['OFFICER']);
    // Work already waiting for this user (arranged as rows: the worker would finish real jobs at its own pace).
    for (let i = 0; i < 2; i += 1) {
      await t.db.query(`INSERT INTO repayment_imports (file_name, content_sha256, status, total_lines, created_by) VALUES ('x.csv', $1, 'QUEUED', 1, $2)`, [
        `sha-${i}-${randomUUID()}`,
        officer.id,
      ]);
    }
    const csv = 'date,amount,reference,description\n10/04/2025,1000000,FT1,HTX tra no\n';
    const imported = await t.request('POST', '/api/v1/repayment-imports', { fileName: 'a.csv', content: csv }, { token: officer.token });
    expect(imported.status).toBe(429);
    expect(imported.headers['retry-after']).toBe('30');
    expect(imported.body).toMatchObject({ code: 'IMPORT.TOO_MANY_ACTIVE', active: 2, limit: 2 });
    // Another user is not held back by this one's work.
    const other = await userWithRoles(t, admin, ['OFFICER']);
    expect((await t.request('POST', '/api/v1/repayment-imports', { fileName: 'b.csv', content: csv }, { token: other.token })).status).toBe(202);
  });
});

describe('rate limits kept in Redis, shared by every API process', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '12' } });
    // A second process on the same Redis keys (the prefix is what separates test files).
    b = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '12' }, queuePrefix: a.config.queuePrefix });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('throttles logins across two app instances: the 4th attempt a minute is refused wherever it lands', async () => {
    const attempt = (t: TestApp) => t.request('POST', '/api/v1/auth/login', { username: 'admin', password: 'wrong-pass' });
    const statuses = [(await attempt(a)).status, (await attempt(b)).status, (await attempt(a)).status];
    expect(statuses).toEqual([401, 401, 401]);
    const refused = await attempt(b);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'AUTH.RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(a)).status).toBe(429);
  });

  it('counts every route per caller across both instances (RATE_LIMIT_PER_MINUTE)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push((await a.request('GET', '/health')).status);
      statuses.push((await b.request('GET', '/health')).status);
    }
    expect(statuses.slice(0, 12)).toEqual(Array(12).fill(200));
    expect(statuses.slice(12)).toEqual([429, 429]);
    const last = await b.request('GET', '/health');
    expect(last.headers['ratelimit-remaining']).toBe('0');
    expect(last.headers['retry-after']).toBeDefined();
  });
});

describe('report exports per user', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Every file export is queued (more than 0 rows), at most 2 per user at once.
    t = await createTestApp({
      env: { MAX_ACTIVE_JOBS_PER_USER: '2', REPORT_EXPORT_ASYNC_ROWS: '0', CLOSE_SCHEDULE_ENABLED: 'false', QUEUE_SWEEP_AFTER_SECONDS: '3600' },
    });
  });
  afterAll(async () => t.close());

  it('queues MAX_ACTIVE_JOBS_PER_USER exports per user, then answers 429 with Retry-After', async () => {
    const w = await loanWorld(t, '2025-03-01');
    const loanId = await contractedLoan(t, w, {
      amount: '300000000',
      termMonths: 6,
      ratePercent: '6',
      creditReportDate: '2025-03-01',
      signingDate: '2025-03-02',
    });
    await closeUntil(t, w, '2025-03-02');
    expect((await money(t, w, 'disbursements', loanId, '300000000', '2025-03-03')).status).toBe(201);
    await closeUntil(t, w, '2025-03-03');
    const auditor = await userWithRoles(t, w.admin, ['AUDITOR']);
    expect((await t.request('GET', '/api/v1/reports/loans?format=csv', undefined, { token: auditor.token })).status).toBe(202);
    const [{ id: userId }] = (await t.db.query(`SELECT id::text FROM users WHERE username = $1`, [auditor.username])) as Array<{ id: string }>;
    // Two more of this user's exports waiting, arranged as rows (the sweep leaves them alone for an hour); the
    // first may be done by now or still running: either way the user is at or over the limit.
    for (const status of ['QUEUED', 'RUNNING']) {
      await t.db.query(
        `INSERT INTO report_exports (id, report, format, params, row_count, requested_by, requested_by_username, requested_roles, status)
         VALUES ($1, 'loans', 'csv', '{}', 1, $2, $3, ARRAY['AUDITOR'], $4)`,
        [randomUUID(), userId, auditor.username, status],
      );
    }
    const refused = await t.request('GET', '/api/v1/reports/loans?format=csv', undefined, { token: auditor.token });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.body).toMatchObject({ code: 'REPORT.TOO_MANY_EXPORTS', limit: 2 });
    expect((refused.body as { active: number }).active).toBeGreaterThanOrEqual(2);
    // JSON reads are not queued work, and another user has its own allowance.
    expect((await t.request('GET', '/api/v1/reports/loans', undefined, { token: auditor.token })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/reports/loans?format=csv', undefined, { token: w.auditor })).status).toBe(202);
  });
});

describe('two API processes on one database and one Redis', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ database: new URL(a.config.databaseUrl ?? '').pathname.slice(1), queuePrefix: a.config.queuePrefix });
  });
  afterAll(async () => {
    await b.stopApp();
    await a.close();
  });

  it('refuses a disabled user’s token and the tokens of before a password reset in the other process too, at once', async () => {
    const admin = await adminToken(a);
    const user = await userWithRoles(a, admin, ['AUDITOR']);
    // Both processes have the user's status cached.
    for (const t of [a, b]) expect((await t.request('GET', '/api/v1/auth/me', undefined, { token: user.token })).status).toBe(200);
    expect((await a.request('POST', `/api/v1/users/${user.id}/password`, { password: 'reset-pass-12' }, { token: admin })).status).toBe(200);
    expect((await b.request('GET', '/api/v1/auth/me', undefined, { token: user.token })).status).toBe(401);
    const fresh = await b.login(user.username, 'reset-pass-12');
    for (const t of [a, b]) expect((await t.request('GET', '/api/v1/auth/me', undefined, { token: fresh })).status).toBe(200);
    expect((await a.request('POST', `/api/v1/users/${user.id}/disable`, undefined, { token: admin })).status).toBe(200);
    expect((await b.request('GET', '/api/v1/auth/me', undefined, { token: fresh })).status).toBe(401);
  });
});

describe('CORS when configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: 'https://fund.example, https://portal.fund.example' } });
  });
  afterAll(async () => t.close());

  it('answers the listed origins only', async () => {
    const ok = await t.request('OPTIONS', '/api/v1/auth/login', undefined, {
      headers: { origin: 'https://portal.fund.example', 'access-control-request-method': 'POST' },
    });
    expect(ok.headers['access-control-allow-origin']).toBe('https://portal.fund.example');
    const other = await t.request('OPTIONS', '/api/v1/auth/login', undefined, {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

type Schema = { $ref?: string; type?: string; maxLength?: number; maxItems?: number; enum?: unknown[]; properties?: Record<string, Schema>; allOf?: Schema[] };
interface Op {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

describe('every limit the document states is enforced', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await adminToken(t);
    token = (await userWithRoles(t, admin, ['ADMIN', 'OFFICER', 'APPROVER', 'AUDITOR'])).token;
  });
  afterAll(async () => t.close());

  it('refuses one character or item over each stated maxLength and maxItems, naming the field (body and query)', async () => {
    const doc = (await t.request<{ paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, Schema> } }>('GET', '/docs/openapi.json'))
      .body;
    const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? doc.components.schemas[s.$ref.split('/').pop() ?? ''] : s);
    const tried: string[] = [];
    const unenforced: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const url = path.replace(/\{[^}]+\}/g, '1');
        const headers = { 'idempotency-key': randomUUID(), 'accept-language': 'en' };
        const over = (s: Schema): unknown => (s.type === 'array' ? Array(s.maxItems! + 1).fill('x') : 'x'.repeat(s.maxLength! + 1));
        const limited = (s: Schema | undefined): s is Schema =>
          !!s && !s.enum && ((s.type === 'string' && s.maxLength !== undefined) || (s.type === 'array' && s.maxItems !== undefined));
        const check = async (field: string, send: () => Promise<{ status: number; body: unknown }>): Promise<void> => {
          const res = await send();
          if (res.status === 403 || res.status === 404) return; // a route this user may not reach, or a record that must exist first
          tried.push(`${method} ${path} ${field}`);
          const named = ((res.body as { errors?: Array<{ field: string }> }).errors ?? []).some((e) => e.field === field || e.field.startsWith(`${field}.`));
          if (!(res.status === 413 || (res.status === 400 && named))) unenforced.push(`${method.toUpperCase()} ${path} ${field}: ${res.status}`);
        };
        for (const p of op.parameters ?? []) {
          if (p.in !== 'query' || !limited(p.schema) || p.schema.type !== 'string') continue;
          await check(p.name, () => t.request(method.toUpperCase(), `${url}?${p.name}=${'x'.repeat(p.schema!.maxLength! + 1)}`, undefined, { token, headers }));
        }
        const body = resolve(op.requestBody?.content?.['application/json']?.schema);
        for (const [name, prop] of Object.entries(body?.properties ?? {})) {
          if (!limited(prop)) continue;
          await check(name, () => t.request(method.toUpperCase(), url, { [name]: over(prop) }, { token, headers }));
        }
      }
    }
    expect(unenforced).toEqual([]);
    expect(tried.length).toBeGreaterThan(50);
  });
});
