import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { presentChange } from '../exchange.presenter.js';
import { applyItems } from '../exchange.shared.js';
import { changedSourceFields, mappedChanges, registerView, type RegisterView } from '../domain/mapping.js';
import { diffItems } from '../domain/rules.js';

/**
 * One change with its deliveries, for the business that filed it or staff of its region, with each
 * changed register field old → new: as published when approved, the register now → filed when
 * pending (with the departments its approval would reach).
 */
export async function getChange(deps: ExchangeDeps, actor: Actor, input: { id: string }) {
  authorize(actor, P['change.read']);
  const c = await repo.getChange(deps.db, input.id);
  if (!c) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: c.region_code, creditCode: c.credit_code });
  const dto = presentChange(c, await repo.deliveriesOf(deps.db, input.id));
  const feed = c.feed_cursor === null ? undefined : await repo.feedOfChange(deps.db, c.id);
  if (feed) return { ...dto, values: valuesOf(feed.before, feed.snapshot) };
  const e = await deps.registry.findEnterprise(deps.db, String(c.credit_code));
  if (!e) return dto;
  const before = registerView(e);
  const { legalRepIdNumber: _id, ...items } = applyItems(deps, c.items);
  const after = registerView({ ...before, ...diffItems({ ...e }, items) });
  const values = valuesOf(before, after);
  if (c.status !== 'pending') return { ...dto, values };
  const concerned = [];
  for (const d of await repo.listDepartments(deps.db, true)) {
    const fields = mappedChanges(d.mapping, before, after);
    if (fields.length) concerned.push({ code: d.code, name: d.name, fields });
  }
  return { ...dto, values, concerned };
}

function valuesOf(before: RegisterView, after: RegisterView) {
  return changedSourceFields(before, after).map((field) => ({ field, before: before[field], after: after[field] }));
}
