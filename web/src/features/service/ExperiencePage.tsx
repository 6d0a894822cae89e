import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MEASURE_STATUS } from './labels';

type Measure = ResponseOf<'/api/service/me/experience', 'get'>['findings'][number]['measures'][number];

/** The experiencer's page: file a finding or a suggestion, follow the measures, evaluate them. */
export default function ExperiencePage() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [evalForm] = Form.useForm();
  const [evaluating, setEvaluating] = useState<Measure | null>(null);
  const me = useQuery({ queryKey: ['service', 'me'], queryFn: () => api.get('/api/service/me/experience'), retry: false });
  const items = useQuery({ queryKey: ['service', 'items'], queryFn: () => api.get('/api/service/items') });
  const cats = useQuery({ queryKey: ['service', 'categories'], queryFn: () => api.get('/api/service/categories') });

  async function file() {
    const v = await form.validateFields();
    try {
      await api.post('/api/service/findings', { body: v });
      form.resetFields();
      message.success(t(L('问题已提交', '問題已提交', 'Finding filed')));
      await qc.invalidateQueries({ queryKey: ['service', 'me'] });
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['itemId', 'category', 'description']);
      if (rest.length) message.error(rest.join('；'));
    }
  }
  async function evaluate() {
    if (!evaluating) return;
    const v = await evalForm.validateFields();
    try {
      await api.post('/api/service/measures/{id}/evaluate', { path: { id: evaluating.id }, body: { version: evaluating.version, ...v } });
      setEvaluating(null);
      await qc.invalidateQueries({ queryKey: ['service', 'me'] });
    } catch (e) {
      message.error(String((e as Error).message));
    }
  }

  if (me.error) return <ErrorAlert error={me.error} />;
  const measures = (me.data?.findings ?? []).flatMap((f) => f.measures.map((m) => ({ ...m, finding: f.description })));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} data-testid="page-title">{t(L('政务服务体验员', '政務服務體驗員', 'Service experiencer'))}</Typography.Title>
      {me.data && <Typography.Text>{me.data.experiencer.name} · {me.data.experiencer.teamName}</Typography.Text>}
      <Card title={t(L('反映问题', '反映問題', 'File a finding'))}>
        <Form form={form} layout="vertical">
          <Form.Item name="itemId" label={t(L('体验事项', '體驗事項', 'Service item'))} rules={[{ required: true }]}>
            <Select data-testid="finding-item" options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))} />
          </Form.Item>
          <Form.Item name="category" label={t(L('问题分类', '問題分類', 'Category'))} rules={[{ required: true }]}>
            <Select data-testid="finding-category" options={(cats.data?.items ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: c.label }))} />
          </Form.Item>
          <Form.Item name="description" label={t(L('问题描述', '問題描述', 'Description'))} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="finding-description" />
          </Form.Item>
          <Button type="primary" onClick={file} data-testid="finding-submit">{t(L('提交', '提交', 'Submit'))}</Button>
        </Form>
      </Card>
      <Card title={t(L('我的问题与整改', '我的問題與整改', 'My findings and measures'))}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={me.data?.findings ?? []}
          columns={[
            { title: t(L('事项', '事項', 'Item')), dataIndex: 'itemName' },
            { title: t(L('分类', '分類', 'Category')), dataIndex: 'categoryLabel' },
            { title: t(L('问题', '問題', 'Finding')), dataIndex: 'description' },
            { title: t(L('措施', '措施', 'Measures')), render: (_, f) => f.measures.length ? f.measures.map((m) => <div key={m.id}>{m.description} <Tag>{t(MEASURE_STATUS[m.status])}</Tag></div>) : t(L('待制定', '待制定', 'Pending')) },
          ]}
        />
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          style={{ marginTop: 16 }}
          dataSource={measures.filter((m) => m.status === 'done')}
          locale={{ emptyText: t(L('暂无待评价的措施', '暫無待評價的措施', 'Nothing to evaluate')) }}
          columns={[
            { title: t(L('待评价措施', '待評價措施', 'To evaluate')), dataIndex: 'description' },
            { title: t(L('办结情况', '辦結情況', 'What was done')), dataIndex: 'doneNote' },
            { title: '', render: (_, m) => <Button onClick={() => setEvaluating(m)} data-testid="evaluate">{t(L('评价', '評價', 'Evaluate'))}</Button> },
          ]}
        />
      </Card>
      <Modal open={!!evaluating} onOk={evaluate} onCancel={() => setEvaluating(null)} title={t(L('评价整改效果', '評價整改效果', 'Evaluate the measure'))} destroyOnHidden>
        <Form form={evalForm} layout="vertical" initialValues={{ evaluation: 'fixed' }}>
          <Form.Item name="evaluation" label={t(L('问题是否解决', '問題是否解決', 'Fixed?'))}>
            <Radio.Group data-testid="evaluation">
              <Radio value="fixed">{t(L('已解决', '已解決', 'Fixed'))}</Radio>
              <Radio value="not_fixed">{t(L('未解决', '未解決', 'Not fixed'))}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={t(L('说明', '說明', 'Note'))}><Input /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
