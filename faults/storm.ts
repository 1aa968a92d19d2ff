import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Answer, Api } from './http.js';

/** What the clients saw: every key they sent and the final answer they got for it. */
export interface Ledger {
  accepted: Array<{ key: string; loanId: string; eventId: string }>;
  refused: Array<{ key: string; loanId: string; status: number; code: string }>;
  /** Keys that never got a final answer (bounded retries ran out): counted, and must stay at 0. */
  unresolved: Array<{ key: string; loanId: string; api: string; history: string[] }>;
  requests: number;
  retries: number;
  statuses: Record<string, number>;
  /** 503 answers and whether each was problem+json with a dotted code and Retry-After. */
  unavailable: { seen: number; wellFormed: number; samples: string[] };
}

export function emptyLedger(): Ledger {
  return { accepted: [], refused: [], unresolved: [], requests: 0, retries: 0, statuses: {}, unavailable: { seen: 0, wellFormed: 0, samples: [] } };
}

export interface StormOptions {
  apis: Api[];
  loanIds: string[];
  /** Loans most clients hit (many repayments on the same loan, one at a time per loan). */
  hotLoanIds: string[];
  clients: number;
  seconds: number;
  valueDate: string;
  /** Client timeout per request; a timed-out request is retried with the same key. */
  timeoutMs: number;
  /** After the storm ends, how long a client keeps retrying a key before giving up. */
  settleMs: number;
}

function tally(ledger: Ledger, a: Answer | null): void {
  ledger.requests += 1;
  const k = a ? String(a.status) : 'timeout';
  ledger.statuses[k] = (ledger.statuses[k] ?? 0) + 1;
  if (a?.status === 503) {
    ledger.unavailable.seen += 1;
    const type = String(a.headers['content-type'] ?? '');
    const code = typeof a.body.code === 'string' ? a.body.code : '';
    const ok = type.startsWith('application/problem+json') && /^[A-Z]+(\.[A-Z_]+)+$/.test(code) && Number(a.headers['retry-after']) > 0;
    if (ok) ledger.unavailable.wellFormed += 1;
    if (ledger.unavailable.samples.length < 3) ledger.unavailable.samples.push(`${code} retry-after=${String(a.headers['retry-after'])}`);
  }
}

/** Runs of the same answer as one entry ("409 IDEMPOTENCY.REQUEST_IN_FLIGHT ×12"). */
function compress(history: string[]): string[] {
  const out: Array<[string, number]> = [];
  for (const h of history) {
    const kind = h.replace(/ after \d+ ms$/, '');
    const last = out[out.length - 1];
    if (last && last[0] === kind) last[1] += 1;
    else out.push([kind, 1]);
  }
  return out.map(([k, n]) => (n > 1 ? `${k} ×${n}` : k));
}

/** One repayment with its key, retried with the same key on timeouts, 409 and 5xx until a final answer. */
async function repayOnce(o: StormOptions, api: Api, ledger: Ledger, loanId: string, giveUpAt: number): Promise<void> {
  const key = `storm-${randomUUID()}`;
  const body = {
    amount: String(10_000 * (1 + Math.floor(Math.random() * 20))),
    valueDate: o.valueDate,
    reference: `UNC-${key.slice(6, 18)}`,
    channel: 'BANK_TRANSFER',
  };
  const history: string[] = [];
  for (let attempt = 1; ; attempt += 1) {
    const sent = Date.now();
    const a = await api.request('POST', `/loans/${loanId}/repayments`, body, { 'idempotency-key': key }, o.timeoutMs);
    tally(ledger, a);
    history.push(`${a ? `${a.status} ${typeof a.body.code === 'string' ? a.body.code : ''}` : 'timeout'} after ${Date.now() - sent} ms`);
    if (a && a.status === 201) {
      const repayment = a.body.repayment as { id?: unknown } | undefined;
      ledger.accepted.push({ key, loanId, eventId: String(repayment?.id) });
      return;
    }
    if (a && a.status >= 400 && a.status < 500 && a.status !== 409 && a.status !== 429) {
      ledger.refused.push({ key, loanId, status: a.status, code: String(a.body.code) });
      return;
    }
    if (Date.now() > giveUpAt) {
      ledger.unresolved.push({ key, loanId, api: api.baseUrl, history: compress(history) });
      return;
    }
    ledger.retries += 1;
    const retryAfter = Number(a?.headers['retry-after'] ?? 0);
    await sleep(Math.min(2000, retryAfter > 0 ? retryAfter * 1000 : 100 * attempt) * (0.5 + Math.random()));
  }
}

/**
 * `clients` concurrent clients, spread over the API processes, post repayments for `seconds`:
 * half of them on a handful of hot loans. `during` runs beside the storm (a fault).
 */
export async function storm(o: StormOptions, ledger: Ledger, during: () => Promise<void> = async () => undefined): Promise<void> {
  const stopAt = Date.now() + o.seconds * 1000;
  const hardStop = stopAt + o.settleMs;
  const client = async (i: number): Promise<void> => {
    const api = o.apis[i % o.apis.length];
    while (Date.now() < stopAt) {
      const pool = Math.random() < 0.5 ? o.hotLoanIds : o.loanIds;
      await repayOnce(o, api, ledger, pool[Math.floor(Math.random() * pool.length)], hardStop);
    }
  };
  await Promise.all([...Array.from({ length: o.clients }, (_, i) => client(i)), during()]);
}

export interface BadInput {
  what: string;
  status: number | null;
  code: string;
}

/**
 * Requests that must be refused with a 4xx problem and change nothing: each is sent to every API
 * process. Returns what each got; the caller checks that none was accepted and nothing was written.
 */
export async function badInputs(apis: Api[], anon: Api[], loanId: string, closedLoanId: string | null, valueDate: string): Promise<BadInput[]> {
  const out: BadInput[] = [];
  const tries: Array<[string, (api: Api) => Promise<Answer | null>]> = [
    [
      'negative amount',
      (api) =>
        api.request(
          'POST',
          `/loans/${loanId}/repayments`,
          { amount: '-1000', valueDate, reference: 'UNC-BAD', channel: 'BANK_TRANSFER' },
          { 'idempotency-key': `bad-${randomUUID()}` },
        ),
    ],
    [
      'zero amount',
      (api) =>
        api.request(
          'POST',
          `/loans/${loanId}/repayments`,
          { amount: '0', valueDate, reference: 'UNC-BAD', channel: 'BANK_TRANSFER' },
          { 'idempotency-key': `bad-${randomUUID()}` },
        ),
    ],
    [
      'amount as a float number',
      (api) =>
        api.request(
          'POST',
          `/loans/${loanId}/repayments`,
          { amount: 1000.5, valueDate, reference: 'UNC-BAD', channel: 'BANK_TRANSFER' },
          { 'idempotency-key': `bad-${randomUUID()}` },
        ),
    ],
    [
      'amount with fractions of a đồng',
      (api) =>
        api.request(
          'POST',
          `/loans/${loanId}/repayments`,
          { amount: '1000.123', valueDate, reference: 'UNC-BAD', channel: 'BANK_TRANSFER' },
          { 'idempotency-key': `bad-${randomUUID()}` },
        ),
    ],
    [
      'impossible date',
      (api) =>
        api.request(
          'POST',
          `/loans/${loanId}/repayments`,
          { amount: '1000', valueDate: '2025-02-30', reference: 'UNC-BAD', channel: 'BANK_TRANSFER' },
          { 'idempotency-key': `bad-${randomUUID()}` },
        ),
    ],
    [
      'value date after the business date',
      (api) =>
        api.request(
          'POST',
          `/loans/${loanId}/repayments`,
          { amount: '1000', valueDate: '2999-01-01', reference: 'UNC-BAD', channel: 'BANK_TRANSFER' },
          { 'idempotency-key': `bad-${randomUUID()}` },
        ),
    ],
    [
      'no Idempotency-Key',
      (api) => api.request('POST', `/loans/${loanId}/repayments`, { amount: '1000', valueDate, reference: 'UNC-BAD', channel: 'BANK_TRANSFER' }),
    ],
    [
      'reference longer than 100 characters',
      (api) =>
        api.request(
          'POST',
          `/loans/${loanId}/repayments`,
          { amount: '1000', valueDate, reference: 'x'.repeat(101), channel: 'BANK_TRANSFER' },
          { 'idempotency-key': `bad-${randomUUID()}` },
        ),
    ],
    [
      'unknown channel',
      (api) =>
        api.request(
          'POST',
          `/loans/${loanId}/repayments`,
          { amount: '1000', valueDate, reference: 'UNC-BAD', channel: 'BITCOIN' },
          { 'idempotency-key': `bad-${randomUUID()}` },
        ),
    ],
    [
      'unknown field',
      (api) =>
        api.request(
          'POST',
          `/loans/${loanId}/repayments`,
          { amount: '1000', valueDate, reference: 'UNC-BAD', channel: 'BANK_TRANSFER', principal: '1' },
          { 'idempotency-key': `bad-${randomUUID()}` },
        ),
    ],
    [
      'unknown loan',
      (api) =>
        api.request(
          'POST',
          `/loans/999999999/repayments`,
          { amount: '1000', valueDate, reference: 'UNC-BAD', channel: 'BANK_TRANSFER' },
          { 'idempotency-key': `bad-${randomUUID()}` },
        ),
    ],
    [
      'malformed loan id',
      (api) =>
        api.request(
          'POST',
          `/loans/1%27%20OR%201=1/repayments`,
          { amount: '1000', valueDate, reference: 'UNC-BAD', channel: 'BANK_TRANSFER' },
          { 'idempotency-key': `bad-${randomUUID()}` },
        ),
    ],
  ];
  if (closedLoanId)
    tries.push([
      'repayment on a loan that is not active',
      (api) =>
        api.request(
          'POST',
          `/loans/${closedLoanId}/repayments`,
          { amount: '1000', valueDate, reference: 'UNC-BAD', channel: 'BANK_TRANSFER' },
          { 'idempotency-key': `bad-${randomUUID()}` },
        ),
    ]);
  for (const [i, api] of apis.entries()) {
    for (const [what, run] of tries) {
      const a = await run(api);
      out.push({ what, status: a?.status ?? null, code: typeof a?.body.code === 'string' ? a.body.code : '' });
    }
    const a = await anon[i].request(
      'POST',
      `/loans/${loanId}/repayments`,
      { amount: '1000', valueDate, reference: 'UNC-BAD', channel: 'BANK_TRANSFER' },
      { 'idempotency-key': `bad-${randomUUID()}` },
    );
    out.push({ what: 'no token', status: a?.status ?? null, code: typeof a?.body.code === 'string' ? a.body.code : '' });
  }
  return out;
}
