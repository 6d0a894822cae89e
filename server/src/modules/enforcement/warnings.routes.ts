import { z } from 'zod';
import {
  PermitCreateSchema,
  PermitSchema,
  RecomputeResultSchema,
  WarningAcknowledgeSchema,
  WarningIssueSchema,
  WarningListItemSchema,
  WarningSchema,
  WarningSignalsQuerySchema,
} from '../../../../contracts/enforcement-warnings.js';
import { errors, UuidParam, type App } from '../../platform/http/http.js';
import type { WarningsService } from './warnings.service.js';

const tags = ['enforcement'];

/** Early warnings (issue 11): thin routes over use-cases/{list,issue,acknowledge}-warning(s).ts. */
export function warningsRoutes(service: WarningsService) {
  return async (app: App) => {
    app.get(
      '/enforcement/warning-signals',
      {
        schema: {
          tags,
          description: 'The warning list: enterprises of the jurisdiction with computed signals (complaints rising, permits expiring, repeated findings).',
          querystring: WarningSignalsQuerySchema,
          response: { 200: z.array(WarningListItemSchema), ...errors('UNAUTHENTICATED', 'FORBIDDEN') },
        },
      },
      async (req) => service.listSignals(req.actor, req.query),
    );
    app.post(
      '/enforcement/warning-signals/recompute',
      { schema: { tags, description: 'Recomputes every signal now (the daily job, on demand).', response: { 200: RecomputeResultSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED') } } },
      async (req) => service.recompute(req.actor),
    );
    app.get(
      '/enforcement/warnings',
      { schema: { tags, description: 'Warnings issued in the jurisdiction (staff) or to the enterprises of the business account.', response: { 200: z.array(WarningSchema), ...errors('UNAUTHENTICATED', 'FORBIDDEN') } } },
      async (req) => service.list(req.actor),
    );
    app.post(
      '/enforcement/warnings',
      {
        schema: {
          tags,
          description: 'Issues a 风险提示函 from the open signals: numbered PDF with QR code, portal notice and SMS to the business, acknowledgement deadline tracked.',
          body: WarningIssueSchema,
          response: { 201: WarningSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RULE_VIOLATION', 'VALIDATION_FAILED', 'CSRF_FAILED') },
        },
      },
      async (req, reply) => reply.code(201).send(await service.issue(req.actor, req.body, req.auditContext)),
    );
    app.get(
      '/enforcement/warnings/:id',
      { schema: { tags, params: UuidParam, response: { 200: WarningSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') } } },
      async (req) => service.get(req.actor, req.params.id),
    );
    app.get(
      '/enforcement/warnings/:id/letter.pdf',
      { schema: { tags, params: UuidParam, response: { ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') } } },
      async (req, reply) => {
        const pdf = await service.letterPdf(req.actor, req.params.id);
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(pdf.name)}`);
        return reply.send(pdf.data as never);
      },
    );
    app.post(
      '/enforcement/warnings/:id/acknowledge',
      {
        schema: {
          tags,
          description: 'The business acknowledges (签收) a warning addressed to its enterprise; the time and the account are recorded.',
          params: UuidParam,
          body: WarningAcknowledgeSchema,
          response: { 200: WarningSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VERSION_CONFLICT', 'RULE_VIOLATION', 'CSRF_FAILED') },
        },
      },
      async (req) => service.acknowledge(req.actor, { id: req.params.id, ...req.body }, req.auditContext),
    );
    app.post(
      '/enforcement/permits',
      {
        schema: {
          tags,
          description: 'Records a licence or permit (type, number, expiry) in the permit register; signals are recomputed.',
          body: PermitCreateSchema,
          response: { 201: PermitSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'CSRF_FAILED') },
        },
      },
      async (req, reply) => reply.code(201).send(await service.addPermit(req.actor, req.body, req.auditContext)),
    );
  };
}
