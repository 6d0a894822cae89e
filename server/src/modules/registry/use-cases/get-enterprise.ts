import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { RegistryDeps } from '../deps.js';
import { registryPolicy as P } from '../registry.policy.js';
import { registryRepository as repo } from '../registry.repository.js';
import { presentEnterprise } from '../registry.presenter.js';
import { normalizeIdentifier } from '../domain/normalize.js';
import { readable } from '../registry.shared.js';

export async function getEnterprise(deps: RegistryDeps, actor: Actor, input: { code: string; locale: Locale }) {
  authorize(actor, P['enterprise.read']);
  return presentEnterprise(readable(actor, await repo.get(deps.db, normalizeIdentifier(input.code))), input.locale);
}
