import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { EnterpriseCreate } from '../../../../../contracts/registry.js';
import type { RegistryDeps } from '../deps.js';
import { registryRepository as repo, toEnterprise } from '../registry.repository.js';
import { normalizeIdentifier } from '../domain/normalize.js';
import type { Enterprise, EnterpriseStatus } from '../domain/enterprise.js';
import { applyUpdate } from '../registry.shared.js';

/**
 * For the registration-change workflow (exchange): applies registered-item changes inside the
 * caller's transaction. Locks and reads the enterprise once, lets `check` refuse it (the caller's own
 * rule, e.g. "only an active enterprise"), then the one state change (version, validation, write,
 * enterprise.changed, audit). `decider` is the registrar approving (null: approved automatically),
 * whose jurisdiction must cover both regions when the change moves the enterprise.
 */
export async function applyChange(
  deps: RegistryDeps,
  tx: TypedDbOrTx,
  input: { creditCode: string; items: Partial<EnterpriseCreate> & { version?: number; status?: EnterpriseStatus }; check?: (before: Enterprise) => void },
  ctx: AuditContext,
  decider: Actor | null,
): Promise<{ before: Enterprise; after: Enterprise }> {
  const before = await repo.getForUpdate(tx, normalizeIdentifier(input.creditCode));
  if (!before) throw new AppError('NOT_FOUND');
  input.check?.(toEnterprise(before));
  const row = await applyUpdate(deps, tx, { before, items: { ...input.items, version: input.items.version ?? before.version }, action: 'enterprise.change', by: decider, origin: 'change-request' }, ctx);
  return { before: toEnterprise(before), after: toEnterprise(row) };
}
