import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import {
  AnnualReportCreateSchema,
  AnnualReportSchema,
  ApplicationQuerySchema,
  ApplicationSchema,
  ApplySchema,
  ApproveSchema,
  BatchSchema,
  EligibilitySchema,
  FiguresSchema,
  InboundNoticeSchema,
  ProofSchema,
  PublicCreditPageSchema,
  RecordSchema,
  RefuseSchema,
  RiskClassSchema,
  SystemConfigSchema,
  SystemUpdateSchema,
  VerifySchema,
  VersionSchema,
  RECORD_KINDS,
  RECORD_STATUSES,
} from '../../../../contracts/credit.js';
import { OkSchema } from '../../../../contracts/common.js';
import { errors, UuidParam, type App } from '../../platform/http/http.js';
import { AppError } from '../../platform/errors/app-error.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './domain/wire.js';
import type { CreditService } from './credit.service.js';

const tags = ['credit'];
const publicTags = ['public'];
const READ = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND');
const CHANGE = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_FAILED', 'VERSION_CONFLICT', 'INVALID_STATE', 'RULE_VIOLATION');
const CodeParam = z.object({ code: z.string().regex(/^[0-9A-Za-z]{18}$/) });

async function readUpload(req: FastifyRequest): Promise<{ data: Buffer; name: string }> {
  if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
  let data: Buffer | null = null;
  let name = 'proof';
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      data = await part.toBuffer();
      name = part.filename || name;
    }
  }
  if (!data) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'required' }] });
  return { data, name };
}

export function creditRoutes(service: CreditService, publicRateLimit: number) {
  return async (app: App) => {
    const rateLimit = { max: publicRateLimit, timeWindow: '1 minute' };
    app.get(
      '/public/credit/:code',
      { config: { rateLimit }, schema: { tags: publicTags, description: 'The public credit page of an enterprise: the records published now, nothing else (no risk class).', params: CodeParam, response: { 200: PublicCreditPageSchema, ...errors('NOT_FOUND') } } },
      async (req) => service.publicPage(req.params.code.toUpperCase(), req.locale),
    );
    app.get(
      '/credit/records',
      { schema: { tags, querystring: z.object({ kind: z.enum(RECORD_KINDS).optional(), status: z.enum(RECORD_STATUSES).optional() }), response: { 200: z.object({ items: z.array(RecordSchema) }), ...READ } } },
      async (req) => service.listRecords(req.actor, req.query, req.locale),
    );
    app.get(
      '/credit/records/:id/eligibility',
      { schema: { tags, description: 'Whether the record may be repaired now, every failing rule cited.', params: UuidParam, response: { 200: EligibilitySchema, ...READ } } },
      async (req) => service.eligibility(req.actor, req.params.id, req.locale),
    );
    app.post(
      '/credit/proofs',
      { schema: { tags, description: 'Multipart field `file`: a phone photo (JPEG, PNG) or a PDF; type sniffed, size limited.', consumes: ['multipart/form-data'], response: { 201: ProofSchema, ...CHANGE, ...errors('PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST', 'VALIDATION_FAILED') } } },
      async (req, reply) => {
        const up = await readUpload(req);
        return reply.status(201).send(await service.uploadProof(req.actor, { data: up.data, originalName: up.name }, req.auditContext));
      },
    );
    app.post(
      '/credit/applications',
      { schema: { tags, description: 'A repair application (idempotent by `idempotencyKey`: a replay answers 200 with the same application).', body: ApplySchema, response: { 200: ApplicationSchema, 201: ApplicationSchema, ...CHANGE, ...errors('VALIDATION_FAILED', 'DUPLICATE') } } },
      async (req, reply) => {
        const r = await service.apply(req.actor, req.body, req.auditContext, req.locale);
        return reply.status(r.replayed ? 200 : 201).send(r.view);
      },
    );
    app.get('/credit/applications', { schema: { tags, querystring: ApplicationQuerySchema, response: { 200: z.object({ items: z.array(ApplicationSchema) }), ...READ } } }, async (req) =>
      service.listApplications(req.actor, req.query, req.locale),
    );
    app.get('/credit/applications/:id', { schema: { tags, params: UuidParam, response: { 200: ApplicationSchema, ...READ } } }, async (req) => service.getApplication(req.actor, req.params.id, req.locale));
    app.post('/credit/applications/:id/accept', { schema: { tags, params: UuidParam, body: VersionSchema, response: { 200: ApplicationSchema, ...CHANGE } } }, async (req) =>
      service.accept(req.actor, req.params.id, req.body, req.auditContext, req.locale),
    );
    app.post('/credit/applications/:id/verify', { schema: { tags, params: UuidParam, body: VerifySchema, response: { 200: ApplicationSchema, ...CHANGE } } }, async (req) =>
      service.verify(req.actor, req.params.id, req.body, req.auditContext, req.locale),
    );
    app.post('/credit/applications/:id/approve', { schema: { tags, params: UuidParam, body: ApproveSchema, response: { 200: ApplicationSchema, ...CHANGE } } }, async (req) =>
      service.approve(req.actor, req.params.id, req.body, req.auditContext, req.locale),
    );
    app.post('/credit/applications/:id/refuse', { schema: { tags, params: UuidParam, body: RefuseSchema, response: { 200: ApplicationSchema, ...CHANGE } } }, async (req) =>
      service.refuse(req.actor, req.params.id, req.body, req.auditContext, req.locale),
    );
    app.post('/credit/syncs/:id/retry', { schema: { tags, description: 'Re-send a failed push to a national system now.', params: UuidParam, response: { 200: OkSchema, ...CHANGE } } }, async (req) =>
      service.retrySync(req.actor, req.params.id),
    );
    app.get('/credit/figures', { schema: { tags, response: { 200: FiguresSchema, ...READ } } }, async (req) => service.figures(req.actor, req.locale));
    app.get('/credit/risk/:code', { schema: { tags, description: 'Internal only: the risk class (never on a public page).', params: CodeParam, response: { 200: RiskClassSchema, ...READ } } }, async (req) =>
      service.riskClass(req.actor, req.params.code.toUpperCase()),
    );
    app.post('/credit/risk/batches', { schema: { tags, description: "Starts (or shows) this month's risk-class batch.", response: { 202: BatchSchema, ...READ, ...errors('CSRF_FAILED') } } }, async (req, reply) =>
      reply.status(202).send(await service.startRiskBatch(req.actor)),
    );
    app.get('/credit/risk/batches/:id', { schema: { tags, params: UuidParam, response: { 200: BatchSchema, ...READ } } }, async (req) => service.getRiskBatch(req.actor, req.params.id));
    app.get('/credit/annual-reports', { schema: { tags, response: { 200: z.object({ items: z.array(AnnualReportSchema) }), ...READ } } }, async (req) => service.listAnnualReports(req.actor));
    app.post('/credit/annual-reports', { schema: { tags, body: AnnualReportCreateSchema, response: { 201: AnnualReportSchema, ...CHANGE, ...errors('DUPLICATE') } } }, async (req, reply) =>
      reply.status(201).send(await service.fileAnnualReport(req.actor, req.body, req.auditContext)),
    );
    app.get('/credit/systems', { schema: { tags, response: { 200: z.object({ items: z.array(SystemConfigSchema) }), ...READ } } }, async (req) => service.listSystems(req.actor));
    app.patch('/credit/systems/:code', { schema: { tags, params: z.object({ code: z.enum(['gsxt', 'ccn']) }), body: SystemUpdateSchema, response: { 200: z.object({ items: z.array(SystemConfigSchema) }), ...CHANGE } } }, async (req) =>
      service.updateSystem(req.actor, { code: req.params.code, ...req.body }, req.auditContext),
    );
    app.post(
      '/credit/inbound/ccn',
      {
        config: { rateLimit },
        schema: {
          tags,
          description: `Mutual recognition: 信用中国 notifies a repair it decided. Headers ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} = HMAC-SHA256(secret, "timestamp.noticeId.creditCode.documentNo.repairedOn").`,
          body: InboundNoticeSchema,
          response: { 200: z.object({ applied: z.boolean(), recordFound: z.boolean() }), ...errors('UNAUTHENTICATED') },
        },
      },
      async (req) => service.inbound({ timestamp: String(req.headers[TIMESTAMP_HEADER] ?? ''), signature: String(req.headers[SIGNATURE_HEADER] ?? ''), notice: req.body }),
    );
  };
}
