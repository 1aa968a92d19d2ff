import type { Language } from './language';

const UNITS = {
  vi: { ms: 'ms', s: 'giây', m: 'phút', h: 'giờ' },
  en: { ms: 'ms', s: 's', m: 'min', h: 'h' },
} as const;

/**
 * A job's duration (close of business, imports) for people: `850 ms`, `4,2 giây` / `4.2 s`,
 * `3 phút 05 giây` / `3 min 05 s`, `1 giờ 02 phút` / `1 h 02 min`. Whole milliseconds in, text out.
 */
export function formatDuration(ms: number | null | undefined, lang: Language = 'vi'): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  const u = UNITS[lang];
  const whole = Math.round(ms);
  if (whole < 1000) return `${whole} ${u.ms}`;
  if (whole < 60_000) {
    const tenths = Math.round(whole / 100);
    const text = `${Math.floor(tenths / 10)}${lang === 'vi' ? ',' : '.'}${tenths % 10}`;
    return tenths >= 600 ? `1 ${u.m} 00 ${u.s}` : `${text} ${u.s}`;
  }
  const seconds = Math.round(whole / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} ${u.m} ${String(seconds % 60).padStart(2, '0')} ${u.s}`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} ${u.h} ${String(minutes % 60).padStart(2, '0')} ${u.m}`;
}
