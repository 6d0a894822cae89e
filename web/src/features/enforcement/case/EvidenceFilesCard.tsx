import { useState } from 'react';
import { App, Button, Card, Input, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../../lib/api';
import { formatDateTime, L, useLocale, useT } from '../../../lib/i18n';
import type { Case } from './types';

/** Evidence files of the case with their downloads, and (for the case's officers) an upload. */
export function EvidenceFilesCard({ c, canUpload, onChanged }: { c: Case; canUpload: boolean; onChanged(next: Case): void }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    const form = new FormData();
    form.append('version', String(c.version));
    form.append('kind', 'evidence');
    form.append('description', description.trim() || file.name);
    form.append('file', file);
    setBusy(true);
    try {
      onChanged(await api.post('/api/enforcement/cases/{id}/evidence-files', { path: { id: c.id }, body: form }));
      setDescription('');
      message.success(t(L('证据已上传', '證據已上傳', 'Evidence uploaded')));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t(L('证据材料', '證據材料', 'Evidence files'))} data-testid="evidence-files">
      {canUpload ? (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
          <Input
            style={{ flex: '1 1 200px' }}
            aria-label={t(L('证据说明', '證據說明', 'Description'))}
            placeholder={t(L('证据说明（如：现场照片）', '證據說明（如：現場照片）', 'Description (e.g. site photo)'))}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <Upload accept=".pdf,.jpg,.jpeg,.png" showUploadList={false} beforeUpload={(file) => {
              void upload(file);
              return false;
            }}>
            <Button icon={<UploadOutlined />} loading={busy} data-testid="evidence-upload">
              {t(L('上传（PDF、JPG、PNG）', '上傳（PDF、JPG、PNG）', 'Upload (PDF, JPG, PNG)'))}
            </Button>
          </Upload>
        </div>
      ) : null}
      <Table
        rowKey="fileId"
        size="small"
        pagination={false}
        dataSource={c.evidenceFiles}
        scroll={{ x: true }}
        columns={[
          { title: t(L('说明', '說明', 'Description')), dataIndex: 'description' },
          { title: t(L('文件', '檔案', 'File')), dataIndex: 'name', render: (v: string, f) => <a href={f.downloadUrl}>{v}</a> },
          { title: t(L('大小', '大小', 'Size')), dataIndex: 'size', render: (v: number) => `${Math.max(1, Math.round(v / 1024))} KB` },
          { title: t(L('上传', '上傳', 'Uploaded')), dataIndex: 'recordedAt', render: (v: string, f) => `${formatDateTime(v, locale)} ${f.actorName ?? ''}` },
        ]}
      />
    </Card>
  );
}
