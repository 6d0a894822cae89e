import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { ComplaintSummarySchema } from '../../../../contracts/complaints';
import { api, type Page } from '../../lib/api';
import { L, useLocale, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DEADLINE_COLOR, KIND, OUTCOME, STATUS, STATUS_COLOR } from './labels';

type Summary = z.infer<typeof ComplaintSummarySchema>;

/** The staff work queue, each row coloured by its current deadline (acceptance or mediation). */
export default function ComplaintQueuePage() {
  const t = useT();
  const [locale] = useLocale();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const list = useInfiniteQuery({
    queryKey: ['complaints', 'queue', { status, locale }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get<Page<Summary>>('/complaints', { status, cursor: pageParam, limit: 50 }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const due = (r: Summary) => (r.status === 'received' ? r.acceptanceDue : r.mediationDue);

  return (
    <Card title={<span data-testid="page-title">{t(L('投诉举报工作台', '投訴舉報工作台', 'Complaints queue'))}</span>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          value={status}
          placeholder={t(L('状态', '狀態', 'Status'))}
          style={{ width: 180 }}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            if (v) next.set('status', v);
            else next.delete('status');
            setParams(next, { replace: true });
          }}
          options={Object.entries(STATUS).map(([k, v]) => ({ value: k, label: t(v) }))}
          data-testid="filter-status"
        />
        <Space size={4}>
          {(['red', 'orange', 'green'] as const).map((c) => (
            <Tag key={c} color={DEADLINE_COLOR[c]}>
              {t({ red: L('已超期', '已超期', 'Overdue'), orange: L('2 个工作日内到期', '2 個工作日內到期', 'Due within 2 working days'), green: L('期限内', '期限內', 'On time') }[c])}
            </Tag>
          ))}
        </Space>
      </Space>
      <ErrorAlert error={list.error} />
      <Table<Summary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        data-testid="complaint-table"
        onRow={(r) => ({ style: r.deadlineColour ? { boxShadow: `inset 4px 0 0 ${DEADLINE_COLOR[r.deadlineColour]}` } : undefined })}
        columns={[
          { title: t(L('编号', '編號', 'Number')), dataIndex: 'trackingNo', render: (v, r) => <Link to={`/staff/complaints/${r.id}`}>{v}</Link> },
          { title: t(L('类型', '類型', 'Type')), dataIndex: 'kind', render: (v) => t(KIND[v]) },
          { title: t(L('投诉人', '投訴人', 'Complainant')), dataIndex: 'complainantName' },
          { title: t(L('被投诉人', '被投訴人', 'Respondent')), dataIndex: 'respondentName', render: (v, r) => <Space>{v}{r.duplicateOf && <Tag color="gold">{t(L('疑似重复', '疑似重複', 'Possible duplicate'))}</Tag>}</Space> },
          { title: t(L('状态', '狀態', 'Status')), dataIndex: 'status', render: (v, r) => <Space><Tag color={STATUS_COLOR[v]}>{t(STATUS[v])}</Tag>{r.outcome && <Tag>{t(OUTCOME[r.outcome])}</Tag>}</Space> },
          { title: t(L('收到', '收到', 'Received')), dataIndex: 'receivedOn' },
          {
            title: t(L('当前期限', '當前期限', 'Current deadline')),
            key: 'due',
            render: (_, r) => (due(r) ? <Tag color={r.deadlineColour ? DEADLINE_COLOR[r.deadlineColour] : undefined} data-testid="due-tag">{due(r)}</Tag> : '—'),
          },
          { title: t(L('调解员', '調解員', 'Mediator')), dataIndex: 'mediatorName', render: (v) => v ?? '—' },
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}
