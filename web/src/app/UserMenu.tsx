import { useState } from 'react';
import { Button, Dropdown, Space, Tag } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { api } from '../lib/api';
import { PasswordDialog } from './PasswordDialog';
import { Link } from 'react-router-dom';
import { useAuth } from './auth';
import { L, useT } from '../lib/i18n';
import { regionName } from '../lib/regions';

const ROLE_NAMES: Record<string, ReturnType<typeof L>> = {
  admin: L('系统管理员', '系統管理員', 'Administrator'),
  registrar: L('登记员', '登記員', 'Registrar'),
  mediator: L('调解员', '調解員', 'Mediator'),
  enforcement_officer: L('执法人员', '執法人員', 'Enforcement officer'),
  legal_reviewer: L('法制审核', '法制審核', 'Legal reviewer'),
  bureau_leader: L('局领导', '局領導', 'Bureau leader'),
  credit_officer: L('信用监管', '信用監管', 'Credit officer'),
  inspection_planner: L('抽查计划', '抽查計劃', 'Inspection planner'),
  inspector: L('检查员', '檢查員', 'Inspector'),
  director: L('局长', '局長', 'Director'),
  service_supervisor: L('服务监督', '服務監督', 'Service supervisor'),
  analyst: L('数据分析', '數據分析', 'Analyst'),
  department_client: L('部门系统', '部門系統', 'Department system'),
};

export function roleName(role: string, t: ReturnType<typeof useT>): string {
  return ROLE_NAMES[role] ? t(ROLE_NAMES[role]) : role;
}

export function UserMenu({ dark = false, compact = false }: { dark?: boolean; compact?: boolean }) {
  const { actor, logout } = useAuth();
  const t = useT();
  const [changing, setChanging] = useState(false);
  const color = dark ? { color: 'rgba(255,255,255,0.92)' } : undefined;
  if (!actor) {
    return (
      <Link to="/login">
        <Button type={dark ? 'default' : 'primary'} ghost={dark} data-testid="login-link">
          {t('auth.login')}
        </Button>
      </Link>
    );
  }
  return (
    <>
    <PasswordDialog open={changing} onClose={() => setChanging(false)} />
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'roles',
            disabled: true,
            label: (
              <Space size={4} wrap>
                {actor.roles.map((r) => (
                  <Tag key={r} color="blue">
                    {roleName(r, t)}
                  </Tag>
                ))}
                {actor.jurisdiction ? <Tag>{regionName(actor.jurisdiction)}</Tag> : null}
              </Space>
            ),
          },
          { type: 'divider' },
          ...(actor.kind === 'system'
            ? []
            : [
                { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">{t(L('修改密码', '修改密碼', 'Change password'))}</span>, onClick: () => setChanging(true) },
                {
                  key: 'logout-everywhere',
                  icon: <LogoutOutlined />,
                  label: <span data-testid="logout-everywhere">{t(L('退出所有设备', '登出所有裝置', 'Log out everywhere'))}</span>,
                  onClick: () => void api.post('/api/auth/logout-everywhere').finally(() => window.location.assign('/login')),
                },
              ]),
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('auth.logout')}</span>,
            onClick: () => void logout(),
          },
        ],
      }}
    >
      <Button type="text" icon={<UserOutlined />} style={{ ...color, maxWidth: compact ? 120 : 220, overflow: 'hidden', textOverflow: 'ellipsis' }} aria-label={compact ? (actor.displayName ?? actor.username ?? undefined) : undefined} data-testid="user-menu">
        {compact ? null : (actor.displayName ?? actor.username)}
      </Button>
    </Dropdown>
    </>
  );
}
