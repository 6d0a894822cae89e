import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { fieldError } from '../domain/messages.js';
import { enforcementRepository as repo, type CaseRow } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps } from '../deps.js';
import { caseView } from './case-view.js';
import { actorName, insertLead, refuseBackdating, regionAllowed } from './shared.js';

export interface CreateLeadInput {
  source: CaseRow['source'];
  sourceRef?: string;
  creditCode?: string;
  partyName?: string;
  partyKind: CaseRow['party_kind'];
  regionCode?: string;
  summary: string;
  occurredAt?: string;
}

/** Records a lead (线索): the party from the register when a credit code is given. */
export async function createLead(deps: EnforcementDeps, actor: Actor, input: CreateLeadInput, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['lead.create']);
  await refuseBackdating(deps, actor, ctx, null, 'lead.create', input.occurredAt);
  let region = input.regionCode;
  let partyName = input.partyName;
  let creditCode: string | null = null;
  if (input.creditCode) {
    const e = await deps.registry.findByCode(input.creditCode);
    if (!e) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('creditCode', 'NOT_FOUND')] });
    region = e.regionCode;
    partyName = partyName ?? e.name;
    creditCode = e.creditCode;
  }
  if (!region || !partyName) {
    const missing = [...(!region ? ['regionCode'] : []), ...(!partyName ? ['partyName'] : [])];
    throw new AppError('VALIDATION_FAILED', { fields: missing.map((path) => fieldError(path, 'required')) });
  }
  regionAllowed(actor, region);
  const row = await deps.db.transaction().execute(async (tx) => {
    const created = await insertLead(deps, tx, { source: input.source, source_ref: input.sourceRef ?? null, region_code: region, credit_code: creditCode, party_name: partyName, party_kind: input.partyKind, summary: input.summary, created_by: actor.id });
    await repo.insertStep(tx, { case_id: created.id, kind: 'lead', recorded_at: deps.clock.now(), actor_id: actor.id, actor_name: actorName(actor), data: { source: input.source } });
    await deps.audit.record(tx, ctx, { action: 'enforcement.lead.create', entityType: 'enforcement_case', entityId: created.id, after: { caseNo: created.case_no, source: input.source, regionCode: region } });
    return created;
  });
  return caseView(deps, row, locale);
}
