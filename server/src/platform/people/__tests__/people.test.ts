import { citizenIdCheckChar } from '@gongfu/domain/cn/citizen-id';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { systemContext } from '../../accounts/create-user.ts';
import { createPerson, type FindOrCreatePersonByCitizenId } from '../person.service.ts';

/** A valid citizen ID: region (6) + birth date (8) + sequence (3) + check character. */
const cid = (region: string, birth: string, seq: string) => {
  const first17 = `${region}${birth}${seq}`;
  return first17 + citizenIdCheckChar(first17);
};

/** A valid first 17 with a check character that is not the right one. */
const withWrongCheck = (region: string, birth: string, seq: string) => {
  const first17 = `${region}${birth}${seq}`;
  const right = citizenIdCheckChar(first17);
  return first17 + (right === '0' ? '1' : '0');
};

/** Sequence '123': odd 17th digit, a man. */
const ANJI_MAN = cid('330523', '19900101', '123');
/** A woman's ID (even 17th digit) ending in X, to look up with a lower-case x. */
const seqWithX = (region: string, birth: string) => {
  for (let i = 0; i < 1000; i += 2) {
    const seq = String(i).padStart(3, '0');
    if (citizenIdCheckChar(`${region}${birth}${seq}`) === 'X') return `${region}${birth}${seq}X`;
  }
  throw new Error('no X check character found');
};
const ANJI_WOMAN_X = seqWithX('330523', '19850615');
const ZHUJI_PERSON = cid('330681', '19780909', '456');

describeEachDb('people: one masked record per natural person', (env) => {
  const cookies = new Map<string, string>();
  const as = async (who: 'anji.staff' | 'anji.leader' | 'zhuji.staff' | 'prov.staff' | 'all.leader') => {
    const known = cookies.get(who);
    if (known) return known;
    const [role, regionCode] = {
      'anji.staff': ['staff', '330523'],
      'anji.leader': ['leader', '330523'],
      'zhuji.staff': ['staff', '330681'],
      'prov.staff': ['staff', '33'],
      'all.leader': ['leader', null],
    }[who] as ['staff' | 'leader', string | null];
    const cookie = await env().userWith(role, { regionCode, programmes: [] }, who);
    cookies.set(who, cookie);
    return cookie;
  };
  const call = async (
    who: Parameters<typeof as>[0],
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
    lang?: 'en',
  ) =>
    env().app.inject({
      method,
      url,
      headers: { cookie: await as(who), ...(lang ? { 'accept-language': 'en-US' } : {}) },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const auditRows = (action: string, entityId?: string) => {
    let q = env().services.db.selectFrom('audit_log').selectAll().where('action', '=', action);
    if (entityId) q = q.where('entity_id', '=', entityId);
    return q.orderBy('id').execute();
  };
  const ids = new Map<string, string>();

  it('registers a person and shows only masked values, derived from the citizen ID', async () => {
    const res = await call('anji.staff', 'POST', '/api/people', {
      name: ' 王 伟 ',
      citizenId: ANJI_MAN,
      mobile: '+86 138-0013-1234',
      regionCode: '330523',
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    ids.set('anji-man', p.id);
    expect(p).toMatchObject({
      name: '王 伟',
      citizenIdMasked: `330523********${ANJI_MAN.slice(-4)}`,
      mobileMasked: '138****1234',
      gender: 'male',
      birthYear: 1990,
      age: 36,
      nativeRegionCode: '330523',
      regionCode: '330523',
      regionName: '安吉县',
    });
    expect(res.body).not.toContain(ANJI_MAN);
    expect(res.body).not.toContain('13800131234');

    const list = await call('anji.staff', 'GET', '/api/people');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.json().items[0]).toMatchObject({ id: p.id, citizenIdMasked: p.citizenIdMasked });
    expect(Object.keys(list.json().items[0]).sort()).toEqual(
      [
        'age',
        'birthYear',
        'citizenIdMasked',
        'createdAt',
        'gender',
        'id',
        'mobileMasked',
        'name',
        'nativeRegionCode',
        'regionCode',
        'regionName',
        'updatedAt',
      ].sort(),
    );
    expect(list.body).not.toContain(ANJI_MAN);
    expect(list.body).not.toContain('13800131234');
    // the masked ID and the year together must not spell out the ID
    expect(list.body).not.toContain('19900101');

    const row = await env()
      .services.db.selectFrom('persons')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.citizen_id_enc).not.toContain(ANJI_MAN);
    expect(JSON.stringify({ ...row, birth_date: null })).not.toContain(ANJI_MAN);
    expect(JSON.stringify(row)).not.toContain('13800131234');
    expect(env().services.crypto.decrypt(row.citizen_id_enc)).toBe(ANJI_MAN);
    expect(row).toMatchObject({ birth_date: '1990-01-01', gender: 'male', native_region_code: '330523' });

    const [created] = await auditRows('person.create', p.id);
    expect(created?.after).toMatchObject({ citizenIdMasked: p.citizenIdMasked, mobileMasked: '138****1234' });
    expect(JSON.stringify(created)).not.toContain(ANJI_MAN);
    expect(JSON.stringify(created)).not.toContain('13800131234');
  });

  it('derives a woman from an even 17th digit and accepts a lower-case x', async () => {
    const res = await call('anji.staff', 'POST', '/api/people', {
      name: '李芳',
      citizenId: ANJI_WOMAN_X.toLowerCase(),
      regionCode: '330523',
    });
    expect(res.statusCode, res.body).toBe(200);
    ids.set('anji-woman', res.json().id);
    expect(res.json()).toMatchObject({ gender: 'female', birthYear: 1985, mobileMasked: null });
    expect(res.json().citizenIdMasked.endsWith('X')).toBe(true);
  });

  it('rejects a wrong check digit and an impossible birth date with 400 naming citizenId, in both languages', async () => {
    const bad = await call('anji.staff', 'POST', '/api/people', {
      name: '张三',
      citizenId: withWrongCheck('330523', '19900101', '125'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'citizenId', code: 'PERSON_CITIZEN_ID_INVALID' });
    expect(bad.json().message).toContain('身份证号码无效：校验位错误');

    const en = await call(
      'anji.staff',
      'POST',
      '/api/people',
      { name: '张三', citizenId: withWrongCheck('330523', '19900101', '125') },
      'en',
    );
    expect(en.json().message).toContain('check digit');

    const feb29 = await call('anji.staff', 'POST', '/api/people', {
      name: '张三',
      citizenId: cid('330523', '19990229', '123'),
    });
    expect(feb29.statusCode).toBe(400);
    expect(feb29.json().field).toBe('citizenId');
    expect(feb29.json().message).toContain('出生日期 1999-02-29 不存在');

    const short = await call('anji.staff', 'POST', '/api/people', {
      name: '张三',
      citizenId: '33052319900101',
    });
    expect(short.json()).toMatchObject({ field: 'citizenId' });
    expect(short.json().message).toContain('应为 18 位');
  });

  it('rejects a bad mobile with 400 naming mobile, and fields derived from the ID', async () => {
    const res = await call('anji.staff', 'POST', '/api/people', {
      name: '张三',
      citizenId: cid('330523', '19900101', '127'),
      mobile: '1234567',
      regionCode: '330523',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'mobile' });
    expect(res.json().message).toContain('手机号码应为 11 位数字');

    const derived = await call('anji.staff', 'POST', '/api/people', {
      name: '张三',
      citizenId: cid('330523', '19900101', '127'),
      gender: 'female',
    });
    expect(derived.statusCode).toBe(400);
    expect(derived.json()).toMatchObject({ field: 'gender', code: 'PERSON_DERIVED_FIELD' });
  });

  it('answers a second registration of the same ID with 409 naming citizenId', async () => {
    const dup = await call('anji.staff', 'POST', '/api/people', {
      name: '王伟',
      citizenId: ` ${ANJI_MAN} `,
      regionCode: '330523',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ field: 'citizenId', code: 'PERSON_EXISTS' });
    expect(dup.json().message).toContain('已登记');
    expect(dup.body).not.toContain(ids.get('anji-man'));
    // a person living elsewhere is still the same person
    const elsewhere = await call('zhuji.staff', 'POST', '/api/people', {
      name: '王伟',
      citizenId: ANJI_MAN,
      regionCode: '330681',
    });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.body).not.toContain(ids.get('anji-man'));
  });

  it('says only that the person is registered, the same in scope or out, and how to get access', async () => {
    // issue 10: Zhuji staff learn neither where the person lives nor the record, only what to do
    const register = (who: 'anji.staff' | 'zhuji.staff', regionCode: string, lang?: 'en') =>
      call(who, 'POST', '/api/people', { name: '王伟', citizenId: ANJI_MAN, regionCode }, lang);
    for (const lang of [undefined, 'en'] as const) {
      const inScope = await register('anji.staff', '330523', lang);
      const outOfScope = await register('zhuji.staff', '330681', lang);
      expect(outOfScope.statusCode).toBe(409);
      expect(outOfScope.json()).toEqual(inScope.json());
      expect(Object.keys(outOfScope.json()).sort()).toEqual(['code', 'field', 'message']);
      expect(outOfScope.body).not.toMatch(/330523|安吉|Anji/);
      expect(outOfScope.json().message).toContain(lang === 'en' ? 'data scope' : '数据范围');
      expect(outOfScope.json().message).toContain(lang === 'en' ? 'security administrator' : '安全管理员');
    }
  });

  it('keeps a scoped caller to residences in scope', async () => {
    const outside = await call('anji.staff', 'POST', '/api/people', {
      name: '赵六',
      citizenId: cid('330523', '19700101', '131'),
      regionCode: '330681',
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ field: 'regionCode' });
    const none = await call('anji.staff', 'POST', '/api/people', {
      name: '赵六',
      citizenId: cid('330523', '19700101', '131'),
    });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ field: 'regionCode' });
    const unknown = await call('anji.staff', 'POST', '/api/people', {
      name: '赵六',
      citizenId: cid('330523', '19700101', '131'),
      regionCode: '330599',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: 'regionCode' });
    const leader = await call('anji.leader', 'POST', '/api/people', {
      name: '赵六',
      citizenId: cid('330523', '19700101', '131'),
      regionCode: '330523',
    });
    expect(leader.statusCode).toBe(403);
  });

  it('looks a person up by citizen ID, lower-case x included, and audits the search', async () => {
    const res = await call('anji.staff', 'POST', '/api/people/lookup', {
      citizenId: ANJI_WOMAN_X.toLowerCase(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: ids.get('anji-woman'), name: '李芳' });
    expect(res.body).not.toContain(ANJI_WOMAN_X);
    const [entry] = await auditRows('person.lookup', ids.get('anji-woman'));
    expect(entry).toMatchObject({ actor_name: 'anji.staff', outcome: 'ok' });
    expect(entry?.after).toMatchObject({ result: 'found', citizenIdMasked: res.json().citizenIdMasked });
    expect(JSON.stringify(entry)).not.toContain(ANJI_WOMAN_X);

    const missing = await call('anji.staff', 'POST', '/api/people/lookup', {
      citizenId: cid('330523', '20010101', '222'),
    });
    expect(missing.statusCode).toBe(404);
    const invalidId = await call('anji.staff', 'POST', '/api/people/lookup', {
      citizenId: withWrongCheck('330523', '19900101', '123'),
    });
    expect(invalidId.statusCode).toBe(400);
    expect(invalidId.json().field).toBe('citizenId');
  });

  it('reveals ID and mobile to staff with a reason, auditing the reason but not the values', async () => {
    const id = ids.get('anji-man')!;
    const res = await call('anji.staff', 'POST', `/api/people/${id}/unmask`, {
      reason: '核对低收入家庭补助名单',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ citizenId: ANJI_MAN, mobile: '13800131234' });
    expect(res.headers['cache-control']).toBe('no-store');
    const entries = await auditRows('person.unmask', id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_name: 'anji.staff', outcome: 'ok', entity_type: 'person' });
    expect(entries[0]?.after).toEqual({ fields: ['citizenId', 'mobile'], reason: '核对低收入家庭补助名单' });
    expect(JSON.stringify(entries)).not.toContain(ANJI_MAN);
    expect(JSON.stringify(entries)).not.toContain('13800131234');

    const noReason = await call('anji.staff', 'POST', `/api/people/${id}/unmask`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('reason');
    const blank = await call('anji.staff', 'POST', `/api/people/${id}/unmask`, { reason: '   x  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().field).toBe('reason');
    expect(await auditRows('person.unmask', id)).toHaveLength(1);
  });

  it('refuses unmasking to a leader with 403 and audits the denial', async () => {
    const id = ids.get('anji-man')!;
    const res = await call('anji.leader', 'POST', `/api/people/${id}/unmask`, { reason: '查看完整信息' });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain(ANJI_MAN);
    const denied = await env()
      .services.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'access.denied')
      .where('actor_name', '=', 'anji.leader')
      .where('entity_id', '=', 'POST /api/people/:id/unmask')
      .execute();
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: 'denied', entity_id: 'POST /api/people/:id/unmask' });
    // the leader still reads the masked record
    expect((await call('anji.leader', 'GET', `/api/people/${id}`)).statusCode).toBe(200);
  });

  it('hides a person living in Zhuji from Anji staff everywhere', async () => {
    const created = await call('zhuji.staff', 'POST', '/api/people', {
      name: '陈静',
      citizenId: ZHUJI_PERSON,
      mobile: '13905751234',
      regionCode: '330681',
    });
    expect(created.statusCode, created.body).toBe(200);
    const id: string = created.json().id;
    ids.set('zhuji', id);

    const anjiList = await call('anji.staff', 'GET', '/api/people');
    expect(anjiList.json().items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await call('anji.staff', 'GET', `/api/people/${id}`)).statusCode).toBe(404);
    expect(
      (await call('anji.staff', 'POST', '/api/people/lookup', { citizenId: ZHUJI_PERSON })).statusCode,
    ).toBe(404);
    expect((await call('anji.staff', 'PATCH', `/api/people/${id}`, { name: '陈 静' })).statusCode).toBe(404);
    const unmask = await call('anji.staff', 'POST', `/api/people/${id}/unmask`, { reason: '试图查看' });
    expect(unmask.statusCode).toBe(404);
    expect(unmask.body).not.toContain(ZHUJI_PERSON);
    const denied = await auditRows('person.unmask', id);
    expect(denied).toMatchObject([{ outcome: 'denied', actor_name: 'anji.staff' }]);
    const lookups = await auditRows('person.lookup', id);
    expect(lookups).toMatchObject([{ outcome: 'denied', after: { result: 'out_of_scope' } }]);

    const zhujiList = await call('zhuji.staff', 'GET', '/api/people');
    expect(zhujiList.json()).toMatchObject({ total: 1, items: [{ id, regionName: '诸暨市' }] });
    const provList = await call('prov.staff', 'GET', '/api/people');
    expect(provList.json().total).toBe(3);
  });

  it('shows a person without residence to unrestricted scope only', async () => {
    const p = await createPerson(env().services, systemContext('test'), {
      name: '无居住地',
      citizenId: cid('510112', '19950505', '222'),
    });
    expect(p).toMatchObject({
      regionCode: null,
      regionName: null,
      nativeRegionCode: '510112',
      gender: 'female',
    });
    expect((await call('prov.staff', 'GET', `/api/people/${p.id}`)).statusCode).toBe(404);
    expect((await call('all.leader', 'GET', `/api/people/${p.id}`)).statusCode).toBe(200);
    ids.set('nowhere', p.id);
  });

  it('updates name, mobile and residence with masked before/after in the audit, but never the ID', async () => {
    const id = ids.get('anji-woman')!;
    const withId = await call('anji.staff', 'PATCH', `/api/people/${id}`, {
      citizenId: ANJI_MAN,
      name: '李芳',
    });
    expect(withId.statusCode).toBe(400);
    expect(withId.json()).toMatchObject({ field: 'citizenId', code: 'PERSON_CITIZEN_ID_IMMUTABLE' });
    expect(withId.json().message).toContain('不能修改');

    const town = await env()
      .services.db.selectFrom('regions')
      .select(['code', 'name'])
      .where('parent_code', '=', '330523')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const res = await call('anji.staff', 'PATCH', `/api/people/${id}`, {
      name: '李 芳芳',
      mobile: '15857221234',
      regionCode: town.code,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: '李 芳芳',
      mobileMasked: '158****1234',
      regionCode: town.code,
      regionName: town.name,
    });
    const [entry] = await auditRows('person.update', id);
    expect(entry?.before).toMatchObject({ name: '李芳', mobileMasked: null, regionCode: '330523' });
    expect(entry?.after).toMatchObject({
      name: '李 芳芳',
      mobileMasked: '158****1234',
      regionCode: town.code,
    });
    expect(JSON.stringify(entry)).not.toContain('15857221234');
    expect(JSON.stringify(entry)).not.toContain(ANJI_WOMAN_X);

    // moving the person out of the caller's scope is refused; nothing changes without a change
    const away = await call('anji.staff', 'PATCH', `/api/people/${id}`, { regionCode: '330681' });
    expect(away.statusCode).toBe(403);
    expect(away.json().field).toBe('regionCode');
    const same = await call('anji.staff', 'PATCH', `/api/people/${id}`, { mobile: '158 5722 1234' });
    expect(same.statusCode).toBe(200);
    expect(await auditRows('person.update', id)).toHaveLength(1);
    const cleared = await call('anji.staff', 'PATCH', `/api/people/${id}`, { mobile: null });
    expect(cleared.json().mobileMasked).toBeNull();
    expect(await auditRows('person.update', id)).toHaveLength(2);
  });

  it('filters the list by name, region subtree and gender, and pages it', async () => {
    const town = await env()
      .services.db.selectFrom('regions')
      .select('code')
      .where('parent_code', '=', '330523')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const q = (s: string) => call('prov.staff', 'GET', `/api/people?${s}`).then((r) => r.json());
    expect((await q(`q=${encodeURIComponent('芳')}`)).items.map((p: { name: string }) => p.name)).toEqual([
      '李 芳芳',
    ]);
    expect((await q('q=%25')).total).toBe(0);
    expect((await q(`regionCode=${town.code}`)).total).toBe(1);
    expect((await q('regionCode=330523')).total).toBe(2);
    expect((await q('regionCode=3306')).total).toBe(1);
    expect((await q('gender=female')).total).toBe(2);
    const page1 = await q('pageSize=2&page=1');
    const page2 = await q('pageSize=2&page=2');
    expect(page1).toMatchObject({ total: 3, pageSize: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(1);
    expect(new Set([...page1.items, ...page2.items].map((p: { id: string }) => p.id)).size).toBe(3);
    const bad = await call('prov.staff', 'GET', '/api/people?ageMin=40&ageMax=30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('ageMax');
  });

  it('gives programme modules one record per natural person', async () => {
    const findOrCreate = env().services.modules.get('people')?.findOrCreatePersonByCitizenId as
      | FindOrCreatePersonByCitizenId
      | undefined;
    expect(findOrCreate).toBeTypeOf('function');
    const ctx = systemContext('test');
    const again = await findOrCreate!(env().services, ctx, { name: '王伟（工坊）', citizenId: ANJI_MAN });
    expect(again).toEqual({ id: ids.get('anji-man'), created: false });
    const fresh = await findOrCreate!(env().services, ctx, {
      name: '求职者',
      citizenId: cid('331023', '20000808', '318'),
      regionCode: '331023',
    });
    expect(fresh.created).toBe(true);
    const twice = await findOrCreate!(env().services, ctx, {
      name: '求职者',
      citizenId: cid('331023', '20000808', '318'),
    });
    expect(twice).toEqual({ id: fresh.id, created: false });
    expect(await auditRows('person.create', fresh.id)).toHaveLength(1);
    // the name of the existing record is not overwritten
    const row = await env()
      .services.db.selectFrom('persons')
      .select('name')
      .where('id', '=', ids.get('anji-man')!)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('王 伟');
  });

  // Moves the clock forward: keep last.
  it('computes age and age filters on the Asia/Shanghai date', async () => {
    const services = env().services;
    const ctx = systemContext('test');
    const born = (date: string, seq: string) => cid('330681', date, seq);
    const birthdayTomorrow = await createPerson(services, ctx, {
      name: '明天生日',
      citizenId: born('20000303', '111'),
      regionCode: '330681',
    });
    const birthdayToday = await createPerson(services, ctx, {
      name: '今天生日',
      citizenId: born('20000302', '113'),
      regionCode: '330681',
    });
    // 2026-03-02T01:00Z is 09:00 on 2 March in Shanghai
    expect(birthdayToday.age).toBe(26);
    expect(birthdayTomorrow.age).toBe(25);
    const ages = async (query: string, cookie: string) =>
      (await env().app.inject({ url: `/api/people?regionCode=330681&${query}`, headers: { cookie } }))
        .json()
        .items.map((p: { name: string; age: number }) => `${p.name}:${p.age}`);
    const zhuji = await as('zhuji.staff');
    expect((await ages('ageMin=26&ageMax=26', zhuji)).sort()).toEqual(['今天生日:26']);
    expect(await ages('ageMax=25', zhuji)).toEqual(['明天生日:25']);
    expect((await ages('ageMin=40', zhuji)).sort()).toEqual(['陈静:47']);

    // 16:00Z on 2 March is midnight on 3 March in Shanghai, still 2 March in UTC
    env().clock.set(new Date('2026-03-02T16:00:00Z'));
    const later = await env().userWith('staff', { regionCode: '330681', programmes: [] }, 'zhuji.night');
    expect((await ages('ageMin=26&ageMax=26', later)).sort()).toEqual(['今天生日:26', '明天生日:26']);
    expect(await ages('ageMax=25', later)).toEqual([]);
  });
});
