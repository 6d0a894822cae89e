import type { Platform, XfModule } from '../../platform/module.js';
import { exchangePolicy } from './exchange.policy.js';
import { handlerOf } from '../../platform/outbox/outbox.js';
import type { RegistryService } from '../registry/index.js';
import { createExchangeService, DELIVERY_HANDLER, DELIVERY_TOPIC, type ExchangeService } from './exchange.service.js';
import { exchangeRoutes } from './exchange.routes.js';
import { MAPPING_MESSAGES } from './domain/mapping.js';
import { seedExchangeDemo } from './exchange.demo.js';
import { ENTERPRISE_CHANGED, ENTERPRISE_REGISTERED, REGISTRY_ENTERPRISES_IMPORTED } from '../../../../contracts/events.js';

export type { ExchangeService };
export { DELIVERY_TOPIC };

/**
 * Enterprise information exchange ("automatic change"): one registration change, approved once,
 * reaches every linked department through the feed and signed deliveries; the business is told once.
 */
export function createExchangeModule(p: Platform, registry: RegistryService): XfModule & { api: ExchangeService } {
  const service = createExchangeService(p, registry);
  const maxAttempts = p.config.OUTBOX_MAX_ATTEMPTS;
  return {
    name: 'exchange',
    policy: exchangePolicy,
    api: service,
    routes: exchangeRoutes(service),
    fieldMessages: MAPPING_MESSAGES,
    handlers: [
      handlerOf(DELIVERY_TOPIC, { name: DELIVERY_HANDLER, maxAttempts, handle: (m) => service.deliver(m, maxAttempts) }),
      // One pipeline: every change of the register, whatever its origin, reaches the departments.
      handlerOf(ENTERPRISE_CHANGED, { name: 'exchange.share-register-change', maxAttempts, handle: async (m) => void (await service.shareEnterpriseChanged(m.eventId, m.payload)) }),
      handlerOf(ENTERPRISE_REGISTERED, { name: 'exchange.share-registration', maxAttempts, handle: async (m) => void (await service.shareEnterpriseRegistered(m.eventId, m.payload)) }),
      handlerOf(REGISTRY_ENTERPRISES_IMPORTED, { name: 'exchange.share-import-batch', maxAttempts, handle: async (m) => void (await service.shareEnterprisesImported(m.eventId, m.payload)) }),
    ],
    jobs: [{ name: 'exchange.notify-overdue', intervalMs: 60_000, run: async () => void (await service.notifyOverdue()) }],
    seedDemo: (ctx) => seedExchangeDemo(p, service, ctx),
  };
}
