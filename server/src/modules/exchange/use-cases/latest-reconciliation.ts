import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';

export async function latestReconciliation(deps: ExchangeDeps, actor: Actor, _input: Record<string, never> = {}) {
  authorize(actor, P['monitor.read']);
  const r = await repo.latestReconciliation(deps.db);
  if (!r) throw new AppError('NOT_FOUND');
  return { id: r.id, at: new Date(r.at).toISOString(), checked: Number(r.checked), drifts: r.drifts };
}
