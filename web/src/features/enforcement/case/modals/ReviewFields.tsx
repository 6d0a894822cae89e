import { Form, Input, Select } from 'antd';
import { L, useT } from '../../../../lib/i18n';

/** 法制审核: the result and the reviewer's opinion. */
export function ReviewFields() {
  const t = useT();
  return (
    <>
      <Form.Item name="result" label={t(L('审核结论', '審核結論', 'Result'))}>
        <Select options={[{ value: 'approved', label: t(L('通过', '通過', 'Approve')) }, { value: 'rejected', label: t(L('不通过', '不通過', 'Reject')) }]} />
      </Form.Item>
      <Form.Item name="opinion" label={t(L('审核意见', '審核意見', 'Opinion'))} rules={[{ required: true }]}>
        <Input.TextArea rows={3} data-testid="review-opinion" />
      </Form.Item>
    </>
  );
}
