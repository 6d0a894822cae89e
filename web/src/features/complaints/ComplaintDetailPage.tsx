import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Steps, Switch, Tag, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, type BodyOf, type PathsOf } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { formatDateTime, L, useT, type Localized } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CATEGORY, DEADLINE_COLOR, ENTRY, KIND, OUTCOME, STATUS, STATUS_COLOR, STEPS } from './labels';
import { formatYuan } from '../../lib/money';
import { MediatorPicker } from './detail/MediatorPicker';
import { RoutingCard } from './detail/RoutingCard';
import { regionName } from '../../lib/regions';

type Action = 'refuse' | 'assign' | 'step' | 'pause' | 'conclude' | 'follow-up' | 'reopen' | 'recuse' | null;

/** A complaint with its timeline and the six mediation steps; the actions its state allows. */
/** Every complaint step route (accept, assign, step, …). */
type ComplaintStepPath = Extract<PathsOf<'post'>, `/api/complaints/{id}/${string}`>;

export default function ComplaintDetailPage() {
  const { id } = useParams();
  const t = useT();
  const qc = useQueryClient();
  const { actor, can } = useAuth();
  const { message } = App.useApp();
  const [action, setAction] = useState<Action>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['complaint', id], queryFn: () => api.get('/api/complaints/{id}', { path: { id: id ?? '' } }) });
  const grounds = useQuery({ queryKey: ['complaint-grounds'], queryFn: () => api.get('/api/public/complaints/grounds') });
  const c = q.data;

  async function run(path: string, body: Record<string, unknown>, fields: string[] = []) {
    try {
      await api.post(`/api/complaints/{id}/${path}` as ComplaintStepPath, { path: { id: id ?? '' }, body: body as BodyOf<ComplaintStepPath, 'post'> });
      setAction(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['complaint', id] });
      message.success(t(L('已保存', '已儲存', 'Saved')));
    } catch (e) {
      const rest = applyFieldErrors(form, e, fields);
      if (rest.length) message.error(rest.join('；'));
    }
  }

  if (!c) return <Card loading={q.isLoading}><ErrorAlert error={q.error} /></Card>;
  const v = c.version;
  const isMediator = c.mediatorId === actor?.id;
  const done = new Set(c.stepsDone);
  const modal = (title: Localized, onOk: () => void, children: React.ReactNode) => (
    <Modal open title={t(title)} onCancel={() => setAction(null)} onOk={onOk} destroyOnHidden data-testid="action-modal">
      <Form form={form} layout="vertical" preserve={false}>{children}</Form>
    </Modal>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={<Space data-testid="page-title">{c.trackingNo}<Tag color={STATUS_COLOR[c.status]} data-testid="status-tag">{t(STATUS[c.status])}</Tag>{c.outcome && <Tag>{t(OUTCOME[c.outcome])}</Tag>}{c.duplicateOf && <Tag color="gold">{t(L('疑似重复', '疑似重複', 'Possible duplicate'))}</Tag>}</Space>}
        extra={
          <Space wrap>
            {c.status === 'received' && can('complaints.complaint.decide') && (
              <>
                <Button type="primary" onClick={() => run('accept', { version: v })} data-testid="btn-accept">{t(L('受理', '受理', 'Accept'))}</Button>
                <Button danger onClick={() => setAction('refuse')} data-testid="btn-refuse">{t(L('不予受理', '不予受理', 'Refuse'))}</Button>
              </>
            )}
            {(c.status === 'accepted' || c.status === 'mediating') && can('complaints.complaint.assign') && (
              <Button onClick={() => setAction('assign')} data-testid="btn-assign">{t(L('指派调解员', '指派調解員', 'Assign mediator'))}</Button>
            )}
            {c.status === 'mediating' && isMediator && !c.pausedSince && (
              <>
                <Button type="primary" onClick={() => setAction('step')} data-testid="btn-step">{t(L('记录调解步骤', '記錄調解步驟', 'Record a step'))}</Button>
                <Button onClick={() => setAction('pause')} data-testid="btn-pause">{t(L('暂停（检测鉴定）', '暫停（檢測鑑定）', 'Pause for testing'))}</Button>
                <Button onClick={() => setAction('conclude')} data-testid="btn-conclude">{t(L('结束调解', '結束調解', 'Conclude'))}</Button>
                <Button onClick={() => setAction('recuse')}>{t(L('申请回避', '申請迴避', 'Recuse'))}</Button>
              </>
            )}
            {c.status === 'mediating' && isMediator && c.pausedSince && (
              <Button onClick={() => run('resume', { version: v })} data-testid="btn-resume">{t(L('恢复调解', '恢復調解', 'Resume'))}</Button>
            )}
            {(c.status === 'closed' || c.status === 'refused') && (
              <>
                <Button onClick={() => setAction('follow-up')} data-testid="btn-follow-up">{t(L('回访', '回訪', 'Follow-up visit'))}</Button>
                <Button onClick={() => setAction('reopen')}>{t(L('重新办理', '重新辦理', 'Reopen'))}</Button>
              </>
            )}
            {c.agreementFileId && <a href={`/api/complaints/${c.id}/agreement.pdf`} target="_blank" rel="noreferrer"><Button>{t(L('调解协议书', '調解協議書', 'Agreement PDF'))}</Button></a>}
          </Space>
        }
      >
        <Steps size="small" style={{ marginBottom: 16 }} items={STEPS.map(([k, label]) => ({ title: t(label), status: done.has(k as never) ? 'finish' : 'wait' }))} data-testid="six-steps" />
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t(L('类型', '類型', 'Type'))}>{t(KIND[c.kind])} · {c.channel}</Descriptions.Item>
          <Descriptions.Item label={t(L('投诉人', '投訴人', 'Complainant'))}>{c.complainantName} {c.complainantPhoneMasked}</Descriptions.Item>
          <Descriptions.Item label={t(L('投诉人地址', '投訴人地址', 'Address'))}>{c.complainantAddress}</Descriptions.Item>
          <Descriptions.Item label={t(L('被投诉人', '被投訴人', 'Respondent'))}>{c.respondentName}{c.respondentCreditCode ? ` (${c.respondentCreditCode})` : ''}</Descriptions.Item>
          <Descriptions.Item label={t(L('被投诉人地址', '被投訴人地址', 'Respondent address'))}>{c.respondentAddress}</Descriptions.Item>
          <Descriptions.Item label={t(L('管辖', '管轄', 'Jurisdiction'))}>{regionName(c.regionCode)}</Descriptions.Item>
          <Descriptions.Item label={t(L('类别 / 金额', '類別 / 金額', 'Category / amount'))}>{c.category ? t(CATEGORY[c.category]) : '—'} / {formatYuan(c.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={t(L('诉求', '訴求', 'Request'))}>{c.request}</Descriptions.Item>
          <Descriptions.Item label={t(L('事实', '事實', 'Facts'))} span={2}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.facts}</Typography.Paragraph></Descriptions.Item>
          <Descriptions.Item label={t(L('受理期限', '受理期限', 'Acceptance due'))}>{c.acceptanceDue ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(L('调解期限（45 个工作日）', '調解期限（45 個工作日）', 'Mediation due (45 working days)'))}>
            {c.mediationDue ? <Tag color={c.deadlineColour ? DEADLINE_COLOR[c.deadlineColour] : undefined}>{c.mediationDue}</Tag> : '—'}
            {c.pausedSince && <Tag color="gold">{t(L('暂停中，自 {d}', '暫停中，自 {d}', 'Paused since {d}'), { d: c.pausedSince })}</Tag>}
            {c.pausedWorkingDays > 0 && <span>（{t(L('已扣除 {n} 个工作日', '已扣除 {n} 個工作日', '{n} working days not counted'), { n: c.pausedWorkingDays })}）</span>}
          </Descriptions.Item>
          <Descriptions.Item label={t(L('调解员', '調解員', 'Mediator'))}>{c.mediatorName ?? '—'} {c.mediationMode ? `· ${c.mediationMode === 'on_site' ? t(L('现场', '現場', 'on site')) : t(L('远程', '遠端', 'remote'))}` : ''}</Descriptions.Item>
          <Descriptions.Item label={t(L('满意度', '滿意度', 'Satisfaction'))}>{c.satisfaction ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <RoutingCard c={c} />
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Card title={t(L('时间线', '時間線', 'Timeline'))} size="small">
            <Timeline
              data-testid="timeline"
              items={c.timeline.map((e) => ({
                children: (
                  <div>
                    <b>{t(ENTRY[e.kind] ?? L(e.kind, e.kind, e.kind))}{e.step ? ` · ${t(STEPS.find(([k]) => k === e.step)![1])}` : ''}</b> <Typography.Text type="secondary">{formatDateTime(e.at)} {e.actorName ?? ''}</Typography.Text>
                    {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={t(L('快受理 · 快处理 · 快反馈', '快受理 · 快處理 · 快反饋', 'Fast stages'))} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t(L('受理用时', '受理用時', 'Accept'))}>{c.stages.acceptHours ?? '—'} h</Descriptions.Item>
              <Descriptions.Item label={t(L('处理用时', '處理用時', 'Handle'))}>{c.stages.handleHours ?? '—'} h</Descriptions.Item>
              <Descriptions.Item label={t(L('反馈用时', '反饋用時', 'Feed back'))}>{c.stages.feedbackHours ?? '—'} h</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>

      {action === 'refuse' &&
        modal(L('不予受理（第十五条）', '不予受理（第十五條）', 'Refuse (art. 15)'), async () => { const x = await form.validateFields(); await run('refuse', { version: v, ...x }, ['ground', 'note']); }, (
          <>
            <Form.Item name="ground" label={t(L('法定理由', '法定理由', 'Statutory ground'))} rules={[{ required: true }]}><Select options={grounds.data?.refusal.map((g) => ({ value: g.id, label: `${g.article} ${g.label}` }))} data-testid="ground-select" /></Form.Item>
            <Form.Item name="note" label={t(L('说明', '說明', 'Note'))}><Input.TextArea rows={3} /></Form.Item>
          </>
        ))}
      {action === 'assign' &&
        modal(L('指派调解员', '指派調解員', 'Assign a mediator'), async () => { const x = await form.validateFields(); await run('assign', { version: v, ...x }, ['mediatorId', 'mode']); }, (
          <>
            <Form.Item name="mediatorId" label={t(L('调解员', '調解員', 'Mediator'))} rules={[{ required: true }]}><MediatorPicker complaintId={c.id} /></Form.Item>
            <Form.Item name="mode" label={t(L('方式', '方式', 'Mode'))} initialValue="on_site"><Radio.Group options={[{ value: 'on_site', label: t(L('现场', '現場', 'On site')) }, { value: 'remote', label: t(L('远程', '遠端', 'Remote')) }]} /></Form.Item>
          </>
        ))}
      {action === 'step' &&
        modal(L('记录调解步骤（听辨劝借让和）', '記錄調解步驟（聽辨勸借讓和）', 'Record a mediation step'), async () => { const x = await form.validateFields(); await run('steps', x, ['step', 'mode', 'note']); }, (
          <>
            <Form.Item name="step" label={t(L('步骤', '步驟', 'Step'))} rules={[{ required: true }]} initialValue={STEPS.find(([k]) => !done.has(k as never))?.[0]}><Select options={STEPS.map(([k, l]) => ({ value: k, label: t(l) }))} data-testid="step-select" /></Form.Item>
            <Form.Item name="mode" label={t(L('方式', '方式', 'Mode'))} initialValue={c.mediationMode ?? 'on_site'}><Radio.Group options={[{ value: 'on_site', label: t(L('现场', '現場', 'On site')) }, { value: 'remote', label: t(L('远程', '遠端', 'Remote')) }]} /></Form.Item>
            <Form.Item name="note" label={t(L('记录', '記錄', 'Record'))} rules={[{ required: true }]}><Input.TextArea rows={4} data-testid="step-note" /></Form.Item>
          </>
        ))}
      {action === 'pause' &&
        modal(L('暂停调解（检测、鉴定期间不计入期限）', '暫停調解（檢測、鑑定期間不計入期限）', 'Pause for testing or appraisal'), async () => { const x = await form.validateFields(); await run('pause', { version: v, ...x }, ['reason']); }, (
          <Form.Item name="reason" label={t(L('原因', '原因', 'Reason'))} rules={[{ required: true }]}><Input /></Form.Item>
        ))}
      {action === 'recuse' &&
        modal(L('申请回避', '申請迴避', 'Recuse'), async () => { const x = await form.validateFields(); await run('recuse', { version: v, ...x }, ['reason']); }, (
          <Form.Item name="reason" label={t(L('原因', '原因', 'Reason'))} rules={[{ required: true }]}><Input /></Form.Item>
        ))}
      {action === 'conclude' &&
        modal(L('结束调解', '結束調解', 'Conclude the mediation'), async () => { const x = await form.validateFields(); await run('conclude', { version: v, ...x }, ['outcome', 'terminationGround', 'note', 'agreementTerms']); }, (
          <>
            <Form.Item name="outcome" label={t(L('结果', '結果', 'Outcome'))} rules={[{ required: true }]}><Radio.Group options={Object.entries(OUTCOME).map(([k, l]) => ({ value: k, label: t(l) }))} data-testid="outcome-radio" /></Form.Item>
            <Form.Item noStyle shouldUpdate>
              {({ getFieldValue }) => (
                <>
                  {getFieldValue('outcome') === 'terminated' && <Form.Item name="terminationGround" label={t(L('终止理由（第二十一条）', '終止理由（第二十一條）', 'Ground (art. 21)'))} rules={[{ required: true }]}><Select options={grounds.data?.termination.map((g) => ({ value: g.id, label: `${g.article} ${g.label}` }))} /></Form.Item>}
                  {getFieldValue('outcome') === 'agreement' && <Form.Item name="agreementTerms" label={t(L('协议内容', '協議內容', 'Agreed terms'))} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>}
                </>
              )}
            </Form.Item>
            <Form.Item name="note" label={t(L('说明', '說明', 'Note'))}><Input.TextArea rows={2} data-testid="conclude-note" /></Form.Item>
          </>
        ))}
      {action === 'follow-up' &&
        modal(L('回访', '回訪', 'Follow-up visit'), async () => { const x = await form.validateFields(); await run('follow-up', { version: v, ...x }, ['satisfaction', 'note', 'reopen']); }, (
          <>
            <Form.Item name="satisfaction" label={t(L('满意度（1–5）', '滿意度（1–5）', 'Satisfaction (1–5)'))} rules={[{ required: true }]}><InputNumber min={1} max={5} /></Form.Item>
            <Form.Item name="note" label={t(L('回访记录', '回訪記錄', 'Notes'))}><Input.TextArea rows={3} /></Form.Item>
            <Form.Item name="reopen" label={t(L('不满意，重新办理', '不滿意，重新辦理', 'Unsatisfied: reopen'))} valuePropName="checked" initialValue={false}><Switch /></Form.Item>
          </>
        ))}
      {action === 'reopen' &&
        modal(L('重新办理', '重新辦理', 'Reopen'), async () => { const x = await form.validateFields(); await run('reopen', { version: v, ...x }, ['reason']); }, (
          <Form.Item name="reason" label={t(L('原因', '原因', 'Reason'))} rules={[{ required: true }]}><Input /></Form.Item>
        ))}
    </Space>
  );
}
