/**
 * Calendar dates arrive as `YYYY-MM-DD` (the fund's business dates) and instants as ISO
 * timestamps; both show as `dd/MM/yyyy` in either language (web-design.md "Numbers, dates").
 * A date string is rearranged as text: no Date object, so no time zone can shift the day.
 */
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = LOCAL_DATE.exec(value.slice(0, 10));
  if (!m || (value.length > 10 && value[10] !== 'T')) return value;
  if (value.length > 10) return formatInstant(value);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** An instant (`2025-04-21T01:02:03Z`) as `dd/MM/yyyy HH:mm` in the fund's zone (Asia/Ho_Chi_Minh). */
export function formatInstant(value: string | null | undefined, timeZone = 'Asia/Ho_Chi_Minh'): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** `dd/MM/yyyy` typed by a person back to `YYYY-MM-DD`, or null when it is not a real date. */
export function parseDateInput(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [, d = '', mo = '', y = ''] = m;
  const day = Number(d);
  const month = Number(mo);
  const year = Number(y);
  if (month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > days) return null;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}
