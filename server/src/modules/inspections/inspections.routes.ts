import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import {
  AddTargetsResultSchema,
  AddTargetsSchema,
  AdoptSchema,
  CatalogueSchema,
  CommitSchema,
  CompleteVisitSchema,
  DepartmentSchema,
  DirectoryCreateSchema,
  DirectorySchema,
  DrawBundleSchema,
  FieldCreateSchema,
  FieldSchema,
  FiguresSchema,
  InspectorCreateSchema,
  InspectorSchema,
  InspectorUpdateSchema,
  ItemCreateSchema,
  ItemResultSchema,
  ItemSchema,
  ModerateSchema,
  PhoneCodeRequestSchema,
  PhoneSessionRequestSchema,
  PhoneSessionSchema,
  PlanCreateSchema,
  PlanSchema,
  ProposalCreateSchema,
  ProposalSchema,
  PublicProposalSchema,
  PublicTaskSchema,
  RevealSchema,
  SupportSchema,
  TaskCreateSchema,
  TaskSchema,
  TaskSummarySchema,
  VideoSchema,
  ViewSchema,
  VisitSchema,
} from '../../../../contracts/inspections.js';
import { OkSchema } from '../../../../contracts/common.js';
import { errors, limitBy, UuidParam, type App } from '../../platform/http/http.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { InspectionsService } from './inspections.service.js';

const tags = ['inspections'];
const publicTags = ['public'];
const STAFF = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_FAILED');
const CHANGE = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_FAILED', 'VERSION_CONFLICT', 'INVALID_STATE', 'RULE_VIOLATION', 'DUPLICATE');
const UPLOAD = errors('PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST');
const Binary = z.any().describe('binary');
const list = <T extends z.ZodTypeAny>(s: T) => z.object({ items: z.array(s) });
const ItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const PhotoParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** Reads the files and text fields of a multipart request. */
async function readParts(req: FastifyRequest): Promise<{ files: Record<string, { data: Buffer; name: string }>; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
  const files: Record<string, { data: Buffer; name: string }> = {};
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') files[part.fieldname] = { data: await part.toBuffer(), name: part.filename || part.fieldname };
    else fields[part.fieldname] = String(part.value);
  }
  return { files, fields };
}

/** Thin routes: schema → use case (which authorises) → presented DTO. */
export function inspectionsRoutes(service: InspectionsService, publicRateLimit: number, phoneRateLimit = 5) {
  const publicForm = { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' }, publicForm: true };
  const publicRead = { rateLimit: { max: publicRateLimit * 4, timeWindow: '1 minute' } };
  const perPhone = limitBy({
    max: phoneRateLimit,
    windowMs: 3_600_000,
    key: (req) => {
      const digits = String((req.body as { phone?: string } | undefined)?.phone ?? '').replace(/\D/g, '');
      return digits ? `inspections-phone:${digits}` : null;
    },
  });
  return async (app: App) => {
    // ---- 一单两库
    app.get('/inspections/catalogue', { schema: { tags, response: { 200: CatalogueSchema, ...STAFF } } }, async (req) => service.catalogue(req.actor));
    app.post('/inspections/departments', { schema: { tags, body: DepartmentSchema, response: { 201: DepartmentSchema, ...STAFF } } }, async (req, reply) =>
      reply.status(201).send(await service.addDepartment(req.actor, req.body, req.auditContext)),
    );
    app.post('/inspections/fields', { schema: { tags, body: FieldCreateSchema, response: { 201: FieldSchema, ...STAFF, ...errors('DUPLICATE') } } }, async (req, reply) =>
      reply.status(201).send(await service.addField(req.actor, req.body, req.auditContext)),
    );
    app.post('/inspections/items', { schema: { tags, body: ItemCreateSchema, response: { 201: ItemSchema, ...STAFF } } }, async (req, reply) =>
      reply.status(201).send(await service.addItem(req.actor, req.body, req.auditContext)),
    );
    app.get('/inspections/fields/:id/directories', { schema: { tags, params: UuidParam, response: { 200: list(DirectorySchema), ...STAFF } } }, async (req) => service.listDirectories(req.actor, req.params.id));
    app.post('/inspections/directories', { schema: { tags, body: DirectoryCreateSchema, response: { 201: DirectorySchema, ...STAFF } } }, async (req, reply) =>
      reply.status(201).send(await service.addDirectory(req.actor, req.body, req.auditContext)),
    );
    app.post('/inspections/directories/:id/targets', { schema: { tags, params: UuidParam, body: AddTargetsSchema, response: { 200: AddTargetsResultSchema, ...STAFF } } }, async (req) =>
      service.addTargets(req.actor, { directoryId: req.params.id, ...req.body }, req.auditContext, req.locale),
    );
    app.get('/inspections/inspectors', { schema: { tags, response: { 200: list(InspectorSchema), ...STAFF } } }, async (req) => service.listInspectors(req.actor));
    app.post('/inspections/inspectors', { schema: { tags, body: InspectorCreateSchema, response: { 201: InspectorSchema, ...STAFF } } }, async (req, reply) =>
      reply.status(201).send(await service.addInspector(req.actor, req.body, req.auditContext)),
    );
    app.patch('/inspections/inspectors/:id', { schema: { tags, params: UuidParam, body: InspectorUpdateSchema, response: { 200: InspectorSchema, ...STAFF } } }, async (req) =>
      service.updateInspector(req.actor, { id: req.params.id, ...req.body }, req.auditContext),
    );

    // ---- plans, tasks, the draw
    app.get('/inspections/plans', { schema: { tags, response: { 200: list(PlanSchema), ...STAFF } } }, async (req) => service.listPlans(req.actor));
    app.post('/inspections/plans', { schema: { tags, body: PlanCreateSchema, response: { 201: PlanSchema, ...STAFF } } }, async (req, reply) =>
      reply.status(201).send(await service.createPlan(req.actor, req.body, req.auditContext)),
    );
    app.get('/inspections/tasks', { schema: { tags, response: { 200: list(TaskSummarySchema), ...STAFF } } }, async (req) => service.listTasks(req.actor));
    app.post('/inspections/tasks', { schema: { tags, body: TaskCreateSchema, response: { 201: TaskSchema, ...CHANGE } } }, async (req, reply) =>
      reply.status(201).send(await service.createTask(req.actor, req.body, req.auditContext)),
    );
    app.get('/inspections/tasks/:id', { schema: { tags, params: UuidParam, response: { 200: TaskSchema, ...STAFF } } }, async (req) => service.getTask(req.actor, req.params.id));
    app.post('/inspections/tasks/:id/commitments', { schema: { tags, description: 'A party commits SHA-256(taskId:party:secret) before any secret is revealed.', params: UuidParam, body: CommitSchema, response: { 200: TaskSchema, ...CHANGE } } }, async (req) =>
      service.commit(req.actor, { taskId: req.params.id, ...req.body }, req.auditContext),
    );
    app.post('/inspections/tasks/:id/reveals', { schema: { tags, params: UuidParam, body: RevealSchema, response: { 200: TaskSchema, ...CHANGE } } }, async (req) =>
      service.reveal(req.actor, { taskId: req.params.id, ...req.body }, req.auditContext),
    );
    app.post('/inspections/tasks/:id/draw', { schema: { tags, description: 'Runs the verifiable draw (xf-draw/1): targets by class, teams with recusal.', params: UuidParam, response: { 200: TaskSchema, ...CHANGE } } }, async (req) =>
      service.draw(req.actor, req.params.id, req.auditContext),
    );
    app.get('/inspections/tasks/:id/progress', { schema: { tags, params: UuidParam, response: { 200: z.object({ status: z.string(), progress: z.object({ phase: z.string(), done: z.number(), total: z.number() }).nullable() }), ...STAFF } } }, async (req) =>
      service.progress(req.actor, req.params.id),
    );
    app.post('/inspections/tasks/:id/publish', { schema: { tags, params: UuidParam, response: { 200: TaskSchema, ...CHANGE } } }, async (req) => service.publish(req.actor, req.params.id, req.auditContext));

    // ---- visits (the phone checklist)
    app.get('/inspections/visits/mine', { schema: { tags, response: { 200: list(VisitSchema), ...STAFF } } }, async (req) => service.myVisits(req.actor));
    app.get('/inspections/visits/:id', { schema: { tags, params: UuidParam, response: { 200: VisitSchema, ...STAFF } } }, async (req) => service.getVisit(req.actor, req.params.id));
    app.post('/inspections/visits/:id/items/:itemId', { schema: { tags, params: ItemParams, body: ItemResultSchema, response: { 200: VisitSchema, ...CHANGE } } }, async (req) =>
      service.recordItem(req.actor, { visitId: req.params.id, itemId: req.params.itemId, ...req.body }, req.auditContext),
    );
    app.post(
      '/inspections/visits/:id/items/:itemId/photos',
      { schema: { tags, description: 'Multipart field `file` (JPEG or PNG).', consumes: ['multipart/form-data'], params: ItemParams, response: { 200: VisitSchema, ...CHANGE, ...UPLOAD } } },
      async (req) => {
        const { files } = await readParts(req);
        const f = files.file;
        if (!f) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'required' }] });
        return service.attachPhoto(req.actor, { visitId: req.params.id, itemId: req.params.itemId, data: f.data, fileName: f.name }, req.auditContext);
      },
    );
    app.get('/inspections/visits/:id/photos/:fileId', { schema: { tags, params: PhotoParams, response: { 200: Binary, ...STAFF } } }, async (req, reply) => {
      const p = await service.readPhoto(req.actor, req.params.id, req.params.fileId);
      return reply.type(p.mime).send(p.data);
    });
    app.post('/inspections/visits/:id/complete', { schema: { tags, params: UuidParam, body: CompleteVisitSchema, response: { 200: VisitSchema, ...CHANGE } } }, async (req) =>
      service.completeVisit(req.actor, { visitId: req.params.id, ...req.body }, req.auditContext),
    );

    // ---- proposals and videos (staff)
    app.get('/inspections/proposals', { schema: { tags, response: { 200: list(ProposalSchema), ...STAFF } } }, async (req) => service.listProposals(req.actor));
    app.post('/inspections/proposals/:id/moderate', { schema: { tags, params: UuidParam, body: ModerateSchema, response: { 200: ProposalSchema, ...CHANGE } } }, async (req) =>
      service.moderate(req.actor, { id: req.params.id, ...req.body }, req.auditContext),
    );
    app.post('/inspections/proposals/adopt', { schema: { tags, description: 'The most supported open proposal (or `proposalId`) becomes a surprise task.', body: AdoptSchema, response: { 201: TaskSchema, ...CHANGE } } }, async (req, reply) =>
      reply.status(201).send(await service.adopt(req.actor, req.body, req.auditContext)),
    );
    app.post(
      '/inspections/videos',
      { schema: { tags, description: 'Multipart: `file` (MP4, WebM or QuickTime, ≤ 8 MB), optional `poster` (JPEG or PNG), fields `title`, `proposalId`, `taskId`.', consumes: ['multipart/form-data'], response: { 201: VideoSchema, ...CHANGE, ...UPLOAD } } },
      async (req, reply) => {
        const { files, fields } = await readParts(req);
        if (!files.file) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'required' }] });
        const title = (fields.title ?? '').trim();
        if (!title || title.length > 100) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'title', code: 'required' }] });
        const uuid = z.uuid().optional();
        const ids = { proposalId: uuid.safeParse(fields.proposalId || undefined), taskId: uuid.safeParse(fields.taskId || undefined) };
        if (!ids.proposalId.success || !ids.taskId.success) throw new AppError('VALIDATION_FAILED', { fields: [{ path: ids.proposalId.success ? 'taskId' : 'proposalId', code: 'invalid' }] });
        const video = await service.uploadVideo(req.actor, { title, video: files.file, poster: files.poster, proposalId: ids.proposalId.data, taskId: ids.taskId.data }, req.auditContext);
        return reply.status(201).send(video);
      },
    );
    app.get('/inspections/figures', { schema: { tags, response: { 200: FiguresSchema, ...STAFF } } }, async (req) => service.figures(req.actor));

    // ---- public
    app.get('/public/inspections/results', { schema: { tags: publicTags, response: { 200: list(TaskSummarySchema) } }, config: publicRead }, async () => service.publishedTasks());
    app.get('/public/inspections/tasks/:id', { schema: { tags: publicTags, params: UuidParam, response: { 200: PublicTaskSchema, ...errors('NOT_FOUND') } }, config: publicRead }, async (req) => service.publicTask(req.params.id));
    app.get(
      '/public/inspections/tasks/:id/draw.json',
      { schema: { tags: publicTags, description: 'The draw\'s verification bundle: `npm run draw:verify -- <this URL>` re-runs it.', params: UuidParam, response: { 200: DrawBundleSchema, ...errors('NOT_FOUND') } }, config: publicRead },
      async (req) => service.drawBundle(req.params.id),
    );
    app.post('/public/inspections/phone-codes', { schema: { tags: publicTags, body: PhoneCodeRequestSchema, response: { 200: OkSchema } }, config: publicForm, preHandler: perPhone }, async (req) =>
      service.requestCode(req.body, req.auditContext),
    );
    app.post('/public/inspections/phone-sessions', { schema: { tags: publicTags, body: PhoneSessionRequestSchema, response: { 201: PhoneSessionSchema } }, config: publicForm, preHandler: perPhone }, async (req, reply) =>
      reply.status(201).send(await service.verifyPhone(req.body, req.auditContext)),
    );
    app.get('/public/inspections/proposals', { schema: { tags: publicTags, response: { 200: list(ProposalSchema) } }, config: publicRead }, async () => service.publicProposals());
    app.post('/public/inspections/proposals', { schema: { tags: publicTags, body: ProposalCreateSchema, response: { 201: ProposalSchema, ...errors('UNAUTHENTICATED') } }, config: publicForm }, async (req, reply) =>
      reply.status(201).send(await service.submitProposal(req.body, req.auditContext)),
    );
    app.get('/public/inspections/proposals/:id', { schema: { tags: publicTags, params: UuidParam, response: { 200: PublicProposalSchema, ...errors('NOT_FOUND') } }, config: publicRead }, async (req) =>
      service.publicProposal(req.params.id),
    );
    app.post('/public/inspections/proposals/:id/supports', { schema: { tags: publicTags, params: UuidParam, body: SupportSchema, response: { 200: ProposalSchema, ...errors('UNAUTHENTICATED', 'NOT_FOUND', 'DUPLICATE', 'RULE_VIOLATION') } }, config: publicForm }, async (req) =>
      service.support({ proposalId: req.params.id, token: req.body.token }, req.auditContext),
    );
    app.get('/public/inspections/videos', { schema: { tags: publicTags, response: { 200: list(VideoSchema) } }, config: publicRead }, async () => service.videos());
    app.get(
      '/public/inspections/videos/:id/stream',
      { schema: { tags: publicTags, description: 'The video; honours `Range: bytes=…` (206 with Content-Range; 416 when unsatisfiable).', params: UuidParam, response: { 200: Binary, 206: Binary, 416: Binary, ...errors('NOT_FOUND') } }, config: publicRead },
      async (req, reply) => {
        const s = await service.stream(req.params.id, req.headers.range);
        reply.header('accept-ranges', 'bytes').header('cache-control', 'public, max-age=3600');
        if (s.status === 416) return reply.status(416).header('content-range', `bytes */${s.size}`).send(Buffer.alloc(0));
        if (s.status === 206) reply.status(206).header('content-range', `bytes ${s.start}-${s.end}/${s.size}`);
        return reply.type(s.mime).header('content-length', s.body.length).send(s.body);
      },
    );
    app.get('/public/inspections/videos/:id/poster', { schema: { tags: publicTags, params: UuidParam, response: { 200: Binary, ...errors('NOT_FOUND') } }, config: publicRead }, async (req, reply) => {
      const p = await service.poster(req.params.id);
      return reply.type(p.mime).header('cache-control', 'public, max-age=86400').send(p.data);
    });
    app.post('/public/inspections/videos/:id/views', { schema: { tags: publicTags, description: 'Counts a view once per visitor and day.', params: UuidParam, body: ViewSchema, response: { 200: z.object({ counted: z.boolean(), views: z.number() }), ...errors('NOT_FOUND') } }, config: publicForm }, async (req) =>
      service.countView(req.params.id, req.body.visitor),
    );
    app.get('/public/inspections/figures', { schema: { tags: publicTags, response: { 200: FiguresSchema } }, config: publicRead }, async () => service.figures(null));
  };
}
