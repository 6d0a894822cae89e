import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CATEGORY, REGION_OPTIONS } from './labels';

const UNIT_KIND = { department: L('部门', '部門', 'Department'), industry_committee: L('行业调解委员会', '行業調解委員會', 'Industry mediation committee') } as const;

/**
 * 分办规则: which department or industry mediation committee takes a complaint, by its category and
 * the respondent's industry (GB/T 4754 code prefix). Read by complaints staff, edited by the director.
 */
export default function RoutingRulesPage() {
  const t = useT();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [modal, setModal] = useState<'rule' | 'unit' | null>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['complaint-routing'], queryFn: () => api.get('/api/complaints/routing') });
  const manage = can('complaints.routing.manage');

  async function save() {
    const v = await form.validateFields();
    try {
      if (modal === 'unit') await api.post('/api/complaints/routing/units', { body: v });
      else await api.post('/api/complaints/routing/rules', { body: { ...v, industryPrefix: v.industryPrefix?.trim() || null, category: v.category ?? null } });
      setModal(null);
      await qc.invalidateQueries({ queryKey: ['complaint-routing'] });
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['name', 'kind', 'regionCode', 'category', 'industryPrefix', 'unitId', 'priority', 'note']);
      if (rest.length) message.error(rest.join('；'));
    }
  }
  async function toggle(id: string, version: number, active: boolean) {
    try {
      await api.patch('/api/complaints/routing/rules/{id}', { path: { id }, body: { version, active } });
      await qc.invalidateQueries({ queryKey: ['complaint-routing'] });
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  const any = t(L('任意', '任意', 'Any'));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={q.error} />
      <Card
        title={<span data-testid="page-title">{t(L('投诉分办规则', '投訴分辦規則', 'Complaint routing rules'))}</span>}
        extra={manage && <Space><Button onClick={() => setModal('unit')} data-testid="btn-new-unit">{t(L('新增承办单位', '新增承辦單位', 'New unit'))}</Button><Button type="primary" onClick={() => setModal('rule')} data-testid="btn-new-rule">{t(L('新增规则', '新增規則', 'New rule'))}</Button></Space>}
      >
        <Table
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data?.rules ?? []}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t(L('类别', '類別', 'Category')), dataIndex: 'category', render: (c: string | null) => (c ? t(CATEGORY[c]) : any) },
            { title: t(L('行业代码（GB/T 4754）', '行業代碼（GB/T 4754）', 'Industry (GB/T 4754)')), dataIndex: 'industryPrefix', render: (p: string | null) => p ?? any },
            { title: t(L('承办单位', '承辦單位', 'Handling unit')), dataIndex: 'unitName' },
            { title: t(L('优先级', '優先級', 'Priority')), dataIndex: 'priority' },
            { title: t(L('说明', '說明', 'Note')), dataIndex: 'note' },
            { title: t(L('启用', '啟用', 'Active')), render: (_: unknown, r) => <Switch size="small" checked={r.active} disabled={!manage} onChange={(a) => toggle(r.id, r.version, a)} /> },
          ]}
        />
      </Card>
      <Card title={t(L('承办单位', '承辦單位', 'Handling units'))} size="small">
        <Space wrap>{(q.data?.units ?? []).map((u) => <Tag key={u.id} color={u.kind === 'department' ? 'blue' : 'purple'}>{u.name}</Tag>)}</Space>
      </Card>
      <Modal open={modal !== null} title={t(modal === 'unit' ? L('新增承办单位', '新增承辦單位', 'New unit') : L('新增分办规则', '新增分辦規則', 'New routing rule'))} onCancel={() => setModal(null)} onOk={save} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          {modal === 'unit' ? (
            <>
              <Form.Item name="name" label={t(L('名称', '名稱', 'Name'))} rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
              <Form.Item name="kind" label={t(L('类型', '類型', 'Kind'))} initialValue="industry_committee"><Select options={Object.entries(UNIT_KIND).map(([k, l]) => ({ value: k, label: t(l) }))} /></Form.Item>
              <Form.Item name="regionCode" label={t(L('所在区划', '所在區劃', 'Region'))} initialValue="330100"><Select options={REGION_OPTIONS.map((r) => ({ value: r.value, label: t(r.label) }))} /></Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="category" label={t(L('投诉类别（空为任意）', '投訴類別（空為任意）', 'Category (empty: any)'))}><Select allowClear options={Object.entries(CATEGORY).map(([k, l]) => ({ value: k, label: t(l) }))} /></Form.Item>
              <Form.Item name="industryPrefix" label={t(L('行业代码前缀（门类字母或 2–4 位数字，空为任意）', '行業代碼前綴（門類字母或 2–4 位數字，空為任意）', 'Industry code prefix (section letter or 2–4 digits; empty: any)'))}><Input placeholder="H / 62 / 5271" /></Form.Item>
              <Form.Item name="unitId" label={t(L('承办单位', '承辦單位', 'Handling unit'))} rules={[{ required: true }]}><Select options={(q.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
              <Form.Item name="priority" label={t(L('优先级（小者优先）', '優先級（小者優先）', 'Priority (lower first)'))} initialValue={100}><InputNumber min={0} max={10000} /></Form.Item>
              <Form.Item name="note" label={t(L('说明', '說明', 'Note'))} initialValue=""><Input /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
