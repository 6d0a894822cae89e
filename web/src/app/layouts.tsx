import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { Button, Grid, Layout, Menu, Result, theme } from 'antd';
import { AppstoreOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { useAudienceActor, useAuth } from './auth';
import { allowed, areaOf, type Area, type FeatureDescriptor, type NavAudience } from './feature';
import { FEATURES, NAV_GROUPS } from '../features/registry-of-features';
import { L, useT } from '../lib/i18n';
import { HeaderTools } from './HeaderTools';
import { PageSpinner } from '../components/PageSpinner';

const { Header, Sider, Content, Footer } = Layout;
const BRAND = '#1f4e9c';
/** The header wraps instead of clipping (a 360 px screen at 200% text); tools fold into a menu below 576 px. */
const HEADER_STYLE = { background: BRAND, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4, paddingInline: 8, height: 'auto', minHeight: 64, lineHeight: 1.4, paddingBlock: 8 } as const;


function Brand({ area }: { area: Area }) {
  const t = useT();
  return (
    <Link to={area === 'staff' ? '/staff' : area === 'business' ? '/business' : '/'} style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff', minWidth: 0 }}>
      <span
        style={{ width: 32, height: 32, borderRadius: 6, background: '#fff', color: BRAND, fontWeight: 700, display: 'inline-flex', alignItems: 'center', justifyContent: 'center', flex: 'none' }}
      >
        行
      </span>
      <span style={{ fontSize: 16, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{t('app.name')}</span>
    </Link>
  );
}

/** Entries of an area's menu visible to the current actor, sorted. */
function useNavFeatures(area: Area): FeatureDescriptor[] {
  const actor = useAudienceActor();
  return useMemo(
    () =>
      FEATURES.filter((f) => f.nav && areaOf(f.path) === area && allowed(f.nav.audience, actor)).sort(
        (a, b) => (a.nav!.order ?? 100) - (b.nav!.order ?? 100),
      ),
    [area, actor],
  );
}

/** The nav path that best matches the current location (longest prefix). */
function selectedKey(features: FeatureDescriptor[], pathname: string): string[] {
  let best: FeatureDescriptor | null = null;
  for (const f of features) {
    const p = f.path;
    if (pathname === p || pathname.startsWith(p.endsWith('/') ? p : `${p}/`)) {
      if (!best || p.length > best.path.length) best = f;
    }
  }
  return best ? [best.key] : [];
}

/** Requires a logged-in actor of a kind; otherwise → /login?next=… or a 403 page. */
export function RequireKind({ kind, children }: { kind: 'staff' | 'business' | 'citizen'; children: ReactNode }) {
  const { actor, loading } = useAuth();
  const location = useLocation();
  const t = useT();
  if (loading) return <PageSpinner />;
  if (!actor) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (actor.kind !== kind) return <Result status="403" title="403" subTitle={t('auth.forbidden')} extra={<Link to="/">{t('nav.home')}</Link>} />;
  return <>{children}</>;
}

/** One feature's page: checks its audience, then renders the lazy element. */
export function FeatureRoute({ feature }: { feature: FeatureDescriptor }) {
  const actor = useAudienceActor();
  const t = useT();
  const audience: NavAudience | undefined = feature.audience ?? feature.nav?.audience;
  if (!allowed(audience, actor)) return <Result status="403" title="403" subTitle={t('auth.forbidden')} />;
  const El = feature.element;
  return (
    <Suspense fallback={<PageSpinner />}>
      <El />
    </Suspense>
  );
}

export function NotFound() {
  const t = useT();
  return <Result status="404" title="404" subTitle={t('page.notFound')} extra={<Link to="/">{t('nav.home')}</Link>} />;
}

/** Staff workspace: side menu filtered by the actor's permissions (from /api/auth/me). */
export function WorkspaceLayout() {
  const t = useT();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const features = useNavFeatures('staff');
  const { token } = theme.useToken();

  const items = useMemo(() => {
    const top: { key: string; icon?: ReactNode; label: ReactNode; children?: unknown[] }[] = [];
    const groups = new Map<string, { key: string; icon?: ReactNode; label: ReactNode; children: { key: string; icon?: ReactNode; label: ReactNode }[] }>();
    for (const f of features) {
      const entry = { key: f.key, icon: f.nav!.icon, label: <Link to={f.path}>{t(f.nav!.label)}</Link> };
      const g = f.nav!.group;
      if (!g) top.push(entry);
      else {
        if (!groups.has(g)) {
          const group = { key: `group:${g}`, icon: <AppstoreOutlined />, label: NAV_GROUPS[g] ? t(NAV_GROUPS[g]) : g, children: [] as typeof entry[] };
          groups.set(g, group);
          top.push(group);
        }
        groups.get(g)!.children.push(entry);
      }
    }
    return top;
  }, [features, t]);
  const selected = selectedKey(features, location.pathname);
  const openKeys = items.filter((i) => i.children).map((i) => i.key);

  return (
    <RequireKind kind="staff">
      <Layout style={{ minHeight: '100vh' }}>
        <Header className="xf-header" style={HEADER_STYLE}>
          <Button
            type="text"
            aria-label={t(L('菜单', '選單', 'Menu'))}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed((c) => !c)}
            style={{ color: '#fff' }}
          />
          <div style={{ flex: 1, minWidth: 0 }}>
            <Brand area="staff" />
          </div>
          <HeaderTools dark />
        </Header>
        <Layout>
          <Sider
            width={220}
            collapsedWidth={screens.md ? 64 : 0}
            collapsed={collapsed}
            breakpoint="md"
            onBreakpoint={(broken) => setCollapsed(broken)}
            className="xf-no-print"
            style={{ background: token.colorBgContainer, borderRight: `1px solid ${token.colorBorderSecondary}` }}
            trigger={null}
          >
            <Menu mode="inline" selectedKeys={selected} defaultOpenKeys={openKeys} items={items as never} style={{ borderInlineEnd: 0, background: 'transparent' }} data-testid="side-menu" />
          </Sider>
          <Content style={{ padding: screens.md ? 24 : 12, minWidth: 0 }}>
            <Outlet />
          </Content>
        </Layout>
      </Layout>
    </RequireKind>
  );
}

/** Public portal (also used by citizen pages): top bar, centred content, footer. */
export function PublicLayout() {
  const t = useT();
  const { actor } = useAuth();
  const location = useLocation();
  const publicNav = useNavFeatures('public');
  const citizenNav = useNavFeatures('citizen');
  const nav = [...publicNav, ...citizenNav];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header className="xf-header" style={HEADER_STYLE}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Brand area="public" />
        </div>
        {actor && actor.kind === 'staff' ? (
          <Link to="/staff" style={{ color: '#fff' }}>
            {t('area.staff')}
          </Link>
        ) : null}
        {actor && actor.kind === 'business' ? (
          <Link to="/business" style={{ color: '#fff' }}>
            {t('area.business')}
          </Link>
        ) : null}
        <HeaderTools dark bell={!!actor && actor.kind !== 'citizen'} />
      </Header>
      {nav.length > 0 ? (
        <Menu
          mode="horizontal"
          selectedKeys={selectedKey(nav, location.pathname)}
          items={nav.map((f) => ({ key: f.key, icon: f.nav!.icon, label: <Link to={f.path}>{t(f.nav!.label)}</Link> }))}
        />
      ) : null}
      <Content style={{ width: '100%', maxWidth: 1100, margin: '0 auto', padding: '16px 12px' }}>
        <Outlet />
      </Content>
      <Footer style={{ textAlign: 'center', color: '#595959', fontSize: 12 }}>
        {t('app.bureau')} · {t('app.name')}
      </Footer>
    </Layout>
  );
}

/** Business portal: top bar with the business menu. */
export function BusinessLayout() {
  const t = useT();
  const location = useLocation();
  const nav = useNavFeatures('business');
  return (
    <RequireKind kind="business">
      <Layout style={{ minHeight: '100vh' }}>
        <Header className="xf-header" style={HEADER_STYLE}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Brand area="business" />
          </div>
          <HeaderTools dark />
        </Header>
        <Menu
          mode="horizontal"
          selectedKeys={selectedKey(nav, location.pathname)}
          items={nav.map((f) => ({ key: f.key, icon: f.nav!.icon, label: <Link to={f.path}>{t(f.nav!.label)}</Link> }))}
        />
        <Content style={{ width: '100%', maxWidth: 1200, margin: '0 auto', padding: '16px 12px' }}>
          <Outlet />
        </Content>
      </Layout>
    </RequireKind>
  );
}
