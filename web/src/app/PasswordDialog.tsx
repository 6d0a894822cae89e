import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { api } from '../lib/api';
import { applyFieldErrors } from '../lib/forms';
import { L, useT } from '../lib/i18n';

const S = {
  title: L('修改密码', '修改密碼', 'Change password'),
  current: L('当前密码', '目前密碼', 'Current password'),
  next: L('新密码', '新密碼', 'New password'),
  repeat: L('再次输入新密码', '再次輸入新密碼', 'Repeat the new password'),
  mismatch: L('两次输入的新密码不一致', '兩次輸入的新密碼不一致', 'The two new passwords differ'),
  hint: L('至少 10 个字符，不能是常见密码。修改后所有设备上的登录都会退出，请用新密码重新登录。', '至少 10 個字元，不能是常見密碼。修改後所有裝置上的登入都會登出，請用新密碼重新登入。', 'At least 10 characters, not a common password. Every session ends afterwards: log in again with the new password.'),
  ok: L('确认修改', '確認修改', 'Change'),
};

/** The logged-in user's own password change; on success every session ends and the log-in page opens. */
export function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setErrors([]);
    try {
      await api.post('/api/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      window.location.assign('/login');
    } catch (err) {
      setErrors(applyFieldErrors(form, err, ['currentPassword', 'newPassword']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t(S.title)} okText={t(S.ok)} onOk={() => void submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <Alert type="info" showIcon message={t(S.hint)} style={{ marginBottom: 16 }} />
      {errors.length ? <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" data-testid="password-form">
        <Form.Item name="currentPassword" label={t(S.current)} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t(S.next)} rules={[{ required: true, min: 10 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t(S.repeat)}
          dependencies={['newPassword']}
          rules={[{ required: true }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t(S.mismatch)))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
