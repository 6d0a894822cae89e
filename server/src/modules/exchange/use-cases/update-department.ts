import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { DepartmentUpdate } from '../../../../../contracts/exchange.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo, type DepartmentChanges } from '../exchange.repository.js';
import { presentDepartment } from '../exchange.presenter.js';
import { checkEndpoint, checkMapping, loadDepartment } from '../exchange.shared.js';

export async function updateDepartment(deps: ExchangeDeps, actor: Actor, input: DepartmentUpdate & { id: string }, ctx: AuditContext) {
  authorize(actor, P['department.manage']);
  const { id } = input;
  const mapping = input.mapping === undefined ? undefined : checkMapping(input.mapping);
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadDepartment(deps, id, true, tx);
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const mode = input.deliveryMode ?? before.delivery_mode;
    checkEndpoint(mode, input.endpointUrl === undefined ? before.endpoint_url : input.endpointUrl);
    const changes: DepartmentChanges = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.deliveryMode !== undefined) changes.delivery_mode = input.deliveryMode;
    if (input.format !== undefined) changes.format = input.format;
    if (input.endpointUrl !== undefined) changes.endpoint_url = input.endpointUrl;
    if (input.timeoutMs !== undefined) changes.timeout_ms = input.timeoutMs;
    if (input.enabled !== undefined) changes.enabled = input.enabled;
    if (mapping) changes.mapping = mapping;
    const row = await repo.updateDepartment(tx, id, before.version, changes, deps.clock.now());
    if (!row) throw new AppError('VERSION_CONFLICT');
    await deps.audit.record(tx, ctx, { action: 'exchange.department-update', entityType: 'exchange_department', entityId: id, before: presentDepartment(before), after: presentDepartment(row) });
    deps.caches.departments.delete(id);
    return presentDepartment(row);
  });
}
