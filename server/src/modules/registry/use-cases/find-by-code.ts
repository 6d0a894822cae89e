import type { RegistryDeps } from '../deps.js';
import { registryRepository as repo } from '../registry.repository.js';
import { presentEnterprise } from '../registry.presenter.js';
import { normalizeIdentifier } from '../domain/normalize.js';

/**
 * For other modules (complaints, enforcement): the enterprise's API view, or null. No actor check:
 * the caller has authorised. New callers use `findEnterprise` (caller's transaction, domain object).
 */
export async function findByCode(deps: RegistryDeps, input: { creditCode: string }) {
  const row = await repo.get(deps.db, normalizeIdentifier(input.creditCode));
  return row ? presentEnterprise(row) : null;
}
