import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, countRows, userWithRoles } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('auth, roles and problem details', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { BODY_LIMIT_BYTES: '2048', LOGIN_RATE_LIMIT_PER_MINUTE: '50' } });
    admin = await adminToken(t);
  });
  afterAll(async () => t.close());

  it('creates the first admin on an empty database, once', async () => {
    expect(await countRows(t, 'users')).toBe(1);
    const res = await t.request('GET', '/api/v1/auth/me', undefined, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'admin', roles: ['ADMIN'], active: true });
  });

  it('answers 401 without a token and with a forged one', async () => {
    const none = await t.request('GET', '/api/v1/users');
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.body).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
    const forged = await t.request('GET', '/api/v1/users', undefined, { token: `${admin.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
  });

  it('answers 401 for wrong credentials, the same for an unknown user', async () => {
    const wrong = await t.request('POST', '/api/v1/auth/login', { username: 'admin', password: 'nope-nope' });
    const unknown = await t.request('POST', '/api/v1/auth/login', { username: 'ghost', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    expect(unknown.body).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    // The same answer, word for word: nothing tells whether the username exists.
    const { requestId: _a, ...wrongBody } = wrong.body as Record<string, unknown>;
    const { requestId: _b, ...unknownBody } = unknown.body as Record<string, unknown>;
    expect(unknownBody).toEqual(wrongBody);
  });

  it('answers 403 when the role is not allowed', async () => {
    const officer = await userWithRoles(t, admin, ['OFFICER']);
    const res = await t.request('GET', '/api/v1/users', undefined, { token: officer.token });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    const auditor = await userWithRoles(t, admin, ['AUDITOR']);
    expect((await t.request('GET', '/api/v1/users', undefined, { token: auditor.token })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/audit-events', undefined, { token: auditor.token })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/audit-events', undefined, { token: officer.token })).status).toBe(403);
  });

  it('stops a disabled user’s tokens at once', async () => {
    const auditor = await userWithRoles(t, admin, ['AUDITOR']);
    expect((await t.request('GET', '/api/v1/audit-events', undefined, { token: auditor.token })).status).toBe(200);
    const disabled = await t.request('POST', `/api/v1/users/${auditor.id}/disable`, undefined, { token: admin });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ active: false });
    expect((await t.request('GET', '/api/v1/audit-events', undefined, { token: auditor.token })).status).toBe(401);
    expect((await t.request('POST', '/api/v1/auth/login', { username: auditor.username, password: 'password-123' })).status).toBe(401);
  });

  it('refuses an invalid body with every field and rule, and writes nothing', async () => {
    const usersBefore = await countRows(t, 'users');
    const auditBefore = await countRows(t, 'audit_events');
    const res = await t.request(
      'POST',
      '/api/v1/users',
      { username: 'X', displayName: '', password: 'short', roles: ['KING'], extra: true },
      { token: admin, headers: { 'accept-language': 'en' } },
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.body as { code: string; detail: string; errors: Array<{ field: string; rule: string }> };
    expect(body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(body.detail).toMatch(/request is invalid/);
    const pairs = body.errors.map((e) => `${e.field}:${e.rule}`);
    expect(pairs).toEqual(expect.arrayContaining(['username:matches', 'displayName:minLength', 'password:minLength', 'roles:isIn', 'extra:unknownField']));
    expect(await countRows(t, 'users')).toBe(usersBefore);
    expect(await countRows(t, 'audit_events')).toBe(auditBefore);
  });

  it('speaks Vietnamese by default and English on request', async () => {
    const vi = await t.request('GET', '/api/v1/does-not-exist');
    const en = await t.request('GET', '/api/v1/does-not-exist', undefined, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(vi.status).toBe(404);
    expect(vi.body).toMatchObject({ code: 'ROUTE.NOT_FOUND', detail: 'Không tìm thấy đường dẫn GET /api/v1/does-not-exist.' });
    expect(en.body).toMatchObject({ code: 'ROUTE.NOT_FOUND', detail: 'No route GET /api/v1/does-not-exist.' });
    expect(JSON.stringify(vi.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('refuses malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await t.request('POST', '/api/v1/auth/login', undefined, { rawBody: '{"username": "admin",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'REQUEST.MALFORMED_JSON' });
    const big = await t.request(
      'POST',
      '/api/v1/users',
      { username: 'big.user', displayName: 'x'.repeat(5000), password: 'password-123', roles: ['OFFICER'] },
      { token: admin },
    );
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'REQUEST.BODY_TOO_LARGE' });
    expect(await countRows(t, 'users')).toBeLessThan(100);
    const none = (await t.db.query(`SELECT 1 FROM users WHERE username = 'big.user'`)) as unknown[];
    expect(none).toHaveLength(0);
  });

  it('binds a COOPERATIVE user to exactly one borrower', async () => {
    const res = await t.request(
      'POST',
      '/api/v1/users',
      { username: 'coop.user', displayName: 'HTX', password: 'password-123', roles: ['COOPERATIVE'] },
      { token: admin },
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'USER.COOPERATIVE_NEEDS_BORROWER' });
  });

  it('refuses a duplicate username with 409', async () => {
    const body = { username: 'dup.user', displayName: 'Dup', password: 'password-123', roles: ['OFFICER'] };
    expect((await t.request('POST', '/api/v1/users', body, { token: admin })).status).toBe(201);
    const again = await t.request('POST', '/api/v1/users', body, { token: admin });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'USER.USERNAME_TAKEN' });
  });

  it('echoes the caller’s request id and serves health and docs', async () => {
    const res = await t.request('GET', '/health', undefined, { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    expect(res.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, redis: { status: 'up' } } });
    const docs = await t.request<{ paths: Record<string, unknown> }>('GET', '/docs/openapi.json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/audit-events', '/health']));
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => t.close());

  it('answers 429 after the configured attempts a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await t.request('POST', '/api/v1/auth/login', { username: 'admin', password: 'wrong-pass' })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const refused = await t.request('POST', '/api/v1/auth/login', { username: 'ghost', password: 'wrong-pass' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'AUTH.RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
  });
});
