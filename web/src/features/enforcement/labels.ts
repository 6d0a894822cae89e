import { L, type Localized } from '../../lib/i18n';

export const STATUS: Record<string, Localized> = {
  lead: L('线索核查', '線索核查', 'Lead'),
  dismissed: L('不予立案', '不予立案', 'Not opened'),
  investigating: L('调查取证', '調查取證', 'Investigating'),
  proposed: L('拟处理意见', '擬處理意見', 'Proposed'),
  notified: L('已告知', '已告知', 'Notified'),
  decided: L('已决定', '已決定', 'Decided'),
  served: L('已送达', '已送達', 'Served'),
  paid: L('已缴款', '已繳款', 'Paid'),
  closed: L('已结案', '已結案', 'Closed'),
  revoked: L('已撤销', '已撤銷', 'Revoked'),
};
export const STATUS_COLOR: Record<string, string> = {
  lead: 'gold',
  investigating: 'blue',
  proposed: 'geekblue',
  notified: 'purple',
  decided: 'cyan',
  served: 'cyan',
  paid: 'green',
  closed: 'default',
  revoked: 'red',
  dismissed: 'default',
};
export const OUTCOME: Record<string, Localized> = {
  no_penalty: L('不予处罚', '不予處罰', 'No penalty'),
  lighter: L('从轻处罚', '從輕處罰', 'Lighter penalty'),
  mitigated: L('减轻处罚', '減輕處罰', 'Mitigated penalty'),
  standard: L('一般处罚', '一般處罰', 'Standard penalty'),
  heavier: L('从重处罚', '從重處罰', 'Heavier penalty'),
};
export const SOURCE: Record<string, Localized> = {
  complaint_report: L('投诉举报', '投訴舉報', 'Complaint or report'),
  inspection: L('监督检查', '監督檢查', 'Inspection'),
  transfer: L('移送', '移送', 'Transfer'),
  public_proposal: L('群众反映', '群眾反映', 'Public proposal'),
  staff: L('执法人员发现', '執法人員發現', 'Found by staff'),
  on_the_spot: L('当场处罚', '當場處罰', 'On the spot'),
};
export const DOC_KIND: Record<string, Localized> = {
  penalty_decision: L('行政处罚决定书', '行政處罰決定書', 'Penalty decision'),
  no_penalty_decision: L('不予行政处罚决定书', '不予行政處罰決定書', 'No-penalty decision'),
  on_the_spot_decision: L('当场行政处罚决定书', '當場行政處罰決定書', 'On-the-spot decision'),
  penalty_notice: L('行政处罚告知书', '行政處罰告知書', 'Notice of intended penalty'),
  hearing_notice: L('听证通知书', '聽證通知書', 'Hearing notice'),
  credit_repair_notice: L('信用修复告知书', '信用修復告知書', 'Credit-repair notice'),
  compliance_guidance_letter: L('合规指导书', '合規指導書', 'Compliance-guidance letter'),
  follow_up_letter: L('回访函', '回訪函', 'Follow-up letter'),
  interview_notice: L('行政约谈通知书', '行政約談通知書', 'Interview notice'),
};
export const STEP: Record<string, Localized> = {
  reasoning: L('说理', '說理', 'Reasoning'),
  lead: L('登记线索', '登記線索', 'Lead registered'),
  open: L('立案', '立案', 'Case opened'),
  dismiss: L('不予立案', '不予立案', 'Not opened'),
  facts: L('录入事实', '錄入事實', 'Facts recorded'),
  evidence: L('证据', '證據', 'Evidence'),
  proposal: L('拟处理意见', '擬處理意見', 'Proposal'),
  notice: L('告知', '告知', 'Notice'),
  statement: L('陈述申辩', '陳述申辯', 'Statement'),
  'hearing-request': L('申请听证', '申請聽證', 'Hearing requested'),
  hearing: L('听证', '聽證', 'Hearing'),
  review: L('法制审核', '法制審核', 'Legal review'),
  collective: L('集体讨论', '集體討論', 'Collective discussion'),
  pause: L('中止计时', '中止計時', 'Paused'),
  resume: L('恢复计时', '恢復計時', 'Resumed'),
  extension: L('延期', '延期', 'Extension'),
  decision: L('作出决定', '作出決定', 'Decision'),
  service: L('送达', '送達', 'Service'),
  payment: L('缴款', '繳款', 'Payment'),
  close: L('结案', '結案', 'Closed'),
  revoke: L('撤销', '撤銷', 'Revoked'),
  publish: L('公示', '公示', 'Published'),
  'on-the-spot': L('当场处罚', '當場處罰', 'On-the-spot decision'),
  filing: L('备案', '備案', 'Filed'),
};

