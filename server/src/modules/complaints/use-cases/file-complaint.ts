import { randomInt } from 'node:crypto';
import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { fieldMessage } from '../../../platform/http/field-messages.js';
import { addCalendarDays, formatDue } from '../../../platform/calendar/index.js';
import type { Intake } from '../../../../../contracts/complaints.js';
import { COMPLAINTS_COMPLAINT_FILED } from '../../../../../contracts/events.js';
import { validateMobilePhone, maskPhone, validateIdNumber, maskIdNumber } from '../../registry/index.js';
import { complaintsRepository as repo, type ComplaintRow } from '../complaints.repository.js';
import { validateIntake, respondentKey, DUPLICATE_WINDOW_DAYS } from '../domain/rules.js';
import { CODE_PLACEHOLDER } from '../domain/access-code.js';
import { COMPLAINT_ERRORS, SMS_LOCALE, complaintText } from '../domain/texts.js';
import { acceptanceLimit } from '../domain/deadlines.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, workingDaysAfter } from './shared.js';
import { alertCityQueue, routeNewComplaint } from './route-complaint.js';

export interface FileComplaintInput {
  intake: Intake;
  /** How it came in: the public form (`qr` when bound to a station), staff entry, or a 12315 import. */
  channel: 'web' | 'qr' | 'staff' | 'import';
}

export interface FiledComplaint {
  trackingNo: string;
  kind: 'complaint' | 'report';
  receivedOn: string;
  acceptanceDue: string | null;
  possibleDuplicate: boolean;
  /** True when the idempotency key had filed it before (nothing new was created). */
  replayed: boolean;
}

const TRACKING_PREFIX = { complaint: 'TS', report: 'JB' } as const;

function newTrackingNo(kind: 'complaint' | 'report', receivedOn: string): string {
  return `${TRACKING_PREFIX[kind]}${receivedOn.replace(/-/g, '')}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

function filed(row: ComplaintRow, replayed: boolean): FiledComplaint {
  return {
    trackingNo: row.tracking_no,
    kind: row.kind,
    receivedOn: row.received_on,
    acceptanceDue: row.acceptance_due,
    possibleDuplicate: !!row.duplicate_of,
    replayed,
  };
}

/** A key reused by a different person is not a double submit: refuse rather than disclose. */
function replay(prior: ComplaintRow, phoneIndex: string): FiledComplaint {
  if (prior.complainant_phone_index !== phoneIndex) throw new AppError('DUPLICATE', { fields: [{ path: 'idempotencyKey', code: 'DUPLICATE' }] });
  return filed(prior, true);
}

/** Matches the respondent to the register: by code when given, else by a unique exact name. */
async function matchRespondent(deps: ComplaintsDeps, name: string, code: string | null | undefined) {
  if (code) {
    const e = await deps.registry.findByCode(code);
    if (e) return e;
  }
  return deps.registry.findByExactName(name);
}

/**
 * Files a complaint or report (art. 9–11): validates it, matches the respondent in the register,
 * computes the acceptance deadline (art. 14, working days), flags a possible duplicate, and in one
 * transaction stores it, adds the timeline entry, sends the tracking number and access code by SMS
 * and writes the audit entry. The same idempotency key returns the first complaint.
 * Authorization is the caller's (public intake, staff entry, import).
 */
export async function fileComplaint(deps: ComplaintsDeps, actor: Actor, input: FileComplaintInput, ctx: AuditContext): Promise<FiledComplaint> {
  const { intake, channel } = input;
  const { db, crypto, clock } = deps;
  const phone = validateMobilePhone(intake.complainantPhone);
  const today = clock.today();
  const errors = validateIntake({ ...intake, amountFen: intake.amountFen ?? null, occurredOn: intake.occurredOn ?? null }, phone.errors, today);
  const idNumber = intake.complainantIdNumber?.trim() ? validateIdNumber(intake.complainantIdNumber, today) : null;
  for (const code of idNumber?.errors ?? []) errors.push({ path: 'complainantIdNumber', code, text: fieldMessage(code) });
  if (errors.length) throw new AppError('VALIDATION_FAILED', { fields: errors });
  const phoneIndex = crypto.blindIndex(phone.normalized);

  if (intake.idempotencyKey) {
    const prior = await repo.byIdempotencyKey(db, intake.idempotencyKey);
    if (prior) return replay(prior, phoneIndex);
  }
  const station = intake.stationId ? await repo.getStation(db, intake.stationId) : null;
  if (intake.stationId && !station) throw new AppError('NOT_FOUND');
  const enterprise = await matchRespondent(deps, intake.respondentName, intake.respondentCreditCode);
  // No complaint is left without a handler (issue 11): station, register, district, address, city queue.
  const route = await routeNewComplaint(db, {
    stationRegion: station?.region_code,
    respondentRegion: enterprise?.regionCode,
    givenRegion: intake.regionCode,
    respondentAddress: intake.respondentAddress,
    complainantAddress: intake.complainantAddress,
    category: intake.category ?? null,
    industry: enterprise?.industryCode ?? null,
  });
  const regionCode = route.regionCode;
  const respondentPhone = intake.respondentPhone?.trim() ? validateMobilePhone(intake.respondentPhone) : null;
  if (respondentPhone?.errors.length) throw new AppError('VALIDATION_FAILED', { fields: respondentPhone.errors.map((code) => ({ path: 'respondentPhone', code, text: fieldMessage(code) })) });
  const limit = acceptanceLimit(intake.kind, deps.timeLimits);
  const acceptanceDue = workingDaysAfter(deps, today, limit.days);
  const rKey = respondentKey(enterprise?.creditCode ?? null, intake.respondentName);
  const dup = await repo.findDuplicate(db, phoneIndex, rKey, addCalendarDays(today, -DUPLICATE_WINDOW_DAYS));
  const result = await db.transaction().execute(async (tx) => {
    let row: ComplaintRow | undefined;
    let issued: { code: string; hash: string } | undefined;
    for (let attempt = 0; attempt < 5 && !row; attempt++) {
      const trackingNo = newTrackingNo(intake.kind, today);
      issued = deps.access.issue(trackingNo);
      row = await repo.insertComplaint(tx, {
        tracking_no: trackingNo,
        kind: intake.kind,
        channel: station && channel === 'web' ? 'qr' : channel,
        station_id: station?.id ?? null,
        status: 'received',
        complainant_name: intake.complainantName.trim(),
        complainant_phone_enc: crypto.encrypt(phone.normalized),
        complainant_phone_masked: maskPhone(phone.normalized),
        complainant_phone_index: phoneIndex,
        complainant_address: intake.complainantAddress.trim(),
        complainant_id_enc: idNumber ? crypto.encrypt(idNumber.normalized) : null,
        complainant_id_masked: idNumber ? maskIdNumber(idNumber.normalized) : null,
        respondent_name: intake.respondentName.trim(),
        respondent_address: intake.respondentAddress.trim(),
        respondent_credit_code: enterprise?.creditCode ?? null,
        respondent_key: rKey,
        region_code: regionCode,
        routed_by: route.routedBy,
        handling_unit_id: route.unitId,
        respondent_industry: enterprise?.industryCode ?? null,
        respondent_phone_enc: respondentPhone ? crypto.encrypt(respondentPhone.normalized) : null,
        category: intake.category ?? null,
        request: intake.request.trim(),
        facts: intake.facts.trim(),
        amount_fen: intake.amountFen ?? null,
        occurred_on: intake.occurredOn ?? null,
        idempotency_key: intake.idempotencyKey ?? null,
        duplicate_of: dup?.id ?? null,
        access_code_hash: issued.hash,
        received_on: today,
        received_at: clock.now(),
        acceptance_due: acceptanceDue,
      });
      // The same idempotency key won a race: replay that complaint (after this transaction).
      if (!row && intake.idempotencyKey && (await repo.byIdempotencyKey(tx, intake.idempotencyKey))) return null;
    }
    if (!row || !issued) throw new AppError('INTERNAL', { text: COMPLAINT_ERRORS.noTrackingNo });
    const created = row;
    await addTimelineEntry(deps, tx, created.id, 'received', actor.kind === 'anonymous' ? null : actor, '', { data: { channel: created.channel, stationId: created.station_id } });
    await addTimelineEntry(deps, tx, created.id, 'routed', null, '', { data: { routedBy: route.routedBy, regionCode, unitId: route.unitId } });
    if (route.routedBy === 'city_queue') await alertCityQueue(deps, tx, created);
    const values = { trackingNo: created.tracking_no, code: CODE_PLACEHOLDER };
    await deps.notifier.notify(tx, {
      phone: phone.normalized,
      title: complaintText(intake.kind === 'complaint' ? 'intake.title.complaint' : 'intake.title.report', SMS_LOCALE),
      secrets: { code: issued.code },
      body: acceptanceDue
        ? complaintText('intake.body.due', SMS_LOCALE, { ...values, due: formatDue(deps.calendar(), acceptanceDue, today) })
        : complaintText('intake.body.days', SMS_LOCALE, { ...values, days: limit.days }),
    });
    await deps.outbox.append(tx, COMPLAINTS_COMPLAINT_FILED, {
      complaintId: created.id,
      kind: created.kind,
      respondentCreditCode: created.respondent_credit_code,
      regionCode,
      category: created.category,
      filedOn: today,
    });
    await deps.audit.record(tx, ctx, {
      action: 'complaint.file',
      entityType: 'complaint',
      entityId: created.id,
      after: { trackingNo: created.tracking_no, kind: created.kind, channel: created.channel, regionCode, routedBy: route.routedBy, handlingUnitId: route.unitId, duplicateOf: created.duplicate_of },
    });
    return created;
  });
  if (!result) {
    const prior = await repo.byIdempotencyKey(db, intake.idempotencyKey!);
    if (!prior) throw new AppError('INTERNAL', { text: COMPLAINT_ERRORS.noTrackingNo });
    return replay(prior, phoneIndex);
  }
  return filed(result, false);
}
