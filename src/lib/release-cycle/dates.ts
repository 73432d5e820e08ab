/**
 * The dates of release-cycle.json: `YYYY-MM-DD`, or `YYYY-MM` for the first of that month. They
 * have no time zone and are handled as UTC midnight throughout, so the output does not depend on
 * the machine's zone.
 */

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses `YYYY-MM-DD` or `YYYY-MM` (the first of that month) to UTC midnight. Returns a reason
 * instead when the text is not a date or names a day that does not exist.
 */
export function parseDate(text: string): { date?: Date; problem?: string } {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!m) return { problem: 'is not a date in the form YYYY-MM-DD or YYYY-MM' };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return { problem: `has month ${m[2]}, but months run from 01 to 12` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return { problem: `is not a real date: ${MONTH_NAMES[month - 1]} ${year} has ${last} days` };
  return { date: new Date(Date.UTC(year, month - 1, day)) };
}

/** A date the loader has already accepted. */
export function toDate(text: string): Date {
  const { date, problem } = parseDate(text);
  if (!date) throw new Error(`"${text}" ${problem}.`);
  return date;
}

/** `date` plus `months` calendar months, clamped to the end of the month (Aug 31 + 6 → Feb 28/29). */
export function addMonths(date: Date, months: number): Date {
  const total = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month + 1));
  return new Date(Date.UTC(year, month, day));
}

/** `YYYY-MM-DD`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
