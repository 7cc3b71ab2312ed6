import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../api/schema.generated.ts';
import { currentLang } from '../i18n/lang.ts';
import { ApiError } from './errors.ts';

/** Codes of a 401 that mean "go to the login page" (a failed sign-in is a 401 too, but not one of these). */
const SIGN_IN_AGAIN = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

type UnauthorizedListener = (code: string) => void;
const listeners = new Set<UnauthorizedListener>();

/** Called with the error code whenever the server says the session is missing or expired. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A 401 from anything but the sign-in itself means the session is gone: tell the shell. */
async function watchUnauthorized(url: string, response: Response): Promise<void> {
  if (response.status !== 401) return;
  if (new URL(url, window.location.origin).pathname.startsWith('/api/auth/login')) return;
  const code = await response
    .clone()
    .json()
    .then((b: { code?: unknown }) => (typeof b.code === 'string' ? b.code : 'UNAUTHENTICATED'))
    .catch(() => 'UNAUTHENTICATED');
  if (SIGN_IN_AGAIN.has(code)) for (const l of listeners) l(code);
}

const middleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLang());
    return request;
  },
  async onResponse({ request, response }) {
    await watchUnauthorized(request.url, response);
    return response;
  },
};

/** The one API client: typed from openapi.json, same-origin cookies, language header, 401 watch. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(middleware);

/** Turns an openapi-fetch result into its data, or throws an ApiError with the server's message. */
export async function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(
  call: Promise<R>,
): Promise<NonNullable<R['data']>> {
  let r: R;
  try {
    r = await call;
  } catch (e) {
    throw networkError(e);
  }
  if (!r.response.ok) throw ApiError.fromResponse(r.response, r.error);
  return r.data as NonNullable<R['data']>;
}

/** For the few calls outside openapi-fetch (raw uploads): same headers, same errors, same 401 watch. */
export async function rawFetch(input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept-Language', currentLang());
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers, credentials: 'same-origin' });
  } catch (e) {
    throw networkError(e);
  }
  await watchUnauthorized(input, response);
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw ApiError.fromResponse(response, body);
  }
  return response;
}

function networkError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, { code: 'NETWORK', message: e instanceof Error ? e.message : String(e) });
}
