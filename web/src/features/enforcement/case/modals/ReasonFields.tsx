import { Form, Input } from 'antd';
import { L, useT } from '../../../../lib/i18n';

/** Not opening a case, or revoking a decision: the reason. */
export function ReasonFields() {
  const t = useT();
  return (
    <Form.Item name="reason" label={t(L('理由', '理由', 'Reason'))} rules={[{ required: true }]}>
      <Input.TextArea rows={3} />
    </Form.Item>
  );
}
