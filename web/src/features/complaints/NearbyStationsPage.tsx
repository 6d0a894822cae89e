import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, type ResponseOf } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { formatDistance, intakePath, navigationUrl } from './nearby/links';

type Nearest = ResponseOf<'/api/public/stations/nearest', 'get'>['items'];

/**
 * 附近调解站: the nearest stations from the phone's position (browser geolocation) or a typed address
 * (no geocoder: the district named in it, measured from its centre, said to be approximate), with
 * walking minutes, a navigation link and the station's own complaint form.
 */
export default function NearbyStationsPage() {
  const t = useT();
  const [items, setItems] = useState<Nearest | null>(null);
  const [approx, setApprox] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function locate() {
    setError(null);
    if (!navigator.geolocation) return setError(t(L('此浏览器不支持定位，请输入地址', '此瀏覽器不支援定位，請輸入地址', 'This browser cannot locate you; type an address')));
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        try {
          const res = await api.get('/api/public/stations/nearest', { query: { lat: pos.coords.latitude, lng: pos.coords.longitude, limit: 5, radius: 5000 } });
          setItems(res.items);
          setApprox(null);
        } catch (e) {
          setError((e as Error).message);
        } finally {
          setBusy(false);
        }
      },
      () => {
        setBusy(false);
        setError(t(L('无法获取位置，请允许定位或输入地址', '無法取得位置，請允許定位或輸入地址', 'Could not get your position: allow location or type an address')));
      },
      { timeout: 10_000 },
    );
  }

  async function byAddress(address: string) {
    setError(null);
    if (address.trim().length < 2) return;
    setBusy(true);
    try {
      const res = await api.get('/api/public/stations/nearest-by-address', { query: { address: address.trim(), limit: 5 } });
      setItems(res.items);
      setApprox(res.regionName);
      if (!res.regionCode) setError(t(L('未能从地址中识别所在区县，请写明区名（如“上城区”）', '未能從地址中識別所在區縣，請寫明區名（如「上城區」）', 'No district found in the address: name it (e.g. 上城区)')));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 12 }} data-testid="nearby-page">
      <Card size="small" title={t(L('附近调解站', '附近調解站', 'Mediation stations nearby'))}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button type="primary" block icon={<AimOutlined />} loading={busy} onClick={locate} data-testid="nearby-locate">
            {t(L('使用我的位置', '使用我的位置', 'Use my position'))}
          </Button>
          <Input.Search
            placeholder={t(L('或输入地址，如：杭州市上城区清波街道', '或輸入地址，如：杭州市上城區清波街道', 'Or type an address, e.g. 杭州市上城区清波街道'))}
            enterButton={t(L('查找', '查找', 'Find'))}
            onSearch={byAddress}
            aria-label={t(L('地址', '地址', 'Address'))}
            data-testid="nearby-address"
          />
        </Space>
      </Card>
      {error && <Alert type="warning" showIcon title={error} style={{ marginTop: 12 }} data-testid="nearby-error" />}
      {approx && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title={t(L(`按${approx}中心估算，距离为约数`, `按${approx}中心估算，距離為約數`, `Measured from the centre of ${approx}: distances are approximate`))} data-testid="nearby-approx" />
      )}
      {items && (
        <Card size="small" style={{ marginTop: 12 }}>
          {items.length === 0 ? (
            <Empty description={t(L('附近没有调解站', '附近沒有調解站', 'No station nearby'))} />
          ) : (
            <List
              dataSource={items}
              renderItem={(s) => (
                <List.Item key={s.id} data-testid="nearby-station">
                  <div style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>{s.name}</Typography.Text>
                      <Tag color={s.openNow ? 'green' : 'default'}>{s.openNow ? t(L('正在开放', '正在開放', 'Open now')) : t(L('已关闭', '已關閉', 'Closed'))}</Tag>
                    </Space>
                    <div><EnvironmentOutlined /> {s.address}</div>
                    <div>
                      <Typography.Text type="secondary" data-testid="nearby-walk">
                        {approx ? '≈ ' : ''}
                        {formatDistance(s.meters)} · {t(L(`步行约 ${s.walkingMinutes} 分钟`, `步行約 ${s.walkingMinutes} 分鐘`, `about ${s.walkingMinutes} min on foot`))}
                      </Typography.Text>
                    </div>
                    <Space style={{ marginTop: 4 }} wrap>
                      <a href={navigationUrl(s)} target="_blank" rel="noreferrer" data-testid="nearby-nav">{t(L('步行导航', '步行導航', 'Walking directions'))}</a>
                      <Link to={intakePath(s.intakeUrl)} data-testid="nearby-complain">{t(L('在此站投诉', '在此站投訴', 'Complain at this station'))}</Link>
                    </Space>
                  </div>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </div>
  );
}
