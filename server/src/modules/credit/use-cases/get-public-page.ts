import type { Locale } from '../../../platform/i18n/i18n.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { creditRepository as repo } from '../credit.repository.js';
import { presentPublicRecord } from '../credit.presenter.js';
import type { CreditDeps } from '../deps.js';

/** The public credit page of one enterprise: only records published now (never repaired, expired or withdrawn ones, never the risk class). */
export async function getPublicPage(deps: CreditDeps, input: { creditCode: string }, locale: Locale) {
  const e = await deps.registry.findByCode(input.creditCode);
  if (!e) throw new AppError('NOT_FOUND');
  const today = deps.clock.today();
  const rows = (await repo.recordsOf(deps.db, [e.creditCode], { publishedOnly: true })).filter((r) => r.published_on <= today && r.ends_on > today);
  return { creditCode: e.creditCode, name: e.name, records: rows.map((r) => presentPublicRecord(r, locale)) };
}
