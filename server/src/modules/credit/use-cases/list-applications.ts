import type { Actor } from '../../../platform/auth/roles.js';
import { can, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { creditRepository as repo } from '../credit.repository.js';
import { creditPolicy as P } from '../credit.policy.js';
import { presentApplication } from '../credit.presenter.js';
import type { CreditDeps } from '../deps.js';
import { applicationView, readableApplication } from './shared.js';

/** The business's own applications, or the office's queue (staff of the deciding office's jurisdiction). */
export async function listApplications(deps: CreditDeps, actor: Actor, q: { status?: string }, locale: Locale) {
  let rows;
  if (actor.kind === 'business') rows = await repo.listApplications(deps.db, { creditCodes: actor.enterprises, status: q.status, limit: 200 });
  else {
    if (!can(actor, P['repair.read']) && !can(actor, P['repair.decide'])) throw new AppError('FORBIDDEN');
    rows = await repo.listApplications(deps.db, { region: jurisdictionPrefix(actor), status: q.status, limit: 200 });
  }
  const records = new Map<string, NonNullable<Awaited<ReturnType<typeof repo.getRecord>>>>();
  for (const a of rows) {
    if (!records.has(a.record_id)) {
      const r = await repo.getRecord(deps.db, a.record_id);
      if (r) records.set(r.id, r);
    }
  }
  const syncs = await repo.syncsOf(deps.db, [...records.keys()]);
  return { items: rows.flatMap((a) => (records.get(a.record_id) ? [presentApplication(a, records.get(a.record_id)!, syncs, locale)] : [])) };
}

export async function getApplication(deps: CreditDeps, actor: Actor, input: { id: string }, locale: Locale) {
  readableApplication(actor, await repo.getApplication(deps.db, input.id));
  return applicationView(deps, input.id, locale);
}
