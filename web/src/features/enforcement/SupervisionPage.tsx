import { Card, Col, Empty, List, Row, Space, Statistic, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import type { FiguresSchema } from '../../../../contracts/enforcement';
import { api } from '../../lib/api';
import { L, useT, type Localized } from '../../lib/i18n';
import { chinaYear } from '../../lib/clock';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { ProvisionalMark } from '../../components/ProvisionalMark';
import { formatYuan } from '../../lib/money';
import { regionName } from '../../lib/regions';

type Figures = z.infer<typeof FiguresSchema>;

const MISSING: Record<string, Localized> = {
  legal_review: L('缺法制审核', '缺法制審核', 'no legal review'),
  collective_discussion: L('缺集体讨论', '缺集體討論', 'no collective discussion'),
};

/** Real-time supervision: overdue cases, steps out of order, decisions lacking reviews, officers with anomalies; and the year's figures. */
export default function SupervisionPage() {
  const t = useT();
  const { can } = useAuth();
  const year = chinaYear();
  const sup = useQuery({ queryKey: ['enforcement', 'supervision'], queryFn: ({ signal }) => api.get('/api/enforcement/supervision', { signal }) });
  const fig = useQuery({
    queryKey: ['enforcement', 'figures', year],
    enabled: can('enforcement.figures.read'),
    queryFn: ({ signal }) => api.get('/api/enforcement/figures', { query: { year }, signal }),
  });
  if (sup.isPending) return <PageSpinner />;
  if (sup.error) return <ErrorAlert error={sup.error} />;
  const s = sup.data;
  const caseLink = (x: { id: string; caseNo: string }) => <Link to={`/staff/enforcement/cases/${x.id}`}>{x.caseNo}</Link>;
  const figures: [keyof Omit<Figures, 'year'>, Localized][] = [
    ['cases', L('普通程序案件', '普通程序案件', 'General-procedure cases')],
    ['notPenalised', L('不予处罚', '不予處罰', 'Not penalised')],
    ['mitigatedOrLighter', L('从轻减轻', '從輕減輕', 'Lighter or mitigated')],
    ['onTheSpot', L('当场处罚', '當場處罰', 'On-the-spot')],
    ['interviews', L('行政约谈', '行政約談', 'Interviews')],
    ['followUps', L('回访', '回訪', 'Follow-up visits')],
    ['fineTotalFen', L('罚没金额', '罰沒金額', 'Fines')],
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {fig.data ? (
        <Card title={t(L('{year}年执法数据（同比）', '{year}年執法數據（同比）', 'Enforcement figures {year} (year on year)'), { year })}>
          <Row gutter={[16, 16]}>
            {figures.map(([k, label]) => (
              <Col key={k} xs={12} md={6}>
                <Statistic title={t(label)} value={k === 'fineTotalFen' ? formatYuan(fig.data[k].year) : fig.data[k].year} suffix={fig.data[k].change === null ? null : <Tag>{fig.data[k].change! > 0 ? '+' : ''}{fig.data[k].change}%</Tag>} />
              </Col>
            ))}
          </Row>
        </Card>
      ) : null}
      <Card title={t(L('超期案件', '超期案件', 'Overdue cases'))} data-testid="overdue">
        <Table size="small" rowKey="id" pagination={false} dataSource={s.overdueCases} locale={{ emptyText: <Empty description={t(L('无', '無', 'None'))} /> }}
          columns={[{ title: t(L('案件', '案件', 'Case')), render: (_: unknown, r) => caseLink(r) }, { title: t(L('环节', '環節', 'Stage')), dataIndex: 'stage' }, { title: t(L('期限', '期限', 'Due')), dataIndex: 'due' }]} />
      </Card>
      <Card title={t(L('办案期限（超期、临期、预计）', '辦案期限（超期、臨期、預計）', 'Decision deadlines (overdue, due soon, provisional)'))} data-testid="deadlines">
        <Table size="small" rowKey="id" pagination={false} dataSource={s.deadlines} locale={{ emptyText: <Empty description={t(L('无', '無', 'None'))} /> }}
          columns={[
            { title: t(L('案件', '案件', 'Case')), render: (_: unknown, r) => caseLink(r) },
            { title: t(L('辖区', '轄區', 'Office')), dataIndex: 'regionCode', render: (v: string | null) => regionName(v) },
            { title: t(L('执法人员', '執法人員', 'Officers')), render: (_: unknown, r) => r.officerIds.length },
            {
              title: t(L('期限', '期限', 'Due')),
              render: (_: unknown, r) => (
                <span data-testid="deadline-due">
                  {r.due} {r.overdue ? <Tag color="red">{t(L('已超期', '已超期', 'Overdue'))}</Tag> : r.dueSoon ? <Tag color="orange">{t(L('临期', '臨期', 'Due soon'))}</Tag> : null}
                  {r.provisional ? <ProvisionalMark years={r.provisionalYears} /> : null}
                </span>
              ),
            },
          ]} />
      </Card>
      <Card title={t(L('缺少必要审核的决定', '缺少必要審核的決定', 'Decisions lacking a required review'))}>
        <List size="small" dataSource={s.decisionsLackingReview} locale={{ emptyText: t(L('无', '無', 'None')) }} renderItem={(x) => <List.Item>{caseLink(x)} {x.missing.map((m) => <Tag key={m} color="red">{t(MISSING[m] ?? L(m, m, m))}</Tag>)}</List.Item>} />
      </Card>
      <Card title={t(L('环节顺序异常', '環節順序異常', 'Steps out of order'))}>
        <List size="small" dataSource={s.stepsOutOfOrder} locale={{ emptyText: t(L('无', '無', 'None')) }} renderItem={(x) => <List.Item>{caseLink(x)} {x.steps.join(', ')}</List.Item>} />
      </Card>
      <Card title={t(L('逾期未公示', '逾期未公示', 'Publication overdue'))}>
        <List size="small" dataSource={s.publicationOverdue} locale={{ emptyText: t(L('无', '無', 'None')) }} renderItem={(x) => <List.Item>{caseLink(x)} {x.due}</List.Item>} />
      </Card>
      <Card title={t(L('执法人员异常', '執法人員異常', 'Officers with anomalies'))}>
        <Table size="small" rowKey="officerId" pagination={false} dataSource={s.officerAnomalies}
          columns={[
            { title: t(L('执法人员', '執法人員', 'Officer')), dataIndex: 'officerName' },
            { title: t(L('倒签尝试', '倒簽嘗試', 'Back-dating attempts')), dataIndex: 'backdatingAttempts' },
            { title: t(L('超期案件', '超期案件', 'Overdue cases')), dataIndex: 'overdueCases' },
            { title: t(L('偏离裁量建议', '偏離裁量建議', 'Deviations from proposals')), dataIndex: 'deviations' },
          ]} />
      </Card>
    </Space>
  );
}
