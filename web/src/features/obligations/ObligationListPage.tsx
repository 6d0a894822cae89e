import { Button, Card, Input, Modal, Segmented, Space, Table, Tag, message } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { untypedApi } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProvisionalMark } from '../../components/ProvisionalMark';

interface Obligation {
  id: string;
  kind: string;
  title: string;
  link: string | null;
  dueOn: string;
  dueProvisional: boolean;
  state: 'open' | 'due-soon' | 'overdue' | 'fulfilled' | 'cancelled';
  fulfilledOn: string | null;
  fulfilmentNote: string | null;
}

const STATE = {
  open: { color: 'green', label: L('未到期', '未到期', 'Open') },
  'due-soon': { color: 'orange', label: L('即将到期', '即將到期', 'Due soon') },
  overdue: { color: 'red', label: L('已逾期', '已逾期', 'Overdue') },
  fulfilled: { color: 'default', label: L('已完成', '已完成', 'Fulfilled') },
  cancelled: { color: 'default', label: L('已取消', '已取消', 'Cancelled') },
} as const;

/** The promised dates (回访, follow-ups …) of the signed-in person or of their offices. */
export default function ObligationListPage() {
  const t = useT();
  const qc = useQueryClient();
  const [scope, setScope] = useState<'mine' | 'office'>('mine');
  const [closing, setClosing] = useState<Obligation | null>(null);
  const [note, setNote] = useState('');
  const list = useQuery({ queryKey: ['obligations', scope], queryFn: ({ signal }) => untypedApi.get<{ items: Obligation[] }>('/obligations', { scope }, signal) });

  async function fulfil() {
    if (!closing) return;
    try {
      await untypedApi.post(`/obligations/${closing.id}/fulfil`, { note });
      setClosing(null);
      setNote('');
      await qc.invalidateQueries({ queryKey: ['obligations'] });
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  return (
    <Card title={<span data-testid="page-title">{t(L('承诺事项', '承諾事項', 'Promised dates'))}</span>}>
      <Space style={{ marginBottom: 16 }}>
        <Segmented
          value={scope}
          onChange={(v) => setScope(v as 'mine' | 'office')}
          options={[
            { value: 'mine', label: t(L('我的', '我的', 'Mine')) },
            { value: 'office', label: t(L('本辖区', '本轄區', 'My offices')) },
          ]}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t(L('事项', '事項', 'Obligation')), render: (_: unknown, r: Obligation) => (r.link ? <Link to={r.link}>{r.title}</Link> : r.title) },
          {
            title: t(L('期限', '期限', 'Due')),
            render: (_: unknown, r: Obligation) => (
              <span data-testid="obligation-due">
                {r.dueOn} <Tag color={STATE[r.state].color}>{t(STATE[r.state].label)}</Tag>
                {r.dueProvisional ? <ProvisionalMark years={[Number(r.dueOn.slice(0, 4))]} /> : null}
              </span>
            ),
          },
          {
            title: '',
            render: (_: unknown, r: Obligation) =>
              r.state === 'fulfilled' || r.state === 'cancelled' ? null : (
                <Button size="small" onClick={() => setClosing(r)} data-testid="fulfil">
                  {t(L('记录完成', '記錄完成', 'Record as done'))}
                </Button>
              ),
          },
        ]}
      />
      <Modal open={!!closing} title={closing?.title} onOk={() => void fulfil()} onCancel={() => setClosing(null)} okButtonProps={{ disabled: note.trim().length < 2 }}>
        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder={t(L('完成情况', '完成情況', 'What was done'))} data-testid="fulfil-note" />
      </Modal>
    </Card>
  );
}
