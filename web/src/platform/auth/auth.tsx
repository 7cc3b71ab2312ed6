import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext } from 'react';
import { useNavigate } from 'react-router';
import type { PermissionKey } from '../../api/permissions.generated.ts';
import { api, unwrap } from '../api/client.ts';
import type { ApiResponse } from '../api/types.ts';

/** The signed-in user, as GET /api/auth/me returns it: grants and effective permissions. */
export type Me = ApiResponse<'/api/auth/me'>;
export type Grant = Me['grants'][number];

export const meQueryKey = ['me'] as const;

export function useMeQuery() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => unwrap(api.GET('/api/auth/me')),
    retry: false,
    staleTime: 5 * 60_000,
  });
}

const AuthContext = createContext<Me | null>(null);

/** Provides the signed-in user to the pages under the authenticated layout. */
export function AuthProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <AuthContext.Provider value={me}>{children}</AuthContext.Provider>;
}

export function useAuth(): Me {
  const me = useContext(AuthContext);
  if (!me) throw new Error('useAuth outside AuthProvider');
  return me;
}

/**
 * Whether the user holds a permission (a key the server declares: permissions.generated.ts). The
 * server decides; this only hides what would be refused. Whether a button for one record shows is
 * that record's `can`, never this.
 */
export function useCan(): (permission: PermissionKey) => boolean {
  const me = useAuth();
  return useCallback((permission: PermissionKey) => me.permissions.includes(permission), [me]);
}

/** Signs out on the server, forgets every cached answer and goes to the login page. */
export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    await unwrap(api.POST('/api/auth/logout')).catch(() => undefined);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'status' });
    navigate('/login', { replace: true, state: { reason: 'SIGNED_OUT' } });
  }, [queryClient, navigate]);
}
