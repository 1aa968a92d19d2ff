import type { LoadClientConfig, LoadClientResult } from './load-client.js';
import { distPath, runNode } from './processes.js';

/** Runs the autocannon client as a separate process and parses its result line. */
export async function httpLoad(cfg: LoadClientConfig): Promise<LoadClientResult> {
  const out = await runNode([distPath('bench', 'load-client.js'), JSON.stringify(cfg)]);
  const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(`load client printed no result:\n${out}`);
  const r = JSON.parse(line.slice('BENCH_RESULT '.length)) as LoadClientResult;
  return { ...r, perSecond: Math.round(r.perSecond), p50: Math.round(r.p50 * 10) / 10, p99: Math.round(r.p99 * 10) / 10 };
}
