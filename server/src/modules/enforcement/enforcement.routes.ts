import { z } from 'zod';
import {
  CaseFactsSchema,
  CaseListQuerySchema,
  CaseSchema,
  CaseSummarySchema,
  CollectiveSchema,
  DismissSchema,
  EngagementCreateSchema,
  EngagementSchema,
  EvidenceSchema,
  ExtensionSchema,
  FactsSchema,
  FiguresSchema,
  HearingRequestSchema,
  HearingSchema,
  InterviewCheckSchema,
  InterviewMinutesSchema,
  LeadCreateSchema,
  OnTheSpotSchema,
  OpenCaseSchema,
  PauseSchema,
  PaymentSchema,
  ProposalResultSchema,
  ProposalSchema,
  PublicDocumentSchema,
  PublicPenaltyQuerySchema,
  PublicPenaltySchema,
  ReasoningStepSchema,
  RatingCreateSchema,
  ReviewSchema,
  RevokeSchema,
  RuleSetSchema,
  ServiceCardSchema,
  StatementSchema,
  SupervisionSchema,
  TemplateSchema,
  TemplateUpdateSchema,
  TimelineItemSchema,
  VersionOnlySchema,
} from '../../../../contracts/enforcement.js';
import { OkSchema, pageOf, queryInt } from '../../../../contracts/common.js';
import { errors, limitBy, UuidParam, type App } from '../../platform/http/http.js';
import { AppError, type ErrorCode } from '../../platform/errors/app-error.js';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { presentProposal } from './enforcement.presenter.js';
import { NATIONAL_LIMITS as L } from './domain/limits.js';
import type { EnforcementService } from './enforcement.service.js';

const tags = ['enforcement'];

/** The evidence upload's fields and file, checked like a step body (issue 11). */
const EvidenceUploadFields = z.object({
  version: z.coerce.number().int().min(1),
  kind: z.enum(['evidence', 'inquiry_record', 'attachment']).default('evidence'),
  description: z.string().trim().min(1).max(4000),
});

async function readEvidenceUpload(req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
  let file: { data: Buffer; originalName: string } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') file = { data: await part.toBuffer(), originalName: part.filename || 'evidence' };
    else fields[part.fieldname] = String(part.value);
  }
  const parsed = EvidenceUploadFields.safeParse(fields);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) });
  if (!file) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'required' }] });
  return { ...parsed.data, file };
}
const STEP_ERRORS: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VERSION_CONFLICT', 'INVALID_STATE', 'RULE_VIOLATION', 'CSRF_FAILED'];

type StepHandler = (actor: Actor, id: string, body: never, ctx: AuditContext, locale: Locale) => Promise<unknown>;

/** Thin routes: schema → use case (which authorises) → presented DTO. */
export function enforcementRoutes(service: EnforcementService, publicRateLimit: number) {
  return async (app: App) => {
    const step = (path: string, body: z.ZodTypeAny, handler: StepHandler, description: string) =>
      app.post(
        `/enforcement/cases/:id/${path}`,
        { schema: { tags, description, params: UuidParam, body, response: { 200: CaseSchema, ...errors(...STEP_ERRORS, 'LIMIT_EXCEEDED') } } },
        async (req) => handler(req.actor, req.params.id, req.body as never, req.auditContext, req.locale) as never,
      );

    app.get(
      '/enforcement/cases',
      { schema: { tags, querystring: CaseListQuerySchema, response: { 200: pageOf(CaseSummarySchema), ...errors('UNAUTHENTICATED', 'FORBIDDEN') } } },
      async (req) => service.listCases(req.actor, req.query),
    );
    app.post(
      '/enforcement/leads',
      { schema: { tags, description: `Register a lead (线索). The lead must be verified and a case opened or dismissed within ${L.verificationWorkingDays} working days.`, body: LeadCreateSchema, response: { 201: CaseSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'RULE_VIOLATION', 'CSRF_FAILED') } } },
      async (req, reply) => reply.status(201).send(await service.createLead(req.actor, req.body, req.auditContext, req.locale)),
    );
    app.post(
      '/enforcement/on-the-spot',
      {
        schema: {
          tags,
          description: `On-the-spot (simple) procedure: a warning, or a fine ≤ ${L.onTheSpotMaxPerson} (person) / ≤ ${L.onTheSpotMaxOrganisation} (organisation) (art. 51). Returns the case with its decision PDF.`,
          body: OnTheSpotSchema,
          response: { 201: CaseSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'LIMIT_EXCEEDED', 'RULE_VIOLATION', 'CSRF_FAILED') },
        },
      },
      async (req, reply) => reply.status(201).send(await service.onTheSpot(req.actor, req.body, req.auditContext, req.locale)),
    );
    app.get(
      '/enforcement/cases/:id',
      { schema: { tags, params: UuidParam, response: { 200: CaseSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') } } },
      async (req) => service.getCase(req.actor, req.params.id, req.locale),
    );

    step('open', OpenCaseSchema, service.openCase as StepHandler, 'Open the case (立案) with at least two officers, the caller included.');
    step('dismiss', DismissSchema, service.dismiss as StepHandler, 'Decide not to open a case.');
    step('facts', FactsSchema, service.setFacts as StepHandler, 'Record the facts the discretion engine reads.');
    step('evidence', EvidenceSchema, service.addEvidence as StepHandler, 'Record evidence, an inquiry record or an attachment.');
    step('proposal', ProposalSchema, service.propose as StepHandler, 'Propose the decision. Outside the engine\'s proposal a reason is required and legal review becomes required.');
    step('notice', VersionOnlySchema, service.notify as StepHandler, 'Serve the notice of intended penalty (告知书).');
    step('statement', StatementSchema, service.statement as StepHandler, 'Record the party\'s statement or waiver.');
    step('hearing-request', HearingRequestSchema, service.requestHearing as StepHandler, 'Record a hearing request and issue the hearing notice; the time limit pauses.');
    step('hearing', HearingSchema, service.holdHearing as StepHandler, 'Record the hearing; legal review becomes required.');
    step('review', ReviewSchema, service.review as StepHandler, 'Legal review (法制审核): legal reviewers only, never an officer of the case.');
    step('collective', CollectiveSchema, service.collective as StepHandler, 'Collective discussion (集体讨论) by the bureau\'s leaders.');
    step('pause', PauseSchema, service.pause as StepHandler, 'Pause the time limit (testing, hearing, public notice, suspension).');
    step('resume', VersionOnlySchema, service.resume as StepHandler, 'Resume the time limit.');
    step('extension', ExtensionSchema, service.extend as StepHandler, `Approved extension: verification +${L.verificationExtensionWorkingDays} working days, decision +${L.decisionExtensionDays} days.`);
    step('decision', VersionOnlySchema, service.decide as StepHandler, 'Make the decision; issues the decision, credit-repair notice, guidance and follow-up letters.');
    step('service', VersionOnlySchema, service.serve as StepHandler, 'Record service of the decision.');
    step('payment', PaymentSchema, service.pay as StepHandler, `Record payment (fine plus late fee of ${L.lateFeePercentPerDay}% a day, capped at the fine).`);
    step('close', VersionOnlySchema, service.close as StepHandler, 'Close the case.');
    step('filing', VersionOnlySchema, service.fileOnTheSpot as StepHandler, 'File an on-the-spot decision with the bureau (art. 52).');
    step('revoke', RevokeSchema, service.revoke as StepHandler, 'Revoke a decision; its publicity is withdrawn.');
    // Issue 11: the reasoning of the decision (说理式执法), required before the decision.
    step('reasoning', ReasoningStepSchema, service.recordReasoning as StepHandler, 'Record the reasoning of the decision (说理式执法): facts → evidence → provisions → discretion and why. Required before the decision; printed in it.');

    // Issue 11: evidence files (multipart: `version`, `kind`, `description`, `file`), listed on the case with a download.
    app.post(
      '/enforcement/cases/:id/evidence-files',
      {
        schema: {
          tags,
          description: 'Upload an evidence file (multipart fields `version`, `kind` evidence|inquiry_record|attachment, `description`, and `file`: PDF, JPEG or PNG, checked by content and size).',
          consumes: ['multipart/form-data'],
          params: UuidParam,
          response: { 200: CaseSchema, ...errors(...STEP_ERRORS, 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST') },
        },
      },
      async (req) => {
        const up = await readEvidenceUpload(req);
        return service.uploadEvidence(req.actor, req.params.id, up, req.auditContext, req.locale);
      },
    );
    app.get(
      '/enforcement/cases/:id/evidence/:fileId',
      { schema: { tags, description: 'Download an evidence file of the case.', params: z.object({ id: z.uuid(), fileId: z.uuid() }), response: { ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') } } },
      async (req, reply) => {
        const f = await service.downloadEvidence(req.actor, req.params.id, req.params.fileId);
        reply.header('content-type', f.mime);
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`);
        return reply.send(f.data as never);
      },
    );

    app.post(
      '/enforcement/cases/:id/publish',
      { schema: { tags, description: `Publish the decision (summary + redacted document), within ${L.publishWithinWorkingDays} working days of the decision.`, params: UuidParam, response: { 200: CaseSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_STATE', 'CSRF_FAILED') } } },
      async (req) => service.publish(req.actor, req.params.id, req.auditContext, req.locale),
    );

    app.get(
      '/enforcement/officers',
      {
        schema: {
          tags,
          description: 'Enforcement officers whose jurisdiction overlaps the caller\'s (to pick the second officer of a case).',
          response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), jurisdiction: z.string().nullable() })) }), ...errors('UNAUTHENTICATED', 'FORBIDDEN') },
        },
      },
      async (req) => service.officers(req.actor),
    );
    app.get(
      '/enforcement/rule-set',
      { schema: { tags, querystring: z.object({ regionCode: z.string().regex(/^\d{6}$/).optional() }), response: { 200: RuleSetSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN') } } },
      async (req) => service.ruleSetView(req.actor, req.query.regionCode),
    );
    app.post(
      '/enforcement/engine/propose',
      {
        schema: {
          tags,
          description: 'Preview the discretion engine for a set of facts.',
          body: z.object({ facts: CaseFactsSchema, partyKind: z.enum(['person', 'organisation']), regionCode: z.string().regex(/^\d{6}$/).optional() }).strict(),
          response: { 200: ProposalResultSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED') },
        },
      },
      async (req) => presentProposal(await service.preview(req.actor, req.body), req.locale),
    );

    app.get(
      '/enforcement/templates',
      { schema: { tags, response: { 200: z.object({ items: z.array(TemplateSchema) }), ...errors('UNAUTHENTICATED', 'FORBIDDEN') } } },
      async (req) => ({ items: await service.listTemplates(req.actor) }),
    );
    app.put(
      '/enforcement/templates/:kind',
      {
        schema: {
          tags,
          params: z.object({ kind: z.string().min(1).max(50) }),
          body: TemplateUpdateSchema,
          response: { 200: TemplateSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VERSION_CONFLICT', 'CSRF_FAILED') },
        },
      },
      async (req) => service.updateTemplate(req.actor, req.params.kind, req.body, req.auditContext),
    );
    app.get(
      '/enforcement/documents/:id/pdf',
      { schema: { tags, params: UuidParam, response: { ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') } } },
      async (req, reply) => {
        const pdf = await service.documentPdf(req.actor, req.params.id);
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(pdf.name)}`);
        return reply.send(pdf.data as never);
      },
    );

    app.post(
      '/enforcement/engagements',
      {
        schema: {
          tags,
          description: 'Record a follow-up visit, guidance, assistance, an early warning (提醒告诫) or schedule an administrative interview (约谈, issues the notice PDF).',
          body: EngagementCreateSchema,
          response: { 201: EngagementSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RULE_VIOLATION', 'CSRF_FAILED') },
        },
      },
      async (req, reply) => reply.status(201).send(await service.createEngagement(req.actor, req.body, req.auditContext)),
    );
    app.get(
      '/enforcement/engagements/:id',
      { schema: { tags, params: UuidParam, response: { 200: EngagementSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') } } },
      async (req) => service.getEngagement(req.actor, req.params.id),
    );
    app.post(
      '/enforcement/engagements/:id/minutes',
      { schema: { tags, params: UuidParam, body: InterviewMinutesSchema, response: { 200: EngagementSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VERSION_CONFLICT', 'INVALID_STATE', 'RULE_VIOLATION', 'CSRF_FAILED') } } },
      async (req) => service.interviewMinutes(req.actor, req.params.id, req.body, req.auditContext),
    );
    app.post(
      '/enforcement/engagements/:id/check',
      { schema: { tags, params: UuidParam, body: InterviewCheckSchema, response: { 200: EngagementSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VERSION_CONFLICT', 'INVALID_STATE', 'RULE_VIOLATION', 'CSRF_FAILED') } } },
      async (req) => service.interviewCheck(req.actor, req.params.id, req.body, req.auditContext),
    );
    app.get(
      '/enforcement/enterprises/:code/timeline',
      {
        schema: {
          tags,
          params: z.object({ code: z.string().min(1).max(30) }),
          response: { 200: z.object({ creditCode: z.string(), name: z.string(), items: z.array(TimelineItemSchema) }), ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') },
        },
      },
      async (req) => service.timeline(req.actor, req.params.code),
    );
    app.get(
      '/enforcement/service-card',
      { schema: { tags, response: { 200: ServiceCardSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN') } } },
      async (req) => service.serviceCard(req.actor),
    );
    app.get(
      '/enforcement/supervision',
      { schema: { tags, response: { 200: SupervisionSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN') } } },
      async (req) => service.supervision(req.actor),
    );
    app.get(
      '/enforcement/figures',
      { schema: { tags, querystring: z.object({ year: queryInt(2000, 2100) }), response: { 200: FiguresSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN') } } },
      async (req) => service.figures(req.actor, req.query.year),
    );

    // Public: document verification (the QR code) and service-card ratings.
    app.get(
      '/public/documents/:verifyCode',
      {
        schema: { tags: ['public'], params: z.object({ verifyCode: z.string().min(8).max(64) }), response: { 200: PublicDocumentSchema, ...errors('NOT_FOUND') } },
        config: { rateLimit: { max: publicRateLimit * 4, timeWindow: '1 minute' } },
      },
      async (req) => service.verifyDocument(req.params.verifyCode),
    );
    // Issue 11: public penalty publicity (Order 45) — published decisions inside their period only.
    const publicLimit = { rateLimit: { max: publicRateLimit * 4, timeWindow: '1 minute' } };
    app.get(
      '/public/penalties',
      {
        schema: { tags: ['public'], description: 'Published penalty decisions (Order 45), newest first; `q` matches the published name, the credit code or the document number.', querystring: PublicPenaltyQuerySchema, response: { 200: pageOf(PublicPenaltySchema), ...errors('VALIDATION_FAILED') } },
        config: publicLimit,
      },
      async (req) => service.publicPenalties(req.query),
    );
    app.get(
      '/public/penalties/:id',
      {
        schema: { tags: ['public'], description: 'One published decision; 410 once its period ended, it was repaired or withdrawn.', params: UuidParam, response: { 200: PublicPenaltySchema, ...errors('NOT_FOUND', 'GONE') } },
        config: publicLimit,
      },
      async (req) => service.publicPenalty(req.params.id),
    );
    app.get(
      '/public/penalties/:id/pdf',
      { schema: { tags: ['public'], description: 'The published (redacted) decision as a PDF.', params: UuidParam, response: { ...errors('NOT_FOUND', 'GONE') } }, config: publicLimit },
      async (req, reply) => {
        const pdf = await service.publicPenaltyPdf(req.params.id);
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(pdf.name)}`);
        return reply.send(pdf.data as never);
      },
    );
    app.post(
      '/public/service-cards/:id/ratings',
      {
        schema: { tags: ['public'], params: UuidParam, body: RatingCreateSchema, response: { 201: OkSchema, ...errors('NOT_FOUND') } },
        config: { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } },
        // One client rates one card a few times a day at most (the address comes from trusted proxies only).
        preHandler: limitBy({ max: 3, windowMs: 86_400_000, key: (req) => `card:${(req.params as { id: string }).id}:${req.ip}` }),
      },
      async (req, reply) => reply.status(201).send(await service.rate(req.params.id, req.body)),
    );
  };
}
