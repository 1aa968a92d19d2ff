import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * DejaVu Sans (Bitstream Vera licence, free to embed and redistribute; copy in
 * src/assets/fonts/DejaVu-LICENSE.txt). It covers the Vietnamese letters with their stacked
 * diacritics (ế, ợ, ữ…); the nest build copies src/**\/*.ttf next to the compiled code.
 */
const cache = new Map<string, Buffer>();

export function font(name: 'DejaVuSans' | 'DejaVuSans-Bold'): Buffer {
  let buf = cache.get(name);
  if (!buf) {
    buf = readFileSync(fileURLToPath(new URL(`../../assets/fonts/${name}.ttf`, import.meta.url)));
    cache.set(name, buf);
  }
  return buf;
}
