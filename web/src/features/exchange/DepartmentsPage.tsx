import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { ApiOutlined, EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DepartmentDto } from '../../../../contracts/exchange';
import { untypedApi, ApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ITEM_LABELS, KIND_LABELS, MODE_LABELS } from './labels';

const ITEM_KINDS = ['name', 'address', 'regionCode', 'legalRepName', 'registeredCapitalFen', 'businessScope', 'industryCode', 'investors'];
const FORM_FIELDS = ['code', 'name', 'kind', 'deliveryMode', 'format', 'endpointUrl', 'timeoutMs', 'enabled', 'mapping'];

/** Admin: the linked departments, their declarative mappings, keys and the exchange settings. */
export default function DepartmentsPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<DepartmentDto | 'new' | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const list = useQuery({ queryKey: ['exchange', 'departments'], queryFn: ({ signal }) => untypedApi.get<{ items: DepartmentDto[] }>('/exchange/departments', undefined, signal) });
  const settings = useQuery({ queryKey: ['exchange', 'settings'], queryFn: ({ signal }) => untypedApi.get<{ lowRiskKinds: string[]; notifyDeadlineMinutes: number }>('/exchange/settings', undefined, signal) });

  function open(d: DepartmentDto | 'new') {
    setErrors([]);
    setEditing(d);
    form.resetFields();
    form.setFieldsValue(
      d === 'new'
        ? { kind: 'local', deliveryMode: 'push', format: 'json', timeoutMs: 5000, enabled: true, mapping: JSON.stringify([{ target: 'tyshxydm', source: ['creditCode'], transforms: [] }], null, 2) }
        : { ...d, mapping: JSON.stringify(d.mapping, null, 2) },
    );
  }

  async function save() {
    setErrors([]);
    const v = form.getFieldsValue();
    let mapping: unknown;
    try {
      mapping = JSON.parse(v.mapping);
    } catch {
      form.setFields([{ name: 'mapping', errors: [t(L('映射须为 JSON 数组', '映射須為 JSON 陣列', 'The mapping must be a JSON array'))] }]);
      return;
    }
    const body = { name: v.name, kind: v.kind, deliveryMode: v.deliveryMode, format: v.format, endpointUrl: v.endpointUrl || null, timeoutMs: v.timeoutMs, enabled: v.enabled, mapping };
    try {
      if (editing === 'new') {
        const created = await untypedApi.post<DepartmentDto & { secret: string; apiToken: string | null }>('/exchange/departments', { ...body, code: v.code });
        modal.info({
          title: t(L('请妥善保存以下凭据（仅显示一次）', '請妥善保存以下憑證（僅顯示一次）', 'Keep these credentials (shown once)')),
          content: (
            <Space direction="vertical">
              <span>
                {t(L('签名密钥', '簽章金鑰', 'Signing secret'))}（{created.keyId}）：<Typography.Text code copyable>{created.secret}</Typography.Text>
              </span>
              {created.apiToken ? (
                <span>
                  {t(L('拉取令牌', '拉取權杖', 'Pull token'))}：<Typography.Text code copyable>{created.apiToken}</Typography.Text>
                </span>
              ) : null}
            </Space>
          ),
        });
      } else if (editing) {
        await untypedApi.patch(`/exchange/departments/${editing.id}`, { ...body, version: editing.version });
        message.success(t(L('已保存', '已儲存', 'Saved')));
      }
      setEditing(null);
      await qc.invalidateQueries({ queryKey: ['exchange'] });
    } catch (err) {
      setErrors(applyFieldErrors(form, err, FORM_FIELDS));
      if (err instanceof ApiError && err.fields.some((f) => f.path.startsWith('mapping'))) {
        form.setFields([{ name: 'mapping', errors: err.fields.filter((f) => f.path.startsWith('mapping')).map((f) => `${f.path}: ${f.message}`) }]);
      }
    }
  }

  async function toggle(d: DepartmentDto, enabled: boolean) {
    try {
      await untypedApi.patch(`/exchange/departments/${d.id}`, { enabled, version: d.version });
      await qc.invalidateQueries({ queryKey: ['exchange', 'departments'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  }

  async function rotate(d: DepartmentDto) {
    try {
      const r = await untypedApi.post<{ keyId: string; secret: string; previousKeyId: string | null }>(`/exchange/departments/${d.id}/rotate-secret`);
      modal.info({
        title: t(L('新签名密钥（仅显示一次）', '新簽章金鑰（僅顯示一次）', 'New signing secret (shown once)')),
        content: (
          <Space direction="vertical">
            <span>
              {r.keyId}：<Typography.Text code copyable>{r.secret}</Typography.Text>
            </span>
            <span>{t(L('旧密钥 {k} 在过渡期内仍可用于回调验签', '舊金鑰 {k} 在過渡期內仍可用於回呼驗簽', 'The previous key {k} still verifies callbacks during the switch'), { k: r.previousKeyId ?? '—' })}</span>
          </Space>
        ),
      });
      await qc.invalidateQueries({ queryKey: ['exchange', 'departments'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  }

  async function issueToken(d: DepartmentDto) {
    try {
      const r = await untypedApi.post<{ apiToken: string }>(`/exchange/departments/${d.id}/api-token`);
      modal.info({
        title: t(L('新的拉取令牌（仅显示一次）', '新的拉取權杖（僅顯示一次）', 'New pull token (shown once)')),
        content: (
          <Space direction="vertical">
            <Typography.Text code copyable>{r.apiToken}</Typography.Text>
            <span>GET /api/exchange/feed?after=0&amp;limit=100 · Authorization: Bearer …</span>
          </Space>
        ),
      });
      await qc.invalidateQueries({ queryKey: ['exchange', 'departments'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  }

  async function saveSettings(v: { lowRiskKinds: string[]; notifyDeadlineMinutes: number }) {
    try {
      await untypedApi.put('/exchange/settings', v);
      message.success(t(L('已保存', '已儲存', 'Saved')));
      await qc.invalidateQueries({ queryKey: ['exchange', 'settings'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span data-testid="page-title">{t(L('共享部门与字段映射', '共享部門與欄位映射', 'Linked departments and mappings'))}</span>}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="new-department">
            {t(L('新增部门', '新增部門', 'New department'))}
          </Button>
        }
      >
        <ErrorAlert error={list.error} />
        <Table<DepartmentDto>
          rowKey="id"
          size="small"
          pagination={false}
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          data-testid="departments"
          expandable={{ expandedRowRender: (d) => <pre style={{ margin: 0, fontSize: 12 }}>{JSON.stringify(d.mapping, null, 2)}</pre> }}
          columns={[
            { title: t(L('代码', '代碼', 'Code')), dataIndex: 'code', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t(L('名称', '名稱', 'Name')), dataIndex: 'name' },
            { title: t(L('类型', '類型', 'Kind')), dataIndex: 'kind', render: (k: string) => t(KIND_LABELS[k]) },
            { title: t(L('方式', '方式', 'Mode')), dataIndex: 'deliveryMode', render: (m: string, d) => <Space>{t(MODE_LABELS[m])}{d.format === 'xml' ? <Tag>XML</Tag> : null}</Space> },
            { title: t(L('接收地址', '接收位址', 'Endpoint')), dataIndex: 'endpointUrl', ellipsis: true, render: (v: string | null) => v ?? '—' },
            { title: t(L('字段数', '欄位數', 'Fields')), render: (_: unknown, d) => d.mapping.length },
            { title: t(L('密钥', '金鑰', 'Key')), dataIndex: 'keyId' },
            { title: t(L('启用', '啟用', 'Enabled')), dataIndex: 'enabled', render: (v: boolean, d) => <Switch size="small" checked={v} onChange={(on) => toggle(d, on)} /> },
            {
              title: t('common.actions'),
              width: 300,
              render: (_: unknown, d) => (
                <Space>
                  <Button size="small" icon={<EditOutlined />} onClick={() => open(d)}>
                    {t(L('编辑', '編輯', 'Edit'))}
                  </Button>
                  <Button size="small" icon={<KeyOutlined />} onClick={() => rotate(d)}>
                    {t(L('轮换密钥', '輪換金鑰', 'Rotate key'))}
                  </Button>
                  {d.deliveryMode !== 'push' ? (
                    <Button size="small" icon={<ApiOutlined />} onClick={() => issueToken(d)}>
                      {t(L('拉取令牌', '拉取權杖', 'Pull token'))}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Card title={t(L('审核与告知设置', '審核與告知設定', 'Approval and notification settings'))}>
        <ErrorAlert error={settings.error} />
        {settings.data ? (
          <Form layout="vertical" initialValues={settings.data} onFinish={saveSettings} style={{ maxWidth: 720 }}>
            <Form.Item name="lowRiskKinds" label={t(L('低风险事项（提交即自动核准）', '低風險事項（提交即自動核准）', 'Low-risk items (approved automatically)'))}>
              <Checkbox.Group options={ITEM_KINDS.map((k) => ({ value: k, label: t(ITEM_LABELS[k]) }))} />
            </Form.Item>
            <Form.Item name="notifyDeadlineMinutes" label={t(L('告知期限（分钟）：届时未全部确认也告知企业', '告知期限（分鐘）：屆時未全部確認也告知企業', 'Notification deadline (minutes): the business is told then even if some departments have not acknowledged'))}>
              <InputNumber min={1} max={43200} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.save')}
            </Button>
          </Form>
        ) : null}
      </Card>

      <Modal open={!!editing} width={760} title={editing === 'new' ? t(L('新增部门', '新增部門', 'New department')) : t(L('编辑部门', '編輯部門', 'Edit department'))} onOk={save} onCancel={() => setEditing(null)} okText={t('common.save')}>
        {errors.length ? <Alert type="error" showIcon title={errors.join('；')} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical">
          <Form.Item name="code" label={t(L('代码', '代碼', 'Code'))}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="name" label={t(L('名称', '名稱', 'Name'))}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="kind" label={t(L('类型', '類型', 'Kind'))}>
              <Select style={{ width: 180 }} options={Object.keys(KIND_LABELS).map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))} />
            </Form.Item>
            <Form.Item name="deliveryMode" label={t(L('方式', '方式', 'Mode'))}>
              <Select style={{ width: 160 }} options={Object.keys(MODE_LABELS).map((k) => ({ value: k, label: t(MODE_LABELS[k]) }))} />
            </Form.Item>
            <Form.Item name="format" label={t(L('格式', '格式', 'Format'))}>
              <Select style={{ width: 100 }} options={[{ value: 'json', label: 'JSON' }, { value: 'xml', label: 'XML' }]} />
            </Form.Item>
            <Form.Item name="timeoutMs" label={t(L('超时（毫秒）', '逾時（毫秒）', 'Timeout (ms)'))}>
              <InputNumber min={100} max={60000} />
            </Form.Item>
            <Form.Item name="enabled" label={t(L('启用', '啟用', 'Enabled'))} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="endpointUrl" label={t(L('接收地址（推送）', '接收位址（推送）', 'Endpoint URL (push)'))}>
            <Input placeholder="https://..." />
          </Form.Item>
          <Form.Item
            name="mapping"
            label={t(L('字段映射（JSON）', '欄位映射（JSON）', 'Field mapping (JSON)'))}
            extra={t(
              L(
                '每项：target 目标字段名；source 登记库字段；transforms：codeTable（table）、enum（map）、date（format: YYYYMMDD / YYYY-MM-DD）、amount（unit: yuan / wanyuan）、join（separator）',
                '每項：target 目標欄位名；source 登記庫欄位；transforms：codeTable（table）、enum（map）、date（format: YYYYMMDD / YYYY-MM-DD）、amount（unit: yuan / wanyuan）、join（separator）',
                'Each entry: target (the department\'s field), source (register fields), transforms: codeTable (table), enum (map), date (format YYYYMMDD / YYYY-MM-DD), amount (unit yuan / wanyuan), join (separator)',
              ),
            )}
          >
            <Input.TextArea rows={12} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="mapping-json" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
