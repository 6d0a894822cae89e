import type { TypedDbOrTx } from '../../../platform/db/database.js';
import type { RegistryDeps } from '../deps.js';
import { registryRepository as repo, toEnterprise } from '../registry.repository.js';
import { normalizeIdentifier } from '../domain/normalize.js';
import type { Enterprise } from '../domain/enterprise.js';

/**
 * For other modules: the enterprise with this credit code, read in the caller's transaction (or the
 * database), as the register's domain object; null when there is none. No actor check: the caller
 * has authorised.
 */
export async function findEnterprise(_deps: RegistryDeps, tx: TypedDbOrTx, input: { creditCode: string }): Promise<Enterprise | null> {
  const row = await repo.get(tx, normalizeIdentifier(input.creditCode));
  return row ? toEnterprise(row) : null;
}

/** For other modules: the enterprises with these credit codes (those that exist), in one read. */
export async function findEnterprises(_deps: RegistryDeps, tx: TypedDbOrTx, input: { creditCodes: string[] }): Promise<Enterprise[]> {
  const rows = await repo.getMany(tx, input.creditCodes.map(normalizeIdentifier));
  return rows.map(toEnterprise);
}
