import { Form, Input } from 'antd';
import { L, useT } from '../../../../lib/i18n';

/** 集体讨论: the conclusion and the participants. */
export function CollectiveFields() {
  const t = useT();
  return (
    <>
      <Form.Item name="conclusion" label={t(L('讨论结论', '討論結論', 'Conclusion'))} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="participants" label={t(L('参加人员（逗号分隔，至少3人）', '參加人員（逗號分隔，至少3人）', 'Participants (comma-separated, at least 3)'))} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
    </>
  );
}
