import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { z } from 'zod';
import type { ProblemClassCreateSchema } from '../../../../../contracts/service.js';

/** Groups similar petitions into one problem class with one policy fix (一案推动一类问题解决). */
export async function groupProblems(deps: ServiceDeps, actor: Actor, input: z.infer<typeof ProblemClassCreateSchema>, ctx: AuditContext) {
  authorize(actor, P['clinic.classify']);
  return deps.db.transaction().execute(async (tx) => {
    const c = await repo.insertProblemClass(tx, { name: input.name, policy_fix: input.policyFix });
    if (!c) throw new AppError('DUPLICATE');
    const n = await repo.classifyBookings(tx, c.id, input.bookingIds);
    if (n !== input.bookingIds.length) throw new AppError('NOT_FOUND');
    await deps.audit.record(tx, ctx, { action: 'service.clinic.classify', entityType: 'service.problem_class', entityId: c.id, before: null, after: input });
    return { id: c.id, name: c.name, policyFix: c.policy_fix, bookings: n };
  });
}
