import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { enforcementRepository as repo, type TemplateRow } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import { DEFAULT_TEMPLATES } from '../enforcement.documents.js';
import type { EnforcementDeps } from '../deps.js';

function presentTemplate(t: TemplateRow) {
  return { kind: t.kind, title: t.title, bodyTemplate: t.body_template, footer: t.footer, version: t.version };
}

/** The editable document templates (seeded from the defaults on first use). */
export async function listTemplates(deps: EnforcementDeps, actor: Actor) {
  authorize(actor, P['template.read']);
  await deps.docs.ensure(deps.db);
  return (await repo.listTemplates(deps.db)).map(presentTemplate);
}

export interface UpdateTemplateInput {
  kind: string;
  title: string;
  bodyTemplate: string;
  footer: string;
  version: number;
}

/** Edits a template; it may only use the placeholders its default knows. */
export async function updateTemplate(deps: EnforcementDeps, actor: Actor, input: UpdateTemplateInput, ctx: AuditContext) {
  authorize(actor, P['template.update']);
  if (!DEFAULT_TEMPLATES[input.kind]) throw new AppError('NOT_FOUND');
  deps.docs.checkTemplate(input.kind, input.bodyTemplate);
  await deps.docs.ensure(deps.db);
  return deps.db.transaction().execute(async (tx) => {
    const before = await repo.getTemplate(tx, input.kind);
    const row = await repo.updateTemplate(tx, input.kind, input.version, { title: input.title, body_template: input.bodyTemplate, footer: input.footer, updated_by: actor.id, updated_at: deps.clock.now() });
    if (!row) throw new AppError('VERSION_CONFLICT');
    await deps.audit.record(tx, ctx, { action: 'enforcement.template.update', entityType: 'enforcement_template', entityId: input.kind, before: before && { title: before.title, version: before.version }, after: { title: row.title, version: row.version } });
    return presentTemplate(row);
  });
}
