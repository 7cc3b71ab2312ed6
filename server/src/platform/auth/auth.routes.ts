import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import type { ModuleManifest } from '../module/manifest.ts';
import { ChangePasswordBody, LoginBody, MenuView, MeView, Ok } from './auth.schemas.ts';
import { makeAuthService } from './auth.service.ts';
import { cookieName } from './session-token.ts';

export function authRoutes(manifestsOf: () => ModuleManifest[]) {
  return (app: GongfuApp, s: PlatformServices) => {
    const auth = makeAuthService(s);
    const cookie = cookieName(s.config.production);
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: s.config.production,
    };

    app.post(
      '/api/auth/login',
      {
        config: {
          access: { public: true },
          rateLimit: { max: s.config.security.loginRateLimitPerMinute, timeWindow: '1 minute' },
        },
        schema: { tags: ['auth'], summary: '登录 Sign in', body: LoginBody, response: { 200: MeView } },
      },
      async (req, reply) => {
        const r = await auth.login(
          req.ctx,
          req.body.username.trim(),
          req.body.password,
          req.headers['user-agent'] ?? null,
        );
        reply.setCookie(cookie, r.token, { ...cookieOptions, expires: r.expiresAt });
        const who = await auth.authenticate(r.token);
        if (!('principal' in who)) throw new Error('session vanished right after login');
        return presentMe(who.principal);
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: { authenticated: true } },
        schema: { tags: ['auth'], summary: '退出 Sign out', response: { 200: Ok } },
      },
      async (req, reply) => {
        await auth.logout(req.ctx);
        reply.clearCookie(cookie, cookieOptions);
        return { ok: true };
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: { authenticated: true } },
        schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: MeView } },
      },
      async (req) => presentMe(req.ctx.principal!),
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: { authenticated: true } },
        schema: {
          tags: ['auth'],
          summary: '修改密码 Change password',
          body: ChangePasswordBody,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await auth.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
        return { ok: true };
      },
    );

    app.get(
      '/api/menu',
      {
        config: { access: { authenticated: true } },
        schema: { tags: ['auth'], summary: '菜单 Menu for the current user', response: { 200: MenuView } },
      },
      async (req) => {
        const p = req.ctx.principal!;
        const en = req.ctx.lang === 'en';
        return manifestsOf()
          .flatMap((m) => (m.menu ?? []).map((e) => ({ ...e, module: m.id })))
          .filter((e) => p.permissions.has(e.permission))
          .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
          .map((e) => ({
            key: e.key,
            path: e.path,
            label: en ? e.label.en : e.label.zh,
            module: e.module,
            ...(e.icon ? { icon: e.icon } : {}),
            ...(e.parent ? { parent: e.parent } : {}),
          }));
      },
    );
  };
}

function presentMe(p: import('./principal.ts').Principal) {
  return {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    grants: p.grants,
    permissions: [...p.permissions].sort(),
  };
}
