import type { Platform, XfModule } from '../../platform/module.js';
import { enforcementPolicy } from './enforcement.policy.js';
import type { RegistryService } from '../registry/index.js';
import { handlerOf } from '../../platform/outbox/outbox.js';
import {
  COMPLAINTS_REPORT_ACCEPTED,
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
  // A loaded or corrected holiday year moves the open decision and publicity deadlines that depend on it.
  p.calendar.onChange(
    'enforcement',
    caseDeadlineRecompute({ notify: async (tx, accountId, title, body, link) => void (await p.notifier.notify(tx, { accountId, title, body, link })) }),
  );
  return {
    name: 'enforcement',
    policy: enforcementPolicy,
    api: service,
    routes: enforcementRoutes(service, p.config.PUBLIC_RATE_LIMIT),
    handlers: [
      handlerOf(COMPLAINTS_REPORT_ACCEPTED, {
        name: 'enforcement.lead-from-report',
        handle: (m) => leadFromReport(deps, { eventId: m.eventId, payload: m.payload }),
      }),
      // Issue 11: a credit repair ends the publication early (Order 45 art. 14).
      handlerOf(CREDIT_PENALTY_REPAIRED, {
        name: 'enforcement.end-publicity-on-repair',
        handle: (m) => service.endPublicityOnRepair({ caseId: m.payload.caseId, repairedOn: m.payload.repairedOn, applicationId: m.payload.applicationId }),
      }),
    ],
    // Issue 11: publications past their period leave the public site (Order 45 art. 13).
    jobs: [{ name: 'enforcement.end-expired-publicity', intervalMs: 60 * 60_000, run: async () => void (await service.endExpiredPublicity()) }],
    seedDemo: (ctx) => seedEnforcementDemo(p, ctx, registry.registry, service),
  };
}
