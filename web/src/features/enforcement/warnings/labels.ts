import { L } from '../../../lib/i18n';

/** Labels of the early-warning rules and statuses (issue 11). */
export const SIGNAL_RULE = {
  complaints_rising: L('投诉举报上升', '投訴舉報上升', 'Complaints rising'),
  permit_expiring: L('许可证件到期', '許可證件到期', 'Permit expiring'),
  repeat_findings: L('多次违法', '多次違法', 'Repeated findings'),
} as const;

export const SIGNAL_STATUS = {
  open: L('待处理', '待處理', 'Open'),
  warned: L('已提示', '已提示', 'Warned'),
  cleared: L('已消除', '已消除', 'Cleared'),
} as const;

export const WARNING_STATUS = {
  issued: L('待签收', '待簽收', 'Awaiting acknowledgement'),
  acknowledged: L('已签收', '已簽收', 'Acknowledged'),
} as const;

/** Evidence tags of a source, as a reader understands them (never the raw tag alone). */
export const SOURCE_TAG = {
  'LAW-TEXT': L('法律法规原文', '法律法規原文', 'Full legal text'),
  PAGE: L('公开网页', '公開網頁', 'Public web page'),
  CODE: L('公开代码', '公開代碼', 'Public code'),
  UNVERIFIED: L('待核实', '待核實', 'Unverified'),
} as const;
