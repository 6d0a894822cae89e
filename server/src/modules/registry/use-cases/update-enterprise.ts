import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { EnterpriseCreate } from '../../../../../contracts/registry.js';
import type { RegistryDeps } from '../deps.js';
import { registryPolicy as P } from '../registry.policy.js';
import { registryRepository as repo } from '../registry.repository.js';
import { presentEnterprise } from '../registry.presenter.js';
import { normalizeIdentifier } from '../domain/normalize.js';
import type { EnterpriseStatus } from '../domain/enterprise.js';
import { applyUpdate, readable } from '../registry.shared.js';

/** A registrar corrects an enterprise's registered items (version-checked, audited, enterprise.changed). */
export async function updateEnterprise(
  deps: RegistryDeps,
  actor: Actor,
  input: { code: string; items: Partial<EnterpriseCreate> & { version: number; status?: EnterpriseStatus }; locale: Locale },
  ctx: AuditContext,
) {
  authorize(actor, P['enterprise.update']);
  const code = normalizeIdentifier(input.code);
  return deps.db.transaction().execute(async (tx) => {
    const before = readable(actor, await repo.getForUpdate(tx, code));
    const row = await applyUpdate(deps, tx, { before, items: input.items, action: 'enterprise.update', by: actor, origin: 'correction' }, ctx);
    return presentEnterprise(row, input.locale);
  });
}
