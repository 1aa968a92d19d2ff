/**
 * The business days a close through `until` will close, in order: from the open business date
 * through `until` inclusive (domain.md "Close of business": missed days are closed one by one).
 * Calendar arithmetic on `YYYY-MM-DD` in UTC, so no time zone moves a day.
 */
export function datesToClose(businessDate: string, until: string): string[] {
  const from = Date.parse(`${businessDate}T00:00:00Z`);
  const to = Date.parse(`${until}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return [];
  const out: string[] = [];
  for (let d = from; d <= to; d += 86_400_000) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

/** The day after a `YYYY-MM-DD` date (the business date a close through it opens). */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
