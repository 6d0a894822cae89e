import { useState } from 'react';
import { Button, Card, Input, Rate, Result, Space } from 'antd';
import { useParams } from 'react-router-dom';
import { api } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Public page behind the service card's QR code: rate the officer's visit. */
export default function RatePage() {
  const t = useT();
  const { id = '' } = useParams();
  const [score, setScore] = useState(5);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/public/service-cards/{id}/ratings', { path: { id }, body: { score, comment: comment.trim() || undefined } });
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card style={{ maxWidth: 480, margin: '24px auto' }} title={t(L('评价执法服务', '評價執法服務', 'Rate the enforcement visit'))}>
      {done ? (
        <Result status="success" title={t(L('感谢您的评价', '感謝您的評價', 'Thank you for your rating'))} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <ErrorAlert error={error} />
          <Rate value={score} onChange={setScore} />
          <Input.TextArea rows={3} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t(L('意见建议（选填）', '意見建議（選填）', 'Comments (optional)'))} />
          <Button type="primary" block loading={busy} onClick={submit}>
            {t(L('提交', '提交', 'Submit'))}
          </Button>
        </Space>
      )}
    </Card>
  );
}
