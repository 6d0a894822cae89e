import { useState } from 'react';
import { Button, Card, Col, InputNumber, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { StationDto } from '../../../../contracts/complaints';
import { api } from '../../lib/api';
import { L, useLocale, useT } from '../../lib/i18n';
import { chinaDate, now } from '../../lib/clock';
import { EChart } from '../../components/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { STATION_TYPE } from './labels';


/** The mediation network: stations with their QR posters, and the 5-minute-walk coverage chart. */
export default function StationsPage() {
  const t = useT();
  const [locale] = useLocale();
  const [minutes, setMinutes] = useState(5);
  // Coverage counts stations open at an instant: today at 10:00 China time by default, or now.
  const [when, setWhen] = useState<'day' | 'now'>('day');
  const today = chinaDate();
  const at = when === 'now' ? now().toISOString() : new Date(`${today}T10:00:00+08:00`).toISOString();
  const stations = useQuery({ queryKey: ['stations'], queryFn: () => api.get('/api/complaints/stations', { query: { limit: 200 } }) });
  const cov = useQuery({ queryKey: ['coverage', minutes, when], queryFn: () => api.post('/api/complaints/stations/coverage', { body: { minutes, at } }) });
  const figures = useQuery({ queryKey: ['complaint-figures'], queryFn: () => api.get('/api/complaints/figures'), retry: false });
  const c = cov.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {figures.data && (
        <Row gutter={16}>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t(L('调解成功率', '調解成功率', 'Mediation success rate'))} value={figures.data.mediationSuccessRate == null ? '—' : `${(figures.data.mediationSuccessRate * 100).toFixed(1)}%`} /><Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="success-rate-definition">{figures.data.successRateDefinition[locale]}</Typography.Text></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t(L('平均受理用时（小时）', '平均受理用時（小時）', 'Avg. hours to accept'))} value={figures.data.stages.acceptHours ?? '—'} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t(L('平均处理用时（小时）', '平均處理用時（小時）', 'Avg. hours to handle'))} value={figures.data.stages.handleHours ?? '—'} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t(L('站点（开放/总数）', '站點（開放/總數）', 'Stations (active/total)'))} value={`${figures.data.stations.active}/${figures.data.stations.total}`} /></Card></Col>
        </Row>
      )}
      <Card
        title={<span data-testid="page-title">{t(L('“5 分钟维权圈”覆盖率', '「5 分鐘維權圈」覆蓋率', '5-minute circle coverage'))}</span>}
        extra={
          <Space wrap>
            <Segmented value={when} onChange={(v) => setWhen(v as 'day' | 'now')} options={[{ value: 'day', label: t(L('今天 10:00 开放', '今天 10:00 開放', 'Open today at 10:00')) }, { value: 'now', label: t(L('此刻开放', '此刻開放', 'Open now')) }]} />
            {t(L('步行分钟', '步行分鐘', 'Walking minutes'))}
            <InputNumber min={1} max={60} value={minutes} onChange={(v) => setMinutes(v ?? 5)} />
          </Space>
        }
      >
        <ErrorAlert error={cov.error} />
        {c && (
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <EChart
                height={260}
                option={{
                  title: { text: `${(c.share * 100).toFixed(1)}%`, left: 'center', top: 'center' },
                  tooltip: { trigger: 'item' },
                  series: [{ type: 'pie', radius: ['55%', '80%'], data: [
                    { name: t(L('已覆盖', '已覆蓋', 'Covered')), value: c.covered, itemStyle: { color: '#52c41a' } },
                    { name: t(L('未覆盖', '未覆蓋', 'Uncovered')), value: c.total - c.covered, itemStyle: { color: '#ff4d4f' } },
                  ] }],
                }}
              />
              <div style={{ textAlign: 'center' }} data-testid="coverage-share">{t(L('{c}/{n} 个社区点在开放站点步行 {m} 分钟内（开放站点 {s} 个）', '{c}/{n} 個社區點在開放站點步行 {m} 分鐘內（開放站點 {s} 個）', '{c}/{n} community points within {m} minutes of an open station ({s} open)'), { c: c.covered, n: c.total, m: c.minutes, s: c.openStations })}</div>
            </Col>
            <Col xs={24} md={14}>
              <Table
                size="small"
                rowKey="name"
                dataSource={c.uncovered}
                pagination={{ pageSize: 8 }}
                title={() => t(L('未覆盖的社区点', '未覆蓋的社區點', 'Uncovered points'))}
                columns={[
                  { title: t(L('社区点', '社區點', 'Point')), dataIndex: 'name' },
                  { title: t(L('最近站点距离', '最近站點距離', 'Nearest station')), dataIndex: 'meters', render: (v) => (v == null ? '—' : `${v} m`) },
                  { title: t(L('步行分钟', '步行分鐘', 'Minutes')), dataIndex: 'walkingMinutes', render: (v) => v ?? '—' },
                ]}
              />
            </Col>
          </Row>
        )}
      </Card>
      <Card title={t(L('调解站点', '調解站點', 'Mediation stations'))}>
        <ErrorAlert error={stations.error} />
        <Table<StationDto>
          rowKey="id"
          size="small"
          loading={stations.isLoading}
          dataSource={stations.data?.items ?? []}
          data-testid="station-table"
          columns={[
            { title: t(L('名称', '名稱', 'Name')), dataIndex: 'name' },
            { title: t(L('类型', '類型', 'Type')), dataIndex: 'type', render: (v) => t(STATION_TYPE[v]) },
            { title: t(L('地址', '地址', 'Address')), dataIndex: 'address' },
            { title: t(L('开放时间', '開放時間', 'Hours')), dataIndex: 'openingHours', render: (h: StationDto['openingHours']) => h.map((p) => `${p.days.join(',')} ${p.open}–${p.close}`).join('; ') || '—' },
            { title: t(L('调解员', '調解員', 'Mediators')), dataIndex: 'mediators', render: (m: StationDto['mediators']) => m.map((x) => x.name).join('、') || '—' },
            { title: t(L('状态', '狀態', 'State')), dataIndex: 'active', render: (a) => (a ? <Tag color="green">{t(L('启用', '啟用', 'Active'))}</Tag> : <Tag>{t(L('停用', '停用', 'Inactive'))}</Tag>) },
            {
              title: t('common.actions'),
              key: 'a',
              render: (_, s) => (
                <Space>
                  <a href={`/api/complaints/stations/${s.id}/poster.pdf`} target="_blank" rel="noreferrer"><Button size="small">{t(L('二维码海报', '二維碼海報', 'QR poster'))}</Button></a>
                  <a href={s.intakeUrl} target="_blank" rel="noreferrer">{t(L('手机表单', '手機表單', 'Phone form'))}</a>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
