import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Switch, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { BOOKING_STATUS } from './labels';

type Booking = ResponseOf<'/api/service/clinic/bookings', 'get'>['items'][number];

/** The directors' clinic for staff: sessions, bookings, the prescription (director) and the outcome report (department). */
export default function ClinicPage() {
  const t = useT();
  const qc = useQueryClient();
  const { can, actor } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [sessionForm] = Form.useForm();
  const [acting, setActing] = useState<{ b: Booking; kind: 'prescribe' | 'report' } | null>(null);
  const [holding, setHolding] = useState(false);
  const sessions = useQuery({ queryKey: ['service', 'clinic', 'sessions'], queryFn: () => api.get('/api/service/clinic/sessions') });
  const bookings = useQuery({ queryKey: ['service', 'clinic', 'bookings'], queryFn: () => api.get('/api/service/clinic/bookings') });
  const refresh = () => qc.invalidateQueries({ queryKey: ['service', 'clinic'] });

  async function submit() {
    if (!acting) return;
    const v = await form.validateFields();
    try {
      if (acting.kind === 'prescribe') {
        await api.post('/api/service/clinic/bookings/{id}/prescribe', { path: { id: acting.b.id }, body: { version: acting.b.version, prescription: v.prescription, actions: [{ department: v.department, action: v.action }], reportOwnerId: v.reportOwnerId } });
      } else {
        await api.post('/api/service/clinic/bookings/{id}/report', { path: { id: acting.b.id }, body: { version: acting.b.version, report: v.report, solved: !!v.solved } });
      }
      setActing(null);
      form.resetFields();
      await refresh();
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['prescription', 'reportOwnerId', 'report']);
      if (rest.length) message.error(rest.join('；'));
    }
  }
  async function hold() {
    const v = await sessionForm.validateFields();
    try {
      await api.post('/api/service/clinic/sessions', { body: { theme: v.theme, heldOn: v.heldOn.format('YYYY-MM-DD'), place: v.place ?? '', slots: v.slots, regionCode: v.regionCode } });
      setHolding(false);
      await refresh();
    } catch (e) {
      message.error(String((e as Error).message));
    }
  }

  const mySessions = new Set((sessions.data?.items ?? []).filter((s) => s.directorId === actor?.id).map((s) => s.id));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={<span data-testid="page-title">{t(L('厅局长坐诊接诉', '廳局長坐診接訴', "Directors' clinic"))}</span>}
        extra={can('service.clinic.hold') && <Button onClick={() => setHolding(true)} data-testid="hold-session">{t(L('发布坐诊', '發佈坐診', 'Announce a session'))}</Button>}
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={sessions.data?.items ?? []}
          columns={[
            { title: t(L('坐诊主题', '坐診主題', 'Theme')), dataIndex: 'theme' },
            { title: t(L('坐诊领导', '坐診領導', 'Director')), dataIndex: 'directorName' },
            { title: t(L('日期', '日期', 'Date')), dataIndex: 'heldOn' },
            { title: t(L('号源', '號源', 'Slots')), render: (_, s) => `${s.booked} / ${s.slots}` },
          ]}
        />
      </Card>
      <Card title={t(L('挂号企业与处方', '掛號企業與處方', 'Bookings and prescriptions'))}>
        <Table
          rowKey="id"
          size="small"
          dataSource={bookings.data?.items ?? []}
          columns={[
            { title: t(L('企业', '企業', 'Business')), dataIndex: 'enterpriseName' },
            { title: t(L('主题', '主題', 'Theme')), dataIndex: 'theme' },
            { title: t(L('“病症”', '「病症」', 'Problem')), dataIndex: 'problem' },
            { title: t(L('“处方”', '「處方」', 'Prescription')), render: (_, b) => b.prescription && <span>{b.prescription}（{b.actions.map((a) => `${a.department}：${a.action}`).join('；')}）</span> },
            { title: t(L('成效反馈期限', '成效回饋期限', 'Report due')), render: (_, b) => b.reportDueOn && <span data-testid="report-due">{b.reportDueOn}{b.reportDueProvisional ? t(L('（预计）', '（預計）', ' (provisional)')) : ''}</span> },
            { title: t(L('状态', '狀態', 'Status')), render: (_, b) => <Tag>{t(BOOKING_STATUS[b.status])}</Tag> },
            {
              title: '',
              render: (_, b) =>
                b.status === 'booked' && mySessions.has(b.sessionId) ? (
                  <Button size="small" onClick={() => setActing({ b, kind: 'prescribe' })} data-testid="prescribe">{t(L('开处方', '開處方', 'Prescribe'))}</Button>
                ) : b.status === 'prescribed' && (b.reportOwnerId === actor?.id || mySessions.has(b.sessionId)) ? (
                  <Button size="small" onClick={() => setActing({ b, kind: 'report' })} data-testid="report">{t(L('反馈成效', '回饋成效', 'Report outcome'))}</Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal open={!!acting} onOk={submit} onCancel={() => setActing(null)} title={acting?.kind === 'prescribe' ? t(L('开具处方', '開具處方', 'Write the prescription')) : t(L('反馈办理成效', '回饋辦理成效', 'Report the outcome'))} destroyOnHidden>
        <Form form={form} layout="vertical">
          {acting?.kind === 'prescribe' ? (
            <>
              <Form.Item name="prescription" label={t(L('处方', '處方', 'Prescription'))} rules={[{ required: true }]}><Input.TextArea data-testid="rx-text" /></Form.Item>
              <Form.Item name="department" label={t(L('交办部门', '交辦部門', 'Department'))} rules={[{ required: true }]}><Input data-testid="rx-department" /></Form.Item>
              <Form.Item name="action" label={t(L('交办事项', '交辦事項', 'Action'))} rules={[{ required: true }]}><Input data-testid="rx-action" /></Form.Item>
              <Form.Item name="reportOwnerId" label={t(L('成效反馈责任人账号 ID', '成效回饋責任人帳號 ID', 'Report owner account id'))} rules={[{ required: true }]}><Input data-testid="rx-owner" /></Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="report" label={t(L('办理成效', '辦理成效', 'Outcome'))} rules={[{ required: true }]}><Input.TextArea data-testid="report-text" /></Form.Item>
              <Form.Item name="solved" label={t(L('问题已解决', '問題已解決', 'Solved'))} valuePropName="checked" initialValue={true}><Switch data-testid="report-solved" /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <Modal open={holding} onOk={hold} onCancel={() => setHolding(false)} title={t(L('发布坐诊', '發佈坐診', 'Announce a session'))} destroyOnHidden>
        <Form form={sessionForm} layout="vertical" initialValues={{ slots: 20, regionCode: actor?.jurisdiction ?? '3301' }}>
          <Form.Item name="theme" label={t(L('主题', '主題', 'Theme'))} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="heldOn" label={t(L('日期', '日期', 'Date'))} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="place" label={t(L('地点', '地點', 'Place'))}><Input /></Form.Item>
          <Form.Item name="slots" label={t(L('号源数', '號源數', 'Slots'))}><InputNumber min={1} /></Form.Item>
          <Form.Item name="regionCode" label={t(L('区划代码', '區劃代碼', 'Region code'))}><Input /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
