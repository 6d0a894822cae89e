import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { homeOf, useAuth } from './auth';
import { L, useT } from '../lib/i18n';
import { ApiError } from '../lib/api';

const DEMO_USERS = ['registrar', 'registrar.sc', 'admin', 'business', 'citizen', 'mediator', 'officer', 'reviewer', 'leader', 'credit', 'planner', 'inspector', 'director', 'supervisor', 'analyst'];
const DEMO_PASSWORD = 'Xingfeng@2026';

export default function LoginPage() {
  const t = useT();
  const { actor, login } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ username: string; password: string }>();

  const next = params.get('next');
  if (actor) return <Navigate to={next && next.startsWith('/') ? next : homeOf(actor)} replace />;

  async function submit(v: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const a = await login(v.username.trim(), v.password);
      navigate(next && next.startsWith('/') ? next : homeOf(a), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '32px 0' }}>
      <Card style={{ width: '100%', maxWidth: 420 }} title={<span data-testid="login-title">{t(L('登录', '登入', 'Log in'))}</span>}>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t(L('请输入用户名', '請輸入使用者名稱', 'Enter your username')) }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t(L('请输入密码', '請輸入密碼', 'Enter your password')) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
        <Alert
          style={{ marginTop: 20 }}
          type="info"
          title={t(L('演示账号', '示範帳號', 'Demo accounts'))}
          description={
            <div>
              <Typography.Paragraph style={{ marginBottom: 6 }}>
                {t(L('密码均为', '密碼皆為', 'Password for all:'))} <Typography.Text code>{DEMO_PASSWORD}</Typography.Text>
              </Typography.Paragraph>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                {DEMO_USERS.map((u) => (
                  <Button key={u} size="small" onClick={() => form.setFieldsValue({ username: u, password: DEMO_PASSWORD })}>
                    {u}
                  </Button>
                ))}
              </div>
            </div>
          }
        />
      </Card>
    </div>
  );
}
