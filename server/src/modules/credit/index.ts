import type { Platform, XfModule } from '../../platform/module.js';
import { handlerOf } from '../../platform/outbox/outbox.js';
import { httpFetch } from '../../platform/http/client.js';
import { CREDIT_SYNC_QUEUED, ENFORCEMENT_PENALTY_PUBLISHED, ENFORCEMENT_PENALTY_WITHDRAWN } from '../../../../contracts/events.js';
import type { RegistryService } from '../registry/index.js';
import { creditPolicy } from './credit.policy.js';
import { createCreditService, type CreditService } from './credit.service.js';
import type { CreditDeps } from './deps.js';
import { creditRoutes } from './credit.routes.js';
import { seedCreditDemo } from './credit.demo.js';
import { RISK_RULE_SETS } from './domain/risk.js';
import { ingestPenalty } from './use-cases/ingest-penalty.js';
import { withdrawPenalty } from './use-cases/withdraw-penalty.js';
import { pushToSystem } from './use-cases/push-to-system.js';

export type { CreditService };

const HOUR = 3_600_000;

/**
 * Credit supervision (信用监管, practice 9 Jilin): credit records fed by enforcement's penalty events
 * and the annual-report job, online credit repair routed to the issuing office, both national
 * publicity systems through the outbox, internal risk classes for the inspections module.
 */
export function createCreditModule(p: Platform, deps: { registry: RegistryService; riskRuleSet?: string }): XfModule & { api: CreditService } {
  const d: CreditDeps = {
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    outbox: p.outbox,
    notifier: p.notifier,
    auth: p.auth,
    obligations: p.obligations,
    files: p.files,
    log: p.log,
    calendar: () => p.calendar.get(),
    http: httpFetch,
    registry: deps.registry,
    riskRules: RISK_RULE_SETS[deps.riskRuleSet ?? 'national-4-v1'],
  };
  const service = createCreditService(d);
  return {
    name: 'credit',
    policy: creditPolicy,
    api: service,
    routes: creditRoutes(service, p.config.PUBLIC_RATE_LIMIT),
    handlers: [
      handlerOf(ENFORCEMENT_PENALTY_PUBLISHED, { name: 'credit.ingest-penalty', handle: (m) => ingestPenalty(d, m.payload) }),
      handlerOf(ENFORCEMENT_PENALTY_WITHDRAWN, { name: 'credit.withdraw-penalty', handle: (m) => withdrawPenalty(d, m.payload) }),
      handlerOf(CREDIT_SYNC_QUEUED, { name: 'credit.push-to-system', maxAttempts: 6, handle: (m) => pushToSystem(d, m.payload) }),
    ],
    jobs: [
      { name: 'credit.expire-publicity', intervalMs: HOUR, run: async () => void (await service.expirePublicity()) },
      { name: 'credit.list-overdue-reports', intervalMs: 6 * HOUR, run: async () => void (await service.listOverdueReports()) },
      { name: 'credit.requeue-failed-syncs', intervalMs: 5 * 60_000, run: async () => void (await service.requeueFailedSyncs()) },
      { name: 'credit.monthly-risk-batch', intervalMs: HOUR, run: async () => void (await service.runRiskBatch()) },
    ],
    seedDemo: (ctx) => seedCreditDemo(p, service, ctx),
  };
}
