import type { Platform, XfModule } from '../../platform/module.js';
import { registryPolicy } from './registry.policy.js';
import { handlerOf } from '../../platform/outbox/outbox.js';
import { createRegistryService, REGISTRY_IMPORT, ENTERPRISE_CHANGED, ENTERPRISE_REGISTERED, type RegistryService } from './registry.service.js';
import { registryRoutes } from './registry.routes.js';
import { REGISTRY_FIELD_MESSAGES } from './domain/messages.js';
import { seedRegistryDemo } from './registry.demo.js';

export type { RegistryService };
export type { Enterprise } from './domain/enterprise.js';
export { ENTERPRISE_CHANGED, ENTERPRISE_REGISTERED };
export { validateCreditCode } from './domain/credit-code.js';
export { validateIdNumber, maskIdNumber, maskPhone, validateMobilePhone } from './domain/id-number.js';
export { searchKey } from './domain/chinese-text.js';
export { REGIONS, regionName, getRegion } from './domain/regions.js';
export { coversRegion, mayMoveRegion } from './domain/jurisdiction.js';

/** The enterprise register: every module refers to enterprises by credit code through this. */
export function createRegistryModule(p: Platform): XfModule & { api: RegistryService } {
  const service = createRegistryService(p);
  return {
    name: 'registry',
    policy: registryPolicy,
    api: service,
    routes: registryRoutes(service, p.config.PUBLIC_RATE_LIMIT),
    fieldMessages: REGISTRY_FIELD_MESSAGES,
    handlers: [
      handlerOf(REGISTRY_IMPORT, {
        name: 'registry.run-import',
        maxAttempts: 3,
        async handle(m) {
          await service.runImport(m.payload.jobId, m.payload.ctx);
        },
      }),
    ],
    seedDemo: (ctx) => seedRegistryDemo(p, ctx),
  };
}
