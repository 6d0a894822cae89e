import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActorDto, MeDto } from '../../../contracts/platform';
import { api, ApiError } from '../lib/api';

/** The logged-in actor as GET /api/auth/me returns it. */
export type Actor = ActorDto;

interface AuthState {
  /** null = not logged in. */
  actor: Actor | null;
  /** What the actor may do, as `<area>.<action>` keys computed by the server from its policy tables. */
  permissions: readonly string[];
  loading: boolean;
  login(username: string, password: string): Promise<Actor>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  /** Whether the server grants the actor an action, e.g. can('enforcement.case.review'). */
  can(permission: string): boolean;
}

const AuthContext = createContext<AuthState | null>(null);
const ME_KEY = ['auth', 'me'];
const NONE: readonly string[] = [];

async function fetchMe(): Promise<MeDto | null> {
  try {
    return await api.get('/api/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
  const actor = me.data?.actor ?? null;
  const permissions = me.data?.permissions ?? NONE;

  const login = useCallback(
    async (username: string, password: string) => {
      const r = await api.post('/api/auth/login', { body: { username, password } });
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(ME_KEY, r);
      return r.actor;
    },
    [qc],
  );
  /** Ends the session and reloads the app on /login (a full reload drops every cached datum of the old actor). */
  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      window.location.assign('/login');
    }
  }, []);
  const refresh = useCallback(async () => {
    await qc.invalidateQueries({ queryKey: ME_KEY });
  }, [qc]);

  const value = useMemo<AuthState>(
    () => ({ actor, permissions, loading: me.isPending, login, logout, refresh, can: (permission) => permissions.includes(permission) }),
    [actor, permissions, me.isPending, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The actor with its permissions, as `allowed()` reads it (null = anonymous). */
export function useAudienceActor(): { kind: string; permissions: readonly string[] } | null {
  const { actor, permissions } = useAuth();
  return useMemo(() => (actor ? { kind: actor.kind, permissions } : null), [actor, permissions]);
}

/** Where an actor lands after log-in. */
export function homeOf(actor: Actor | null): string {
  if (!actor) return '/';
  if (actor.kind === 'staff') return '/staff';
  if (actor.kind === 'business') return '/business';
  return '/';
}
