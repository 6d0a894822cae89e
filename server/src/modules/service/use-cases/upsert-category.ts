import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { CategoryUpsertSchema } from '../../../../../contracts/service.js';
import { categoryLabel } from '../service.presenter.js';

/** Adds or edits a finding category (the categories are configurable). */
export async function upsertCategory(deps: ServiceDeps, actor: Actor, input: z.infer<typeof CategoryUpsertSchema>, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['experiencer.manage']);
  return deps.db.transaction().execute(async (tx) => {
    const c = await repo.upsertCategory(tx, { code: input.code, label_zh_cn: input.labelZhCn, label_zh_tw: input.labelZhTw, label_en: input.labelEn, active: input.active, sort: 100 });
    await deps.audit.record(tx, ctx, { action: 'service.category.upsert', entityType: 'service.finding_category', entityId: c.code, before: null, after: input });
    return { code: c.code, label: categoryLabel(c, c.code, locale), active: c.active };
  });
}
