/** One line of the results table. */
export interface Row {
  benchmark: string;
  figure: number | null;
  unit: string;
  goal: string;
  baseline: number | null;
  baselineLabel: string;
  /** figure ÷ baseline. */
  ratio: number | null;
  ratioGoal: string;
  pass: boolean | null;
  samples: number[];
  note: string;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

export function round(x: number | null, digits = 1): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function row(r: Partial<Row> & Pick<Row, 'benchmark' | 'unit' | 'goal'>): Row {
  return { figure: null, baseline: null, baselineLabel: '', ratio: null, ratioGoal: '', pass: null, samples: [], note: '', ...r };
}

/** Ratio and pass/fail from the goals: `atMost`/`atLeast` on the figure, `ratioAtMost`/`ratioAtLeast` on figure ÷ baseline. */
export function judge(r: Row, g: { atMost?: number; atLeast?: number; ratioAtMost?: number; ratioAtLeast?: number; also?: boolean }): Row {
  const ratio = r.figure !== null && r.baseline !== null && r.baseline > 0 ? r.figure / r.baseline : null;
  let pass: boolean | null = r.figure === null ? null : true;
  if (r.figure !== null) {
    if (g.atMost !== undefined && r.figure > g.atMost) pass = false;
    if (g.atLeast !== undefined && r.figure < g.atLeast) pass = false;
    if (ratio !== null && g.ratioAtMost !== undefined && ratio > g.ratioAtMost) pass = false;
    if (ratio !== null && g.ratioAtLeast !== undefined && ratio < g.ratioAtLeast) pass = false;
    if (g.also === false) pass = false;
  }
  return { ...r, ratio: round(ratio, 2), pass };
}

function cell(x: number | null | string): string {
  if (x === null) return '—';
  return typeof x === 'number' ? String(x) : x;
}

/** The table printed on stdout (also pasted into the README's Performance section). */
export function table(rows: readonly Row[]): string {
  const head = ['benchmark', 'figure', 'goal', 'baseline', 'ratio (goal)', 'result', 'note'];
  const lines = rows.map((r) => [
    r.benchmark,
    r.figure === null ? '—' : `${r.figure} ${r.unit}`,
    r.goal,
    r.baseline === null ? cell(r.baselineLabel || null) : `${r.baseline} ${r.baselineLabel}`,
    r.ratio === null ? (r.ratioGoal ? `— (${r.ratioGoal})` : '—') : `${r.ratio}× (${r.ratioGoal})`,
    r.pass === null ? 'skipped' : r.pass ? 'PASS' : 'FAIL',
    r.note,
  ]);
  const all = [head, ...lines];
  const widths = head.map((_, i) => Math.max(...all.map((l) => l[i].length)));
  const fmt = (l: string[]): string => `| ${l.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}
