import type { Language } from '../../shared/format/language';
import type { Commune, Sector } from './borrowers-queries';

/** `A — Nông nghiệp, lâm nghiệp và thủy sản` in the user's language. */
export function sectorLabel(s: Sector, lang: Language): string {
  return `${s.code} — ${lang === 'vi' ? s.nameVi : s.nameEn}`;
}

export function communeLabel(c: Commune, lang: Language): string {
  return lang === 'vi' ? c.nameVi : c.nameEn;
}

/** A code's name from a reference list, or the code itself while the list loads. */
export function communeName(code: string, communes: Commune[] | undefined, lang: Language): string {
  const c = communes?.find((x) => x.code === code);
  return c ? communeLabel(c, lang) : code;
}

export function sectorName(version: string, code: string, sectors: Sector[] | undefined, lang: Language): string {
  const s = sectors?.find((x) => x.version === version && x.code === code);
  return s ? sectorLabel(s, lang) : code;
}
