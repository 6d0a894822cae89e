import { z } from 'zod';
import {
  EnterpriseCreateSchema,
  EnterpriseSchema,
  EnterpriseSearchSchema,
  EnterpriseSummarySchema,
  EnterpriseUpdateSchema,
  ImportJobSchema,
  PublicEnterpriseSchema,
} from '../../../../contracts/registry.js';
import { pageOf, queryInt } from '../../../../contracts/common.js';
import { errors, UuidParam, type App } from '../../platform/http/http.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { RegistryService } from './registry.service.js';

const CodeParam = z.object({ code: z.string().min(1).max(30) });
const tags = ['registry'];

/** Thin routes: schema → use case (which authorises) → presented DTO. */
export function registryRoutes(service: RegistryService, publicRateLimit: number) {
  return async (app: App) => {
    app.get(
      '/enterprises',
      { schema: { tags, querystring: EnterpriseSearchSchema, response: { 200: pageOf(EnterpriseSummarySchema), ...errors('UNAUTHENTICATED', 'FORBIDDEN') } } },
      async (req) => service.search(req.actor, req.query, req.locale),
    );

    app.post(
      '/enterprises',
      { schema: { tags, body: EnterpriseCreateSchema, response: { 201: EnterpriseSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'DUPLICATE', 'CSRF_FAILED') } } },
      async (req, reply) => reply.status(201).send(await service.create(req.actor, req.body, req.auditContext, req.locale)),
    );

    app.get(
      '/enterprises/:code',
      { schema: { tags, params: CodeParam, response: { 200: EnterpriseSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') } } },
      async (req) => service.get(req.actor, req.params.code, req.locale),
    );

    app.patch(
      '/enterprises/:code',
      {
        schema: {
          tags,
          params: CodeParam,
          body: EnterpriseUpdateSchema,
          response: { 200: EnterpriseSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VERSION_CONFLICT', 'CSRF_FAILED') },
        },
      },
      async (req) => service.update(req.actor, req.params.code, req.body, req.auditContext, req.locale),
    );

    app.post(
      '/enterprises/:code/legal-rep-id',
      {
        schema: {
          tags,
          description: 'Reveals the full ID number of the legal representative (registrars only; audited).',
          params: CodeParam,
          response: { 200: z.object({ idNumber: z.string().nullable() }), ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_FAILED') },
        },
      },
      async (req) => service.revealLegalRepId(req.actor, req.params.code, req.auditContext),
    );

    app.post(
      '/enterprises/imports',
      {
        schema: {
          tags,
          description: 'Upload a CSV (multipart field `file`, optional field `skipErrors=true`). A file with errors imports nothing unless skipErrors is set.',
          consumes: ['multipart/form-data'],
          response: { 202: ImportJobSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE', 'BAD_REQUEST', 'CSRF_FAILED') },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
        let csv: Buffer | null = null;
        let fileName = 'import.csv';
        let skipErrors = false;
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            csv = await part.toBuffer();
            fileName = part.filename || fileName;
          } else if (part.fieldname === 'skipErrors') {
            skipErrors = String(part.value) === 'true';
          }
        }
        if (!csv) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'required' }] });
        return reply.status(202).send(await service.startImport(req.actor, { csv, fileName, skipErrors }, req.auditContext, req.locale));
      },
    );

    app.get(
      '/enterprises/imports/:id',
      { schema: { tags, params: UuidParam, response: { 200: ImportJobSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') } } },
      async (req) => service.getImport(req.actor, req.params.id, req.locale),
    );

    // Public look-up (no log-in), rate limited.
    app.get(
      '/public/enterprises',
      {
        schema: { tags: ['public'], querystring: z.object({ q: z.string().trim().min(1).max(100), limit: queryInt(1, 50).default(20) }), response: { 200: z.object({ items: z.array(PublicEnterpriseSchema) }) } },
        config: { rateLimit: { max: publicRateLimit * 4, timeWindow: '1 minute' } },
      },
      async (req) => ({ items: await service.publicSearch(req.query.q, req.query.limit, req.locale) }),
    );
    app.get(
      '/public/enterprises/:code',
      {
        schema: { tags: ['public'], params: CodeParam, response: { 200: PublicEnterpriseSchema, ...errors('NOT_FOUND') } },
        config: { rateLimit: { max: publicRateLimit * 4, timeWindow: '1 minute' } },
      },
      async (req) => service.publicGet(req.params.code, req.locale),
    );
  };
}
