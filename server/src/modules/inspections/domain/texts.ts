import type { LocalizedText } from '../../../platform/i18n/i18n.js';

/**
 * Every message of the inspections module in zh-CN, zh-TW and en. Numbers and citations arrive as
 * values ({placeholders}) from the rule data (sampling-rules.ts, visits.ts, teams.ts).
 */
function t(zhCN: string, zhTW: string, en: string): LocalizedText {
  return { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
}

export const TEXT = {
  ratioOutOfRange: t(
    '{riskClass} 类抽查比例须在 {min}–{max} 之间（{citation}）',
    '{riskClass} 類抽查比例須在 {min}–{max} 之間（{citation}）',
    'the sampling ratio of class {riskClass} must be between {min} and {max} ({citation})',
  ),
  departmentsRequired: t('联合抽查须至少一个部门参与', '聯合抽查須至少一個部門參與', 'a task needs at least one department'),
  itemNotOfDepartment: t('检查事项须属于参与部门', '檢查事項須屬於參與部門', 'every item must belong to a department taking part'),
  notAParty: t('{party} 不是本次抽取的参与方', '{party} 不是本次抽取的參與方', '{party} is not a party to this draw'),
  alreadyCommitted: t('{party} 已提交承诺值，不得更改', '{party} 已提交承諾值，不得更改', '{party} has already committed'),
  revealBeforeAllCommitted: t('所有参与方提交承诺值后方可揭示', '所有參與方提交承諾值後方可揭示', 'reveals are accepted only after every party has committed'),
  revealMismatch: t('揭示值与承诺值不符', '揭示值與承諾值不符', 'the revealed value does not match the commitment'),
  notAllRevealed: t('所有参与方揭示后方可抽取', '所有參與方揭示後方可抽取', 'the draw runs once every party has revealed'),
  directoryChanged: t(
    '检查对象名录库或执法检查人员名录库在承诺后发生变化，本次抽取作废，请重新建立任务',
    '檢查對象名錄庫或執法檢查人員名錄庫在承諾後發生變化，本次抽取作廢，請重新建立任務',
    'a directory changed after the commitments; this draw is void — create the task again',
  ),
  emptyDirectory: t('检查对象名录库为空', '檢查對象名錄庫為空', 'the target directory is empty'),
  notOnTeam: t('仅本次检查组成员可填写检查结果', '僅本次檢查組成員可填寫檢查結果', 'only a member of the visit team records results'),
  checklistIncomplete: t('尚有 {missing} 项未填写检查结果', '尚有 {missing} 項未填寫檢查結果', '{missing} items have no result yet'),
  notCompleted: t('任务下的检查尚未全部完成', '任務下的檢查尚未全部完成', 'not every visit of the task is complete'),
  codeWrong: t('验证码错误或已过期', '驗證碼錯誤或已過期', 'the code is wrong or has expired'),
  sessionExpired: t('手机验证已过期，请重新验证', '手機驗證已過期，請重新驗證', 'the phone verification has expired; verify again'),
  alreadySupported: t('每个手机号对同一建议只能支持一次', '每個手機號對同一建議只能支持一次', 'one support per phone per proposal'),
  notOpen: t('该建议当前不接受此操作', '該建議目前不接受此操作', 'the proposal does not accept this now'),
  answerRequired: t('驳回须附官方答复', '駁回須附官方答覆', 'a rejection needs an official answer'),
  mergeSelf: t('不能合并到自身', '不能合併到自身', 'a proposal cannot be merged into itself'),
  noOpenProposal: t('没有待采纳的建议', '沒有待採納的建議', 'no open proposal to adopt'),
} as const;

/** The SMS with a proposal verification code ({{code}} is filled at send time only). */
export const SMS = {
  title: t('点单验证码', '點單驗證碼', 'Verification code'),
  body: t(
    '【行风】您的点单验证码为 {{code}}，{minutes} 分钟内有效。',
    '【行風】您的點單驗證碼為 {{code}}，{minutes} 分鐘內有效。',
    '[Xingfeng] Your code is {{code}}, valid for {minutes} minutes.',
  ),
};

export const LEAD_SUMMARY = t('双随机抽查发现问题：{items}', '雙隨機抽查發現問題：{items}', 'Found in a random inspection: {items}');
export const PUBLISH_OBLIGATION = t('公示抽查结果：{taskNo}', '公示抽查結果：{taskNo}', 'Publish the inspection results of {taskNo}');
