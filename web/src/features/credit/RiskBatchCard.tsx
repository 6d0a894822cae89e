import { useState } from 'react';
import { Button, Card, Progress, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';

/** This month's risk-class batch (internal only): start it, follow its progress. */
export function RiskBatchCard() {
  const t = useT();
  const [id, setId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const batch = useQuery({
    queryKey: ['credit', 'batch', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get('/api/credit/risk/batches/{id}', { path: { id: id! }, signal }),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 2000 : false),
  });
  async function start() {
    setError(null);
    try {
      setId((await api.post('/api/credit/risk/batches', {})).id);
    } catch (e) {
      setError(e);
    }
  }
  const b = batch.data;
  return (
    <Card size="small" title={t(L('企业信用风险分类（内部）', '企業信用風險分類（內部）', 'Risk classes (internal)'))}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t(L('每月对全部市场主体重新分类；记录变化时即时重算。分类结果不对外公示。', '每月對全部市場主體重新分類；記錄變化時即時重算。分類結果不對外公示。', 'Recomputed monthly for the whole register and whenever a record changes. Never public.'))}</Typography.Text>
        <Button onClick={start} data-testid="risk-batch">{t(L('本月分类', '本月分類', "This month's batch"))}</Button>
        {b ? (
          <>
            <Progress percent={b.total ? Math.round((b.done / b.total) * 100) : b.status === 'done' ? 100 : 0} status={b.status === 'done' ? 'success' : 'active'} />
            <Typography.Text>
              {b.period} · {b.done} {t(L('户', '戶', 'enterprises'))} · {t(L('类别变化', '類別變化', 'changed'))} {b.changed}
            </Typography.Text>
          </>
        ) : null}
        <ErrorAlert error={error} />
      </Space>
    </Card>
  );
}
