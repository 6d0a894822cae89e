import { useState } from 'react';
import { App, Button, Card, Form, Input, Rate, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { LEVELS, RATING_STATUS } from './labels';

/** 一事一评 online: a business rates a handled matter (e.g. a registration change), sees the follow-up and rates again. */
export default function MyRatingsPage() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [level, setLevel] = useState(5);
  const mine = useQuery({ queryKey: ['service', 'my-ratings'], queryFn: () => api.get('/api/service/me/ratings') });
  const tooltips = [...LEVELS].reverse().map((l) => t(l.label));

  async function submit() {
    const v = await form.validateFields();
    try {
      await api.post('/api/service/ratings/online', { body: { matterModule: v.matterModule, matterId: v.matterId, level, comment: v.comment ?? '', regionCode: v.regionCode } });
      form.resetFields(['matterId', 'comment']);
      await qc.invalidateQueries({ queryKey: ['service', 'my-ratings'] });
    } catch (e) {
      message.error(String((e as Error).message));
    }
  }
  async function reRate(id: string, version: number, l: number) {
    try {
      await api.post('/api/service/ratings/{id}/re-rate', { path: { id }, body: { version, level: l } });
      await qc.invalidateQueries({ queryKey: ['service', 'my-ratings'] });
    } catch (e) {
      message.error(String((e as Error).message));
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<span data-testid="page-title">{t(L('办事评价（一事一评）', '辦事評價（一事一評）', 'Rate a service'))}</span>}>
        <Form form={form} layout="inline" initialValues={{ matterModule: 'exchange', regionCode: '330100' }}>
          <Form.Item name="matterModule" rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={[{ value: 'exchange', label: t(L('企业信息变更', '企業資訊變更', 'Registration change')) }, { value: 'service', label: t(L('“一件事”办件', '「一件事」辦件', '"One thing" case')) }]} />
          </Form.Item>
          <Form.Item name="matterId" rules={[{ required: true }]}><Input placeholder={t(L('办件编号', '辦件編號', 'Matter number'))} /></Form.Item>
          <Form.Item name="regionCode" hidden><Input /></Form.Item>
          <Form.Item><Rate value={level} onChange={setLevel} tooltips={tooltips} /></Form.Item>
          <Form.Item name="comment"><Input placeholder={t(L('意见（选填）', '意見（選填）', 'Comment'))} /></Form.Item>
          <Button type="primary" onClick={submit}>{t(L('提交评价', '提交評價', 'Submit'))}</Button>
        </Form>
      </Card>
      <Card title={t(L('我的评价', '我的評價', 'My ratings'))}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={mine.data?.items ?? []}
          columns={[
            { title: t(L('事项', '事項', 'Matter')), render: (_, r) => `${r.matterModule}/${r.matterId}` },
            { title: t(L('评价', '評價', 'Level')), dataIndex: 'levelLabel' },
            { title: t(L('整改情况', '整改情況', 'Follow-up')), render: (_, r) => r.rectificationNote ?? '—' },
            { title: t(L('状态', '狀態', 'Status')), render: (_, r) => <Tag>{t(RATING_STATUS[r.status])}</Tag> },
            { title: t(L('再次评价', '再次評價', 'Rate again')), render: (_, r) => (r.status === 'rectified' ? <Rate tooltips={tooltips} onChange={(l) => reRate(r.id, r.version, l)} /> : r.reRating ?? '') },
          ]}
        />
      </Card>
    </Space>
  );
}
