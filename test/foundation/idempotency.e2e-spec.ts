import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Injectable, Module, Param, Post } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { CurrentActor, Roles, type Actor } from '../../src/platform/actor/index.js';
import { AuditService } from '../../src/modules/audit/index.js';
import { AuditModule } from '../../src/modules/audit/audit.module.js';
import { TransactionRunner } from '../../src/platform/database/index.js';
import { DomainError } from '../../src/platform/errors/index.js';
import { Idempotent } from '../../src/platform/idempotency/index.js';
import { adminToken, userWithRoles } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

class MoveDto {
  @IsString() @Matches(/^[1-9]\d*$/) amount: string;
}

/** Lets a test hold a request in flight until it releases it. */
const gates = new Map<string, Promise<void>>();

@Injectable()
class ProbeMoneyService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async move(actor: Actor, account: string, dto: MoveDto): Promise<{ moveId: string; amount: string }> {
    await gates.get(account);
    if (dto.amount === '999') throw new DomainError('REQUEST.VALIDATION_FAILED', { count: 1 });
    return this.tx.run(async (m) => {
      const [{ id }] = (await m.query(`INSERT INTO probe_moves (account, amount) VALUES ($1, $2) RETURNING id`, [account, dto.amount])) as Array<{
        id: string;
      }>;
      await this.audit.record(m, actor, { action: 'probe.move', entityType: 'probe', entityId: String(id), after: dto });
      return { moveId: String(id), amount: dto.amount };
    });
  }
}

@Controller('probe-accounts')
class ProbeMoneyController {
  constructor(private readonly service: ProbeMoneyService) {}

  @Post(':account/moves')
  @Roles('OFFICER')
  @Idempotent()
  move(@CurrentActor() actor: Actor, @Param('account') account: string, @Body() dto: MoveDto): Promise<{ moveId: string; amount: string }> {
    return this.service.move(actor, account, dto);
  }
}

@Module({ imports: [AuditModule], controllers: [ProbeMoneyController], providers: [ProbeMoneyService] })
class ProbeMoneyModule {}

describe('Idempotency-Key on money-moving POSTs', () => {
  let t: TestApp;
  let officer: string;
  const moves = async (account: string): Promise<number> =>
    ((await t.db.query(`SELECT count(*)::int AS n FROM probe_moves WHERE account = $1`, [account])) as Array<{ n: number }>)[0].n;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ProbeMoneyModule] });
    await t.db.query(`CREATE TABLE probe_moves (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account text NOT NULL, amount numeric NOT NULL)`);
    officer = (await userWithRoles(t, await adminToken(t), ['OFFICER'])).token;
  });
  afterAll(async () => t.close());

  it('requires the header', async () => {
    const res = await t.request('POST', '/api/v1/probe-accounts/a/moves', { amount: '100' }, { token: officer });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REQUIRED' });
    expect(await moves('a')).toBe(0);
  });

  it('replays the stored response for the same key and body, moving money once', async () => {
    const headers = { 'idempotency-key': 'key-replay-0001' };
    const first = await t.request('POST', '/api/v1/probe-accounts/b/moves', { amount: '100' }, { token: officer, headers });
    const second = await t.request('POST', '/api/v1/probe-accounts/b/moves', { amount: '100' }, { token: officer, headers });
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await moves('b')).toBe(1);
  });

  it('stores the response in the same transaction as the movement', async () => {
    const headers = { 'idempotency-key': 'key-same-tx-01' };
    const res = await t.request<{ moveId: string }>('POST', '/api/v1/probe-accounts/c/moves', { amount: '5' }, { token: officer, headers });
    const [row] = (await t.db.query(`SELECT status, response_body FROM idempotency_keys WHERE key = 'key-same-tx-01'`)) as Array<{
      status: string;
      response_body: unknown;
    }>;
    expect(row).toEqual({ status: 'COMPLETED', response_body: res.body });
  });

  it('refuses the same key with a different body (422) and changes nothing', async () => {
    const headers = { 'idempotency-key': 'key-mismatch-01' };
    expect((await t.request('POST', '/api/v1/probe-accounts/d/moves', { amount: '100' }, { token: officer, headers })).status).toBe(201);
    const other = await t.request('POST', '/api/v1/probe-accounts/d/moves', { amount: '200' }, { token: officer, headers });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(await moves('d')).toBe(1);
  });

  it('answers 409 to a duplicate still in flight, then replays once it finishes', async () => {
    let release: () => void = () => undefined;
    gates.set('e', new Promise<void>((r) => (release = r)));
    const headers = { 'idempotency-key': 'key-in-flight-1' };
    const first = t.request('POST', '/api/v1/probe-accounts/e/moves', { amount: '7' }, { token: officer, headers });
    await new Promise((r) => setTimeout(r, 150));
    const duplicate = await t.request('POST', '/api/v1/probe-accounts/e/moves', { amount: '7' }, { token: officer, headers });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'IDEMPOTENCY.REQUEST_IN_FLIGHT' });
    expect(duplicate.headers['retry-after']).toBe('1');
    release();
    expect((await first).status).toBe(201);
    const after = await t.request('POST', '/api/v1/probe-accounts/e/moves', { amount: '7' }, { token: officer, headers });
    expect(after.headers['idempotent-replayed']).toBe('true');
    expect(await moves('e')).toBe(1);
  });

  it('frees the key when the request fails, so a corrected retry runs', async () => {
    const headers = { 'idempotency-key': 'key-failure-01' };
    const failed = await t.request('POST', '/api/v1/probe-accounts/f/moves', { amount: '999' }, { token: officer, headers });
    expect(failed.status).toBe(400);
    const retried = await t.request('POST', '/api/v1/probe-accounts/f/moves', { amount: '998' }, { token: officer, headers });
    expect(retried.status).toBe(201);
    expect(await moves('f')).toBe(1);
  });

  it('keeps keys per user: another user may use the same key', async () => {
    const other = (await userWithRoles(t, await adminToken(t), ['OFFICER'])).token;
    const headers = { 'idempotency-key': 'key-per-user-01' };
    expect((await t.request('POST', '/api/v1/probe-accounts/g/moves', { amount: '1' }, { token: officer, headers })).status).toBe(201);
    const res = await t.request('POST', '/api/v1/probe-accounts/g/moves', { amount: '1' }, { token: other, headers });
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(await moves('g')).toBe(2);
  });

  it('takes over a key left in flight by a request that died (PostgreSQL lost mid-request), once it is stale', async () => {
    const done = await t.request(
      'POST',
      '/api/v1/probe-accounts/h/moves',
      { amount: '3' },
      { token: officer, headers: { 'idempotency-key': 'key-takeover-model' } },
    );
    expect(done.status).toBe(201);
    // The claim of a request whose process or database connection died: IN_FLIGHT, never completed nor released.
    await t.db.query(
      `INSERT INTO idempotency_keys (user_id, route, key, request_hash, status, locked_at)
       SELECT user_id, route, 'key-takeover-01', request_hash, 'IN_FLIGHT', now() - interval '10 minutes' FROM idempotency_keys WHERE key = 'key-takeover-model'`,
    );
    const retried = await t.request(
      'POST',
      '/api/v1/probe-accounts/h/moves',
      { amount: '3' },
      { token: officer, headers: { 'idempotency-key': 'key-takeover-01' } },
    );
    expect(retried.status).toBe(201);
    const again = await t.request(
      'POST',
      '/api/v1/probe-accounts/h/moves',
      { amount: '3' },
      { token: officer, headers: { 'idempotency-key': 'key-takeover-01' } },
    );
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await moves('h')).toBe(2);
  });
});
