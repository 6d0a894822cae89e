import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Localized } from '../lib/i18n';

/**
 * Who sees a menu entry or may open a page:
 * - `{ permission: 'enforcement.case.list' }`: actors whose permissions (from GET /api/auth/me, derived
 *   on the server from the policy tables) include that `<area>.<action>` key — never a copied role list;
 * - 'staff': every staff account; 'business' / 'citizen': accounts of that kind; 'public': everybody (public portal nav).
 */
export type NavAudience = { permission: string } | 'staff' | 'business' | 'citizen' | 'public';

export interface FeatureNav {
  label: Localized;
  audience: NavAudience;
  /** Side-menu group key (labels in NAV_GROUPS); no group = top-level entry. */
  group?: string;
  /** Optional antd icon element, e.g. <TeamOutlined />. */
  icon?: ReactNode;
  /** Sort order within the menu (default 100; lower first). */
  order?: number;
}

export interface FeatureDescriptor {
  /** Unique key (also the menu key). */
  key: string;
  /**
   * Absolute route path (react-router syntax, params allowed: '/staff/registry/:code').
   * The prefix picks the area and its layout + log-in guard:
   *   /staff/... and /admin/...  → staff workspace (kind=staff, side menu)
   *   /business/...              → business portal (kind=business)
   *   /citizen/...               → public layout, kind=citizen required
   *   anything else              → public portal (no log-in)
   */
  path: string;
  /** A lazy page component: lazy(() => import('./mymodule/MyPage')) — the page module must `export default`. */
  element: LazyExoticComponent<ComponentType>;
  /** Present → the entry shows in the area's menu. Its `audience` also guards the route (403 page otherwise). */
  nav?: FeatureNav;
  /** Route guard for pages without nav (e.g. detail pages): same semantics as nav.audience. */
  audience?: NavAudience;
}

export type Area = 'staff' | 'business' | 'citizen' | 'public';

export function areaOf(path: string): Area {
  if (path === '/staff' || path.startsWith('/staff/') || path === '/admin' || path.startsWith('/admin/')) return 'staff';
  if (path === '/business' || path.startsWith('/business/')) return 'business';
  if (path === '/citizen' || path.startsWith('/citizen/')) return 'citizen';
  return 'public';
}

/** The logged-in actor as far as audiences are concerned: its kind and its server-given permissions. */
export interface ActorLike {
  kind: string;
  permissions: readonly string[];
}

/** Whether an actor (null = anonymous) matches an audience. */
export function allowed(audience: NavAudience | undefined, actor: ActorLike | null): boolean {
  if (!audience || audience === 'public') return true;
  if (!actor) return false;
  if (typeof audience === 'string') return actor.kind === audience;
  return actor.permissions.includes(audience.permission);
}
