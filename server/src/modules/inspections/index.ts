import type { Platform, XfModule } from '../../platform/module.js';
import { handlerOf } from '../../platform/outbox/outbox.js';
import { CREDIT_RISK_CLASS_CHANGED } from '../../../../contracts/events.js';
import type { RegistryService } from '../registry/index.js';
import { inspectionsPolicy } from './inspections.policy.js';
import { inspectionsDeps } from './deps.js';
import { createInspectionsService, type InspectionsService } from './inspections.service.js';
import { inspectionsRoutes } from './inspections.routes.js';
import { recordRiskClass } from './use-cases/record-risk-class.js';
import { seedInspectionsDemo } from './inspections.demo.js';

export type { InspectionsService };
export { verifyBundle, computeDraw } from './domain/bundle.js';
export type { DrawBundle } from './domain/bundle.js';

/**
 * Double-random, one-public inspections (双随机、一公开) with joint visits by industry (一业一查,
 * Jiayuguan) and the public's order with published videos (点单, Shenyang): the list and the two
 * directories, plans and tasks, the verifiable draw, visits, results, proposals, videos, figures.
 */
export function createInspectionsModule(p: Platform, deps: { registry: RegistryService }): XfModule & { api: InspectionsService } {
  const d = inspectionsDeps(p, deps.registry);
  const service = createInspectionsService(d);
  return {
    name: 'inspections',
    policy: inspectionsPolicy,
    api: service,
    routes: inspectionsRoutes(service, p.config.PUBLIC_RATE_LIMIT, p.config.PHONE_RATE_LIMIT),
    handlers: [handlerOf(CREDIT_RISK_CLASS_CHANGED, { name: 'inspections.record-risk-class', handle: (m) => recordRiskClass(d, m.payload) })],
    seedDemo: (ctx) => seedInspectionsDemo(p, d, ctx),
  };
}
