import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';

describeEachDb(
  'HTTP guards',
  (env) => {
    it('sends security headers', async () => {
      const res = await env().app.inject({ url: '/api/status' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-request-id']).toBeTruthy();
    });

    it('refuses a body over the limit with 413 in the error shape', async () => {
      const res = await env().app.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: 'x', newPassword: 'y'.repeat(3000) },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
    });

    it('rate-limits sign-in attempts per address', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await env().login('nobody', 'whatever-123')).statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[3]).toBe(429);
      const res = await env().login('nobody', 'whatever-123');
      expect(res.json()).toMatchObject({ code: 'RATE_LIMITED' });
    });

    it('answers unknown API paths with 404 in the error shape, and anonymous calls with 401', async () => {
      const missing = await env().app.inject({
        url: '/api/no-such-thing',
        headers: { 'accept-language': 'en' },
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: 'No such endpoint' });
      const anon = await env().app.inject({ url: '/api/regions' });
      expect(anon.statusCode).toBe(401);
      expect(anon.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    });

    it('serves the OpenAPI description and the docs page', async () => {
      const spec = await env().app.inject({ url: '/api/openapi.json' });
      expect(spec.json().info.title).toContain('Gongfu');
      const docs = await env().app.inject({ url: '/api/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.body).toContain('swagger');
    });
  },
  {
    config: {
      bodyLimitBytes: 2048,
      security: {
        lockoutAttempts: 5,
        lockoutMinutes: 10,
        sessionIdleMinutes: 30,
        sessionAbsoluteHours: 12,
        loginRateLimitPerMinute: 3,
      },
    },
  },
);
