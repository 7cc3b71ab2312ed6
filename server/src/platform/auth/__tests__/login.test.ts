import { expect, it } from 'vitest';
import { describeEachDb, TEST_PASSWORD } from '../../../test/harness.ts';

describeEachDb('login, lockout and sessions', (env) => {
  it('logs in, returns the user and a session cookie, and /me works with it', async () => {
    const cookie = await env().userWith('staff', { regionCode: '330523' }, 'anji.staff');
    const me = await env().app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'anji.staff',
      grants: [{ role: 'staff', regionCode: '330523' }],
    });
    expect(me.json().permissions).toContain('region.read');
  });

  it('sets an HttpOnly SameSite=Strict cookie', async () => {
    const res = await env().login('anji.staff');
    const c = res.cookies.find((x) => x.name === 'gongfu_sid');
    expect(c?.httpOnly).toBe(true);
    expect(c?.sameSite).toBe('Strict');
  });

  it('answers a wrong password with 401 naming the remaining attempts, in zh-CN and en', async () => {
    const zh = await env().login('anji.staff', 'wrong-password-1');
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(zh.json().message).toContain('再错 4 次');
    const en = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US' },
      payload: { username: 'anji.staff', password: 'wrong-password-2' },
    });
    expect(en.json().message).toContain('3 more failures');
    // a correct login resets the counter
    expect((await env().login('anji.staff')).statusCode).toBe(200);
  });

  it('locks the account after 5 failures for 10 minutes, then lets the user in again', async () => {
    await env().userWith('staff', {}, 'lock.me');
    for (let i = 1; i <= 4; i++) expect((await env().login('lock.me', 'nope-nope-1')).statusCode).toBe(401);
    const fifth = await env().login('lock.me', 'nope-nope-1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(fifth.json().message).toContain('10 分钟');
    // even the right password is refused while locked
    expect((await env().login('lock.me', TEST_PASSWORD)).statusCode).toBe(423);
    env().clock.advance(9 * 60_000);
    expect((await env().login('lock.me', TEST_PASSWORD)).statusCode).toBe(423);
    env().clock.advance(61_000);
    expect((await env().login('lock.me', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('expires a session after 30 idle minutes, and after 12 hours however active', async () => {
    const cookie = await env().userWith('leader', {}, 'idle.user');
    env().clock.advance(29 * 60_000);
    expect((await env().app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    env().clock.advance(31 * 60_000);
    const expired = await env().app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');

    const active = env().cookieOf(await env().login('idle.user'));
    for (let i = 0; i < 25; i++) {
      // 25 × 29 min = 12 h 5 min, never idle for 30 minutes
      env().clock.advance(29 * 60_000);
      await env().app.inject({ url: '/api/auth/me', headers: { cookie: active } });
    }
    const afterTwelve = await env().app.inject({ url: '/api/auth/me', headers: { cookie: active } });
    expect(afterTwelve.statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const cookie = env().cookieOf(await env().login('anji.staff'));
    const out = await env().app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect((await env().app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses writes from another origin', async () => {
    const cookie = env().cookieOf(await env().login('anji.staff'));
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:80' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ORIGIN_REJECTED');
    expect((await env().app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('names the missing field for bad login input, never a 5xx', async () => {
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
    const garbage = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(garbage.statusCode).toBe(400);
  });
});
