import type { Platform, XfModule } from '../../platform/module.js';
import { insurancePolicy } from './insurance.policy.js';
import type { ComplaintsService } from '../complaints/index.js';
import { createInsuranceService, type InsuranceService } from './insurance.service.js';
import { insuranceDeps } from './deps.js';
import { insuranceRoutes } from './insurance.routes.js';
import { seedInsuranceDemo } from './insurance.demo.js';

export type { InsuranceService };

/**
 * Assured-consumption insurance (放心消费险): policies, claims from failed mediations, payouts.
 * Composes the use cases (`use-cases/*.ts`) over one deps object (`deps.ts`).
 */
export function createInsuranceModule(p: Platform, deps: { complaints: ComplaintsService }): XfModule & { api: InsuranceService } {
  const service = createInsuranceService(insuranceDeps(p, deps.complaints));
  return {
    name: 'insurance',
    policy: insurancePolicy,
    api: service,
    routes: insuranceRoutes(service, p.config.PUBLIC_RATE_LIMIT),
    seedDemo: (ctx) => seedInsuranceDemo(p, service, ctx),
  };
}
