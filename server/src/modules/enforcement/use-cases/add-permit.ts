import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { fieldError } from '../domain/messages.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import { warningsRepository as repo } from '../warnings.repository.js';
import type { EnforcementDeps } from '../deps.js';
import { enterpriseInScope } from './shared.js';
import { recomputeSignals } from './recompute-signals.js';

export interface AddPermitInput {
  creditCode: string;
  /** e.g. 食品经营许可证 */
  permitType: string;
  permitNo: string;
  issuedOn?: string;
  expiresOn: string;
}

/** Records a licence or permit of an enterprise in the permit register, then recomputes its signals. */
export async function addPermit(deps: EnforcementDeps, actor: Actor, input: AddPermitInput, ctx: AuditContext) {
  authorize(actor, P['permit.create']);
  const e = await enterpriseInScope(deps, actor, input.creditCode);
  if (input.issuedOn && input.issuedOn > input.expiresOn) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('expiresOn', 'BEFORE_ISSUE')] });
  const row = await deps.db.transaction().execute(async (tx) => {
    const created = await repo.insertPermit(tx, {
      credit_code: e.creditCode,
      region_code: e.regionCode,
      permit_type: input.permitType.trim(),
      permit_no: input.permitNo.trim(),
      issued_on: input.issuedOn ?? null,
      expires_on: input.expiresOn,
    });
    if (!created) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('permitNo', 'DUPLICATE')] });
    await deps.audit.record(tx, ctx, { action: 'enforcement.permit.add', entityType: 'enforcement_permit', entityId: created.id, after: { creditCode: e.creditCode, permitType: created.permit_type, permitNo: created.permit_no, expiresOn: created.expires_on } });
    return created;
  });
  await recomputeSignals(deps, { creditCodes: [e.creditCode] });
  return { id: row.id, creditCode: row.credit_code, permitType: row.permit_type, permitNo: row.permit_no, issuedOn: row.issued_on, expiresOn: row.expires_on };
}
