import { Form, Input } from 'antd';
import { L, useT } from '../../../../lib/i18n';

/** A hearing request: the hearing date. */
export function HearingRequestFields() {
  const t = useT();
  return (
    <Form.Item name="hearingOn" label={t(L('听证日期（YYYY-MM-DD）', '聽證日期（YYYY-MM-DD）', 'Hearing date (YYYY-MM-DD)'))} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
      <Input />
    </Form.Item>
  );
}

/** The hearing held: its minutes. */
export function HearingFields() {
  const t = useT();
  return (
    <Form.Item name="minutes" label={t(L('听证笔录', '聽證筆錄', 'Hearing minutes'))} rules={[{ required: true }]}>
      <Input.TextArea rows={4} />
    </Form.Item>
  );
}
