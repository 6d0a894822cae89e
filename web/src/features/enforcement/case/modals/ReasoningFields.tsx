import { Form, Input } from 'antd';
import { L, useT } from '../../../../lib/i18n';

/** 说理式执法: the four sections of the decision's reasoning, each required. */
export function ReasoningFields() {
  const t = useT();
  const rules = [{ required: true, whitespace: true }];
  return (
    <>
      <Form.Item name="facts" label={t(L('（一）事实认定', '（一）事實認定', '1. Facts found'))} rules={rules}>
        <Input.TextArea rows={3} data-testid="reasoning-facts" />
      </Form.Item>
      <Form.Item name="evidence" label={t(L('（二）证据采信', '（二）證據採信', '2. Evidence relied on'))} rules={rules}>
        <Input.TextArea rows={3} data-testid="reasoning-evidence" />
      </Form.Item>
      <Form.Item name="provisions" label={t(L('（三）法律适用', '（三）法律適用', '3. Provisions applied'))} rules={rules}>
        <Input.TextArea rows={3} data-testid="reasoning-provisions" />
      </Form.Item>
      <Form.Item name="discretion" label={t(L('（四）裁量理由', '（四）裁量理由', '4. Discretion and why'))} rules={rules}>
        <Input.TextArea rows={3} data-testid="reasoning-discretion" />
      </Form.Item>
    </>
  );
}
