import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../lib/api';

/** The logged-in actor as GET /api/auth/me returns it. */
export interface Actor {
  id: string | null;
  kind: 'staff' | 'business' | 'citizen' | 'system' | 'anonymous';
  username: string | null;
  displayName: string | null;
  roles: string[];
  jurisdiction: string | null;
  orgUnitId: string | null;
  enterprises: string[];
  via: string;
}

interface AuthState {
  /** null = not logged in. */
  actor: Actor | null;
  loading: boolean;
  login(username: string, password: string): Promise<Actor>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  hasRole(...roles: string[]): boolean;
}

const AuthContext = createContext<AuthState | null>(null);
const ME_KEY = ['auth', 'me'];

async function fetchMe(): Promise<Actor | null> {
  try {
    const r = await api.get<{ actor: Actor }>('/auth/me');
    return r.actor;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
  const actor = me.data ?? null;

  const login = useCallback(
    async (username: string, password: string) => {
      const r = await api.post<{ actor: Actor }>('/auth/login', { username, password });
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(ME_KEY, r.actor);
      return r.actor;
    },
    [qc],
  );
  /** Ends the session and reloads the app on /login (a full reload drops every cached datum of the old actor). */
  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      window.location.assign('/login');
    }
  }, []);
  const refresh = useCallback(async () => {
    await qc.invalidateQueries({ queryKey: ME_KEY });
  }, [qc]);

  const value = useMemo<AuthState>(
    () => ({
      actor,
      loading: me.isPending,
      login,
      logout,
      refresh,
      hasRole: (...roles) => !!actor && actor.kind === 'staff' && roles.some((r) => actor.roles.includes(r)),
    }),
    [actor, me.isPending, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** Where an actor lands after log-in. */
export function homeOf(actor: Actor | null): string {
  if (!actor) return '/';
  if (actor.kind === 'staff') return '/staff';
  if (actor.kind === 'business') return '/business';
  return '/';
}
