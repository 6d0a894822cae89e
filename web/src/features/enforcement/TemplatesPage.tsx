import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Table } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TemplateSchema } from '../../../../contracts/enforcement';
import { api } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DOC_KIND } from './labels';

type Template = z.infer<typeof TemplateSchema>;

/** The editable document templates (三书一函 and the others); legal reviewers edit, everyone who reads cases sees them. */
export default function TemplatesPage() {
  const t = useT();
  const qc = useQueryClient();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Template | null>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['enforcement', 'templates'], queryFn: ({ signal }) => api.get('/api/enforcement/templates', { signal }) });

  async function save() {
    if (!editing) return;
    const v = await form.validateFields();
    try {
      await api.put('/api/enforcement/templates/{kind}', { path: { kind: editing.kind }, body: { title: v.title, bodyTemplate: v.bodyTemplate, footer: v.footer ?? '', version: editing.version } });
      setEditing(null);
      await qc.invalidateQueries({ queryKey: ['enforcement', 'templates'] });
      message.success(t(L('已保存', '已儲存', 'Saved')));
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['title', 'bodyTemplate', 'footer']);
      if (rest.length) message.error(rest.join('；'));
    }
  }

  return (
    <Card title={t(L('执法文书模板', '執法文書範本', 'Document templates'))}>
      <ErrorAlert error={q.error} />
      <Table<Template>
        rowKey="kind"
        size="small"
        loading={q.isPending}
        pagination={false}
        dataSource={q.data?.items ?? []}
        columns={[
          { title: t(L('文书', '文書', 'Document')), dataIndex: 'kind', render: (v: string) => (DOC_KIND[v] ? t(DOC_KIND[v]) : v) },
          { title: t(L('标题', '標題', 'Title')), dataIndex: 'title' },
          { title: t(L('版本', '版本', 'Version')), dataIndex: 'version', width: 80 },
          {
            title: '',
            width: 100,
            render: (_: unknown, r) =>
              can('enforcement.template.update') ? (
                <Button size="small" onClick={() => { form.setFieldsValue({ title: r.title, bodyTemplate: r.bodyTemplate, footer: r.footer }); setEditing(r); }}>
                  {t(L('编辑', '編輯', 'Edit'))}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={!!editing} width={760} title={editing ? t(DOC_KIND[editing.kind] ?? L(editing.kind, editing.kind, editing.kind)) : ''} onOk={save} onCancel={() => setEditing(null)} forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="title" label={t(L('标题', '標題', 'Title'))} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="bodyTemplate" label={t(L('正文（{{占位符}}，每行一段）', '正文（{{佔位符}}，每行一段）', 'Body ({{placeholders}}, one paragraph a line)'))} rules={[{ required: true }]}>
            <Input.TextArea rows={10} />
          </Form.Item>
          <Form.Item name="footer" label={t(L('页脚说明', '頁腳說明', 'Footer note'))}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
