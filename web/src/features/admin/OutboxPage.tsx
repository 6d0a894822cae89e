import { App, Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { ReloadOutlined, RedoOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { untypedApi, ApiError } from '../../lib/api';
import { formatDateTime, L, useLocale, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EChart } from '../../components/EChart';

interface DeadLetter {
  id: string;
  eventId: string;
  topic: string;
  handler: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}
interface OutboxView {
  stats: Record<string, number>;
  dead: { items: DeadLetter[]; nextCursor: string | null };
}

const STATUS_NAMES: Record<string, ReturnType<typeof L>> = {
  pending: L('待投递', '待投遞', 'Pending'),
  processing: L('投递中', '投遞中', 'Processing'),
  done: L('已完成', '已完成', 'Done'),
  dead: L('死信', '死信', 'Dead'),
};

const STATUS_COLORS: Record<string, string> = { pending: '#faad14', processing: '#1f4e9c', done: '#52c41a', dead: '#cf1322' };

/** Admin: outbox delivery statistics and dead letters (retry). */
export default function OutboxPage() {
  const t = useT();
  const [locale] = useLocale();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const view = useInfiniteQuery({
    queryKey: ['admin', 'outbox'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => untypedApi.get<OutboxView>('/admin/outbox', { cursor: pageParam, limit: 50 }, signal),
    getNextPageParam: (last) => last.dead.nextCursor ?? undefined,
  });
  const stats = view.data?.pages[0]?.stats ?? {};
  const rows = view.data?.pages.flatMap((p) => p.dead.items) ?? [];

  async function retry(id: string) {
    try {
      await untypedApi.post(`/admin/outbox/${id}/retry`);
      message.success(t(L('已重新排队', '已重新排隊', 'Queued again')));
      await qc.invalidateQueries({ queryKey: ['admin', 'outbox'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span data-testid="page-title">{t(L('消息投递（Outbox）', '訊息投遞（Outbox）', 'Outbox delivery'))}</span>}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => view.refetch()}>
            {t(L('刷新', '重新整理', 'Refresh'))}
          </Button>
        }
      >
        <ErrorAlert error={view.error} />
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} md={12}>
            <Row gutter={[16, 16]}>
              {Object.entries(stats).map(([k, v]) => (
                <Col key={k} xs={12}>
                  <Card size="small">
                    <Statistic title={STATUS_NAMES[k] ? t(STATUS_NAMES[k]) : k} value={v} styles={{ content: k === 'dead' && v > 0 ? { color: '#cf1322' } : undefined }} />
                  </Card>
                </Col>
              ))}
            </Row>
          </Col>
          <Col xs={24} md={12}>
            {Object.keys(stats).length ? (
              <EChart
                height={220}
                option={{
                  tooltip: { trigger: 'item' },
                  legend: { bottom: 0 },
                  series: [
                    {
                      type: 'pie',
                      radius: ['45%', '70%'],
                      label: { show: false },
                      top: -20,
                      data: Object.entries(stats).map(([k, v]) => ({ name: STATUS_NAMES[k] ? t(STATUS_NAMES[k]) : k, value: v, itemStyle: { color: STATUS_COLORS[k] ?? '#8c8c8c' } })),
                    },
                  ],
                }}
              />
            ) : null}
          </Col>
        </Row>
      </Card>
      <Card title={t(L('死信（多次投递失败）', '死信（多次投遞失敗）', 'Dead letters (delivery failed repeatedly)'))}>
        <Table<DeadLetter>
          rowKey="id"
          size="small"
          loading={view.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t(L('没有死信', '沒有死信', 'No dead letters')) }}
          columns={[
            { title: t(L('主题', '主題', 'Topic')), dataIndex: 'topic', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t(L('处理器', '處理器', 'Handler')), dataIndex: 'handler' },
            { title: t(L('尝试次数', '嘗試次數', 'Attempts')), dataIndex: 'attempts', width: 100 },
            { title: t(L('最后错误', '最後錯誤', 'Last error')), dataIndex: 'lastError', ellipsis: true },
            { title: t(L('创建时间', '建立時間', 'Created')), dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v, locale) },
            {
              title: t('common.actions'),
              width: 110,
              render: (_: unknown, r) => (
                <Button size="small" icon={<RedoOutlined />} onClick={() => retry(r.id)}>
                  {t('common.retry')}
                </Button>
              ),
            },
          ]}
        />
        {view.hasNextPage ? (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Button onClick={() => view.fetchNextPage()} loading={view.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </div>
        ) : null}
      </Card>
    </Space>
  );
}
