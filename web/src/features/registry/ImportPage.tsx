import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../lib/api';
import { formatDateTime, L, useLocale, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { codeLabel } from '../../lib/codes';

const JOB_STATUS = {
  validating: { label: L('校验中', '校驗中', 'Validating'), color: 'processing' },
  rejected: { label: L('已拒绝（有错误）', '已拒絕（有錯誤）', 'Rejected (errors)'), color: 'error' },
  importing: { label: L('导入中', '匯入中', 'Importing'), color: 'processing' },
  done: { label: L('已完成', '已完成', 'Done'), color: 'success' },
  failed: { label: L('失败', '失敗', 'Failed'), color: 'error' },
} as const;

export default function ImportPage() {
  const t = useT();
  const [locale] = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [skipErrors, setSkipErrors] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);

  const job = useQuery({
    queryKey: ['registry', 'import', jobId, locale],
    enabled: !!jobId,
    queryFn: ({ signal }) => api.get('/api/enterprises/imports/{id}', { path: { id: jobId ?? '' }, signal }),
    refetchInterval: (q) => (q.state.data && ['validating', 'importing'].includes(q.state.data.status) ? 1000 : false),
  });

  async function upload() {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      const fd = new FormData();
      fd.append('skipErrors', String(skipErrors));
      fd.append('file', file, file.name);
      const started = await api.post('/api/enterprises/imports', { body: fd });
      setJobId(started.id);
    } catch (e) {
      setUploadError(e);
    } finally {
      setUploading(false);
    }
  }

  const j = job.data;
  const percent = j && j.total > 0 ? Math.round((j.processed / Math.max(1, j.valid || j.total)) * 100) : 0;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span data-testid="page-title">{t(L('批量导入市场主体', '批次匯入市場主體', 'Import enterprises from CSV'))}</span>}
        extra={
          <Link to="/staff/registry">
            <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
          </Link>
        }
      >
        <Typography.Paragraph type="secondary">
          {t(
            L(
              'CSV 首行为表头（中文或英文列名）：统一社会信用代码、企业名称、企业类型、法定代表人、法定代表人身份证号、注册资本（元）、住所、行政区划代码、行业代码、经营范围、成立日期。文件有错误时默认整体不导入。',
              'CSV 首列為表頭（中文或英文欄名）：統一社會信用代碼、企業名稱、企業類型、法定代表人、法定代表人身分證號、注冊資本（元）、住所、行政區劃代碼、行業代碼、經營範圍、成立日期。檔案有錯誤時預設整批不匯入。',
              'First line is the header (Chinese or English names): credit_code, name, type, legal_rep_name, legal_rep_id_number, registered_capital (yuan), address, region_code, industry_code, business_scope, established_on. By default a file with errors imports nothing.',
            ),
          )}
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,text/csv"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t(L('点击或拖拽 CSV 文件到此处', '點擊或拖曳 CSV 檔案到此處', 'Click or drop a CSV file here'))}</p>
        </Upload.Dragger>
        <Space style={{ marginTop: 16 }} wrap>
          <Checkbox checked={skipErrors} onChange={(e) => setSkipErrors(e.target.checked)} data-testid="skip-errors">
            {t(L('跳过有错误的行，导入其余行', '略過有錯誤的列，匯入其餘列', 'Skip rows with errors and import the rest'))}
          </Checkbox>
          <Button type="primary" icon={<UploadOutlined />} disabled={!file} loading={uploading} onClick={upload} data-testid="start-import">
            {t(L('开始导入', '開始匯入', 'Start import'))}
          </Button>
        </Space>
        <ErrorAlert error={uploadError} style={{ marginTop: 16 }} />
      </Card>

      {jobId ? (
        <Card title={t(L('导入进度', '匯入進度', 'Progress'))} loading={job.isPending}>
          <ErrorAlert error={job.error} />
          {j ? (
            <>
              <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t(L('文件', '檔案', 'File'))}>{j.fileName}</Descriptions.Item>
                <Descriptions.Item label={t(L('文件编码', '檔案編碼', 'Encoding'))}><span data-testid="import-encoding">{j.encoding ?? '—'}</span></Descriptions.Item>
                <Descriptions.Item label={t(L('状态', '狀態', 'Status'))}>
                  <Tag color={JOB_STATUS[j.status].color} data-testid="import-status">
                    {t(JOB_STATUS[j.status].label)}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t(L('开始时间', '開始時間', 'Started'))}>{formatDateTime(j.createdAt, locale)}</Descriptions.Item>
                <Descriptions.Item label={t(L('总行数', '總列數', 'Rows'))}>{j.total}</Descriptions.Item>
                <Descriptions.Item label={t(L('有效行', '有效列', 'Valid'))}>{j.valid}</Descriptions.Item>
                <Descriptions.Item label={t(L('已处理', '已處理', 'Processed'))}>{j.processed}</Descriptions.Item>
                <Descriptions.Item label={t(L('已导入', '已匯入', 'Imported'))}>{j.imported}</Descriptions.Item>
                <Descriptions.Item label={t(L('已跳过（重复）', '已略過（重複）', 'Skipped (duplicates)'))}>{j.skipped}</Descriptions.Item>
                <Descriptions.Item label={t(L('有错误的行', '有錯誤的列', 'Rows refused'))}>{j.refused}</Descriptions.Item>
                <Descriptions.Item label={t(L('完成时间', '完成時間', 'Finished'))}>{formatDateTime(j.finishedAt, locale)}</Descriptions.Item>
              </Descriptions>
              <Progress
                percent={j.status === 'done' ? 100 : percent}
                status={j.status === 'rejected' || j.status === 'failed' ? 'exception' : j.status === 'done' ? 'success' : 'active'}
                data-testid="import-progress"
              />
              {j.status === 'rejected' ? (
                <Alert
                  style={{ marginTop: 16 }}
                  type="warning"
                  showIcon
                  title={t(L('文件中有错误，未导入任何数据。请修正后重新上传，或勾选“跳过有错误的行”。', '檔案中有錯誤，未匯入任何資料。請修正後重新上傳，或勾選「略過有錯誤的列」。', 'The file has errors and nothing was imported. Fix it and upload again, or tick “skip rows with errors”.'))}
                />
              ) : null}
              {j.errors.length ? (
                <Table
                  style={{ marginTop: 16 }}
                  size="small"
                  rowKey={(r, i) => `${r.row}-${r.field}-${i}`}
                  dataSource={j.errors}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  title={() => t(L('错误明细（{n} 条）', '錯誤明細（{n} 筆）', 'Errors ({n})'), { n: j.errors.length })}
                  columns={[
                    { title: t(L('行号', '列號', 'Row')), dataIndex: 'row', width: 80 },
                    { title: t(L('字段', '欄位', 'Field')), dataIndex: 'field', width: 160 },
                    { title: t(L('代码', '代碼', 'Code')), dataIndex: 'code', width: 200, render: (v: string) => codeLabel(v) },
                    { title: t(L('说明', '說明', 'Message')), dataIndex: 'message' },
                  ]}
                  data-testid="import-errors"
                />
              ) : null}
            </>
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}
