import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, inScope, can } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { TypedTx } from '../../../platform/db/database.js';
import { creditRepository as repo } from '../credit.repository.js';
import type { ApplicationRow, RecordRow, TimelineEntry } from '../credit.rows.js';
import { creditPolicy as P } from '../credit.policy.js';
import { presentApplication } from '../credit.presenter.js';
import type { CreditDeps } from '../deps.js';

/** A record the actor may see: a business its own enterprises', staff their jurisdiction's (else 404). */
export function readableRecord(actor: Actor, r: RecordRow | null): RecordRow {
  if (!r) throw new AppError('NOT_FOUND');
  if (actor.kind === 'business') {
    if (!actor.enterprises.includes(r.credit_code)) throw new AppError('NOT_FOUND');
    return r;
  }
  authorize(actor, P['record.read']);
  if (!inScope(actor, { regionCode: r.region_code })) throw new AppError('NOT_FOUND');
  return r;
}

/** An application: the applying business, or staff of the deciding office. */
export function readableApplication(actor: Actor, a: ApplicationRow | null): ApplicationRow {
  if (!a) throw new AppError('NOT_FOUND');
  if (actor.kind === 'business') {
    if (!actor.enterprises.includes(a.credit_code)) throw new AppError('NOT_FOUND');
    return a;
  }
  if (!can(actor, P['repair.read']) && !can(actor, P['repair.decide'])) throw new AppError('FORBIDDEN');
  if (!inScope(actor, { regionCode: a.office_region })) throw new AppError('NOT_FOUND');
  return a;
}

export function entry(deps: CreditDeps, step: string, by: string | null, note: string | null = null): TimelineEntry {
  return { at: deps.clock.now().toISOString(), step, by, note };
}

/** The application as the API returns it, read after the change. */
export async function applicationView(deps: CreditDeps, id: string, locale: Locale) {
  const a = await repo.getApplication(deps.db, id);
  if (!a) throw new AppError('NOT_FOUND');
  const r = await repo.getRecord(deps.db, a.record_id);
  if (!r) throw new AppError('NOT_FOUND');
  return presentApplication(a, r, await repo.syncsOf(deps.db, [r.id]), locale);
}

/**
 * One officer step on an application: authorise, lock, check version and state, apply, timeline
 * entry and audit in one transaction; then the view.
 */
export async function changeApplication(
  deps: CreditDeps,
  actor: Actor,
  req: { id: string; version: number; from: ApplicationRow['status'][]; action: string; ctx: AuditContext; locale: Locale },
  apply: (tx: TypedTx, a: ApplicationRow, record: RecordRow) => Promise<{ patch: Parameters<typeof repo.updateApplication>[2]; note?: string | null }>,
) {
  authorize(actor, P['repair.decide']);
  await deps.db.transaction().execute(async (tx) => {
    const a = readableApplication(actor, await repo.getApplication(tx, req.id, true));
    if (a.version !== req.version) throw new AppError('VERSION_CONFLICT');
    if (!req.from.includes(a.status)) throw new AppError('INVALID_STATE', { params: { status: a.status } });
    const record = await repo.getRecord(tx, a.record_id, true);
    if (!record) throw new AppError('NOT_FOUND');
    const { patch, note } = await apply(tx, a, record);
    await repo.updateApplication(tx, a.id, patch, entry(deps, req.action, actor.displayName ?? actor.username, note ?? null));
    await deps.audit.record(tx, req.ctx, { action: `credit.${req.action}`, entityType: 'credit-application', entityId: a.id, before: { status: a.status, version: a.version }, after: { ...patch } });
  });
  return applicationView(deps, req.id, req.locale);
}

/** The business accounts bound to an enterprise are told through the in-app notifier (by the applicant id). */
export async function tellApplicant(deps: CreditDeps, tx: TypedTx, a: ApplicationRow, title: string, body: string) {
  if (!a.applicant_id) return;
  await deps.notifier.notify(tx, { accountId: a.applicant_id, title, body, link: `/business/credit?application=${a.id}` });
}
