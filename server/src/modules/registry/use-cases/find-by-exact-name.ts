import type { RegistryDeps } from '../deps.js';
import { registryRepository as repo } from '../registry.repository.js';
import { presentEnterprise } from '../registry.presenter.js';
import { searchKey } from '../domain/chinese-text.js';

/**
 * For other modules: the one enterprise whose name equals `name` (Simplified and Traditional
 * folded), or null when there is none or more than one. For matching a name given by a consumer.
 */
export async function findByExactName(deps: RegistryDeps, input: { name: string }) {
  const key = searchKey(input.name);
  if (!key) return null;
  const rows = await repo.byNameKey(deps.db, key, 2);
  return rows.length === 1 ? presentEnterprise(rows[0]) : null;
}
