import { Alert, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { L, useT } from '../../../../lib/i18n';
import { formatYuan } from '../../../../lib/money';
import { OUTCOME } from '../../labels';
import type { Case } from '../types';

/** 拟处理意见: the outcome and fine (the engine's proposal shown), a reason when deviating, review triggers. */
export function ProposalFields({ engine }: { engine: Case['engine'] }) {
  const t = useT();
  return (
    <>
      {engine ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${t(L('裁量建议', '裁量建議', 'Proposal'))}：${t(OUTCOME[engine.outcome])} ${engine.outcome !== 'no_penalty' ? `${formatYuan(engine.amountRange.minFen)}–${formatYuan(engine.amountRange.maxFen)}` : ''}`} /> : null}
      <Form.Item name="outcome" label={t(L('处理意见', '處理意見', 'Outcome'))} rules={[{ required: true }]}>
        <Select data-testid="proposal-outcome" options={Object.entries(OUTCOME).map(([k, v]) => ({ value: k, label: t(v) }))} />
      </Form.Item>
      <Form.Item name="amountYuan" label={t(L('罚款金额（元）', '罰款金額（元）', 'Fine (yuan)'))}>
        <InputNumber min={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="deviationReason" label={t(L('偏离裁量建议的理由', '偏離裁量建議的理由', 'Reason for deviating from the proposal'))}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="serious" valuePropName="checked"><Checkbox>{t(L('重大案件', '重大案件', 'Major case'))}</Checkbox></Form.Item>
        <Form.Item name="complex" valuePropName="checked"><Checkbox>{t(L('疑难复杂', '疑難複雜', 'Complex'))}</Checkbox></Form.Item>
        <Form.Item name="publicInterest" valuePropName="checked"><Checkbox>{t(L('涉及重大公共利益', '涉及重大公共利益', 'Major public interest'))}</Checkbox></Form.Item>
      </Space>
    </>
  );
}
