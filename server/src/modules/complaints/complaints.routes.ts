import { z } from 'zod';
import {
  AssignSchema,
  ComplaintQuerySchema,
  ComplaintSchema,
  ComplaintSummarySchema,
  ConcludeSchema,
  CoverageRequestSchema,
  CoverageSchema,
  FiguresSchema,
  FollowUpSchema,
  GroundsSchema,
  ImportResultSchema,
  IntakeResultSchema,
  IntakeSchema,
  NearestQuerySchema,
  NearestStationSchema,
  PauseSchema,
  PublicComplaintSchema,
  RecuseSchema,
  RefuseSchema,
  ReopenSchema,
  ResendCodeSchema,
  StationCreateSchema,
  StationSchema,
  StationUpdateSchema,
  StepSchema,
  TrackSchema,
  VersionBodySchema,
  EligibleMediatorSchema,
  HandlingUnitCreateSchema,
  HandlingUnitSchema,
  NearestByAddressQuerySchema,
  NearestByAddressSchema,
  RerouteSchema,
  RoutingRuleCreateSchema,
  RoutingRuleSchema,
  RoutingRuleUpdateSchema,
  RoutingTableSchema,
} from '../../../../contracts/complaints.js';
import { OkSchema, pageOf, PageQuerySchema } from '../../../../contracts/common.js';
import { errors, limitBy, UuidParam, type App } from '../../platform/http/http.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { ComplaintsService } from './complaints.service.js';

const tags = ['complaints'];
const publicTags = ['public'];
const STAFF = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_FAILED');
const CHANGE = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_FAILED', 'VERSION_CONFLICT', 'INVALID_STATE', 'RULE_VIOLATION');
const Pdf = z.any().describe('application/pdf');

/** Thin routes: schema → use case (which authorises) → presented DTO. */
export function complaintsRoutes(service: ComplaintsService, publicRateLimit: number, phoneRateLimit = 5) {
  const publicForm = { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' }, publicForm: true };
  // Each public complaint queues an SMS to the phone typed in: limited per phone as well as per address.
  const perPhone = limitBy({
    max: phoneRateLimit,
    windowMs: 3_600_000,
    key: (req) => {
      const digits = String((req.body as { complainantPhone?: string } | undefined)?.complainantPhone ?? '').replace(/\D/g, '');
      return digits ? `phone:${digits}` : null;
    },
  });
  return async (app: App) => {
    // ---- stations
    app.get('/complaints/stations', { schema: { tags, querystring: PageQuerySchema, response: { 200: pageOf(StationSchema), ...STAFF } } }, async (req) =>
      service.listStations(req.actor, req.query),
    );
    app.post('/complaints/stations', { schema: { tags, body: StationCreateSchema, response: { 201: StationSchema, ...STAFF } } }, async (req, reply) =>
      reply.status(201).send(await service.createStation(req.actor, req.body, req.auditContext)),
    );
    app.get('/complaints/stations/:id', { schema: { tags, params: UuidParam, response: { 200: StationSchema, ...STAFF } } }, async (req) =>
      service.getStation(req.actor, req.params.id),
    );
    app.patch('/complaints/stations/:id', { schema: { tags, params: UuidParam, body: StationUpdateSchema, response: { 200: StationSchema, ...CHANGE } } }, async (req) =>
      service.updateStation(req.actor, req.params.id, req.body, req.auditContext),
    );
    app.get(
      '/complaints/stations/:id/poster.pdf',
      { schema: { tags, description: 'A4 QR poster: the QR code opens the phone intake form bound to the station.', params: UuidParam, response: { 200: Pdf, ...STAFF } } },
      async (req, reply) => {
        const { pdf, fileName } = await service.stationPoster(req.actor, req.params.id);
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
      },
    );
    app.post(
      '/complaints/stations/coverage',
      { schema: { tags, description: 'Share of community points within N minutes on foot of an open station (default: the stored community points).', body: CoverageRequestSchema.partial({ points: true }), response: { 200: CoverageSchema, ...STAFF } } },
      async (req) => service.coverage(req.actor, req.body),
    );
    app.get('/public/stations/nearest', { schema: { tags: publicTags, querystring: NearestQuerySchema, response: { 200: z.object({ items: z.array(NearestStationSchema) }) } }, config: { rateLimit: { max: publicRateLimit * 4, timeWindow: '1 minute' } } }, async (req) =>
      service.nearest(req.query),
    );
    app.get(
      '/public/stations/nearest-by-address',
      { schema: { tags: publicTags, description: 'Nearest stations from a typed address: the district named in it, measured from its centre (approximate; no geocoder).', querystring: NearestByAddressQuerySchema, response: { 200: NearestByAddressSchema } }, config: { rateLimit: { max: publicRateLimit * 4, timeWindow: '1 minute' } } },
      async (req) => service.nearestByAddress(req.query, req.locale),
    );
    app.get('/public/stations/:id', { schema: { tags: publicTags, params: UuidParam, response: { 200: StationSchema, ...errors('NOT_FOUND') } }, config: { rateLimit: { max: publicRateLimit * 4, timeWindow: '1 minute' } } }, async (req) =>
      service.publicStation(req.params.id),
    );

    // ---- public intake and tracking
    app.get('/public/complaints/grounds', { schema: { tags: publicTags, response: { 200: GroundsSchema } } }, async (req) => service.grounds(req.locale));
    app.post(
      '/public/complaints',
      { schema: { tags: publicTags, description: 'File a complaint (投诉) or report (举报) without an account. Same idempotencyKey → same complaint (200, replayed).', body: IntakeSchema, response: { 201: IntakeResultSchema, 200: IntakeResultSchema, ...errors('NOT_FOUND', 'DUPLICATE') } }, config: publicForm, preHandler: perPhone },
      async (req, reply) => {
        const res = await service.fileComplaint(req.actor, req.body, req.auditContext);
        return reply.status(res.replayed ? 200 : 201).send(res);
      },
    );
    app.post('/public/complaints/track', { schema: { tags: publicTags, body: TrackSchema, response: { 200: PublicComplaintSchema, ...errors('NOT_FOUND') } }, config: publicForm }, async (req) =>
      service.track(req.body.trackingNo, req.body.code, req.locale),
    );
    app.post('/public/complaints/code', { schema: { tags: publicTags, description: 'Send a new one-time code to the phone of the complaint (if the phone matches).', body: ResendCodeSchema, response: { 200: OkSchema } }, config: publicForm }, async (req) =>
      service.resendCode(req.body.trackingNo, req.body.phone, req.auditContext),
    );
    app.post('/public/complaints/agreement.pdf', { schema: { tags: publicTags, body: TrackSchema, response: { 200: Pdf, ...errors('NOT_FOUND') } }, config: publicForm }, async (req, reply) => {
      const { pdf, fileName } = await service.agreementPdfPublic(req.body.trackingNo, req.body.code);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    });

    // ---- staff
    app.get('/complaints', { schema: { tags, querystring: ComplaintQuerySchema, response: { 200: pageOf(ComplaintSummarySchema), ...STAFF } } }, async (req) => service.list(req.actor, req.query));
    app.post(
      '/complaints',
      { schema: { tags, description: 'Staff entry of a walk-in or telephone complaint.', body: IntakeSchema, response: { 201: IntakeResultSchema.extend({ id: z.string() }), 200: IntakeResultSchema.extend({ id: z.string() }), ...STAFF, ...errors('DUPLICATE') } } },
      async (req, reply) => {
        const res = await service.staffEntry(req.actor, req.body, req.auditContext);
        return reply.status(res.replayed ? 200 : 201).send(res);
      },
    );
    app.post(
      '/complaints/imports',
      {
        schema: {
          tags,
          description: 'Import a 12315 export (CSV, multipart field `file`). Rows are checked like the form; the 12315 registration number makes a re-import create nothing new.',
          consumes: ['multipart/form-data'],
          response: { 200: ImportResultSchema, ...STAFF, ...errors('PAYLOAD_TOO_LARGE', 'BAD_REQUEST') },
        },
      },
      async (req) => {
        if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
        let csv: Buffer | null = null;
        for await (const part of req.parts()) if (part.type === 'file') csv = await part.toBuffer();
        if (!csv) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'required' }] });
        return service.import12315(req.actor, csv, req.auditContext, req.locale);
      },
    );
    // ---- routing (issue 11)
    app.get('/complaints/routing', { schema: { tags, description: 'The routing table: handling units and the category × industry (GB/T 4754) rules.', response: { 200: RoutingTableSchema, ...STAFF } } }, async (req) => service.routingTable(req.actor));
    app.post('/complaints/routing/units', { schema: { tags, body: HandlingUnitCreateSchema, response: { 201: HandlingUnitSchema, ...STAFF } } }, async (req, reply) =>
      reply.status(201).send(await service.createUnit(req.actor, req.body, req.auditContext)),
    );
    app.post('/complaints/routing/rules', { schema: { tags, body: RoutingRuleCreateSchema, response: { 201: RoutingRuleSchema, ...STAFF } } }, async (req, reply) =>
      reply.status(201).send(await service.createRule(req.actor, req.body, req.auditContext)),
    );
    app.patch('/complaints/routing/rules/:id', { schema: { tags, params: UuidParam, body: RoutingRuleUpdateSchema, response: { 200: RoutingRuleSchema, ...CHANGE } } }, async (req) =>
      service.updateRule(req.actor, req.params.id, req.body, req.auditContext),
    );
    app.get('/complaints/figures', { schema: { tags, response: { 200: FiguresSchema, ...STAFF } } }, async (req) => service.figures(req.actor));
    app.get('/complaints/:id', { schema: { tags, params: UuidParam, response: { 200: ComplaintSchema, ...STAFF } } }, async (req) => service.get(req.actor, req.params.id, req.auditContext));
    app.post('/complaints/:id/accept', { schema: { tags, params: UuidParam, body: VersionBodySchema, response: { 200: ComplaintSchema, ...CHANGE } } }, async (req) =>
      service.accept(req.actor, req.params.id, req.body.version, req.auditContext),
    );
    app.post('/complaints/:id/refuse', { schema: { tags, params: UuidParam, body: RefuseSchema, response: { 200: ComplaintSchema, ...CHANGE } } }, async (req) =>
      service.refuse(req.actor, req.params.id, req.body, req.auditContext, req.locale),
    );
    app.post('/complaints/:id/assign', { schema: { tags, params: UuidParam, body: AssignSchema, response: { 200: ComplaintSchema, ...CHANGE } } }, async (req) =>
      service.assign(req.actor, req.params.id, req.body, req.auditContext),
    );
    app.get('/complaints/:id/mediators', { schema: { tags, description: 'Mediators who may take the complaint (jurisdiction, recusals excluded), least loaded first.', params: UuidParam, response: { 200: z.object({ items: z.array(EligibleMediatorSchema) }), ...STAFF } } }, async (req) =>
      service.eligibleMediators(req.actor, req.params.id),
    );
    app.post('/complaints/:id/reroute', { schema: { tags, description: 'The director moves a complaint to another district or handling unit, with a reason (audited, on the timeline).', params: UuidParam, body: RerouteSchema, response: { 200: ComplaintSchema, ...CHANGE } } }, async (req) =>
      service.reroute(req.actor, req.params.id, req.body, req.auditContext),
    );
    app.get('/complaints/:id/documents/:documentId', { schema: { tags, description: 'One issued document of the case (kept across reopenings).', params: z.object({ id: z.uuid(), documentId: z.uuid() }), response: { 200: Pdf, ...STAFF } } }, async (req, reply) => {
      const { pdf, fileName } = await service.documentPdf(req.actor, req.params.id, req.params.documentId);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    });
    app.post('/complaints/:id/recuse', { schema: { tags, params: UuidParam, body: RecuseSchema, response: { 200: ComplaintSchema, ...CHANGE } } }, async (req) =>
      service.recuse(req.actor, req.params.id, req.body, req.auditContext),
    );
    app.post('/complaints/:id/steps', { schema: { tags, params: UuidParam, body: StepSchema, response: { 200: ComplaintSchema, ...CHANGE } } }, async (req) =>
      service.recordStep(req.actor, req.params.id, req.body, req.auditContext),
    );
    app.post('/complaints/:id/pause', { schema: { tags, params: UuidParam, body: PauseSchema, response: { 200: ComplaintSchema, ...CHANGE } } }, async (req) =>
      service.pause(req.actor, req.params.id, req.body, req.auditContext),
    );
    app.post('/complaints/:id/resume', { schema: { tags, params: UuidParam, body: VersionBodySchema, response: { 200: ComplaintSchema, ...CHANGE } } }, async (req) =>
      service.resume(req.actor, req.params.id, req.body.version, req.auditContext),
    );
    app.post('/complaints/:id/conclude', { schema: { tags, params: UuidParam, body: ConcludeSchema, response: { 200: ComplaintSchema, ...CHANGE } } }, async (req) =>
      service.conclude(req.actor, req.params.id, req.body, req.auditContext, req.locale),
    );
    app.get('/complaints/:id/agreement.pdf', { schema: { tags, params: UuidParam, response: { 200: Pdf, ...STAFF } } }, async (req, reply) => {
      const { pdf, fileName } = await service.agreementPdf(req.actor, req.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    });
    app.post('/complaints/:id/follow-up', { schema: { tags, params: UuidParam, body: FollowUpSchema, response: { 200: ComplaintSchema, ...CHANGE } } }, async (req) =>
      service.followUp(req.actor, req.params.id, req.body, req.auditContext),
    );
    app.post('/complaints/:id/reopen', { schema: { tags, params: UuidParam, body: ReopenSchema, response: { 200: ComplaintSchema, ...CHANGE } } }, async (req) =>
      service.reopen(req.actor, req.params.id, req.body, req.auditContext),
    );
  };
}
