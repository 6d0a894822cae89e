import { useState } from 'react';
import { App, Button, Card, Drawer, Input, Modal, Segmented, Space, Tag } from 'antd';
import { Table } from '../../components/ResponsiveTable';
import { filterBySearch } from '../../lib/export';
import { useSearchText, useUrlValue } from '../../lib/url-state';
import { ChangeQueueTools, searchable } from './QueueExport';
import { CheckOutlined, CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { untypedApi, ApiError, type Page } from '../../lib/api';
import { formatDateTime, L, useLocale, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CHANGE_STATUS_COLORS, CHANGE_STATUS_LABELS, ITEM_LABELS, type Change } from './labels';
import { ChangeSummary } from './ChangeSummary';

/** Registrar: the queue of filed changes in the jurisdiction, approve or reject with a reason. */
export default function ChangeQueuePage() {
  const t = useT();
  const [locale] = useLocale();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useUrlValue('status', 'pending');
  const [openId, setOpenId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Change | null>(null);
  const [reason, setReason] = useState('');
  const list = useInfiniteQuery({
    queryKey: ['exchange', 'queue', status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => untypedApi.get<Page<Change>>('/exchange/changes', { status: status === 'all' ? undefined : status, cursor: pageParam, limit: 50 }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const detail = useQuery({ queryKey: ['exchange', 'change', openId], enabled: !!openId, queryFn: ({ signal }) => untypedApi.get<Change>(`/exchange/changes/${openId}`, undefined, signal) });
  const rows = filterBySearch(list.data?.pages.flatMap((p) => p.items) ?? [], useSearchText()[0], searchable);

  async function refresh() {
    await qc.invalidateQueries({ queryKey: ['exchange'] });
  }

  /** Approving writes the register and reaches every department: confirm with a summary first. */
  function confirmApprove(c: Change) {
    modal.confirm({
      title: t(L('核准这项变更？', '核准這項變更？', 'Approve this change?')),
      content: (
        <div data-testid="approve-summary">
          <p>
            {c.enterpriseName}（{c.creditCode}）
          </p>
          <p>{c.kinds.map((x) => (ITEM_LABELS[x] ? t(ITEM_LABELS[x]) : x)).join('、')}</p>
          <p>
            {t(
              L(
                '核准后将立即更新登记信息，并自动同步到使用这些事项的所有部门，随后通知企业。此操作不能撤回。',
                '核准後將立即更新登記資訊，並自動同步到使用這些事項的所有部門，隨後通知企業。此操作不能撤回。',
                'Approval updates the register at once and sends the change to every department using these items, then tells the business. It cannot be undone.',
              ),
            )}
          </p>
        </div>
      ),
      okText: t(L('确认核准', '確認核准', 'Approve')),
      onOk: () => approve(c),
    });
  }

  async function approve(c: Change) {
    try {
      await untypedApi.post(`/exchange/changes/${c.id}/approve`, { version: c.version });
      message.success(t(L('已核准，正在同步相关部门', '已核准，正在同步相關部門', 'Approved; the departments are being updated')));
      await refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  }

  async function reject() {
    if (!rejecting) return;
    try {
      await untypedApi.post(`/exchange/changes/${rejecting.id}/reject`, { reason, version: rejecting.version });
      message.success(t(L('已退回', '已退回', 'Rejected')));
      setRejecting(null);
      setReason('');
      await refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <Card
      title={<span data-testid="page-title">{t(L('变更登记审核', '變更登記審核', 'Registration changes'))}</span>}
      extra={
        <Space wrap>
          <Segmented
            value={status}
            onChange={(v) => setStatus(String(v))}
            options={[
              { value: 'pending', label: t(CHANGE_STATUS_LABELS.pending) },
              { value: 'approved', label: t(CHANGE_STATUS_LABELS.approved) },
              { value: 'rejected', label: t(CHANGE_STATUS_LABELS.rejected) },
              { value: 'all', label: t('common.all') },
            ]}
          />
          <Button icon={<ReloadOutlined />} aria-label={t(L('刷新', '重新整理', 'Reload'))} onClick={() => list.refetch()} />
        </Space>
      }
    >
      <ChangeQueueTools status={status} />
      <ErrorAlert error={list.error} />
      <Table<Change>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="change-queue"
        columns={[
          { title: t(L('企业', '企業', 'Enterprise')), dataIndex: 'enterpriseName', render: (v: string, c) => <a onClick={() => setOpenId(c.id)}>{v}</a> },
          { title: t(L('统一社会信用代码', '統一社會信用代碼', 'Credit code')), dataIndex: 'creditCode' },
          { title: t(L('变更事项', '變更事項', 'Items')), dataIndex: 'kinds', render: (k: string[]) => k.map((x) => (ITEM_LABELS[x] ? t(ITEM_LABELS[x]) : x)).join('、') },
          { title: t(L('状态', '狀態', 'Status')), dataIndex: 'status', render: (s: string) => <Tag color={CHANGE_STATUS_COLORS[s]}>{t(CHANGE_STATUS_LABELS[s])}</Tag> },
          { title: t(L('提交时间', '提交時間', 'Filed')), dataIndex: 'filedAt', render: (v: string) => formatDateTime(v, locale) },
          {
            title: t('common.actions'),
            width: 200,
            render: (_: unknown, c) =>
              c.status === 'pending' ? (
                <Space>
                  <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => confirmApprove(c)} data-testid={`approve-${c.id}`}>
                    {t(L('核准', '核准', 'Approve'))}
                  </Button>
                  <Button size="small" danger icon={<CloseOutlined />} onClick={() => setRejecting(c)}>
                    {t(L('退回', '退回', 'Reject'))}
                  </Button>
                </Space>
              ) : (
                <Button size="small" onClick={() => setOpenId(c.id)}>
                  {t('common.view')}
                </Button>
              ),
          },
        ]}
      />
      {list.hasNextPage ? (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
      <Modal open={!!rejecting} title={t(L('退回原因', '退回原因', 'Reason for rejection'))} onOk={reject} onCancel={() => setRejecting(null)} okButtonProps={{ disabled: reason.trim().length < 2 }}>
        <Input.TextArea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reject-reason" />
      </Modal>
      <Drawer open={!!openId} onClose={() => setOpenId(null)} size="large" title={detail.data?.enterpriseName}>
        <ErrorAlert error={detail.error} />
        {detail.data ? <ChangeSummary change={detail.data} /> : null}
      </Drawer>
    </Card>
  );
}
