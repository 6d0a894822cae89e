import { L, translate, useT, type Localized } from './i18n';

/**
 * The catalogue of codes people may see — statuses, kinds, channels, error codes — as labels in the
 * three languages. A page shows `codeLabel(code)` (or `useCodeLabel()`), never the code itself. A
 * code used with different meanings in two areas is keyed `<area>.<code>` (`exchange.pending`);
 * the plain code is the fallback. A code missing here is shown humanized ("some_code" → "some code").
 */
export const CODE_LABELS: Record<string, Localized> = {
  // statuses shared by several modules
  pending: L('待处理', '待處理', 'Pending'),
  approved: L('已通过', '已通過', 'Approved'),
  rejected: L('已驳回', '已駁回', 'Rejected'),
  completed: L('已完成', '已完成', 'Completed'),
  published: L('已公示', '已公示', 'Published'),
  unpublished: L('未公示', '未公示', 'Not published'),
  withdrawn: L('已撤回', '已撤回', 'Withdrawn'),
  draft: L('草稿', '草稿', 'Draft'),
  issued: L('已签发', '已簽發', 'Issued'),
  served: L('已送达', '已送達', 'Served'),
  closed: L('已办结', '已辦結', 'Closed'),
  open: L('办理中', '辦理中', 'Open'),
  active: L('有效', '有效', 'Active'),
  cancelled: L('已撤销', '已撤銷', 'Cancelled'),
  revoked: L('已撤销', '已撤銷', 'Revoked'),
  fulfilled: L('已完成', '已完成', 'Fulfilled'),
  overdue: L('已逾期', '已逾期', 'Overdue'),
  'due-soon': L('即将到期', '即將到期', 'Due soon'),
  delivered: L('已送达', '已送達', 'Delivered'),
  acknowledged: L('已确认', '已確認', 'Acknowledged'),
  failed: L('失败', '失敗', 'Failed'),
  dead: L('投递失败', '投遞失敗', 'Dead-lettered'),
  sent: L('已发送', '已發送', 'Sent'),
  running: L('进行中', '進行中', 'Running'),
  done: L('已完成', '已完成', 'Done'),
  lead: L('线索', '線索', 'Lead'),
  investigating: L('调查中', '調查中', 'Investigating'),
  decided: L('已决定', '已決定', 'Decided'),
  // procedures, kinds, outcomes
  standard: L('普通程序', '普通程序', 'Standard procedure'),
  simplified: L('简易程序', '簡易程序', 'Simplified procedure'),
  on_the_spot: L('当场处罚', '當場處罰', 'On-the-spot'),
  no_penalty: L('不予处罚', '不予處罰', 'No penalty'),
  lighter: L('从轻处罚', '從輕處罰', 'Lighter penalty'),
  mitigated: L('减轻处罚', '減輕處罰', 'Mitigated penalty'),
  penalty: L('处罚', '處罰', 'Penalty'),
  complaint: L('投诉', '投訴', 'Complaint'),
  report: L('举报', '舉報', 'Report'),
  // channels
  qr: L('扫码投诉', '掃碼投訴', 'QR code'),
  web: L('网上投诉', '網上投訴', 'Website'),
  phone: L('电话', '電話', 'Telephone'),
  visit: L('来访', '來訪', 'Walk-in'),
  '12315': L('12315 平台', '12315 平台', '12315 platform'),
  sms: L('短信', '簡訊', 'SMS'),
  email: L('电子邮件', '電子郵件', 'E-mail'),
  push: L('推送', '推送', 'Push'),
  pull: L('拉取', '拉取', 'Pull'),
  // error codes (the server's message is shown; these are for places that only have the code)
  VALIDATION_FAILED: L('提交的内容有误', '提交的內容有誤', 'Some fields are invalid'),
  NOT_FOUND: L('未找到', '找不到', 'Not found'),
  FORBIDDEN: L('无权限', '無權限', 'Not allowed'),
  VERSION_CONFLICT: L('记录已被他人修改', '記錄已被他人修改', 'Changed by someone else'),
  DUPLICATE: L('记录已存在', '記錄已存在', 'Already exists'),
  DUPLICATE_IN_FILE: L('文件中重复', '檔案中重複', 'Repeated in the file'),
  CSV_COLUMN_MISSING: L('缺少必需的列', '缺少必需的欄', 'Required column missing'),
  CSV_MALFORMED: L('文件格式错误', '檔案格式錯誤', 'Malformed file'),
  CSV_EMPTY: L('文件为空', '檔案為空', 'Empty file'),
  AMOUNT_INVALID: L('金额格式不正确', '金額格式不正確', 'Invalid amount'),
  OUTSIDE_JURISDICTION: L('不在辖区内', '不在轄區內', 'Outside the jurisdiction'),
  required: L('必填', '必填', 'Required'),
  invalid_value: L('取值不允许', '取值不允許', 'Value not allowed'),
  invalid_format: L('格式不正确', '格式不正確', 'Invalid format'),
  too_big: L('超出上限', '超出上限', 'Over the limit'),
  too_small: L('低于下限', '低於下限', 'Under the minimum'),
};

/** "some_code" → "some code": a last resort that at least never shows underscores. */
export function humanize(code: string): string {
  return code.replace(/[_-]+/g, ' ').trim().toLowerCase();
}

/** The label of a code (optionally in an area: `codeLabel('pending', 'exchange')`) in the current or given language. */
export function codeLabel(code: string | null | undefined, area?: string, locale?: Parameters<typeof translate>[2]): string {
  if (code === null || code === undefined || code === '') return '—';
  const hit = (area && CODE_LABELS[`${area}.${code}`]) || CODE_LABELS[code];
  return hit ? translate(hit, undefined, locale) : humanize(code);
}

/** Whether the catalogue has a label for the code. */
export function hasCodeLabel(code: string, area?: string): boolean {
  return !!((area && CODE_LABELS[`${area}.${code}`]) || CODE_LABELS[code]);
}

/** codeLabel bound to the current language (re-renders on change). */
export function useCodeLabel(): (code: string | null | undefined, area?: string) => string {
  const t = useT();
  return (code, area) => {
    if (code === null || code === undefined || code === '') return '—';
    const hit = (area && CODE_LABELS[`${area}.${code}`]) || CODE_LABELS[code];
    return hit ? t(hit) : humanize(code);
  };
}
