import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { presentDepartment } from '../exchange.presenter.js';

/** The linked departments and their mappings (secrets never leave the server). */
export async function listDepartments(deps: ExchangeDeps, actor: Actor, _input: Record<string, never> = {}) {
  authorize(actor, P['department.read']);
  return { items: (await repo.listDepartments(deps.db)).map(presentDepartment) };
}
