import { useState } from 'react';
import { App, Button, Card, Empty, Input, Modal, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../lib/api';
import { L, useLocale, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SIGNAL_RULE, WARNING_STATUS } from './warnings/labels';

type Warning = ResponseOf<'/api/enforcement/warnings', 'get'>[number];

/** The business portal: the warnings addressed to my enterprises, their letters, and the acknowledgement (签收). */
export default function BusinessWarningsPage() {
  const t = useT();
  const [locale] = useLocale();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [acking, setAcking] = useState<Warning | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const q = useQuery({ queryKey: ['enforcement', 'warnings', 'mine'], queryFn: ({ signal }) => api.get('/api/enforcement/warnings', { signal }) });

  async function acknowledge() {
    if (!acking) return;
    setBusy(true);
    try {
      await api.post('/api/enforcement/warnings/{id}/acknowledge', { path: { id: acking.id }, body: { version: acking.version, ...(note.trim() ? { note: note.trim() } : {}) } });
      message.success(t(L('已签收', '已簽收', 'Acknowledged')));
      setAcking(null);
      setNote('');
      await qc.invalidateQueries({ queryKey: ['enforcement', 'warnings'] });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t(L('风险提示', '風險提示', 'Warnings'))}>
      <ErrorAlert error={q.error} />
      {q.data && q.data.length === 0 && <Empty description={t(L('暂无风险提示', '暫無風險提示', 'No warnings'))} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {(q.data ?? []).map((w) => (
          <Card
            key={w.id}
            size="small"
            title={<span style={{ whiteSpace: 'normal' }}>{w.document?.title ?? ''} {w.document?.docNo ?? ''}</span>}
            extra={<Tag color={w.status === 'acknowledged' ? 'green' : 'orange'}>{t(WARNING_STATUS[w.status])}</Tag>}
          >
            <Typography.Paragraph strong>{w.enterpriseName}</Typography.Paragraph>
            <ul style={{ paddingInlineStart: 20 }}>
              {w.signals.map((s, i) => (
                <li key={i}>
                  <Tag>{t(SIGNAL_RULE[s.rule])}</Tag>
                  {s.text[locale]}
                </li>
              ))}
            </ul>
            <Typography.Paragraph>{w.content}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              {t(L('发出日期 {on}，请于 {due} 前签收', '發出日期 {on}，請於 {due} 前簽收', 'Issued {on}; acknowledge by {due}'), { on: w.issuedOn, due: w.acknowledgeDue })}
            </Typography.Paragraph>
            <Space wrap>
              {w.document && (
                <a href={w.document.pdfUrl} target="_blank" rel="noreferrer">
                  {t(L('查看提示函（PDF）', '查看提示函（PDF）', 'Open the letter (PDF)'))}
                </a>
              )}
              {w.status === 'issued' ? (
                <Button type="primary" onClick={() => setAcking(w)}>
                  {t(L('签收', '簽收', 'Acknowledge'))}
                </Button>
              ) : (
                <Typography.Text type="success">
                  {t(L('{who} 于 {at} 签收', '{who} 於 {at} 簽收', 'Acknowledged by {who} at {at}'), { who: w.acknowledgedByName ?? '', at: w.acknowledgedAt ? new Date(w.acknowledgedAt).toLocaleString() : '' })}
                </Typography.Text>
              )}
            </Space>
          </Card>
        ))}
      </Space>
      <Modal open={!!acking} title={t(L('签收风险提示函', '簽收風險提示函', 'Acknowledge the warning'))} okText={t(L('确认签收', '確認簽收', 'Acknowledge'))} confirmLoading={busy} onOk={acknowledge} onCancel={() => setAcking(null)}>
        <Typography.Paragraph>
          {t(L('签收表示贵单位已收到并知悉本提示函，签收时间和签收账号将被记录。', '簽收表示貴單位已收到並知悉本提示函，簽收時間和簽收帳號將被記錄。', 'Acknowledging records that you received and read this letter; the time and your account are recorded.'))}
        </Typography.Paragraph>
        <Input.TextArea aria-label={t(L('说明（可选）', '說明（可選）', 'Note (optional)'))} placeholder={t(L('说明（可选），如整改安排', '說明（可選），如整改安排', 'Note (optional), e.g. how you will correct it'))} rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </Modal>
    </Card>
  );
}
