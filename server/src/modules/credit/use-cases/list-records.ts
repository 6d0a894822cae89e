import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { creditRepository as repo } from '../credit.repository.js';
import { creditPolicy as P } from '../credit.policy.js';
import { presentRecord } from '../credit.presenter.js';
import type { CreditDeps } from '../deps.js';

/** Records: a business sees its own enterprises' records; staff those of their jurisdiction. */
export async function listRecords(deps: CreditDeps, actor: Actor, q: { kind?: string; status?: string }, locale: Locale) {
  const rows =
    actor.kind === 'business'
      ? await repo.recordsOf(deps.db, actor.enterprises)
      : (authorize(actor, P['record.read']), await repo.listRecords(deps.db, { region: jurisdictionPrefix(actor), kind: q.kind, status: q.status, limit: 200 }));
  const syncs = await repo.syncsOf(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => presentRecord(r, syncs, locale)) };
}
