import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { EnterpriseCreate } from '../../../../../contracts/registry.js';
import { ENTERPRISE_REGISTERED } from '../../../../../contracts/events.js';
import type { RegistryDeps } from '../deps.js';
import { registryPolicy as P } from '../registry.policy.js';
import { registryRepository as repo } from '../registry.repository.js';
import { presentEnterprise } from '../registry.presenter.js';
import { validateEnterprise } from '../domain/enterprise.js';
import { auditView, snapshotOf, toValues } from '../registry.shared.js';

/** A registrar registers an enterprise in their jurisdiction; enterprise.registered is published. */
export async function createEnterprise(deps: RegistryDeps, actor: Actor, input: EnterpriseCreate & { locale: Locale }, ctx: AuditContext) {
  authorize(actor, P['enterprise.create']);
  const { locale, ...items } = input;
  const { errors } = validateEnterprise(items, deps.clock.today());
  if (errors.length) throw new AppError('VALIDATION_FAILED', { fields: errors });
  const values = toValues(deps, items);
  const own = jurisdictionPrefix(actor);
  if (own && !values.region_code.startsWith(own)) throw new AppError('FORBIDDEN');
  return deps.db.transaction().execute(async (tx) => {
    if (await repo.exists(tx, values.credit_code)) throw new AppError('DUPLICATE', { fields: [{ path: 'creditCode', code: 'DUPLICATE' }] });
    await repo.insert(tx, values);
    const row = await repo.get(tx, values.credit_code);
    if (!row) throw new AppError('NOT_FOUND');
    const dto = presentEnterprise(row, locale);
    await deps.outbox.append(tx, ENTERPRISE_REGISTERED, { creditCode: dto.creditCode, regionCode: dto.regionCode, after: snapshotOf(row), actorId: actor.id }, { orderingKey: dto.creditCode });
    await deps.audit.record(tx, ctx, { action: 'enterprise.create', entityType: 'enterprise', entityId: dto.creditCode, after: auditView(row) });
    return dto;
  });
}
