import { AppError } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { RegistryDeps } from '../deps.js';
import { registryRepository as repo } from '../registry.repository.js';
import { presentPublic } from '../registry.presenter.js';
import { normalizeIdentifier } from '../domain/normalize.js';

/** One enterprise's public items (no sign-in). */
export async function publicGet(deps: RegistryDeps, input: { code: string; locale: Locale }) {
  const row = await repo.get(deps.db, normalizeIdentifier(input.code));
  if (!row) throw new AppError('NOT_FOUND');
  return presentPublic(row, input.locale);
}
