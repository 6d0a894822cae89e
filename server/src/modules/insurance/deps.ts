import type { Platform } from '../../platform/module.js';
import type { TypedDb } from '../../platform/db/database.js';
import type { ComplaintsService } from '../complaints/index.js';

/** Everything the insurance use cases need, built once in `index.ts`. */
export interface InsuranceDeps {
  db: TypedDb;
  crypto: Platform['crypto'];
  audit: Platform['audit'];
  notifier: Platform['notifier'];
  clock: Platform['clock'];
  files: Platform['files'];
  /** The complaints module API: the complaint a claim rests on, and the mediation figures. */
  complaints: Pick<ComplaintsService, 'findForClaim' | 'findForClaimById' | 'verifyAccess' | 'figures' | 'coverage'>;
}

export function insuranceDeps(p: Platform, complaints: InsuranceDeps['complaints']): InsuranceDeps {
  return { db: p.db, crypto: p.crypto, audit: p.audit, notifier: p.notifier, clock: p.clock, files: p.files, complaints };
}
