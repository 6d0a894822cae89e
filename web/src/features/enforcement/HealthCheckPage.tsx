import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Rate, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { EngagementSchema } from '../../../../contracts/enforcement';
import { api, ApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT, type Localized } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';

type Engagement = z.infer<typeof EngagementSchema>;
type Kind = 'warning' | 'interview' | 'follow_up' | 'guidance' | 'assistance';

const TYPE: Record<string, Localized> = {
  case: L('执法案件', '執法案件', 'Case'),
  decision: L('处罚决定', '處罰決定', 'Decision'),
  on_the_spot: L('当场处罚', '當場處罰', 'On-the-spot penalty'),
  warning: L('提醒告诫', '提醒告誡', 'Early warning'),
  interview: L('行政约谈', '行政約談', 'Administrative interview'),
  follow_up: L('回访', '回訪', 'Follow-up visit'),
  guidance: L('合规指导', '合規指導', 'Compliance guidance'),
  assistance: L('帮扶', '幫扶', 'Assistance'),
  document: L('文书', '文書', 'Document'),
};
const SIGNALS: Record<string, Localized> = {
  complaints_rising: L('投诉上升', '投訴上升', 'Rising complaints'),
  licence_expiring: L('许可证即将到期', '許可證即將到期', 'Licence expiring'),
  inspection_failed: L('抽检不合格', '抽檢不合格', 'Failed inspection'),
  other: L('其他', '其他', 'Other'),
};

/** "Health-check" supervision of one enterprise: its timeline, early warnings, interviews, follow-ups and guidance. */
export default function HealthCheckPage() {
  const t = useT();
  const qc = useQueryClient();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [text, setText] = useState(code);
  const [kind, setKind] = useState<Kind | null>(null);
  const [interview, setInterview] = useState<{ e: Engagement; step: 'minutes' | 'check' } | null>(null);
  const [form] = Form.useForm();
  const [form2] = Form.useForm();

  const timeline = useQuery({
    queryKey: ['enforcement', 'timeline', code],
    enabled: !!code,
    retry: false,
    queryFn: ({ signal }) => api.get('/api/enforcement/enterprises/{code}/timeline', { path: { code }, signal }),
  });
  const interviews = (timeline.data?.items ?? []).filter((i) => i.type === 'interview');
  const interviewDetails = useQuery({
    queryKey: ['enforcement', 'interviews', code, interviews.map((i) => i.id + i.status).join()],
    enabled: interviews.length > 0,
    queryFn: () => Promise.all(interviews.map((i) => api.get('/api/enforcement/engagements/{id}', { path: { id: i.id } }))),
  });

  const refresh = () => qc.invalidateQueries({ queryKey: ['enforcement', 'timeline', code] });

  async function create() {
    const v = await form.validateFields();
    if (!kind) return;
    try {
      await api.post('/api/enforcement/engagements', { body: {
        kind,
        creditCode: code,
        content: v.content || undefined,
        signals: v.signals,
        satisfaction: v.satisfaction,
        scheduledOn: v.scheduledOn ? v.scheduledOn.format('YYYY-MM-DD') : undefined,
        reason: v.reason || undefined,
      } });
      setKind(null);
      form.resetFields();
      await refresh();
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['content', 'signals', 'satisfaction', 'scheduledOn', 'reason']);
      if (rest.length) message.error(rest.join('；'));
    }
  }

  async function saveInterview() {
    if (!interview) return;
    const v = await form2.validateFields();
    try {
      if (interview.step === 'minutes') {
        await api.post('/api/enforcement/engagements/{id}/minutes', { path: { id: interview.e.id }, body: {
          version: interview.e.version,
          minutes: v.minutes,
          commitments: [{ item: v.item, dueOn: v.dueOn.format('YYYY-MM-DD') }],
        } });
      } else {
        await api.post('/api/enforcement/engagements/{id}/check', { path: { id: interview.e.id }, body: { version: interview.e.version, result: v.result, fulfilled: v.fulfilled ? [0] : [], early: !!v.early } });
      }
      setInterview(null);
      form2.resetFields();
      await refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  }

  const officer = can('enforcement.engagement.create');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<span data-testid="page-title">{t(L('企业"体检"', '企業「體檢」', 'Enterprise health check'))}</span>}>
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setParams(v.trim() ? { code: v.trim() } : {}, { replace: true })}
          placeholder={t(L('统一社会信用代码', '統一社會信用代碼', 'Credit code'))}
          enterButton={t('common.search')}
          style={{ maxWidth: 420 }}
        />
      </Card>
      <ErrorAlert error={timeline.error} />
      {timeline.data ? (
        <>
          <Card
            title={timeline.data.name}
            extra={
              officer ? (
                <Space wrap>
                  {(['warning', 'interview', 'follow_up', 'guidance', 'assistance'] as Kind[]).map((k) => (
                    <Button key={k} onClick={() => { form.resetFields(); setKind(k); }} data-testid={`new-${k}`}>
                      {t(TYPE[k])}
                    </Button>
                  ))}
                </Space>
              ) : null
            }
          >
            <Timeline
              items={timeline.data.items.map((i) => ({
                children: (
                  <span>
                    {i.date} <Tag>{t(TYPE[i.type] ?? L(i.type, i.type, i.type))}</Tag>
                    {i.type === 'case' || i.type === 'decision' || i.type === 'on_the_spot' ? <Link to={`/staff/enforcement/cases/${i.id}`}>{i.title}</Link> : i.title}{' '}
                    <Typography.Text type="secondary">{i.status}</Typography.Text>
                  </span>
                ),
              }))}
            />
          </Card>
          {interviewDetails.data?.length ? (
            <Card title={t(L('行政约谈', '行政約談', 'Administrative interviews'))}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={interviewDetails.data}
                columns={[
                  { title: t(L('日期', '日期', 'Date')), dataIndex: 'occurredOn' },
                  { title: t(L('事由', '事由', 'Reason')), render: (_: unknown, e) => String(e.data.reason ?? '') },
                  { title: t(L('状态', '狀態', 'Status')), dataIndex: 'status' },
                  { title: t(L('整改期限', '整改期限', 'Rectify by')), render: (_: unknown, e) => String(e.data.followUpDue ?? '—') },
                  {
                    title: '',
                    render: (_: unknown, e) => (
                      <Space>
                        {e.documents.map((d) => (
                          <a key={d.id} href={d.pdfUrl} target="_blank" rel="noreferrer">
                            {d.docNo}
                          </a>
                        ))}
                        {officer && e.status === 'scheduled' ? <Button size="small" onClick={() => { form2.resetFields(); setInterview({ e, step: 'minutes' }); }}>{t(L('记录约谈', '記錄約談', 'Minutes'))}</Button> : null}
                        {officer && e.status === 'held' ? <Button size="small" onClick={() => { form2.resetFields(); setInterview({ e, step: 'check' }); }}>{t(L('整改复查', '整改複查', 'Follow-up check'))}</Button> : null}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          ) : null}
        </>
      ) : null}

      <Modal open={!!kind} title={kind ? t(TYPE[kind]) : ''} onOk={create} onCancel={() => setKind(null)} forceRender>
        <Form form={form} layout="vertical">
          {kind === 'warning' ? (
            <Form.Item name="signals" label={t(L('风险信号', '風險信號', 'Risk signals'))} rules={[{ required: true }]}>
              <Select mode="multiple" options={Object.entries(SIGNALS).map(([k, v]) => ({ value: k, label: t(v) }))} />
            </Form.Item>
          ) : null}
          {kind && ['warning', 'guidance', 'assistance'].includes(kind) ? (
            <Form.Item name="content" label={t(L('内容', '內容', 'Content'))} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          ) : null}
          {kind === 'follow_up' ? (
            <Form.Item name="satisfaction" label={t(L('满意度', '滿意度', 'Satisfaction'))} rules={[{ required: true }]}>
              <Rate />
            </Form.Item>
          ) : null}
          {kind === 'interview' ? (
            <>
              <Form.Item name="scheduledOn" label={t(L('约谈日期', '約談日期', 'Date'))} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="reason" label={t(L('约谈事由', '約談事由', 'Reason'))} rules={[{ required: true }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          ) : null}
        </Form>
      </Modal>
      <Modal open={!!interview} title={interview?.step === 'minutes' ? t(L('约谈记录', '約談記錄', 'Interview minutes')) : t(L('整改复查', '整改複查', 'Follow-up check'))} onOk={saveInterview} onCancel={() => setInterview(null)} forceRender>
        <Form form={form2} layout="vertical">
          {interview?.step === 'minutes' ? (
            <>
              <Form.Item name="minutes" label={t(L('约谈记录', '約談記錄', 'Minutes'))} rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="item" label={t(L('整改承诺', '整改承諾', 'Rectification commitment'))} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="dueOn" label={t(L('完成期限', '完成期限', 'Due'))} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="result" label={t(L('复查结果', '複查結果', 'Result'))} rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="fulfilled" label={t(L('承诺已履行（0=否，1=是）', '承諾已履行（0=否，1=是）', 'Commitment met (0 = no, 1 = yes)'))} initialValue={1}>
                <InputNumber min={0} max={1} />
              </Form.Item>
              <Form.Item name="early" valuePropName="checked" initialValue={false}>
                <Checkbox data-testid="early-check">{t(L('承诺尚未到期，提前检查', '承諾尚未到期，提前檢查', 'Commitments not yet due: early check'))}</Checkbox>
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
