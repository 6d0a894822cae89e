/**
 * The official documents the complaints module issues, as templates (data, not code). Placeholders
 * `{{name}}` are filled by `platform/documents/templates.ts`.
 */
import type { OfficialDocumentTemplate } from '../../../platform/documents/templates.js';

/** 消费纠纷调解协议书: signed by both parties when mediation ends in agreement (办法 第二十二条). */
export const MEDIATION_AGREEMENT: OfficialDocumentTemplate = {
  kind: 'mediation_agreement',
  title: '消费纠纷调解协议书',
  bodyTemplate: [
    '投诉编号：{{trackingNo}}',
    '投诉人：{{complainant}}',
    '被投诉人：{{respondent}}',
    '地址：{{respondentAddress}}',
    '争议事实：{{facts}}',
    '经调解员{{mediator}}主持调解，双方自愿达成如下协议：{{terms}}',
    '本协议自双方签字之日起生效，一式三份，双方各执一份，调解机构存档一份。',
    '投诉人（签字）：　　　　　　被投诉人（签字/盖章）：',
  ].join('\n'),
  footer: '本协议依据《市场监督管理投诉举报处理暂行办法》第二十二条制作。',
};

/** 调协〔2026〕12345678号: the year and the last eight digits of the tracking number. */
export function agreementDocNo(issuedOn: string, trackingNo: string): string {
  return `调协〔${issuedOn.slice(0, 4)}〕${trackingNo.slice(-8)}号`;
}

/** The issuing office of a county (杭州市上城区市场监督管理局), or the bare bureau name when the region is unknown. */
export function agreementOffice(regionName: string | null): string {
  return `${regionName ? `杭州市${regionName}` : ''}市场监督管理局`;
}
