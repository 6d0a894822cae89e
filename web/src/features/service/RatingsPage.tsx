import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { RATING_STATUS } from './labels';

type Rating = ResponseOf<'/api/service/ratings', 'get'>['items'][number];
type Action = 'rectify' | 'appeal' | 'appeal-decision';

/** 好差评 for staff: the ratings, bad reviews under rectification (with their due dates), appeals and their decisions. */
export default function RatingsPage() {
  const t = useT();
  const qc = useQueryClient();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [status, setStatus] = useState<Rating['status'] | undefined>('rectifying');
  const [acting, setActing] = useState<{ r: Rating; action: Action } | null>(null);
  const list = useQuery({ queryKey: ['service', 'ratings', status], queryFn: () => api.get('/api/service/ratings', { query: { status } }) });
  const settings = useQuery({ queryKey: ['service', 'settings'], queryFn: () => api.get('/api/service/settings') });

  async function submit() {
    if (!acting) return;
    const v = await form.validateFields();
    const { r, action } = acting;
    try {
      if (action === 'rectify') await api.post('/api/service/ratings/{id}/rectify', { path: { id: r.id }, body: { version: r.version, note: v.text } });
      else if (action === 'appeal') await api.post('/api/service/ratings/{id}/appeal', { path: { id: r.id }, body: { version: r.version, reason: v.text } });
      else await api.post('/api/service/ratings/{id}/appeal-decision', { path: { id: r.id }, body: { version: r.version, upheld: !!v.upheld, note: v.text } });
      setActing(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['service', 'ratings'] });
    } catch (e) {
      message.error(String((e as Error).message));
    }
  }

  return (
    <Card
      title={<span data-testid="page-title">{t(L('政务服务“好差评”', '政務服務「好差評」', 'Service ratings (好差评)'))}</span>}
      extra={<Select allowClear value={status} onChange={setStatus} style={{ width: 200 }} options={Object.entries(RATING_STATUS).map(([k, v]) => ({ value: k, label: t(v) }))} />}
    >
      {settings.data && <Typography.Paragraph type="secondary">{t(L('差评整改期限：', '差評整改期限：', 'Rectification period: '))}{settings.data.rectificationWorkingDays} {t(L('个工作日', '個工作日', 'working days'))}（{settings.data.rectificationSource}）</Typography.Paragraph>}
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t(L('事项', '事項', 'Matter')), render: (_, r) => `${r.matterModule}/${r.matterId}` },
          { title: t(L('渠道', '渠道', 'Channel')), render: (_, r) => (r.channel === 'counter' ? t(L('窗口', '窗口', 'Counter')) : t(L('网上', '網上', 'Online'))) },
          { title: t(L('评价', '評價', 'Level')), render: (_, r) => <Tag color={r.bad ? 'red' : 'green'}>{r.levelLabel}</Tag> },
          { title: t(L('意见', '意見', 'Comment')), dataIndex: 'comment' },
          { title: t(L('整改期限', '整改期限', 'Rectify by')), render: (_, r) => r.rectifyDueOn ?? '—' },
          { title: t(L('状态', '狀態', 'Status')), render: (_, r) => <Tag>{t(RATING_STATUS[r.status])}</Tag> },
          {
            title: '',
            render: (_, r) => (
              <Space>
                {r.status === 'rectifying' && can('service.rating.rectify') && <Button size="small" onClick={() => setActing({ r, action: 'rectify' })}>{t(L('整改回访', '整改回訪', 'Rectify'))}</Button>}
                {r.status === 'rectifying' && can('service.rating.rectify') && <Button size="small" onClick={() => setActing({ r, action: 'appeal' })}>{t(L('申诉', '申訴', 'Appeal'))}</Button>}
                {r.status === 'appealed' && can('service.rating.decide-appeal') && <Button size="small" onClick={() => setActing({ r, action: 'appeal-decision' })}>{t(L('审核申诉', '審核申訴', 'Decide appeal'))}</Button>}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!acting} onOk={submit} onCancel={() => setActing(null)} destroyOnHidden title={acting ? t({ rectify: L('整改与回访', '整改與回訪', 'Rectification and follow-up'), appeal: L('申诉（误评、恶意差评）', '申訴（誤評、惡意差評）', 'Appeal (mistaken or malicious)'), 'appeal-decision': L('申诉审核', '申訴審核', 'Appeal decision') }[acting.action]) : ''}>
        <Form form={form} layout="vertical">
          {acting?.action === 'appeal-decision' && <Form.Item name="upheld" valuePropName="checked" label={t(L('申诉成立', '申訴成立', 'Appeal upheld'))}><Switch /></Form.Item>}
          <Form.Item name="text" label={t(L('说明', '說明', 'Note'))} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
