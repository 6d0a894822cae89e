import type { Platform, XfModule } from '../../platform/module.js';
import { complaintsPolicy } from './complaints.policy.js';
import type { RegistryService } from '../registry/index.js';
import { COMPLAINTS_MEDIATION_CONCLUDED, COMPLAINTS_REPORT_ACCEPTED, type EventInput } from '../../../../contracts/events.js';
import { createComplaintsService, type ComplaintsService, type ComplaintForClaim } from './complaints.service.js';
import { complaintsDeps } from './deps.js';
import { complaintsRoutes } from './complaints.routes.js';
import { recomputeDeadlines } from './use-cases/recompute-deadlines.js';
import { COMPLAINT_FIELD_MESSAGES } from './domain/rules.js';
import { seedComplaintsDemo } from './complaints.demo.js';
import { handlerOf } from '../../platform/outbox/outbox.js';
import { notifyRespondent } from './use-cases/notify-respondent.js';

export type { ComplaintsService, ComplaintForClaim };
export type ReportAcceptedEvent = EventInput<typeof COMPLAINTS_REPORT_ACCEPTED>;
/** Outbox events other modules may subscribe to (declared in contracts/events.ts). */
export const REPORT_ACCEPTED = COMPLAINTS_REPORT_ACCEPTED;
export const MEDIATION_CONCLUDED = COMPLAINTS_MEDIATION_CONCLUDED;
export { CATEGORIES, mediationFailed } from './domain/rules.js';

/**
 * Consumer complaints and reports, the mediation network, six-step mediation and follow-up.
 * Composes the use cases (`use-cases/*.ts`) over one deps object (`deps.ts`).
 */
export function createComplaintsModule(p: Platform, deps: { registry: RegistryService }): XfModule & { api: ComplaintsService } {
  const d = complaintsDeps(p, deps.registry);
  const service = createComplaintsService(d);
  // A loaded or corrected holiday year moves the open mediation deadlines that depend on it.
  p.calendar.onChange('complaints', (tx, cal) => recomputeDeadlines(d, tx, cal));
  return {
    name: 'complaints',
    policy: complaintsPolicy,
    api: service,
    routes: complaintsRoutes(service, p.config.PUBLIC_RATE_LIMIT, p.config.PHONE_RATE_LIMIT),
    fieldMessages: COMPLAINT_FIELD_MESSAGES,
    // The respondent is told the outcome (art. 21), through the outbox so it is sent once the conclusion commits.
    handlers: [handlerOf(COMPLAINTS_MEDIATION_CONCLUDED, { name: 'complaints.notify-respondent', handle: (m) => notifyRespondent(d, m.payload) })],
    jobs: [{ name: 'complaints.mediation-deadline-alerts', intervalMs: 60 * 60_000, run: async () => void (await service.alertDeadlines()) }],
    seedDemo: (ctx) => seedComplaintsDemo(p, service, ctx),
  };
}
