import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { complaintsRepository as repo } from '../complaints.repository.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import { STEP_LABELS, type MediationStep } from '../domain/rules.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, assertMediator, complaintDetail, readable, requireNotPaused, requireStatus } from './shared.js';

export interface RecordStepInput {
  id: string;
  /** One of the six steps 听辨劝借让和. */
  step: MediationStep;
  mode: 'on_site' | 'remote';
  note: string;
  /** Third parties brought in (借: industry association, experts…). */
  thirdParties?: string[];
}

/** One of the six steps 听辨劝借让和, recorded by the assigned mediator (no version: steps only add). */
export async function recordStep(deps: ComplaintsDeps, actor: Actor, input: RecordStepInput, ctx: AuditContext) {
  authorize(actor, P['complaint.mediate']);
  await deps.db.transaction().execute(async (tx) => {
    const row = readable(actor, await repo.getForUpdate(tx, input.id));
    assertMediator(actor, row);
    requireStatus(row, 'mediating');
    requireNotPaused(row);
    await addTimelineEntry(deps, tx, row.id, 'step', actor, input.note, { step: input.step, mode: input.mode, data: input.thirdParties?.length ? { thirdParties: input.thirdParties } : null });
    await deps.audit.record(tx, ctx, { action: 'complaint.step', entityType: 'complaint', entityId: row.id, after: { step: input.step, label: STEP_LABELS[input.step]['zh-CN'], mode: input.mode } });
  });
  return complaintDetail(deps, actor, input.id);
}
