import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ChangeItems } from '../../../../../contracts/exchange.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { mappedChanges, changedSourceFields, registerView } from '../domain/mapping.js';
import { diffItems } from '../domain/rules.js';

/** Which register fields a change would alter and which departments would receive it. */
export async function previewChange(deps: ExchangeDeps, actor: Actor, input: { creditCode: string; items: ChangeItems }) {
  authorize(actor, P['change.preview']);
  const e = await deps.registry.findEnterprise(deps.db, input.creditCode.trim().toUpperCase());
  if (!e) throw new AppError('NOT_FOUND');
  assertInScope(actor, { creditCode: e.creditCode, regionCode: e.regionCode });
  const before = registerView(e);
  const after = registerView({ ...before, ...diffItems({ ...e }, input.items) });
  const departments = [];
  for (const d of await repo.listDepartments(deps.db, true)) {
    const fields = mappedChanges(d.mapping, before, after);
    if (fields.length) departments.push({ id: d.id, code: d.code, name: d.name, channel: d.delivery_mode, fields });
  }
  return { creditCode: e.creditCode, changedFields: changedSourceFields(before, after), departments };
}
