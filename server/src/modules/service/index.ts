import type { Platform, XfModule } from '../../platform/module.js';
import { servicePolicy } from './service.policy.js';
import { serviceDeps } from './deps.js';
import { createServiceService, type ServiceService } from './service.service.js';
import { serviceRoutes } from './service.routes.js';
import { seedServiceDemo } from './service.demo.js';

export type { ServiceService };

/**
 * Service experience (换位体验, Leshan) and the directors' clinic (坐诊接诉, Yunnan): "one thing"
 * items, experiencers, the closed loop, 好差评 ratings (for any handled matter, keyed by module + id —
 * e.g. exchange registration changes) and the clinic. Promised dates are platform obligations,
 * alerted and escalated by the platform's obligation job.
 */
export function createServiceModule(p: Platform): XfModule & { api: ServiceService } {
  const deps = serviceDeps(p);
  const service = createServiceService(deps);
  return {
    name: 'service',
    policy: servicePolicy,
    api: service,
    routes: serviceRoutes(service),
    seedDemo: (ctx) => seedServiceDemo(p, deps, ctx),
  };
}
