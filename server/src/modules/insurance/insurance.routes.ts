import { z } from 'zod';
import {
  AccessSchema,
  ApproveSchema,
  ClaimQuerySchema,
  ClaimSchema,
  CombinedFiguresSchema,
  EligibilitySchema,
  InsuranceFiguresSchema,
  OfflineClaimSchema,
  OnlineClaimSchema,
  PaySchema,
  PolicyCreateSchema,
  PolicySchema,
  PublicClaimSchema,
  RefuseClaimSchema,
  IncidentCreateSchema,
  IncidentSchema,
} from '../../../../contracts/insurance.js';
import { pageOf } from '../../../../contracts/common.js';
import { errors, UuidParam, type App } from '../../platform/http/http.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { FastifyRequest } from 'fastify';
import type { InsuranceService } from './insurance.service.js';

const tags = ['insurance'];
const publicTags = ['public'];
const STAFF = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_FAILED');
const CHANGE = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_FAILED', 'VERSION_CONFLICT', 'INVALID_STATE', 'RULE_VIOLATION', 'LIMIT_EXCEEDED');

/** Reads one file and the text fields of a multipart request. */
async function readUpload(req: FastifyRequest): Promise<{ data: Buffer; name: string; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
  let data: Buffer | null = null;
  let name = 'evidence';
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      data = await part.toBuffer();
      name = part.filename || name;
    } else fields[part.fieldname] = String(part.value);
  }
  if (!data) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'required' }] });
  return { data, name, fields };
}

export function insuranceRoutes(service: InsuranceService, publicRateLimit: number) {
  const publicForm = { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' }, publicForm: true };
  return async (app: App) => {
    app.get('/insurance/policies', { schema: { tags, response: { 200: z.object({ items: z.array(PolicySchema) }), ...STAFF } } }, async (req) => service.listPolicies(req.actor));
    app.post('/insurance/policies', { schema: { tags, body: PolicyCreateSchema, response: { 201: PolicySchema, ...STAFF, ...errors('DUPLICATE') } } }, async (req, reply) =>
      reply.status(201).send(await service.createPolicy(req.actor, req.body, req.auditContext)),
    );
    app.get(
      '/consumer-protection/figures',
      { schema: { tags, description: 'Mediation success rate, fast-stage times, 5-minute-circle coverage and claims paid.', response: { 200: CombinedFiguresSchema, ...STAFF } } },
      async (req) => service.combinedFigures(req.actor),
    );
    app.get('/insurance/incidents', { schema: { tags, description: 'Accidents and how much of their per-accident limit their claims used.', querystring: z.object({ policyId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(IncidentSchema) }), ...STAFF } } }, async (req) =>
      service.listIncidents(req.actor, req.query),
    );
    app.post('/insurance/incidents', { schema: { tags, description: 'Open an incident (one accident, several consumers): its claims share the per-accident limit.', body: IncidentCreateSchema, response: { 201: IncidentSchema, ...STAFF } } }, async (req, reply) =>
      reply.status(201).send(await service.createIncident(req.actor, req.body, req.auditContext)),
    );
    app.get('/insurance/figures', { schema: { tags, response: { 200: InsuranceFiguresSchema, ...STAFF } } }, async (req) => service.figures(req.actor));
    app.get(
      '/insurance/eligibility/:trackingNo',
      { schema: { tags, description: 'The §H trigger conditions of a complaint, each with pass/fail.', params: z.object({ trackingNo: z.string().min(4).max(40) }), response: { 200: EligibilitySchema, ...STAFF } } },
      async (req) => service.eligibility(req.actor, req.params.trackingNo, req.locale),
    );
    app.get('/insurance/claims', { schema: { tags, querystring: ClaimQuerySchema, response: { 200: pageOf(ClaimSchema), ...STAFF } } }, async (req) => service.list(req.actor, req.query, req.locale));
    app.post('/insurance/claims', { schema: { tags, description: 'Offline claim taken by staff.', body: OfflineClaimSchema, response: { 201: ClaimSchema, ...CHANGE, ...errors('DUPLICATE') } } }, async (req, reply) =>
      reply.status(201).send(await service.fileOffline(req.actor, req.body, req.auditContext, req.locale)),
    );
    app.get('/insurance/claims/:id', { schema: { tags, params: UuidParam, response: { 200: ClaimSchema, ...STAFF } } }, async (req) => service.get(req.actor, req.params.id, req.locale, req.auditContext));
    app.post(
      '/insurance/claims/:id/evidence',
      { schema: { tags, description: 'Multipart field `file` (PDF, JPEG or PNG).', consumes: ['multipart/form-data'], params: UuidParam, response: { 200: PublicClaimSchema, ...CHANGE, ...errors('PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST') } } },
      async (req) => {
        const up = await readUpload(req);
        return service.addEvidence(req.actor, req.params.id, { data: up.data, originalName: up.name }, req.auditContext, req.locale);
      },
    );
    app.post('/insurance/claims/:id/approve', { schema: { tags, params: UuidParam, body: ApproveSchema, response: { 200: ClaimSchema, ...CHANGE } } }, async (req) =>
      service.approve(req.actor, req.params.id, req.body, req.auditContext, req.locale),
    );
    app.post('/insurance/claims/:id/refuse', { schema: { tags, params: UuidParam, body: RefuseClaimSchema, response: { 200: ClaimSchema, ...CHANGE } } }, async (req) =>
      service.refuse(req.actor, req.params.id, req.body, req.auditContext, req.locale),
    );
    app.post('/insurance/claims/:id/pay', { schema: { tags, params: UuidParam, body: PaySchema, response: { 200: ClaimSchema, ...CHANGE } } }, async (req) =>
      service.pay(req.actor, req.params.id, req.body, req.auditContext, req.locale),
    );

    // ---- consumer (tracking number + code, no account)
    app.post('/public/insurance/eligibility', { schema: { tags: publicTags, body: AccessSchema, response: { 200: EligibilitySchema, ...errors('NOT_FOUND') } }, config: publicForm }, async (req) =>
      service.publicEligibility(req.body.trackingNo, req.body.code, req.locale),
    );
    app.post('/public/insurance/claims', { schema: { tags: publicTags, body: OnlineClaimSchema, response: { 201: PublicClaimSchema, ...errors('NOT_FOUND', 'RULE_VIOLATION', 'DUPLICATE') } }, config: publicForm }, async (req, reply) =>
      reply.status(201).send(await service.fileOnline(req.body, req.auditContext, req.locale)),
    );
    app.post('/public/insurance/claims/status', { schema: { tags: publicTags, body: AccessSchema, response: { 200: z.object({ items: z.array(PublicClaimSchema) }), ...errors('NOT_FOUND') } }, config: publicForm }, async (req) =>
      service.publicClaims(req.body.trackingNo, req.body.code, req.locale),
    );
    app.post(
      '/public/insurance/claims/:id/evidence',
      { schema: { tags: publicTags, description: 'Multipart: fields `trackingNo`, `code` and `file` (PDF, JPEG or PNG).', consumes: ['multipart/form-data'], params: UuidParam, response: { 200: PublicClaimSchema, ...errors('NOT_FOUND', 'INVALID_STATE', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST') } }, config: publicForm },
      async (req) => {
        const up = await readUpload(req);
        return service.addEvidence(null, req.params.id, { data: up.data, originalName: up.name }, req.auditContext, req.locale, { trackingNo: up.fields.trackingNo ?? '', code: up.fields.code ?? '' });
      },
    );
  };
}
