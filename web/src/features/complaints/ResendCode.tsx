import { useState } from 'react';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { api } from '../../lib/api';
import { L, useT } from '../../lib/i18n';

/**
 * 重新发送查询码: a new code goes to the phone on file when the phone typed matches (the server
 * spaces re-issues and rate-limits the form; it never says whether the phone matched).
 */
export function ResendCode({ trackingNo }: { trackingNo: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const [state, setState] = useState<'idle' | 'sent' | 'error'>('idle');
  const [message, setMessage] = useState('');

  async function send() {
    try {
      await api.post('/api/public/complaints/code', { body: { trackingNo: trackingNo.trim(), phone: phone.trim() } });
      setState('sent');
    } catch (e) {
      setState('error');
      setMessage((e as Error).message);
    }
  }

  if (!open) {
    return (
      <Button type="link" onClick={() => setOpen(true)} style={{ padding: 0 }} data-testid="resend-open">
        {t(L('忘记查询码？重新发送查询码', '忘記查詢碼？重新發送查詢碼', 'Lost the code? Send a new code'))}
      </Button>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
      <Typography.Text type="secondary">{t(L('输入投诉时填写的手机号，新查询码将以短信发送', '輸入投訴時填寫的手機號，新查詢碼將以簡訊發送', 'Enter the mobile number given with the complaint; a new code is sent by SMS'))}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" maxLength={20} aria-label={t(L('手机号', '手機號', 'Mobile number'))} data-testid="resend-phone" />
        <Button onClick={send} disabled={!trackingNo.trim() || phone.trim().length < 11} data-testid="resend-send">{t(L('重新发送查询码', '重新發送查詢碼', 'Send a new code'))}</Button>
      </Space.Compact>
      {state === 'sent' && <Alert type="success" showIcon title={t(L('如手机号与投诉记录一致，新查询码已发送（原查询码在新码使用前仍有效）', '如手機號與投訴記錄一致，新查詢碼已發送（原查詢碼在新碼使用前仍有效）', 'If the number matches the complaint, a new code has been sent (the old one works until the new one is used)'))} data-testid="resend-sent" />}
      {state === 'error' && <Alert type="error" showIcon title={message} />}
    </Space>
  );
}
