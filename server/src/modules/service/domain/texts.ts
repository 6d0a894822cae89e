/**
 * The service module's messages (notices, error texts, labels) in zh-CN, zh-TW and en with
 * `{placeholders}`; numbers of days arrive from the rule data (rules.ts).
 */
import { localize, type Locale, type LocalizedText } from '../../../platform/i18n/i18n.js';

/** Notices go out in Simplified Chinese until recipients pick a language. */
export const NOTICE_LOCALE: Locale = 'zh-CN';

export const SERVICE_TEXTS = {
  'level.5': { 'zh-CN': '非常满意', 'zh-TW': '非常滿意', en: 'Very satisfied' },
  'level.4': { 'zh-CN': '满意', 'zh-TW': '滿意', en: 'Satisfied' },
  'level.3': { 'zh-CN': '基本满意', 'zh-TW': '基本滿意', en: 'Basically satisfied' },
  'level.2': { 'zh-CN': '不满意', 'zh-TW': '不滿意', en: 'Dissatisfied' },
  'level.1': { 'zh-CN': '非常不满意', 'zh-TW': '非常不滿意', en: 'Very dissatisfied' },

  'measure.assigned.title': { 'zh-CN': '体验问题整改措施待办', 'zh-TW': '體驗問題整改措施待辦', en: 'Measure assigned' },
  'measure.assigned.body': { 'zh-CN': '{item}：{measure}，请于 {due} 前完成', 'zh-TW': '{item}：{measure}，請於 {due} 前完成', en: '{item}: {measure}, due by {due}' },
  'measure.obligation': { 'zh-CN': '整改措施：{measure}（{item}）', 'zh-TW': '整改措施：{measure}（{item}）', en: 'Measure: {measure} ({item})' },
  'measure.done.title': { 'zh-CN': '您反映的问题已整改，请评价', 'zh-TW': '您反映的問題已整改，請評價', en: 'Your finding was addressed: please evaluate' },
  'measure.done.body': { 'zh-CN': '{item}：{measure}。整改情况：{note}', 'zh-TW': '{item}：{measure}。整改情況：{note}', en: '{item}: {measure}. What was done: {note}' },

  'rating.bad.title': { 'zh-CN': '收到差评，请整改', 'zh-TW': '收到差評，請整改', en: 'Bad review: rectify' },
  'rating.bad.body': { 'zh-CN': '事项 {matter} 收到“{level}”评价，请于 {due} 前（{days}个工作日）整改并回访', 'zh-TW': '事項 {matter} 收到「{level}」評價，請於 {due} 前（{days}個工作日）整改並回訪', en: 'Matter {matter} was rated "{level}": rectify and follow up by {due} ({days} working days)' },
  'rating.obligation': { 'zh-CN': '差评整改：{matter}', 'zh-TW': '差評整改：{matter}', en: 'Bad-review rectification: {matter}' },
  'rating.rectified.title': { 'zh-CN': '您的差评已整改，请再次评价', 'zh-TW': '您的差評已整改，請再次評價', en: 'Your review was followed up: please rate again' },

  'clinic.prescribed.title': { 'zh-CN': '坐诊“处方”已开具', 'zh-TW': '坐診「處方」已開具', en: 'Prescription written' },
  'clinic.prescribed.body': { 'zh-CN': '{enterprise}：{prescription}。办理成效将于 {due} 前反馈', 'zh-TW': '{enterprise}：{prescription}。辦理成效將於 {due} 前回饋', en: '{enterprise}: {prescription}. The outcome will be reported by {due}' },
  'clinic.obligation': { 'zh-CN': '坐诊成效反馈：{enterprise}', 'zh-TW': '坐診成效回饋：{enterprise}', en: 'Clinic outcome report: {enterprise}' },
  'clinic.assigned.title': { 'zh-CN': '坐诊处方交办', 'zh-TW': '坐診處方交辦', en: 'Clinic action assigned' },
  'clinic.reported.title': { 'zh-CN': '坐诊办理成效已反馈，请评价', 'zh-TW': '坐診辦理成效已回饋，請評價', en: 'Clinic outcome reported: please rate it' },
} as const satisfies Record<string, LocalizedText>;

export type ServiceTextKey = keyof typeof SERVICE_TEXTS;

export function serviceText(key: ServiceTextKey, locale: Locale, values: Record<string, string | number> = {}): string {
  return localize(SERVICE_TEXTS[key], locale, values);
}

/** Error texts, used with AppError's `text`. */
export const SERVICE_ERRORS = {
  notExperiencer: { 'zh-CN': '您还不是政务服务体验员', 'zh-TW': '您還不是政務服務體驗員', en: 'You are not an enrolled service experiencer' },
  unknownCategory: { 'zh-CN': '问题分类不存在或已停用', 'zh-TW': '問題分類不存在或已停用', en: 'The finding category does not exist or is inactive' },
  dueBeforeToday: { 'zh-CN': '整改期限不能早于今天', 'zh-TW': '整改期限不能早於今天', en: 'The due date cannot be in the past' },
  notYourMeasure: { 'zh-CN': '只有责任人可以办结该措施', 'zh-TW': '只有責任人可以辦結該措施', en: 'Only the owner can close this measure' },
  notYourFinding: { 'zh-CN': '只有提出问题的体验员可以评价', 'zh-TW': '只有提出問題的體驗員可以評價', en: 'Only the experiencer who filed the finding can evaluate' },
  slotsFull: { 'zh-CN': '本场坐诊号源已满', 'zh-TW': '本場坐診號源已滿', en: 'All slots of this session are taken' },
  sessionPast: { 'zh-CN': '该场坐诊已结束，不能挂号', 'zh-TW': '該場坐診已結束，不能掛號', en: 'This session is over; booking is closed' },
  notYourSession: { 'zh-CN': '只有坐诊领导可以开具处方', 'zh-TW': '只有坐診領導可以開具處方', en: 'Only the session\'s director can prescribe' },
  notReportOwner: { 'zh-CN': '只有责任人可以反馈办理成效', 'zh-TW': '只有責任人可以回饋辦理成效', en: 'Only the responsible person can report the outcome' },
  notBadReview: { 'zh-CN': '只有差评需要整改', 'zh-TW': '只有差評需要整改', en: 'Only a bad review is rectified' },
  notYourRating: { 'zh-CN': '只有评价人可以再次评价', 'zh-TW': '只有評價人可以再次評價', en: 'Only the reviewer can rate again' },
  alreadyRated: { 'zh-CN': '该事项已评价', 'zh-TW': '該事項已評價', en: 'This matter has already been rated' },
  prescribeBeforeSession: { 'zh-CN': '坐诊当天才能开具处方', 'zh-TW': '坐診當天才能開具處方', en: 'A prescription is written on or after the session day' },
} as const satisfies Record<string, LocalizedText>;

export const LOOP_STATE_LABELS = {
  no_findings: { 'zh-CN': '暂无问题', 'zh-TW': '暫無問題', en: 'No findings' },
  awaiting_measures: { 'zh-CN': '待制定措施', 'zh-TW': '待制定措施', en: 'Awaiting measures' },
  in_progress: { 'zh-CN': '整改中', 'zh-TW': '整改中', en: 'In progress' },
  overdue: { 'zh-CN': '整改逾期', 'zh-TW': '整改逾期', en: 'Overdue' },
  awaiting_evaluation: { 'zh-CN': '待体验员评价', 'zh-TW': '待體驗員評價', en: 'Awaiting evaluation' },
  closed: { 'zh-CN': '已闭环', 'zh-TW': '已閉環', en: 'Closed' },
  reopened: { 'zh-CN': '评价未解决，重新整改', 'zh-TW': '評價未解決，重新整改', en: 'Not fixed: reopened' },
} as const satisfies Record<string, LocalizedText>;
