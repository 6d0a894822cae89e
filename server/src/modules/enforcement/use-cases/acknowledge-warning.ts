import type { Actor } from '../../../platform/auth/roles.js';
import { assertInScope, authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError, ruleViolation } from '../../../platform/errors/app-error.js';
import { WARNING_TEXT } from '../domain/texts.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import { warningsRepository as repo } from '../warnings.repository.js';
import type { EnforcementDeps } from '../deps.js';
import { actorName } from './shared.js';
import { WARNING_ACKNOWLEDGEMENT } from './issue-warning.js';
import { warningView } from './warning-view.js';

export interface AcknowledgeWarningInput {
  id: string;
  version: number;
  note?: string;
}

/**
 * The business acknowledges (签收) a warning addressed to one of its enterprises: the time and the
 * account are recorded, the acknowledgement obligation is fulfilled, and the act is audited.
 */
export async function acknowledgeWarning(deps: EnforcementDeps, actor: Actor, input: AcknowledgeWarningInput, ctx: AuditContext) {
  authorize(actor, P['warning.acknowledge']);
  const row = await deps.db.transaction().execute(async (tx) => {
    const w = await repo.getWarning(tx, input.id, true);
    if (!w) throw new AppError('NOT_FOUND');
    assertInScope(actor, { creditCode: w.credit_code });
    if (w.status === 'acknowledged') throw ruleViolation(WARNING_TEXT.alreadyAcknowledged);
    if (w.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const at = deps.clock.now();
    const updated = await repo.acknowledgeWarning(tx, w.id, w.version, { at, by: actor.id ?? '', byName: actorName(actor) ?? '', note: input.note?.trim() || null });
    if (!updated) throw new AppError('VERSION_CONFLICT');
    await deps.obligations.fulfilFor(tx, WARNING_ACKNOWLEDGEMENT, 'enforcement.warning', w.id, actor.id, 'acknowledged by the business');
    await deps.audit.record(tx, ctx, {
      action: 'enforcement.warning.acknowledge',
      entityType: 'enforcement_warning',
      entityId: w.id,
      before: { status: w.status },
      after: { status: 'acknowledged', at: at.toISOString(), by: actor.id },
    });
    return updated;
  });
  return warningView(deps, row);
}
