import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { rectificationDays } from './record-rating.js';
import { getSettings } from './get-settings.js';

/** Sets the province's rectification period in working days (applies to bad reviews from now on). */
export async function updateSettings(deps: ServiceDeps, actor: Actor, input: { rectificationWorkingDays: number }, ctx: AuditContext) {
  authorize(actor, P['settings.manage']);
  await deps.db.transaction().execute(async (tx) => {
    const before = await rectificationDays({ db: tx });
    await repo.setSetting(tx, 'rectification_working_days', input.rectificationWorkingDays);
    await deps.audit.record(tx, ctx, { action: 'service.settings.update', entityType: 'service.setting', entityId: 'rectification_working_days', before: { value: before }, after: { value: input.rectificationWorkingDays } });
  });
  return getSettings(deps, actor);
}
