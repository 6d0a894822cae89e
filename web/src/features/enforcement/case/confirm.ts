/**
 * The summary shown before an irreversible legal act (a decision, service, closing, revocation,
 * publication): who, how much, which document, and what follows. Pure (unit-tested in confirm.test.ts).
 */
import { L, type Localized } from '../../../lib/i18n';
import { formatYuan } from '../../../lib/money';
import type { Case } from './types';

export type ConfirmedAction = 'decision' | 'service' | 'close' | 'revoke' | 'publish';
export const CONFIRMED = new Set<string>(['decision', 'service', 'close', 'revoke', 'publish']);

export interface ConfirmSummary {
  title: Localized;
  /** Label → value lines (values already formatted; localized ones as Localized). */
  lines: { label: Localized; value: string | Localized }[];
  consequence: Localized;
}

function penaltyOf(c: Case): string | Localized {
  if (c.penalty === 'fine') return formatYuan(c.amountFen ?? 0);
  if (c.penalty === 'warning') return L('警告', '警告', 'Warning');
  return L('不予行政处罚', '不予行政處罰', 'No penalty');
}

export function confirmSummary(action: ConfirmedAction, c: Case): ConfirmSummary {
  const decision = c.documents.find((d) => d.kind === 'penalty_decision' || d.kind === 'no_penalty_decision' || d.kind === 'on_the_spot_decision');
  const lines: ConfirmSummary['lines'] = [
    { label: L('案件', '案件', 'Case'), value: c.caseNo },
    { label: L('当事人', '當事人', 'Party'), value: c.partyName + (c.creditCode ? `（${c.creditCode}）` : '') },
    { label: L('处罚内容', '處罰內容', 'Penalty'), value: penaltyOf(c) },
  ];
  if (decision) lines.push({ label: L('决定书', '決定書', 'Decision'), value: decision.docNo });
  switch (action) {
    case 'decision':
      return {
        title: L('确认作出行政处罚决定？', '確認作出行政處罰決定？', 'Make this decision?'),
        lines,
        consequence:
          c.penalty === 'fine'
            ? L('将签发决定书、信用修复告知书、合规指导书和回访函；决定作出后不能修改，只能依法撤销。罚款决定将依法公示。', '將簽發決定書、信用修復告知書、合規指導書和回訪函；決定作出後不能修改，只能依法撤銷。罰款決定將依法公示。', 'The decision, credit-repair notice, guidance and follow-up letters are issued; the decision cannot be edited afterwards, only revoked. A fine is published.')
            : L('将签发决定书、合规指导书和回访函；决定作出后不能修改，只能依法撤销。', '將簽發決定書、合規指導書和回訪函；決定作出後不能修改，只能依法撤銷。', 'The decision, guidance and follow-up letters are issued; the decision cannot be edited afterwards, only revoked.'),
      };
    case 'service':
      return {
        title: L('确认已送达决定书？', '確認已送達決定書？', 'Record service of the decision?'),
        lines,
        consequence: L('送达日期以系统时间记录，缴款期限和复议、诉讼期限自送达之日起计算。', '送達日期以系統時間記錄，繳款期限和復議、訴訟期限自送達之日起計算。', 'Service is recorded at the server time; the payment, review and appeal periods run from today.'),
      };
    case 'close':
      return { title: L('确认结案？', '確認結案？', 'Close the case?'), lines, consequence: L('结案后案件不能再办理任何环节。', '結案後案件不能再辦理任何環節。', 'No further step can be taken on a closed case.') };
    case 'revoke':
      return {
        title: L('确认撤销决定？', '確認撤銷決定？', 'Revoke the decision?'),
        lines,
        consequence: L('决定书及信用修复告知书将被撤销，公示信息立即撤下，不可恢复。', '決定書及信用修復告知書將被撤銷，公示資訊立即撤下，不可恢復。', 'The decision and credit-repair notice are revoked and the publication withdrawn at once; this cannot be undone.'),
      };
    case 'publish':
      return {
        title: L('确认公示处罚决定？', '確認公示處罰決定？', 'Publish this decision?'),
        lines,
        consequence: L('决定书（已隐去个人信息）和摘要将在公众网站公开，公示期满自动停止。', '決定書（已隱去個人資訊）和摘要將在公眾網站公開，公示期滿自動停止。', 'The redacted decision and its summary go on the public site until the period ends.'),
      };
  }
}
