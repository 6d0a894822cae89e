import type { Platform, XfModule } from '../platform/module.js';
import { createRegistryModule } from '../modules/registry/index.js';
import { createEnforcementModule } from '../modules/enforcement/index.js';
import { createComplaintsModule } from '../modules/complaints/index.js';
import { createInsuranceModule } from '../modules/insurance/index.js';
import { createExchangeModule } from '../modules/exchange/index.js';
import { createCreditModule } from '../modules/credit/index.js';
import { createServiceModule } from '../modules/service/index.js';
import { createInspectionsModule } from '../modules/inspections/index.js';

/**
 * Every module of the product, in dependency order. Add a module here (one line) and it gets its
 * routes, outbox handlers, field messages, jobs and demo data wired in by `build.ts`.
 */
export function createModules(p: Platform): XfModule[] {
  const registry = createRegistryModule(p);
  const complaints = createComplaintsModule(p, { registry: registry.api });
  const insurance = createInsuranceModule(p, { complaints: complaints.api });
  return [
    registry,
    complaints,
    insurance,
    createExchangeModule(p, registry.api),
    createEnforcementModule(p, { registry: registry.api }),
    createCreditModule(p, { registry: registry.api }),
    createServiceModule(p),
    createInspectionsModule(p, { registry: registry.api }),
  ];
}
