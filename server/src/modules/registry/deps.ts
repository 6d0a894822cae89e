import type { Platform } from '../../platform/module.js';
import type { TypedDb } from '../../platform/db/database.js';

/** What the register's use cases need, defined once. Use cases take `(deps, actor, input)`. */
export interface RegistryDeps {
  db: TypedDb;
  clock: Platform['clock'];
  crypto: Platform['crypto'];
  audit: Platform['audit'];
  outbox: Platform['outbox'];
}

export function registryDeps(p: Platform): RegistryDeps {
  return { db: p.db, clock: p.clock, crypto: p.crypto, audit: p.audit, outbox: p.outbox };
}
