import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onUnauthorized } from './client.ts';

/** Where the login page was sent from, and why (SESSION_EXPIRED, UNAUTHENTICATED, SIGNED_OUT). */
export interface LoginState {
  reason?: string;
  from?: string;
}

/**
 * Sends the user to the login page when the server answers 401 (no session, or it expired),
 * remembering the page to come back to. Mounted once, at the root of the router.
 */
export function useUnauthorizedRedirect(): void {
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(location);
  useEffect(() => {
    here.current = location;
  }, [location]);
  useEffect(
    () =>
      onUnauthorized((code) => {
        const loc = here.current;
        if (loc.pathname === '/login') return;
        const state: LoginState = { reason: code, from: `${loc.pathname}${loc.search}` };
        here.current = { ...loc, pathname: '/login' };
        navigate('/login', { replace: true, state });
      }),
    [navigate],
  );
}
