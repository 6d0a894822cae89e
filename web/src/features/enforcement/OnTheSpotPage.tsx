import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { CaseDto } from '../../../../contracts/enforcement';
import { api } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { DOC_KIND } from './labels';
import { yuanToFen } from '../../lib/money';
import { FactsFields } from './case/modals/FactsFields';

/** On-the-spot (simple) procedure: one phone-sized form; the decision PDF comes back at once. */
export default function OnTheSpotPage() {
  const t = useT();
  const { actor } = useAuth();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<CaseDto | null>(null);
  const [busy, setBusy] = useState(false);
  const rules = useQuery({ queryKey: ['enforcement', 'rule-set'], queryFn: ({ signal }) => api.get('/api/enforcement/rule-set', { signal }) });
  const officers = useQuery({ queryKey: ['enforcement', 'officers'], queryFn: ({ signal }) => api.get('/api/enforcement/officers', { signal }) });
  const penalty = Form.useWatch('penalty', form);

  async function submit() {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post('/api/enforcement/on-the-spot', { body: {
        partyKind: v.partyKind,
        partyName: v.partyName,
        creditCode: v.creditCode?.trim() || undefined,
        regionCode: v.creditCode?.trim() ? undefined : actor?.jurisdiction ?? undefined,
        facts: v.facts,
        // The same discretion engine and statutory range as the general procedure (art. 51 on top).
        violationType: v.violationType,
        circumstances: {
          firstViolation: !!v.firstViolation,
          harm: v.harm ?? 'minor',
          corrected: !!v.corrected,
          noFault: !!v.noFault,
          minorAge: !!v.minorAge,
          impairedCapacity: !!v.impairedCapacity,
          mitigating: v.mitigating ?? [],
          aggravating: v.aggravating ?? [],
        },
        penalty: v.penalty,
        amountFen: v.penalty === 'fine' ? yuanToFen(v.amountYuan) : 0,
        deviationReason: v.deviationReason?.trim() || undefined,
        coOfficerId: v.coOfficerId,
      } });
      setDone(res);
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['partyKind', 'partyName', 'creditCode', 'facts', 'violationType', 'penalty', 'deviationReason', 'coOfficerId'], { amountFen: 'amountYuan' });
      setError(rest.join('；') || (e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    const doc = done.documents[0];
    return (
      <Card style={{ maxWidth: 480 }} title={t(L('当场处罚决定书已生成', '當場處罰決定書已生成', 'On-the-spot decision issued'))}>
        <Space direction="vertical">
          <span>{done.caseNo}</span>
          {doc ? (
            <a href={doc.pdfUrl} target="_blank" rel="noreferrer" data-testid="on-the-spot-pdf">
              {t(DOC_KIND[doc.kind])} {doc.docNo}
            </a>
          ) : null}
          <Link to={`/staff/enforcement/cases/${done.id}`}>{t(L('查看案件（备案）', '查看案件（備案）', 'Open the case (filing)'))}</Link>
          <Button onClick={() => { setDone(null); form.resetFields(); }}>{t(L('再录一件', '再錄一件', 'Another one'))}</Button>
        </Space>
      </Card>
    );
  }

  return (
    <Card style={{ maxWidth: 480 }} title={t(L('当场行政处罚', '當場行政處罰', 'On-the-spot penalty'))}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t(L('适用：警告，或对公民200元以下、对法人或其他组织3000元以下罚款（《行政处罚法》第五十一条）', '適用：警告，或對公民200元以下、對法人或其他組織3000元以下罰款（《行政處罰法》第五十一條）', 'For a warning, or a fine up to ¥200 (citizen) / ¥3,000 (organisation) (art. 51)'))} />
      {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="on-the-spot-error" /> : null}
      <Form form={form} layout="vertical" initialValues={{ partyKind: 'organisation', penalty: 'fine', harm: 'minor' }}>
        <Form.Item name="partyKind" label={t(L('当事人类型', '當事人類型', 'Party'))}>
          <Radio.Group options={[{ value: 'organisation', label: t(L('单位', '單位', 'Organisation')) }, { value: 'person', label: t(L('个人', '個人', 'Person')) }]} />
        </Form.Item>
        <Form.Item name="partyName" label={t(L('当事人名称', '當事人名稱', 'Name'))} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="creditCode" label={t(L('统一社会信用代码（单位）', '統一社會信用代碼（單位）', 'Credit code (organisation)'))}>
          <Input />
        </Form.Item>
        <Form.Item name="facts" label={t(L('违法事实', '違法事實', 'Facts'))} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <FactsFields ruleSet={rules.data} />
        <Form.Item name="penalty" label={t(L('处罚种类', '處罰種類', 'Penalty'))}>
          <Radio.Group options={[{ value: 'fine', label: t(L('罚款', '罰款', 'Fine')) }, { value: 'warning', label: t(L('警告', '警告', 'Warning')) }]} />
        </Form.Item>
        {penalty === 'fine' ? (
          <Form.Item name="amountYuan" label={t(L('罚款金额（元）', '罰款金額（元）', 'Fine (yuan)'))} rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: '100%' }} data-testid="on-the-spot-amount" />
          </Form.Item>
        ) : null}
        <Form.Item name="deviationReason" label={t(L('偏离裁量建议的理由（如有）', '偏離裁量建議的理由（如有）', 'Reason for leaving the proposal (if any)'))}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="coOfficerId" label={t(L('协同执法人员', '協同執法人員', 'Second officer'))} rules={[{ required: true }]}>
          <Select options={(officers.data?.items ?? []).filter((o) => o.id !== actor?.id).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Button type="primary" block loading={busy} onClick={submit} data-testid="on-the-spot-submit">
          {t(L('生成决定书', '生成決定書', 'Issue the decision'))}
        </Button>
      </Form>
    </Card>
  );
}
