import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { RegistryDeps } from '../deps.js';
import { registryPolicy as P } from '../registry.policy.js';
import { registryRepository as repo } from '../registry.repository.js';
import { normalizeIdentifier } from '../domain/normalize.js';
import { readable } from '../registry.shared.js';

/** The legal representative's full ID number: only for registrars, and the view is audited. */
export async function revealLegalRepId(deps: RegistryDeps, actor: Actor, input: { code: string }, ctx: AuditContext) {
  authorize(actor, P['enterprise.read-personal']);
  const row = readable(actor, await repo.get(deps.db, normalizeIdentifier(input.code)));
  await deps.db.transaction().execute((tx) =>
    deps.audit.record(tx, ctx, { action: 'enterprise.view-personal-data', entityType: 'enterprise', entityId: row.credit_code, after: { field: 'legalRepIdNumber' } }),
  );
  return { idNumber: row.legal_rep_id_enc ? deps.crypto.decrypt(row.legal_rep_id_enc) : null };
}
