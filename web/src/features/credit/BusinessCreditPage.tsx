import { useState } from 'react';
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatYuan } from '../../lib/money';
import { ApplyDrawer } from './ApplyDrawer';
import { ApplicationCard } from './ApplicationCard';
import { RECORD_STATUS, SEVERITY } from './labels';
import { SystemsTags } from './SystemsTags';

type CreditRecord = ResponseOf<'/api/credit/records', 'get'>['items'][number];

function Eligibility({ record, onApply }: { record: CreditRecord; onApply: () => void }) {
  const t = useT();
  const el = useQuery({ queryKey: ['credit', 'eligibility', record.id], queryFn: ({ signal }) => api.get('/api/credit/records/{id}/eligibility', { path: { id: record.id }, signal }) });
  if (!el.data) return null;
  if (el.data.eligible) return <Button type="primary" block onClick={onApply} data-testid="apply">{t(L('申请信用修复', '申請信用修復', 'Apply for credit repair'))}</Button>;
  return (
    <Alert
      type="warning"
      data-testid="ineligible"
      message={t(L('暂不符合修复条件', '暫不符合修復條件', 'Not repairable now'))}
      description={<ul style={{ paddingLeft: 18, margin: 0 }}>{el.data.reasons.map((r) => <li key={r.code}>{r.message}<br /><small>{r.rule}</small></li>)}</ul>}
    />
  );
}

/** Business portal (computer or phone): my credit records, eligibility with the reasons, apply, follow every step. */
export default function BusinessCreditPage() {
  const t = useT();
  const qc = useQueryClient();
  const [applying, setApplying] = useState<CreditRecord | null>(null);
  const records = useQuery({ queryKey: ['credit', 'records'], queryFn: ({ signal }) => api.get('/api/credit/records', { signal }) });
  const applications = useQuery({
    queryKey: ['credit', 'applications'],
    queryFn: ({ signal }) => api.get('/api/credit/applications', { signal }),
    refetchInterval: (q) => (q.state.data?.items.some((a) => a.status === 'approved') ? 3000 : false),
  });
  const open = new Set((applications.data?.items ?? []).filter((a) => !['refused', 'repaired'].includes(a.status)).map((a) => a.recordId));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} data-testid="page-title" style={{ margin: 0 }}>{t(L('信用修复', '信用修復', 'Credit repair'))}</Typography.Title>
      <ErrorAlert error={records.error ?? applications.error} />
      <Card size="small" title={t(L('我的信用记录', '我的信用記錄', 'My credit records'))}>
        <List
          data-testid="records"
          locale={{ emptyText: <Empty description={t(L('没有信用记录', '沒有信用記錄', 'No credit records'))} /> }}
          dataSource={records.data?.items ?? []}
          renderItem={(r) => (
            <List.Item key={r.id} data-testid={`record-${r.id}`} style={{ display: 'block' }}>
              <Space direction="vertical" size={6} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag>{r.kindLabel}</Tag>
                  <Tag color={r.status === 'published' ? 'red' : 'green'} data-testid="record-status" data-status={r.status}>{t(RECORD_STATUS[r.status])}</Tag>
                  <Tag>{t(SEVERITY[r.severity])}</Tag>
                </Space>
                <Typography.Text strong>{r.documentNo ?? r.grounds}</Typography.Text>
                <Typography.Text type="secondary">
                  {r.grounds}
                  {r.amountFen ? ` · ${formatYuan(r.amountFen)}` : ''} · {r.issuingOffice} · {t(L('公示', '公示', 'published'))} {r.publishedOn} – {r.endsOn}
                </Typography.Text>
                <SystemsTags systems={r.systems} />
                {r.status === 'published' && !open.has(r.id) ? <Eligibility record={r} onApply={() => setApplying(r)} /> : null}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Typography.Title level={5} style={{ margin: 0 }}>{t(L('我的修复申请', '我的修復申請', 'My applications'))}</Typography.Title>
      <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="applications">
        {(applications.data?.items ?? []).map((a) => <ApplicationCard key={a.id} a={a} />)}
        {applications.data && !applications.data.items.length ? <Empty description={t(L('尚无申请', '尚無申請', 'No applications yet'))} /> : null}
      </Space>
      {applying ? (
        <ApplyDrawer
          record={applying}
          onClose={() => setApplying(null)}
          onDone={() => {
            setApplying(null);
            void qc.invalidateQueries({ queryKey: ['credit'] });
          }}
        />
      ) : null}
    </Space>
  );
}
