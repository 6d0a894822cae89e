import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useAudienceActor, useAuth } from '../../app/auth';
import { roleName } from '../../app/UserMenu';
import { allowed, areaOf } from '../../app/feature';
import { NAV_GROUPS } from '../nav-groups';
import { useFeatures } from '../../app/features-context';
import { L, useT, type Localized } from '../../lib/i18n';
import { REGION_OPTIONS } from '../registry/labels';

const JURISDICTIONS: Record<string, Localized> = {
  '33': L('浙江省', '浙江省', 'Zhejiang'),
  '3301': L('杭州市', '杭州市', 'Hangzhou'),
  ...Object.fromEntries(REGION_OPTIONS.map((r) => [r.code, r.name])),
};

/** Staff home: greeting, the actor's roles and jurisdiction, and quick links to every page the actor may use. */
export default function StaffHomePage() {
  const t = useT();
  const { actor } = useAuth();
  const audienceActor = useAudienceActor();
  const links = useFeatures().filter((f) => f.nav && f.key !== 'staff-home' && areaOf(f.path) === 'staff' && allowed(f.nav.audience, audienceActor)).sort(
    (a, b) => (a.nav!.order ?? 100) - (b.nav!.order ?? 100),
  );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="page-title">
          {t(L('欢迎，{name}', '歡迎，{name}', 'Welcome, {name}'), { name: actor?.displayName ?? '' })}
        </Typography.Title>
        <Space wrap>
          {actor?.roles.map((r) => (
            <Tag color="blue" key={r}>
              {roleName(r, t)}
            </Tag>
          ))}
          <Typography.Text type="secondary">
            {t(L('辖区：{j}', '轄區：{j}', 'Jurisdiction: {j}'), {
              j: !actor?.jurisdiction ? t(L('全部', '全部', 'everywhere')) : JURISDICTIONS[actor.jurisdiction] ? t(JURISDICTIONS[actor.jurisdiction]) : actor.jurisdiction,
            })}
          </Typography.Text>
        </Space>
      </Card>
      <Card title={t(L('常用功能', '常用功能', 'Quick links'))}>
        <Row gutter={[16, 16]}>
          {links.map((f) => (
            <Col xs={24} sm={12} lg={8} xl={6} key={f.key}>
              <Link to={f.path}>
                <Card size="small" hoverable>
                  <Space>
                    <span style={{ fontSize: 20, color: '#1f4e9c' }}>{f.nav!.icon ?? <AppstoreOutlined />}</span>
                    <span>
                      <div>{t(f.nav!.label)}</div>
                      {f.nav!.group ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {NAV_GROUPS[f.nav!.group] ? t(NAV_GROUPS[f.nav!.group]) : f.nav!.group}
                        </Typography.Text>
                      ) : null}
                    </span>
                  </Space>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </Space>
  );
}
