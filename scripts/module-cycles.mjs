// The module-level half of `npm run deps:check`: dependency-cruiser's no-circular rule sees
// cycles between files; two modules can still lean on each other through different files
// (a/x → b/index, b/y → a/index) without a file cycle. This collapses the graph to
// src/modules/<m> and src/platform and fails on any cycle there (README "Architecture").
import { cruise } from 'dependency-cruiser';
import config from '../.dependency-cruiser.mjs';
const UNIT = /^src\/(modules\/[^/]+|platform)\//;

const result = await cruise(['src'], { ...config.options, validate: false, ruleSet: undefined, includeOnly: '^src/' });
const edges = new Map();
for (const mod of result.output.modules) {
  const from = UNIT.exec(mod.source)?.[1];
  if (!from) continue;
  if (!edges.has(from)) edges.set(from, new Set());
  for (const dep of mod.dependencies) {
    const to = UNIT.exec(dep.resolved)?.[1];
    if (to && to !== from) edges.get(from).add(to);
  }
}

// Tarjan's strongly connected components: any component of more than one unit is a cycle.
let index = 0;
const stack = [];
const state = new Map();
const cycles = [];
function visit(v) {
  state.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v) ?? []) {
    if (!state.has(w)) {
      visit(w);
      state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
    } else if (state.get(w).onStack) {
      state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
    }
  }
  if (state.get(v).low === state.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      state.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const v of [...edges.keys()].sort()) if (!state.has(v)) visit(v);

if (cycles.length > 0) {
  for (const c of cycles) {
    console.error(`module cycle: ${c.join(' ⇄ ')}`);
    for (const a of c) for (const b of edges.get(a) ?? []) if (c.includes(b)) console.error(`  ${a} → ${b}`);
  }
  process.exit(1);
}
console.log(`no module cycle (${edges.size} units: src/modules/* and src/platform)`);
