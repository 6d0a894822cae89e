import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Segmented, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { MEASURE_STATUS } from './labels';

type Measure = ResponseOf<'/api/service/measures', 'get'>['items'][number];

/** A department's work list of measures (own, or all in the region), closing them with a note. */
export default function MeasuresPage() {
  const t = useT();
  const qc = useQueryClient();
  const { actor } = useAuth();
  const { message } = App.useApp();
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [closing, setClosing] = useState<Measure | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: ['service', 'measures', scope], queryFn: () => api.get('/api/service/measures', { query: { scope } }) });

  async function close() {
    if (!closing) return;
    const v = await form.validateFields();
    try {
      await api.post('/api/service/measures/{id}/done', { path: { id: closing.id }, body: { version: closing.version, note: v.note } });
      setClosing(null);
      await qc.invalidateQueries({ queryKey: ['service', 'measures'] });
    } catch (e) {
      message.error(String((e as Error).message));
    }
  }

  return (
    <Card title={<span data-testid="page-title">{t(L('整改措施', '整改措施', 'Measures'))}</span>} extra={<Segmented value={scope} onChange={(v) => setScope(v as 'mine' | 'all')} options={[{ value: 'mine', label: t(L('我的', '我的', 'Mine')) }, { value: 'all', label: t(L('全部', '全部', 'All')) }]} />}>
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t(L('事项', '事項', 'Item')), dataIndex: 'itemName' },
          { title: t(L('措施', '措施', 'Measure')), dataIndex: 'description' },
          { title: t(L('责任部门', '責任部門', 'Department')), dataIndex: 'department' },
          { title: t(L('期限', '期限', 'Due')), render: (_, m) => <span>{m.dueOn}{m.dueProvisional ? t(L('（预计）', '（預計）', ' (provisional)')) : ''} {m.overdue && <Tag color="red">{t(L('逾期', '逾期', 'Overdue'))}</Tag>}</span> },
          { title: t(L('状态', '狀態', 'Status')), render: (_, m) => <Tag>{t(MEASURE_STATUS[m.status])}</Tag> },
          { title: '', render: (_, m) => m.status === 'open' && m.ownerId === actor?.id && <Button onClick={() => setClosing(m)} data-testid="measure-done">{t(L('办结', '辦結', 'Close'))}</Button> },
        ]}
      />
      <Modal open={!!closing} onOk={close} onCancel={() => setClosing(null)} title={t(L('办结措施', '辦結措施', 'Close the measure'))} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t(L('整改情况', '整改情況', 'What was done'))} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="measure-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
