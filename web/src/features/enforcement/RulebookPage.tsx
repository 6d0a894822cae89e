import { useEffect, useState } from 'react';
import { App, Button, Card, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../lib/api';
import { formatYuan, fenToYuan, yuanToFen } from '../../lib/money';
import { L, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SOURCE_TAG } from './warnings/labels';

type Detail = ResponseOf<'/api/enforcement/rulebook/versions/{id}', 'get'>;
type Entry = Detail['entries'][number];

const LIST = { first_violation: L('首违不罚', '首違不罰', 'First violation, no penalty'), minor: L('轻微免罚', '輕微免罰', 'Minor, no penalty') } as const;
const STATUS = { draft: L('草稿', '草稿', 'Draft'), published: L('现行', '現行', 'In force'), superseded: L('已被替代', '已被替代', 'Superseded') } as const;

/** The rulebook (issue 11): versions of the lenient lists and discretion benchmarks, each entry with its source; legal reviewers draft and publish. */
export default function RulebookPage() {
  const t = useT();
  const qc = useQueryClient();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const [id, setId] = useState<string | undefined>();
  const [editing, setEditing] = useState<Entry | null>(null);
  const [range, setRange] = useState<[number | null, number | null]>([null, null]);
  const versions = useQuery({ queryKey: ['enforcement', 'rulebook'], queryFn: ({ signal }) => api.get('/api/enforcement/rulebook/versions', { signal }) });
  useEffect(() => {
    if (!id && versions.data?.length) setId((versions.data.find((v) => v.status === 'published' && v.scope === 'national') ?? versions.data[0]).id);
  }, [id, versions.data]);
  const detail = useQuery({ queryKey: ['enforcement', 'rulebook', id], enabled: !!id, queryFn: ({ signal }) => api.get('/api/enforcement/rulebook/versions/{id}', { path: { id: id! }, signal }) });
  const v = detail.data;
  const refresh = () => qc.invalidateQueries({ queryKey: ['enforcement', 'rulebook'] });
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));

  async function draft() {
    try {
      const d = await api.post('/api/enforcement/rulebook/drafts', { body: { scope: v?.scope ?? 'national' } });
      await refresh();
      setId(d.id);
    } catch (e) {
      fail(e);
    }
  }

  async function saveEntry() {
    if (!v || !editing) return;
    const [min, max] = range;
    const entries = v.entries.map((e) => (e.code === editing.code ? { ...e, range: min !== null && max !== null ? { minFen: yuanToFen(min), maxFen: yuanToFen(max) } : null } : e));
    try {
      await api.patch('/api/enforcement/rulebook/versions/{id}', { path: { id: v.id }, body: { rowVersion: v.rowVersion, entries } });
      setEditing(null);
      await refresh();
    } catch (e) {
      fail(e);
    }
  }

  function publish() {
    if (!v) return;
    modal.confirm({
      title: t(L('发布 {key}？', '發佈 {key}？', 'Publish {key}?'), { key: v.key }),
      content: t(L('发布后新立案件将适用此版本，已立案件继续适用其原版本；已发布版本不可再修改。', '發佈後新立案件將適用此版本，已立案件繼續適用其原版本；已發佈版本不可再修改。', 'New cases will use this version; open cases keep theirs. A published version cannot be edited.')),
      onOk: async () => {
        try {
          await api.post('/api/enforcement/rulebook/versions/{id}/publish', { path: { id: v.id }, body: { rowVersion: v.rowVersion } });
          await refresh();
        } catch (e) {
          fail(e);
        }
      },
    });
  }

  return (
    <Card
      title={t(L('裁量规则库（免罚清单与裁量基准）', '裁量規則庫（免罰清單與裁量基準）', 'Rulebook (lenient lists and discretion benchmarks)'))}
      extra={
        <Space wrap>
          <Select
            aria-label={t(L('版本', '版本', 'Version'))}
            style={{ width: 260 }}
            value={id}
            onChange={setId}
            options={(versions.data ?? []).map((x) => ({ value: x.id, label: `${x.key} · ${x.scope === 'national' ? t(L('全国', '全國', 'National')) : x.scope} · ${t(STATUS[x.status])}` }))}
          />
          {can('enforcement.rulebook.edit') && v?.status === 'published' && <Button onClick={draft}>{t(L('新建草稿', '新建草稿', 'New draft'))}</Button>}
          {can('enforcement.rulebook.publish') && v?.status === 'draft' && <Button type="primary" onClick={publish}>{t(L('发布', '發佈', 'Publish'))}</Button>}
        </Space>
      }
    >
      <ErrorAlert error={versions.error ?? detail.error} />
      {v && (
        <Typography.Paragraph type="secondary">
          {t(L('从轻：法定幅度内较低的 {l}%；从重：较高的 {h}%；生效日期 {from}', '從輕：法定幅度內較低的 {l}%；從重：較高的 {h}%；生效日期 {from}', 'Lighter: lowest {l}% of the range; heavier: highest {h}%; in force from {from}'), {
            l: Math.round(v.params.lighterShare * 100),
            h: Math.round(v.params.heavierShare * 100),
            from: v.effectiveFrom,
          })}
        </Typography.Paragraph>
      )}
      <Table<Entry>
        rowKey="code"
        size="small"
        loading={detail.isPending && !!id}
        dataSource={v?.entries ?? []}
        pagination={false}
        columns={[
          { title: t(L('违法行为', '違法行為', 'Violation')), render: (_: unknown, e) => (<>{e.name}{e.conditions && <div><Typography.Text type="secondary">{e.conditions}</Typography.Text></div>}</>) },
          { title: t(L('清单', '清單', 'List')), width: 110, render: (_: unknown, e) => (e.list ? <Tag color="green">{t(LIST[e.list])}</Tag> : null) },
          {
            title: t(L('法定罚款幅度', '法定罰款幅度', 'Statutory range')),
            width: 170,
            render: (_: unknown, e) => (e.range ? `${formatYuan(e.range.minFen)} – ${formatYuan(e.range.maxFen)}` : t(L('未录入（不用于案件）', '未錄入（不用於案件）', 'Not entered (not offered to cases)'))),
          },
          {
            title: t(L('依据与来源', '依據與來源', 'Basis and source')),
            render: (_: unknown, e) => (
              <>
                <div>{e.penaltyBasis.law}{e.penaltyBasis.article}</div>
                <div>
                  <Typography.Text type="secondary">{e.source.title} · {t(SOURCE_TAG[e.source.tag])}</Typography.Text>{' '}
                  {e.source.url && <a href={e.source.url} target="_blank" rel="noreferrer">{t(L('出处', '出處', 'Source'))}</a>}
                </div>
                {e.unverified && <Tag color="orange">{t(L('待法制审核确认', '待法制審核確認', 'To be confirmed by legal review'))}</Tag>}
              </>
            ),
          },
          {
            title: '',
            width: 80,
            render: (_: unknown, e) =>
              can('enforcement.rulebook.edit') && v?.status === 'draft' ? (
                <Button size="small" onClick={() => { setEditing(e); setRange(e.range ? [fenToYuan(e.range.minFen), fenToYuan(e.range.maxFen)] : [null, null]); }}>
                  {t(L('编辑', '編輯', 'Edit'))}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={!!editing} title={editing?.name} onOk={saveEntry} onCancel={() => setEditing(null)} okText={t(L('保存到草稿', '儲存到草稿', 'Save to draft'))}>
        <Space>
          <InputNumber aria-label={t(L('最低（元）', '最低（元）', 'Minimum (yuan)'))} min={0} value={range[0]} onChange={(x) => setRange([x, range[1]])} addonAfter="元" />
          <span>–</span>
          <InputNumber aria-label={t(L('最高（元）', '最高（元）', 'Maximum (yuan)'))} min={0} value={range[1]} onChange={(x) => setRange([range[0], x])} addonAfter="元" />
        </Space>
      </Modal>
    </Card>
  );
}
