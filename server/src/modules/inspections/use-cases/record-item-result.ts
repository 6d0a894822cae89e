import { AppError } from '../../../platform/errors/app-error.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { TEXT } from '../domain/texts.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import { can, refuse } from './shared.js';
import { myCodes, visitFor, visitView } from './visit-access.js';

/** One item's result (pass / fail / not applicable) and note, by an inspector on the team. */
export async function recordItemResult(deps: InspectionsDeps, actor: Actor, input: { visitId: string; itemId: string; result: 'pass' | 'fail' | 'na'; note?: string }, ctx: AuditContext) {
  can(actor, 'visit.record');
  const codes = await myCodes(deps, actor);
  const v = await deps.db.transaction().execute(async (tx) => {
    const visit = await visitFor(deps, actor, input.visitId, tx, true);
    if (!visit.team.some((c) => codes.includes(c))) throw refuse(TEXT.notOnTeam);
    if (visit.status !== 'open') throw new AppError('INVALID_STATE');
    if (!visit.checklist.some((i) => i.itemId === input.itemId)) throw new AppError('NOT_FOUND');
    const checklist = visit.checklist.map((i) => (i.itemId === input.itemId ? { ...i, result: input.result, note: input.note?.trim() || null } : i));
    const updated = await repo.updateVisit(tx, visit.id, { checklist });
    await deps.audit.record(tx, ctx, { action: 'inspections.visit.item', entityType: 'inspection_visit', entityId: visit.id, after: { itemId: input.itemId, result: input.result } });
    return updated;
  });
  return visitView(deps, v);
}

/** A photo as evidence for one item (JPEG or PNG, checked by content). */
export async function attachPhoto(deps: InspectionsDeps, actor: Actor, input: { visitId: string; itemId: string; data: Buffer; fileName: string }, ctx: AuditContext) {
  can(actor, 'visit.record');
  const codes = await myCodes(deps, actor);
  const v = await deps.db.transaction().execute(async (tx) => {
    const visit = await visitFor(deps, actor, input.visitId, tx, true);
    if (!visit.team.some((c) => codes.includes(c))) throw refuse(TEXT.notOnTeam);
    if (visit.status !== 'open') throw new AppError('INVALID_STATE');
    if (!visit.checklist.some((i) => i.itemId === input.itemId)) throw new AppError('NOT_FOUND');
    const file = await deps.files.save(tx, { data: input.data, originalName: input.fileName, ownerAccountId: actor.id, accepted: ['image/jpeg', 'image/png'] });
    const checklist = visit.checklist.map((i) => (i.itemId === input.itemId ? { ...i, photoFileIds: [...i.photoFileIds, file.id] } : i));
    const updated = await repo.updateVisit(tx, visit.id, { checklist });
    await deps.audit.record(tx, ctx, { action: 'inspections.visit.photo', entityType: 'inspection_visit', entityId: visit.id, after: { itemId: input.itemId, fileId: file.id, sha256: file.sha256 } });
    return updated;
  });
  return visitView(deps, v);
}

/** A photo of a visit, for those who may see the visit. */
export async function readPhoto(deps: InspectionsDeps, actor: Actor, input: { visitId: string; fileId: string }) {
  const visit = await visitFor(deps, actor, input.visitId);
  if (!visit.checklist.some((i) => i.photoFileIds.includes(input.fileId))) throw new AppError('NOT_FOUND');
  const meta = await deps.files.get(input.fileId);
  if (!meta) throw new AppError('NOT_FOUND');
  return { data: await deps.files.read(input.fileId), mime: meta.mime };
}
