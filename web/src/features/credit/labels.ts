import { L, type Localized } from '../../lib/i18n';

export const APPLICATION_STATUS: Record<string, Localized> = {
  submitted: L('已提交待受理', '已提交待受理', 'Submitted'),
  accepted: L('已受理', '已受理', 'Accepted'),
  verifying: L('核查中', '核查中', 'Verifying'),
  approved: L('已通过，同步中', '已通過，同步中', 'Approved, syncing'),
  refused: L('未通过', '未通過', 'Refused'),
  repaired: L('修复完成', '修復完成', 'Repaired'),
};
export const APPLICATION_COLOR: Record<string, string> = { submitted: 'blue', accepted: 'cyan', verifying: 'purple', approved: 'gold', refused: 'default', repaired: 'green' };

export const RECORD_STATUS: Record<string, Localized> = {
  published: L('公示中', '公示中', 'Published'),
  repaired: L('已修复', '已修復', 'Repaired'),
  expired: L('期满停止公示', '期滿停止公示', 'Expired'),
  withdrawn: L('已撤下', '已撤下', 'Withdrawn'),
  removed: L('已移出', '已移出', 'Removed'),
};

/** A national system's state for a record. */
export const SYSTEM_STATE: Record<string, Localized> = {
  published: L('公示中', '公示中', 'Published'),
  pending: L('推送中', '推送中', 'Sending'),
  failed: L('推送失败，自动重试', '推送失敗，自動重試', 'Failed, retrying'),
  repaired: L('已修复', '已修復', 'Repaired'),
  expired: L('已停止公示', '已停止公示', 'Publicity ended'),
};
export const SYSTEM_COLOR: Record<string, string> = { published: 'default', pending: 'blue', failed: 'red', repaired: 'green', expired: 'default' };

export const SEVERITY: Record<string, Localized> = {
  minor: L('轻微', '輕微', 'Minor'),
  general: L('一般', '一般', 'General'),
  serious: L('严重', '嚴重', 'Serious'),
};

export const REFUSAL: Record<string, Localized> = {
  obligations_not_performed: L('未履行法定义务', '未履行法定義務', 'Obligations not performed'),
  harm_not_removed: L('不良影响未消除', '不良影響未消除', 'Harm not removed'),
  proof_insufficient: L('证明材料不足', '證明材料不足', 'Insufficient proof'),
  repeat_violation: L('再次发生同类违法行为', '再次發生同類違法行為', 'Same violation repeated'),
  false_commitment: L('承诺内容不实', '承諾內容不實', 'Untrue commitment'),
  other: L('其他', '其他', 'Other'),
};

export const STEP: Record<string, Localized> = {
  submitted: L('提交申请', '提交申請', 'Submitted'),
  accept: L('受理', '受理', 'Accepted'),
  verify: L('核查', '核查', 'Verified'),
  approve: L('决定通过', '決定通過', 'Approved'),
  refuse: L('决定不予修复', '決定不予修復', 'Refused'),
  repaired: L('两系统确认修复', '兩系統確認修復', 'Confirmed by both systems'),
};

/** The credit commitment (守信承诺书) shown in the form; the server stores its version. */
export const COMMITMENT = L(
  '本企业承诺所提交材料真实有效，已履行行政处罚决定规定的义务并消除不良影响，今后依法诚信经营；如有不实，愿承担相应法律责任并接受信用惩戒。',
  '本企業承諾所提交材料真實有效，已履行行政處罰決定規定的義務並消除不良影響，今後依法誠信經營；如有不實，願承擔相應法律責任並接受信用懲戒。',
  'We declare the materials true, the penalty obligations performed and the harm removed, and commit to lawful, honest business; if untrue, we accept legal liability and credit sanctions.',
);
