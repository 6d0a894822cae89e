import { Card, Descriptions, Steps, Tag, Typography } from 'antd';
import type { ResponseOf } from '../../lib/api';
import { formatDateTime, L, useT } from '../../lib/i18n';
import { APPLICATION_COLOR, APPLICATION_STATUS, STEP } from './labels';
import { SystemsTags } from './SystemsTags';

export type Application = ResponseOf<'/api/credit/applications/{id}', 'get'>;

/** One application as the business (and the officer) follows it: every step, the clocks, each system's state. */
export function ApplicationCard({ a, extra }: { a: Application; extra?: React.ReactNode }) {
  const t = useT();
  return (
    <Card
      size="small"
      data-testid={`application-${a.id}`}
      title={
        <span>
          {a.record.kindLabel} · {a.record.documentNo ?? a.record.grounds}
        </span>
      }
      extra={<Tag color={APPLICATION_COLOR[a.status]} data-testid="application-status" data-status={a.status}>{t(APPLICATION_STATUS[a.status] ?? a.status)}</Tag>}
    >
      <Descriptions size="small" column={1} items={[
        { key: 'office', label: t(L('办理机关', '辦理機關', 'Deciding office')), children: a.record.issuingOffice },
        { key: 'accept', label: t(L('受理期限', '受理期限', 'Acceptance due')), children: a.acceptDue },
        ...(a.decideDue ? [{ key: 'decide', label: t(L('决定期限', '決定期限', 'Decision due')), children: a.decideDue }] : []),
        ...(a.refusalReasonLabel ? [{ key: 'refusal', label: t(L('不予修复理由', '不予修復理由', 'Reason for refusal')), children: `${a.refusalReasonLabel}：${a.decisionNote ?? ''}` }] : []),
        { key: 'systems', label: t(L('两个公示系统', '兩個公示系統', 'National systems')), children: <SystemsTags systems={a.systems} /> },
      ]} />
      <Steps
        direction="vertical"
        size="small"
        current={a.timeline.length - 1}
        items={a.timeline.map((e) => ({ title: t(STEP[e.step] ?? e.step), description: <Typography.Text type="secondary">{formatDateTime(e.at)}{e.by ? ` · ${e.by}` : ''}{e.note ? ` · ${e.note}` : ''}</Typography.Text> }))}
      />
      {extra}
    </Card>
  );
}
