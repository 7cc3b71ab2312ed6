import { describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { findHostileText, hasHostileText } from '../hostile-text.ts';

describe('hostile text: NUL and lone surrogates', () => {
  it('finds them in strings, nested values and property names, and passes real characters', () => {
    expect(hasHostileText('a\u0000b')).toBe(true);
    expect(hasHostileText('\ud800')).toBe(true);
    expect(hasHostileText('x\udc00')).toBe(true);
    expect(hasHostileText('\udc00\ud800')).toBe(true);
    expect(hasHostileText('😀 名字 \u202e \t\r\n')).toBe(false);
    expect(findHostileText({ a: [{ b: 'ok' }, { c: 'x\ud83dy' }] }, '')).toBe('a.1.c');
    expect(findHostileText({ 'na\u0000me': 1 }, '')).toBe('na\ufffdme');
    expect(findHostileText({ a: 1, b: [true, null, 'fine'] }, '')).toBeUndefined();
    // deep nesting does not overflow the stack
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findHostileText(deep, '')).toMatch(/^0(\.0)*$/);
  });
});

describeEachDb('hostile text is refused at the edge with 400 naming the field (issue 9)', (env) => {
  const as = async (role: 'sysadmin' | 'staff') => env().userWith(role, {}, `hostile.${role}`);
  let admin: string;
  let staff: string;

  it('in a JSON body field, nested or not, in both languages', async () => {
    admin = await as('sysadmin');
    staff = await as('staff');
    const nul = await env().app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: admin },
      payload: { name: '测试\u0000单位', kind: 'department', regionCode: '330523' },
    });
    expect(nul.statusCode, nul.body).toBe(400);
    expect(nul.json()).toEqual({
      code: 'INVALID_TEXT',
      field: 'name',
      message: '字段「name」含有不可见的控制字符或无效字符，请删除后重试',
    });
    const surrogate = await env().app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: admin, 'accept-language': 'en' },
      payload: { name: '测试单位', kind: 'department', regionCode: '330523', address: 'Road \ud800 1' },
    });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json()).toMatchObject({ code: 'INVALID_TEXT', field: 'address' });
    expect(surrogate.json().message).toContain('invalid character');
    const nested = await env().app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: staff },
      payload: { currentPassword: 'x', newPassword: ['ok', '\udfff'] },
    });
    expect(nested.json()).toMatchObject({ code: 'INVALID_TEXT', field: 'newPassword.1' });
    const key = await env().app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: admin },
      payload: { 'na\u0000me': 'x', kind: 'department', regionCode: '330523' },
    });
    expect(key.json()).toMatchObject({ code: 'INVALID_TEXT', field: 'na\ufffdme' });
  });

  it('in a search term or a path parameter', async () => {
    const search = await env().app.inject({ url: '/api/orgs?q=%E5%90%8D%00', headers: { cookie: admin } });
    expect(search.statusCode).toBe(400);
    expect(search.json()).toMatchObject({ code: 'INVALID_TEXT', field: 'q' });
    const people = await env().app.inject({ url: '/api/people?q=%00', headers: { cookie: staff } });
    expect(people.json()).toMatchObject({ code: 'INVALID_TEXT', field: 'q' });
    const regions = await env().app.inject({ url: '/api/regions/search?q=a%00', headers: { cookie: admin } });
    expect(regions.json()).toMatchObject({ code: 'INVALID_TEXT', field: 'q' });
    const path = await env().app.inject({ url: '/api/orgs/%00', headers: { cookie: admin } });
    expect(path.json()).toMatchObject({ code: 'INVALID_TEXT', field: 'id' });
  });

  it('refuses numbers that are not finite in a query string (coerced from text)', async () => {
    for (const q of ['page=Infinity', 'pageSize=1e309', 'page=-Infinity']) {
      const res = await env().app.inject({ url: `/api/orgs?${q}`, headers: { cookie: admin } });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().field).toBe(q.split('=')[0]);
    }
    const infinite = await env().app.inject({
      url: '/api/orgs?page=Infinity',
      headers: { cookie: admin, 'accept-language': 'en' },
    });
    expect(infinite.json()).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'page',
      message: '"page" must be a finite number',
    });
  });

  it('after the access check, and lets ordinary text with emoji and direction marks through', async () => {
    const anonymous = await env().app.inject({ url: '/api/orgs?q=%00' });
    expect(anonymous.statusCode).toBe(401);
    const fine = await env().app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: admin },
      payload: { name: '测试😀单位', kind: 'department', regionCode: '330523' },
    });
    expect(fine.statusCode, fine.body).toBe(201);
    expect(fine.json().name).toBe('测试😀单位');
  });
});
