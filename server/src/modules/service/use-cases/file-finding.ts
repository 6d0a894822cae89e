import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { FindingCreateSchema } from '../../../../../contracts/service.js';
import { experiencerOf, found, ruleError } from './shared.js';
import { listFindings } from './list-findings.js';

/** An experiencer files a finding on a service item, classified in an active category. */
export async function fileFinding(deps: ServiceDeps, actor: Actor, input: z.infer<typeof FindingCreateSchema>, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['experience.take-part']);
  const id = await deps.db.transaction().execute(async (tx) => {
    const me = await experiencerOf(tx, actor);
    found(await repo.getItem(tx, input.itemId));
    const cat = (await repo.listCategories(tx)).find((c) => c.code === input.category && c.active);
    if (!cat) throw ruleError('unknownCategory');
    if (input.sessionId) found(await repo.getExperienceSession(tx, input.sessionId));
    const f = await repo.insertFinding(tx, { item_id: input.itemId, session_id: input.sessionId ?? null, experiencer_id: me.id, category: input.category, description: input.description, created_on: deps.clock.today() });
    await deps.audit.record(tx, ctx, { action: 'service.finding.file', entityType: 'service.finding', entityId: f.id, before: null, after: input });
    return f.id;
  });
  return found((await listFindings(deps, actor, { itemId: input.itemId }, locale, { own: true })).find((f) => f.id === id));
}
