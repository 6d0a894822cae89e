import { Card, Descriptions } from 'antd';
import { L, useT } from '../../../lib/i18n';
import { formatYuan } from '../../../lib/money';
import { OUTCOME } from '../labels';
import type { Case } from './types';

/** The proposed decision and where its reviews stand (legal review, collective discussion, publicity). */
export function DecisionCard({ c, outcome }: { c: Case; outcome: NonNullable<Case['decidedOutcome']> }) {
  const t = useT();
  return (
    <Card title={t(L('处理意见与审核', '處理意見與審核', 'Proposed decision and reviews'))}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t(L('处理意见', '處理意見', 'Outcome'))}>{t(OUTCOME[outcome])}</Descriptions.Item>
        <Descriptions.Item label={t(L('罚款', '罰款', 'Fine'))}>{formatYuan(c.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={t(L('偏离建议', '偏離建議', 'Outside the proposal'))}>{c.outsideProposal ? `${t(L('是', '是', 'Yes'))}：${c.deviationReason ?? ''}` : t(L('否', '否', 'No'))}</Descriptions.Item>
        <Descriptions.Item label={t(L('法制审核', '法制審核', 'Legal review'))}>
          <span data-testid="review-state">
            {c.reviewResult ? (c.reviewResult === 'approved' ? t(L('已通过', '已通過', 'Approved')) : t(L('未通过', '未通過', 'Rejected'))) : c.reviewRequired ? t(L('须审核', '須審核', 'Required')) : t(L('非必需', '非必需', 'Not required'))}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t(L('集体讨论', '集體討論', 'Collective discussion'))}>
          {c.collectiveDone ? t(L('已讨论', '已討論', 'Done')) : c.collectiveRequired ? t(L('须讨论', '須討論', 'Required')) : t(L('非必需', '非必需', 'Not required'))}
        </Descriptions.Item>
        <Descriptions.Item label={t(L('公示', '公示', 'Publicity'))}>
          {c.publicity ? `${c.publicity.status} · ${t(L('期限', '期限', 'due'))} ${c.publicity.publishDue ?? '—'} · ${c.publicity.period === '3_months' ? t(L('3个月', '3個月', '3 months')) : t(L('3年', '3年', '3 years'))}` : t(L('不公示', '不公示', 'Not published'))}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
