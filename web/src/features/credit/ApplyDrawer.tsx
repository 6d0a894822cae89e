import { useState } from 'react';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, Typography, Upload } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { api, type ResponseOf } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { COMMITMENT } from './labels';

type CreditRecord = ResponseOf<'/api/credit/records', 'get'>['items'][number];

/**
 * The repair application: proof (phone camera photos or PDFs, uploaded one by one), the measures
 * taken, and the credit commitment signed in the form. One key per opening, so a double submit makes one.
 */
export function ApplyDrawer({ record, onClose, onDone }: { record: CreditRecord; onClose: () => void; onDone: (id: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [proofIds, setProofIds] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  async function submit() {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const a = await api.post('/api/credit/applications', {
        body: { recordId: record.id, measures: v.measures, commitmentSigner: v.signer, commitmentAccepted: true, proofFileIds: Object.values(proofIds), idempotencyKey },
      });
      message.success(t(L('申请已提交', '申請已提交', 'Application submitted')));
      onDone(a.id);
    } catch (e) {
      applyFieldErrors(form, e, ['measures', 'commitmentSigner']);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer open onClose={onClose} width="min(560px, 100vw)" title={t(L('申请信用修复', '申請信用修復', 'Apply for credit repair'))} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {record.kindLabel} · {record.documentNo ?? record.grounds} · {record.issuingOffice}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="apply-form">
        <Form.Item label={t(L('证明材料（缴款凭证、整改照片，可用手机拍照或上传 PDF）', '證明材料（繳款憑證、整改照片，可用手機拍照或上傳 PDF）', 'Proof (receipt, photos of the correction: phone camera or PDF)'))} required>
          <Upload
            data-testid="proof-upload"
            accept="image/*,application/pdf"
            capture="environment"
            multiple
            fileList={files}
            onChange={({ fileList }) => setFiles(fileList)}
            onRemove={(f) => setProofIds(({ [f.uid]: _drop, ...rest }) => rest)}
            customRequest={async ({ file, onSuccess, onError }) => {
              try {
                const fd = new FormData();
                fd.append('file', file as Blob, (file as File).name);
                const saved = await api.post('/api/credit/proofs', { body: fd });
                setProofIds((p) => ({ ...p, [(file as UploadFile).uid]: saved.fileId }));
                onSuccess?.(saved);
              } catch (e) {
                setError(e);
                onError?.(e as Error);
              }
            }}
          >
            <Button icon={<CameraOutlined />}>{t(L('拍照或选择文件', '拍照或選擇檔案', 'Take a photo or choose a file'))}</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="measures" label={t(L('履行义务、消除影响的情况', '履行義務、消除影響的情況', 'What was done to correct it'))} rules={[{ required: true, min: 4 }]}>
          <Input.TextArea rows={3} data-testid="measures" />
        </Form.Item>
        <Alert type="info" showIcon message={t(L('守信承诺书', '守信承諾書', 'Credit commitment'))} description={t(COMMITMENT)} style={{ marginBottom: 12 }} />
        <Form.Item name="signer" label={t(L('承诺人（法定代表人或经办人）', '承諾人（法定代表人或經辦人）', 'Signed by (legal representative or agent)'))} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="signer" />
        </Form.Item>
        <Form.Item name="commit" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t(L('请签署承诺书', '請簽署承諾書', 'Please sign the commitment'))))) }]}>
          <Checkbox data-testid="commit">{t(L('我已阅读并签署上述守信承诺', '我已閱讀並簽署上述守信承諾', 'I have read and sign the commitment above'))}</Checkbox>
        </Form.Item>
        {error ? <ErrorAlert error={error} /> : null}
        <Button type="primary" block loading={busy} disabled={!Object.keys(proofIds).length} onClick={submit} data-testid="submit-application">
          {t(L('提交申请', '提交申請', 'Submit'))}
        </Button>
      </Form>
    </Drawer>
  );
}
