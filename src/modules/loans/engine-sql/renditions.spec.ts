import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The loan engine has several renditions: the pure engine (loans/domain, risk/domain), the close's
 * and the report's set-based SQL (loans/engine-sql, risk classification-sql.ts) and the bench
 * loader (bench/simulate.ts). Each file names the others it must change with in a header line
 * ("Renditions (change together): …" on the engine side, "Mirrors (change together): …" on the
 * rendition side). Their numbers are compared by the integration parity tests named in
 * docs/architecture.md "Engine renditions"; this spec keeps the pointers between the files true:
 * every file named exists and names the file back.
 */
const ROOT = process.cwd();
const MARKER = /^\/\/ (Renditions|Mirrors) \(change together\): (.+)$/gm;

const ENGINE = [
  'src/modules/loans/domain/accrual.ts',
  'src/modules/loans/domain/loan-state.ts',
  'src/modules/loans/domain/loan-summary.ts',
  'src/modules/loans/domain/income.ts',
  'src/modules/loans/domain/schedule.ts',
  'src/modules/risk/domain/classification.ts',
  'src/modules/risk/domain/provisioning.ts',
];

function linksOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(MARKER)].flatMap((m) => m[2].split(',').map((p) => p.trim()));
}

describe('engine renditions name each other', () => {
  const seen = new Set<string>();
  const queue = [...ENGINE];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (existsSync(join(ROOT, file))) queue.push(...linksOf(file));
  }

  it.each(ENGINE)('%s names at least one rendition', (file) => {
    expect(linksOf(file).length).toBeGreaterThan(0);
  });

  it.each([...seen])('%s exists and every file it names names it back', (file) => {
    expect(existsSync(join(ROOT, file))).toBe(true);
    for (const other of linksOf(file)) expect({ other, namesBack: linksOf(other).includes(file) }).toEqual({ other, namesBack: true });
  });

  it('covers the SQL of the close and of the report', () => {
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'src/modules/loans/engine-sql/close-chunk.sql.ts',
        'src/modules/loans/engine-sql/close-snapshot.sql.ts',
        'src/modules/loans/engine-sql/loan-positions.sql.ts',
        'src/modules/risk/services/classification-sql.ts',
        'bench/simulate.ts',
      ]),
    );
  });
});
