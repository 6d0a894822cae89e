import { Checkbox, Form, Input } from 'antd';
import { L, useT } from '../../../../lib/i18n';

/** 陈述申辩: the party's statement, or its waiver. */
export function StatementFields() {
  const t = useT();
  return (
    <>
      <Form.Item name="statement" label={t(L('陈述申辩内容', '陳述申辯內容', 'Statement'))}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="waived" valuePropName="checked"><Checkbox>{t(L('当事人放弃陈述申辩', '當事人放棄陳述申辯', 'The party waives'))}</Checkbox></Form.Item>
    </>
  );
}
