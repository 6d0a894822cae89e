import { z } from 'zod';
import type { Platform } from '../module.js';
import { authorize } from '../auth/policy.js';
import { errors, UuidParam, type App } from '../http/http.js';
import { platformPolicy as P } from '../platform.policy.js';

const ObligationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  ownerId: z.string().nullable(),
  regionCode: z.string().nullable(),
  dueOn: z.string(),
  dueProvisional: z.boolean(),
  status: z.enum(['open', 'fulfilled', 'cancelled']),
  state: z.enum(['open', 'due-soon', 'overdue', 'fulfilled', 'cancelled']),
  alertedOn: z.string().nullable(),
  escalatedOn: z.string().nullable(),
  fulfilledOn: z.string().nullable(),
  fulfilmentNote: z.string().nullable(),
});

/** The obligation work lists (mine, my offices') and recording a fulfilment. */
export function registerObligationRoutes(app: App, p: Platform) {
  app.get(
    '/obligations',
    {
      schema: {
        tags: ['obligations'],
        querystring: z.object({ scope: z.enum(['mine', 'office']).default('mine'), status: z.enum(['open', 'fulfilled', 'all']).default('open') }),
        response: { 200: z.object({ items: z.array(ObligationSchema) }), ...errors('UNAUTHENTICATED', 'FORBIDDEN') },
      },
    },
    async (req) => {
      authorize(req.actor, P['obligation.work']);
      return { items: await p.obligations.list(req.actor, req.query) };
    },
  );
  app.post(
    '/obligations/:id/fulfil',
    {
      schema: {
        tags: ['obligations'],
        params: UuidParam,
        body: z.object({ note: z.string().min(2).max(2000) }).strict(),
        response: { 200: ObligationSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_STATE', 'CSRF_FAILED') },
      },
    },
    async (req) => {
      authorize(req.actor, P['obligation.work']);
      return p.obligations.fulfil(req.actor, req.params.id, req.body.note, req.auditContext);
    },
  );
}
