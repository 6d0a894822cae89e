import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { presentDepartment } from '../exchange.presenter.js';
import { loadDepartment } from '../exchange.shared.js';

export async function getDepartment(deps: ExchangeDeps, actor: Actor, input: { id: string }) {
  authorize(actor, P['department.read']);
  return presentDepartment(await loadDepartment(deps, input.id));
}
