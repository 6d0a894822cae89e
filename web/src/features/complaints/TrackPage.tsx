import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Space, Steps, Tag, Timeline, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { PublicComplaintSchema } from '../../../../contracts/complaints';
import type { EligibilitySchema, PublicClaimSchema } from '../../../../contracts/insurance';
import { api, apiBlob } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { formatDateTime, L, useT } from '../../lib/i18n';
import { ENTRY, OUTCOME, STATUS, STATUS_COLOR, STEPS } from './labels';
import { formatYuan, yuanToFen } from '../../lib/money';
import { ResendCode } from './ResendCode';

type PublicComplaint = z.infer<typeof PublicComplaintSchema>;
type Eligibility = z.infer<typeof EligibilitySchema>;
type PublicClaim = z.infer<typeof PublicClaimSchema>;

const CLAIM_STATUS = {
  submitted: L('审核中', '審核中', 'Under review'),
  approved: L('已核准', '已核准', 'Approved'),
  paid: L('已赔付', '已賠付', 'Paid'),
  refused: L('未予核准', '未予核准', 'Refused'),
} as const;

/** The consumer follows the case with the tracking number and the SMS code, no account; and claims on the insurance. */
export default function TrackPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [form] = Form.useForm();
  const [claimForm] = Form.useForm();
  const [access, setAccess] = useState<{ trackingNo: string; code: string } | null>(null);
  const [data, setData] = useState<PublicComplaint | null>(null);
  const [elig, setElig] = useState<Eligibility | null>(null);
  const [claims, setClaims] = useState<PublicClaim[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function load(a: { trackingNo: string; code: string }) {
    setError(null);
    try {
      const c = await api.post('/api/public/complaints/track', { body: a });
      setData(c);
      setAccess(a);
      const cl = await api.post('/api/public/insurance/claims/status', { body: a });
      setClaims(cl.items);
      setElig(c.status === 'closed' ? await api.post('/api/public/insurance/eligibility', { body: a }) : null);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function fileClaim() {
    const v = await claimForm.validateFields();
    if (!access) return;
    try {
      await api.post('/api/public/insurance/claims', { body: { ...access, claimedFen: yuanToFen(v.claimedYuan), lossDescription: v.lossDescription } });
      await load(access!);
    } catch (e) {
      const rest = applyFieldErrors(claimForm, e, ['claimedYuan', 'lossDescription'], { claimedFen: 'claimedYuan' });
      if (rest.length) setError(rest.join('；'));
    }
  }

  async function uploadEvidence(claimId: string, file: File) {
    const fd = new FormData();
    fd.append('trackingNo', access!.trackingNo);
    fd.append('code', access!.code);
    fd.append('file', file);
    try {
      await api.post('/api/public/insurance/claims/{id}/evidence', { path: { id: claimId }, body: fd });
      await load(access!);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function agreement() {
    let pdf: Blob;
    try {
      pdf = await apiBlob('POST', '/public/complaints/agreement.pdf', { body: access });
    } catch {
      return setError(t(L('暂无调解协议书', '暫無調解協議書', 'No agreement document')));
    }
    window.open(URL.createObjectURL(pdf), '_blank');
  }

  const stepsDone = new Set(data?.timeline.filter((e) => e.kind === 'step').map((e) => e.step));
  const openClaim = claims.find((c) => c.status !== 'refused');

  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }} data-testid="track-page">
      <Card size="small" title={t(L('投诉进度查询', '投訴進度查詢', 'Track a complaint'))}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="error-alert" />}
        <Form form={form} layout="vertical" initialValues={{ trackingNo: params.get('no') ?? '' }} onFinish={(v) => load({ trackingNo: v.trackingNo.trim(), code: v.code.trim() })}>
          <Form.Item name="trackingNo" label={t(L('编号', '編號', 'Tracking number'))} rules={[{ required: true }]}><Input data-testid="t-no" /></Form.Item>
          <Form.Item name="code" label={t(L('短信查询码', '簡訊查詢碼', 'SMS code'))} rules={[{ required: true }]} extra={t(L('10 位字母和数字，如 ABCDE-23456；连续输错 5 次需等待 15 分钟', '10 位字母和數字，如 ABCDE-23456；連續輸錯 5 次需等待 15 分鐘', '10 letters and digits, e.g. ABCDE-23456; after 5 wrong tries wait 15 minutes'))}><Input autoCapitalize="characters" autoComplete="one-time-code" maxLength={24} placeholder="ABCDE-23456" data-testid="t-code" /></Form.Item>
          <Button type="primary" htmlType="submit" block data-testid="t-submit">{t(L('查询', '查詢', 'Look up'))}</Button>
          <Form.Item noStyle shouldUpdate>{() => <ResendCode trackingNo={String(form.getFieldValue('trackingNo') ?? '')} />}</Form.Item>
        </Form>
      </Card>
      {data && (
        <Card size="small" style={{ marginTop: 12 }} title={<Space>{data.trackingNo}<Tag color={STATUS_COLOR[data.status]} data-testid="t-status">{t(STATUS[data.status])}</Tag></Space>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t(L('被投诉人', '被投訴人', 'Respondent'))}>{data.respondentName}</Descriptions.Item>
            <Descriptions.Item label={t(L('收到日期', '收到日期', 'Received'))}>{data.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={t(L('受理期限', '受理期限', 'Acceptance due'))}>{data.acceptanceDue ?? '—'}</Descriptions.Item>
            {data.mediationDue && <Descriptions.Item label={t(L('调解期限', '調解期限', 'Mediation due'))}>{data.mediationDue}{data.paused ? `（${t(L('检测鉴定中，暂停计时', '檢測鑑定中，暫停計時', 'paused for testing'))}）` : ''}</Descriptions.Item>}
            {data.refusalGround && <Descriptions.Item label={t(L('不予受理理由', '不予受理理由', 'Refusal ground'))}>{data.refusalGround}</Descriptions.Item>}
            {data.outcome && <Descriptions.Item label={t(L('结果', '結果', 'Outcome'))}><span data-testid="t-outcome">{data.outcomeText ?? t(OUTCOME[data.outcome])}</span></Descriptions.Item>}
          </Descriptions>
          {stepsDone.size > 0 && <Steps size="small" direction="horizontal" responsive={false} items={STEPS.map(([k, label]) => ({ title: t(label), status: stepsDone.has(k as never) ? 'finish' : 'wait' }))} style={{ margin: '8px 0' }} />}
          <Timeline style={{ marginTop: 12 }} items={data.timeline.map((e) => ({ children: `${formatDateTime(e.at)} ${t(ENTRY[e.kind] ?? L(e.kind, e.kind, e.kind))}${e.step ? ` · ${t(STEPS.find(([k]) => k === e.step)![1])}` : ''}` }))} />
          {data.outcome === 'agreement' && <Button onClick={agreement}>{t(L('下载调解协议书', '下載調解協議書', 'Download the agreement'))}</Button>}
        </Card>
      )}
      {data && (claims.length > 0 || elig) && (
        <Card size="small" style={{ marginTop: 12 }} title={t(L('放心消费险', '放心消費險', 'Assured-consumption insurance'))} data-testid="claim-card">
          {claims.map((c) => (
            <Descriptions key={c.claimNo} column={1} size="small" bordered style={{ marginBottom: 8 }}>
              <Descriptions.Item label={t(L('理赔编号', '理賠編號', 'Claim number'))}>{c.claimNo}</Descriptions.Item>
              <Descriptions.Item label={t(L('状态', '狀態', 'Status'))}><Tag data-testid="claim-status">{t(CLAIM_STATUS[c.status])}</Tag></Descriptions.Item>
              <Descriptions.Item label={t(L('申请金额', '申請金額', 'Claimed'))}>{formatYuan(c.claimedFen)}</Descriptions.Item>
              {c.approvedFen != null && <Descriptions.Item label={t(L('核准金额', '核准金額', 'Approved'))}>{formatYuan(c.approvedFen)}</Descriptions.Item>}
              {c.refusalReason && <Descriptions.Item label={t(L('理由', '理由', 'Reason'))}>{c.refusalReason}</Descriptions.Item>}
              <Descriptions.Item label={t(L('证据材料', '證據材料', 'Evidence'))}>
                {c.evidence.map((e) => <div key={e.fileId}><PaperClipOutlined /> {e.name}</div>)}
                {c.status === 'submitted' && (
                  <Upload accept=".pdf,.jpg,.jpeg,.png" showUploadList={false} beforeUpload={(f) => (void uploadEvidence(c.id, f), false)}>
                    <Button size="small" icon={<UploadOutlined />} data-testid="evidence-upload">{t(L('上传凭证（PDF/JPG/PNG）', '上傳憑證（PDF/JPG/PNG）', 'Upload (PDF/JPG/PNG)'))}</Button>
                  </Upload>
                )}
              </Descriptions.Item>
            </Descriptions>
          ))}
          {!openClaim && elig && (
            <>
              <Typography.Paragraph strong>{t(L('赔付条件', '賠付條件', 'Conditions'))}</Typography.Paragraph>
              <ul style={{ paddingLeft: 18 }} data-testid="conditions">
                {elig.conditions.map((c) => (
                  <li key={c.id} style={{ color: c.passed === false ? '#cf1322' : c.passed ? '#389e0d' : '#8c8c8c' }}>
                    {c.passed === false ? '✗' : c.passed ? '✓' : '…'} {c.label}
                  </li>
                ))}
              </ul>
              {elig.eligible && (
                <Form form={claimForm} layout="vertical">
                  <Form.Item name="claimedYuan" label={t(L('申请赔付金额（元）', '申請賠付金額（元）', 'Amount claimed (CNY)'))} rules={[{ required: true }]}><InputNumber min={0.01} step={0.01} style={{ width: '100%' }} data-testid="claim-amount" /></Form.Item>
                  <Form.Item name="lossDescription" label={t(L('损失说明', '損失說明', 'Loss'))} rules={[{ required: true }]}><Input.TextArea rows={3} data-testid="claim-loss" /></Form.Item>
                  <Button type="primary" block onClick={fileClaim} data-testid="claim-submit">{t(L('申请理赔', '申請理賠', 'File a claim'))}</Button>
                </Form>
              )}
            </>
          )}
        </Card>
      )}
    </div>
  );
}
