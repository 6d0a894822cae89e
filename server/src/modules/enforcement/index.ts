import type { Platform, XfModule } from '../../platform/module.js';
import { enforcementPolicy } from './enforcement.policy.js';
import type { RegistryService } from '../registry/index.js';
import { handlerOf } from '../../platform/outbox/outbox.js';
import {
  COMPLAINTS_REPORT_ACCEPTED,
  INSPECTIONS_FINDING_RECORDED,
  CREDIT_PENALTY_REPAIRED,
  ENFORCEMENT_DECISION_MADE as DECISION_MADE,
  ENFORCEMENT_PENALTY_PUBLISHED as PENALTY_PUBLISHED,
  ENFORCEMENT_PENALTY_WITHDRAWN as PENALTY_WITHDRAWN,
} from '../../../../contracts/events.js';
import { enforcementDeps } from './deps.js';
import { createEnforcementService, type EnforcementService } from './enforcement.service.js';
import { createDocumentIssuer } from './enforcement.documents.js';
import { enforcementRoutes } from './enforcement.routes.js';
import { seedEnforcementDemo } from './enforcement.demo.js';
import { caseDeadlineRecompute } from './use-cases/recompute-deadlines.js';
import { leadFromReport } from './use-cases/lead-from-report.js';
import { COMPLAINTS_COMPLAINT_FILED } from '../../../../contracts/events.js';
import { createWarningsService } from './warnings.service.js';
import { warningsRoutes } from './warnings.routes.js';
import { rulebookRoutes } from './rulebook.routes.js';
import { seedWarningsDemo } from './warnings.demo.js';
import { recordComplaintSignal } from './use-cases/record-complaint-signal.js';
import type { WarningDeps } from './use-cases/issue-warning.js';
import { leadFromInspection } from './use-cases/lead-from-inspection.js';

export type { EnforcementService };
/** Events for the credit module (declared in contracts/events.ts): emitted by make-decision, impose-on-the-spot, publish-decision, revoke-decision. */
export { DECISION_MADE, PENALTY_PUBLISHED, PENALTY_WITHDRAWN };
export { proposeOutcome, compileRuleSet } from './domain/discretion.js';
export { NATIONAL_RULE_SET, RULE_SETS, ruleSetForRegion } from './domain/rule-sets.js';

/**
 * Service-oriented enforcement: penalty cases, lenient rules, documents, publicity, follow-ups,
 * warnings and interviews. The composition of the module: its dependencies (deps.ts), the use cases
 * (use-cases/, bound in enforcement.service.ts), routes, the outbox consumer and the calendar hook.
 */
export function createEnforcementModule(p: Platform, registry: { registry: RegistryService }): XfModule & { api: EnforcementService } {
  const deps = enforcementDeps(p, registry.registry, createDocumentIssuer(p));
  const service = createEnforcementService(deps);
  // Early warnings (issue 11): the module's deps plus crypto (the business accounts' phones for the SMS).
  const warnDeps: WarningDeps = Object.assign(Object.create(deps) as typeof deps, { crypto: p.crypto });
  const warnings = createWarningsService(warnDeps);
  // A loaded or corrected holiday year moves the open decision and publicity deadlines that depend on it.
  p.calendar.onChange(
    'enforcement',
    caseDeadlineRecompute({ notify: async (tx, accountId, title, body, link) => void (await p.notifier.notify(tx, { accountId, title, body, link })) }),
  );
  return {
    name: 'enforcement',
    policy: enforcementPolicy,
    api: service,
    routes: async (app) => {
      await enforcementRoutes(service, p.config.PUBLIC_RATE_LIMIT)(app);
      await warningsRoutes(warnings)(app);
      await rulebookRoutes(deps)(app);
    },
    handlers: [
      handlerOf(COMPLAINTS_REPORT_ACCEPTED, {
        name: 'enforcement.lead-from-report',
        handle: (m) => leadFromReport(deps, { eventId: m.eventId, payload: m.payload }),
      }),
      handlerOf(COMPLAINTS_COMPLAINT_FILED, {
        name: 'enforcement.complaint-signal',
        handle: (m) => recordComplaintSignal(deps, { eventId: m.eventId, payload: m.payload }),
      }),
      handlerOf(INSPECTIONS_FINDING_RECORDED, { name: 'enforcement.lead-from-inspection', handle: (m) => leadFromInspection(deps, { eventId: m.eventId, payload: m.payload }) }),
      // Issue 11: a credit repair ends the publication early (Order 45 art. 14).
      handlerOf(CREDIT_PENALTY_REPAIRED, {
        name: 'enforcement.end-publicity-on-repair',
        handle: (m) => service.endPublicityOnRepair({ caseId: m.payload.caseId, repairedOn: m.payload.repairedOn, applicationId: m.payload.applicationId }),
      }),
    ],
    jobs: [
      { name: 'enforcement.recompute-signals', intervalMs: 24 * 60 * 60_000, run: async () => void (await warnings.recomputeAll()) },
      // Issue 11: publications past their period leave the public site (Order 45 art. 13).
      { name: 'enforcement.end-expired-publicity', intervalMs: 60 * 60_000, run: async () => void (await service.endExpiredPublicity()) },
    ],
    seedDemo: async (ctx) => {
      await seedEnforcementDemo(p, ctx, registry.registry, service);
      await seedWarningsDemo(p, deps);
    },
  };
}
