import { Form, Input, Select } from 'antd';
import { L, useT } from '../../../../lib/i18n';

/** Evidence, an inquiry record or an attachment. */
export function EvidenceFields() {
  const t = useT();
  return (
    <>
      <Form.Item name="kind" label={t(L('类别', '類別', 'Kind'))}>
        <Select options={[{ value: 'evidence', label: t(L('证据', '證據', 'Evidence')) }, { value: 'inquiry_record', label: t(L('询问笔录', '詢問筆錄', 'Inquiry record')) }, { value: 'attachment', label: t(L('附件', '附件', 'Attachment')) }]} />
      </Form.Item>
      <Form.Item name="description" label={t(L('说明', '說明', 'Description'))} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}
