import { AppError } from '../../../platform/errors/app-error.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { presentProposal } from '../inspections.presenter.js';
import { TEXT } from '../domain/texts.js';
import type { AuditContext, InspectionsDeps } from '../deps.js';
import { refuse } from './shared.js';
import { sessionPhone } from './verify-phone.js';

/** A verified citizen proposes what should be inspected (点单); the proposer's support counts. */
export async function submitProposal(deps: InspectionsDeps, input: { token: string; title: string; body: string; regionCode: string }, ctx: AuditContext) {
  const phone = await sessionPhone(deps, input.token);
  const now = deps.clock.now();
  const p = await deps.db.transaction().execute(async (tx) => {
    const row = await repo.insertProposal(tx, { proposal_no: await repo.nextProposalNo(tx, now.getUTCFullYear()), title: input.title, body: input.body, region_code: input.regionCode, proposer_index: phone, created_at: now });
    await repo.addSupport(tx, row.id, phone, row.id, now);
    await repo.recountSupports(tx, row.id);
    await deps.audit.record(tx, ctx, { action: 'inspections.proposal.submit', entityType: 'inspection_proposal', entityId: row.id, after: { proposalNo: row.proposal_no } });
    return (await repo.proposal(tx, row.id))!;
  });
  return presentProposal(p, []);
}

/** One support per verified phone per proposal (a second is refused as DUPLICATE). */
export async function supportProposal(deps: InspectionsDeps, input: { proposalId: string; token: string }, ctx: AuditContext) {
  const phone = await sessionPhone(deps, input.token);
  const p = await deps.db.transaction().execute(async (tx) => {
    const row = await repo.proposal(tx, input.proposalId, true);
    if (!row || row.status === 'hidden') throw new AppError('NOT_FOUND');
    if (row.status !== 'open') throw refuse(TEXT.notOpen);
    if (!(await repo.addSupport(tx, row.id, phone, row.id, deps.clock.now()))) throw new AppError('DUPLICATE', { text: TEXT.alreadySupported });
    await repo.recountSupports(tx, row.id);
    await deps.audit.record(tx, ctx, { action: 'inspections.proposal.support', entityType: 'inspection_proposal', entityId: row.id });
    return (await repo.proposal(tx, row.id))!;
  });
  return presentProposal(p, (await repo.mergedFrom(deps.db, p.id)).map((m) => m.proposal_no));
}
