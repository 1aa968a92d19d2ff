import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The HTTP load client, run as its own process (`node dist/bench/load-client.js '<json>'`) so
 * it does not share an event loop with the bench or the API. Every request picks a random loan
 * from the ids file; repayments carry a fresh Idempotency-Key each.
 */
export interface LoadClientConfig {
  url: string;
  connections: number;
  durationSeconds: number;
  idsFile: string;
  /** 'status': GET {pathPrefix}{id}; 'repay': POST /api/v1/loans/{id}/repayments. */
  kind: 'status' | 'repay';
  pathPrefix: string;
  token: string | null;
  valueDate: string;
  amount: string;
}

export interface LoadClientResult {
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  statusCodes: Record<string, number>;
}

async function main(): Promise<void> {
  const cfg = JSON.parse(process.argv[2] ?? '{}') as LoadClientConfig;
  const ids = readFileSync(cfg.idsFile, 'utf8').split('\n').filter(Boolean);
  const pick = (): string => ids[Math.floor(Math.random() * ids.length)];
  const headers: Record<string, string> = cfg.token ? { authorization: `Bearer ${cfg.token}` } : {};
  const codes: Record<string, number> = {};
  let done: (r: autocannon.Result) => void = () => undefined;
  let failed: (e: Error) => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  const options: autocannon.Options = {
    url: cfg.url,
    connections: cfg.connections,
    duration: cfg.durationSeconds,
    headers,
    requests: [
      {
        setupRequest: (req) => {
          const id = pick();
          if (cfg.kind === 'status') return { ...req, method: 'GET', path: `${cfg.pathPrefix}${id}` };
          return {
            ...req,
            method: 'POST',
            path: `/api/v1/loans/${id}/repayments`,
            headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body: JSON.stringify({ amount: cfg.amount, valueDate: cfg.valueDate, reference: `BENCH-${randomUUID().slice(0, 8)}`, channel: 'BANK_TRANSFER' }),
          };
        },
      },
    ],
  };
  const instance = autocannon(options, (err: Error | null, result: autocannon.Result) => (err ? failed(err) : done(result)));
  instance.on('response', (_client: unknown, statusCode: number) => {
    codes[statusCode] = (codes[statusCode] ?? 0) + 1;
  });
  const r = await finished;
  const ok = r['2xx'];
  const out: LoadClientResult = {
    ok,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    seconds: r.duration,
    perSecond: ok / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    statusCodes: codes,
  };
  process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
