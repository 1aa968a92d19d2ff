import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formerFundBook } from './former-fund-book.js';

/**
 * node dist/bench/generate-former-fund-book.js [out.xlsx] [--loans 150] [--business-date 2025-12-05] [--source "Vốn Quỹ HTX Bắc Kạn chuyển về"]
 *   [--product BK-NN] [--openings 0.25] [--clean] [--province 19]
 * Writes the example former-fund book (docs/book-import.md); --clean leaves out the dozen bad rows,
 * --openings 0 gives every loan its history (a book that can be committed whole today).
 */
const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const out = args[0] && !args[0].startsWith('--') ? args[0] : 'so-cho-vay-quy-bac-kan.xlsx';
const province = opt('province', '19');
const csv = readFileSync(fileURLToPath(new URL('../src/assets/reference/vn-admin-units-2025.csv', import.meta.url)), 'utf8');
const communes = csv
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(','))
  .filter((c) => c[0] === province)
  .map((c) => c[3]);
const book = await formerFundBook({
  loans: Number(opt('loans', '150')),
  businessDate: opt('business-date', '2025-12-05'),
  capitalSources: opt('source', 'Vốn Quỹ HTX Bắc Kạn chuyển về').split('|'),
  communes,
  productCode: opt('product', 'BK-NN'),
  openingShare: Number(opt('openings', '0.25')),
  bad: !args.includes('--clean'),
});
writeFileSync(out, book.buffer);
console.log(
  `${out}: ${book.history.length} loans with history, ${book.openings.length} opening positions, ${book.legacyRefs.length} legacy, ${book.expectedErrors.length} bad rows`,
);
