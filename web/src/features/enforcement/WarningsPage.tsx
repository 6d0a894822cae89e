import { useState } from 'react';
import { App, Button, Card, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../lib/api';
import { L, useLocale, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SIGNAL_RULE, SIGNAL_STATUS, WARNING_STATUS } from './warnings/labels';

type Row = ResponseOf<'/api/enforcement/warning-signals', 'get'>[number];
type Rule = keyof typeof SIGNAL_RULE;

/** The officers' warning list: enterprises with computed signals, and issuing a 风险提示函 (issue 11). */
export default function WarningsPage() {
  const t = useT();
  const [locale] = useLocale();
  const qc = useQueryClient();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [rule, setRule] = useState<Rule | undefined>();
  const [q, setQ] = useState('');
  const [issuing, setIssuing] = useState<Row | null>(null);
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  const signals = useQuery({
    queryKey: ['enforcement', 'warning-signals', rule, q],
    queryFn: ({ signal }) => api.get('/api/enforcement/warning-signals', { query: { ...(rule ? { rule } : {}), ...(q ? { q } : {}) }, signal }),
  });
  const warnings = useQuery({ queryKey: ['enforcement', 'warnings'], queryFn: ({ signal }) => api.get('/api/enforcement/warnings', { signal }) });

  async function issue() {
    if (!issuing) return;
    setBusy(true);
    try {
      const w = await api.post('/api/enforcement/warnings', { body: { creditCode: issuing.creditCode, ...(content.trim() ? { content: content.trim() } : {}) } });
      message.success(t(L('已发出风险提示函 {no}', '已發出風險提示函 {no}', 'Warning letter {no} issued'), { no: w.document?.docNo ?? '' }));
      setIssuing(null);
      setContent('');
      await qc.invalidateQueries({ queryKey: ['enforcement'] });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={t(L('预警清单', '預警清單', 'Warning list'))} extra={<Typography.Text type="secondary">{t(L('由投诉举报、许可证件和案件记录每日自动计算', '由投訴舉報、許可證件和案件記錄每日自動計算', 'Computed daily from complaints, permits and cases'))}</Typography.Text>}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<Rule>
            allowClear
            aria-label={t(L('预警规则', '預警規則', 'Warning rule'))}
            placeholder={t(L('全部规则', '全部規則', 'All rules'))}
            style={{ width: 200 }}
            value={rule}
            onChange={setRule}
            options={(Object.keys(SIGNAL_RULE) as Rule[]).map((k) => ({ value: k, label: t(SIGNAL_RULE[k]) }))}
          />
          <Input.Search aria-label={t(L('企业名称或代码', '企業名稱或代碼', 'Name or credit code'))} placeholder={t(L('企业名称或代码', '企業名稱或代碼', 'Name or credit code'))} allowClear onSearch={setQ} style={{ width: 260 }} />
        </Space>
        <ErrorAlert error={signals.error} />
        <Table<Row>
          rowKey="creditCode"
          size="small"
          loading={signals.isPending}
          dataSource={signals.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t(L('企业', '企業', 'Enterprise')), render: (_: unknown, r) => (<><div>{r.enterpriseName}</div><Typography.Text type="secondary">{r.creditCode}</Typography.Text></>) },
            {
              title: t(L('预警信号', '預警信號', 'Signals')),
              render: (_: unknown, r) => (
                <Space direction="vertical" size={2}>
                  {r.signals.map((s) => (
                    <div key={s.id}>
                      <Tag color={s.status === 'open' ? 'red' : 'blue'}>{t(SIGNAL_RULE[s.rule])} · {t(SIGNAL_STATUS[s.status])}</Tag>
                      <span>{s.text[locale]}</span>
                      <div><Typography.Text type="secondary">{s.citation.law}{s.citation.article} · {s.ruleVersion}</Typography.Text></div>
                    </div>
                  ))}
                </Space>
              ),
            },
            { title: t(L('计算日', '計算日', 'Computed')), dataIndex: 'computedOn', width: 110 },
            {
              title: '',
              width: 140,
              render: (_: unknown, r) =>
                can('enforcement.warning.issue') && r.open ? (
                  <Button type="primary" size="small" onClick={() => setIssuing(r)}>
                    {t(L('发出风险提示', '發出風險提示', 'Issue warning'))}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title={t(L('已发出的风险提示函', '已發出的風險提示函', 'Warnings issued'))}>
        <ErrorAlert error={warnings.error} />
        <Table
          rowKey="id"
          size="small"
          loading={warnings.isPending}
          dataSource={warnings.data ?? []}
          columns={[
            { title: t(L('文号', '文號', 'No.')), render: (_: unknown, w: ResponseOf<'/api/enforcement/warnings', 'get'>[number]) => (w.document ? <a href={w.document.pdfUrl} target="_blank" rel="noreferrer">{w.document.docNo}</a> : '') },
            { title: t(L('企业', '企業', 'Enterprise')), dataIndex: 'enterpriseName' },
            { title: t(L('发出日', '發出日', 'Issued')), dataIndex: 'issuedOn', width: 110 },
            { title: t(L('签收期限', '簽收期限', 'Acknowledge by')), dataIndex: 'acknowledgeDue', width: 110 },
            { title: t(L('状态', '狀態', 'Status')), render: (_: unknown, w: ResponseOf<'/api/enforcement/warnings', 'get'>[number]) => <Tag color={w.status === 'acknowledged' ? 'green' : 'orange'}>{t(WARNING_STATUS[w.status])}</Tag> },
            { title: t(L('签收', '簽收', 'Acknowledged')), render: (_: unknown, w: ResponseOf<'/api/enforcement/warnings', 'get'>[number]) => (w.acknowledgedAt ? `${w.acknowledgedByName ?? ''} ${new Date(w.acknowledgedAt).toLocaleString()}` : '') },
          ]}
        />
      </Card>
      <Modal
        open={!!issuing}
        title={t(L('发出风险提示函', '發出風險提示函', 'Issue a warning letter'))}
        okText={t(L('确认发出', '確認發出', 'Issue'))}
        confirmLoading={busy}
        onOk={issue}
        onCancel={() => setIssuing(null)}
      >
        {issuing && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>
              {t(L('将向 {name} 发出编号的风险提示函（PDF，含核验二维码），并通过企业服务平台和短信通知企业，企业须在 5 个工作日内签收。', '將向 {name} 發出編號的風險提示函（PDF，含核驗二維碼），並通過企業服務平台和簡訊通知企業，企業須在 5 個工作日內簽收。', 'A numbered warning letter (PDF with a verification QR code) will be issued to {name}, with a portal notice and an SMS; the business must acknowledge it within 5 working days.'), { name: issuing.enterpriseName })}
            </Typography.Paragraph>
            <ul>{issuing.signals.filter((s) => s.status === 'open').map((s) => <li key={s.id}>{s.text[locale]}</li>)}</ul>
            <Input.TextArea aria-label={t(L('提示要求', '提示要求', 'What the business should do'))} placeholder={t(L('提示要求（可选，留空使用标准表述）', '提示要求（可選，留空使用標準表述）', 'What the business should do (optional)'))} rows={3} value={content} onChange={(e) => setContent(e.target.value)} maxLength={2000} />
          </Space>
        )}
      </Modal>
    </Space>
  );
}
