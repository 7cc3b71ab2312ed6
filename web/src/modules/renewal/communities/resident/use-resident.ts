import { useEffect, useRef, useState } from 'react';

export type ResidentLoad<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string; code?: string }
  | { state: 'ready'; data: T };

/**
 * Loads what a resident's link opens (a survey or a ballot); a used, expired or invalid link
 * gives the server's message, which says in plain words what happened and what to do.
 */
export function useResident<T>(
  token: string,
  load: (token: string) => Promise<{ data?: T; error?: unknown }>,
): ResidentLoad<T> {
  const [state, setState] = useState<ResidentLoad<T>>({ state: 'loading' });
  const loader = useRef(load);
  useEffect(() => {
    let live = true;
    setState({ state: 'loading' });
    loader
      .current(token)
      .then((r) => {
        if (!live) return;
        if (r.data !== undefined) setState({ state: 'ready', data: r.data });
        else {
          const e = r.error as { message?: string; code?: string } | undefined;
          setState({
            state: 'error',
            message: e?.message ?? '链接无效。请核对链接是否完整，或向社区工作人员索取新的链接。',
            ...(e?.code ? { code: e.code } : {}),
          });
        }
      })
      .catch(() => live && setState({ state: 'error', message: '网络连接失败，请检查网络后刷新页面' }));
    return () => {
      live = false;
    };
  }, [token]);
  return state;
}
