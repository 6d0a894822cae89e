import type { Platform } from '../../platform/module.js';
import type { TypedDb } from '../../platform/db/database.js';
import type { TimeLimitOverrides, WorkCalendar } from '../../platform/calendar/index.js';
import type { RegistryService } from '../registry/index.js';
import { createComplaintAccess, type ComplaintAccess } from './use-cases/complaint-access.js';

/**
 * Everything the complaints use cases need, built once in `index.ts` from the platform. Each use
 * case takes `(deps, actor, input)`; tests and other callers can build a smaller one.
 */
export interface ComplaintsDeps {
  db: TypedDb;
  crypto: Platform['crypto'];
  audit: Platform['audit'];
  outbox: Platform['outbox'];
  notifier: Platform['notifier'];
  clock: Platform['clock'];
  files: Platform['files'];
  obligations: Platform['obligations'];
  /** The working calendar in force (it changes when a year's holiday notice is loaded). */
  calendar: () => WorkCalendar;
  /** The public address of the web app (QR codes, verify links). */
  baseUrl: () => string;
  /** The respondent lookup in the enterprise register. */
  registry: Pick<RegistryService, 'findByCode' | 'findByExactName'>;
  /** Consumer access with tracking number and code (查询码). */
  access: ComplaintAccess;
  /**
   * The province's overrides of the national time limits (acceptance, mediation…), each with its
   * own citation; absent means the national rules. Read through `domain/deadlines.ts`.
   */
  timeLimits?: TimeLimitOverrides;
}

export function complaintsDeps(p: Platform, registry: ComplaintsDeps['registry'], timeLimits?: TimeLimitOverrides): ComplaintsDeps {
  return {
    db: p.db,
    crypto: p.crypto,
    audit: p.audit,
    outbox: p.outbox,
    notifier: p.notifier,
    clock: p.clock,
    files: p.files,
    obligations: p.obligations,
    calendar: () => p.calendar.get(),
    baseUrl: () => p.config.PUBLIC_BASE_URL,
    registry,
    access: createComplaintAccess(p),
    timeLimits,
  };
}
