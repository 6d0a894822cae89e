/** The one source of "now" for services, so deadline rules can be tested with a fixed clock. */
export interface Clock {
  now(): Date;
  /** Today's date in China Standard Time, as YYYY-MM-DD. */
  today(): string;
}

/** Formats an instant as a date in China Standard Time (UTC+8, no daylight saving). */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => chinaDate(new Date()),
};

/** A clock for tests: starts at `start` and moves only when told. */
export function fixedClock(start: string | Date): Clock & { set(d: string | Date): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    today: () => chinaDate(current),
    set(d) {
      current = new Date(d);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}
