import type { Platform } from '../../platform/module.js';
import type { TypedDb } from '../../platform/db/database.js';
import type { WorkCalendar } from '../../platform/calendar/index.js';
import type { HttpFetch } from '../../platform/http/client.js';
import type { RegistryService } from '../registry/index.js';
import type { RiskRuleSet } from './domain/risk.js';

/** Everything the credit use cases need, built once in `index.ts`. */
export interface CreditDeps {
  db: TypedDb;
  clock: Platform['clock'];
  audit: Platform['audit'];
  outbox: Platform['outbox'];
  notifier: Platform['notifier'];
  /** The business accounts bound to an enterprise (who is told of a listing). */
  auth: Pick<Platform['auth'], 'boundAccounts'>;
  obligations: Platform['obligations'];
  files: Platform['files'];
  log: Platform['log'];
  calendar: () => WorkCalendar;
  /** Outgoing HTTP to the national systems (platform/http/client.ts). */
  http: HttpFetch;
  /** The register, read through its API (never its tables). */
  registry: Pick<RegistryService, 'findByCode' | 'scanForCredit'>;
  /** The risk-class rule set in force (a province may configure five classes). */
  riskRules: RiskRuleSet;
}
