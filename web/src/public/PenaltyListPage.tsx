import { useState } from 'react';
import { Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../lib/api';
import { L, useT } from '../lib/i18n';
import { ErrorAlert } from '../components/ErrorAlert';

/** 行政处罚信息公示 (Order 45): published penalty decisions, searchable by name, credit code or document number; no login. */
export default function PenaltyListPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const list = useQuery({ queryKey: ['public', 'penalties', q], queryFn: ({ signal }) => api.get('/api/public/penalties', { query: { q: q || undefined, limit: 20 }, signal }) });
  return (
    <Card title={t(L('行政处罚信息公示', '行政處罰資訊公示', 'Published penalty decisions'))} style={{ maxWidth: 880, margin: '0 auto' }}>
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Input.Search
          aria-label={t(L('搜索公示信息', '搜尋公示資訊', 'Search published penalties'))}
          placeholder={t(L('当事人名称、统一社会信用代码或决定书文号', '當事人名稱、統一社會信用代碼或決定書文號', 'Party name, credit code or document number'))}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
          enterButton={t(L('查询', '查詢', 'Search'))}
          data-testid="penalty-search"
        />
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t(L('没有符合条件的公示信息', '沒有符合條件的公示資訊', 'No published penalty matches'))} /> }}
          renderItem={(p) => (
            <List.Item data-testid="penalty-item">
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Link to={`/penalties/${p.id}`} style={{ fontWeight: 600 }}>
                  {p.partyName}
                </Link>
                <Typography.Text type="secondary">
                  {p.docNo} · {p.office} · {p.decidedOn}
                </Typography.Text>
                <Space wrap>
                  <Tag>{p.violation}</Tag>
                  <span>{p.penalty}</span>
                </Space>
              </Space>
            </List.Item>
          )}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(L('依据《市场监督管理行政处罚信息公示规定》公示；个人信息已依法隐去，公示期满自动停止公示。', '依據《市場監督管理行政處罰資訊公示規定》公示；個人資訊已依法隱去，公示期滿自動停止公示。', 'Published under SAMR Order 45; personal information is redacted and publication ends with its period.'))}
        </Typography.Text>
      </Space>
    </Card>
  );
}
