import { z } from 'zod';
import {
  ApiTokenIssuedSchema,
  CallbackSchema,
  ChangeFileSchema,
  ChangeListQuerySchema,
  ChangePreviewRequestSchema,
  ChangePreviewSchema,
  ChangeSchema,
  DecisionSchema,
  DeliveryListQuerySchema,
  DeliverySchema,
  DepartmentCreatedSchema,
  DepartmentCreateSchema,
  DepartmentMonitorSchema,
  DepartmentSchema,
  DepartmentUpdateSchema,
  ExchangeSettingsSchema,
  FeedPageSchema,
  FeedQuerySchema,
  FiguresSchema,
  ReconciliationSchema,
  RejectSchema,
  SecretRotatedSchema,
} from '../../../../contracts/exchange.js';
import { OkSchema, pageOf } from '../../../../contracts/common.js';
import { errors, UuidParam, type App } from '../../platform/http/http.js';
import type { ExchangeService } from './exchange.service.js';

const tags = ['exchange'];
const STAFF = ['UNAUTHENTICATED', 'FORBIDDEN'] as const;

/** Thin routes: schema → use case (which authorises) → presented DTO. */
export function exchangeRoutes(service: ExchangeService) {
  return async (app: App) => {
    // Department catalogue (admin)
    app.get('/exchange/departments', { schema: { tags, response: { 200: z.object({ items: z.array(DepartmentSchema) }), ...errors(...STAFF) } } }, async (req) =>
      service.listDepartments(req.actor),
    );
    app.get('/exchange/departments/:id', { schema: { tags, params: UuidParam, response: { 200: DepartmentSchema, ...errors(...STAFF, 'NOT_FOUND') } } }, async (req) =>
      service.getDepartment(req.actor, req.params.id),
    );
    app.post(
      '/exchange/departments',
      {
        schema: {
          tags,
          description: 'Registers a linked department. The response carries its signing secret and (pull/both) its feed token, shown this once.',
          body: DepartmentCreateSchema,
          response: { 201: DepartmentCreatedSchema, ...errors(...STAFF, 'DUPLICATE', 'CSRF_FAILED') },
        },
      },
      async (req, reply) => reply.status(201).send(await service.createDepartment(req.actor, req.body, req.auditContext)),
    );
    app.patch(
      '/exchange/departments/:id',
      { schema: { tags, params: UuidParam, body: DepartmentUpdateSchema, response: { 200: DepartmentSchema, ...errors(...STAFF, 'NOT_FOUND', 'VERSION_CONFLICT', 'CSRF_FAILED') } } },
      async (req) => service.updateDepartment(req.actor, req.params.id, req.body, req.auditContext),
    );
    app.post(
      '/exchange/departments/:id/rotate-secret',
      { schema: { tags, params: UuidParam, response: { 200: SecretRotatedSchema, ...errors(...STAFF, 'NOT_FOUND', 'CSRF_FAILED') } } },
      async (req) => service.rotateSecret(req.actor, req.params.id, req.auditContext),
    );
    app.post(
      '/exchange/departments/:id/api-token',
      { schema: { tags, params: UuidParam, response: { 200: ApiTokenIssuedSchema, ...errors(...STAFF, 'NOT_FOUND', 'INVALID_STATE', 'CSRF_FAILED') } } },
      async (req) => service.issueToken(req.actor, req.params.id, req.auditContext),
    );

    // Settings (low-risk item kinds, notification deadline)
    app.get('/exchange/settings', { schema: { tags, response: { 200: ExchangeSettingsSchema, ...errors(...STAFF) } } }, async (req) => service.getSettings(req.actor));
    app.put(
      '/exchange/settings',
      { schema: { tags, body: ExchangeSettingsSchema, response: { 200: ExchangeSettingsSchema, ...errors(...STAFF, 'CSRF_FAILED') } } },
      async (req) => service.putSettings(req.actor, req.body, req.auditContext),
    );

    // Changes
    app.post(
      '/exchange/changes/preview',
      { schema: { tags, body: ChangePreviewRequestSchema, response: { 200: ChangePreviewSchema, ...errors(...STAFF, 'NOT_FOUND', 'CSRF_FAILED') } } },
      async (req) => service.preview(req.actor, req.body),
    );
    app.post(
      '/exchange/changes',
      {
        schema: {
          tags,
          description: 'A business files a change of registered items. The same idempotencyKey returns the change already filed (200).',
          body: ChangeFileSchema,
          response: { 200: ChangeSchema, 201: ChangeSchema, ...errors(...STAFF, 'NOT_FOUND', 'RULE_VIOLATION', 'CSRF_FAILED') },
        },
      },
      async (req, reply) => {
        const { change, replayed } = await service.fileChange(req.actor, req.body, req.auditContext);
        return reply.status(replayed ? 200 : 201).send(change);
      },
    );
    app.get('/exchange/changes', { schema: { tags, querystring: ChangeListQuerySchema, response: { 200: pageOf(ChangeSchema), ...errors(...STAFF) } } }, async (req) =>
      service.listChanges(req.actor, req.query),
    );
    app.get('/exchange/changes/:id', { schema: { tags, params: UuidParam, response: { 200: ChangeSchema, ...errors(...STAFF, 'NOT_FOUND') } } }, async (req) =>
      service.getChange(req.actor, req.params.id),
    );
    app.post(
      '/exchange/changes/:id/approve',
      {
        schema: {
          tags,
          params: UuidParam,
          body: DecisionSchema,
          response: { 200: ChangeSchema, ...errors(...STAFF, 'NOT_FOUND', 'INVALID_STATE', 'VERSION_CONFLICT', 'RULE_VIOLATION', 'CSRF_FAILED') },
        },
      },
      async (req) => service.approve(req.actor, req.params.id, req.body, req.auditContext),
    );
    app.post(
      '/exchange/changes/:id/reject',
      { schema: { tags, params: UuidParam, body: RejectSchema, response: { 200: ChangeSchema, ...errors(...STAFF, 'NOT_FOUND', 'INVALID_STATE', 'VERSION_CONFLICT', 'CSRF_FAILED') } } },
      async (req) => service.reject(req.actor, req.params.id, req.body, req.auditContext),
    );

    // Deliveries: the registrar's task list of failures, and a retry
    app.get('/exchange/deliveries', { schema: { tags, querystring: DeliveryListQuerySchema, response: { 200: pageOf(DeliverySchema), ...errors(...STAFF) } } }, async (req) =>
      service.listDeliveries(req.actor, req.query),
    );
    app.post(
      '/exchange/deliveries/:id/retry',
      { schema: { tags, params: UuidParam, response: { 200: DeliverySchema, ...errors(...STAFF, 'NOT_FOUND', 'INVALID_STATE', 'CSRF_FAILED') } } },
      async (req) => service.retryDelivery(req.actor, req.params.id, req.auditContext),
    );
    app.post(
      '/exchange/callbacks/:id',
      {
        schema: {
          tags,
          description:
            'A department acknowledges a delivery it answered with 202. Headers x-xf-key-id, x-xf-timestamp and x-xf-signature = HMAC-SHA256(secret, "timestamp.deliveryId.reference.status").',
          params: UuidParam,
          body: CallbackSchema,
          response: { 200: OkSchema, ...errors('UNAUTHENTICATED', 'NOT_FOUND', 'DUPLICATE') },
        },
      },
      async (req) => service.callback(req.params.id, req.headers, req.body),
    );

    // Pull feed (department token)
    app.get(
      '/exchange/feed',
      {
        schema: {
          tags,
          description: "The change feed as the calling department's mapped view (Bearer token of its department_client account). Replays from any cursor.",
          querystring: FeedQuerySchema,
          response: { 200: FeedPageSchema, ...errors(...STAFF) },
        },
      },
      async (req) => service.readFeed(req.actor, req.query),
    );

    // Monitoring, reconciliation, figures
    app.get('/exchange/monitor/departments', { schema: { tags, response: { 200: DepartmentMonitorSchema, ...errors(...STAFF) } } }, async (req) =>
      service.monitorDepartments(req.actor),
    );
    app.post('/exchange/reconciliations', { schema: { tags, response: { 200: ReconciliationSchema, ...errors(...STAFF, 'CSRF_FAILED') } } }, async (req) =>
      service.reconcile(req.actor, req.auditContext),
    );
    app.get('/exchange/reconciliations/latest', { schema: { tags, response: { 200: ReconciliationSchema, ...errors(...STAFF, 'NOT_FOUND') } } }, async (req) =>
      service.latestReconciliation(req.actor),
    );
    app.get('/exchange/figures', { schema: { tags, response: { 200: FiguresSchema, ...errors(...STAFF) } } }, async (req) => service.figures(req.actor));
  };
}
