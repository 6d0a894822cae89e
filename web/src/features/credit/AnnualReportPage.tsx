import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { yuanToFen } from '../../lib/money';
import { chinaYear } from '../../lib/clock';

/** Business portal: file last year's annual report (1 January – 30 June); what is public and what is not. */
export default function AnnualReportPage() {
  const t = useT();
  const qc = useQueryClient();
  const { actor } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const year = chinaYear() - 1;
  const reports = useQuery({ queryKey: ['credit', 'reports'], queryFn: ({ signal }) => api.get('/api/credit/annual-reports', { signal }) });

  async function submit() {
    const v = await form.validateFields();
    setError(null);
    try {
      await api.post('/api/credit/annual-reports', {
        body: {
          creditCode: v.creditCode,
          year,
          public: { address: v.address, phone: v.phone, email: v.email || undefined, employees: v.employees, investors: [] },
          private: { assetsFen: yuanToFen(v.assets), liabilitiesFen: yuanToFen(v.liabilities), revenueFen: yuanToFen(v.revenue), profitFen: yuanToFen(v.profit), taxFen: yuanToFen(v.tax) },
        },
      });
      message.success(t(L('年度报告已报送', '年度報告已報送', 'Annual report filed')));
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['credit'] });
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  }

  const money = (name: string, label: ReturnType<typeof L>) => (
    <Col xs={24} sm={12}>
      <Form.Item name={name} label={t(label)} rules={[{ required: true }]}><InputNumber min={0} style={{ width: '100%' }} addonAfter="¥" /></Form.Item>
    </Col>
  );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} data-testid="page-title" style={{ margin: 0 }}>{t(L('企业年度报告', '企業年度報告', 'Annual report'))}</Typography.Title>
      <Card size="small" title={t(L(`报送 ${year} 年度报告（1月1日至6月30日）`, `報送 ${year} 年度報告（1月1日至6月30日）`, `File the ${year} report (1 January – 30 June)`))}>
        <Form form={form} layout="vertical" initialValues={{ creditCode: actor?.enterprises[0] }}>
          <Form.Item name="creditCode" label={t(L('企业', '企業', 'Enterprise'))} rules={[{ required: true }]}>
            <Select options={(actor?.enterprises ?? []).map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Typography.Text strong>{t(L('公示信息（向社会公示）', '公示資訊（向社會公示）', 'Public (published)'))}</Typography.Text>
          <Row gutter={12}>
            <Col xs={24} sm={12}><Form.Item name="address" label={t(L('通信地址', '通訊地址', 'Address'))} rules={[{ required: true, min: 2 }]}><Input /></Form.Item></Col>
            <Col xs={24} sm={12}><Form.Item name="phone" label={t(L('联系电话', '聯絡電話', 'Phone'))} rules={[{ required: true, min: 5 }]}><Input /></Form.Item></Col>
            <Col xs={24} sm={12}><Form.Item name="email" label={t(L('电子邮箱', '電子郵箱', 'E-mail'))}><Input /></Form.Item></Col>
            <Col xs={24} sm={12}><Form.Item name="employees" label={t(L('从业人数', '從業人數', 'Employees'))} rules={[{ required: true }]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
          </Row>
          <Typography.Text strong>{t(L('资产状况（企业选择是否公示，默认不公示）', '資產狀況（企業選擇是否公示，預設不公示）', 'Assets (not public by default)'))}</Typography.Text>
          <Row gutter={12}>
            {money('assets', L('资产总额', '資產總額', 'Total assets'))}
            {money('liabilities', L('负债总额', '負債總額', 'Liabilities'))}
            {money('revenue', L('营业总收入', '營業總收入', 'Revenue'))}
            {money('profit', L('利润总额', '利潤總額', 'Profit'))}
            {money('tax', L('纳税总额', '納稅總額', 'Tax'))}
          </Row>
          <ErrorAlert error={error} />
          <Button type="primary" block onClick={submit} data-testid="file-report">{t(L('报送', '報送', 'File'))}</Button>
        </Form>
      </Card>
      <Card size="small" title={t(L('已报送', '已報送', 'Filed'))}>
        <List
          dataSource={reports.data?.items ?? []}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <Space wrap>{r.creditCode}<Tag>{r.year}</Tag>{r.filedOn}{r.late ? <Tag color="orange">{t(L('逾期补报', '逾期補報', 'Filed late'))}</Tag> : null}</Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
