import type { Actor } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { enforcementPolicy as P } from './enforcement.policy.js';
import { acknowledgeWarning, type AcknowledgeWarningInput } from './use-cases/acknowledge-warning.js';
import { addPermit, type AddPermitInput } from './use-cases/add-permit.js';
import { issueWarning, type IssueWarningInput, type WarningDeps } from './use-cases/issue-warning.js';
import { getWarning, listWarnings, listWarningSignals, warningLetterPdf, type ListSignalsInput } from './use-cases/list-warnings.js';
import { recomputeSignals } from './use-cases/recompute-signals.js';

/** A thin map from the names routes, the job and tests call to the early-warning use cases. */
export function createWarningsService(deps: WarningDeps) {
  return {
    listSignals: (actor: Actor, input: ListSignalsInput) => listWarningSignals(deps, actor, input),
    recompute: async (actor: Actor) => {
      authorize(actor, P['warning.issue']);
      return recomputeSignals(deps);
    },
    /** The daily job (system). */
    recomputeAll: () => recomputeSignals(deps),
    list: (actor: Actor) => listWarnings(deps, actor),
    get: (actor: Actor, id: string) => getWarning(deps, actor, { id }),
    letterPdf: (actor: Actor, id: string) => warningLetterPdf(deps, actor, { id }),
    issue: (actor: Actor, input: IssueWarningInput, ctx: AuditContext) => issueWarning(deps, actor, input, ctx),
    acknowledge: (actor: Actor, input: AcknowledgeWarningInput, ctx: AuditContext) => acknowledgeWarning(deps, actor, input, ctx),
    addPermit: (actor: Actor, input: AddPermitInput, ctx: AuditContext) => addPermit(deps, actor, input, ctx),
  };
}

export type WarningsService = ReturnType<typeof createWarningsService>;
