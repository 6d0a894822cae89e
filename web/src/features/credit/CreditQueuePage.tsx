import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, Modal, Row, Segmented, Select, Space, Statistic, Switch, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApplicationCard, type Application } from './ApplicationCard';
import { APPLICATION_STATUS, REFUSAL } from './labels';
import { RiskBatchCard } from './RiskBatchCard';

type Acting = { a: Application; kind: 'verify' | 'refuse' | 'approve' };

/** The issuing office's queue: accept within 2 working days, verify (on site where needed), approve or refuse with reasons; the figures. */
export default function CreditQueuePage() {
  const t = useT();
  const qc = useQueryClient();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string>('open');
  const [acting, setActing] = useState<Acting | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const decide = can('credit.repair.decide');
  const list = useQuery({
    queryKey: ['credit', 'queue', status],
    queryFn: ({ signal }) => api.get('/api/credit/applications', { query: status === 'open' ? {} : { status: status as 'submitted' }, signal }),
    refetchInterval: 5000,
  });
  const figures = useQuery({ queryKey: ['credit', 'figures'], queryFn: ({ signal }) => api.get('/api/credit/figures', { signal }), enabled: can('credit.figures.read') });
  const items = (list.data?.items ?? []).filter((a) => status !== 'open' || !['refused', 'repaired'].includes(a.status));

  async function run(fn: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await fn();
      message.success(done);
      setActing(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['credit'] });
    } catch (e) {
      setError(e);
    }
  }
  const accept = (a: Application) => run(() => api.post('/api/credit/applications/{id}/accept', { path: { id: a.id }, body: { version: a.version } }), t(L('已受理', '已受理', 'Accepted')));
  async function submitModal() {
    if (!acting) return;
    const v = await form.validateFields();
    const { a, kind } = acting;
    if (kind === 'verify') return run(() => api.post('/api/credit/applications/{id}/verify', { path: { id: a.id }, body: { version: a.version, onSite: !!v.onSite, result: v.result } }), t(L('核查已记录', '核查已記錄', 'Verification recorded')));
    if (kind === 'approve') return run(() => api.post('/api/credit/applications/{id}/approve', { path: { id: a.id }, body: { version: a.version, note: v.note || undefined } }), t(L('已通过，正在同步两个公示系统', '已通過，正在同步兩個公示系統', 'Approved; syncing both systems')));
    return run(() => api.post('/api/credit/applications/{id}/refuse', { path: { id: a.id }, body: { version: a.version, reason: v.reason, note: v.note } }), t(L('已作出不予修复决定', '已作出不予修復決定', 'Refused')));
  }

  const f = figures.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} data-testid="page-title" style={{ margin: 0 }}>{t(L('信用修复办理', '信用修復辦理', 'Credit repair'))}</Typography.Title>
      {f ? (
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t(L('申请', '申請', 'Applications'))} value={f.applications} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t(L('两系统确认修复', '兩系統確認修復', 'Repaired in both'))} value={f.confirmedInBoth} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t(L('修复用时中位数（天）', '修復用時中位數（天）', 'Median days'))} value={f.medianDaysToRepair ?? '—'} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t(L('不予修复', '不予修復', 'Refusals'))} value={f.refusalsByReason.reduce((s, r) => s + r.count, 0)} /></Card></Col>
        </Row>
      ) : null}
      {can('credit.risk.batch') ? <RiskBatchCard /> : null}
      <Segmented
        value={status}
        onChange={(v) => setStatus(String(v))}
        options={[{ value: 'open', label: t(L('待办', '待辦', 'Open')) }, ...['repaired', 'refused'].map((s) => ({ value: s, label: t(APPLICATION_STATUS[s]) }))]}
      />
      <ErrorAlert error={list.error ?? error} />
      <Row gutter={[12, 12]} data-testid="queue">
        {items.map((a) => (
          <Col xs={24} lg={12} key={a.id}>
            <ApplicationCard
              a={a}
              extra={
                decide ? (
                  <Space wrap style={{ marginTop: 8 }}>
                    <Typography.Text type="secondary">{a.record.partyName}</Typography.Text>
                    {a.status === 'submitted' ? <Button type="primary" onClick={() => accept(a)} data-testid="accept">{t(L('受理', '受理', 'Accept'))}</Button> : null}
                    {['accepted', 'verifying'].includes(a.status) ? <Button onClick={() => setActing({ a, kind: 'verify' })} data-testid="verify">{t(L('核查', '核查', 'Verify'))}</Button> : null}
                    {['accepted', 'verifying'].includes(a.status) ? <Button type="primary" onClick={() => setActing({ a, kind: 'approve' })} data-testid="approve">{t(L('同意修复', '同意修復', 'Approve'))}</Button> : null}
                    {['submitted', 'accepted', 'verifying'].includes(a.status) ? <Button danger onClick={() => setActing({ a, kind: 'refuse' })} data-testid="refuse">{t(L('不予修复', '不予修復', 'Refuse'))}</Button> : null}
                  </Space>
                ) : null
              }
            />
          </Col>
        ))}
      </Row>
      <Modal open={!!acting} onCancel={() => setActing(null)} onOk={submitModal} okButtonProps={{ 'data-testid': 'modal-ok' } as Record<`data-${string}`, string>} title={acting ? t({ verify: L('核查', '核查', 'Verify'), approve: L('同意修复', '同意修復', 'Approve'), refuse: L('不予修复', '不予修復', 'Refuse') }[acting.kind]) : ''} destroyOnHidden>
        <Form form={form} layout="vertical">
          {acting?.kind === 'verify' ? (
            <>
              <Form.Item name="onSite" label={t(L('实地核查', '實地核查', 'On-site check'))} valuePropName="checked"><Switch /></Form.Item>
              <Form.Item name="result" label={t(L('核查结果', '核查結果', 'Result'))} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} /></Form.Item>
            </>
          ) : null}
          {acting?.kind === 'refuse' ? (
            <Form.Item name="reason" label={t(L('理由', '理由', 'Reason'))} rules={[{ required: true }]}>
              <Select options={Object.entries(REFUSAL).map(([value, label]) => ({ value, label: t(label) }))} />
            </Form.Item>
          ) : null}
          {acting && acting.kind !== 'verify' ? (
            <Form.Item name="note" label={t(L('说明', '說明', 'Note'))} rules={acting.kind === 'refuse' ? [{ required: true, min: 2 }] : []}><Input.TextArea rows={3} data-testid="decision-note" /></Form.Item>
          ) : null}
        </Form>
      </Modal>
    </Space>
  );
}
