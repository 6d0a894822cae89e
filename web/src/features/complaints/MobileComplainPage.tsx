import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Result, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { IntakeResultSchema } from '../../../../contracts/complaints';
import { api } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { CATEGORY } from './labels';
import { yuanToFen } from '../../lib/money';

type IntakeResult = z.infer<typeof IntakeResultSchema>;
const FIELDS = ['kind', 'complainantName', 'complainantPhone', 'complainantAddress', 'respondentName', 'respondentAddress', 'regionCode', 'category', 'amountYuan', 'request', 'facts'];
const DISTRICTS = [
  { value: '330102', label: L('上城区', '上城區', 'Shangcheng') },
  { value: '330105', label: L('拱墅区', '拱墅區', 'Gongshu') },
  { value: '330106', label: L('西湖区', '西湖區', 'Xihu') },
];

/** The phone intake form opened from a station's QR code (/m/complain?station=<id>). */
export default function MobileComplainPage() {
  const t = useT();
  const [params] = useSearchParams();
  const stationId = params.get('station');
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<IntakeResult | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per opened form: a double tap or a retry makes one complaint.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const station = useQuery({ queryKey: ['public-station', stationId], enabled: !!stationId, queryFn: () => api.get('/api/public/stations/{id}', { path: { id: stationId ?? '' } }), retry: false });

  async function submit() {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post('/api/public/complaints', { body: {
        ...v,
        amountFen: v.amountYuan == null ? null : yuanToFen(v.amountYuan),
        amountYuan: undefined,
        stationId: stationId ?? null,
        idempotencyKey,
      } });
      setDone(res);
    } catch (e) {
      const rest = applyFieldErrors(form, e, FIELDS, { amountFen: 'amountYuan' });
      if (rest.length) setError(rest.join('；'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }} data-testid="mobile-complain">
      {done ? (
        <Result
          status="success"
          title={t(L('提交成功', '提交成功', 'Submitted'))}
          subTitle={
            <div>
              <div>
                {t(L('编号', '編號', 'Tracking number'))}: <Typography.Text copyable strong data-testid="tracking-no">{done.trackingNo}</Typography.Text>
              </div>
              <div>{t(L('查询码已通过短信发送到您的手机', '查詢碼已透過簡訊發送到您的手機', 'A one-time code was sent to your phone by SMS'))}</div>
              {done.acceptanceDue && <div>{t(L('受理决定期限：{d}', '受理決定期限：{d}', 'Decision on acceptance by {d}'), { d: done.acceptanceDue })}</div>}
            </div>
          }
          extra={<Link to={`/m/track?no=${done.trackingNo}`}><Button type="primary">{t(L('查询进度', '查詢進度', 'Track it'))}</Button></Link>}
        />
      ) : (
        <Card title={t(L('消费投诉举报', '消費投訴舉報', 'Consumer complaint'))} size="small">
          {station.data && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={station.data.name} description={station.data.address} data-testid="station-banner" />
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="error-alert" />}
          <Form form={form} layout="vertical" initialValues={{ kind: 'complaint' }} requiredMark>
            <Form.Item name="kind" label={t(L('类型', '類型', 'Type'))}>
              <Radio.Group optionType="button" options={[{ value: 'complaint', label: t(L('投诉', '投訴', 'Complaint')) }, { value: 'report', label: t(L('举报', '舉報', 'Report')) }]} />
            </Form.Item>
            <Form.Item name="complainantName" label={t(L('您的姓名', '您的姓名', 'Your name'))} required><Input data-testid="f-name" /></Form.Item>
            <Form.Item name="complainantPhone" label={t(L('手机号码', '手機號碼', 'Mobile number'))} required><Input inputMode="tel" data-testid="f-phone" /></Form.Item>
            <Form.Item name="complainantAddress" label={t(L('您的地址', '您的地址', 'Your address'))} required><Input data-testid="f-address" /></Form.Item>
            <Form.Item name="respondentName" label={t(L('被投诉商家名称', '被投訴商家名稱', 'Business complained about'))} required><Input data-testid="f-respondent" /></Form.Item>
            <Form.Item name="respondentAddress" label={t(L('商家地址', '商家地址', 'Business address'))} required><Input data-testid="f-respondent-address" /></Form.Item>
            {!stationId && (
              <Form.Item name="regionCode" label={t(L('商家所在区', '商家所在區', 'District of the business'))}>
                <Select allowClear options={DISTRICTS.map((d) => ({ value: d.value, label: t(d.label) }))} data-testid="f-district" />
              </Form.Item>
            )}
            <Form.Item name="category" label={t(L('消费类别', '消費類別', 'Category'))}>
              <Select allowClear options={Object.entries(CATEGORY).map(([k, v]) => ({ value: k, label: t(v) }))} data-testid="f-category" />
            </Form.Item>
            <Form.Item name="amountYuan" label={t(L('消费金额（元）', '消費金額（元）', 'Amount paid (CNY)'))}>
              <InputNumber min={0} step={0.01} style={{ width: '100%' }} data-testid="f-amount" />
            </Form.Item>
            <Form.Item name="request" label={t(L('诉求', '訴求', 'What you ask for'))} required><Input data-testid="f-request" /></Form.Item>
            <Form.Item name="facts" label={t(L('事实经过（最多 2000 字）', '事實經過（最多 2000 字）', 'What happened (max 2000 characters)'))} required>
              <Input.TextArea rows={5} showCount data-testid="f-facts" />
            </Form.Item>
            <Button type="primary" block size="large" loading={busy} onClick={submit} data-testid="submit">
              {t('common.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
