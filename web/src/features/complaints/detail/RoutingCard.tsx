import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, List, Modal, Select, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { formatDateTime, L, useT } from '../../../lib/i18n';
import { useAuth } from '../../../app/auth';
import { ROUTED_BY, REGION_OPTIONS } from '../labels';

type Complaint = ResponseOf<'/api/complaints/{id}', 'get'>;

/** How the case was routed, its handling unit, the respondent notice, the documents issued, and the director's re-routing. */
export function RoutingCard({ c }: { c: Complaint }) {
  const t = useT();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const mayReroute = can('complaints.complaint.reroute') && (c.status === 'received' || c.status === 'accepted');
  const table = useQuery({ queryKey: ['complaint-routing'], queryFn: () => api.get('/api/complaints/routing'), enabled: open });

  async function reroute() {
    const v = await form.validateFields();
    try {
      await api.post('/api/complaints/{id}/reroute', { path: { id: c.id }, body: { version: c.version, reason: v.reason, ...(v.regionCode ? { regionCode: v.regionCode } : {}), ...(v.unitId !== undefined ? { unitId: v.unitId } : {}) } });
      setOpen(false);
      await qc.invalidateQueries({ queryKey: ['complaint', c.id] });
      message.success(t(L('已改派', '已改派', 'Re-routed')));
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['regionCode', 'unitId', 'reason']);
      if (rest.length) message.error(rest.join('；'));
    }
  }

  return (
    <Card size="small" title={t(L('分办与文书', '分辦與文書', 'Routing and documents'))} extra={mayReroute && <Button onClick={() => setOpen(true)} data-testid="btn-reroute">{t(L('改派', '改派', 'Re-route'))}</Button>} data-testid="routing-card">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t(L('分办依据', '分辦依據', 'Routed by'))}>
          <Tag color={c.routedBy === 'city_queue' ? 'orange' : 'blue'} data-testid="routed-by">{c.routedBy ? t(ROUTED_BY[c.routedBy]) : '—'}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t(L('承办单位', '承辦單位', 'Handling unit'))}>{c.handlingUnit?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t(L('告知被投诉人', '告知被投訴人', 'Respondent told'))}>{c.respondentNotifiedAt ? formatDateTime(c.respondentNotifiedAt) : '—'}</Descriptions.Item>
      </Descriptions>
      {c.documents.length > 0 && (
        <List
          size="small"
          header={t(L('已出具文书', '已出具文書', 'Documents issued'))}
          dataSource={c.documents}
          renderItem={(d) => (
            <List.Item key={d.id}>
              <a href={`/api/complaints/${c.id}/documents/${d.id}`} target="_blank" rel="noreferrer">{t(L('调解协议书', '調解協議書', 'Mediation agreement'))}</a>
              <span>{formatDateTime(d.issuedAt)} {d.superseded && <Tag>{t(L('重新办理前出具', '重新辦理前出具', 'Issued before reopening'))}</Tag>}</span>
            </List.Item>
          )}
        />
      )}
      <Modal open={open} title={t(L('改派投诉', '改派投訴', 'Re-route the complaint'))} onCancel={() => setOpen(false)} onOk={reroute} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="regionCode" label={t(L('改派至辖区', '改派至轄區', 'To district'))}><Select allowClear options={REGION_OPTIONS.map((r) => ({ value: r.value, label: t(r.label) }))} data-testid="reroute-region" /></Form.Item>
          <Form.Item name="unitId" label={t(L('承办单位', '承辦單位', 'Handling unit'))}><Select allowClear options={(table.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
          <Form.Item name="reason" label={t(L('改派理由', '改派理由', 'Reason'))} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} data-testid="reroute-reason" /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
