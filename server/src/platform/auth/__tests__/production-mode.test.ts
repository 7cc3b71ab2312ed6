import { expect, it } from 'vitest';
import { seedDemo } from '../../../demo/seed-demo.ts';
import { describeEachDb } from '../../../test/harness.ts';

describeEachDb(
  'production mode',
  (env) => {
    it('uses a Secure __Host- session cookie', async () => {
      await env().userWith('leader', {}, 'prod.leader');
      const res = await env().login('prod.leader');
      expect(res.statusCode).toBe(200);
      const c = res.cookies.find((x) => x.name === '__Host-gongfu_sid');
      expect(c).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(res.cookies.some((x) => x.name === 'gongfu_sid')).toBe(false);
      const me = await env().app.inject({
        url: '/api/auth/me',
        headers: { cookie: `__Host-gongfu_sid=${c!.value}` },
      });
      expect(me.statusCode).toBe(200);
      // the development cookie name is not accepted in production
      const dev = await env().app.inject({
        url: '/api/auth/me',
        headers: { cookie: `gongfu_sid=${c!.value}` },
      });
      expect(dev.statusCode).toBe(401);
    });

    it('never loads demo data or creates demo accounts', async () => {
      await expect(seedDemo(env().services, env().manifests, () => {})).rejects.toThrow(
        /never loaded in production/,
      );
      const admin = await env()
        .services.db.selectFrom('users')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirst();
      expect(admin).toBeUndefined();
    });
  },
  { config: { production: true } },
);
