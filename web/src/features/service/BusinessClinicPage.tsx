import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Rate, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { BOOKING_STATUS, LEVELS } from './labels';

type Session = ResponseOf<'/api/service/clinic/sessions', 'get'>['items'][number];
type Booking = ResponseOf<'/api/service/clinic/bookings', 'get'>['items'][number];

/** The business portal's clinic: book a slot (挂号) and describe the problem; see the prescription; rate the outcome. */
export default function BusinessClinicPage() {
  const t = useT();
  const qc = useQueryClient();
  const { actor } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [booking, setBooking] = useState<Session | null>(null);
  const [rating, setRating] = useState<Booking | null>(null);
  const [level, setLevel] = useState(5);
  const sessions = useQuery({ queryKey: ['service', 'clinic', 'sessions'], queryFn: () => api.get('/api/service/clinic/sessions') });
  const mine = useQuery({ queryKey: ['service', 'clinic', 'bookings'], queryFn: () => api.get('/api/service/clinic/bookings') });
  const refresh = () => qc.invalidateQueries({ queryKey: ['service', 'clinic'] });

  async function book() {
    if (!booking) return;
    const v = await form.validateFields();
    try {
      await api.post('/api/service/clinic/sessions/{id}/bookings', { path: { id: booking.id }, body: v });
      setBooking(null);
      form.resetFields();
      await refresh();
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['creditCode', 'enterpriseName', 'problem']);
      if (rest.length) message.error(rest.join('；'));
    }
  }
  async function rate() {
    if (!rating) return;
    try {
      await api.post('/api/service/clinic/bookings/{id}/rate', { path: { id: rating.id }, body: { version: rating.version, level } });
      setRating(null);
      await refresh();
    } catch (e) {
      message.error(String((e as Error).message));
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<span data-testid="page-title">{t(L('厅局长坐诊：预约挂号', '廳局長坐診：預約掛號', "Directors' clinic: book a slot"))}</span>}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={sessions.data?.items ?? []}
          columns={[
            { title: t(L('主题', '主題', 'Theme')), dataIndex: 'theme' },
            { title: t(L('坐诊领导', '坐診領導', 'Director')), dataIndex: 'directorName' },
            { title: t(L('日期', '日期', 'Date')), dataIndex: 'heldOn' },
            { title: t(L('剩余号源', '剩餘號源', 'Slots left')), render: (_, s) => s.slots - s.booked },
            { title: '', render: (_, s) => s.slots > s.booked && <Button size="small" type="primary" onClick={() => setBooking(s)} data-testid="book">{t(L('挂号', '掛號', 'Book'))}</Button> },
          ]}
        />
      </Card>
      <Card title={t(L('我的挂号', '我的掛號', 'My bookings'))}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={mine.data?.items ?? []}
          columns={[
            { title: t(L('主题', '主題', 'Theme')), dataIndex: 'theme' },
            { title: t(L('问题', '問題', 'Problem')), dataIndex: 'problem' },
            { title: t(L('处方', '處方', 'Prescription')), dataIndex: 'prescription' },
            { title: t(L('成效反馈期限', '成效回饋期限', 'Report due')), dataIndex: 'reportDueOn' },
            { title: t(L('办理成效', '辦理成效', 'Outcome')), dataIndex: 'report' },
            { title: t(L('状态', '狀態', 'Status')), render: (_, b) => <Tag data-testid="booking-status">{t(BOOKING_STATUS[b.status])}</Tag> },
            { title: '', render: (_, b) => b.status === 'reported' && <Button size="small" onClick={() => setRating(b)} data-testid="rate-outcome">{t(L('评价', '評價', 'Rate'))}</Button> },
          ]}
        />
      </Card>
      <Modal open={!!booking} onOk={book} onCancel={() => setBooking(null)} title={booking?.theme} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ creditCode: actor?.enterprises[0] }}>
          <Form.Item name="creditCode" label={t(L('企业', '企業', 'Enterprise'))} rules={[{ required: true }]}>
            <Select options={(actor?.enterprises ?? []).map((c) => ({ value: c, label: c }))} data-testid="b-code" />
          </Form.Item>
          <Form.Item name="enterpriseName" label={t(L('企业名称', '企業名稱', 'Enterprise name'))} rules={[{ required: true }]}><Input data-testid="b-name" /></Form.Item>
          <Form.Item name="problem" label={t(L('问题（“病症”）', '問題（「病症」）', 'Problem ("symptoms")'))} rules={[{ required: true }]}><Input.TextArea rows={3} data-testid="b-problem" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!rating} onOk={rate} onCancel={() => setRating(null)} title={t(L('评价办理成效', '評價辦理成效', 'Rate the outcome'))} destroyOnHidden>
        <Rate value={level} onChange={setLevel} tooltips={[...LEVELS].reverse().map((l) => t(l.label))} data-testid="rate-stars" />
      </Modal>
    </Space>
  );
}
