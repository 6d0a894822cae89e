import type { Actor, AuditContext, InspectionsDeps, Locale } from './deps.js';
import { addDepartment, addField, addItem, viewCatalogue } from './use-cases/manage-catalogue.js';
import { addDirectory, addTargets, listDirectories } from './use-cases/manage-directories.js';
import { addInspector, listInspectors, updateInspector } from './use-cases/manage-inspectors.js';
import { createPlan, listPlans } from './use-cases/create-plan.js';
import { createTask, getTask, listTasks, type CreateTaskInput } from './use-cases/create-task.js';
import { commitSeed } from './use-cases/commit-seed.js';
import { revealSeed } from './use-cases/reveal-seed.js';
import { drawProgress, runDraw } from './use-cases/run-draw.js';
import { getVisit, listMyVisits } from './use-cases/visit-access.js';
import { attachPhoto, readPhoto, recordItemResult } from './use-cases/record-item-result.js';
import { completeVisit } from './use-cases/complete-visit.js';
import { publishResults } from './use-cases/publish-results.js';
import { listPublishedTasks, publicDrawBundle, publicTask } from './use-cases/public-results.js';
import { requestPhoneCode, verifyPhone } from './use-cases/verify-phone.js';
import { submitProposal, supportProposal } from './use-cases/submit-proposal.js';
import { listProposals, moderateProposal } from './use-cases/moderate-proposal.js';
import { adoptProposal } from './use-cases/adopt-proposal.js';
import { listPublicProposals, publicProposal } from './use-cases/public-proposals.js';
import { countView, listVideos, streamVideo, uploadVideo, videoPoster } from './use-cases/manage-videos.js';
import { figures } from './use-cases/figures.js';
import type { Moderation } from './domain/proposals.js';

/** A thin map from the names routes, the demo and tests call to the use cases. */
export function createInspectionsService(deps: InspectionsDeps) {
  return {
    catalogue: (a: Actor) => viewCatalogue(deps, a),
    addDepartment: (a: Actor, i: { code: string; name: string }, c: AuditContext) => addDepartment(deps, a, i, c),
    addField: (a: Actor, i: { code: string; name: string; industryCodes: string[] }, c: AuditContext) => addField(deps, a, i, c),
    addItem: (a: Actor, i: Parameters<typeof addItem>[2], c: AuditContext) => addItem(deps, a, i, c),
    addDirectory: (a: Actor, i: Parameters<typeof addDirectory>[2], c: AuditContext) => addDirectory(deps, a, i, c),
    listDirectories: (a: Actor, fieldId: string) => listDirectories(deps, a, fieldId),
    addTargets: (a: Actor, i: Parameters<typeof addTargets>[2], c: AuditContext, l: Locale) => addTargets(deps, a, i, c, l),
    listInspectors: (a: Actor) => listInspectors(deps, a),
    addInspector: (a: Actor, i: Parameters<typeof addInspector>[2], c: AuditContext) => addInspector(deps, a, i, c),
    updateInspector: (a: Actor, i: Parameters<typeof updateInspector>[2], c: AuditContext) => updateInspector(deps, a, i, c),
    createPlan: (a: Actor, i: Parameters<typeof createPlan>[2], c: AuditContext) => createPlan(deps, a, i, c),
    listPlans: (a: Actor) => listPlans(deps, a),
    createTask: (a: Actor, i: CreateTaskInput, c: AuditContext) => createTask(deps, a, i, c),
    getTask: (a: Actor, id: string) => getTask(deps, a, id),
    listTasks: (a: Actor) => listTasks(deps, a),
    commit: (a: Actor, i: { taskId: string; party: string; commitment: string }, c: AuditContext) => commitSeed(deps, a, i, c),
    reveal: (a: Actor, i: { taskId: string; party: string; reveal: string }, c: AuditContext) => revealSeed(deps, a, i, c),
    draw: (a: Actor, taskId: string, c: AuditContext) => runDraw(deps, a, { taskId }, c),
    progress: (a: Actor, taskId: string) => drawProgress(deps, a, taskId),
    publish: (a: Actor, taskId: string, c: AuditContext) => publishResults(deps, a, { taskId }, c),
    myVisits: (a: Actor) => listMyVisits(deps, a),
    getVisit: (a: Actor, id: string) => getVisit(deps, a, id),
    recordItem: (a: Actor, i: Parameters<typeof recordItemResult>[2], c: AuditContext) => recordItemResult(deps, a, i, c),
    attachPhoto: (a: Actor, i: Parameters<typeof attachPhoto>[2], c: AuditContext) => attachPhoto(deps, a, i, c),
    readPhoto: (a: Actor, visitId: string, fileId: string) => readPhoto(deps, a, { visitId, fileId }),
    completeVisit: (a: Actor, i: Parameters<typeof completeVisit>[2], c: AuditContext) => completeVisit(deps, a, i, c),
    publishedTasks: () => listPublishedTasks(deps),
    publicTask: (id: string) => publicTask(deps, id),
    drawBundle: (id: string) => publicDrawBundle(deps, id),
    requestCode: (i: { phone: string }, c: AuditContext) => requestPhoneCode(deps, i, c),
    verifyPhone: (i: { phone: string; code: string }, c: AuditContext) => verifyPhone(deps, i, c),
    submitProposal: (i: Parameters<typeof submitProposal>[1], c: AuditContext) => submitProposal(deps, i, c),
    support: (i: { proposalId: string; token: string }, c: AuditContext) => supportProposal(deps, i, c),
    listProposals: (a: Actor) => listProposals(deps, a),
    moderate: (a: Actor, i: { id: string; action: Moderation; version: number; targetId?: string; answer?: string }, c: AuditContext) => moderateProposal(deps, a, i, c),
    adopt: (a: Actor, i: Parameters<typeof adoptProposal>[2], c: AuditContext) => adoptProposal(deps, a, i, c),
    publicProposals: () => listPublicProposals(deps),
    publicProposal: (id: string) => publicProposal(deps, id),
    uploadVideo: (a: Actor, i: Parameters<typeof uploadVideo>[2], c: AuditContext) => uploadVideo(deps, a, i, c),
    videos: () => listVideos(deps),
    stream: (id: string, range?: string) => streamVideo(deps, { id, range }),
    poster: (id: string) => videoPoster(deps, id),
    countView: (id: string, visitor: string) => countView(deps, { id, visitor }),
    figures: (a: Actor | null) => figures(deps, a),
  };
}
export type InspectionsService = ReturnType<typeof createInspectionsService>;
