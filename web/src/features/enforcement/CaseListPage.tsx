import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { Table } from '../../components/ResponsiveTable';
import { filterBySearch } from '../../lib/export';
import { useSearchText } from '../../lib/url-state';
import { CaseQueueTools, searchable } from './QueueExport';
import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { CaseSummarySchema } from '../../../../contracts/enforcement';
import { api, type QueryParams } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useLocale, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SOURCE, STATUS, STATUS_COLOR } from './labels';
import { formatYuan } from '../../lib/money';

type Summary = z.infer<typeof CaseSummarySchema>;

export default function CaseListPage() {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  // The URL's value goes to the server as it is (the server refuses an unknown status).
  const status = (params.get('status') ?? undefined) as QueryParams<'/api/enforcement/cases', 'get'>['status'];
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();

  const list = useInfiniteQuery({
    queryKey: ['enforcement', 'cases', { status, locale }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get('/api/enforcement/cases', { query: { status, cursor: pageParam, limit: 30 }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = filterBySearch(list.data?.pages.flatMap((p) => p.items) ?? [], useSearchText()[0], searchable);

  async function createLead() {
    const v = await form.validateFields();
    try {
      const c = await api.post('/api/enforcement/leads', { body: { source: v.source, creditCode: v.creditCode?.trim(), summary: v.summary } });
      setCreating(false);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['enforcement', 'cases'] });
      navigate(`/staff/enforcement/cases/${c.id}`);
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['source', 'creditCode', 'summary']);
      if (rest.length) message.error(rest.join('；'));
    }
  }

  return (
    <Card
      title={<span data-testid="page-title">{t(L('执法案件', '執法案件', 'Enforcement cases'))}</span>}
      extra={
        can('enforcement.lead.create') ? (
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-lead">
              {t(L('登记线索', '登記線索', 'New lead'))}
            </Button>
            <Link to="/staff/enforcement/on-the-spot">
              <Button>{t(L('当场处罚', '當場處罰', 'On-the-spot penalty'))}</Button>
            </Link>
          </Space>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          value={status}
          placeholder={t(L('状态', '狀態', 'Status'))}
          aria-label={t(L('按状态筛选', '按狀態篩選', 'Filter by status'))}
          style={{ width: 160 }}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            if (v) next.set('status', v);
            else next.delete('status');
            setParams(next, { replace: true });
          }}
          options={Object.entries(STATUS).map(([k, v]) => ({ value: k, label: t(v) }))}
          data-testid="filter-status"
        />
      </Space>
      <CaseQueueTools status={status} />
      <ErrorAlert error={list.error} />
      <Table<Summary>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => navigate(`/staff/enforcement/cases/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t(L('案件编号', '案件編號', 'Case no.')), dataIndex: 'caseNo', width: 170, render: (v: string, r) => <Link to={`/staff/enforcement/cases/${r.id}`}>{v}</Link> },
          { title: t(L('当事人', '當事人', 'Party')), dataIndex: 'partyName' },
          { title: t(L('来源', '來源', 'Source')), dataIndex: 'source', width: 120, render: (v: string) => (SOURCE[v] ? t(SOURCE[v]) : v) },
          {
            title: t(L('状态', '狀態', 'Status')),
            dataIndex: 'status',
            width: 120,
            render: (v: string, r) => (
              <Space size={4}>
                <Tag color={STATUS_COLOR[v]}>{STATUS[v] ? t(STATUS[v]) : v}</Tag>
                {r.overdue ? <Tag color="red">{t(L('超期', '超期', 'Overdue'))}</Tag> : null}
              </Space>
            ),
          },
          { title: t(L('登记日期', '登記日期', 'Received')), dataIndex: 'receivedOn', width: 120 },
          { title: t(L('办案期限', '辦案期限', 'Decision due')), dataIndex: 'decisionDue', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t(L('金额', '金額', 'Amount')), dataIndex: 'amountFen', width: 120, render: (v: number | null) => formatYuan(v) },
        ]}
      />
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        {list.hasNextPage ? (
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </div>
      <Modal open={creating} title={t(L('登记线索', '登記線索', 'New lead'))} onOk={createLead} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ source: 'inspection' }}>
          <Form.Item name="source" label={t(L('来源', '來源', 'Source'))} rules={[{ required: true }]}>
            <Select options={Object.entries(SOURCE).filter(([k]) => k !== 'on_the_spot').map(([k, v]) => ({ value: k, label: t(v) }))} />
          </Form.Item>
          <Form.Item name="creditCode" label={t(L('统一社会信用代码', '統一社會信用代碼', 'Credit code'))} rules={[{ required: true }]}>
            <Input data-testid="lead-credit-code" />
          </Form.Item>
          <Form.Item name="summary" label={t(L('线索内容', '線索內容', 'Summary'))} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="lead-summary" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
