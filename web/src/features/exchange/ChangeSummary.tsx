import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { formatDateTime, L, useLocale, useT } from '../../lib/i18n';
import { CHANGE_STATUS_COLORS, CHANGE_STATUS_LABELS, ITEM_LABELS, ORIGIN_LABELS, show, sourceLabel, type Change, type FieldChange } from './labels';
import { DeliveriesTable } from './DeliveriesTable';

/** One department's fields: the register field's name first, the department's own code as detail. */
export function DepartmentFields({ fields }: { fields: FieldChange[] }) {
  const t = useT();
  return (
    <Space direction="vertical" size={0}>
      {fields.map((f) => (
        <span key={f.target}>
          {sourceLabel(t, f.source)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>({f.target})</Typography.Text>：{show(f.before)} → <b>{show(f.after)}</b>
        </span>
      ))}
    </Space>
  );
}

/** A change in a drawer: what changed (old → new), who gets it and each department's status. */
export function ChangeSummary({ change }: { change: Change }) {
  const t = useT();
  const [locale] = useLocale();
  const label = (k: string) => (ITEM_LABELS[k] ? t(ITEM_LABELS[k]) : k);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t(L('统一社会信用代码', '統一社會信用代碼', 'Credit code'))}>{change.creditCode}</Descriptions.Item>
        <Descriptions.Item label={t(L('状态', '狀態', 'Status'))}>
          <Tag color={CHANGE_STATUS_COLORS[change.status]}>{t(CHANGE_STATUS_LABELS[change.status])}</Tag>
          {change.autoApproved ? <Tag>{t(L('低风险自动核准', '低風險自動核准', 'auto-approved (low risk)'))}</Tag> : null}
          {change.origin && ORIGIN_LABELS[change.origin] ? <Tag>{t(ORIGIN_LABELS[change.origin])}</Tag> : null}
        </Descriptions.Item>
        {change.reason ? <Descriptions.Item label={t(L('原因', '原因', 'Reason'))}>{change.reason}</Descriptions.Item> : null}
        <Descriptions.Item label={t(L('已通知', '已通知', 'Notified'))}>{change.notifiedAt ? formatDateTime(change.notifiedAt, locale) : '—'}</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="field"
        size="small"
        pagination={false}
        data-testid="change-values"
        title={() => t(L('变更内容（原 → 新）', '變更內容（原 → 新）', 'What changes (old → new)'))}
        dataSource={change.values ?? Object.entries(change.items).map(([field, after]) => ({ field, before: undefined, after }))}
        columns={[
          { title: t(L('事项', '事項', 'Item')), dataIndex: 'field', render: (f: string) => label(f) },
          { title: t(L('原值', '原值', 'Old')), dataIndex: 'before', render: (v: unknown) => <Typography.Text type="secondary">{show(v)}</Typography.Text> },
          { title: t(L('新值', '新值', 'New')), dataIndex: 'after', render: (v: unknown) => <b>{show(v)}</b> },
        ]}
      />
      {change.status === 'pending' && change.concerned ? (
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          data-testid="change-concerned"
          title={() => t(L('核准后将同步的部门', '核准後將同步的部門', 'Departments updated on approval'))}
          locale={{ emptyText: t(L('所改事项没有部门使用，无需同步', '所改事項沒有部門使用，無需同步', 'No department uses these items')) }}
          dataSource={change.concerned}
          columns={[
            { title: t(L('部门', '部門', 'Department')), dataIndex: 'name' },
            { title: t(L('将收到', '將收到', 'Will receive')), render: (_: unknown, d: NonNullable<Change['concerned']>[number]) => <DepartmentFields fields={d.fields} /> },
          ]}
        />
      ) : null}
      {change.deliveries && change.status !== 'pending' ? <DeliveriesTable deliveries={change.deliveries} /> : null}
    </Space>
  );
}
