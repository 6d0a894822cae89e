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
  /** Title of the one notice that tells the business its change is done everywhere. */
  completedTitle: { 'zh-CN': '企业信息变更已办结', 'zh-TW': '企業資訊變更已辦結', en: 'Registration change completed' },
  /** {enterprise}; {departments}: the per-department lines joined by `listSeparator`. */
  completedBody: {
    'zh-CN': '{enterprise} 的变更已登记并同步相关部门，无需另行办理。{departments}',
    'zh-TW': '{enterprise} 的變更已登記並同步相關部門，無需另行辦理。{departments}',
    en: 'The change of {enterprise} is registered and shared with the departments concerned; nothing else to file. {departments}',
  },
  /** One department's line: {department}: {status}. */
  departmentLine: { 'zh-CN': '{department}：{status}', 'zh-TW': '{department}：{status}', en: '{department}: {status}' },
  listSeparator: { 'zh-CN': '；', 'zh-TW': '；', en: '; ' },
  noDepartments: { 'zh-CN': '无需同步其他部门', 'zh-TW': '無需同步其他部門', en: 'No other department needed it' },
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

/** The completion notice: title and body in one locale, one line per department. */
export function completionNotice(locale: Locale, enterprise: string, departments: { name: string; status: DeliveryStatus }[]): { title: string; body: string } {
  const lines = departments.length
    ? departments.map((d) => fill(EXCHANGE_TEXTS.departmentLine, locale, { department: d.name, status: DELIVERY_STATUS_LABELS[d.status][locale] })).join(EXCHANGE_TEXTS.listSeparator[locale])
    : EXCHANGE_TEXTS.noDepartments[locale];
  return { title: EXCHANGE_TEXTS.completedTitle[locale], body: fill(EXCHANGE_TEXTS.completedBody, locale, { enterprise, departments: lines }) };
}

/** The rejection notice: title and body in one locale. */
export function rejectionNotice(locale: Locale, enterprise: string, reason: string): { title: string; body: string } {
  return { title: EXCHANGE_TEXTS.rejectedTitle[locale], body: fill(EXCHANGE_TEXTS.rejectedBody, locale, { enterprise, reason }) };
}
