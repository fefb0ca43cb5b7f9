// Article dates given from outside the text: --date and a `--stdin` record's "date" field.

/** True for a real calendar date written YYYY-MM-DD ("2023-02-30" is not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * The calendar date of a record's "date": "2023-10-16", or the date part of an ISO 8601 date and time
 * ("2023-10-16T08:30:00Z", "2023-10-16 08:30"), as the dateline would give it. Undefined otherwise.
 */
export function calendarDateOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ]\d{2}:\d{2})/.exec(value.trim());
  return m && isCalendarDate(m[1]) ? m[1] : undefined;
}
