import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { systemContext } from '../../accounts/create-user.ts';
import { KIND_KEYS, ORGANISATION_KINDS } from '../organisation.rules.ts';
import { createOrganisation } from '../organisation.service.ts';
import { createdId, creditCodeFor, getJson, patchOrg, postOrg } from './org-factory.ts';

describeEachDb('organisations: create, validate, update, close, audit', (env) => {
  let admin = '';
  const admin$ = async () => {
    admin ||= await env().userWith('sysadmin', {}, 'org.admin');
    return admin;
  };

  it('lists every labelled kind in the request schema', () => {
    expect([...KIND_KEYS].sort()).toEqual(Object.keys(ORGANISATION_KINDS).sort());
  });

  it('creates one organisation of each kind, with zh and en kind labels and the region name', async () => {
    const cookie = await admin$();
    const names: Record<string, string> = {
      department: '安吉县住房和城乡建设局',
      street_office: '递铺街道办事处',
      enterprise: '安吉竹艺家居有限公司',
      university: '湖州师范学院安吉校区',
      workshop: '递铺巾帼共富工坊',
      inspector: '浙江安信安全巡查有限公司',
      contractor: '安吉建工集团有限公司',
      village_committee: '鲁家村村民委员会',
      other: '安吉县青年志愿者协会',
    };
    let n = 1;
    for (const kind of KIND_KEYS) {
      const needsCode = kind === 'enterprise' || kind === 'contractor';
      const res = await postOrg(env(), cookie, {
        name: names[kind]!,
        kind,
        regionCode: '330523',
        ...(needsCode ? { creditCode: creditCodeFor(n++) } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        name: names[kind],
        kind,
        kindName: ORGANISATION_KINDS[kind].zh,
        regionCode: '330523',
        regionName: '安吉县',
        status: 'active',
        statusName: '正常',
        parentId: null,
      });
    }
    const en = await postOrg(
      env(),
      cookie,
      { name: 'Anji Workshop', kind: 'workshop', regionCode: '330523' },
      'en',
    );
    expect(en.json()).toMatchObject({ kindName: 'Common-prosperity workshop', statusName: 'Active' });
    const kinds = await getJson(env(), cookie, '/api/orgs/kinds');
    expect(kinds.json()).toContainEqual({ kind: 'enterprise', name: '企业', creditCodeRequired: true });
  });

  it('upper-cases the credit code, trims the name and keeps the code optional for other kinds', async () => {
    const cookie = await admin$();
    const code = creditCodeFor(101);
    const res = await postOrg(env(), cookie, {
      name: '  安吉  白茶合作社 ',
      kind: 'other',
      regionCode: '330523001',
      creditCode: ` ${code.toLowerCase()} `,
      address: '',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: '安吉 白茶合作社',
      creditCode: code,
      address: null,
      regionName: '递铺街道',
    });
  });

  it('refuses a wrong credit code with 400 naming creditCode, in Chinese', async () => {
    const cookie = await admin$();
    const good = creditCodeFor(102);
    const wrongCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    for (const [creditCode, hint] of [
      [wrongCheck, '校验位'],
      ['91330523MA2B', '18 位'],
      ['91330523MA2BIOSVZ1', '无效字符'],
    ] as const) {
      const res = await postOrg(env(), cookie, {
        name: '错误代码公司',
        kind: 'enterprise',
        regionCode: '330523',
        creditCode,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'creditCode' });
      expect(res.json().message).toContain('统一社会信用代码');
      expect(res.json().message).toContain(hint);
    }
    const en = await postOrg(
      env(),
      cookie,
      { name: 'Bad Co', kind: 'enterprise', regionCode: '330523', creditCode: wrongCheck },
      'en',
    );
    expect(en.json().message).toMatch(/credit code/);
  });

  it('requires a credit code for enterprises and contractors, also when the kind changes', async () => {
    const cookie = await admin$();
    for (const kind of ['enterprise', 'contractor']) {
      const res = await postOrg(env(), cookie, {
        name: '无代码单位',
        kind,
        regionCode: '330523',
        creditCode: null,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'creditCode' });
      expect(res.json().message).toContain('须填写统一社会信用代码');
    }
    const id = await createdId(
      postOrg(env(), cookie, { name: '改类型工坊', kind: 'workshop', regionCode: '330523' }),
    );
    const res = await patchOrg(env(), cookie, id, { kind: 'enterprise' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'creditCode' });
  });

  it('answers a duplicate credit code with 409 naming creditCode, also for concurrent requests', async () => {
    const cookie = await admin$();
    const code = creditCodeFor(201);
    await createdId(
      postOrg(env(), cookie, { name: '甲公司', kind: 'enterprise', regionCode: '330523', creditCode: code }),
    );
    const dup = await postOrg(env(), cookie, {
      name: '乙公司',
      kind: 'enterprise',
      regionCode: '330681',
      creditCode: code.toLowerCase(),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'ORG_CREDIT_CODE_TAKEN', field: 'creditCode' });
    expect(dup.json().message).toContain('已登记');

    // Changing another organisation to the taken code is a conflict too.
    const other = await createdId(
      postOrg(env(), cookie, {
        name: '丙公司',
        kind: 'enterprise',
        regionCode: '330523',
        creditCode: creditCodeFor(202),
      }),
    );
    const clash = await patchOrg(env(), cookie, other, { creditCode: code });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ field: 'creditCode' });

    // Racing requests: exactly one wins, the others get 409, never a 5xx.
    const raced = creditCodeFor(203);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postOrg(env(), cookie, {
          name: `竞争公司${i}`,
          kind: 'contractor',
          regionCode: '330523',
          creditCode: raced,
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().field).toBe('creditCode');
  });

  it('refuses an unknown or malformed region with 400 naming regionCode', async () => {
    const cookie = await admin$();
    const unknown = await postOrg(env(), cookie, { name: '无区划单位', kind: 'other', regionCode: '339999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: 'regionCode' });
    expect(unknown.json().message).toContain('339999');
    const malformed = await postOrg(env(), cookie, { name: '无区划单位', kind: 'other', regionCode: '33a' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ field: 'regionCode' });
    const id = await createdId(
      postOrg(env(), cookie, { name: '搬迁单位', kind: 'other', regionCode: '330523' }),
    );
    const move = await patchOrg(env(), cookie, id, { regionCode: '339999' });
    expect(move.statusCode).toBe(400);
    expect(move.json()).toMatchObject({ field: 'regionCode' });
  });

  it('names the field for bad input and answers unknown ids with 404, never a 5xx', async () => {
    const cookie = await admin$();
    const missing = await postOrg(env(), cookie, { kind: 'other', regionCode: '330523' } as never);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ field: 'name' });
    const badKind = await postOrg(env(), cookie, { name: 'x', kind: 'bank', regionCode: '330523' });
    expect(badKind.json()).toMatchObject({ field: 'kind' });
    const blank = await postOrg(env(), cookie, { name: '   ', kind: 'other', regionCode: '330523' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ field: 'name' });
    expect((await getJson(env(), cookie, '/api/orgs/not-a-uuid')).statusCode).toBe(400);
    const none = await getJson(env(), cookie, '/api/orgs/00000000-0000-4000-8000-000000000000');
    expect(none.statusCode).toBe(404);
    const patchNone = await patchOrg(env(), cookie, '00000000-0000-4000-8000-000000000000', {
      name: '新名称',
    });
    expect(patchNone.statusCode).toBe(404);
    const empty = await patchOrg(env(), cookie, '00000000-0000-4000-8000-000000000000', {});
    expect(empty.statusCode).toBe(400);
  });

  it('audits create, update and close with before/after snapshots; no change, no entry', async () => {
    const cookie = await admin$();
    const id = await createdId(
      postOrg(env(), cookie, {
        name: '审计测试工坊',
        kind: 'workshop',
        regionCode: '330523',
        address: '递铺街道1号',
      }),
    );
    const renamed = await patchOrg(env(), cookie, id, { name: '审计测试共富工坊', address: null });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '审计测试共富工坊', address: null });
    expect((await patchOrg(env(), cookie, id, { name: '审计测试共富工坊' })).statusCode).toBe(200);
    const closed = await patchOrg(env(), cookie, id, { status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', statusName: '已撤销' });

    const rows = await env()
      .services.db.selectFrom('audit_log')
      .select(['action', 'actor_name', 'entity_type', 'before', 'after', 'outcome'])
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['org.create', 'org.update', 'org.close']);
    expect(
      rows.every(
        (r) => r.actor_name === 'org.admin' && r.entity_type === 'organisation' && r.outcome === 'ok',
      ),
    ).toBe(true);
    expect(rows[0]!.before).toBeNull();
    expect(rows[0]!.after).toMatchObject({
      name: '审计测试工坊',
      kind: 'workshop',
      regionCode: '330523',
      status: 'active',
    });
    expect(rows[1]!.before).toMatchObject({ name: '审计测试工坊', address: '递铺街道1号' });
    expect(rows[1]!.after).toMatchObject({ name: '审计测试共富工坊', address: null });
    expect(rows[2]!.before).toMatchObject({ status: 'active' });
    expect(rows[2]!.after).toMatchObject({ status: 'closed' });
  });

  it('closes instead of deleting: no DELETE route, closing needs the children closed or moved first', async () => {
    const cookie = await admin$();
    const parent = await createdId(
      postOrg(env(), cookie, { name: '撤销测试局', kind: 'department', regionCode: '330523' }),
    );
    const child = await createdId(
      postOrg(env(), cookie, {
        name: '撤销测试科',
        kind: 'department',
        regionCode: '330523',
        parentId: parent,
      }),
    );
    const del = await env().app.inject({ method: 'DELETE', url: `/api/orgs/${parent}`, headers: { cookie } });
    expect(del.statusCode).toBe(404);
    const refused = await patchOrg(env(), cookie, parent, { status: 'closed' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'ORG_HAS_ACTIVE_CHILDREN', field: 'status' });
    expect((await patchOrg(env(), cookie, child, { status: 'closed' })).statusCode).toBe(200);
    expect((await patchOrg(env(), cookie, parent, { status: 'closed' })).statusCode).toBe(200);
    // A closed organisation takes no new children; reopening it is allowed.
    const under = await postOrg(env(), cookie, {
      name: '新科室',
      kind: 'department',
      regionCode: '330523',
      parentId: parent,
    });
    expect(under.statusCode).toBe(400);
    expect(under.json()).toMatchObject({ field: 'parentId' });
    const reopened = await patchOrg(env(), cookie, parent, { status: 'active' });
    expect(reopened.json()).toMatchObject({ status: 'active' });
  });

  it('lets the demo seeder and tests create through createOrganisation directly, audited as the system', async () => {
    const org = await createOrganisation(env().services, systemContext('demo'), {
      name: '天台县人力资源和社会保障局',
      kind: 'department',
      regionCode: '331023',
    });
    expect(org).toMatchObject({
      name: '天台县人力资源和社会保障局',
      region_name: '天台县',
      status: 'active',
    });
    const entry = await env()
      .services.db.selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ action: 'org.create', actor_name: 'system:demo' });
  });
});
