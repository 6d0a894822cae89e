import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { MEASURE_STATUS } from './labels';

type Finding = ResponseOf<'/api/service/findings', 'get'>['items'][number];

/** "One thing" items with their speed-up rates and loop state; findings turned into measures; the figures. */
export default function LoopPage() {
  const t = useT();
  const qc = useQueryClient();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [assigning, setAssigning] = useState<Finding | null>(null);
  const items = useQuery({ queryKey: ['service', 'items'], queryFn: () => api.get('/api/service/items') });
  const findings = useQuery({ queryKey: ['service', 'findings'], queryFn: () => api.get('/api/service/findings') });
  const figures = useQuery({ queryKey: ['service', 'figures'], queryFn: () => api.get('/api/service/figures'), enabled: can('service.figures.read'), retry: false });

  async function assign() {
    if (!assigning) return;
    const v = await form.validateFields();
    try {
      await api.post('/api/service/findings/{id}/measures', { path: { id: assigning.id }, body: { description: v.description, department: v.department, ownerId: v.ownerId, dueOn: v.dueOn.format('YYYY-MM-DD') } });
      setAssigning(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['service'] });
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['description', 'department', 'ownerId', 'dueOn']);
      if (rest.length) message.error(rest.join('；'));
    }
  }

  const f = figures.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} data-testid="page-title">{t(L('换位体验与闭环整改', '換位體驗與閉環整改', 'Service experience and the closed loop'))}</Typography.Title>
      {f && (
        <Row gutter={[16, 16]} data-testid="service-figures">
          {[
            [L('体验员队伍', '體驗員隊伍', 'Teams'), f.teams],
            [L('问题类别', '問題類別', 'Kinds of problems'), f.problemKinds],
            [L('整改措施', '整改措施', 'Measures'), f.measures],
            [L('意见建议', '意見建議', 'Suggestions'), f.suggestions],
            [L('“一件事”办件', '「一件事」辦件', '"One thing" cases'), f.oneThingCases],
            [L('承诺提速率 %', '承諾提速率 %', 'Committed speed-up %'), f.committedSpeedUp ?? '—'],
            [L('实际提速率 %', '實際提速率 %', 'Actual speed-up %'), f.actualSpeedUp ?? '—'],
            [L('满意率 %', '滿意率 %', 'Satisfaction %'), f.satisfactionRate ?? '—'],
          ].map(([label, value], i) => (
            <Col xs={12} md={6} key={i}><Card size="small"><Statistic title={t(label as ReturnType<typeof L>)} value={value as number | string} /></Card></Col>
          ))}
          <Col span={24}><Typography.Text type="secondary">{f.speedUpFormula.committed}；{f.speedUpFormula.actual}</Typography.Text></Col>
        </Row>
      )}
      <Card title={t(L('“一件事”事项', '「一件事」事項', '"One thing" items'))}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={items.data?.items ?? []}
          columns={[
            { title: t(L('事项', '事項', 'Item')), dataIndex: 'name' },
            { title: t(L('涉及部门', '涉及部門', 'Departments')), render: (_, i) => i.departments.join('、') },
            { title: t(L('法定时限（工作日）', '法定時限（工作日）', 'Statutory (working days)')), dataIndex: 'statutoryDays' },
            { title: t(L('承诺时限', '承諾時限', 'Committed')), dataIndex: 'committedDays' },
            { title: t(L('承诺提速率 %', '承諾提速率 %', 'Committed speed-up %')), dataIndex: 'committedSpeedUp' },
            { title: t(L('办件', '辦件', 'Cases')), dataIndex: 'cases' },
            { title: t(L('实际提速率 %', '實際提速率 %', 'Actual speed-up %')), render: (_, i) => i.actualSpeedUp ?? '—' },
            { title: t(L('闭环状态', '閉環狀態', 'Loop')), render: (_, i) => <Tag color={i.loopState === 'overdue' ? 'red' : i.loopState === 'closed' ? 'green' : 'blue'}>{i.loopStateLabel}</Tag> },
          ]}
        />
      </Card>
      <Card title={t(L('体验发现的问题', '體驗發現的問題', 'Findings'))}>
        <Table
          rowKey="id"
          size="small"
          dataSource={findings.data?.items ?? []}
          columns={[
            { title: t(L('事项', '事項', 'Item')), dataIndex: 'itemName' },
            { title: t(L('体验员', '體驗員', 'Experiencer')), dataIndex: 'experiencerName' },
            { title: t(L('分类', '分類', 'Category')), dataIndex: 'categoryLabel' },
            { title: t(L('问题', '問題', 'Finding')), dataIndex: 'description' },
            { title: t(L('措施', '措施', 'Measures')), render: (_, x) => x.measures.map((m) => <div key={m.id}>{m.description}（{m.department}，{m.dueOn}）<Tag>{t(MEASURE_STATUS[m.status])}</Tag></div>) },
            { title: '', render: (_, x) => can('service.measure.assign') && <Button size="small" onClick={() => setAssigning(x)} data-testid="assign-measure">{t(L('制定措施', '制定措施', 'Add measure'))}</Button> },
          ]}
        />
      </Card>
      <Modal open={!!assigning} onOk={assign} onCancel={() => setAssigning(null)} title={t(L('制定整改措施', '制定整改措施', 'Add a measure'))} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="description" label={t(L('措施', '措施', 'Measure'))} rules={[{ required: true }]}><Input data-testid="m-description" /></Form.Item>
          <Form.Item name="department" label={t(L('责任部门', '責任部門', 'Department'))} rules={[{ required: true }]}><Input data-testid="m-department" /></Form.Item>
          <Form.Item name="ownerId" label={t(L('责任人账号 ID', '責任人帳號 ID', 'Owner account id'))} rules={[{ required: true }]}><Input data-testid="m-owner" /></Form.Item>
          <Form.Item name="dueOn" label={t(L('整改期限', '整改期限', 'Due date'))} rules={[{ required: true }]}><DatePicker data-testid="m-due" /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
