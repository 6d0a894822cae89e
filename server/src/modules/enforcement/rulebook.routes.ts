import { z } from 'zod';
import {
  RulebookDraftCreateSchema,
  RulebookDraftUpdateSchema,
  RulebookPublishSchema,
  RulebookVersionDetailSchema,
  RulebookVersionSchema,
} from '../../../../contracts/enforcement-rulebook.js';
import { errors, UuidParam, type App } from '../../platform/http/http.js';
import type { EnforcementDeps } from './deps.js';
import { createRulebookDraft, getRulebookVersion, listRulebookVersions, publishRulebookDraft, updateRulebookDraft } from './use-cases/manage-rulebook.js';

const tags = ['enforcement'];
const WRITE = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VERSION_CONFLICT', 'RULE_VIOLATION', 'VALIDATION_FAILED', 'CSRF_FAILED'] as const;

/** The rulebook (issue 11): versions, entries with their sources, drafts and publication. Thin routes over use-cases/manage-rulebook.ts. */
export function rulebookRoutes(deps: EnforcementDeps) {
  return async (app: App) => {
    app.get(
      '/enforcement/rulebook/versions',
      { schema: { tags, description: 'Every rulebook version (lenient lists and discretion benchmarks), per scope, newest first.', response: { 200: z.array(RulebookVersionSchema), ...errors('UNAUTHENTICATED', 'FORBIDDEN') } } },
      async (req) => listRulebookVersions(deps, req.actor),
    );
    app.get(
      '/enforcement/rulebook/versions/:id',
      { schema: { tags, params: UuidParam, response: { 200: RulebookVersionDetailSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') } } },
      async (req) => getRulebookVersion(deps, req.actor, { id: req.params.id }),
    );
    app.post(
      '/enforcement/rulebook/drafts',
      { schema: { tags, description: 'A legal reviewer starts a draft of a scope from its active version.', body: RulebookDraftCreateSchema, response: { 201: RulebookVersionDetailSchema, ...errors(...WRITE) } } },
      async (req, reply) => reply.code(201).send(await createRulebookDraft(deps, req.actor, req.body, req.auditContext)),
    );
    app.patch(
      '/enforcement/rulebook/versions/:id',
      { schema: { tags, description: 'Edits a draft (published versions are frozen).', params: UuidParam, body: RulebookDraftUpdateSchema, response: { 200: RulebookVersionDetailSchema, ...errors(...WRITE) } } },
      async (req) => updateRulebookDraft(deps, req.actor, { id: req.params.id, ...req.body }, req.auditContext),
    );
    app.post(
      '/enforcement/rulebook/versions/:id/publish',
      {
        schema: {
          tags,
          description: 'Publishes a draft as the active version of its scope; new cases use it, open cases keep theirs.',
          params: UuidParam,
          body: RulebookPublishSchema,
          response: { 200: RulebookVersionDetailSchema, ...errors(...WRITE) },
        },
      },
      async (req) => publishRulebookDraft(deps, req.actor, { id: req.params.id, rowVersion: req.body.rowVersion }, req.auditContext),
    );
  };
}
