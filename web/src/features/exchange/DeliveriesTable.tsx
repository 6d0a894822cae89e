import { Table, Tag, Typography } from 'antd';
import { formatDateTime, useLocale, useT, L } from '../../lib/i18n';
import { DELIVERY_STATUS_COLORS, DELIVERY_STATUS_LABELS, type Delivery } from './labels';

/** Each department's status and timing for one change. */
export function DeliveriesTable({ deliveries }: { deliveries: Delivery[] }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Table<Delivery>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={deliveries}
      data-testid="deliveries"
      locale={{ emptyText: t(L('没有需要同步的部门', '沒有需要同步的部門', 'No department concerned')) }}
      columns={[
        { title: t(L('部门', '部門', 'Department')), dataIndex: 'departmentName' },
        {
          title: t(L('状态', '狀態', 'Status')),
          dataIndex: 'status',
          render: (s: string) => <Tag color={DELIVERY_STATUS_COLORS[s]}>{DELIVERY_STATUS_LABELS[s] ? t(DELIVERY_STATUS_LABELS[s]) : s}</Tag>,
        },
        { title: t(L('尝试', '嘗試', 'Attempts')), dataIndex: 'attempts', width: 70 },
        { title: t(L('回执编号', '回執編號', 'Reference')), dataIndex: 'reference', render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '—') },
        { title: t(L('确认时间', '確認時間', 'Acknowledged')), dataIndex: 'acknowledgedAt', render: (v: string | null) => (v ? formatDateTime(v, locale) : '—') },
        { title: t(L('耗时', '耗時', 'Time')), dataIndex: 'durationMs', width: 90, render: (v: number | null) => (v === null ? '—' : `${(v / 1000).toFixed(1)} s`) },
        { title: t(L('最后错误', '最後錯誤', 'Last error')), dataIndex: 'lastError', ellipsis: true, render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
