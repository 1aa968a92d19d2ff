import { expect } from '@jest/globals';
import { call } from './loan-factories.js';
import type { TestApp } from './test-app.js';

type Who = Parameters<typeof call>[3];

/** Starts a reminder run as `admin` (POST /notifications/reminder-runs) and waits for its result, read as `reader`. */
export async function runReminders(t: TestApp, admin: Who, reader: Who, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const started = await call<{ jobId: string }>(t, 'POST', '/notifications/reminder-runs', admin, body);
  expect(started.status).toBe(202);
  for (let i = 0; i < 200; i += 1) {
    const r = await call<{ state: string; result: Record<string, unknown> }>(t, 'GET', `/notifications/reminder-runs/${started.body.jobId}`, reader);
    if (r.body.state === 'completed') return r.body.result;
    if (r.body.state === 'failed') throw new Error('reminder job failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('reminder job did not finish');
}
