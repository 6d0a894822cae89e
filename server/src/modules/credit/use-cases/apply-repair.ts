import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError, ruleViolation } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { localize } from '../../../platform/i18n/i18n.js';
import { creditRepository as repo } from '../credit.repository.js';
import type { Proof } from '../credit.rows.js';
import { creditPolicy as P } from '../credit.policy.js';
import { REPAIR_TIME_LIMITS } from '../domain/rules.js';
import { COMMITMENT, NOTICE } from '../domain/texts.js';
import type { CreditDeps } from '../deps.js';
import { eligibilityOf } from './check-eligibility.js';
import { applicationView, entry, readableRecord, tellApplicant } from './shared.js';

export interface ApplyRepairInput {
  recordId: string;
  measures: string;
  commitmentSigner: string;
  commitmentAccepted: true;
  proofFileIds: string[];
  idempotencyKey: string;
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === '23505';
}

/**
 * A business applies to repair one of its records: eligibility checked first (refused with every
 * rule that fails), the proofs must be its own uploads, the credit commitment signed; the
 * application goes to the office that issued the record with the acceptance clock (2 working days)
 * as a tracked obligation. The same submission twice (same key, or the record already has an open
 * application) makes one: the existing application is returned with `replayed`.
 */
export async function applyRepair(deps: CreditDeps, actor: Actor, input: ApplyRepairInput, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['repair.apply']);
  const byKey = await repo.findApplicationByKey(deps.db, input.idempotencyKey);
  if (byKey) {
    if (!actor.enterprises.includes(byKey.credit_code)) throw new AppError('DUPLICATE');
    return { replayed: true, view: await applicationView(deps, byKey.id, locale) };
  }
  const record = readableRecord(actor, await repo.getRecord(deps.db, input.recordId));
  const open = await repo.openApplicationFor(deps.db, record.id);
  if (open) return { replayed: true, view: await applicationView(deps, open.id, locale) };
  const elig = await eligibilityOf(deps, deps.db, record, locale);
  if (!elig.eligible) {
    throw ruleViolation(
      { 'zh-CN': '{reasons}', 'zh-TW': '{reasons}', en: '{reasons}' },
      { reasons: elig.reasons.map((r) => `${r.message}（${r.rule}）`).join('；') },
      elig.reasons.map((r) => ({ path: 'recordId', code: r.code, message: `${r.message} — ${r.rule}` })),
    );
  }
  const proofs: Proof[] = [];
  for (const id of input.proofFileIds) {
    const f = await deps.files.get(id);
    if (!f || f.ownerAccountId !== actor.id) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'proofFileIds', code: 'unknown_file' }] });
    proofs.push({ fileId: f.id, name: f.originalName, mime: f.mime, size: f.size });
  }
  const today = deps.clock.today();
  const acceptDue = deps.calendar().addWorkingDays(today, REPAIR_TIME_LIMITS.acceptWorkingDays);
  try {
    const id = await deps.db.transaction().execute(async (tx) => {
      const a = await repo.insertApplication(tx, {
        record_id: record.id,
        credit_code: record.credit_code,
        office_region: record.region_code,
        applicant_id: actor.id,
        idempotency_key: input.idempotencyKey,
        status: 'submitted',
        measures: input.measures,
        commitment_signer: input.commitmentSigner,
        commitment_version: COMMITMENT.version,
        proofs,
        accept_due: acceptDue,
        submitted_on: today,
        timeline: [entry(deps, 'submitted', actor.displayName ?? actor.username, null)],
      });
      await deps.obligations.track(tx, {
        kind: 'credit.repair-accept',
        subjectType: 'credit-application',
        subjectId: a.id,
        title: `信用修复申请受理 ${record.party_name}`,
        link: `/staff/credit/applications?application=${a.id}`,
        ownerId: null,
        regionCode: record.region_code,
        dueOn: acceptDue,
      });
      await tellApplicant(deps, tx, a, localize(NOTICE.submitted, locale, { due: acceptDue }), localize(NOTICE.submitted, locale, { due: acceptDue }));
      await deps.audit.record(tx, ctx, { action: 'credit.repair.apply', entityType: 'credit-application', entityId: a.id, after: { recordId: record.id, proofs: proofs.length } });
      return a.id;
    });
    return { replayed: false, view: await applicationView(deps, id, locale) };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const again = (await repo.findApplicationByKey(deps.db, input.idempotencyKey)) ?? (await repo.openApplicationFor(deps.db, record.id));
    if (!again) throw e;
    return { replayed: true, view: await applicationView(deps, again.id, locale) };
  }
}
