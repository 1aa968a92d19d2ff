import { readFileSync } from 'node:fs';

/**
 * Summarises a V8 .cpuprofile (node --cpu-prof, see BENCH_API_NODE_ARGS in bench/README.md):
 * top self time and inclusive time by function, and self time by package.
 *   node dist/bench/profile-summary.js FILE [TOP=30] [LAST_SECONDS]
 * LAST_SECONDS keeps only the samples of the profile's last seconds (the load, not the boot).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function label(n: ProfileNode): string {
  const f = n.callFrame;
  return `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${f.lineNumber + 1}`;
}

function packageOf(n: ProfileNode): string {
  const url = n.callFrame.url;
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.includes('/dist/'))
    return `app:${url
      .replace(/^.*\/dist\//, '')
      .split('/')
      .slice(0, 3)
      .join('/')}`;
  return url || n.callFrame.functionName;
}

function main(): void {
  const [file, topArg, lastArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary FILE [TOP] [LAST_SECONDS]');
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const top = Number(topArg ?? 30);
  const from = lastArg ? p.endTime - Number(lastArg) * 1e6 : Number.NEGATIVE_INFINITY;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<number, number>();
  let t = p.startTime;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i] ?? 0;
    if (t >= from) time.set(id, (time.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  const add = (m: Map<string, number>, k: string, v: number): void => void m.set(k, (m.get(k) ?? 0) + v);
  for (const [id, us] of time) {
    const node = byId.get(id);
    if (!node) continue;
    total += us;
    add(self, label(node), us);
    add(packages, packageOf(node), us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n) break;
      const k = label(n);
      if (!seen.has(k)) add(inclusive, k, us);
      seen.add(k);
    }
  }
  const print = (m: Map<string, number>, title: string): void => {
    console.log(`== ${title} (${(total / 1e6).toFixed(1)} s sampled)`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  };
  print(self, 'self time');
  print(inclusive, 'inclusive time');
  print(packages, 'self time by package');
}

main();
