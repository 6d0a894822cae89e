import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError, ruleViolation } from '../../../platform/errors/app-error.js';
import { draftProblems, NATIONAL_SCOPE, type RulebookEntry, type RulebookParams } from '../domain/rulebook.js';
import { fieldError } from '../domain/messages.js';
import { RULEBOOK_TEXT } from '../domain/texts.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import { rulebookRepository as repo, type VersionRow } from '../rulebook.repository.js';
import type { EnforcementDeps } from '../deps.js';

/**
 * The rulebook's editing cycle (issue 11): a legal reviewer copies the active published version of a
 * scope into a draft, edits the draft (parameters and entries), and publishes it as the new version
 * of the scope; the previous one is superseded. Drafts never reach the engine; published versions
 * are never edited; cases keep the version they stored.
 */

function presentVersion(v: VersionRow, entryCount?: number) {
  return {
    id: v.id,
    key: `${v.rule_set_id}@${v.version}`,
    ruleSetId: v.rule_set_id,
    version: v.version,
    scope: v.scope,
    status: v.status,
    effectiveFrom: v.effective_from,
    params: v.params,
    note: v.note,
    publishedAt: v.published_at ? new Date(v.published_at).toISOString() : null,
    rowVersion: v.row_version,
    ...(entryCount !== undefined ? { entryCount } : {}),
  };
}

export async function listRulebookVersions(deps: EnforcementDeps, actor: Actor) {
  authorize(actor, P['rulebook.read']);
  return (await repo.listVersions(deps.db)).map((v) => presentVersion(v, v.entry_count));
}

export async function getRulebookVersion(deps: EnforcementDeps, actor: Actor, input: { id: string }) {
  authorize(actor, P['rulebook.read']);
  const v = await repo.getVersion(deps.db, input.id);
  if (!v) throw new AppError('NOT_FOUND');
  return { ...presentVersion(v), entries: await repo.entriesOf(deps.db, v.id) };
}

/** A draft of a scope, copied from its active version (a new province starts from the national one). */
export async function createRulebookDraft(deps: EnforcementDeps, actor: Actor, input: { scope: string }, ctx: AuditContext) {
  authorize(actor, P['rulebook.edit']);
  if (input.scope !== NATIONAL_SCOPE && !/^\d{2}$/.test(input.scope)) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('scope', 'OUT_OF_RANGE')] });
  const id = await deps.db.transaction().execute(async (tx) => {
    if (await repo.draftOf(tx, input.scope)) throw ruleViolation(RULEBOOK_TEXT.draftExists);
    const from = (await repo.activeOf(tx, input.scope)) ?? (await repo.activeOf(tx, NATIONAL_SCOPE));
    if (!from) throw new AppError('NOT_FOUND');
    const ruleSetId = from.scope === input.scope ? from.rule_set_id : `province-${input.scope}`;
    const created = await repo.insertVersion(tx, {
      rule_set_id: ruleSetId,
      version: (await repo.maxVersion(tx, ruleSetId)) + 1,
      scope: input.scope,
      status: 'draft',
      effective_from: deps.clock.today(),
      params: from.params,
      note: '',
      created_by: actor.id,
    });
    if (!created) throw new AppError('VERSION_CONFLICT');
    await repo.replaceEntries(tx, created.id, await repo.entriesOf(tx, from.id));
    await deps.audit.record(tx, ctx, { action: 'enforcement.rulebook.draft', entityType: 'enforcement_rulebook_version', entityId: created.id, after: { key: `${ruleSetId}@${created.version}`, from: `${from.rule_set_id}@${from.version}` } });
    return created.id;
  });
  return getRulebookVersion(deps, actor, { id });
}

export interface UpdateDraftInput {
  id: string;
  rowVersion: number;
  params?: RulebookParams;
  note?: string;
  effectiveFrom?: string;
  /** The draft's entries in full (replaces them). */
  entries?: RulebookEntry[];
}

export async function updateRulebookDraft(deps: EnforcementDeps, actor: Actor, input: UpdateDraftInput, ctx: AuditContext) {
  authorize(actor, P['rulebook.edit']);
  await deps.db.transaction().execute(async (tx) => {
    const v = await repo.getVersion(tx, input.id, true);
    if (!v) throw new AppError('NOT_FOUND');
    if (v.status !== 'draft') throw ruleViolation(RULEBOOK_TEXT.publishedIsFrozen);
    if (v.row_version !== input.rowVersion) throw new AppError('VERSION_CONFLICT');
    const problems = draftProblems({ params: input.params ?? v.params, entries: input.entries ?? [] });
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems.map((p) => fieldError(p.path, p.code)) });
    const updated = await repo.updateDraft(tx, v.id, v.row_version, { params: input.params, note: input.note, effective_from: input.effectiveFrom });
    if (!updated) throw new AppError('VERSION_CONFLICT');
    if (input.entries) await repo.replaceEntries(tx, v.id, input.entries);
    await deps.audit.record(tx, ctx, {
      action: 'enforcement.rulebook.edit',
      entityType: 'enforcement_rulebook_version',
      entityId: v.id,
      before: { params: v.params },
      after: { params: input.params ?? v.params, entries: input.entries?.length, note: input.note },
    });
  });
  return getRulebookVersion(deps, actor, { id: input.id });
}

/** Publishes a draft: it becomes the active version of its scope; the previous one is superseded (audited). */
export async function publishRulebookDraft(deps: EnforcementDeps, actor: Actor, input: { id: string; rowVersion: number }, ctx: AuditContext) {
  authorize(actor, P['rulebook.publish']);
  await deps.db.transaction().execute(async (tx) => {
    const v = await repo.getVersion(tx, input.id, true);
    if (!v) throw new AppError('NOT_FOUND');
    if (v.status !== 'draft') throw ruleViolation(RULEBOOK_TEXT.publishedIsFrozen);
    if (v.row_version !== input.rowVersion) throw new AppError('VERSION_CONFLICT');
    const entries = await repo.entriesOf(tx, v.id);
    const problems = draftProblems({ params: v.params, entries });
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems.map((p) => fieldError(p.path, p.code)) });
    const previous = await repo.activeOf(tx, v.scope);
    if (previous) await repo.setStatus(tx, previous.id, 'superseded');
    await repo.setStatus(tx, v.id, 'published', { by: actor.id, at: deps.clock.now() });
    await deps.audit.record(tx, ctx, {
      action: 'enforcement.rulebook.publish',
      entityType: 'enforcement_rulebook_version',
      entityId: v.id,
      before: { active: previous ? `${previous.rule_set_id}@${previous.version}` : null },
      after: { active: `${v.rule_set_id}@${v.version}`, entries: entries.length },
    });
  });
  return getRulebookVersion(deps, actor, { id: input.id });
}
