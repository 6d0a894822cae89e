import { enforcementRepository as repo } from '../enforcement.repository.js';
import type { EnforcementDeps } from '../deps.js';

/**
 * The end of a publication (Order 45 art. 13–14): the daily job ends those past their period; a
 * credit repair (`credit.penalty-repaired`, from the credit module) ends one early. Either way the
 * decision leaves the public list and its pages answer 410 with the reason.
 */
export async function endExpiredPublicity(deps: EnforcementDeps): Promise<number> {
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (tx) => {
    const ended = await repo.endExpiredPublicity(tx, today);
    for (const caseId of ended) {
      await deps.audit.record(tx, { actorName: 'system' }, { action: 'enforcement.publicity.expired', entityType: 'enforcement_case', entityId: caseId, after: { endedOn: today } });
    }
    return ended.length;
  });
}

/** Ends a publication early on credit repair; idempotent (a repeated or late event changes nothing). */
export async function endPublicityOnRepair(deps: EnforcementDeps, input: { caseId: string; repairedOn: string; applicationId: string }): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const p = await repo.getPublicity(tx, input.caseId);
    if (!p || p.status === 'withdrawn' || p.status === 'ended') return;
    await repo.updatePublicity(tx, input.caseId, { status: 'ended', ended_on: input.repairedOn, end_reason: 'repaired' });
    await deps.audit.record(tx, { actorName: 'system' }, {
      action: 'enforcement.publicity.repaired',
      entityType: 'enforcement_case',
      entityId: input.caseId,
      before: { status: p.status },
      after: { status: 'ended', endedOn: input.repairedOn, applicationId: input.applicationId },
    });
  });
}
