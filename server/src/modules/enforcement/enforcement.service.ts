import type { Actor } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { EnforcementDeps } from './deps.js';
import { presentDocument } from './enforcement.presenter.js';
import { addEvidence, type AddEvidenceInput } from './use-cases/add-evidence.js';
import { getCase } from './use-cases/case-view.js';
import { closeCase } from './use-cases/close-case.js';
import { createLead, type CreateLeadInput } from './use-cases/create-lead.js';
import { dismissLead } from './use-cases/dismiss-lead.js';
import { enterpriseTimeline } from './use-cases/enterprise-timeline.js';
import { extendTimeLimit } from './use-cases/extend-time-limit.js';
import { fileOnTheSpot } from './use-cases/file-on-the-spot.js';
import { holdHearing } from './use-cases/hold-hearing.js';
import { imposeOnTheSpot, type OnTheSpotInput } from './use-cases/impose-on-the-spot.js';
import { leadFromReport, type LeadFromReportInput } from './use-cases/lead-from-report.js';
import { listCases, listOfficers, type ListCasesInput } from './use-cases/list-cases.js';
import { makeDecision } from './use-cases/make-decision.js';
import { listTemplates, updateTemplate, type UpdateTemplateInput } from './use-cases/manage-templates.js';
import { rateOfficer, serviceCard } from './use-cases/officer-rating.js';
import { openCase, type OpenCaseInput } from './use-cases/open-case.js';
import { pauseTimeLimit, resumeTimeLimit } from './use-cases/pause-time-limit.js';
import { proposeDecision, type ProposeDecisionInput } from './use-cases/propose-decision.js';
import { publishDecision } from './use-cases/publish-decision.js';
import { documentPdf, verifyDocument } from './use-cases/read-documents.js';
import { recordCollectiveDiscussion } from './use-cases/record-collective-discussion.js';
import { getEngagement, recordEngagement, type RecordEngagementInput } from './use-cases/record-engagement.js';
import { recordFacts, type RecordFactsInput } from './use-cases/record-facts.js';
import { checkInterviewCommitments, recordInterviewMinutes, type InterviewCheckInput, type InterviewMinutesInput } from './use-cases/record-interview.js';
import { recordReasoning, type RecordReasoningInput } from './use-cases/record-reasoning.js';
import { getPublicPenalty, listPublicPenalties, publicPenaltyPdf } from './use-cases/public-penalties.js';
import { endExpiredPublicity, endPublicityOnRepair } from './use-cases/end-publicity.js';
import { downloadEvidence, uploadEvidence, type UploadEvidenceInput } from './use-cases/evidence-files.js';
import { recordPayment } from './use-cases/record-payment.js';
import { recordStatement } from './use-cases/record-statement.js';
import { requestHearing } from './use-cases/request-hearing.js';
import { reviewCase } from './use-cases/review-case.js';
import { revokeDecision } from './use-cases/revoke-decision.js';
import { serveDecision } from './use-cases/serve-decision.js';
import { servePenaltyNotice } from './use-cases/serve-penalty-notice.js';
import { superviseCases } from './use-cases/supervise-cases.js';
import { previewOutcome, viewRuleSet, type PreviewInput } from './use-cases/view-rules.js';
import { yearFigures } from './use-cases/year-figures.js';

/** The body of a case step as the route receives it (the case id comes from the path). */
type Body<I> = Omit<I, 'id'>;
type Step<I> = (actor: Actor, id: string, body: Body<I>, ctx: AuditContext, locale: Locale) => ReturnType<typeof getCase>;
type StepUseCase<I> = (deps: EnforcementDeps, actor: Actor, input: I, ctx: AuditContext, locale: Locale) => ReturnType<typeof getCase>;

function step<I extends { id: string }>(deps: EnforcementDeps, useCase: StepUseCase<I>): Step<I> {
  // The body and the path id together are the use case's input (TypeScript cannot see Omit<I, 'id'> & { id } as I).
  return (actor, id, body, ctx, locale) => useCase(deps, actor, { ...body, id } as I, ctx, locale);
}

/**
 * The module's API: each name maps to one use case in use-cases/ (one file per use case, each
 * `(deps, actor, input, …)`), bound to the module's dependencies. Routes, the demo and other modules
 * call these; the rules live in the use cases and domain/.
 */
export function createEnforcementService(deps: EnforcementDeps) {
  return {
    createLead: (actor: Actor, input: CreateLeadInput, ctx: AuditContext, locale: Locale) => createLead(deps, actor, input, ctx, locale),
    leadFromReport: (eventId: string, payload: LeadFromReportInput['payload']) => leadFromReport(deps, { eventId, payload }),
    openCase: step<OpenCaseInput>(deps, openCase),
    dismiss: step(deps, dismissLead),
    setFacts: step<RecordFactsInput>(deps, recordFacts),
    addEvidence: step<AddEvidenceInput>(deps, addEvidence),
    propose: step<ProposeDecisionInput>(deps, proposeDecision),
    notify: step(deps, servePenaltyNotice),
    statement: step(deps, recordStatement),
    requestHearing: step(deps, requestHearing),
    holdHearing: step(deps, holdHearing),
    review: step(deps, reviewCase),
    collective: step(deps, recordCollectiveDiscussion),
    pause: step(deps, pauseTimeLimit),
    resume: step(deps, resumeTimeLimit),
    extend: step(deps, extendTimeLimit),
    decide: step(deps, makeDecision),
    serve: step(deps, serveDecision),
    pay: step(deps, recordPayment),
    close: step(deps, closeCase),
    fileOnTheSpot: step(deps, fileOnTheSpot),
    revoke: step(deps, revokeDecision),
    recordReasoning: step<RecordReasoningInput>(deps, recordReasoning),
    // Issue 11: public penalty publicity and its end.
    publicPenalties: (q: { q?: string; cursor?: string; limit: number }) => listPublicPenalties(deps, q),
    publicPenalty: (id: string) => getPublicPenalty(deps, { id }),
    publicPenaltyPdf: (id: string) => publicPenaltyPdf(deps, { id }),
    endExpiredPublicity: () => endExpiredPublicity(deps),
    uploadEvidence: step<UploadEvidenceInput>(deps, uploadEvidence),
    downloadEvidence: (actor: Actor, id: string, fileId: string) => downloadEvidence(deps, actor, { id, fileId }),
    endPublicityOnRepair: (input: { caseId: string; repairedOn: string; applicationId: string }) => endPublicityOnRepair(deps, input),
    publish: (actor: Actor, id: string, ctx: AuditContext, locale: Locale) => publishDecision(deps, actor, { id }, ctx, locale),
    onTheSpot: (actor: Actor, input: OnTheSpotInput, ctx: AuditContext, locale: Locale) => imposeOnTheSpot(deps, actor, input, ctx, locale),
    getCase: (actor: Actor, id: string, locale: Locale) => getCase(deps, actor, { id }, locale),
    listCases: (actor: Actor, q: ListCasesInput) => listCases(deps, actor, q),
    officers: (actor: Actor) => listOfficers(deps, actor),
    ruleSetView: (actor: Actor, regionCode?: string) => viewRuleSet(deps, actor, { regionCode }),
    preview: (actor: Actor, input: PreviewInput) => previewOutcome(deps, actor, input),
    listTemplates: (actor: Actor) => listTemplates(deps, actor),
    updateTemplate: (actor: Actor, kind: string, input: Omit<UpdateTemplateInput, 'kind'>, ctx: AuditContext) => updateTemplate(deps, actor, { ...input, kind }, ctx),
    documentPdf: (actor: Actor, id: string) => documentPdf(deps, actor, { id }),
    verifyDocument: (verifyCode: string) => verifyDocument(deps, { verifyCode }),
    createEngagement: (actor: Actor, input: RecordEngagementInput, ctx: AuditContext) => recordEngagement(deps, actor, input, ctx),
    interviewMinutes: (actor: Actor, id: string, input: Body<InterviewMinutesInput>, ctx: AuditContext) => recordInterviewMinutes(deps, actor, { ...input, id }, ctx),
    interviewCheck: (actor: Actor, id: string, input: Body<InterviewCheckInput>, ctx: AuditContext) => checkInterviewCommitments(deps, actor, { ...input, id }, ctx),
    getEngagement: (actor: Actor, id: string) => getEngagement(deps, actor, { id }),
    timeline: (actor: Actor, creditCode: string) => enterpriseTimeline(deps, actor, { creditCode }),
    serviceCard: (actor: Actor) => serviceCard(deps, actor),
    rate: (officerId: string, input: { score: number; comment?: string }) => rateOfficer(deps, { ...input, officerId }),
    supervision: (actor: Actor) => superviseCases(deps, actor),
    figures: (actor: Actor, year: number) => yearFigures(deps, actor, { year }),
    presentDocument: (d: Parameters<typeof presentDocument>[0]) => presentDocument(d, deps.docs.verifyUrl),
  };
}

export type EnforcementService = ReturnType<typeof createEnforcementService>;
