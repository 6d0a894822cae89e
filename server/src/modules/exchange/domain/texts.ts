// The exchange module's wording, keyed by locale (zh-CN, zh-TW, en): the notices to the business,
// delivery-status labels and the rule and field messages. Use cases pick a text here and fill in
// its parameters; they never assemble wording themselves. Pure: no I/O.
import type { Locale, LocalizedText } from '../../../platform/i18n/i18n.js';
import type { DELIVERY_STATUSES } from '../../../../../contracts/exchange.js';

type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The label of a delivery's status, as the business reads it in the completion notice. */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, LocalizedText> = {
  queued: { 'zh-CN': '排队中', 'zh-TW': '排隊中', en: 'queued' },
  sending: { 'zh-CN': '发送中', 'zh-TW': '發送中', en: 'sending' },
  awaiting_callback: { 'zh-CN': '待对方确认', 'zh-TW': '待對方確認', en: 'awaiting confirmation' },
  acknowledged: { 'zh-CN': '已确认', 'zh-TW': '已確認', en: 'confirmed' },
  failed: { 'zh-CN': '发送失败，重试中', 'zh-TW': '發送失敗，重試中', en: 'failed, retrying' },
  dead: { 'zh-CN': '发送失败，待人工处理', 'zh-TW': '發送失敗，待人工處理', en: 'failed, awaiting manual handling' },
  published: { 'zh-CN': '已发布至共享库', 'zh-TW': '已發佈至共享庫', en: 'published to the shared feed' },
};

export const EXCHANGE_TEXTS = {
  /** Title of the notice that tells the business its change is done everywhere. */
  completedTitle: { 'zh-CN': '企业信息变更已办结', 'zh-TW': '企業資訊變更已辦結', en: 'Registration change completed' },
  /** Every department confirmed. {enterprise}; {departments}: the per-department lines joined by `listSeparator`. */
  completedBody: {
    'zh-CN': '{enterprise} 的变更已登记，相关部门均已确认，无需另行办理。{departments}',
    'zh-TW': '{enterprise} 的變更已登記，相關部門均已確認，無需另行辦理。{departments}',
    en: 'The change of {enterprise} is registered and every department concerned has confirmed it; nothing else to file. {departments}',
  },
  /** No department maps the changed items. {enterprise}. */
  noDepartmentsBody: {
    'zh-CN': '{enterprise} 的变更已登记，无需同步其他部门，无需另行办理。',
    'zh-TW': '{enterprise} 的變更已登記，無需同步其他部門，無需另行辦理。',
    en: 'The change of {enterprise} is registered; no other department needs it, nothing else to file.',
  },
  /** Title of the notice sent while some departments have not confirmed (the deadline passed). */
  interimTitle: { 'zh-CN': '企业信息变更已登记，部分部门尚未确认', 'zh-TW': '企業資訊變更已登記，部分部門尚未確認', en: 'Registration change registered; some departments have not confirmed' },
  /** {enterprise}; {done}: departments that confirmed; {pending}: the others with their status. */
  interimBody: {
    'zh-CN': '{enterprise} 的变更已登记。已确认：{done}。尚未确认：{pending}。登记机关正在跟进，您无需另行办理；全部部门确认后将再通知您。',
    'zh-TW': '{enterprise} 的變更已登記。已確認：{done}。尚未確認：{pending}。登記機關正在跟進，您無需另行辦理；全部部門確認後將再通知您。',
    en: 'The change of {enterprise} is registered. Confirmed: {done}. Not yet confirmed: {pending}. The registry is following up, nothing for you to file; you will be told again when every department has confirmed.',
  },
  /** Title of the one closing notice after an interim one. */
  closingTitle: { 'zh-CN': '企业信息变更已全部办结', 'zh-TW': '企業資訊變更已全部辦結', en: 'Registration change now completed everywhere' },
  closingBody: {
    'zh-CN': '{enterprise} 的变更已同步全部相关部门并获确认，无需另行办理。{departments}',
    'zh-TW': '{enterprise} 的變更已同步全部相關部門並獲確認，無需另行辦理。{departments}',
    en: 'Every department concerned has now confirmed the change of {enterprise}; nothing else to file. {departments}',
  },
  /** One department's line: {department}: {status}. */
  departmentLine: { 'zh-CN': '{department}：{status}', 'zh-TW': '{department}：{status}', en: '{department}: {status}' },
  listSeparator: { 'zh-CN': '；', 'zh-TW': '；', en: '; ' },
  nameSeparator: { 'zh-CN': '、', 'zh-TW': '、', en: ', ' },
  none: { 'zh-CN': '无', 'zh-TW': '無', en: 'none' },
  rejectedTitle: { 'zh-CN': '企业信息变更未予核准', 'zh-TW': '企業資訊變更未予核准', en: 'Registration change not approved' },
  /** {enterprise}, {reason}. */
  rejectedBody: {
    'zh-CN': '{enterprise} 的变更申请未予核准，原因：{reason}',
    'zh-TW': '{enterprise} 的變更申請未予核准，原因：{reason}',
    en: 'The change filed for {enterprise} was not approved. Reason: {reason}',
  },
  /** Rule: only an active enterprise files a change. */
  inactiveEnterprise: {
    'zh-CN': '已注销（或吊销、迁出）的企业不能办理变更登记',
    'zh-TW': '已註銷（或吊銷、遷出）的企業不能辦理變更登記',
    en: 'a deregistered (or revoked, moved-out) enterprise cannot file a registration change',
  },
  endpointRequired: { 'zh-CN': '推送方式须填写接收地址', 'zh-TW': '推送方式須填寫接收位址', en: 'Push delivery needs an endpoint URL' },
  noChange: { 'zh-CN': '所填事项与登记信息相同，没有需要变更的内容', 'zh-TW': '所填事項與登記資訊相同，沒有需要變更的內容', en: 'Nothing differs from the register' },
} satisfies Record<string, LocalizedText>;

/** Fills `{name}` placeholders of one locale's text. */
export function fill(text: LocalizedText, locale: Locale, params: Record<string, string>): string {
  return text[locale].replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}

/** A delivery that needs nothing more: confirmed by a push department, or published to a pull one. */
export const DONE_STATUSES: readonly DeliveryStatus[] = ['acknowledged', 'published'];

type NoticeDepartment = { name: string; status: DeliveryStatus };

function lines(locale: Locale, departments: NoticeDepartment[]): string {
  return departments.map((d) => fill(EXCHANGE_TEXTS.departmentLine, locale, { department: d.name, status: DELIVERY_STATUS_LABELS[d.status][locale] })).join(EXCHANGE_TEXTS.listSeparator[locale]);
}

/**
 * The one notice, saying what is true: complete (every department confirmed, or none concerned), or
 * interim (which departments confirmed, which are still pending or failed).
 */
export function progressNotice(locale: Locale, enterprise: string, departments: NoticeDepartment[]): { title: string; body: string; complete: boolean } {
  if (!departments.length) return { title: EXCHANGE_TEXTS.completedTitle[locale], body: fill(EXCHANGE_TEXTS.noDepartmentsBody, locale, { enterprise }), complete: true };
  const done = departments.filter((d) => DONE_STATUSES.includes(d.status));
  if (done.length === departments.length) {
    return { title: EXCHANGE_TEXTS.completedTitle[locale], body: fill(EXCHANGE_TEXTS.completedBody, locale, { enterprise, departments: lines(locale, departments) }), complete: true };
  }
  const pending = departments.filter((d) => !DONE_STATUSES.includes(d.status));
  return {
    title: EXCHANGE_TEXTS.interimTitle[locale],
    body: fill(EXCHANGE_TEXTS.interimBody, locale, {
      enterprise,
      done: done.length ? done.map((d) => d.name).join(EXCHANGE_TEXTS.nameSeparator[locale]) : EXCHANGE_TEXTS.none[locale],
      pending: lines(locale, pending),
    }),
    complete: false,
  };
}

/** The closing notice, once every department has confirmed after an interim notice. */
export function closingNotice(locale: Locale, enterprise: string, departments: NoticeDepartment[]): { title: string; body: string } {
  return { title: EXCHANGE_TEXTS.closingTitle[locale], body: fill(EXCHANGE_TEXTS.closingBody, locale, { enterprise, departments: lines(locale, departments) }) };
}

/** The rejection notice: title and body in one locale. */
export function rejectionNotice(locale: Locale, enterprise: string, reason: string): { title: string; body: string } {
  return { title: EXCHANGE_TEXTS.rejectedTitle[locale], body: fill(EXCHANGE_TEXTS.rejectedBody, locale, { enterprise, reason }) };
}
