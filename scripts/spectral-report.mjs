// Prints Spectral's findings (JSON on stdin) one a line, named the way the code names them:
// "CreateBorrowerDto.note", "GET /api/v1/loans query pageSize", with the fix for the common
// rules; exits 1 when any is an error. Usage: spectral lint -f json … | node spectral-report.mjs openapi.json
import { readFileSync } from 'node:fs';

const doc = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const input = readFileSync(0, 'utf8');
if (!input.trim().startsWith('[')) {
  console.error(`spectral gave no JSON results:\n${input}`);
  process.exit(2);
}
const findings = JSON.parse(input);
const FIX = {
  'owasp:api4:2023-string-limit': 'add @MaxLength(n) (and maxLength in @ApiProperty) to the DTO property',
  'owasp:api4:2023-array-limit': 'add @ArrayMaxSize(n) (and maxItems in @ApiProperty) to the DTO property',
  'owasp:api4:2023-integer-format': "add format: 'int32' (or 'int64') with minimum and maximum",
};

function where(path) {
  const [root, a, b, c, d, e] = path;
  if (root === 'components' && a === 'schemas') {
    const props = [];
    for (let i = 3; i < path.length; i += 1) if (path[i - 1] === 'properties') props.push(path[i]);
    return `schema ${b}${props.length ? `.${props.join('.')}` : ''}`;
  }
  if (root === 'paths') {
    const op = `${String(b).toUpperCase()} ${a}`;
    if (c === 'parameters' && /^\d+$/.test(String(d))) {
      const p = doc.paths[a]?.[b]?.parameters?.[d];
      return `${op} ${p?.in ?? 'parameter'} ${p?.name ?? d}`;
    }
    if (c === 'responses') return `${op} response ${d}${e === 'content' ? ' body' : ''}`;
    return `${op} ${path.slice(2).join('.')}`;
  }
  return path.join('.');
}

const severities = ['error', 'warning', 'info', 'hint'];
const errors = findings.filter((f) => f.severity === 0);
const byRule = new Map();
for (const f of errors) byRule.set(f.code, [...(byRule.get(f.code) ?? []), f]);
for (const [rule, list] of byRule) {
  console.log(`\n${rule} (${list.length}): ${list[0].message}${FIX[rule] ? `\n  fix: ${FIX[rule]}` : ''}`);
  for (const w of [...new Set(list.map((f) => where(f.path)))].sort()) console.log(`  - ${w}`);
}
const counts = severities.map((s, i) => `${findings.filter((f) => f.severity === i).length} ${s}s`).join(', ');
console.log(`\nSpectral (OWASP API Security Top 10 ruleset, .spectral.yaml): ${counts}.`);
process.exit(errors.length > 0 ? 1 : 0);
