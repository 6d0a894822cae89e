import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type BodyOf, type PathsOf } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { formatDateTime, L, useLocale, useT, type Localized } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { DOC_KIND, OUTCOME, SOURCE, STATUS, STATUS_COLOR, STEP } from './labels';
import { formatYuan, fenToYuan, yuanToFen } from '../../lib/money';

type Action =
  | 'open'
  | 'dismiss'
  | 'facts'
  | 'evidence'
  | 'proposal'
  | 'statement'
  | 'hearing-request'
  | 'hearing'
  | 'review'
  | 'collective'
  | 'payment'
  | 'revoke';

const MITIGATING: Record<string, Localized> = {
  eliminated_harm: L('主动消除或者减轻危害后果', '主動消除或者減輕危害後果', 'Eliminated or reduced the harm'),
  coerced: L('受他人胁迫或者诱骗', '受他人脅迫或者誘騙', 'Coerced or deceived'),
  confessed: L('主动供述未掌握的违法行为', '主動供述未掌握的違法行為', 'Confessed unknown violations'),
  meritorious: L('配合查处有立功表现', '配合查處有立功表現', 'Meritorious cooperation'),
};
const AGGRAVATING: Record<string, Localized> = {
  repeat: L('再次违法', '再次違法', 'Repeat violation'),
  refused_correction: L('拒不改正', '拒不改正', 'Refused to correct'),
  obstruction: L('妨碍调查', '妨礙調查', 'Obstructed the investigation'),
  vulnerable_victims: L('侵害特殊群体', '侵害特殊群體', 'Harmed vulnerable people'),
};

/** Every case step route (open, facts, proposal, …): one body type per step, checked by the server. */
type CaseStepPath = Extract<PathsOf<'post'>, `/api/enforcement/cases/{id}/${string}`>;

export default function CaseDetailPage() {
  const t = useT();
  const [locale] = useLocale();
  const { id = '' } = useParams();
  const { can, actor } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['enforcement', 'case', id, locale], queryFn: ({ signal }) => api.get('/api/enforcement/cases/{id}', { path: { id }, signal }) });
  const rules = useQuery({ queryKey: ['enforcement', 'rule-set'], queryFn: ({ signal }) => api.get('/api/enforcement/rule-set', { signal }) });
  const officers = useQuery({
    queryKey: ['enforcement', 'officers'],
    enabled: action === 'open',
    queryFn: ({ signal }) => api.get('/api/enforcement/officers', { signal }),
  });

  const back = (
    <Link to="/staff/enforcement/cases">
      <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
    </Link>
  );
  if (q.isPending) return <PageSpinner />;
  if (q.error) return <Card extra={back}><ErrorAlert error={q.error} /></Card>;
  const c = q.data;
  const isOfficer = can('enforcement.case.step') && (c.status === 'lead' || c.officerIds.includes(actor?.id ?? ''));

  async function post(path: string, body: Record<string, unknown> = {}, fieldNames: string[] = []) {
    setBusy(true);
    try {
      const res = await api.post(`/api/enforcement/cases/{id}/${path}` as CaseStepPath, { path: { id }, body: { version: c.version, ...body } as BodyOf<CaseStepPath, 'post'> });
      qc.setQueryData(['enforcement', 'case', id, locale], res);
      await qc.invalidateQueries({ queryKey: ['enforcement', 'cases'] });
      setAction(null);
      form.resetFields();
      message.success(t(L('已保存', '已儲存', 'Saved')));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') await q.refetch();
      const rest = fieldNames.length ? applyFieldErrors(form, e, fieldNames) : [e instanceof Error ? e.message : String(e)];
      if (rest.length) message.error(rest.join('；'));
    } finally {
      setBusy(false);
    }
  }

  async function submit() {
    const v = await form.validateFields();
    switch (action) {
      case 'open':
        return post('open', { officerIds: [actor!.id, ...(v.officerIds ?? [])] }, ['officerIds']);
      case 'dismiss':
        return post('dismiss', { reason: v.reason }, ['reason']);
      case 'facts':
        return post('facts', { facts: { violationType: v.violationType, firstViolation: !!v.firstViolation, harm: v.harm, corrected: !!v.corrected, noFault: !!v.noFault, mitigating: v.mitigating ?? [], aggravating: v.aggravating ?? [], minorAge: !!v.minorAge } }, ['facts']);
      case 'evidence':
        return post('evidence', { kind: v.kind, description: v.description }, ['kind', 'description']);
      case 'proposal':
        return post('proposal', { outcome: v.outcome, amountFen: yuanToFen(v.amountYuan), deviationReason: v.deviationReason || undefined, serious: !!v.serious, complex: !!v.complex, publicInterest: !!v.publicInterest }, ['outcome', 'amountFen', 'deviationReason']);
      case 'statement':
        return post('statement', { statement: v.statement ?? '', waived: !!v.waived }, ['statement']);
      case 'hearing-request':
        return post('hearing-request', { hearingOn: v.hearingOn }, ['hearingOn']);
      case 'hearing':
        return post('hearing', { minutes: v.minutes }, ['minutes']);
      case 'review':
        return post('review', { result: v.result, opinion: v.opinion }, ['result', 'opinion']);
      case 'collective':
        return post('collective', { conclusion: v.conclusion, participants: String(v.participants ?? '').split(/[,，、\s]+/).filter(Boolean) }, ['conclusion', 'participants']);
      case 'payment':
        return post('payment', { amountFen: yuanToFen(v.amountYuan) }, ['amountFen']);
      case 'revoke':
        return post('revoke', { reason: v.reason }, ['reason']);
    }
  }

  async function publish() {
    setBusy(true);
    try {
      const res = await api.post('/api/enforcement/cases/{id}/publish', { path: { id } });
      qc.setQueryData(['enforcement', 'case', id, locale], res);
      message.success(t(L('已公示', '已公示', 'Published')));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  /** Opens an action's form with fresh defaults (the engine's proposal for a proposal). */
  function openAction(a: Action) {
    form.resetFields();
    const table: Partial<Record<Action, Record<string, unknown>>> = {
      facts: { harm: 'minor', corrected: true, firstViolation: true, ...(c.facts ?? {}) },
      proposal: { outcome: c.engine?.outcome, amountYuan: fenToYuan(c.engine?.amountRange.minFen) },
      review: { result: 'approved' },
      evidence: { kind: 'evidence' },
      payment: { amountYuan: fenToYuan(c.amountFen) },
    };
    form.setFieldsValue(table[a] ?? {});
    setAction(a);
  }

  const buttons: ReactNode[] = [];
  const btn = (key: string, label: Localized, onClick: () => void, primary = false) =>
    buttons.push(
      <Button key={key} type={primary ? 'primary' : 'default'} loading={busy} onClick={onClick} data-testid={`action-${key}`}>
        {t(label)}
      </Button>,
    );
  const s = c.status;
  if (isOfficer) {
    if (s === 'lead') {
      btn('open', L('立案', '立案', 'Open case'), () => openAction('open'), true);
      btn('dismiss', L('不予立案', '不予立案', 'Do not open'), () => openAction('dismiss'));
    }
    if (['investigating', 'proposed'].includes(s)) btn('facts', L('录入事实', '錄入事實', 'Record facts'), () => openAction('facts'), s === 'investigating');
    if (['investigating', 'proposed', 'notified'].includes(s)) {
      btn('evidence', L('添加证据', '添加證據', 'Add evidence'), () => openAction('evidence'));
      if (c.facts) btn('proposal', L('拟处理意见', '擬處理意見', 'Propose decision'), () => openAction('proposal'));
    }
    if (s === 'proposed' && c.decidedOutcome !== 'no_penalty') btn('notice', L('送达告知书', '送達告知書', 'Serve notice'), () => post('notice'), true);
    if (s === 'notified') {
      btn('statement', L('陈述申辩', '陳述申辯', 'Statement'), () => openAction('statement'));
      if (c.hearingRight && !c.hearingRequested) btn('hearing-request', L('申请听证', '申請聽證', 'Hearing request'), () => openAction('hearing-request'));
      if (c.hearingRequested && !c.hearingHeld) btn('hearing', L('听证记录', '聽證記錄', 'Record hearing'), () => openAction('hearing'));
    }
    if (['proposed', 'notified'].includes(s) && (s === 'notified' || c.decidedOutcome === 'no_penalty')) btn('decision', L('作出决定', '作出決定', 'Decide'), () => post('decision'), true);
    if (s === 'decided') btn('service', L('送达', '送達', 'Record service'), () => post('service'), true);
    if (s === 'served' && c.penalty === 'fine') btn('payment', L('缴款', '繳款', 'Record payment'), () => openAction('payment'), true);
    if ((s === 'served' && c.penalty !== 'fine') || s === 'paid') btn('close', L('结案', '結案', 'Close'), () => post('close'));
    if (c.procedure === 'on_the_spot' && !c.filedOn && ['served', 'paid', 'closed'].includes(s)) btn('filing', L('备案', '備案', 'File'), () => post('filing'));
  }
  if (can('enforcement.case.review') && ['proposed', 'notified'].includes(s) && !c.officerIds.includes(actor?.id ?? '')) btn('review', L('法制审核', '法制審核', 'Legal review'), () => openAction('review'), true);
  if (can('enforcement.case.collective') && ['proposed', 'notified'].includes(s)) btn('collective', L('集体讨论', '集體討論', 'Collective discussion'), () => openAction('collective'));
  if (c.publicity?.status === 'pending' && can('enforcement.case.publish')) btn('publish', L('公示', '公示', 'Publish'), publish);
  if (can('enforcement.case.revoke') && ['decided', 'served', 'paid', 'closed'].includes(s)) btn('revoke', L('撤销决定', '撤銷決定', 'Revoke'), () => openAction('revoke'));

  const engine = c.engine;
  const harm = { none: L('无危害后果', '無危害後果', 'No harm'), minor: L('危害后果轻微', '危害後果輕微', 'Minor harm'), significant: L('有危害后果', '有危害後果', 'Harm'), serious: L('危害后果严重', '危害後果嚴重', 'Serious harm') };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span data-testid="case-no">{c.caseNo}</span>
            <Tag color={STATUS_COLOR[c.status]} data-testid="case-status">{STATUS[c.status] ? t(STATUS[c.status]) : c.status}</Tag>
            {c.overdue ? <Tag color="red">{t(L('超期', '超期', 'Overdue'))}</Tag> : null}
          </Space>
        }
        extra={back}
      >
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label={t(L('当事人', '當事人', 'Party'))}>{c.partyName}</Descriptions.Item>
          <Descriptions.Item label={t(L('统一社会信用代码', '統一社會信用代碼', 'Credit code'))}>{c.creditCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(L('来源', '來源', 'Source'))}>{SOURCE[c.source] ? t(SOURCE[c.source]) : c.source}</Descriptions.Item>
          <Descriptions.Item label={t(L('登记日期', '登記日期', 'Received'))}>{c.receivedOn}</Descriptions.Item>
          <Descriptions.Item label={t(L('立案期限', '立案期限', 'Open by'))}>{c.verificationDue ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(L('办案期限', '辦案期限', 'Decide by'))}>
            {c.decisionDue ?? (c.openedOn ? t(L('日历未覆盖', '日曆未涵蓋', 'calendar not loaded')) : '—')}
            {c.pausedSince ? <Tag style={{ marginLeft: 8 }}>{t(L('中止计时', '中止計時', 'Paused'))}</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t(L('案情', '案情', 'Summary'))} span={2}>{c.summary}</Descriptions.Item>
          <Descriptions.Item label={t(L('裁量规则版本', '裁量規則版本', 'Rule set'))}>{c.ruleSet ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(L('执法人员', '執法人員', 'Officers'))}>{c.officerIds.length}</Descriptions.Item>
        </Descriptions>
      </Card>

      {engine ? (
        <Card title={t(L('裁量建议', '裁量建議', "Engine's proposal"))} data-testid="engine-card">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Tag color="blue" data-testid="engine-outcome">{t(OUTCOME[engine.outcome])}</Tag>
              <Tag>{engine.mandatory ? t(L('应当', '應當', 'mandatory')) : t(L('可以（裁量）', '可以（裁量）', 'discretionary'))}</Tag>
              {engine.outcome !== 'no_penalty' ? (
                <span>
                  {t(L('建议罚款幅度', '建議罰款幅度', 'Proposed range'))}：{formatYuan(engine.amountRange.minFen)} – {formatYuan(engine.amountRange.maxFen)}（{t(L('法定', '法定', 'statutory'))} {formatYuan(engine.statutoryRange.minFen)} – {formatYuan(engine.statutoryRange.maxFen)}）
                </span>
              ) : null}
            </Space>
            <ul style={{ margin: 0 }}>
              {engine.reasons.map((r) => (
                <li key={r.code}>{r.text}</li>
              ))}
            </ul>
            <div data-testid="engine-citations">
              {engine.citations.map((ci, i) => (
                <div key={i}>
                  <Typography.Text strong>
                    {ci.law}
                    {ci.article}
                  </Typography.Text>{' '}
                  <Tag>{ci.source}</Tag>
                  {ci.note ? <Typography.Text type="secondary">{ci.note}</Typography.Text> : null}
                </div>
              ))}
            </div>
          </Space>
        </Card>
      ) : null}

      {c.decidedOutcome ? (
        <Card title={t(L('处理意见与审核', '處理意見與審核', 'Proposed decision and reviews'))}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t(L('处理意见', '處理意見', 'Outcome'))}>{t(OUTCOME[c.decidedOutcome])}</Descriptions.Item>
            <Descriptions.Item label={t(L('罚款', '罰款', 'Fine'))}>{formatYuan(c.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t(L('偏离建议', '偏離建議', 'Outside the proposal'))}>{c.outsideProposal ? `${t(L('是', '是', 'Yes'))}：${c.deviationReason ?? ''}` : t(L('否', '否', 'No'))}</Descriptions.Item>
            <Descriptions.Item label={t(L('法制审核', '法制審核', 'Legal review'))}>
              <span data-testid="review-state">
                {c.reviewResult ? (c.reviewResult === 'approved' ? t(L('已通过', '已通過', 'Approved')) : t(L('未通过', '未通過', 'Rejected'))) : c.reviewRequired ? t(L('须审核', '須審核', 'Required')) : t(L('非必需', '非必需', 'Not required'))}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t(L('集体讨论', '集體討論', 'Collective discussion'))}>
              {c.collectiveDone ? t(L('已讨论', '已討論', 'Done')) : c.collectiveRequired ? t(L('须讨论', '須討論', 'Required')) : t(L('非必需', '非必需', 'Not required'))}
            </Descriptions.Item>
            <Descriptions.Item label={t(L('公示', '公示', 'Publicity'))}>
              {c.publicity ? `${c.publicity.status} · ${t(L('期限', '期限', 'due'))} ${c.publicity.publishDue ?? '—'} · ${c.publicity.period === '3_months' ? t(L('3个月', '3個月', '3 months')) : t(L('3年', '3年', '3 years'))}` : t(L('不公示', '不公示', 'Not published'))}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}

      {buttons.length ? (
        <Card title={t(L('办理', '辦理', 'Actions'))}>
          <Space wrap>{buttons}</Space>
        </Card>
      ) : null}

      <Card title={t(L('文书', '文書', 'Documents'))}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.documents}
          data-testid="documents"
          columns={[
            { title: t(L('文书', '文書', 'Document')), dataIndex: 'kind', render: (v: string) => (DOC_KIND[v] ? t(DOC_KIND[v]) : v) },
            { title: t(L('文号', '文號', 'Number')), dataIndex: 'docNo' },
            { title: t(L('签发时间', '簽發時間', 'Issued')), dataIndex: 'issuedAt', render: (v: string) => formatDateTime(v, locale) },
            {
              title: '',
              key: 'links',
              render: (_: unknown, d) => (
                <Space>
                  <a href={d.pdfUrl} target="_blank" rel="noreferrer">
                    PDF
                  </a>
                  <Link to={`/verify/${d.verifyCode}`} data-testid={`verify-${d.kind}`}>
                    {t(L('核验', '核驗', 'Verify'))}
                  </Link>
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Card title={t(L('办案记录（系统时间）', '辦案記錄（系統時間）', 'Steps (server time)'))}>
        <Timeline
          items={c.steps.map((st) => ({
            children: (
              <span>
                <Typography.Text strong>{STEP[st.kind] ? t(STEP[st.kind]) : st.kind}</Typography.Text> · {formatDateTime(st.recordedAt, locale)} · {st.actorName ?? ''}
              </span>
            ),
          }))}
        />
      </Card>

      <Modal open={!!action} title={action ? t(STEP[action === 'hearing-request' ? 'hearing-request' : action] ?? L(action, action, action)) : ''} onOk={submit} onCancel={() => setAction(null)} confirmLoading={busy} forceRender>
        <Form form={form} layout="vertical">
          {action === 'open' ? (
            <Form.Item name="officerIds" label={t(L('协办执法人员（至少一人）', '協辦執法人員（至少一人）', 'Co-officers (at least one)'))} rules={[{ required: true }]}>
              <Select mode="multiple" data-testid="co-officers" options={(officers.data?.items ?? []).filter((o) => o.id !== actor?.id).map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          ) : null}
          {action === 'dismiss' || action === 'revoke' ? (
            <Form.Item name="reason" label={t(L('理由', '理由', 'Reason'))} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          ) : null}
          {action === 'facts' ? (
            <>
              <Form.Item name="violationType" label={t(L('违法行为类型', '違法行為類型', 'Violation type'))} rules={[{ required: true }]}>
                <Select data-testid="violation-type" options={(rules.data?.violations ?? []).map((v) => ({ value: v.code, label: `${v.name}${v.firstViolationList ? '（首违不罚清单）' : v.minorList ? '（轻微免罚清单）' : ''}` }))} />
              </Form.Item>
              <Form.Item name="harm" label={t(L('危害后果', '危害後果', 'Harm'))}>
                <Select options={Object.entries(harm).map(([k, v]) => ({ value: k, label: t(v) }))} />
              </Form.Item>
              <Space wrap>
                <Form.Item name="firstViolation" valuePropName="checked"><Checkbox>{t(L('初次违法', '初次違法', 'First violation'))}</Checkbox></Form.Item>
                <Form.Item name="corrected" valuePropName="checked"><Checkbox>{t(L('及时改正', '及時改正', 'Promptly corrected'))}</Checkbox></Form.Item>
                <Form.Item name="noFault" valuePropName="checked"><Checkbox>{t(L('无主观过错', '無主觀過錯', 'No subjective fault'))}</Checkbox></Form.Item>
                <Form.Item name="minorAge" valuePropName="checked"><Checkbox>{t(L('未成年人', '未成年人', 'Minor (14–18)'))}</Checkbox></Form.Item>
              </Space>
              <Form.Item name="mitigating" label={t(L('从轻减轻情节（第三十二条）', '從輕減輕情節（第三十二條）', 'Mitigating grounds (art. 32)'))}>
                <Select mode="multiple" options={Object.entries(MITIGATING).map(([k, v]) => ({ value: k, label: t(v) }))} />
              </Form.Item>
              <Form.Item name="aggravating" label={t(L('从重情节', '從重情節', 'Aggravating grounds'))}>
                <Select mode="multiple" options={Object.entries(AGGRAVATING).map(([k, v]) => ({ value: k, label: t(v) }))} />
              </Form.Item>
            </>
          ) : null}
          {action === 'evidence' ? (
            <>
              <Form.Item name="kind" label={t(L('类别', '類別', 'Kind'))}>
                <Select options={[{ value: 'evidence', label: t(L('证据', '證據', 'Evidence')) }, { value: 'inquiry_record', label: t(L('询问笔录', '詢問筆錄', 'Inquiry record')) }, { value: 'attachment', label: t(L('附件', '附件', 'Attachment')) }]} />
              </Form.Item>
              <Form.Item name="description" label={t(L('说明', '說明', 'Description'))} rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : null}
          {action === 'proposal' ? (
            <>
              {engine ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${t(L('裁量建议', '裁量建議', 'Proposal'))}：${t(OUTCOME[engine.outcome])} ${engine.outcome !== 'no_penalty' ? `${formatYuan(engine.amountRange.minFen)}–${formatYuan(engine.amountRange.maxFen)}` : ''}`} /> : null}
              <Form.Item name="outcome" label={t(L('处理意见', '處理意見', 'Outcome'))} rules={[{ required: true }]}>
                <Select data-testid="proposal-outcome" options={Object.entries(OUTCOME).map(([k, v]) => ({ value: k, label: t(v) }))} />
              </Form.Item>
              <Form.Item name="amountYuan" label={t(L('罚款金额（元）', '罰款金額（元）', 'Fine (yuan)'))}>
                <InputNumber min={0} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="deviationReason" label={t(L('偏离裁量建议的理由', '偏離裁量建議的理由', 'Reason for deviating from the proposal'))}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Space wrap>
                <Form.Item name="serious" valuePropName="checked"><Checkbox>{t(L('重大案件', '重大案件', 'Major case'))}</Checkbox></Form.Item>
                <Form.Item name="complex" valuePropName="checked"><Checkbox>{t(L('疑难复杂', '疑難複雜', 'Complex'))}</Checkbox></Form.Item>
                <Form.Item name="publicInterest" valuePropName="checked"><Checkbox>{t(L('涉及重大公共利益', '涉及重大公共利益', 'Major public interest'))}</Checkbox></Form.Item>
              </Space>
            </>
          ) : null}
          {action === 'statement' ? (
            <>
              <Form.Item name="statement" label={t(L('陈述申辩内容', '陳述申辯內容', 'Statement'))}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="waived" valuePropName="checked"><Checkbox>{t(L('当事人放弃陈述申辩', '當事人放棄陳述申辯', 'The party waives'))}</Checkbox></Form.Item>
            </>
          ) : null}
          {action === 'hearing-request' ? (
            <Form.Item name="hearingOn" label={t(L('听证日期（YYYY-MM-DD）', '聽證日期（YYYY-MM-DD）', 'Hearing date (YYYY-MM-DD)'))} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
              <Input />
            </Form.Item>
          ) : null}
          {action === 'hearing' ? (
            <Form.Item name="minutes" label={t(L('听证笔录', '聽證筆錄', 'Hearing minutes'))} rules={[{ required: true }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
          ) : null}
          {action === 'review' ? (
            <>
              <Form.Item name="result" label={t(L('审核结论', '審核結論', 'Result'))}>
                <Select options={[{ value: 'approved', label: t(L('通过', '通過', 'Approve')) }, { value: 'rejected', label: t(L('不通过', '不通過', 'Reject')) }]} />
              </Form.Item>
              <Form.Item name="opinion" label={t(L('审核意见', '審核意見', 'Opinion'))} rules={[{ required: true }]}>
                <Input.TextArea rows={3} data-testid="review-opinion" />
              </Form.Item>
            </>
          ) : null}
          {action === 'collective' ? (
            <>
              <Form.Item name="conclusion" label={t(L('讨论结论', '討論結論', 'Conclusion'))} rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="participants" label={t(L('参加人员（逗号分隔，至少3人）', '參加人員（逗號分隔，至少3人）', 'Participants (comma-separated, at least 3)'))} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </>
          ) : null}
          {action === 'payment' ? (
            <Form.Item name="amountYuan" label={t(L('缴款金额（元，含加处罚款）', '繳款金額（元，含加處罰款）', 'Amount paid (yuan, incl. late fee)'))} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: 200 }} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </Space>
  );
}
