import { AppError } from '../../../platform/errors/app-error.js';
import { assertInScope } from '../../../platform/auth/policy.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { presentProposal } from '../inspections.presenter.js';
import { moderate, type Moderation } from '../domain/proposals.js';
import { TEXT } from '../domain/texts.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import { can, refuse, regionPrefix } from './shared.js';

/**
 * Moderation: hide; merge into another proposal (supports move with their origin kept, each phone
 * counted once; the merged one points at its target); reject with an official answer; answer;
 * record a problem solved with its outcome.
 */
export async function moderateProposal(deps: InspectionsDeps, actor: Actor, input: { id: string; action: Moderation; version: number; targetId?: string; answer?: string }, ctx: AuditContext) {
  can(actor, 'proposal.moderate');
  const p = await deps.db.transaction().execute(async (tx) => {
    const row = await repo.proposal(tx, input.id, true);
    if (!row) throw new AppError('NOT_FOUND');
    assertInScope(actor, { regionCode: row.region_code });
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const next = moderate(row.status, input.action);
    if (next === null) throw new AppError('INVALID_STATE');
    const answer = input.answer?.trim() || null;
    const now = deps.clock.now();
    if (input.action === 'merge') {
      if (!input.targetId) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'targetId', code: 'required' }] });
      if (input.targetId === row.id) throw refuse(TEXT.mergeSelf);
      const target = await repo.proposal(tx, input.targetId, true);
      if (!target || target.status !== 'open') throw new AppError('NOT_FOUND');
      for (const s of await repo.supportsOf(tx, row.id)) await repo.addSupport(tx, target.id, s.phone_index, s.origin_id, s.created_at);
      await repo.recountSupports(tx, target.id);
      await repo.updateProposal(tx, row.id, { status: next, merged_into: target.id, answer: answer ?? `已合并至 ${target.proposal_no}`, answered_at: now });
    } else if (input.action === 'reject' || input.action === 'answer') {
      if (!answer) throw refuse(TEXT.answerRequired);
      await repo.updateProposal(tx, row.id, { status: next, answer, answered_at: now });
    } else if (input.action === 'solve') {
      await repo.updateProposal(tx, row.id, { problem_solved: true, outcome: answer });
    } else {
      await repo.updateProposal(tx, row.id, { status: next, ...(answer ? { answer, answered_at: now } : {}) });
    }
    await deps.audit.record(tx, ctx, { action: `inspections.proposal.${input.action}`, entityType: 'inspection_proposal', entityId: row.id, before: { status: row.status }, after: { status: next, targetId: input.targetId ?? null } });
    return (await repo.proposal(tx, row.id))!;
  });
  return presentProposal(p, (await repo.mergedFrom(deps.db, p.id)).map((m) => m.proposal_no));
}

export async function listProposals(deps: InspectionsDeps, actor: Actor) {
  can(actor, 'proposal.read');
  const rows = await repo.proposals(deps.db, { regionPrefix: regionPrefix(actor), limit: 200 });
  return { items: rows.map((p) => presentProposal(p, [])) };
}
