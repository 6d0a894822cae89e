import type { LocalizedText } from '../../../platform/i18n/i18n.js';
import type { IneligibleCode } from './eligibility.js';
import type { RefusalReason } from './rules.js';

/** Why a record cannot be repaired now (values such as dates arrive from the rule data). */
export const INELIGIBLE_TEXT: Record<IneligibleCode, LocalizedText> = {
  not_published: { 'zh-CN': '该信息当前未在公示中（状态：{status}）', 'zh-TW': '該資訊目前未在公示中（狀態：{status}）', en: 'The record is not currently published (status: {status})' },
  excluded_serious_penalty: {
    'zh-CN': '该处罚种类（{penaltyKind}）不得提前停止公示',
    'zh-TW': '該處罰種類（{penaltyKind}）不得提前停止公示',
    en: 'This kind of penalty ({penaltyKind}) can never be removed from publicity early',
  },
  excluded_short_publicity: {
    'zh-CN': '警告、通报批评或较低数额罚款信息公示满3个月自动停止，无需也不予修复',
    'zh-TW': '警告、通報批評或較低數額罰款資訊公示滿3個月自動停止，無需也不予修復',
    en: 'Warnings, public criticism and low fines end by themselves after 3 months; they are not repaired',
  },
  minimum_period: { 'zh-CN': '最短公示期未满，{from}起方可申请', 'zh-TW': '最短公示期未滿，{from}起方可申請', en: 'The minimum publicity period is not over; you may apply from {from}' },
  fine_unpaid: { 'zh-CN': '行政处罚决定规定的义务（罚没款）尚未履行完毕', 'zh-TW': '行政處罰決定規定的義務（罰沒款）尚未履行完畢', en: 'The obligations of the penalty decision (the fine) are not yet performed' },
  on_other_list: { 'zh-CN': '企业仍在经营异常名录或严重违法失信名单中，请先修复该记录', 'zh-TW': '企業仍在經營異常名錄或嚴重違法失信名單中，請先修復該記錄', en: 'The enterprise is still on the abnormal-operations or serious-violation list; repair that first' },
  repeat_violation: { 'zh-CN': '此后因同一类违法行为再次受到行政处罚（{count}次）', 'zh-TW': '此後因同一類違法行為再次受到行政處罰（{count}次）', en: 'Penalised again since for the same kind of violation ({count} times)' },
  ground_not_cured: { 'zh-CN': '列入事由尚未消除（如未补报年度报告）', 'zh-TW': '列入事由尚未消除（如未補報年度報告）', en: 'The listing ground is not yet cured (e.g. the overdue annual report is not filed)' },
};

export const REFUSAL_TEXT: Record<RefusalReason, LocalizedText> = {
  obligations_not_performed: { 'zh-CN': '未履行法定义务', 'zh-TW': '未履行法定義務', en: 'Legal obligations not performed' },
  harm_not_removed: { 'zh-CN': '危害后果和不良社会影响未消除', 'zh-TW': '危害後果和不良社會影響未消除', en: 'Harm and bad effects not removed' },
  proof_insufficient: { 'zh-CN': '证明材料不足', 'zh-TW': '證明材料不足', en: 'Insufficient proof' },
  repeat_violation: { 'zh-CN': '再次发生同类违法行为', 'zh-TW': '再次發生同類違法行為', en: 'Same kind of violation repeated' },
  false_commitment: { 'zh-CN': '承诺内容不实', 'zh-TW': '承諾內容不實', en: 'The commitment was untrue' },
  other: { 'zh-CN': '其他', 'zh-TW': '其他', en: 'Other' },
};

export const KIND_TEXT: Record<'penalty' | 'abnormal' | 'serious', LocalizedText> = {
  penalty: { 'zh-CN': '行政处罚信息', 'zh-TW': '行政處罰資訊', en: 'Penalty publicity' },
  abnormal: { 'zh-CN': '经营异常名录', 'zh-TW': '經營異常名錄', en: 'Abnormal-operations list' },
  serious: { 'zh-CN': '严重违法失信名单', 'zh-TW': '嚴重違法失信名單', en: 'Serious-violation list' },
};

/** The credit commitment (守信承诺书) the applicant signs in the form; its version is stored. */
export const COMMITMENT = {
  version: 'commitment-2025-1',
  text: {
    'zh-CN': '本企业承诺所提交材料真实有效，已履行行政处罚决定规定的义务并消除不良影响，今后依法诚信经营；如有不实，愿承担相应法律责任并接受信用惩戒。',
    'zh-TW': '本企業承諾所提交材料真實有效，已履行行政處罰決定規定的義務並消除不良影響，今後依法誠信經營；如有不實，願承擔相應法律責任並接受信用懲戒。',
    en: 'We declare the materials true, the penalty obligations performed and the harm removed, and commit to lawful, honest business; if untrue, we accept legal liability and credit sanctions.',
  } satisfies LocalizedText,
};

/** Notices to the business (in-app). */
export const NOTICE = {
  submitted: { 'zh-CN': '信用修复申请已提交，受理期限{due}', 'zh-TW': '信用修復申請已提交，受理期限{due}', en: 'Credit-repair application submitted; acceptance due {due}' },
  accepted: { 'zh-CN': '信用修复申请已受理，决定期限{due}', 'zh-TW': '信用修復申請已受理，決定期限{due}', en: 'Credit-repair application accepted; decision due {due}' },
  approved: { 'zh-CN': '信用修复申请已通过，正在同步国家企业信用信息公示系统和信用中国', 'zh-TW': '信用修復申請已通過，正在同步國家企業信用資訊公示系統和信用中國', en: 'Credit repair approved; being applied in GSXT and Credit China' },
  refused: { 'zh-CN': '信用修复申请未通过：{reason}', 'zh-TW': '信用修復申請未通過：{reason}', en: 'Credit repair refused: {reason}' },
  repaired: { 'zh-CN': '信用修复已完成，两个公示系统均已确认', 'zh-TW': '信用修復已完成，兩個公示系統均已確認', en: 'Credit repair complete: both national systems confirmed' },
  abnormalListedTitle: { 'zh-CN': '列入经营异常名录通知', 'zh-TW': '列入經營異常名錄通知', en: 'Listed as abnormal' },
  abnormalListed: { 'zh-CN': '因未在6月30日前报送{year}年度报告，企业已被列入经营异常名录', 'zh-TW': '因未在6月30日前報送{year}年度報告，企業已被列入經營異常名錄', en: 'Listed as abnormal: the {year} annual report was not filed by 30 June' },
} satisfies Record<string, LocalizedText>;
