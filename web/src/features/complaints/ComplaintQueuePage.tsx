import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Upload } from 'antd';
import { Table } from '../../components/ResponsiveTable';
import { filterBySearch } from '../../lib/export';
import { ComplaintQueueTools, searchable } from './QueueExport';
import { useSearchText } from '../../lib/url-state';
import { applyFieldErrors } from '../../lib/forms';
import { useNavigate } from 'react-router-dom';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { ComplaintSummarySchema } from '../../../../contracts/complaints';
import { useAuth } from '../../app/auth';
import { api, type QueryParams } from '../../lib/api';
import { L, useLocale, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CATEGORY, DEADLINE_COLOR, KIND, OUTCOME, STATUS, STATUS_COLOR } from './labels';
import { ProvisionalMark } from '../../components/ProvisionalMark';
import { yuanToFen } from '../../lib/money';

type Summary = z.infer<typeof ComplaintSummarySchema>;

/** The staff work queue, each row coloured by its current deadline (acceptance or mediation). */
export default function ComplaintQueuePage() {
  const t = useT();
  const [locale] = useLocale();
  const [params, setParams] = useSearchParams();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [entering, setEntering] = useState(false);
  const [form] = Form.useForm();

  /** Staff entry of a walk-in or telephone complaint (the art. 9 materials, recorded by staff). */
  async function enter() {
    const v = await form.validateFields();
    try {
      const res = await api.post('/api/complaints', { body: { ...v, amountYuan: undefined, amountFen: v.amountYuan == null ? null : yuanToFen(v.amountYuan) } });
      setEntering(false);
      form.resetFields();
      navigate(`/staff/complaints/${res.id}`);
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['kind', 'complainantName', 'complainantPhone', 'complainantAddress', 'respondentName', 'respondentAddress', 'category', 'amountYuan', 'request', 'facts'], { amountFen: 'amountYuan' });
      if (rest.length) message.error(rest.join('；'));
    }
  }
  // The URL's value goes to the server as it is (the server refuses an unknown status).
  const status = (params.get('status') ?? undefined) as QueryParams<'/api/complaints', 'get'>['status'];
  const list = useInfiniteQuery({
    queryKey: ['complaints', 'queue', { status, locale }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get('/api/complaints', { query: { status, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = filterBySearch(list.data?.pages.flatMap((p) => p.items) ?? [], useSearchText()[0], searchable);
  async function importCsv(file: File) {
    const fd = new FormData();
    fd.append('file', file);
    try {
      const r = await api.post('/api/complaints/imports', { body: fd });
      await qc.invalidateQueries({ queryKey: ['complaints', 'queue'] });
      modal.info({
        title: t(L('12315 导入结果', '12315 匯入結果', '12315 import')),
        content: (
          <div data-testid="import-result">
            <p>{t(L('共 {n} 行，新增 {c} 件，已导入过 {r} 件，未导入 {x} 行（文件编码 {e}）', '共 {n} 列，新增 {c} 件，已匯入過 {r} 件，未匯入 {x} 列（檔案編碼 {e}）', '{n} rows: {c} new, {r} imported before, {x} refused (file encoding {e})'), { n: r.total, c: r.created, r: r.replayed, x: r.refused, e: r.encoding })}</p>
            <ul>{r.errors.map((e, i) => <li key={i}>{t(L('第 {l} 行', '第 {l} 行', 'Line {l}'), { l: e.line })} {e.path}: {e.message}</li>)}</ul>
          </div>
        ),
      });
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  const due = (r: Summary) => (r.status === 'received' ? r.acceptanceDue : r.mediationDue);

  return (
    <Card
      title={<span data-testid="page-title">{t(L('投诉举报工作台', '投訴舉報工作台', 'Complaints queue'))}</span>}
      extra={
        can('complaints.complaint.staff-entry') ? (
          <Space>
            <Button type="primary" onClick={() => setEntering(true)} data-testid="staff-entry">{t(L('登记来电/来访', '登記來電/來訪', 'Record a call or visit'))}</Button>
            <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(f) => (void importCsv(f), false)}>
              <Button icon={<UploadOutlined />} data-testid="import-12315">{t(L('导入 12315 数据', '匯入 12315 資料', 'Import 12315 export'))}</Button>
            </Upload>
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
      <ComplaintQueueTools status={status} />
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
            render: (_, r) =>
              due(r) ? (
                <>
                  <Tag color={r.deadlineColour ? DEADLINE_COLOR[r.deadlineColour] : undefined} data-testid="due-tag">{due(r)}</Tag>
                  {r.dueProvisional ? <ProvisionalMark years={r.dueProvisionalYears} /> : null}
                </>
              ) : (
                '—'
              ),
          },
          { title: t(L('调解员', '調解員', 'Mediator')), dataIndex: 'mediatorName', render: (v) => v ?? '—' },
        ]}
      />
      {entering && (
        <Modal open title={t(L('登记来电/来访投诉', '登記來電/來訪投訴', 'Record a call or walk-in'))} onCancel={() => setEntering(false)} onOk={enter} destroyOnHidden width={640}>
          <Form form={form} layout="vertical" initialValues={{ kind: 'complaint' }} preserve={false}>
            <Form.Item name="kind"><Radio.Group optionType="button" options={Object.entries(KIND).map(([k, v]) => ({ value: k, label: t(v) }))} /></Form.Item>
            <Space wrap>
              <Form.Item name="complainantName" label={t(L('投诉人', '投訴人', 'Complainant'))}><Input /></Form.Item>
              <Form.Item name="complainantPhone" label={t(L('手机号码', '手機號碼', 'Mobile'))}><Input /></Form.Item>
            </Space>
            <Form.Item name="complainantAddress" label={t(L('投诉人地址', '投訴人地址', 'Address'))}><Input /></Form.Item>
            <Space wrap>
              <Form.Item name="respondentName" label={t(L('被投诉人', '被投訴人', 'Respondent'))}><Input /></Form.Item>
              <Form.Item name="category" label={t(L('消费类别', '消費類別', 'Category'))}><Select allowClear style={{ width: 160 }} options={Object.entries(CATEGORY).map(([k, v]) => ({ value: k, label: t(v) }))} /></Form.Item>
              <Form.Item name="amountYuan" label={t(L('金额（元）', '金額（元）', 'Amount (CNY)'))}><InputNumber min={0} step={0.01} aria-label={t(L('金额（元）', '金額（元）', 'Amount (CNY)'))} /></Form.Item>
            </Space>
            <Form.Item name="respondentAddress" label={t(L('被投诉人地址', '被投訴人地址', 'Respondent address'))}><Input /></Form.Item>
            <Form.Item name="request" label={t(L('诉求', '訴求', 'Request'))}><Input /></Form.Item>
            <Form.Item name="facts" label={t(L('事实经过', '事實經過', 'Facts'))}><Input.TextArea rows={4} showCount /></Form.Item>
          </Form>
        </Modal>
      )}
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}
