import { useState } from 'react';
import { App, Button, Card, Form, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type BodyOf, type PathsOf } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useLocale, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { initialValues, offeredActions, stepRequest, type DirectAction, type FormAction, type OfferedAction } from './case/actions';
import { CaseSummaryCard } from './case/CaseSummaryCard';
import { EngineCard } from './case/EngineCard';
import { DecisionCard } from './case/DecisionCard';
import { DocumentsCard } from './case/DocumentsCard';
import { StepsCard } from './case/StepsCard';
import { ActionModal } from './case/ActionModal';
import { ReasoningCard } from './case/ReasoningCard';
import { EvidenceFilesCard } from './case/EvidenceFilesCard';
import { CONFIRMED, confirmSummary, type ConfirmedAction } from './case/confirm';

/** Every case step route (open, facts, proposal, …): one body type per step, checked by the server. */
type CaseStepPath = Extract<PathsOf<'post'>, `/api/enforcement/cases/{id}/${string}`>;

/** One enforcement case: its sections (case/*Card.tsx), the steps the actor may take, and the step forms (case/ActionModal.tsx). */
export default function CaseDetailPage() {
  const t = useT();
  const [locale] = useLocale();
  const { id = '' } = useParams();
  const { can, actor } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [action, setAction] = useState<FormAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const caseKey = ['enforcement', 'case', id, locale];
  const q = useQuery({ queryKey: caseKey, queryFn: ({ signal }) => api.get('/api/enforcement/cases/{id}', { path: { id }, signal }) });
  const rules = useQuery({ queryKey: ['enforcement', 'rule-set'], queryFn: ({ signal }) => api.get('/api/enforcement/rule-set', { signal }) });

  const back = (
    <Link to="/staff/enforcement/cases">
      <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
    </Link>
  );
  if (q.isPending) return <PageSpinner />;
  if (q.error) return <Card extra={back}><ErrorAlert error={q.error} /></Card>;
  const c = q.data;
  const actorId = actor?.id ?? null;

  /** Posts a step with the case's version; server field errors go to the open form. */
  async function post(step: Exclude<FormAction | DirectAction, 'publish'>, body: Record<string, unknown> = {}, fieldNames: string[] = []) {
    setBusy(true);
    try {
      const res = await api.post(`/api/enforcement/cases/{id}/${step}` as CaseStepPath, { path: { id }, body: { version: c.version, ...body } as BodyOf<CaseStepPath, 'post'> });
      qc.setQueryData(caseKey, res);
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

  async function publish() {
    setBusy(true);
    try {
      const res = await api.post('/api/enforcement/cases/{id}/publish', { path: { id } });
      qc.setQueryData(caseKey, res);
      message.success(t(L('已公示', '已公示', 'Published')));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  /** Irreversible legal acts are confirmed first, with a summary of what will happen. */
  function confirmed(key: string, go: () => unknown) {
    if (!CONFIRMED.has(key)) return void go();
    const s = confirmSummary(key as ConfirmedAction, c);
    modal.confirm({
      title: t(s.title),
      okText: t(L('确认', '確認', 'Confirm')),
      cancelText: t(L('取消', '取消', 'Cancel')),
      content: (
        <div data-testid="confirm-summary">
          {s.lines.map((l, i) => (
            <div key={i}>
              {t(l.label)}：{typeof l.value === 'string' ? l.value : t(l.value)}
            </div>
          ))}
          <p style={{ marginTop: 8, marginBottom: 0 }}>{t(s.consequence)}</p>
        </div>
      ),
      onOk: async () => void (await go()),
    });
  }

  async function submit() {
    if (!action) return;
    const { body, fields } = stepRequest(action, await form.validateFields(), actorId);
    return confirmed(action, () => post(action, body, fields));
  }

  function run(a: OfferedAction) {
    if (a.key === 'publish') return confirmed('publish', publish);
    if (!a.form) return confirmed(a.key, () => post(a.key as Exclude<DirectAction, 'publish'>));
    const key = a.key as FormAction;
    form.resetFields();
    form.setFieldsValue(initialValues(key, c));
    setAction(key);
  }

  const offered = offeredActions(c, can, actorId);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <CaseSummaryCard c={c} extra={back} />
      {c.engine ? <EngineCard engine={c.engine} /> : null}
      {c.decidedOutcome ? <DecisionCard c={c} outcome={c.decidedOutcome} /> : null}
      {c.reasoning ? <ReasoningCard reasoning={c.reasoning} /> : null}
      {offered.length ? (
        <Card title={t(L('办理', '辦理', 'Actions'))}>
          <Space wrap>
            {offered.map((a) => (
              <Button key={a.key} type={a.primary ? 'primary' : 'default'} loading={busy} onClick={() => run(a)} data-testid={`action-${a.key}`}>
                {t(a.label)}
              </Button>
            ))}
          </Space>
        </Card>
      ) : null}
      <DocumentsCard documents={c.documents} />
      <EvidenceFilesCard c={c} canUpload={can('enforcement.case.step') && c.officerIds.includes(actorId ?? '') && ['investigating', 'proposed', 'notified'].includes(c.status)} onChanged={(next) => qc.setQueryData(caseKey, next)} />
      <StepsCard steps={c.steps} />
      <ActionModal action={action} form={form} c={c} ruleSet={rules.data} actorId={actorId} busy={busy} onSubmit={submit} onCancel={() => setAction(null)} />
    </Space>
  );
}
