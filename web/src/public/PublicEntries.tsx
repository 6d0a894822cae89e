import { Card, Col, Row, Space, Typography } from 'antd';
import { AuditOutlined, EnvironmentOutlined, FileSearchOutlined, FormOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { L, useT } from '../lib/i18n';

const ENTRIES = [
  { to: '/m/complain', testId: 'entry-complain', icon: <FormOutlined />, title: L('投诉举报', '投訴舉報', 'Complain or report'), hint: L('消费纠纷投诉、违法行为举报，无需注册', '消費糾紛投訴、違法行為舉報，無需註冊', 'Consumer disputes and reports, no account needed') },
  { to: '/m/track', testId: 'entry-track', icon: <FileSearchOutlined />, title: L('查询进度', '查詢進度', 'Track progress'), hint: L('凭编号和短信查询码查看办理进度', '憑編號和簡訊查詢碼查看辦理進度', 'With the tracking number and the SMS code') },
  { to: '/m/stations', testId: 'entry-stations', icon: <EnvironmentOutlined />, title: L('附近调解站', '附近調解站', 'Stations nearby'), hint: L('就近找到消费维权调解站，步行导航', '就近找到消費維權調解站，步行導航', 'Find the nearest mediation station, with walking directions') },
  { to: '/penalties', testId: 'entry-penalties', icon: <AuditOutlined />, title: L('行政处罚公示', '行政處罰公示', 'Penalty decisions'), hint: L('依法公示的行政处罚决定，可按名称、代码、文号查询', '依法公示的行政處罰決定，可按名稱、代碼、文號查詢', 'Published penalty decisions, by name, code or document number') },
];

/** The first-class public entries of the home page: complain, track, nearest station, published penalties. */
export function PublicEntries() {
  const t = useT();
  return (
    <Row gutter={[12, 12]}>
      {ENTRIES.map((e) => (
        <Col xs={24} sm={12} lg={6} key={e.to}>
          <Link to={e.to} data-testid={e.testId}>
            <Card hoverable size="small" style={{ height: '100%' }}>
              <Space align="start">
                <span style={{ fontSize: 28, color: '#1f4e9c' }}>{e.icon}</span>
                <div>
                  <Typography.Text strong style={{ fontSize: 16 }}>{t(e.title)}</Typography.Text>
                  <div><Typography.Text type="secondary">{t(e.hint)}</Typography.Text></div>
                </div>
              </Space>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
