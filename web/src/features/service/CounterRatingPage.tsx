import { useState } from 'react';
import { App, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { api } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { LEVELS } from './labels';

/** 一次一评 on the counter tablet: the handler enters the matter, the citizen taps one of five levels. */
export default function CounterRatingPage() {
  const t = useT();
  const { actor } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [done, setDone] = useState<string | null>(null);

  async function rate(level: number) {
    const v = await form.validateFields();
    try {
      const r = await api.post('/api/service/ratings/counter', { body: { matterModule: v.matterModule, matterId: v.matterId, level, comment: v.comment ?? '', regionCode: actor?.jurisdiction ?? '3301' } });
      setDone(r.levelLabel);
      form.resetFields(['matterId', 'comment']);
    } catch (e) {
      message.error(String((e as Error).message));
    }
  }

  if (done) return <Result status="success" title={t(L('感谢您的评价', '感謝您的評價', 'Thank you for your rating'))} subTitle={done} extra={<Button onClick={() => setDone(null)} data-testid="next">{t(L('下一位', '下一位', 'Next'))}</Button>} />;
  return (
    <Card title={<span data-testid="page-title">{t(L('请对本次服务进行评价', '請對本次服務進行評價', 'Please rate this service'))}</span>}>
      <Form form={form} layout="vertical" initialValues={{ matterModule: 'service' }}>
        <Form.Item name="matterModule" label={t(L('业务模块', '業務模組', 'Module'))} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="matterId" label={t(L('办件编号', '辦件編號', 'Matter number'))} rules={[{ required: true }]}><Input data-testid="matter-id" /></Form.Item>
        <Form.Item name="comment" label={t(L('意见（选填）', '意見（選填）', 'Comment (optional)'))}><Input.TextArea /></Form.Item>
      </Form>
      <Space wrap size="large">
        {LEVELS.map((l) => (
          <Button key={l.value} size="large" style={{ minWidth: 140, height: 72 }} type={l.value >= 3 ? 'primary' : 'default'} danger={l.value <= 2} onClick={() => rate(l.value)} data-testid={`level-${l.value}`}>
            {t(l.label)}
          </Button>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{t(L('“不满意”“非常不满意”为差评，将限期整改并回访。', '「不滿意」「非常不滿意」為差評，將限期整改並回訪。', 'Dissatisfied and very dissatisfied are bad reviews: they are rectified and followed up.'))}</Typography.Paragraph>
    </Card>
  );
}
