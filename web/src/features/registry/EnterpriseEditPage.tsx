import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useLocale, useT } from '../../lib/i18n';
import { fenToWan, formatWanYuan } from '../../lib/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { F, STATUS_LABELS } from './labels';
import { correctionItems, diffLines, type CorrectionForm, type DiffLine } from './correction';

const FIELDS = ['name', 'address', 'legalRepName', 'legalRepIdNumber', 'capitalWan', 'businessScope', 'industryCode', 'status'];
const LABELS: Record<string, ReturnType<typeof L>> = {
  name: F.name,
  address: F.address,
  legalRepName: F.legalRep,
  legalRepIdNumber: F.legalRepId,
  registeredCapitalFen: F.capital,
  businessScope: F.scope,
  industryCode: F.industryCode,
  status: F.status,
};

/** Registrar: correct an enterprise's registered items; the confirmation shows old → new before saving. */
export default function EnterpriseEditPage() {
  const t = useT();
  const [locale] = useLocale();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectionForm>();
  const [confirm, setConfirm] = useState<{ items: Record<string, unknown>; lines: DiffLine[] } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const q = useQuery({ queryKey: ['registry', 'detail', code, locale], queryFn: ({ signal }) => api.get('/api/enterprises/{code}', { path: { code }, signal }) });
  const e = q.data;
  const initial = useMemo(
    () => (e ? { name: e.name, address: e.address, legalRepName: e.legalRepName, capitalWan: fenToWan(e.registeredCapitalFen), businessScope: e.businessScope, industryCode: e.industryCode, status: e.status } : undefined),
    [e],
  );

  const show = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return '—';
    if (field === 'registeredCapitalFen' && typeof v === 'number') return formatWanYuan(v, locale);
    if (field === 'status' && typeof v === 'string' && STATUS_LABELS[v]) return t(STATUS_LABELS[v]);
    return String(v);
  };

  function review() {
    if (!e) return;
    setErrors([]);
    const items = correctionItems(e, form.getFieldsValue());
    if (!Object.keys(items).length) {
      setErrors([t(L('没有修改任何事项', '沒有修改任何事項', 'Nothing was changed'))]);
      return;
    }
    setConfirm({ items, lines: diffLines(e, items) });
  }

  async function save() {
    if (!e || !confirm || saving) return;
    setSaving(true);
    try {
      await api.patch('/api/enterprises/{code}', { path: { code }, body: { version: e.version, ...confirm.items } });
      message.success(t(L('已更正，相关部门将自动同步', '已更正，相關部門將自動同步', 'Corrected; the linked departments are being updated')));
      setConfirm(null);
      await qc.invalidateQueries({ queryKey: ['registry'] });
      navigate(`/staff/registry/${encodeURIComponent(code)}`);
    } catch (err) {
      setConfirm(null);
      setErrors(err instanceof ApiError && err.code === 'VERSION_CONFLICT' ? [err.message] : applyFieldErrors(form, err, FIELDS, { registeredCapitalFen: 'capitalWan' }));
    } finally {
      setSaving(false);
    }
  }

  const back = (
    <Link to={`/staff/registry/${encodeURIComponent(code)}`}>
      <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
    </Link>
  );
  if (q.isPending) return <PageSpinner />;
  if (q.error || !e) return <Card extra={back}><ErrorAlert error={q.error} /></Card>;

  return (
    <Card title={<span data-testid="page-title">{t(L('更正登记事项', '更正登記事項', 'Correct registered items'))}</span>} extra={back}>
      <Typography.Paragraph type="secondary">
        {e.name} · <Typography.Text code>{e.creditCode}</Typography.Text>
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(L('保存后，更正经同一通道同步到所有相关部门，并告知该企业。', '儲存後，更正經同一通道同步到所有相關部門，並告知該企業。', 'Once saved, the correction reaches every linked department through the same channel, and the business is told.'))}
      />
      {errors.length ? <Alert type="error" showIcon title={errors.join('；')} style={{ marginBottom: 16 }} data-testid="form-errors" /> : null}
      <Form key={e.version} form={form} layout="vertical" initialValues={initial} style={{ maxWidth: 720 }}>
        <Form.Item name="name" label={t(F.name)} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="edit-name" />
        </Form.Item>
        <Form.Item name="address" label={t(F.address)} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="edit-address" />
        </Form.Item>
        <Form.Item name="legalRepName" label={t(F.legalRep)} rules={[{ required: true }]}>
          <Input data-testid="edit-legalRepName" />
        </Form.Item>
        <Form.Item
          name="legalRepIdNumber"
          label={t(F.legalRepId)}
          extra={t(L('更换法定代表人时填写新任人员的号码；不填则清除原号码。', '更換法定代表人時填寫新任人員的號碼；不填則清除原號碼。', 'For a new representative, enter their number; left empty, the previous number is cleared.'))}
        >
          <Input placeholder={e.legalRepIdMasked ?? ''} autoComplete="off" data-testid="edit-legalRepIdNumber" />
        </Form.Item>
        <Form.Item name="capitalWan" label={t(F.capitalWan)}>
          <InputNumber min={0} precision={6} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="businessScope" label={t(F.scope)}>
          <Input.TextArea rows={3} data-testid="edit-businessScope" />
        </Form.Item>
        <Form.Item name="industryCode" label={t(F.industryCode)}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="status" label={t(F.status)}>
          <Select style={{ width: 200 }} options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label: t(label) }))} data-testid="edit-status" />
        </Form.Item>
        <Button type="primary" icon={<SaveOutlined />} onClick={review} data-testid="edit-review">
          {t(L('检查并保存', '檢查並儲存', 'Review and save'))}
        </Button>
      </Form>
      <Modal
        open={!!confirm}
        title={t(L('确认更正', '確認更正', 'Confirm the correction'))}
        okText={t(L('确认保存', '確認儲存', 'Save'))}
        onOk={save}
        confirmLoading={saving}
        okButtonProps={{ disabled: saving, ...({ 'data-testid': 'edit-confirm' } as Record<`data-${string}`, string>) }}
        onCancel={() => setConfirm(null)}
      >
        <Descriptions bordered size="small" column={1} data-testid="edit-diff">
          {confirm?.lines.map((l) => (
            <Descriptions.Item key={l.field} label={LABELS[l.field] ? t(LABELS[l.field]) : l.field}>
              <Typography.Text delete type="secondary">
                {show(l.field, l.before)}
              </Typography.Text>{' '}
              → <b>{show(l.field, l.after)}</b>
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Modal>
    </Card>
  );
}
