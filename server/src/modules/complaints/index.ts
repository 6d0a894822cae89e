import type { Platform, XfModule } from '../../platform/module.js';
import { complaintsPolicy } from './complaints.policy.js';
import type { RegistryService } from '../registry/index.js';
import { createComplaintsService, REPORT_ACCEPTED, MEDIATION_CONCLUDED, type ComplaintsService, type ComplaintForClaim, type ReportAcceptedEvent } from './complaints.service.js';
import { complaintsRoutes } from './complaints.routes.js';
import { COMPLAINT_FIELD_MESSAGES } from './domain/rules.js';
import { seedComplaintsDemo } from './complaints.demo.js';

export type { ComplaintsService, ComplaintForClaim, ReportAcceptedEvent };
/** Outbox topics other modules may subscribe to. */
export { REPORT_ACCEPTED, MEDIATION_CONCLUDED };
export { CATEGORIES, mediationFailed } from './domain/rules.js';

/** Consumer complaints and reports, the mediation network, six-step mediation and follow-up. */
export function createComplaintsModule(p: Platform, deps: { registry: RegistryService }): XfModule & { api: ComplaintsService } {
  const service = createComplaintsService(p, deps);
  return {
    name: 'complaints',
    policy: complaintsPolicy,
    api: service,
    routes: complaintsRoutes(service, p.config.PUBLIC_RATE_LIMIT, p.config.PHONE_RATE_LIMIT),
    fieldMessages: COMPLAINT_FIELD_MESSAGES,
    jobs: [{ name: 'complaints.mediation-deadline-alerts', intervalMs: 60 * 60_000, run: async () => void (await service.alertDeadlines()) }],
    seedDemo: (ctx) => seedComplaintsDemo(p, service, ctx),
  };
}
