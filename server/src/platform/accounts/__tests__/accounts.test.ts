import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb, TEST_PASSWORD } from '../../../test/harness.ts';
import { defaultSecurity } from '../../config.ts';

const NEW_PASSWORD = 'Anji-renewal-2026';

describeEachDb(
  'account administration by the security administrator',
  (env) => {
    let admin = '';
    const as = (cookie: string) => ({ cookie });
    const post = (url: string, payload?: object, cookie = admin) =>
      env().app.inject({ method: 'POST', url, headers: as(cookie), ...(payload ? { payload } : {}) });
    const idOf = async (username: string) => {
      const r = await env().app.inject({ url: `/api/users?q=${username}`, headers: as(admin) });
      const u = r.json().items.find((x: { username: string }) => x.username === username);
      if (!u) throw new Error(`no user ${username}`);
      return u.id as string;
    };
    const lastAudit = async (action: string, entityId: string) => {
      const r = await sql<{ before: unknown; after: unknown; actor_name: string | null }>`
      select before, after, actor_name from audit_log where action = ${action} and entity_id = ${entityId}
      order by id desc limit 1`.execute(env().services.db);
      return r.rows[0];
    };

    it('creates a staff account scoped to 安吉县 for the renewal programme, which can then sign in', async () => {
      admin = await env().userWith('secadmin', {}, 'sec.admin');
      const res = await post('/api/users', {
        username: 'Anji.Renewal',
        displayName: '安吉住建 张三',
        password: NEW_PASSWORD,
        grants: [{ role: 'staff', regionCode: '330523', programmes: ['renewal'] }],
      });
      expect(res.statusCode).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({
        username: 'anji.renewal',
        displayName: '安吉住建 张三',
        status: 'active',
        locked: false,
        lastLoginAt: null,
        grants: [{ role: 'staff', regionCode: '330523', organisationId: null, programmes: ['renewal'] }],
      });
      expect(created).not.toHaveProperty('passwordHash');
      expect(JSON.stringify(created)).not.toContain('argon2');

      const login = await env().login('anji.renewal', NEW_PASSWORD);
      expect(login.statusCode).toBe(200);
      expect(login.json().grants).toEqual([
        { role: 'staff', regionCode: '330523', organisationId: null, programmes: ['renewal'] },
      ]);

      const one = await env().app.inject({ url: `/api/users/${created.id}`, headers: as(admin) });
      expect(one.statusCode).toBe(200);
      expect(one.json().lastLoginAt).toBe(env().clock.now().toISOString());

      const audit = await lastAudit('user.create', created.id);
      expect(audit?.actor_name).toBe('sec.admin');
      expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
      expect(JSON.stringify(audit)).not.toContain('argon2');
    });

    it('refuses /api/users and /api/roles to every role but the security administrator', async () => {
      for (const role of ['sysadmin', 'auditor', 'staff', 'leader'] as const) {
        const cookie = await env().userWith(
          role,
          role === 'staff' || role === 'leader' ? { regionCode: '330523' } : {},
        );
        for (const url of ['/api/users', '/api/roles']) {
          const r = await env().app.inject({ url, headers: as(cookie) });
          expect(r.statusCode, `${role} GET ${url}`).toBe(403);
        }
        const w = await post(
          '/api/users',
          { username: 'x.y.z', displayName: 'x', password: NEW_PASSWORD, grants: [] },
          cookie,
        );
        expect(w.statusCode, `${role} POST /api/users`).toBe(403);
        const menu = await env().app.inject({ url: '/api/menu', headers: as(cookie) });
        expect(menu.json().map((m: { path: string }) => m.path)).not.toContain('/users');
      }
      expect((await env().app.inject({ url: '/api/users' })).statusCode).toBe(401);
      const menu = await env().app.inject({ url: '/api/menu', headers: as(admin) });
      expect(menu.json()).toContainEqual(expect.objectContaining({ path: '/users', label: '账号与角色' }));
    });

    it('refuses to combine the auditor role with staff (三权分立), on create and on grant change', async () => {
      const create = await post('/api/users', {
        username: 'mixed.roles',
        displayName: '兼任',
        password: NEW_PASSWORD,
        grants: [{ role: 'auditor' }, { role: 'staff', regionCode: '330523' }],
      });
      expect(create.statusCode).toBe(400);
      expect(create.json()).toMatchObject({ code: 'ROLES_NOT_SEPARATED', field: 'grants' });
      expect(create.json().message).toContain('三权分立');

      const id = await idOf('anji.renewal');
      const change = await env().app.inject({
        method: 'PUT',
        url: `/api/users/${id}/grants`,
        headers: as(admin),
        payload: { grants: [{ role: 'staff', regionCode: '330523' }, { role: 'auditor' }] },
      });
      expect(change.statusCode).toBe(400);
      expect(change.json().code).toBe('ROLES_NOT_SEPARATED');
    });

    it('rejects a weak password, naming the field', async () => {
      const res = await post('/api/users', {
        username: 'weak.pass',
        displayName: '弱密码',
        password: 'short1',
        grants: [{ role: 'leader', regionCode: '330523' }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', field: 'password' });
      const id = await idOf('anji.renewal');
      const reset = await post(`/api/users/${id}/reset-password`, { password: 'onlyletterspassword' });
      expect(reset.statusCode).toBe(400);
      expect(reset.json()).toMatchObject({ field: 'password' });
    });

    it('names the field for a region or organisation that does not exist, and a taken username', async () => {
      const base = { username: 'bad.region', displayName: '错误区划', password: NEW_PASSWORD };
      const region = await post('/api/users', { ...base, grants: [{ role: 'staff', regionCode: '339999' }] });
      expect(region.statusCode).toBe(400);
      expect(region.json()).toMatchObject({ code: 'REGION_NOT_FOUND', field: 'grants.0.regionCode' });
      const org = await post('/api/users', {
        ...base,
        grants: [
          { role: 'staff', regionCode: '330523', organisationId: '00000000-0000-4000-8000-000000000000' },
        ],
      });
      expect(org.statusCode).toBe(400);
      expect(org.json()).toMatchObject({ field: 'grants.0.organisationId' });
      const userOrg = await post('/api/users', {
        ...base,
        organisationId: '00000000-0000-4000-8000-000000000000',
        grants: [],
      });
      expect(userOrg.json()).toMatchObject({ field: 'organisationId' });
      const malformed = await post('/api/users', {
        ...base,
        grants: [{ role: 'staff', organisationId: 'nope' }],
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().field).toBe('grants.0.organisationId');
      const role = await post('/api/users', { ...base, grants: [{ role: 'mayor' }] });
      expect(role.json()).toMatchObject({ field: 'grants.0.role' });
      const taken = await post('/api/users', { ...base, username: 'anji.renewal', grants: [] });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().field).toBe('username');
    });

    it('replaces grants, takes effect on the next request, and audits before and after', async () => {
      const id = await idOf('anji.renewal');
      const userCookie = env().cookieOf(await env().login('anji.renewal', NEW_PASSWORD));
      const res = await env().app.inject({
        method: 'PUT',
        url: `/api/users/${id}/grants`,
        headers: as(admin),
        payload: {
          grants: [
            { role: 'staff', regionCode: '330681', programmes: ['employment'] },
            { role: 'leader', regionCode: '3305' },
          ],
        },
      });
      expect(res.statusCode).toBe(200);
      expect(
        res.json().grants.map((g: { role: string; regionCode: string }) => `${g.role}@${g.regionCode}`),
      ).toEqual(['staff@330681', 'leader@3305']);
      const me = await env().app.inject({ url: '/api/auth/me', headers: as(userCookie) });
      expect(me.json().grants).toHaveLength(2);
      const audit = await lastAudit('user.grants', id);
      expect(audit?.before).toEqual({
        grants: [{ role: 'staff', regionCode: '330523', organisationId: null, programmes: ['renewal'] }],
      });
      expect((audit?.after as { grants?: unknown[] } | undefined)?.grants).toHaveLength(2);
    });

    it('updates name and organisation with an audited before/after', async () => {
      const id = await idOf('anji.renewal');
      const res = await env().app.inject({
        method: 'PATCH',
        url: `/api/users/${id}`,
        headers: as(admin),
        payload: { displayName: '张三（住建局）' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ displayName: '张三（住建局）', organisationId: null });
      const audit = await lastAudit('user.update', id);
      expect(audit?.before).toEqual({ displayName: '安吉住建 张三', organisationId: null });
      expect(audit?.after).toEqual({ displayName: '张三（住建局）', organisationId: null });
    });

    it('ends every session of a disabled user at once, refuses sign-in, and lets them in again when enabled', async () => {
      const id = await idOf('anji.renewal');
      const cookie = env().cookieOf(await env().login('anji.renewal', NEW_PASSWORD));
      expect((await env().app.inject({ url: '/api/auth/me', headers: as(cookie) })).statusCode).toBe(200);

      const res = await post(`/api/users/${id}/disable`);
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('disabled');
      expect((await env().app.inject({ url: '/api/auth/me', headers: as(cookie) })).statusCode).toBe(401);
      const open = await sql<{ n: number }>`
      select count(*)::int as n from sessions where user_id = ${id} and revoked_at is null`.execute(
        env().services.db,
      );
      expect(open.rows[0]?.n).toBe(0);
      // even the right password gets the answer a wrong one gets: sign-in does not tell who exists
      const login = await env().login('anji.renewal', NEW_PASSWORD);
      expect(login.statusCode).toBe(401);
      expect(login.json().code).toBe('INVALID_CREDENTIALS');
      const audit = await lastAudit('user.disable', id);
      expect(audit?.before).toEqual({ status: 'active' });
      expect(audit?.after).toMatchObject({ status: 'disabled' });

      const listed = await env().app.inject({ url: '/api/users?status=disabled', headers: as(admin) });
      expect(listed.json().items.map((u: { username: string }) => u.username)).toEqual(['anji.renewal']);

      expect((await post(`/api/users/${id}/enable`)).json().status).toBe('active');
      expect((await env().login('anji.renewal', NEW_PASSWORD)).statusCode).toBe(200);
    });

    it('unlocks an account locked by failed sign-ins', async () => {
      const id = await idOf('anji.renewal');
      for (let i = 0; i < 5; i++) await env().login('anji.renewal', 'wrong-password-9');
      expect((await env().login('anji.renewal', NEW_PASSWORD)).statusCode).toBe(423);
      const locked = await env().app.inject({ url: '/api/users?status=locked', headers: as(admin) });
      expect(locked.json()).toMatchObject({ total: 1, items: [{ username: 'anji.renewal', locked: true }] });

      const res = await post(`/api/users/${id}/unlock`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ locked: false, lockedUntil: null, failedAttempts: 0 });
      expect((await env().login('anji.renewal', NEW_PASSWORD)).statusCode).toBe(200);
      const audit = await lastAudit('user.unlock', id);
      expect(audit?.after).toEqual({ failedAttempts: 0, lockedUntil: null });
    });

    it('resets a password: the old one and the old sessions stop working, the new one works', async () => {
      const id = await idOf('anji.renewal');
      const cookie = env().cookieOf(await env().login('anji.renewal', NEW_PASSWORD));
      const open = await sql<{ n: number }>`
      select count(*)::int as n from sessions where user_id = ${id} and revoked_at is null`.execute(
        env().services.db,
      );
      const res = await post(`/api/users/${id}/reset-password`, { password: 'Reset-by-admin-88' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true, sessionsRevoked: open.rows[0]?.n });
      expect(open.rows[0]?.n).toBeGreaterThan(0);
      expect((await env().app.inject({ url: '/api/auth/me', headers: as(cookie) })).statusCode).toBe(401);
      expect((await env().login('anji.renewal', NEW_PASSWORD)).statusCode).toBe(401);
      expect((await env().login('anji.renewal', 'Reset-by-admin-88')).statusCode).toBe(200);
      const audit = await lastAudit('user.reset_password', id);
      expect(JSON.stringify(audit)).not.toMatch(/Reset-by-admin|argon2/);
    });

    it('does not let the security administrator disable, regrant or reset their own account', async () => {
      const self = await idOf('sec.admin');
      const disable = await post(`/api/users/${self}/disable`);
      expect(disable.statusCode).toBe(400);
      expect(disable.json()).toMatchObject({ code: 'SELF_ACTION_REFUSED', field: 'id' });
      expect(disable.json().message).toBe('不能停用自己的账号，请由另一位安全管理员操作');
      const grants = await env().app.inject({
        method: 'PUT',
        url: `/api/users/${self}/grants`,
        headers: as(admin),
        payload: { grants: [{ role: 'secadmin' }] },
      });
      expect(grants.statusCode).toBe(400);
      expect(grants.json().code).toBe('SELF_ACTION_REFUSED');
      expect((await post(`/api/users/${self}/reset-password`, { password: TEST_PASSWORD })).statusCode).toBe(
        400,
      );
      expect((await env().app.inject({ url: '/api/auth/me', headers: as(admin) })).statusCode).toBe(200);
    });

    it('lists with filters and paging, and 404s an unknown account', async () => {
      const byRole = await env().app.inject({ url: '/api/users?role=secadmin', headers: as(admin) });
      expect(byRole.json().items.map((u: { username: string }) => u.username)).toEqual(['sec.admin']);
      const page = await env().app.inject({ url: '/api/users?page=2&pageSize=2', headers: as(admin) });
      expect(page.json()).toMatchObject({ page: 2, pageSize: 2 });
      expect(page.json().items).toHaveLength(2);
      expect(page.json().total).toBeGreaterThan(4);
      const byName = await env().app.inject({
        url: `/api/users?q=${encodeURIComponent('住建')}`,
        headers: as(admin),
      });
      expect(byName.json().items.map((u: { username: string }) => u.username)).toEqual(['anji.renewal']);
      const wild = await env().app.inject({ url: '/api/users?q=%25', headers: as(admin) });
      expect(wild.json().total).toBe(0);
      const missing = await env().app.inject({
        url: '/api/users/00000000-0000-4000-8000-000000000000',
        headers: as(admin),
      });
      expect(missing.statusCode).toBe(404);
    });

    it('limits a regional security administrator to accounts and grants within their region', async () => {
      const local = await env().userWith('secadmin', { regionCode: '330523' }, 'anji.secadmin');
      const outside = await post(
        '/api/users',
        {
          username: 'zhuji.staff',
          displayName: '诸暨',
          password: NEW_PASSWORD,
          grants: [{ role: 'staff', regionCode: '330681' }],
        },
        local,
      );
      expect(outside.statusCode).toBe(403);
      expect(outside.json()).toMatchObject({ code: 'GRANT_OUT_OF_SCOPE', field: 'grants.0.regionCode' });
      const inside = await post(
        '/api/users',
        {
          username: 'anji.town',
          displayName: '递铺',
          password: NEW_PASSWORD,
          grants: [{ role: 'staff', regionCode: '330523' }],
        },
        local,
      );
      expect(inside.statusCode).toBe(201);
      const listed = await env().app.inject({ url: '/api/users?pageSize=100', headers: as(local) });
      const names = listed.json().items.map((u: { username: string }) => u.username);
      expect(names).toContain('anji.town');
      expect(names).not.toContain('sec.admin');
      const globalId = await idOf('sec.admin');
      expect((await env().app.inject({ url: `/api/users/${globalId}`, headers: as(local) })).statusCode).toBe(
        404,
      );
    });

    it('lists the built-in roles with their names and permissions', async () => {
      const res = await env().app.inject({ url: '/api/roles', headers: as(admin) });
      expect(res.statusCode).toBe(200);
      const roles = res.json() as {
        role: string;
        name: { zh: string };
        exclusive: boolean;
        permissions: string[];
      }[];
      expect(roles.map((r) => r.role)).toEqual([
        'sysadmin',
        'secadmin',
        'auditor',
        'staff',
        'leader',
        'partner',
      ]);
      expect(roles.find((r) => r.role === 'partner')).toMatchObject({
        name: { zh: '第三方单位' },
        exclusive: false,
      });
      const secadmin = roles.find((r) => r.role === 'secadmin');
      expect(secadmin).toMatchObject({ name: { zh: '安全管理员' }, exclusive: true });
      expect(secadmin?.permissions).toEqual(expect.arrayContaining(['user.read', 'user.write']));
      expect(roles.find((r) => r.role === 'auditor')?.permissions).toContain('audit.read');
      expect(roles.find((r) => r.role === 'staff')?.exclusive).toBe(false);
    });

    it('refuses through the API to reset an administrator’s password (三权分立), pointing to the server command', async () => {
      await env().userWith('auditor', {}, 'the.auditor');
      const id = await idOf('the.auditor');
      for (const lang of ['zh-CN', 'en']) {
        const res = await env().app.inject({
          method: 'POST',
          url: `/api/users/${id}/reset-password`,
          headers: { ...as(admin), 'accept-language': lang },
          payload: { password: 'Taken-over-2026' },
        });
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ code: 'PRIVILEGED_RESET_CLI_ONLY', field: 'id' });
        expect(res.json().message).toContain('gongfu reset-password');
      }
      expect((await env().login('the.auditor', 'Taken-over-2026')).statusCode).toBe(401);
      expect((await env().login('the.auditor')).statusCode).toBe(200);
      const denied = await sql<{ n: number }>`
        select count(*)::int as n from audit_log where action = 'access.denied'
        and actor_name = 'sec.admin' and after->>'code' = 'PRIVILEGED_RESET_CLI_ONLY'`.execute(
        env().services.db,
      );
      expect(denied.rows[0]?.n).toBe(2);
      // another security administrator's password neither
      const other = await idOf('anji.secadmin');
      expect(
        (await post(`/api/users/${other}/reset-password`, { password: 'Taken-over-2026' })).statusCode,
      ).toBe(403);
    });

    it('tells the user of a reset in their inbox at their next sign-in', async () => {
      const id = await idOf('anji.town');
      expect(
        (await post(`/api/users/${id}/reset-password`, { password: 'Reset-town-2026' })).statusCode,
      ).toBe(200);
      const cookie = env().cookieOf(await env().login('anji.town', 'Reset-town-2026'));
      const inbox = await env().app.inject({ url: '/api/notifications', headers: as(cookie) });
      expect(inbox.json()).toMatchObject({
        unread: 1,
        items: [{ kind: 'account.password_reset', title: '您的密码已被重置' }],
      });
      expect(inbox.json().items[0].body).toContain('安全管理员 sec.admin');
    });

    it('does not grant an administrator role to an account whose reset password its owner has not changed', async () => {
      const id = await idOf('anji.town');
      const grant = () =>
        env().app.inject({
          method: 'PUT',
          url: `/api/users/${id}/grants`,
          headers: as(admin),
          payload: { grants: [{ role: 'auditor' }] },
        });
      const refused = await grant();
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'PRIVILEGED_GRANT_AFTER_RESET', field: 'grants' });
      const cookie = env().cookieOf(await env().login('anji.town', 'Reset-town-2026'));
      const changed = await env().app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: as(cookie),
        payload: { currentPassword: 'Reset-town-2026', newPassword: 'Only-mine-2026' },
      });
      expect(changed.statusCode).toBe(200);
      expect((await grant()).statusCode).toBe(200);
    });
  },
  // this suite signs in more often than the per-minute sign-in limit allows
  { config: { security: { ...defaultSecurity, loginRateLimitPerMinute: 1000 } } },
);
