import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { creditPolicy as P } from '../credit.policy.js';
import type { CreditDeps } from '../deps.js';

/** A proof for a repair application (phone photo or PDF): type sniffed and size checked by platform/files. */
export async function uploadProof(deps: CreditDeps, actor: Actor, input: { data: Buffer; originalName: string }, ctx: AuditContext) {
  authorize(actor, P['repair.apply']);
  return deps.db.transaction().execute(async (tx) => {
    const f = await deps.files.save(tx, { data: input.data, originalName: input.originalName, ownerAccountId: actor.id });
    await deps.audit.record(tx, ctx, { action: 'credit.proof.upload', entityType: 'file', entityId: f.id, after: { mime: f.mime, size: f.size } });
    return { fileId: f.id, name: f.originalName, mime: f.mime, size: f.size };
  });
}
