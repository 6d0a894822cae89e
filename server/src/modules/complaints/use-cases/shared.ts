/**
 * Helpers every complaints use case shares: loading a readable case, the state change with its
 * version check and audit entry, the timeline entry, telling the consumer, working-day arithmetic.
 */
import type { Actor } from '../../../platform/auth/roles.js';
import { assertInScope, authorize, hasRole } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { TypedDbOrTx, TypedTx } from '../../../platform/db/database.js';
import { complaintsRepository as repo, routingRepository as routing, type ComplaintPatch, type ComplaintRow, type ComplaintStatus, type StationRow } from '../complaints.repository.js';
import { presentComplaint } from '../complaints.presenter.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import { COMPLAINT_ERRORS, SMS_LOCALE, complaintText } from '../domain/texts.js';
import type { ComplaintsDeps } from '../deps.js';

/** The case when it exists and lies in the actor's jurisdiction (NOT_FOUND otherwise). */
export function readable(actor: Actor, row: ComplaintRow | undefined): ComplaintRow {
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: row.region_code });
  return row;
}

export function stale(): AppError {
  return new AppError('VERSION_CONFLICT');
}

export function requireStatus(row: ComplaintRow, ...statuses: ComplaintStatus[]): void {
  if (!statuses.includes(row.status)) throw new AppError('INVALID_STATE', { params: { status: row.status } });
}

/** A paused mediation (testing, appraisal: art. 20) takes no step and no conclusion until resumed. */
export function requireNotPaused(row: ComplaintRow): void {
  if (row.paused_since) throw new AppError('INVALID_STATE', { text: COMPLAINT_ERRORS.paused });
}

/** The assigned mediator (or an admin) may record the mediation. */
export function assertMediator(actor: Actor, row: ComplaintRow): void {
  authorize(actor, P['complaint.mediate']);
  if (row.mediator_id !== actor.id && !hasRole(actor, 'admin')) throw new AppError('FORBIDDEN');
}

/** n working days after `start`, or null when the calendar does not cover the result yet (nothing is guessed). */
export function workingDaysAfter(deps: Pick<ComplaintsDeps, 'calendar'>, start: string, n: number): string | null {
  try {
    return deps.calendar().addWorkingDays(start, n);
  } catch (err) {
    if (err instanceof AppError && err.code === 'CALENDAR_OUT_OF_RANGE') return null;
    throw err;
  }
}

/** Adds a timeline entry (received, accepted, step, paused…) to a case. */
export async function addTimelineEntry(
  deps: Pick<ComplaintsDeps, 'clock'>,
  tx: TypedDbOrTx,
  complaintId: string,
  kind: string,
  actor: Actor | null,
  note = '',
  extra: { step?: string; mode?: string; data?: unknown } = {},
): Promise<void> {
  await repo.addEntry(tx, {
    complaint_id: complaintId,
    kind,
    step: extra.step ?? null,
    mode: extra.mode ?? null,
    note,
    data: extra.data ?? null,
    actor_name: actor?.displayName ?? actor?.username ?? null,
    at: deps.clock.now(),
  });
}

/** An SMS to the complainant about their case (the tracking number is appended). */
export async function tellConsumer(deps: Pick<ComplaintsDeps, 'notifier' | 'crypto'>, tx: TypedDbOrTx, row: ComplaintRow, title: string, body: string): Promise<void> {
  await deps.notifier.notify(tx, { phone: deps.crypto.decrypt(row.complainant_phone_enc), title, body: complaintText('sms.suffix', SMS_LOCALE, { body, trackingNo: row.tracking_no }) });
}

/** The staff view of a case with its timeline. */
export async function complaintDetail(deps: ComplaintsDeps, actor: Actor, id: string) {
  const row = readable(actor, await repo.get(deps.db, id));
  const unit = row.handling_unit_id ? ((await routing.unit(deps.db, row.handling_unit_id)) ?? null) : null;
  const extras = { unit, documents: await routing.documents(deps.db, id) };
  return presentComplaint(row, await repo.entries(deps.db, id), deps.calendar(), deps.clock.today(), extras);
}

export interface ChangeRequest {
  id: string;
  /** The version the client last saw (VERSION_CONFLICT when the case moved since). */
  version: number;
  ctx: AuditContext;
  /** The audit action, e.g. `complaint.accept`. */
  action: string;
}

/**
 * Runs a state change of one complaint: locks it, checks the version, applies the patch `fn`
 * returns (null: nothing to write), runs `after` (timeline, messages, events) and writes the audit
 * last, all in one transaction. Answers the staff view of the case after the change.
 */
export async function changeComplaint(
  deps: ComplaintsDeps,
  actor: Actor,
  req: ChangeRequest,
  fn: (tx: TypedTx, row: ComplaintRow) => Promise<ComplaintPatch | null>,
  after?: (tx: TypedTx, row: ComplaintRow, before: ComplaintRow) => Promise<void>,
) {
  await deps.db.transaction().execute(async (tx) => {
    const before = readable(actor, await repo.getForUpdate(tx, req.id));
    if (before.version !== req.version) throw stale();
    const patch = await fn(tx, before);
    let row = before;
    if (patch) {
      const updated = await repo.update(tx, req.id, req.version, patch);
      if (!updated) throw stale();
      row = updated;
    }
    await after?.(tx, row, before);
    await deps.audit.record(tx, req.ctx, {
      action: req.action,
      entityType: 'complaint',
      entityId: req.id,
      before: { status: before.status, version: before.version },
      after: { status: row.status, ...(patch ?? {}) },
    });
  });
  return complaintDetail(deps, actor, req.id);
}

/** The patch that reopens a closed or refused case where it left off. */
export function reopenPatch(row: ComplaintRow): ComplaintPatch {
  if (row.status === 'refused') return { status: 'received', refusal_ground: null, refusal_note: null, concluded_on: null, reopened_count: row.reopened_count + 1 };
  return {
    status: row.mediator_id ? 'mediating' : 'accepted',
    outcome: null,
    termination_ground: null,
    agreement_file_id: null,
    concluded_on: null,
    concluded_at: null,
    termination_notice_due: null,
    reopened_count: row.reopened_count + 1,
  };
}

export async function stationOr404(db: TypedDbOrTx, id: string): Promise<StationRow> {
  const s = await repo.getStation(db, id);
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}
