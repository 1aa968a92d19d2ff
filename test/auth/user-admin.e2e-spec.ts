import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, userWithRoles } from '../support/factories.js';
import { createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface User {
  id: string;
  username: string;
  roles: string[];
  borrowerId: string | null;
  borrowerName: string | null;
}

/** An administrator changes roles and the cooperative binding, and resets passwords; each audited. */
describe('user administration', () => {
  let t: TestApp;
  let admin: string;
  let officer: { id: string; username: string; token: string };
  let borrower: { id: string };

  const audit = async (id: string): Promise<Array<{ action: string; after: Record<string, unknown> }>> =>
    (await t.db.query(`SELECT action, after FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id`, [id])) as Array<{
      action: string;
      after: Record<string, unknown>;
    }>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await adminToken(t);
    officer = await userWithRoles(t, admin, ['OFFICER']);
    borrower = await createCooperative(t, officer.token);
  });
  afterAll(async () => t.close());

  it('changes roles and binds a cooperative user to a borrower, with the same rules as on creation', async () => {
    const u = await userWithRoles(t, admin, ['AUDITOR']);
    const unbound = await t.request('PATCH', `/api/v1/users/${u.id}`, { roles: ['COOPERATIVE'] }, { token: admin });
    expect(unbound.status).toBe(422);
    expect(unbound.body).toMatchObject({ code: 'USER.COOPERATIVE_NEEDS_BORROWER' });
    const missing = await t.request('PATCH', `/api/v1/users/${u.id}`, { roles: ['COOPERATIVE'], borrowerId: '999999' }, { token: admin });
    expect(missing.body).toMatchObject({ code: 'USER.BORROWER_NOT_FOUND', errors: [expect.objectContaining({ field: 'borrowerId' })] });
    const bound = await t.request<User>('PATCH', `/api/v1/users/${u.id}`, { roles: ['COOPERATIVE'], borrowerId: borrower.id }, { token: admin });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ roles: ['COOPERATIVE'], borrowerId: borrower.id, borrowerName: expect.any(String) });
    // The change applies to the next request at once: the token now reads only its own borrower's data.
    expect((await t.request('GET', '/api/v1/users', undefined, { token: u.token })).status).toBe(403);
    expect((await t.request('GET', `/api/v1/borrowers/${borrower.id}`, undefined, { token: u.token })).status).toBe(200);
    // Back to staff: the binding goes with the COOPERATIVE role.
    const back = await t.request<User>('PATCH', `/api/v1/users/${u.id}`, { roles: ['OFFICER', 'APPROVER'] }, { token: admin });
    expect(back.body).toMatchObject({ roles: ['APPROVER', 'OFFICER'], borrowerId: null });
    expect((await audit(u.id)).map((a) => a.action)).toEqual(['user.create', 'user.update', 'user.update']);
    // Nothing was written by the refusals.
    expect((await t.request('PATCH', `/api/v1/users/${u.id}`, { roles: ['NOBODY'] }, { token: admin })).status).toBe(400);
  });

  it('an admin cannot remove its own ADMIN role; non-admins cannot administer users', async () => {
    const me = (await t.request<{ id: string }>('GET', '/api/v1/auth/me', undefined, { token: admin })).body;
    const self = await t.request('PATCH', `/api/v1/users/${me.id}`, { roles: ['OFFICER'] }, { token: admin });
    expect(self.body).toMatchObject({ status: 422, code: 'USER.CANNOT_DEMOTE_SELF' });
    expect((await t.request('PATCH', `/api/v1/users/${officer.id}`, { displayName: 'x' }, { token: officer.token })).status).toBe(403);
    expect((await t.request('POST', `/api/v1/users/${officer.id}/password`, { password: 'another-pass-1' }, { token: officer.token })).status).toBe(403);
  });

  it('resets a password: the new one logs in, the old one no longer does, the audit holds no secret', async () => {
    const u = await userWithRoles(t, admin, ['OFFICER']);
    const short = await t.request('POST', `/api/v1/users/${u.id}/password`, { password: 'short' }, { token: admin });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ errors: [expect.objectContaining({ field: 'password', rule: 'minLength' })] });
    const reset = await t.request<User>('POST', `/api/v1/users/${u.id}/password`, { password: 'brand-new-pass-1' }, { token: admin });
    expect(reset.status).toBe(200);
    expect((await t.request('POST', '/api/v1/auth/login', { username: u.username, password: 'password-123' })).status).toBe(401);
    expect(await t.login(u.username, 'brand-new-pass-1')).toEqual(expect.any(String));
    const events = await audit(u.id);
    expect(events.map((e) => e.action)).toEqual(['user.create', 'user.password.reset']);
    expect(JSON.stringify(events[1])).not.toMatch(/brand-new|argon2/);
    expect((await t.request('POST', `/api/v1/users/999999/password`, { password: 'brand-new-pass-1' }, { token: admin })).status).toBe(404);
  });
});
