/**
 * Finds loan contract numbers in free statement text. The pattern is the contract number format
 * of LOAN_CONTRACT_NUMBER_PATTERN (`HĐTD-{yyyy}-{seq:6}`): the text and the pattern are folded
 * (Vietnamese diacritics and đ dropped, upper case) because banks often strip them
 * ("HDTD 2025 000001"), and each hit is rebuilt into the canonical number with the same format.
 */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase();
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function contractNumberFinder(pattern: string, format: (year: number, seq: number) => string): (text: string) => string[] {
  const tokens = foldText(pattern).split(/(\{YYYY\}|\{SEQ(?::\d+)?\})/);
  const groups: Array<'year' | 'seq'> = [];
  const source = tokens
    .map((t) => {
      if (t === '{YYYY}') {
        groups.push('year');
        return '(\\d{4})';
      }
      const seq = /^\{SEQ(?::(\d+))?\}$/.exec(t);
      if (seq) {
        groups.push('seq');
        return seq[1] ? `(\\d{${seq[1]}})` : '(\\d+)';
      }
      // A separator in the pattern may be another separator or none in the statement.
      return t
        .split('')
        .map((ch) => (/[-_/. ]/.test(ch) ? '[-_/. ]?' : escape(ch)))
        .join('');
    })
    .join('');
  const regex = new RegExp(`(?<![A-Z0-9])${source}(?!\\d)`, 'g');
  return (text: string): string[] => {
    const found = new Set<string>();
    for (const match of foldText(text).matchAll(regex)) {
      const year = groups.includes('year') ? Number(match[groups.indexOf('year') + 1]) : 0;
      const seq = Number(match[groups.indexOf('seq') + 1]);
      found.add(format(year, seq));
    }
    return [...found];
  };
}
