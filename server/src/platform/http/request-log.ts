import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';

/**
 * What the request log may hold. A log is read by more people, kept longer and copied
 * further than the database, so it gets no personal data and no credentials:
 * - URLs keep their path and the names of their query parameters; values are replaced
 *   (a citizen ID typed into a search box, a file link's signature), except for paging and
 *   sorting values that say nothing about anyone;
 * - path segments that are credentials (residents' one-time links, any route parameter
 *   named like a token) are replaced;
 * - errors are logged with their message, stack and codes, but without the row values
 *   PostgreSQL quotes in `detail`; 18-digit IDs and mobile numbers are masked in every
 *   logged text. Request bodies and headers (passwords, cookies) are never logged.
 * server/src/test/log-secrets.ts checks a whole log for what slips through anyway.
 */

export const REDACTED = '[redacted]';

/** Query parameters whose values say nothing about a person: kept when they look plain. */
const PLAIN_PARAMS = new Set(['page', 'pageSize', 'sort', 'order', 'status', 'lang']);
const PLAIN_VALUE = /^[A-Za-z0-9_.,:-]{0,32}$/;

/** Paths whose segment after the prefix is a credential: residents' links, in the API and the web app. */
const TOKEN_PATHS = [/^(\/api\/resident\/[^/?#]+\/)[^/?#]+/, /^(\/r\/[^/?#]+\/)[^/?#]+/];
/** Route parameters that are credentials, whatever route declares them. */
const SECRET_PARAM = /token|secret|signature|password|^:sig$/i;

const CITIZEN_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z.])1[3-9]\d{9}(?![0-9A-Za-z])/g;

/** Masks citizen IDs and mainland mobile numbers anywhere in a text. */
export function scrubText(text: string): string {
  return text.replace(CITIZEN_ID, '[citizen-id]').replace(MOBILE, '[mobile]');
}

/** Replaces the credential segments of `path` (`pattern` is the matched route, e.g. `/api/x/:token`). */
function redactPath(path: string, pattern?: string): string {
  let out = path;
  for (const re of TOKEN_PATHS) out = out.replace(re, `$1${REDACTED}`);
  if (pattern?.includes(':')) {
    const names = pattern.split('/');
    const parts = out.split('/');
    if (names.length === parts.length) {
      out = parts
        .map((p, i) => (names[i]!.startsWith(':') && SECRET_PARAM.test(names[i]!) ? REDACTED : p))
        .join('/');
    }
  }
  return scrubText(out);
}

/** The URL as it may be logged: path with credentials replaced, query values replaced. */
export function redactUrl(url: string, routePattern?: string): string {
  const q = url.indexOf('?');
  const path = redactPath(q < 0 ? url : url.slice(0, q), routePattern);
  if (q < 0) return path;
  const query = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = scrubText(eq < 0 ? pair : pair.slice(0, eq)).slice(0, 64);
      if (eq >= 0 && PLAIN_PARAMS.has(name) && PLAIN_VALUE.test(pair.slice(eq + 1))) return pair;
      return `${name}=${REDACTED}`;
    })
    .join('&');
  return `${path}?${query}`;
}

/** PostgreSQL quotes row values in its error details: keep the shape, drop the values. */
function scrubDbText(text: string): string {
  return scrubText(
    text
      .replace(/\)=\(.*\)/gs, `)=(${REDACTED})`)
      .replace(/(Failing row contains )\(.*\)/gs, `$1(${REDACTED})`)
      .replace(/(invalid input (?:syntax|value) for [^:\n]+: )".*?"/g, `$1"${REDACTED}"`),
  );
}

const ERR_CODES = ['code', 'statusCode', 'severity', 'routine', 'table', 'column', 'constraint', 'schema'];
const ERR_TEXTS = ['detail', 'hint', 'where'];

export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}

/** An error as it may be logged: type, message, stack, codes, cause; no quoted values. */
export function serializeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: scrubDbText(String(err)), stack: '' };
  const e = err as Error & Record<string, unknown>;
  const out: LoggedError = {
    type: e.constructor?.name ?? e.name,
    message: scrubDbText(e.message),
    stack: scrubDbText(e.stack ?? ''),
  };
  for (const k of ERR_CODES) {
    if (typeof e[k] === 'string' || typeof e[k] === 'number') out[k] = e[k];
  }
  for (const k of ERR_TEXTS) if (typeof e[k] === 'string') out[k] = scrubDbText(e[k]);
  if (depth < 3) {
    if (e.cause !== undefined) out.cause = serializeError(e.cause, depth + 1);
    if (err instanceof AggregateError)
      out.errors = err.errors.slice(0, 5).map((x) => serializeError(x, depth + 1));
  }
  return out;
}

/** Fastify's request serializer, with the URL redacted. */
function serializeRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url, req.routeOptions?.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/** Where log lines go instead of stdout (tests capture them). */
export interface LogStream {
  write(line: string): void;
}

/** Fastify `logger` options for the request log: info level, redacting serializers, masked messages. */
export function requestLogOptions(stream?: LogStream): LoggerOptions {
  return {
    level: 'info',
    ...(stream ? { stream } : {}),
    serializers: { req: serializeRequest, err: (e: unknown) => serializeError(e) },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a: unknown) => (typeof a === 'string' ? scrubText(a) : a));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
}

/**
 * One line per request, once it is answered: method, redacted URL, status and time, at info,
 * reads and writes alike (errors as before). It replaces Fastify's pair ('incoming request',
 * then 'request completed' without the URL): the first line said nothing the second now does
 * not, and the pair cost ~8 % of the server's time on a list page (bench/list-pages.ts).
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
