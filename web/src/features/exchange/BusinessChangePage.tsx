import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { EyeOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnterpriseDto } from '../../../../contracts/registry';
import { untypedApi, type Page } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { formatDateTime, L, useLocale, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CHANGE_STATUS_COLORS, CHANGE_STATUS_LABELS, ITEM_LABELS, type Change, type FieldChange } from './labels';
import { ChangeSummary, DepartmentFields } from './ChangeSummary';
import { fenToWan, wanToFen } from '../../lib/money';

interface Preview {
  creditCode: string;
  changedFields: string[];
  departments: { id: string; code: string; name: string; channel: string; fields: FieldChange[] }[];
}

const FIELDS = ['name', 'address', 'legalRepName', 'capitalWan', 'businessScope', 'industryCode', 'contactPhone'];

/** Business portal: file one change of registered items; see which departments will be updated; follow it. */
export default function BusinessChangePage() {
  const t = useT();
  const [locale] = useLocale();
  const { actor } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [code, setCode] = useState<string | undefined>(actor?.enterprises[0]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  // One key per edit: submitting the same values again (a double click, a second submit after
  // success) returns the change already filed; changing a value starts a new filing.
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  const [filed, setFiled] = useState(false);
  const mine = useQuery({
    queryKey: ['exchange', 'my-enterprises', locale],
    queryFn: ({ signal }) => untypedApi.get<Page<{ creditCode: string; name: string }>>('/enterprises', { limit: 200 }, signal),
  });
  const names = new Map((mine.data?.items ?? []).map((x) => [x.creditCode, x.name]));

  const enterprise = useQuery({
    queryKey: ['exchange', 'enterprise', code, locale],
    enabled: !!code,
    queryFn: ({ signal }) => untypedApi.get<EnterpriseDto>(`/enterprises/${encodeURIComponent(code!)}`, undefined, signal),
  });
  const changes = useQuery({ queryKey: ['exchange', 'my-changes'], queryFn: ({ signal }) => untypedApi.get<Page<Change>>('/exchange/changes', { limit: 50 }, signal) });
  const detail = useQuery({ queryKey: ['exchange', 'change', openId], enabled: !!openId, queryFn: ({ signal }) => untypedApi.get<Change>(`/exchange/changes/${openId}`, undefined, signal) });

  const e = enterprise.data;
  const initial = useMemo(
    () => (e ? { name: e.name, address: e.address, legalRepName: e.legalRepName, capitalWan: fenToWan(e.registeredCapitalFen), businessScope: e.businessScope, industryCode: e.industryCode } : undefined),
    [e],
  );

  function items() {
    const v = form.getFieldsValue();
    const out: Record<string, unknown> = {};
    if (!e) return out;
    if (v.name && v.name !== e.name) out.name = v.name;
    if (v.address && v.address !== e.address) out.address = v.address;
    if (v.legalRepName && v.legalRepName !== e.legalRepName) out.legalRepName = v.legalRepName;
    if (typeof v.capitalWan === 'number' && wanToFen(v.capitalWan) !== e.registeredCapitalFen) out.registeredCapitalFen = wanToFen(v.capitalWan);
    if (typeof v.businessScope === 'string' && v.businessScope !== e.businessScope) out.businessScope = v.businessScope;
    if (v.industryCode && v.industryCode !== e.industryCode) out.industryCode = v.industryCode;
    return out;
  }

  async function doPreview() {
    setErrors([]);
    try {
      setPreview(await untypedApi.post<Preview>('/exchange/changes/preview', { creditCode: code, items: items() }));
    } catch (err) {
      setErrors(applyFieldErrors(form, err, FIELDS, { registeredCapitalFen: 'capitalWan' }));
    }
  }

  async function submit() {
    setErrors([]);
    setBusy(true);
    try {
      const phone = form.getFieldValue('contactPhone');
      const c = await untypedApi.post<Change>('/exchange/changes', { creditCode: code, items: items(), idempotencyKey, ...(phone ? { contactPhone: phone } : {}) });
      message.success(
        c.status === 'approved'
          ? t(L('已自动核准，正在同步相关部门', '已自動核准，正在同步相關部門', 'Approved automatically; the departments are being updated'))
          : t(L('已提交，等待登记机关审核', '已提交，等待登記機關審核', 'Filed; awaiting the registrar')),
      );
      setFiled(true);
      setPreview(null);
      await qc.invalidateQueries({ queryKey: ['exchange'] });
    } catch (err) {
      setErrors(applyFieldErrors(form, err, FIELDS, { registeredCapitalFen: 'capitalWan', items: 'name' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<span data-testid="page-title">{t(L('企业信息变更（一次办理，多部门同步）', '企業資訊變更（一次辦理，多部門同步）', 'Change registered items (file once, every department updated)'))}</span>}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(
            L(
              '核准后，税务、社保、医保、公积金等相关部门将自动更新，无需另行填表或登录确认，办结后统一通知您。',
              '核准後，稅務、社保、醫保、公積金等相關部門將自動更新，無需另行填表或登入確認，辦結後統一通知您。',
              'Once approved, tax, social insurance, medical insurance, housing fund and the other departments are updated for you: no other form, no confirmation log-in; you are told once when it is done.',
            ),
          )}
        />
        <Space style={{ marginBottom: 16 }} wrap>
          <span>{t(L('企业', '企業', 'Enterprise'))}</span>
          <Select
            style={{ minWidth: 280 }}
            value={code}
            onChange={(v) => {
              setCode(v);
              setPreview(null);
              setFiled(false);
              setKey(crypto.randomUUID());
            }}
            showSearch={{ optionFilterProp: 'search' }}
            options={(actor?.enterprises ?? []).map((c) => ({
              value: c,
              search: `${names.get(c) ?? ''} ${c}`,
              label: (
                <span>
                  {names.get(c) ?? c} {names.get(c) ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c}</Typography.Text> : null}
                </span>
              ),
            }))}
            data-testid="enterprise-select"
          />
        </Space>
        <ErrorAlert error={enterprise.error} />
        {errors.length ? <Alert type="error" showIcon title={errors.join('；')} style={{ marginBottom: 16 }} data-testid="form-errors" /> : null}
        {e ? (
          <Form key={e.creditCode + e.version} form={form} layout="vertical" initialValues={initial} onValuesChange={() => {
              setPreview(null);
              if (filed) {
                setFiled(false);
                setKey(crypto.randomUUID());
              }
            }} style={{ maxWidth: 720 }}>
            <Form.Item name="name" label={t(ITEM_LABELS.name)}>
              <Input data-testid="field-name" />
            </Form.Item>
            <Form.Item name="address" label={t(ITEM_LABELS.address)}>
              <Input data-testid="field-address" />
            </Form.Item>
            <Form.Item name="legalRepName" label={t(ITEM_LABELS.legalRepName)}>
              <Input data-testid="field-legalRepName" />
            </Form.Item>
            <Form.Item name="capitalWan" label={`${t(ITEM_LABELS.registeredCapitalFen)}（${t(L('万元', '萬元', '10k yuan'))}）`}>
              <InputNumber min={0} precision={6} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="businessScope" label={t(ITEM_LABELS.businessScope)}>
              <Input.TextArea rows={3} data-testid="field-businessScope" />
            </Form.Item>
            <Form.Item name="industryCode" label={t(ITEM_LABELS.industryCode)}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="contactPhone" label={t(L('接收办结短信的手机号（选填）', '接收辦結簡訊的手機號（選填）', 'Mobile for the completion SMS (optional)'))}>
              <Input style={{ width: 240 }} />
            </Form.Item>
            <Space>
              <Button icon={<EyeOutlined />} onClick={doPreview} data-testid="preview">
                {t(L('预览将同步的部门', '預覽將同步的部門', 'Preview the departments'))}
              </Button>
              <Button type="primary" icon={<SendOutlined />} onClick={submit} loading={busy} disabled={busy || filed} data-testid="submit">
                {filed ? t(L('已提交', '已提交', 'Filed')) : t('common.submit')}
              </Button>
            </Space>
          </Form>
        ) : null}
        {preview ? (
          <Card size="small" style={{ marginTop: 16 }} title={t(L('将同步的部门', '將同步的部門', 'Departments to be updated'))} data-testid="preview-result">
            {preview.departments.length === 0 ? (
              <Typography.Text type="secondary">{t(L('没有部门需要更新', '沒有部門需要更新', 'No department needs this change'))}</Typography.Text>
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={preview.departments}
                columns={[
                  { title: t(L('部门', '部門', 'Department')), dataIndex: 'name' },
                  {
                    title: t(L('将收到', '將收到', 'Will receive')),
                    render: (_: unknown, d: Preview['departments'][number]) => <DepartmentFields fields={d.fields} />,
                  },
                ]}
              />
            )}
          </Card>
        ) : null}
      </Card>

      <Card title={t(L('我的变更申请', '我的變更申請', 'My change filings'))}>
        <ErrorAlert error={changes.error} />
        <Table<Change>
          rowKey="id"
          size="small"
          loading={changes.isPending}
          dataSource={changes.data?.items ?? []}
          pagination={false}
          data-testid="my-changes"
          columns={[
            { title: t(L('企业', '企業', 'Enterprise')), dataIndex: 'enterpriseName' },
            { title: t(L('变更事项', '變更事項', 'Items')), dataIndex: 'kinds', render: (k: string[]) => k.map((x) => (ITEM_LABELS[x] ? t(ITEM_LABELS[x]) : x)).join('、') },
            { title: t(L('状态', '狀態', 'Status')), dataIndex: 'status', render: (s: string) => <Tag color={CHANGE_STATUS_COLORS[s]}>{t(CHANGE_STATUS_LABELS[s])}</Tag> },
            { title: t(L('提交时间', '提交時間', 'Filed')), dataIndex: 'filedAt', render: (v: string) => formatDateTime(v, locale) },
            { title: t(L('办结', '辦結', 'Done')), dataIndex: 'completedAt', render: (v: string | null) => (v ? formatDateTime(v, locale) : '—') },
            { title: t('common.actions'), render: (_: unknown, c) => <Button size="small" onClick={() => setOpenId(c.id)}>{t('common.view')}</Button> },
          ]}
        />
      </Card>

      <Drawer open={!!openId} onClose={() => setOpenId(null)} size="large" title={detail.data?.enterpriseName}>
        <ErrorAlert error={detail.error} />
        {detail.data ? <ChangeSummary change={detail.data} /> : null}
      </Drawer>
    </Space>
  );
}
