import type { ComplaintDto, StationDto } from '../../../../contracts/complaints.js';
import { localize, type Locale } from '../../platform/i18n/i18n.js';
import type { ComplaintRow, DocumentRow, EntryRow, StationRow, UnitRow } from './complaints.repository.js';
import { ROUTED_BY } from '../../../../contracts/complaints.js';
import { deadlineColour, MEDIATION_STEPS, REFUSAL_GROUNDS, TERMINATION_GROUNDS, type WorkingDays as RuleDays } from './domain/rules.js';
import { provisionality, type WorkCalendar } from '../../platform/calendar/index.js';
import { currentDue, effectiveMediationDue } from './domain/deadlines.js';

/** The calendar as the presenter needs it: working days, and the official years (for provisionality). */
type WorkingDays = RuleDays & Pick<WorkCalendar, 'coveredYears'>;

/** Whether the current deadline was computed over a predicted year, and which. */
function dueProvisionality(r: ComplaintRow, cal: WorkingDays, today: string) {
  const due = currentDue(r, cal, today);
  const p = provisionality(cal, due, r.status === 'received' ? r.received_on : r.accepted_on);
  return { dueProvisional: p.provisional, dueProvisionalYears: p.dependsOn };
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());
const hours = (from: Date | null, to: Date | null) =>
  from && to ? Math.round(((new Date(to).getTime() - new Date(from).getTime()) / 3_600_000) * 100) / 100 : null;

export function intakeUrl(baseUrl: string, stationId: string): string {
  return `${baseUrl.replace(/\/$/, '')}/m/complain?station=${stationId}`;
}

export function presentStation(r: StationRow, baseUrl: string): StationDto {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    address: r.address,
    regionCode: r.region_code,
    lat: Number(r.lat),
    lng: Number(r.lng),
    openingHours: r.opening_hours ?? [],
    mediators: (r.mediators ?? []).map((m) => ({ accountId: m.accountId ?? null, name: m.name })),
    phone: r.phone,
    active: r.active,
    intakeUrl: intakeUrl(baseUrl, r.id),
    version: r.version,
  };
}

export function groundLabel(kind: 'refusal' | 'termination', id: string | null, locale: Locale): string | null {
  if (!id) return null;
  const g = (kind === 'refusal' ? REFUSAL_GROUNDS : TERMINATION_GROUNDS).find((x) => x.id === id);
  return g ? `${localize(g.label, locale)}（${g.article}）` : id;
}

export function presentEntry(e: EntryRow) {
  return {
    kind: e.kind,
    step: e.step,
    mode: e.mode,
    note: e.note,
    actorName: e.actor_name,
    at: new Date(e.at).toISOString(),
  };
}

export function presentSummary(r: ComplaintRow, cal: WorkingDays, today: string) {
  return {
    id: r.id,
    trackingNo: r.tracking_no,
    kind: r.kind,
    status: r.status,
    complainantName: r.complainant_name,
    respondentName: r.respondent_name,
    regionCode: r.region_code,
    receivedOn: r.received_on,
    acceptanceDue: r.acceptance_due,
    mediationDue: effectiveMediationDue(r, cal, today),
    ...dueProvisionality(r, cal, today),
    mediatorName: r.mediator_name,
    outcome: r.outcome,
    duplicateOf: r.duplicate_of,
    deadlineColour: safeColour(cal, currentDue(r, cal, today), today),
    routedBy: r.routed_by && (ROUTED_BY as readonly string[]).includes(r.routed_by) ? (r.routed_by as (typeof ROUTED_BY)[number]) : null,
  };
}

/** What the staff view adds to a row: the handling unit and the documents issued. */
export interface ComplaintExtras {
  unit: UnitRow | null;
  documents: DocumentRow[];
}

export function presentComplaint(r: ComplaintRow, entries: EntryRow[], cal: WorkingDays, today: string, extras: ComplaintExtras = { unit: null, documents: [] }): ComplaintDto {
  const stepsDone = MEDIATION_STEPS.filter((s) => entries.some((e) => e.kind === 'step' && e.step === s));
  return {
    ...presentSummary(r, cal, today),
    channel: r.channel,
    stationId: r.station_id,
    complainantPhoneMasked: r.complainant_phone_masked,
    complainantIdMasked: r.complainant_id_masked ?? null,
    complainantAddress: r.complainant_address,
    respondentAddress: r.respondent_address,
    respondentCreditCode: r.respondent_credit_code,
    category: r.category,
    request: r.request,
    facts: r.facts,
    amountFen: r.amount_fen == null ? null : Number(r.amount_fen),
    occurredOn: r.occurred_on,
    receivedAt: iso(r.received_at)!,
    acceptedOn: r.accepted_on,
    refusalGround: r.refusal_ground,
    refusalNote: r.refusal_note,
    mediatorId: r.mediator_id,
    recused: (r.recused ?? []) as string[],
    mediationMode: r.mediation_mode,
    pausedSince: r.paused_since,
    pausedWorkingDays: r.paused_working_days,
    terminationGround: r.termination_ground,
    outcomeNote: r.outcome_note,
    agreementFileId: r.agreement_file_id,
    concludedOn: r.concluded_on,
    terminationNoticeDue: r.termination_notice_due,
    feedbackAt: iso(r.feedback_at),
    satisfaction: r.satisfaction,
    reopenedCount: r.reopened_count,
    handlingUnit: extras.unit ? { id: extras.unit.id, name: extras.unit.name, kind: extras.unit.kind } : null,
    respondentNotifiedAt: iso(r.respondent_notified_at),
    documents: extras.documents.map((d) => ({ id: d.id, kind: d.kind, issuedAt: iso(d.issued_at)!, superseded: d.superseded_at != null })),
    stages: {
      acceptHours: hours(r.received_at, r.accepted_at),
      handleHours: hours(r.accepted_at, r.concluded_at),
      feedbackHours: hours(r.concluded_at, r.feedback_at),
    },
    stepsDone: [...stepsDone],
    version: r.version,
    timeline: entries.map(presentEntry),
  };
}

const OUTCOME_TEXT = {
  agreement: { 'zh-CN': '调解成功，双方达成协议', 'zh-TW': '調解成功，雙方達成協議', en: 'Mediation succeeded: the parties agreed' },
  no_agreement: { 'zh-CN': '调解未达成协议', 'zh-TW': '調解未達成協議', en: 'Mediation ended without agreement' },
  terminated: { 'zh-CN': '终止调解', 'zh-TW': '終止調解', en: 'Mediation terminated' },
} as const;

/** What the consumer sees with the tracking number and code: no staff notes, no other party's data. */
export function presentPublic(r: ComplaintRow, entries: EntryRow[], cal: WorkingDays, today: string, locale: Locale) {
  const outcomeText = r.outcome
    ? localize(OUTCOME_TEXT[r.outcome], locale) + (r.termination_ground ? `：${groundLabel('termination', r.termination_ground, locale)}` : '')
    : null;
  return {
    trackingNo: r.tracking_no,
    kind: r.kind,
    status: r.status,
    respondentName: r.respondent_name,
    receivedOn: r.received_on,
    acceptanceDue: r.acceptance_due,
    acceptedOn: r.accepted_on,
    refusalGround: groundLabel('refusal', r.refusal_ground, locale),
    mediationDue: effectiveMediationDue(r, cal, today),
    ...dueProvisionality(r, cal, today),
    paused: !!r.paused_since,
    outcome: r.outcome,
    outcomeText,
    concludedOn: r.concluded_on,
    timeline: entries.map((e) => {
      const { note: _n, actorName: _a, ...rest } = presentEntry(e);
      return rest;
    }),
  };
}

function safeColour(cal: WorkingDays, due: string | null, today: string) {
  try {
    return deadlineColour(cal, due, today);
  } catch {
    return null;
  }
}
