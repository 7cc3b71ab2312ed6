import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import { cookieName } from '../auth/session-token.ts';
import { isConnectionLost } from '../db/connection-errors.ts';
import type { GongfuApp, PlatformServices, RouteAccess } from '../module/app-types.ts';
import { AppError, databaseUnavailable, forbidden, pickLang, unauthenticated } from './errors.ts';
import { rejectHostileText, rejectNonFiniteNumbers } from './hostile-text.ts';
import { type AjvLikeError, describeValidationError } from './validation-message.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sessionExpired = () =>
  new AppError('SESSION_EXPIRED', 'unauthenticated', {
    zh: '登录已过期，请重新登录',
    en: 'Your session has expired; please sign in again',
  });

const badOrigin = () =>
  new AppError('ORIGIN_REJECTED', 'forbidden', {
    zh: '请求来源不被允许（跨站请求已拦截）',
    en: 'Request origin is not allowed (cross-site request blocked)',
  });

/** Hooks shared by every route: request context, session, origin check, access guard, errors. */
export function installPipeline(app: GongfuApp, s: PlatformServices, auth: AuthService): void {
  const cookie = cookieName(s.config.production);

  app.decorateRequest('ctx', null as unknown as FastifyRequest['ctx']);

  app.addHook('onRequest', async (req, reply) => {
    req.ctx = {
      principal: null,
      requestId: req.id,
      ip: req.ip ?? null,
      lang: pickLang(req.headers['accept-language'], req.cookies?.gongfu_lang),
    };
    reply.header('x-request-id', req.id);
    if (!SAFE_METHODS.has(req.method)) checkOrigin(req, s.config.allowedOrigins);
    const token = req.cookies?.[cookie];
    if (token) {
      const r = await auth.authenticate(token);
      if ('principal' in r) req.ctx.principal = r.principal;
      else if (r.expired) (req as { sessionExpired?: boolean }).sessionExpired = true;
    }
  });

  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config.access as RouteAccess | undefined;
    if (!access || 'public' in access) return;
    if (!req.ctx.principal) {
      throw (req as { sessionExpired?: boolean }).sessionExpired ? sessionExpired() : unauthenticated();
    }
    if ('permission' in access && !req.ctx.principal.permissions.has(access.permission)) {
      throw forbidden();
    }
  });

  // After the access guard (an anonymous caller learns nothing about the fields), before validation.
  app.addHook('preValidation', rejectHostileText);
  // After validation has coerced query and path text to numbers: "Infinity" is not one.
  app.addHook('preHandler', rejectNonFiniteNumbers);

  app.setErrorHandler(async (err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) => {
    const lang = req.ctx?.lang ?? 'zh-CN';
    // A lost or refused database connection is not a bug: say so, and that a retry may work.
    const unavailable = (cause: unknown) => {
      req.log.warn({ err: cause }, 'database unavailable');
      return reply.status(503).header('retry-after', '1').send(databaseUnavailable().body(lang));
    };
    if (err instanceof AppError) {
      // Every denial, by the route guard or by a policy in a service, is audited.
      if (err.kind === 'forbidden' && req.ctx?.principal) {
        try {
          await auditDenied(s, req, err.code);
        } catch (e) {
          if (isConnectionLost(e)) return unavailable(e);
          throw e;
        }
      }
      return reply.status(err.status).send(err.body(lang));
    }
    if (isConnectionLost(err)) return unavailable(err);
    const fe = err as FastifyError & { validation?: AjvLikeError[]; validationContext?: string };
    if (fe.validation && fe.validation.length > 0) {
      const { field, text } = describeValidationError(fe.validation[0]!, fe.validationContext ?? 'body');
      return reply.status(400).send(new AppError('VALIDATION_FAILED', 'invalid', text, field).body(lang));
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(
        new AppError('BODY_TOO_LARGE', 'too_large', {
          zh: '请求内容过大',
          en: 'Request body is too large',
        }).body(lang),
      );
    }
    if (fe.statusCode === 429) {
      return reply.status(429).send(
        new AppError('RATE_LIMITED', 'rate_limited', {
          zh: '请求过于频繁，请稍后再试',
          en: 'Too many requests; try again shortly',
        }).body(lang),
      );
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({
        code: fe.code ?? 'BAD_REQUEST',
        message: lang === 'en' ? fe.message : `请求无效：${fe.message}`,
      });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({
      code: 'INTERNAL',
      message:
        lang === 'en'
          ? `Internal error; quote request id ${req.id}`
          : `系统内部错误，请提供请求编号 ${req.id}`,
    });
  });

  app.setNotFoundHandler((req, reply) => {
    const lang = req.ctx?.lang ?? 'zh-CN';
    reply
      .status(404)
      .send({ code: 'ROUTE_NOT_FOUND', message: lang === 'en' ? 'No such endpoint' : '接口不存在' });
  });
}

async function auditDenied(s: PlatformServices, req: FastifyRequest, code: string) {
  await s.write(req.ctx, (_tx, audit) =>
    audit({
      action: 'access.denied',
      outcome: 'denied',
      entityType: 'route',
      entityId: `${req.method} ${req.routeOptions.url ?? req.url}`,
      after: { code },
    }),
  );
}

function checkOrigin(req: FastifyRequest, allowed: string[]): void {
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') throw badOrigin();
  if (!origin) return;
  if (allowed.length > 0) {
    if (!allowed.includes(origin)) throw badOrigin();
    return;
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw badOrigin();
  }
  if (host !== req.headers.host) throw badOrigin();
}

export const newRequestId = () => randomUUID();
