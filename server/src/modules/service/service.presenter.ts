/** Row → DTO allow-lists (the shapes in contracts/service.ts); no rule maths beyond reading the domain. */
import type { Locale } from '../../platform/i18n/i18n.js';
import { localize } from '../../platform/i18n/i18n.js';
import { provisionality, type WorkCalendar } from '../../platform/calendar/index.js';
import type { BookingRow, CategoryRow, FindingRow, ItemRow, MeasureRow, RatingRow, SessionRow } from './service.rows.js';
import { LOOP_STATE_LABELS, SERVICE_TEXTS } from './domain/texts.js';
import { committedSpeedUp, actualSpeedUp } from './domain/speed-up.js';
import { measureOverdue, type LoopState } from './domain/loop.js';
import { isBadReview } from './domain/rules.js';

export function presentItem(r: ItemRow, stats: { cases: number; daysTaken: number } | undefined, state: LoopState, locale: Locale) {
  const cases = stats?.cases ?? 0;
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    departments: r.departments,
    statutoryDays: r.statutory_days,
    committedDays: r.committed_days,
    regionCode: r.region_code,
    committedSpeedUp: committedSpeedUp([{ statutoryDays: r.statutory_days, committedDays: r.committed_days }]),
    cases,
    actualSpeedUp: cases ? actualSpeedUp([{ statutoryDays: r.statutory_days * cases, daysTaken: stats?.daysTaken ?? 0 }]) : null,
    loopState: state,
    loopStateLabel: localize(LOOP_STATE_LABELS[state], locale),
  };
}

export function presentMeasure(m: MeasureRow, itemName: string, cal: WorkCalendar, today: string) {
  return {
    id: m.id,
    findingId: m.finding_id,
    itemId: m.item_id,
    itemName,
    description: m.description,
    department: m.department,
    ownerId: m.owner_id,
    dueOn: m.due_on,
    dueProvisional: provisionality(cal, m.due_on).provisional,
    overdue: measureOverdue({ status: m.status, dueOn: m.due_on }, today),
    status: m.status,
    doneOn: m.done_on,
    doneNote: m.done_note,
    evaluation: m.evaluation,
    evaluationNote: m.evaluation_note,
    version: m.version,
  };
}

export function categoryLabel(c: CategoryRow | undefined, code: string, locale: Locale): string {
  if (!c) return code;
  return locale === 'en' ? c.label_en : locale === 'zh-TW' ? c.label_zh_tw : c.label_zh_cn;
}

export function presentFinding(f: FindingRow, ctx: { itemName: string; experiencerName: string; categoryLabel: string; measures: ReturnType<typeof presentMeasure>[] }) {
  return {
    id: f.id,
    itemId: f.item_id,
    itemName: ctx.itemName,
    experiencerId: f.experiencer_id,
    experiencerName: ctx.experiencerName,
    category: f.category,
    categoryLabel: ctx.categoryLabel,
    description: f.description,
    createdOn: f.created_on,
    measures: ctx.measures,
  };
}

export function levelLabel(level: number, locale: Locale): string {
  const key = `level.${level}` as 'level.1';
  return localize(SERVICE_TEXTS[key], locale);
}

export function presentRating(r: RatingRow, locale: Locale) {
  return {
    id: r.id,
    matterModule: r.matter_module,
    matterId: r.matter_id,
    itemId: r.item_id,
    channel: r.channel,
    level: r.level,
    levelLabel: levelLabel(r.level, locale),
    bad: isBadReview(r.level),
    comment: r.comment,
    regionCode: r.region_code,
    ratedOn: r.rated_on,
    status: r.status,
    rectifyDueOn: r.rectify_due_on,
    rectificationNote: r.rectification_note,
    rectifiedOn: r.rectified_on,
    reRating: r.re_rating,
    appealReason: r.appeal_reason,
    appealNote: r.appeal_note,
    version: r.version,
  };
}

export function presentSession(s: SessionRow, booked: number) {
  return { id: s.id, directorId: s.director_id, directorName: s.director_name, theme: s.theme, heldOn: s.held_on, place: s.place, slots: s.slots, booked, regionCode: s.region_code };
}

export function presentBooking(b: BookingRow, s: SessionRow, cal: WorkCalendar) {
  return {
    id: b.id,
    sessionId: b.session_id,
    theme: s.theme,
    heldOn: s.held_on,
    directorName: s.director_name,
    creditCode: b.credit_code,
    enterpriseName: b.enterprise_name,
    problem: b.problem,
    bookedOn: b.booked_on,
    status: b.status,
    prescription: b.prescription,
    actions: b.actions,
    reportOwnerId: b.report_owner_id,
    prescribedOn: b.prescribed_on,
    reportDueOn: b.report_due_on,
    reportDueProvisional: provisionality(cal, b.report_due_on, b.prescribed_on).provisional,
    report: b.report,
    solved: b.solved,
    reportedOn: b.reported_on,
    reportedOnTime: b.reported_on && b.report_due_on ? b.reported_on <= b.report_due_on : null,
    rating: b.rating,
    problemClassId: b.problem_class_id,
    version: b.version,
  };
}
