import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { ItemCreateSchema } from '../../../../../contracts/service.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { presentItem } from '../service.presenter.js';

/** Declares a "one thing" service item with its departments, statutory and committed limits. */
export async function createItem(deps: ServiceDeps, actor: Actor, input: z.infer<typeof ItemCreateSchema>, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['item.manage']);
  return deps.db.transaction().execute(async (tx) => {
    const exists = (await repo.listItems(tx, null)).some((i) => i.code === input.code);
    if (exists) throw new AppError('DUPLICATE');
    const row = await repo.insertItem(tx, { code: input.code, name: input.name, departments: input.departments, statutory_days: input.statutoryDays, committed_days: input.committedDays, region_code: input.regionCode });
    await deps.audit.record(tx, ctx, { action: 'service.item.create', entityType: 'service.item', entityId: row.id, before: null, after: input });
    return presentItem(row, undefined, 'no_findings', locale);
  });
}
