import { z } from 'zod';
import * as C from '../../../../contracts/service.js';
import { OkSchema } from '../../../../contracts/common.js';
import { errors, UuidParam, type App } from '../../platform/http/http.js';
import type { ServiceService } from './service.service.js';

const tags = ['service'];
const READ = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND');
const WRITE = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_FAILED', 'DUPLICATE', 'RULE_VIOLATION');
const STEP = errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_FAILED', 'VERSION_CONFLICT', 'INVALID_STATE', 'RULE_VIOLATION', 'LIMIT_EXCEEDED', 'DUPLICATE');
const items = <T extends z.ZodTypeAny>(s: T) => z.object({ items: z.array(s) });

/** Thin routes under /api/service: validate (contracts/service.ts), call the service, answer. */
export function serviceRoutes(service: ServiceService) {
  return async (app: App) => {
    // "one thing" items and their loop
    app.get('/service/items', { schema: { tags, description: 'Service items with the committed and actual speed-up rates and the loop state.', response: { 200: items(C.ItemSchema), ...READ } } }, async (req) => ({ items: await service.listItems(req.actor, req.locale) }));
    app.post('/service/items', { schema: { tags, body: C.ItemCreateSchema, response: { 201: C.ItemSchema, ...WRITE } } }, async (req, reply) => reply.status(201).send(await service.createItem(req.actor, req.body, req.auditContext, req.locale)));
    app.post('/service/items/:id/cases', { schema: { tags, description: 'Records a handled case and the working days it took.', params: UuidParam, body: C.ItemCaseSchema, response: { 201: OkSchema, ...WRITE } } }, async (req, reply) =>
      reply.status(201).send(await service.recordCase(req.actor, { itemId: req.params.id, ...req.body }, req.auditContext)),
    );
    app.get('/service/items/:id/loop', { schema: { tags, params: UuidParam, response: { 200: C.LoopSchema, ...READ } } }, async (req) => service.getLoop(req.actor, req.params.id, req.locale));

    // experiencers
    app.get('/service/teams', { schema: { tags, response: { 200: items(C.TeamSchema), ...READ } } }, async (req) => ({ items: await service.listTeams(req.actor) }));
    app.post('/service/teams', { schema: { tags, body: C.TeamCreateSchema, response: { 201: C.TeamSchema, ...WRITE } } }, async (req, reply) => reply.status(201).send(await service.createTeam(req.actor, req.body, req.auditContext)));
    app.get('/service/experiencers', { schema: { tags, response: { 200: items(C.ExperiencerSchema), ...READ } } }, async (req) => ({ items: await service.listExperiencers(req.actor) }));
    app.post('/service/experiencers', { schema: { tags, body: C.ExperiencerCreateSchema, response: { 201: C.ExperiencerSchema, ...WRITE } } }, async (req, reply) => reply.status(201).send(await service.enrollExperiencer(req.actor, req.body, req.auditContext)));
    app.post('/service/experience-sessions', { schema: { tags, body: C.ExperienceSessionCreateSchema, response: { 201: C.ExperienceSessionSchema, ...WRITE } } }, async (req, reply) =>
      reply.status(201).send(await service.recordExperienceSession(req.actor, req.body, req.auditContext)),
    );
    app.get('/service/categories', { schema: { tags, response: { 200: items(C.CategorySchema), ...READ } } }, async (req) => ({ items: await service.listCategories(req.actor, req.locale) }));
    app.post('/service/categories', { schema: { tags, description: 'Adds or edits a finding category.', body: C.CategoryUpsertSchema, response: { 200: C.CategorySchema, ...WRITE } } }, async (req) => service.upsertCategory(req.actor, req.body, req.auditContext, req.locale));
    app.get('/service/me/experience', { schema: { tags, description: "The experiencer's findings, measures and suggestions.", response: { 200: C.MyExperienceSchema, ...READ } } }, async (req) => service.myExperience(req.actor, req.locale));
    app.get('/service/findings', { schema: { tags, response: { 200: items(C.FindingSchema), ...READ } } }, async (req) => ({ items: await service.listFindings(req.actor, {}, req.locale) }));
    app.post('/service/findings', { schema: { tags, body: C.FindingCreateSchema, response: { 201: C.FindingSchema, ...WRITE } } }, async (req, reply) => reply.status(201).send(await service.fileFinding(req.actor, req.body, req.auditContext, req.locale)));
    app.post('/service/suggestions', { schema: { tags, body: C.SuggestionCreateSchema, response: { 201: C.SuggestionSchema, ...WRITE } } }, async (req, reply) => reply.status(201).send(await service.fileSuggestion(req.actor, req.body, req.auditContext)));

    // the closed loop
    app.post('/service/findings/:id/measures', { schema: { tags, description: 'A measure with owner department and due date: a tracked obligation.', params: UuidParam, body: C.MeasureCreateSchema, response: { 201: C.MeasureSchema, ...STEP } } }, async (req, reply) =>
      reply.status(201).send(await service.assignMeasure(req.actor, { findingId: req.params.id, ...req.body }, req.auditContext, req.locale)),
    );
    app.get('/service/measures', { schema: { tags, querystring: C.MeasureQuerySchema, response: { 200: items(C.MeasureSchema), ...READ } } }, async (req) => ({ items: await service.listMeasures(req.actor, req.query, req.locale) }));
    app.post('/service/measures/:id/done', { schema: { tags, params: UuidParam, body: C.MeasureDoneSchema, response: { 200: C.MeasureSchema, ...STEP } } }, async (req) => service.closeMeasure(req.actor, { id: req.params.id, ...req.body }, req.auditContext, req.locale));
    app.post('/service/measures/:id/evaluate', { schema: { tags, params: UuidParam, body: C.MeasureEvaluateSchema, response: { 200: C.MeasureSchema, ...STEP } } }, async (req) =>
      service.evaluateMeasure(req.actor, { id: req.params.id, ...req.body }, req.auditContext, req.locale),
    );

    // 好差评
    app.post('/service/ratings/counter', { schema: { tags, description: '一次一评 on the counter tablet (staff session of the handler).', body: C.CounterRatingSchema, response: { 201: C.RatingSchema, ...WRITE } } }, async (req, reply) =>
      reply.status(201).send(await service.rateAtCounter(req.actor, req.body, req.auditContext, req.locale)),
    );
    app.post('/service/ratings/online', { schema: { tags, description: '一事一评 online for a handled matter (module + id, e.g. exchange/<change id>).', body: C.OnlineRatingSchema, response: { 201: C.RatingSchema, ...WRITE } } }, async (req, reply) =>
      reply.status(201).send(await service.rateOnline(req.actor, req.body, req.auditContext, req.locale)),
    );
    app.get('/service/ratings', { schema: { tags, querystring: C.RatingQuerySchema, response: { 200: items(C.RatingSchema), ...READ } } }, async (req) => ({ items: await service.listRatings(req.actor, req.query, req.locale) }));
    app.get('/service/me/ratings', { schema: { tags, response: { 200: items(C.RatingSchema), ...READ } } }, async (req) => ({ items: await service.listRatings(req.actor, { mine: true }, req.locale) }));
    app.post('/service/ratings/:id/rectify', { schema: { tags, params: UuidParam, body: C.RectifySchema, response: { 200: C.RatingSchema, ...STEP } } }, async (req) => service.rectifyRating(req.actor, { id: req.params.id, ...req.body }, req.auditContext, req.locale));
    app.post('/service/ratings/:id/re-rate', { schema: { tags, params: UuidParam, body: C.ReRateSchema, response: { 200: C.RatingSchema, ...STEP } } }, async (req) => service.reRate(req.actor, { id: req.params.id, ...req.body }, req.auditContext, req.locale));
    app.post('/service/ratings/:id/appeal', { schema: { tags, params: UuidParam, body: C.AppealSchema, response: { 200: C.RatingSchema, ...STEP } } }, async (req) => service.appealRating(req.actor, { id: req.params.id, ...req.body }, req.auditContext, req.locale));
    app.post('/service/ratings/:id/appeal-decision', { schema: { tags, params: UuidParam, body: C.AppealDecisionSchema, response: { 200: C.RatingSchema, ...STEP } } }, async (req) =>
      service.decideAppeal(req.actor, { id: req.params.id, ...req.body }, req.auditContext, req.locale),
    );
    app.get('/service/settings', { schema: { tags, response: { 200: C.SettingsSchema, ...READ } } }, async (req) => service.getSettings(req.actor));
    app.post('/service/settings', { schema: { tags, body: C.SettingsUpdateSchema, response: { 200: C.SettingsSchema, ...WRITE } } }, async (req) => service.updateSettings(req.actor, req.body, req.auditContext));

    // the directors' clinic
    app.get('/service/clinic/sessions', { schema: { tags, response: { 200: items(C.ClinicSessionSchema), ...READ } } }, async (req) => ({ items: await service.listClinicSessions(req.actor) }));
    app.post('/service/clinic/sessions', { schema: { tags, body: C.ClinicSessionCreateSchema, response: { 201: C.ClinicSessionSchema, ...WRITE } } }, async (req, reply) => reply.status(201).send(await service.holdClinicSession(req.actor, req.body, req.auditContext)));
    app.post('/service/clinic/sessions/:id/bookings', { schema: { tags, description: 'A business books a slot (挂号).', params: UuidParam, body: C.BookingCreateSchema, response: { 201: C.BookingSchema, ...STEP } } }, async (req, reply) =>
      reply.status(201).send(await service.bookClinicSlot(req.actor, { sessionId: req.params.id, ...req.body }, req.auditContext, req.locale)),
    );
    app.get('/service/clinic/bookings', { schema: { tags, querystring: z.object({ sessionId: z.uuid().optional() }), response: { 200: items(C.BookingSchema), ...READ } } }, async (req) => ({ items: await service.listBookings(req.actor, req.query, req.locale) }));
    app.get('/service/clinic/bookings/:id', { schema: { tags, params: UuidParam, response: { 200: C.BookingSchema, ...READ } } }, async (req) => service.getBooking(req.actor, req.params.id, req.locale));
    app.post('/service/clinic/bookings/:id/prescribe', { schema: { tags, description: 'The prescription; the outcome report is due 15 working days later (a tracked obligation).', params: UuidParam, body: C.PrescribeSchema, response: { 200: C.BookingSchema, ...STEP } } }, async (req) =>
      service.prescribe(req.actor, { id: req.params.id, ...req.body }, req.auditContext, req.locale),
    );
    app.post('/service/clinic/bookings/:id/report', { schema: { tags, params: UuidParam, body: C.ReportSchema, response: { 200: C.BookingSchema, ...STEP } } }, async (req) => service.reportOutcome(req.actor, { id: req.params.id, ...req.body }, req.auditContext, req.locale));
    app.post('/service/clinic/bookings/:id/rate', { schema: { tags, params: UuidParam, body: C.BookingRateSchema, response: { 200: C.BookingSchema, ...STEP } } }, async (req) => service.rateOutcome(req.actor, { id: req.params.id, ...req.body }, req.auditContext, req.locale));
    app.get('/service/clinic/problem-classes', { schema: { tags, response: { 200: items(C.ProblemClassSchema), ...READ } } }, async (req) => ({ items: await service.listProblemClasses(req.actor) }));
    app.post('/service/clinic/problem-classes', { schema: { tags, body: C.ProblemClassCreateSchema, response: { 201: C.ProblemClassSchema, ...WRITE } } }, async (req, reply) => reply.status(201).send(await service.groupProblems(req.actor, req.body, req.auditContext)));

    app.get('/service/figures', { schema: { tags, description: 'Findings, measures, suggestions, "one thing" cases, speed-up rates (formula shown), satisfaction, clinic figures — all from records.', response: { 200: C.ServiceFiguresSchema, ...READ } } }, async (req) =>
      service.figures(req.actor),
    );
  };
}
