import { Form, InputNumber } from 'antd';
import { L, useT } from '../../../../lib/i18n';

/** 缴款: the amount paid (late fee included). */
export function PaymentFields() {
  const t = useT();
  return (
    <Form.Item name="amountYuan" label={t(L('缴款金额（元，含加处罚款）', '繳款金額（元，含加處罰款）', 'Amount paid (yuan, incl. late fee)'))} rules={[{ required: true }]}>
      <InputNumber min={0} style={{ width: 200 }} />
    </Form.Item>
  );
}
