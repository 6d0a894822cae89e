/**
 * Helpers the insurance use cases share: the trigger check against the policy in force, the refusal
 * texts, telling the claimant, loading a readable claim and the reviewer's state change.
 */
import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { localize, type Locale, type LocalizedText } from '../../../platform/i18n/i18n.js';
import type { TypedDbOrTx, TypedTx } from '../../../platform/db/database.js';
import type { ComplaintForClaim } from '../../complaints/index.js';
import { insuranceRepository as repo, type ClaimPatch, type ClaimRow, type ClaimStatus, type PolicyRow } from '../insurance.repository.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import { presentClaim } from '../insurance.presenter.js';
import { evaluateConditions, type Condition, type LiabilityFinding } from '../domain/triggers.js';
import { INSURANCE_ERRORS, LIMIT_NAMES, SMS_LOCALE, formatYuan, insuranceText } from '../domain/texts.js';
import type { InsuranceDeps } from '../deps.js';

function policyTerms(pol: PolicyRow) {
  return { startsOn: pol.starts_on, endsOn: pol.ends_on, coveredRegions: pol.covered_regions, categories: pol.categories, purchaseCapFen: Number(pol.purchase_cap_fen) };
}

/** The §H trigger conditions of a complaint against the policy in force on the day of purchase. */
export async function checkConditions(deps: Pick<InsuranceDeps, 'db'>, c: ComplaintForClaim, liability?: LiabilityFinding | null): Promise<{ policy: PolicyRow | null; conditions: Condition[] }> {
  const day = c.occurredOn ?? c.receivedOn;
  const policy = (await repo.policyOn(deps.db, day)) ?? null;
  const conditions = evaluateConditions(
    { kind: c.kind, status: c.status, mediationFailed: c.mediationFailed, regionCode: c.regionCode, category: c.category, amountFen: c.amountFen, occurredOn: day },
    policy ? policyTerms(policy) : null,
    liability,
  );
  return { policy, conditions };
}

/** The refusal of a claim whose conditions fail: the message names every failing one. */
export function conditionsFail(bad: Condition[]): AppError {
  const failing = (l: keyof LocalizedText, sep: string) => bad.map((c) => c.label[l]).join(sep);
  const t = INSURANCE_ERRORS.conditionsFail;
  return new AppError('RULE_VIOLATION', {
    text: {
      'zh-CN': localize(t, 'zh-CN', { failing: failing('zh-CN', '；') }),
      'zh-TW': localize(t, 'zh-TW', { failing: failing('zh-TW', '；') }),
      en: localize(t, 'en', { failing: failing('en', '; ') }),
    },
    fields: bad.map((c) => ({ path: `conditions.${c.id}`, code: 'CONDITION_FAILED', text: c.label })),
  });
}

/** An approval over the claimed amount, the per-accident limit or the remaining aggregate. */
export function limitExceeded(limit: keyof typeof LIMIT_NAMES, maxFen: number): AppError {
  const amount = formatYuan(maxFen);
  const t = INSURANCE_ERRORS.limitExceeded;
  return new AppError('LIMIT_EXCEEDED', {
    text: {
      'zh-CN': localize(t, 'zh-CN', { limit: LIMIT_NAMES[limit]['zh-CN'], amount }),
      'zh-TW': localize(t, 'zh-TW', { limit: LIMIT_NAMES[limit]['zh-TW'], amount }),
      en: localize(t, 'en', { limit: LIMIT_NAMES[limit].en, amount }),
    },
    params: { limit, maxFen },
  });
}

/** An SMS to the claimant (the claim number is appended). */
export async function tellClaimant(deps: Pick<InsuranceDeps, 'notifier' | 'crypto'>, tx: TypedDbOrTx, claim: ClaimRow, title: string, body: string): Promise<void> {
  await deps.notifier.notify(tx, { phone: deps.crypto.decrypt(claim.claimant_phone_enc), title, body: insuranceText('sms.suffix', SMS_LOCALE, { body, claimNo: claim.claim_no }) });
}

export function readableClaim(actor: Actor, row: ClaimRow | undefined): ClaimRow {
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: row.region_code });
  return row;
}

export interface ReviewRequest {
  id: string;
  version: number;
  /** The status the claim must be in. */
  from: ClaimStatus;
  ctx: AuditContext;
  action: string;
  locale: Locale;
}

/** A reviewer's change of a claim in one transaction (version- and status-checked, audited last). */
export async function reviewClaim(
  deps: InsuranceDeps,
  actor: Actor,
  req: ReviewRequest,
  fn: (tx: TypedTx, row: ClaimRow) => Promise<ClaimPatch>,
  notice: (row: ClaimRow) => [title: string, body: string],
) {
  authorize(actor, P['claim.review']);
  const row = await deps.db.transaction().execute(async (tx) => {
    const before = readableClaim(actor, await repo.getClaim(tx, req.id));
    if (before.status !== req.from) throw new AppError('INVALID_STATE', { params: { status: before.status } });
    if (before.version !== req.version) throw new AppError('VERSION_CONFLICT');
    // The claim row is claimed first (conditional on version and status), so a second approval of
    // the same claim waits here and then finds nothing to update.
    const locked = await repo.updateClaim(tx, req.id, req.version, req.from, { reviewed_by: actor.displayName ?? actor.username });
    if (!locked) throw new AppError('VERSION_CONFLICT');
    const patch = await fn(tx, locked);
    const after = await repo.updateClaim(tx, req.id, locked.version, req.from, patch);
    if (!after) throw new AppError('VERSION_CONFLICT');
    const [title, body] = notice(after);
    await tellClaimant(deps, tx, after, title, body);
    await deps.audit.record(tx, req.ctx, { action: req.action, entityType: 'insurance-claim', entityId: req.id, before: { status: before.status, version: req.version }, after: { status: after.status, ...patch } });
    return after;
  });
  return presentClaim(row, req.locale);
}
