import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// A landed migration must keep its meaning (README "Architecture"): it never imports src/, whose
// code may change after the migration ran. dependency-cruiser (npm run deps:check) enforces the
// same rule; this test keeps it in the unit suite.
const MIGRATIONS = resolve(process.cwd(), 'migrations');
const SRC = resolve(process.cwd(), 'src');

/** The module specifiers of a file's static imports, re-exports, dynamic imports and requires. */
function specifiersOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]);
  return found;
}

/** The specifiers of a migration file that reach into src/. */
function importsOfSrc(file: string, source: string): string[] {
  return specifiersOf(source).filter((s) => {
    if (!s.startsWith('.') && !s.startsWith('/')) return /^(src|@src)\//.test(s);
    const target = resolve(dirname(file), s);
    return target === SRC || target.startsWith(SRC + sep);
  });
}

describe('migrations', () => {
  it('finds an import of src/ in any form (the check can fail)', () => {
    const file = join(MIGRATIONS, 'example.ts');
    expect(importsOfSrc(file, `import { A } from '../src/modules/x/index.js';`)).toEqual(['../src/modules/x/index.js']);
    expect(importsOfSrc(file, `import type {\n  B,\n} from "../src/platform/money/index.js";`)).toEqual(['../src/platform/money/index.js']);
    expect(importsOfSrc(file, `export * from '../src/config/index.js';`)).toEqual(['../src/config/index.js']);
    expect(importsOfSrc(file, `const m = await import('../src/x.js');`)).toEqual(['../src/x.js']);
    expect(importsOfSrc(file, `import './1763800000000-foundation.js';\nimport type { QueryRunner } from 'typeorm';`)).toEqual([]);
  });

  it('never import src/', () => {
    const files = readdirSync(MIGRATIONS).filter((f) => /\.(ts|js|mjs|cjs)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.flatMap((f) => {
      const path = join(MIGRATIONS, f);
      return importsOfSrc(path, readFileSync(path, 'utf8')).map((s) => `${relative(process.cwd(), path)} imports ${s}`);
    });
    expect(offenders).toEqual([]);
  });
});
