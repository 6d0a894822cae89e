import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The public credit page of one enterprise: what is published now (penalties, lists), nothing else. */
export default function PublicCreditPage() {
  const t = useT();
  const { code } = useParams();
  const navigate = useNavigate();
  const [q, setQ] = useState(code ?? '');
  const page = useQuery({ queryKey: ['public-credit', code], enabled: !!code, retry: false, queryFn: ({ signal }) => api.get('/api/public/credit/{code}', { path: { code: code! }, signal }) });
  const p = page.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 820, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4} data-testid="page-title" style={{ margin: 0 }}>{t(L('企业信用信息公示', '企業信用資訊公示', 'Enterprise credit information'))}</Typography.Title>
      <Input.Search
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t(L('统一社会信用代码', '統一社會信用代碼', 'Unified social credit code'))}
        onSearch={(v) => v.trim() && navigate(`/credit/${encodeURIComponent(v.trim().toUpperCase())}`)}
        enterButton
      />
      <ErrorAlert error={page.error} />
      {p ? (
        <Card size="small" title={<span data-testid="enterprise-name">{p.name}</span>} extra={<Typography.Text type="secondary">{p.creditCode}</Typography.Text>}>
          <List
            data-testid="public-records"
            locale={{ emptyText: <Empty description={t(L('当前没有公示中的失信信息', '目前沒有公示中的失信資訊', 'Nothing is published now'))} /> }}
            dataSource={p.records}
            renderItem={(r, i) => (
              <List.Item key={i} data-testid="public-record" style={{ display: 'block' }}>
                <Space direction="vertical" size={4}>
                  <Space wrap><Tag color="red">{r.kindLabel}</Tag><Typography.Text strong>{r.documentNo ?? ''}</Typography.Text></Space>
                  <Typography.Text>{r.grounds}</Typography.Text>
                  <Typography.Text type="secondary">{r.issuingOffice} · {r.legalBasis}</Typography.Text>
                  <Typography.Text type="secondary">{t(L('公示期', '公示期', 'Publicity'))}：{r.publishedOn} – {r.endsOn}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </Space>
  );
}
