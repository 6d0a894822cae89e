/**
 * The web app's wall clock: the one place that reads the browser's "now" (the lint bans
 * `new Date()` and `Date.now()` elsewhere). Dates are China Standard Time, like the server's.
 */

export function now(): Date {
  return new Date();
}

/** The date in China Standard Time (Asia/Shanghai) as YYYY-MM-DD. */
export function chinaDate(instant: Date = now()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The year in China Standard Time. */
export function chinaYear(instant: Date = now()): number {
  return Number(chinaDate(instant).slice(0, 4));
}
