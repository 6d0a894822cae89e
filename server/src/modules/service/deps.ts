import type { Platform } from '../../platform/module.js';
import type { TypedDb } from '../../platform/db/database.js';

/** Everything the service use cases need, built once in `index.ts`. */
export interface ServiceDeps {
  db: TypedDb;
  audit: Platform['audit'];
  notifier: Platform['notifier'];
  clock: Platform['clock'];
  /** The services' working-day calendar (provisional past the official data). */
  calendar: Platform['calendar'];
  obligations: Platform['obligations'];
  auth: Platform['auth'];
}

export function serviceDeps(p: Platform): ServiceDeps {
  return { db: p.db, audit: p.audit, notifier: p.notifier, clock: p.clock, calendar: p.calendar, obligations: p.obligations, auth: p.auth };
}
