import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api, type BodyOf } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { ENTERPRISE_TYPE_LABELS, F, REGION_OPTIONS } from './labels';
import { wanToFen } from '../../lib/money';

interface Values {
  creditCode: string;
  name: string;
  type: BodyOf<'/api/enterprises', 'post'>['type'];
  legalRepName: string;
  legalRepIdNumber?: string;
  capitalWan: number;
  address: string;
  regionCode: string;
  industryCode: string;
  businessScope?: string;
  establishedOn: string;
}

const FIELDS = ['creditCode', 'name', 'type', 'legalRepName', 'legalRepIdNumber', 'capitalWan', 'address', 'regionCode', 'industryCode', 'businessScope', 'establishedOn'];

export default function EnterpriseCreatePage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const required = { required: true, message: t(L('必填', '必填', 'Required')) };

  async function submit(v: Values) {
    setBusy(true);
    setProblems([]);
    try {
      const body = {
        creditCode: v.creditCode.trim().toUpperCase(),
        name: v.name,
        type: v.type,
        legalRepName: v.legalRepName,
        legalRepIdNumber: v.legalRepIdNumber?.trim() || null,
        registeredCapitalFen: wanToFen(v.capitalWan),
        address: v.address,
        regionCode: v.regionCode,
        industryCode: v.industryCode.trim(),
        businessScope: v.businessScope ?? '',
        establishedOn: v.establishedOn,
        investors: [],
      };
      const created = await api.post('/api/enterprises', { body });
      await qc.invalidateQueries({ queryKey: ['registry'] });
      message.success(t(L('已登记', '已登記', 'Registered')));
      navigate(`/staff/registry/${encodeURIComponent(created.creditCode)}`);
    } catch (e) {
      setProblems(applyFieldErrors(form, e, FIELDS, { registeredCapitalFen: 'capitalWan' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={<span data-testid="page-title">{t(L('新增市场主体', '新增市場主體', 'Register a new enterprise'))}</span>}
      extra={
        <Link to="/staff/registry">
          <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
        </Link>
      }
    >
      {problems.length ? <Alert type="error" showIcon title={problems.join('；')} style={{ marginBottom: 16 }} data-testid="form-error" /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'limited_company', capitalWan: 100 }} data-testid="enterprise-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="creditCode" label={t(F.creditCode)} rules={[required]}>
              <Input maxLength={30} data-testid="field-creditCode" placeholder="91330102MA2XXXXXXX" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t(F.name)} rules={[required]}>
              <Input maxLength={200} data-testid="field-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={t(F.type)} rules={[required]}>
              <Select options={Object.entries(ENTERPRISE_TYPE_LABELS).map(([k, v]) => ({ value: k, label: t(v) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="capitalWan" label={t(F.capitalWan)} rules={[required]}>
              <InputNumber min={0} step={10} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="legalRepName" label={t(F.legalRep)} rules={[required]}>
              <Input maxLength={100} data-testid="field-legalRepName" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="legalRepIdNumber" label={t(F.legalRepId)}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={t(F.region)} rules={[required]}>
              <Select data-testid="field-regionCode" options={REGION_OPTIONS.map((r) => ({ value: r.code, label: `${t(r.name)} (${r.code})` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industryCode" label={t(F.industryCode)} rules={[required]}>
              <Input maxLength={10} placeholder="5191" data-testid="field-industryCode" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="establishedOn" label={t(F.establishedOn)} rules={[required]}>
              <Input type="date" data-testid="field-establishedOn" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label={t(F.address)} rules={[required]}>
              <Input maxLength={300} data-testid="field-address" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="businessScope" label={t(F.scope)}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="submit">
            {t('common.submit')}
          </Button>
          <Link to="/staff/registry">
            <Button>{t('common.cancel')}</Button>
          </Link>
        </Space>
      </Form>
    </Card>
  );
}
