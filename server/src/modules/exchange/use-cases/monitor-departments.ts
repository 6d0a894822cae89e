import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';

/** Per department: delivered, backlog, lag of the oldest waiting delivery, failure rate. */
export async function monitorDepartments(deps: ExchangeDeps, actor: Actor, _input: Record<string, never> = {}) {
  authorize(actor, P['monitor.read']);
  const stats = new Map((await repo.departmentStats(deps.db, jurisdictionPrefix(actor))).map((s) => [String(s.department_id), s]));
  const now = deps.clock.now().getTime();
  return {
    items: (await repo.listDepartments(deps.db)).map((d) => {
      const s = stats.get(d.id);
      const attempts = Number(s?.attempts ?? 0);
      const failed = Number(s?.failed ?? 0);
      return {
        id: d.id,
        code: d.code,
        name: d.name,
        enabled: d.enabled,
        deliveryMode: d.delivery_mode,
        delivered: Number(s?.delivered ?? 0),
        backlog: Number(s?.backlog ?? 0),
        lagSeconds: s?.oldest ? Math.max(0, Math.round((now - new Date(s.oldest).getTime()) / 1000)) : 0,
        failed,
        attempts,
        failureRate: attempts ? Math.round((failed / attempts) * 1000) / 1000 : 0,
      };
    }),
  };
}
