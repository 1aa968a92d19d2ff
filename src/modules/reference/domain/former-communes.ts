/**
 * Pre-July-2025 addresses → 2025 communes (README "Reference data: provinces, communes and their former
 * units", docs/reference-data.md). The published correspondence (assets/reference/vn-communes-before-2025.csv)
 * lists, for each 2025 commune, the names of the former communes, wards and townships it was formed from;
 * it carries no district except where the source qualifies a name ("Phường Trung Thành (thành phố Thái
 * Nguyên)"), and a former unit split between several new communes appears under each of them.
 * Pure functions: the service reads the file, these parse and match.
 */

/** The unit of a former commune-level name: "Xã", "Phường", "Thị trấn" (township, abolished in 2025). */
export type FormerUnit = 'xã' | 'phường' | 'thị trấn' | 'đặc khu';

/** One former unit as written in the correspondence, under the 2025 commune it went into. */
export interface FormerEntry {
  provinceCode: string;
  /** The 2025 commune's 5-digit code. */
  communeCode: string;
  /** The 2025 commune's full name ("Xã Quảng Bạch"). */
  communeNameVi: string;
  /** The former unit as published ("Xã Tân Lập", "Phường Cam Giá"). */
  formerName: string;
  unit: FormerUnit | null;
  /** Matching keys of the bare name (no unit): tone placement and i/y spelling folded; diacritics kept. */
  key: string;
  /** Same without any diacritic, for spreadsheets typed without accents. */
  looseKey: string;
  /** The district the source names in brackets, as a key, when it does. */
  districtKey: string | null;
  /** The source's note in brackets ("phần còn lại sau khi sáp nhập vào …", "thành phố Thái Nguyên"). */
  note: string | null;
  /** Only part of the former unit went into this commune (the rest was merged elsewhere). */
  partial: boolean;
}

/** A row of the correspondence file, already split into columns. */
export interface CorrespondenceRow {
  provinceCode: string;
  communeCode: string;
  communeNameVi: string;
  formedFrom: string;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;

const UNIT_PREFIX: ReadonlyArray<[RegExp, FormerUnit]> = [
  [/^(?:(?:thị trấn|thi tran|tt)\s+|tt\.\s*)/u, 'thị trấn'],
  [/^(?:(?:phường|phuong)\s+|p\.\s*)/u, 'phường'],
  [/^(?:(?:xã|xa)\s+|x\.\s*)/u, 'xã'],
  [/^(?:đặc khu|dac khu)\s+/u, 'đặc khu'],
];
const DISTRICT_PREFIX = /^(?:(?:huyện|huyen|thị xã|thi xa|thành phố|thanh pho|quận|tp|tx)\s+|(?:tp|tx|h|q)\.\s*)/u;
const PROVINCE_PREFIX = /^(?:(?:tỉnh|tinh|thành phố|thanh pho|tp)\s+|(?:tp|t)\.\s*)/u;

const lowerNfc = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The key two spellings of one name share: "Hoá"/"Hóa", "Thuỵ"/"Thụy" (old and new tone placement),
 * "Vỹ"/"Vĩ", "Kỳ"/"Kì", "Quy"/"Qui" (i/y after a consonant). Each syllable's tone mark is moved to its end.
 */
export function nameKey(name: string): string {
  return lowerNfc(name)
    .normalize('NFD')
    .split(' ')
    .map((word) => {
      const tones = (word.match(TONE_MARKS) ?? []).join('');
      const bare = word.replace(TONE_MARKS, '').replace(/^(qu|[bcdđghklmnpqrstvx]+)y$/u, '$1i');
      return bare + tones;
    })
    .join(' ');
}

/** Without any diacritic: "Tan Lap" matches "Tân Lập" when nothing matches more closely. */
export function looseKey(name: string): string {
  return lowerNfc(name)
    .normalize('NFD')
    .replace(ALL_MARKS, '')
    .replace(/đ/g, 'd')
    .split(' ')
    .map((word) => word.replace(/^(qu|[bcdghklmnpqrstvx]+)y$/u, '$1i'))
    .join(' ');
}

/** Splits a commune name as written ("Xã Tân Lập", "TT. Chợ Rã", "tân lập") into its unit and bare name. */
export function splitUnit(written: string): { unit: FormerUnit | null; name: string } {
  const s = lowerNfc(written);
  for (const [re, unit] of UNIT_PREFIX) {
    if (re.test(s)) return { unit, name: s.replace(re, '').trim() };
  }
  return { unit: null, name: s };
}

/** A district as written ("Huyện Chợ Đồn", "TP Thái Nguyên", "chợ đồn") → its key, or null when empty. */
export function districtKey(written: string | undefined | null): string | null {
  const s = lowerNfc(written ?? '')
    .replace(DISTRICT_PREFIX, '')
    .trim();
  return s === '' ? null : nameKey(s);
}

/** A province as written ("Tỉnh Bắc Kạn", "bac kan") → loose key. */
export function provinceKey(written: string): string {
  return looseKey(lowerNfc(written).replace(PROVINCE_PREFIX, ''));
}

/** Splits the formed_from list at commas outside brackets (a bracketed note may hold commas itself). */
function splitList(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') out.push(current.trim());
  return out.filter((e) => e !== '');
}

/** Every former unit of every row; "giữ nguyên" (kept as it was) means the commune is its own former unit. */
export function parseCorrespondence(rows: readonly CorrespondenceRow[]): FormerEntry[] {
  const entries: FormerEntry[] = [];
  for (const row of rows) {
    // The published text mixes composed and decomposed Vietnamese letters: compose them once here.
    const formedFrom = row.formedFrom.normalize('NFC').trim();
    const communeNameVi = row.communeNameVi.normalize('NFC').trim();
    const list = formedFrom.toLowerCase() === 'giữ nguyên' ? [communeNameVi] : splitList(formedFrom);
    for (const written of list) {
      const m = /^(.*?)\s*\((.*)\)\s*$/su.exec(written);
      const base = m ? m[1] : written;
      const note = m ? m[2].trim() : null;
      const partial = note !== null && /^phần còn lại/iu.test(note);
      const { unit, name } = splitUnit(base);
      entries.push({
        provinceCode: row.provinceCode,
        communeCode: row.communeCode,
        communeNameVi,
        formerName: base.trim(),
        unit,
        key: nameKey(name),
        looseKey: looseKey(name),
        districtKey: note !== null && !partial && DISTRICT_PREFIX.test(lowerNfc(note)) ? districtKey(note) : null,
        note,
        partial,
      });
    }
  }
  return entries;
}

/** What the officer wrote in the spreadsheet. */
export interface FormerAddress {
  name: string;
  district?: string | null;
}

/**
 * The former units matching a written name inside one province's entries, narrowed by the written unit
 * ("Xã" vs "Phường") and the district where the source can tell them apart. Several 2025 communes in the
 * answer mean the officer has to choose (a split unit, or two former units of the same name).
 */
export function matchFormer(entries: readonly FormerEntry[], address: FormerAddress): FormerEntry[] {
  const { unit, name } = splitUnit(address.name);
  if (name === '') return [];
  const strict = nameKey(name);
  let found = entries.filter((e) => e.key === strict);
  if (found.length === 0) {
    const loose = looseKey(name);
    found = entries.filter((e) => e.looseKey === loose);
  }
  if (unit !== null && found.some((e) => e.unit === unit)) found = found.filter((e) => e.unit === unit);
  const district = districtKey(address.district);
  if (district !== null) {
    const named = found.filter((e) => e.districtKey === district);
    // A name qualified with another district is a different former unit; unqualified ones stay possible.
    const unqualified = found.filter((e) => e.districtKey === null);
    if (named.length > 0) found = named;
    else if (unqualified.length > 0) found = unqualified;
    // Nothing fits the district as written (a misspelling, a district the source never names): all stay proposed.
  }
  return found;
}
