import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClaimDto, InsuranceFiguresSchema } from '../../../../contracts/insurance';
import { untypedApi, type Page } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { formatDateTime, L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fenToYuan, formatYuan, yuanToFen } from '../../lib/money';

type Figures = z.infer<typeof InsuranceFiguresSchema>;
const STATUS = {
  submitted: L('待审核', '待審核', 'To review'),
  approved: L('已核准待支付', '已核准待支付', 'Approved, unpaid'),
  paid: L('已赔付', '已賠付', 'Paid'),
  refused: L('未予核准', '未予核准', 'Refused'),
} as const;
const COLOR = { submitted: 'blue', approved: 'gold', paid: 'green', refused: 'default' } as const;
const LIABILITY = {
  non_intentional_liable: L('经营者非故意但负有责任', '經營者非故意但負有責任', 'Non-intentional but liable'),
  insufficient_evidence_of_non_liability: L('无充分证据证明经营者无责任', '無充分證據證明經營者無責任', 'No sufficient evidence of non-liability'),
  not_liable: L('经营者无责任', '經營者無責任', 'Not liable'),
  intentional: L('经营者故意', '經營者故意', 'Intentional'),
};
const BASIS = {
  partly_liable_insufficient: L('部分责任且赔偿不足', '部分責任且賠償不足', 'Partly liable, compensation insufficient'),
  fully_liable_over_capacity: L('全部责任但超出赔付能力', '全部責任但超出賠付能力', 'Fully liable, beyond capacity'),
  no_evidence_of_non_liability: L('无充分证据证明经营者无责任', '無充分證據證明經營者無責任', 'No sufficient evidence of non-liability'),
  mass_incident: L('群体性事件（≥5 人）', '群體性事件（≥5 人）', 'Mass incident (≥ 5 people)'),
};

/** The claims queue: review, approve within the limits, refuse with a reason, record the payout. */
export default function ClaimsPage() {
  const t = useT();
  const qc = useQueryClient();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [acting, setActing] = useState<{ claim: ClaimDto; kind: 'approve' | 'refuse' | 'pay' } | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: ['claims', status], queryFn: () => untypedApi.get<Page<ClaimDto>>('/insurance/claims', { status, limit: 200 }) });
  const figures = useQuery({ queryKey: ['insurance-figures'], queryFn: () => untypedApi.get<Figures>('/insurance/figures'), retry: false });
  const reviewer = can('insurance.claim.review');

  async function submit() {
    if (!acting) return;
    const v = await form.validateFields();
    const body: Record<string, unknown> = { version: acting.claim.version, ...v };
    if (acting.kind === 'approve') {
      body.approvedFen = yuanToFen(v.approvedYuan);
      delete body.approvedYuan;
    }
    try {
      await untypedApi.post(`/insurance/claims/${acting.claim.id}/${acting.kind}`, body);
      setActing(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['claims'] });
      await qc.invalidateQueries({ queryKey: ['insurance-figures'] });
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['approvedYuan', 'liability', 'claimBasis', 'reason', 'payoutRef'], { approvedFen: 'approvedYuan' });
      if (rest.length) message.error(rest.join('；'));
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {figures.data && (
        <Row gutter={16}>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t(L('理赔申请', '理賠申請', 'Claims'))} value={figures.data.claims} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t(L('已赔付（件）', '已賠付（件）', 'Paid (count)'))} value={figures.data.paidCount} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t(L('已赔付金额', '已賠付金額', 'Paid (amount)'))} value={formatYuan(figures.data.paidFen)} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t(L('保单剩余额度', '保單剩餘額度', 'Remaining aggregate'))} value={figures.data.policies[0] ? formatYuan(figures.data.policies[0].remainingFen) : '—'} /></Card></Col>
        </Row>
      )}
      <Card
        title={<span data-testid="page-title">{t(L('放心消费险理赔', '放心消費險理賠', 'Insurance claims'))}</span>}
        extra={<Select allowClear value={status} onChange={setStatus} style={{ width: 180 }} options={Object.entries(STATUS).map(([k, v]) => ({ value: k, label: t(v) }))} data-testid="filter-status" />}
      >
        <ErrorAlert error={list.error} />
        <Table<ClaimDto>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          data-testid="claim-table"
          expandable={{
            expandedRowRender: (c) => (
              <ul style={{ margin: 0 }}>
                {c.conditions.map((x) => (
                  <li key={x.id} style={{ color: x.passed === false ? '#cf1322' : x.passed ? '#389e0d' : '#8c8c8c' }}>{x.passed === false ? '✗' : x.passed ? '✓' : '…'} {x.label}</li>
                ))}
                {c.evidence.map((e) => <li key={e.fileId}><PaperClipOutlined /> {e.name} ({Math.round(e.size / 1024)} KB)</li>)}
              </ul>
            ),
          }}
          columns={[
            { title: t(L('理赔编号', '理賠編號', 'Claim')), dataIndex: 'claimNo' },
            { title: t(L('投诉编号', '投訴編號', 'Complaint')), dataIndex: 'trackingNo' },
            { title: t(L('申请人', '申請人', 'Claimant')), dataIndex: 'claimantName' },
            { title: t(L('渠道', '渠道', 'Channel')), dataIndex: 'channel', render: (v) => (v === 'online' ? t(L('线上', '線上', 'Online')) : t(L('线下', '線下', 'Offline'))) },
            { title: t(L('申请金额', '申請金額', 'Claimed')), dataIndex: 'claimedFen', render: (v: number | null) => formatYuan(v) },
            { title: t(L('核准金额', '核准金額', 'Approved')), dataIndex: 'approvedFen', render: (v: number | null) => formatYuan(v) },
            { title: t(L('状态', '狀態', 'Status')), dataIndex: 'status', render: (v: keyof typeof STATUS) => <Tag color={COLOR[v]}>{t(STATUS[v])}</Tag> },
            { title: t(L('提交时间', '提交時間', 'Filed')), dataIndex: 'createdAt', render: (v) => formatDateTime(v) },
            {
              title: t('common.actions'),
              key: 'a',
              render: (_, c) =>
                reviewer ? (
                  <Space>
                    {c.status === 'submitted' && <Button size="small" type="primary" onClick={() => setActing({ claim: c, kind: 'approve' })} data-testid="btn-approve">{t(L('核准', '核准', 'Approve'))}</Button>}
                    {c.status === 'submitted' && <Button size="small" danger onClick={() => setActing({ claim: c, kind: 'refuse' })}>{t(L('不予核准', '不予核准', 'Refuse'))}</Button>}
                    {c.status === 'approved' && <Button size="small" onClick={() => setActing({ claim: c, kind: 'pay' })} data-testid="btn-pay">{t(L('登记支付', '登記支付', 'Record payout'))}</Button>}
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      {acting && (
        <Modal open title={acting.claim.claimNo} onCancel={() => setActing(null)} onOk={submit} destroyOnHidden>
          <Form form={form} layout="vertical" preserve={false}>
            {acting.kind === 'approve' && (
              <>
                <Form.Item name="approvedYuan" label={t(L('核准金额（元）', '核准金額（元）', 'Amount (CNY)'))} rules={[{ required: true }]} initialValue={fenToYuan(acting.claim.claimedFen)}><InputNumber min={0.01} step={0.01} style={{ width: '100%' }} data-testid="approve-amount" /></Form.Item>
                <Form.Item name="liability" label={t(L('责任认定', '責任認定', 'Liability finding'))} rules={[{ required: true }]} initialValue="insufficient_evidence_of_non_liability"><Select options={Object.entries(LIABILITY).map(([k, v]) => ({ value: k, label: t(v) }))} /></Form.Item>
                <Form.Item name="claimBasis" label={t(L('赔付情形', '賠付情形', 'Claim basis'))} rules={[{ required: true }]} initialValue="no_evidence_of_non_liability"><Select options={Object.entries(BASIS).map(([k, v]) => ({ value: k, label: t(v) }))} /></Form.Item>
              </>
            )}
            {acting.kind === 'refuse' && <Form.Item name="reason" label={t(L('理由', '理由', 'Reason'))} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>}
            {acting.kind === 'pay' && <Form.Item name="payoutRef" label={t(L('支付凭证号', '支付憑證號', 'Payout reference'))} rules={[{ required: true }]}><Input data-testid="payout-ref" /></Form.Item>}
          </Form>
        </Modal>
      )}
    </Space>
  );
}
