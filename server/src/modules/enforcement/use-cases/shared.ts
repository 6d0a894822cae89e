import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope, jurisdictionPrefix, type Rule } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError, ruleViolation } from '../../../platform/errors/app-error.js';
import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { ruleSetForRegion, ruleSetOf } from '../domain/rule-sets.js';
import { canStep, decisionDueAsOf, pausedDaysAsOf, verificationDue, type StepKind } from '../domain/procedure.js';
import { fieldError } from '../domain/messages.js';
import { TEXT } from '../domain/texts.js';
import { enforcementRepository as repo, type CaseRow, type CaseValues, type EngagementRow } from '../enforcement.repository.js';
import { officeOf } from '../enforcement.documents.js';
import { presentEngagement } from '../enforcement.presenter.js';
import type { EnforcementDeps, StepInput } from '../deps.js';

/**
 * The helpers every enforcement use case shares: reading a case in scope, refusing back-dating, the
 * state change with its version check and timeline entry (`runStep`), the officers of a case, and
 * the few values documents take from a case.
 */

/** A client-supplied time more than this before the server time is back-dating. */
const BACKDATING_TOLERANCE_MS = 60_000;

/** For display only (dueOf): a date past even the predicted years shows as none. Writes never use it — a stored statutory date is always computed (provisionally past the official data). */
export function safe<T extends string | null>(fn: () => T): T | null {
  try {
    return fn();
  } catch (err) {
    if (err instanceof AppError && err.code === 'CALENDAR_OUT_OF_RANGE') return null;
    throw err;
  }
}

/** The decision due date of a case as of today (domain/procedure.ts `decisionDueAsOf`), null past the calendar. */
export function dueOf(deps: EnforcementDeps): (r: CaseRow) => string | null {
  const today = deps.clock.today();
  const cal = deps.calendar.get();
  return (r) => safe(() => decisionDueAsOf(cal, r, today, ruleSetOf(r)));
}

/** The values that end a pause: the paused days are added and the decision due date recomputed. */
export function resumeValues(deps: EnforcementDeps, r: CaseRow): CaseValues {
  const today = deps.clock.today();
  return {
    paused_days: pausedDaysAsOf(r, today),
    paused_since: null,
    pause_reason: null,
    decision_due: r.opened_on ? decisionDueAsOf(deps.calendar.get(), r, today, ruleSetOf(r)) ?? r.decision_due : r.decision_due,
  };
}

export { ruleSetOf };

export function violationOf(row: CaseRow) {
  return ruleSetOf(row).violations.find((v) => v.code === row.violation_type);
}

export function officeValues(row: Pick<CaseRow, 'region_code'>) {
  return { reviewOrgan: officeOf(row.region_code).reviewOrgan, court: '有管辖权的人民法院' };
}

export function penaltyText(row: Pick<CaseRow, 'penalty' | 'amount_fen'>): string {
  if (row.penalty === 'warning') return '警告';
  if (row.penalty === 'fine') return `罚款人民币${(Number(row.amount_fen) / 100).toLocaleString('zh-CN')}元`;
  return '不予行政处罚';
}

export async function partyAddress(deps: EnforcementDeps, code: string | null) {
  if (!code) return '—';
  const e = await deps.registry.findByCode(code);
  return e?.address ?? '—';
}

export function readable(actor: Actor, row: CaseRow | undefined): CaseRow {
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: row.region_code });
  return row;
}

export function regionAllowed(actor: Actor, region: string) {
  const own = jurisdictionPrefix(actor);
  if (own && !region.startsWith(own)) throw new AppError('FORBIDDEN');
}

export function actorName(actor: Actor): string | null {
  return actor.displayName ?? actor.username;
}

/**
 * Real-time operation: a client-supplied time earlier than now is back-dating. The attempt is
 * recorded (anomaly + audit) in its own transaction, so it survives the refusal.
 */
export async function refuseBackdating(deps: EnforcementDeps, actor: Actor, ctx: AuditContext, caseId: string | null, action: string, occurredAt?: string) {
  if (!occurredAt) return;
  const claimed = Date.parse(occurredAt);
  const now = deps.clock.now();
  if (!(claimed < now.getTime() - BACKDATING_TOLERANCE_MS)) return;
  const detail = { action, claimedAt: new Date(claimed).toISOString(), serverTime: now.toISOString() };
  await deps.db.transaction().execute(async (tx) => {
    await repo.insertAnomaly(tx, { kind: 'backdating', account_id: actor.id, actor_name: actorName(actor), case_id: caseId, detail, at: now });
    await deps.audit.record(tx, ctx, { action: 'enforcement.backdating-refused', entityType: 'enforcement_case', entityId: caseId, after: detail });
  });
  throw ruleViolation(TEXT.backdating, detail, [fieldError('occurredAt', 'BACKDATING')]);
}

/** The accounts of `ids`, each an active enforcement officer whose jurisdiction covers `region`. */
export async function officerAccounts(deps: EnforcementDeps, h: TypedDbOrTx, ids: string[], region: string) {
  const unique = [...new Set(ids)];
  const rows = await repo.accounts(h, unique);
  const bad = unique.filter((id) => {
    const a = rows.find((r) => r.id === id);
    return !a || a.disabled || a.kind !== 'staff' || !a.roles.includes('enforcement_officer') || (a.jurisdiction && !region.startsWith(a.jurisdiction));
  });
  if (bad.length) {
    throw new AppError('VALIDATION_FAILED', { fields: [fieldError('officerIds', 'NOT_AN_OFFICER', { ids: bad.join(', ') })] });
  }
  return rows;
}

/** What one step changes: the case columns and the data of its timeline entry. */
export interface StepChange {
  values: CaseValues;
  data?: Record<string, unknown>;
}

/**
 * Runs one step of a case: checks the rule, back-dating, the version, the state machine and (for
 * officer steps) that the actor is one of the case's officers; applies the change; records the
 * step (timeline entry) with the server time; audits last. The case is read once, locked, inside
 * the transaction.
 */
export async function runStep(
  deps: EnforcementDeps,
  actor: Actor,
  ctx: AuditContext,
  input: StepInput,
  kind: StepKind,
  opts: { rule: Rule; officerOnly?: boolean },
  apply: (row: CaseRow, tx: TypedDbOrTx) => Promise<StepChange>,
): Promise<CaseRow> {
  authorize(actor, opts.rule);
  const { id } = input;
  readable(actor, await repo.getCase(deps.db, id));
  await refuseBackdating(deps, actor, ctx, id, `case.${kind}`, input.occurredAt);
  return deps.db.transaction().execute(async (tx) => {
    const row = readable(actor, await repo.getCaseForUpdate(tx, id));
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT', { params: { current: row.version } });
    if (!canStep(row.status, kind)) throw new AppError('INVALID_STATE', { params: { status: row.status, step: kind } });
    if (opts.officerOnly && row.status !== 'lead' && !row.officer_ids.includes(actor.id ?? '')) throw new AppError('FORBIDDEN');
    const { values, data } = await apply(row, tx);
    const now = deps.clock.now();
    const updated = await repo.updateCase(tx, id, input.version, values, now);
    if (!updated) throw new AppError('VERSION_CONFLICT');
    await repo.insertStep(tx, { case_id: id, kind, recorded_at: now, actor_id: actor.id, actor_name: actorName(actor), data: data ?? null });
    await deps.audit.record(tx, ctx, {
      action: `enforcement.case.${kind}`,
      entityType: 'enforcement_case',
      entityId: id,
      before: { status: row.status, version: row.version },
      after: { status: updated.status, version: updated.version, ...(data ?? {}) },
    });
    return updated;
  });
}

/** Inserts a lead (general procedure) numbered ZF-<year>-<seq>, with its verification due date. */
export async function insertLead(deps: EnforcementDeps, tx: TypedDbOrTx, v: CaseValues & { source: string; region_code: string; party_name: string; party_kind: CaseRow['party_kind'] }) {
  const today = deps.clock.today();
  const seq = await repo.nextCaseSeq(tx);
  return repo.insertCase(tx, {
    ...v,
    case_no: `ZF-${today.slice(0, 4)}-${String(seq).padStart(6, '0')}`,
    procedure: 'general',
    status: 'lead',
    received_on: today,
    verification_due: verificationDue(deps.calendar.get(), today, false, ruleSetForRegion(v.region_code)),
  });
}

export async function enterpriseInScope(deps: EnforcementDeps, actor: Actor, code: string) {
  const e = await deps.registry.findByCode(code);
  if (!e) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: e.regionCode });
  return e;
}

export async function engagementDto(deps: EnforcementDeps, row: EngagementRow) {
  const documents = await deps.docs.documentsOf(deps.db, 'enforcement.engagement', [row.id]);
  return presentEngagement(row, documents, deps.docs.verifyUrl);
}
