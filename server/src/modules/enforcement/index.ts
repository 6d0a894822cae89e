import type { Platform, XfModule } from '../../platform/module.js';
import { enforcementPolicy } from './enforcement.policy.js';
import type { RegistryService } from '../registry/index.js';
import { handlerOf } from '../../platform/outbox/outbox.js';
import { COMPLAINTS_REPORT_ACCEPTED } from '../../../../contracts/events.js';
import { createEnforcementService, DECISION_MADE, PENALTY_PUBLISHED, PENALTY_WITHDRAWN, type EnforcementService } from './enforcement.service.js';
import { createDocumentIssuer } from './enforcement.documents.js';
import { enforcementRoutes } from './enforcement.routes.js';
import { seedEnforcementDemo } from './enforcement.demo.js';

export type { EnforcementService };
/** Events for the credit module: see the payloads in enforcement.service.ts (decide, publish, revoke, onTheSpot). */
export { DECISION_MADE, PENALTY_PUBLISHED, PENALTY_WITHDRAWN };
export { proposeOutcome, compileRuleSet } from './domain/discretion.js';
export { NATIONAL_RULE_SET, RULE_SETS, ruleSetForRegion } from './domain/rule-sets.js';

/** Service-oriented enforcement: penalty cases, lenient rules, documents, publicity, follow-ups, warnings and interviews. */
export function createEnforcementModule(p: Platform, deps: { registry: RegistryService }): XfModule & { api: EnforcementService } {
  const service = createEnforcementService(p, { registry: deps.registry, docs: createDocumentIssuer(p) });
  return {
    name: 'enforcement',
    policy: enforcementPolicy,
    api: service,
    routes: enforcementRoutes(service, p.config.PUBLIC_RATE_LIMIT),
    handlers: [
      handlerOf(COMPLAINTS_REPORT_ACCEPTED, {
        name: 'enforcement.lead-from-report',
        async handle(m) {
          await service.leadFromReport(m.eventId, m.payload);
        },
      }),
    ],
    seedDemo: (ctx) => seedEnforcementDemo(p, ctx, deps.registry, service),
  };
}
