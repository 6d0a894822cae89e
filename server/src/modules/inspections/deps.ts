import type { Platform } from '../../platform/module.js';
import type { WorkCalendar } from '../../platform/calendar/index.js';
import type { RegistryService } from '../registry/index.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Locale } from '../../platform/i18n/i18n.js';

/**
 * What the inspections use cases need, built once in index.ts. Every use case is a function
 * `(deps, actor, input, ctx?, locale?)` over this object.
 */
export interface InspectionsDeps {
  db: Platform['db'];
  clock: Platform['clock'];
  crypto: Platform['crypto'];
  audit: Platform['audit'];
  outbox: Platform['outbox'];
  notifier: Platform['notifier'];
  obligations: Platform['obligations'];
  files: Platform['files'];
  log: Platform['log'];
  /** The working calendar in force. */
  calendar: () => WorkCalendar;
  /** The public address (no trailing slash): verification links. */
  publicBaseUrl: string;
  /** The register: enterprises by credit code, and its search for filling directories. */
  registry: Pick<RegistryService, 'findByCode' | 'search'>;
}

export function inspectionsDeps(p: Platform, registry: InspectionsDeps['registry']): InspectionsDeps {
  return {
    db: p.db,
    clock: p.clock,
    crypto: p.crypto,
    audit: p.audit,
    outbox: p.outbox,
    notifier: p.notifier,
    obligations: p.obligations,
    files: p.files,
    log: p.log,
    calendar: () => p.calendar.get(),
    get publicBaseUrl() {
      return p.config.PUBLIC_BASE_URL.replace(/\/$/, '');
    },
    registry,
  };
}

export type { Actor, AuditContext, Locale };
