import { useState } from 'react';
import { Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import { Table } from '../../components/ResponsiveTable';
import { RegisterQueueTools } from './QueueExport';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { EnterpriseSummarySchema } from '../../../../contracts/registry';
import { api, type QueryParams } from '../../lib/api';
import { L, useLocale, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ENTERPRISE_TYPE_LABELS, F, REGION_OPTIONS, STATUS_COLORS, STATUS_LABELS } from './labels';
import { ErrorAlert } from '../../components/ErrorAlert';

type Summary = z.infer<typeof EnterpriseSummarySchema>;

export default function RegisterListPage() {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const region = params.get('region') ?? undefined;
  // The URL's value goes to the server as it is (the server refuses an unknown status).
  const status = (params.get('status') ?? undefined) as QueryParams<'/api/enterprises', 'get'>['status'];
  const [text, setText] = useState(q);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };

  const list = useInfiniteQuery({
    queryKey: ['registry', 'list', { q, region, status, locale }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get('/api/enterprises', { query: { q, region, status, cursor: pageParam, limit: 20 }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card
      title={<span data-testid="page-title">{t(F.title)}</span>}
      extra={
        can('registry.enterprise.create') ? (
          <Space wrap>
            <Link to="/staff/registry/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="create-enterprise">
                {t(L('新增主体', '新增主體', 'New enterprise'))}
              </Button>
            </Link>
            <Link to="/staff/registry/import">
              <Button icon={<ImportOutlined />}>{t(L('批量导入', '批次匯入', 'Import CSV'))}</Button>
            </Link>
          </Space>
        ) : null
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          placeholder={t(L('名称或信用代码（支持繁简）', '名稱或信用代碼（支援繁簡）', 'Name or credit code (Simplified/Traditional)'))}
          enterButton={t('common.search')}
          aria-label={t(L('名称或信用代码', '名稱或信用代碼', 'Name or credit code'))}
          style={{ flex: '1 1 280px', maxWidth: 420 }}
          data-testid="registry-search"
        />
        <Select
          allowClear
          value={region}
          onChange={(v) => set({ region: v })}
          placeholder={t(F.region)}
          aria-label={t(F.region)}
          style={{ width: 160 }}
          options={REGION_OPTIONS.map((r) => ({ value: r.code, label: t(r.name) }))}
          data-testid="filter-region"
        />
        <Select
          allowClear
          value={status}
          onChange={(v) => set({ status: v })}
          placeholder={t(F.status)}
          aria-label={t(F.status)}
          style={{ width: 140 }}
          options={Object.entries(STATUS_LABELS).map(([k, v]) => ({ value: k, label: t(v) }))}
          data-testid="filter-status"
        />
      </div>
      <RegisterQueueTools q={q} region={region} status={status} />
      <ErrorAlert error={list.error} />
      <Table<Summary>
        rowKey="creditCode"
        size="middle"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        onRow={(r) => ({ onClick: () => navigate(`/staff/registry/${encodeURIComponent(r.creditCode)}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t(F.name),
            dataIndex: 'name',
            width: 240,
            render: (v: string, r) => (
              <Link to={`/staff/registry/${encodeURIComponent(r.creditCode)}`} onClick={(e) => e.stopPropagation()}>
                {v}
              </Link>
            ),
          },
          { title: t(F.creditCode), dataIndex: 'creditCode', width: 200, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t(F.type), dataIndex: 'type', width: 150, render: (v: string) => (ENTERPRISE_TYPE_LABELS[v] ? t(ENTERPRISE_TYPE_LABELS[v]) : v) },
          { title: t(F.legalRep), dataIndex: 'legalRepName', width: 110 },
          { title: t(F.region), dataIndex: 'regionName', width: 140 },
          { title: t(F.status), dataIndex: 'status', width: 100, render: (v: string) => <Tag color={STATUS_COLORS[v]}>{STATUS_LABELS[v] ? t(STATUS_LABELS[v]) : v}</Tag> },
          { title: t(F.establishedOn), dataIndex: 'establishedOn', width: 120 },
        ]}
      />
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        {list.hasNextPage ? (
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        ) : rows.length > 0 ? (
          <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        ) : null}
      </div>
    </Card>
  );
}
