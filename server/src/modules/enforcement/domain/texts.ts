import type { LocalizedText } from '../../../platform/i18n/i18n.js';
import { yuan } from './procedure.js';

/**
 * The catalogue of the enforcement module's rule messages, in the three locales (zh-CN, zh-TW, en).
 * Use cases never assemble wording: they pick an entry here (or call one of the functions for a
 * message with values). Each legal precondition names its article; the articles are those of
 * 《中华人民共和国行政处罚法》 (2021), as cited in domain/procedure.ts.
 */

/** A small count in Chinese numerals (一…九十九), as official texts write day counts. */
export function zhNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones ? digits[ones] : ''}`;
}

function t(zhCN: string, zhTW: string, en: string): LocalizedText {
  return { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
}

export const TEXT = {
  backdating: t(
    '实时操作，执法环节以系统时间记录，不得补录或倒签（声称时间早于当前时间）',
    '即時操作，執法環節以系統時間記錄，不得補錄或倒簽（聲稱時間早於當前時間）',
    'real-time operation: steps are recorded at the server time and cannot be back-dated',
  ),
  twoOfficers: t('执法人员不得少于两人（《行政处罚法》第四十二条）', '執法人員不得少於兩人（《行政處罰法》第四十二條）', 'at least two enforcement officers (Administrative Penalty Law art. 42)'),
  openerMustBeOfficer: t('立案人须为本案执法人员之一', '立案人須為本案執法人員之一', 'the officer who opens the case must be one of its officers'),
  factsFirst: t('提出处理意见前须先录入案件事实', '提出處理意見前須先錄入案件事實', 'record the facts of the case before proposing a decision'),
  noNoticeForNoPenalty: t('不予处罚的案件无需送达处罚告知书', '不予處罰的案件無需送達處罰告知書', 'a no-penalty case has no notice of intended penalty'),
  belowHearingThreshold: t('拟处罚未达到听证标准（《行政处罚法》第六十三条）', '擬處罰未達到聽證標準（《行政處罰法》第六十三條）', 'the intended penalty does not reach the hearing threshold (art. 63)'),
  noHearingRequested: t('当事人未要求听证', '當事人未要求聽證', 'the party has not requested a hearing'),
  investigatorCannotReview: t(
    '本案调查人员不得担任法制审核人员（《行政处罚法》第五十八条）',
    '本案調查人員不得擔任法制審核人員（《行政處罰法》第五十八條）',
    'an investigator of the case cannot be its legal reviewer (art. 58)',
  ),
  pausedResumeFirst: t('案件处于中止计算期限状态，请先恢复', '案件處於中止計算期限狀態，請先恢復', 'the case is paused; resume it first'),
  noticeBeforeDecision: t(
    '作出处罚决定前须告知当事人拟处罚内容及其权利（《行政处罚法》第四十四条）',
    '作出處罰決定前須告知當事人擬處罰內容及其權利（《行政處罰法》第四十四條）',
    'the party must be told of the intended penalty and its rights first (art. 44)',
  ),
  hearingBeforeDecision: t('当事人要求听证的，须在听证后作出决定（第六十三条）', '當事人要求聽證的，須在聽證後作出決定（第六十三條）', 'the requested hearing must be held before the decision (art. 63)'),
  fineUnpaid: t('罚款未缴纳，不能结案', '罰款未繳納，不能結案', 'the fine has not been paid'),
} as const;

/** The steps a decision may still lack (第五十八条 legal review, 第五十七条第二款 collective discussion). */
export type MissingStep = 'legal_review' | 'collective_discussion';

const MISSING_STEP: Record<MissingStep, LocalizedText> = {
  legal_review: t('法制审核（第五十八条）', '法制審核（第五十八條）', 'legal review (art. 58)'),
  collective_discussion: t('集体讨论（第五十七条第二款）', '集體討論（第五十七條第二款）', 'collective discussion (art. 57 ¶2)'),
};

export function stepsMissingBeforeDecision(missing: readonly MissingStep[]): LocalizedText {
  const list = (locale: keyof LocalizedText, sep: string) => missing.map((m) => MISSING_STEP[m][locale]).join(sep);
  return t(`本案须经${list('zh-CN', '、')}后方可作出决定`, `本案須經${list('zh-TW', '、')}後方可作出決定`, `this case needs ${list('en', ' and ')} before the decision`);
}

export function fineOutOfRange(minFen: number, maxFen: number, basis: { law: string; article: string }): LocalizedText {
  const range = `${yuan(minFen)}–${yuan(maxFen)}`;
  return t(
    `罚款金额超出法定幅度 ${range}（${basis.law}${basis.article}）`,
    `罰款金額超出法定幅度 ${range}（${basis.law}${basis.article}）`,
    `the fine is outside the statutory range ${range} (${basis.law} ${basis.article})`,
  );
}

/** 第六十四条: the hearing notice is served `workingDays` working days before the hearing. */
export function hearingTooEarly(earliest: string, workingDays: number): LocalizedText {
  const zh = zhNumber(workingDays);
  return t(
    `听证应在通知${zh}个工作日后举行，最早 ${earliest}（第六十四条）`,
    `聽證應在通知${zh}個工作日後舉行，最早 ${earliest}（第六十四條）`,
    `the hearing must be at least ${workingDays} working days after the notice, earliest ${earliest} (art. 64)`,
  );
}

/** 第七十二条: the amount due is the fine plus the late fee. */
export function amountDue(fineFen: number, feeFen: number): LocalizedText {
  return t(
    `应缴金额为 ${yuan(fineFen + feeFen)}（罚款 ${yuan(fineFen)}，加处罚款 ${yuan(feeFen)}，第七十二条）`,
    `應繳金額為 ${yuan(fineFen + feeFen)}（罰款 ${yuan(fineFen)}，加處罰款 ${yuan(feeFen)}，第七十二條）`,
    `the amount due is ${yuan(fineFen + feeFen)} (fine ${yuan(fineFen)}, late fee ${yuan(feeFen)}, art. 72)`,
  );
}

/** 第五十一条: the on-the-spot limit for a citizen or an organisation. */
export function onTheSpotLimitExceeded(limitFen: number, partyKind: 'person' | 'organisation'): LocalizedText {
  const who = partyKind === 'person' ? t('公民', '公民', 'a citizen') : t('法人或者其他组织', '法人或者其他組織', 'an organisation');
  return t(
    `超出限额：当场处罚对${who['zh-CN']}的罚款不得超过 ${yuan(limitFen)}（《行政处罚法》第五十一条），请适用普通程序`,
    `超出限額：當場處罰對${who['zh-TW']}的罰款不得超過 ${yuan(limitFen)}（《行政處罰法》第五十一條），請適用普通程序`,
    `Limit exceeded: an on-the-spot fine for ${who.en} may not exceed ${yuan(limitFen)} (Administrative Penalty Law art. 51); use the general procedure`,
  );
}

/** In-app notice to the co-officers of a case just opened. */
export function coOfficerNotice(opener: string, caseNo: string, partyName: string) {
  return { title: '执法案件协办', body: `${opener}已将您列为案件 ${caseNo}（${partyName}）的执法人员` };
}

/** The in-app notice to the officers of a case whose decision due date a calendar change moved. */
export function deadlineCorrectedNotice(caseNo: string, due: string, was: string | null) {
  return { title: '办案期限已更正', body: `案件 ${caseNo} 的作出决定期限按新的放假安排更正为 ${due}（原为 ${was ?? '未定'}）` };
}

/** The title of the obligation a 回访函 creates (the promised visit). */
export function followUpVisitTitle(caseNo: string, partyName: string): string {
  return `回访函承诺回访：案件 ${caseNo}（${partyName}）`;
}

// ---- Early warnings (issue 11): computed signals, the warning letter, the business's acknowledgement ----

/** One computed signal in words (the warning list, the letter, the notice). */
export function signalText(d: import('./signals.js').SignalDetail): LocalizedText {
  if (d.rule === 'complaints_rising') {
    return t(
      `近${d.windowDays}日被投诉举报 ${d.current} 件，前${d.windowDays}日 ${d.previous} 件（阈值：不少于 ${d.minCount} 件且不低于前期的 ${d.ratio} 倍）`,
      `近${d.windowDays}日被投訴舉報 ${d.current} 件，前${d.windowDays}日 ${d.previous} 件（閾值：不少於 ${d.minCount} 件且不低於前期的 ${d.ratio} 倍）`,
      `${d.current} complaints and reports in the last ${d.windowDays} days, ${d.previous} in the ${d.windowDays} days before (threshold: at least ${d.minCount} and ${d.ratio}× the previous window)`,
    );
  }
  if (d.rule === 'permit_expiring') {
    const permits = d.permits;
    const list = (f: (p: (typeof permits)[number]) => string) => permits.map(f).join('；');
    return t(
      `许可证件即将到期或已到期：${list((p) => `${p.permitType} ${p.permitNo}，有效期至 ${p.expiresOn}（${p.daysLeft >= 0 ? `剩余 ${p.daysLeft} 日` : `已过期 ${-p.daysLeft} 日`}）`)}`,
      `許可證件即將到期或已到期：${list((p) => `${p.permitType} ${p.permitNo}，有效期至 ${p.expiresOn}（${p.daysLeft >= 0 ? `剩餘 ${p.daysLeft} 日` : `已過期 ${-p.daysLeft} 日`}）`)}`,
      `Permits expiring or expired: ${list((p) => `${p.permitType} ${p.permitNo}, valid until ${p.expiresOn} (${p.daysLeft >= 0 ? `${p.daysLeft} days left` : `expired ${-p.daysLeft} days ago`})`)}`,
    );
  }
  return t(
    `近${d.windowDays}日内被查处违法行为 ${d.findings.length} 次（${d.findings.map((f) => f.caseNo).join('、')}），阈值 ${d.minFindings} 次`,
    `近${d.windowDays}日內被查處違法行為 ${d.findings.length} 次（${d.findings.map((f) => f.caseNo).join('、')}），閾值 ${d.minFindings} 次`,
    `${d.findings.length} violations found in the last ${d.windowDays} days (${d.findings.map((f) => f.caseNo).join(', ')}); threshold ${d.minFindings}`,
  );
}

export const WARNING_TEXT = {
  noOpenSignal: t('该企业没有待处理的预警信号，无需发出风险提示', '該企業沒有待處理的預警信號，無需發出風險提示', 'This enterprise has no open warning signal: there is nothing to warn about'),
  alreadyAcknowledged: t('该风险提示已签收', '該風險提示已簽收', 'This warning has already been acknowledged'),
  defaultContent: t(
    '请你（单位）对照上述风险，全面自查，及时整改，依法合规经营；如有疑问，请与本局联系。',
    '請你（單位）對照上述風險，全面自查，及時整改，依法合規經營；如有疑問，請與本局聯繫。',
    'Please review the risks above, correct what needs correcting and keep to the law; contact the bureau with any question.',
  ),
};

/** The portal notice and SMS of an issued warning (Chinese: an official act of the bureau). */
export function warningNotice(enterpriseName: string, docNo: string, due: string) {
  return {
    title: '市场监管风险提示函',
    body: `${enterpriseName}：市场监管部门向您发出风险提示函（${docNo}），请登录企业服务平台查看，并于 ${due} 前签收。`,
  };
}

/** The title of the obligation an issued warning creates (the business's acknowledgement). */
export function warningAcknowledgementTitle(enterpriseName: string, docNo: string): string {
  return `风险提示函待企业签收：${enterpriseName}（${docNo}）`;
}

// ---- The rulebook (issue 11) ----

export const RULEBOOK_TEXT = {
  draftExists: t('该范围已有一个草稿，请先编辑或发布该草稿', '該範圍已有一個草稿，請先編輯或發佈該草稿', 'This scope already has a draft: edit or publish it first'),
  publishedIsFrozen: t('已发布的版本不可修改，请新建草稿', '已發佈的版本不可修改，請新建草稿', 'A published version cannot be changed: create a new draft'),
};
// ---- Issue 11 (on-the-spot discretion, reasoning, public publicity, evidence) ----

type Cite = { law: string; article: string };
const cite = (c: Cite) => `${c.law}${c.article}`;

/** The lenient rules require no penalty: the on-the-spot procedure cannot impose one. */
export function onTheSpotNoPenaltyRequired(c: Cite): LocalizedText {
  return t(
    `依据${cite(c)}，本案应当不予行政处罚，不得当场处罚`,
    `依據${cite(c)}，本案應當不予行政處罰，不得當場處罰`,
    `under ${c.law} ${c.article} this case must not be penalised; no on-the-spot penalty`,
  );
}

/** The statutory range lies above the art. 51 limit: the general procedure applies. */
export function onTheSpotRangeAboveLimit(minFen: number, maxFen: number, basis: Cite, limitFen: number, limit: Cite): LocalizedText {
  const range = `${yuan(minFen)}–${yuan(maxFen)}`;
  return t(
    `该违法行为的法定罚款幅度为 ${range}（${cite(basis)}），超出当场处罚限额 ${yuan(limitFen)}（${cite(limit)}），不适用简易程序，请适用普通程序`,
    `該違法行為的法定罰款幅度為 ${range}（${cite(basis)}），超出當場處罰限額 ${yuan(limitFen)}（${cite(limit)}），不適用簡易程序，請適用普通程序`,
    `the statutory range of this violation is ${range} (${basis.law} ${basis.article}), above the on-the-spot limit ${yuan(limitFen)} (${limit.law} ${limit.article}); use the general procedure`,
  );
}

/** A warning alone where the statute sets a minimum fine. */
export function onTheSpotWarningBelowMinimum(minFen: number, basis: Cite): LocalizedText {
  return t(
    `该违法行为应处 ${yuan(minFen)} 以上罚款（${cite(basis)}），无减轻情节的不得仅予警告`,
    `該違法行為應處 ${yuan(minFen)} 以上罰款（${cite(basis)}），無減輕情節的不得僅予警告`,
    `this violation carries a fine of at least ${yuan(minFen)} (${basis.law} ${basis.article}); without mitigating grounds a warning alone is not allowed`,
  );
}

/** 说理式执法: a decision states its reasoning (facts → evidence → provisions → discretion). */
export const REASONING_TEXT = {
  required: t(
    '作出决定前须完成说理（事实认定、证据采信、法律适用、裁量理由）',
    '作出決定前須完成說理（事實認定、證據採信、法律適用、裁量理由）',
    'the reasoning (facts, evidence, provisions, discretion) must be recorded before the decision',
  ),
  headings: { facts: '（一）事实认定：', evidence: '（二）证据采信：', provisions: '（三）法律适用：', discretion: '（四）裁量理由：' },
} as const;

/** Public publicity messages. */
export const PUBLICITY_TEXT = {
  ended: t('该行政处罚信息公示期已满，已停止公示', '該行政處罰資訊公示期已滿，已停止公示', 'The publicity period of this penalty has ended; it is no longer published'),
  repaired: t('该行政处罚信息已完成信用修复，已停止公示', '該行政處罰資訊已完成信用修復，已停止公示', 'This penalty record has been repaired; it is no longer published'),
  withdrawn: t('该行政处罚决定已被撤销或变更，公示已撤下', '該行政處罰決定已被撤銷或變更，公示已撤下', 'This penalty decision was revoked or changed; its publication was withdrawn'),
  notFound: t('未找到该公示信息', '找不到該公示資訊', 'No such published penalty'),
  redacted: '（已依法隐去）',
} as const;

/** Evidence files. */
export const EVIDENCE_TEXT = {
  notEvidence: t('该文件不是本案的证据', '該檔案不是本案的證據', 'This file is not evidence of this case'),
} as const;
