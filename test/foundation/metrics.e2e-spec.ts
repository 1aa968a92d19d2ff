import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { closeUntil, loanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const TOKEN = 'metrics-token-0123456789';

/** The value of one series (`name{labels}`) in a Prometheus text exposition, or undefined. */
function series(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[4]);
  }
  return undefined;
}

describe('GET /metrics (Prometheus)', () => {
  let t: TestApp;
  let plain: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_TOKEN: TOKEN } });
    plain = await createTestApp();
  });
  afterAll(async () => {
    await plain.close();
    await t.close();
  });

  it('is absent without METRICS_TOKEN and refuses a wrong token', async () => {
    expect((await plain.request('GET', '/metrics', undefined, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect((await t.request('GET', '/metrics')).status).toBe(401);
    expect((await t.request('GET', '/metrics', undefined, { token: 'metrics-token-wrong-000' })).status).toBe(401);
  });

  it('reports latency by route pattern, queue depths, the last close and the pool after real work', async () => {
    const w = await loanWorld(t, '2025-03-01');
    await closeUntil(t, w, '2025-03-03');
    for (let i = 0; i < 3; i += 1) expect((await t.request('GET', `/api/v1/borrowers/${w.borrowerId}`, undefined, { token: w.officer })).status).toBe(200);
    const res = await t.request<string>('GET', '/metrics', undefined, { token: TOKEN });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/plain');
    const text = res.body;
    // The pattern, not the URL: three reads of one borrower are one series.
    expect(series(text, 'lms_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/borrowers/:id', status_code: '200' })).toBe(3);
    expect(text).not.toContain(`/api/v1/borrowers/${w.borrowerId}"`);
    expect(series(text, 'lms_http_request_duration_seconds_sum', { route: '/api/v1/borrowers/:id' })).toBeGreaterThan(0);
    for (const queue of ['close-of-business', 'close-of-business-chunks', 'report-exports', 'repayment-imports', 'reminders']) {
      expect(series(text, 'lms_queue_jobs', { queue, state: 'waiting' })).toBeGreaterThanOrEqual(0);
      expect(series(text, 'lms_queue_jobs', { queue, state: 'failed' })).toBe(0);
    }
    expect(series(text, 'lms_close_last_succeeded')).toBe(1);
    expect(series(text, 'lms_close_last_business_date_seconds')).toBe(Date.parse('2025-03-03T00:00:00Z') / 1000);
    expect(series(text, 'lms_close_last_duration_seconds')).toBeGreaterThan(0);
    expect(series(text, 'lms_close_last_chunks', { state: 'failed' })).toBe(0);
    expect(series(text, 'lms_close_last_chunks', { state: 'total' })).toBeGreaterThanOrEqual(series(text, 'lms_close_last_chunks', { state: 'done' }) ?? -1);
    const total = series(text, 'lms_db_pool_connections', { state: 'total' }) ?? 0;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(series(text, 'lms_db_pool_connections', { state: 'max' }) ?? 0);
    expect(series(text, 'lms_db_pool_connections', { state: 'idle' })).toBeLessThanOrEqual(total);
    expect(series(text, 'lms_db_pool_connections', { state: 'waiting' })).toBe(0);
  });
});
