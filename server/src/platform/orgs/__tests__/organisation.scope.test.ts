import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { createdId, creditCodeFor, getJson, patchOrg, postOrg } from './org-factory.ts';

type Item = {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  parentId: string | null;
  parentName: string | null;
};
type Node = { id: string; parentId: string | null; name: string; childCount: number };

describeEachDb('organisations: roles, data scope, tree, list', (env) => {
  const cookies: Record<string, string> = {};
  const as = async (who: 'admin' | 'anji' | 'zhuji' | 'leader' | 'auditor' | 'secadmin') => {
    if (!cookies[who]) {
      const e = env();
      cookies[who] =
        who === 'admin'
          ? await e.userWith('sysadmin', {}, 'scope.admin')
          : who === 'anji'
            ? await e.userWith('staff', { regionCode: '330523', programmes: [] }, 'anji.staff')
            : who === 'zhuji'
              ? await e.userWith('staff', { regionCode: '330681', programmes: [] }, 'zhuji.staff')
              : who === 'leader'
                ? await e.userWith('leader', { regionCode: '330523' }, 'anji.leader')
                : who === 'auditor'
                  ? await e.userWith('auditor', {}, 'the.auditor')
                  : await e.userWith('secadmin', {}, 'the.secadmin');
    }
    return cookies[who]!;
  };
  const ids: Record<string, string> = {};

  it('staff of 330523 create in their county and towns, but not in 330681 (403, audited)', async () => {
    const anji = await as('anji');
    ids.anjiDept = await createdId(
      postOrg(env(), anji, { name: '安吉县住房和城乡建设局', kind: 'department', regionCode: '330523' }),
    );
    ids.anjiTown = await createdId(
      postOrg(env(), anji, { name: '递铺街道办事处', kind: 'street_office', regionCode: '330523001' }),
    );
    const outside = await postOrg(env(), anji, {
      name: '诸暨市人力资源和社会保障局',
      kind: 'department',
      regionCode: '330681',
    });
    expect(outside.statusCode).toBe(403);
    const city = await postOrg(env(), anji, { name: '湖州市住建局', kind: 'department', regionCode: '3305' });
    expect(city.statusCode).toBe(403);
    const denied = await env()
      .services.db.selectFrom('audit_log')
      .select(['action', 'outcome', 'entity_id', 'after'])
      .where('actor_name', '=', 'anji.staff')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toHaveLength(2);
    expect(denied[0]).toMatchObject({
      action: 'access.denied',
      entity_id: 'POST /api/orgs',
      after: { code: 'ORG_OUT_OF_SCOPE' },
    });
    expect(
      await env()
        .services.db.selectFrom('organisations')
        .select('id')
        .where('name', 'like', '诸暨市人力%')
        .execute(),
    ).toEqual([]);
  });

  it('staff of 330523 do not see, read or change 330681 organisations', async () => {
    const zhuji = await as('zhuji');
    ids.zhujiDept = await createdId(
      postOrg(env(), zhuji, { name: '诸暨市人力资源和社会保障局', kind: 'department', regionCode: '330681' }),
    );
    ids.zhujiEnt = await createdId(
      postOrg(env(), zhuji, {
        name: '诸暨袜业有限公司',
        kind: 'enterprise',
        regionCode: '330681',
        creditCode: creditCodeFor(1, '330681'),
      }),
    );
    const anji = await as('anji');
    const list = await getJson(env(), anji, '/api/orgs?pageSize=200');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Item[];
    expect(items.map((o) => o.name).sort()).toEqual(['安吉县住房和城乡建设局', '递铺街道办事处'].sort());
    expect(list.json().total).toBe(2);
    expect(items.every((o) => o.regionCode.startsWith('330523'))).toBe(true);
    // Asking for 330681 explicitly shows nothing rather than leaking.
    expect((await getJson(env(), anji, '/api/orgs?regionCode=330681')).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await getJson(env(), anji, '/api/orgs/tree')).json()).toHaveLength(2);
    // Searching by the other county's credit code finds nothing.
    const q = creditCodeFor(1, '330681').slice(0, 10);
    expect((await getJson(env(), anji, `/api/orgs?q=${q}`)).json().total).toBe(0);
    expect((await getJson(env(), zhuji, `/api/orgs?q=${q}`)).json().total).toBe(1);

    const one = await getJson(env(), anji, `/api/orgs/${ids.zhujiDept}`);
    expect(one.statusCode).toBe(404);
    expect((await patchOrg(env(), anji, ids.zhujiDept!, { name: '改名' })).statusCode).toBe(404);
    // Cannot move own organisation out of scope, nor under an invisible parent.
    const move = await patchOrg(env(), anji, ids.anjiTown!, { regionCode: '330681' });
    expect(move.statusCode).toBe(403);
    const under = await patchOrg(env(), anji, ids.anjiTown!, { parentId: ids.zhujiDept });
    expect(under.statusCode).toBe(400);
    expect(under.json()).toMatchObject({ field: 'parentId' });
    expect(under.json().message).toContain('无权查看');
    // The sysadmin (no region restriction) sees both counties.
    expect((await getJson(env(), await as('admin'), '/api/orgs')).json().total).toBe(4);
  });

  it('leaders and the security admin read but cannot write (403); the auditor cannot read', async () => {
    const leader = await as('leader');
    const list = await getJson(env(), leader, '/api/orgs');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(2);
    expect((await getJson(env(), leader, `/api/orgs/${ids.anjiDept}`)).statusCode).toBe(200);
    expect(
      (await postOrg(env(), leader, { name: '领导新建', kind: 'other', regionCode: '330523' })).statusCode,
    ).toBe(403);
    expect((await patchOrg(env(), leader, ids.anjiDept!, { name: '领导改名' })).statusCode).toBe(403);
    const secadmin = await as('secadmin');
    expect((await getJson(env(), secadmin, '/api/orgs')).statusCode).toBe(200);
    expect(
      (await postOrg(env(), secadmin, { name: '安全员新建', kind: 'other', regionCode: '330523' }))
        .statusCode,
    ).toBe(403);
    const auditor = await as('auditor');
    expect((await getJson(env(), auditor, '/api/orgs')).statusCode).toBe(403);
    expect((await env().app.inject({ url: '/api/orgs' })).statusCode).toBe(401);
  });

  it('shows the menu entry to readers only', async () => {
    const menu = async (c: string) =>
      ((await getJson(env(), c, '/api/menu')).json() as Array<{ path: string; label: string }>).filter(
        (e) => e.path === '/orgs',
      );
    expect(await menu(await as('leader'))).toEqual([expect.objectContaining({ label: '组织机构' })]);
    expect(await menu(await as('auditor'))).toEqual([]);
  });

  it('builds a tree, refuses self-parenting and cycles with 400 naming parentId', async () => {
    const anji = await as('anji');
    const a = ids.anjiDept!;
    const b = await createdId(
      postOrg(env(), anji, {
        name: '安吉县住建局村镇建设科',
        kind: 'department',
        regionCode: '330523',
        parentId: a,
      }),
    );
    const c = await createdId(
      postOrg(env(), anji, {
        name: '村镇建设科递铺工作组',
        kind: 'department',
        regionCode: '330523001',
        parentId: b,
      }),
    );
    const detail = (await getJson(env(), anji, `/api/orgs/${c}`)).json();
    expect(detail).toMatchObject({
      parentId: b,
      parentName: '安吉县住建局村镇建设科',
      regionName: '递铺街道',
    });

    for (const [id, parentId] of [
      [a, c],
      [a, b],
      [b, b],
    ] as const) {
      const res = await patchOrg(env(), anji, id, { parentId });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'ORG_PARENT_CYCLE', field: 'parentId' });
    }
    const unknown = await patchOrg(env(), anji, c, { parentId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.json()).toMatchObject({ field: 'parentId' });

    // A legal move: the work group moves up under the bureau, the street office under it.
    expect((await patchOrg(env(), anji, c, { parentId: a })).json()).toMatchObject({ parentId: a });
    expect((await patchOrg(env(), anji, ids.anjiTown!, { parentId: c })).statusCode).toBe(200);

    const tree = (await getJson(env(), anji, '/api/orgs/tree')).json() as Node[];
    const byId = new Map(tree.map((n) => [n.id, n]));
    expect(byId.get(a)).toMatchObject({ parentId: null, childCount: 2 });
    expect(byId.get(b)).toMatchObject({ parentId: a, childCount: 0 });
    expect(byId.get(c)).toMatchObject({ parentId: a, childCount: 1 });
    expect(byId.get(ids.anjiTown!)).toMatchObject({ parentId: c, childCount: 0 });
    // Town subtree: only the street office, a root of this view although its parent is elsewhere.
    const town = (await getJson(env(), anji, '/api/orgs/tree?regionCode=330523001')).json() as Node[];
    expect(town.map((n) => n.name).sort()).toEqual(['村镇建设科递铺工作组', '递铺街道办事处'].sort());
    expect((await getJson(env(), anji, '/api/orgs/tree?regionCode=33052')).json()).toMatchObject({
      field: 'regionCode',
    });

    const children = (await getJson(env(), anji, `/api/orgs?parentId=${a}`)).json();
    expect(children.total).toBe(2);
    expect((children.items as Item[]).every((o) => o.parentName === '安吉县住房和城乡建设局')).toBe(true);
  });

  it('filters by kind, region subtree, status and name, orders by name and pages with a correct total', async () => {
    const admin = await as('admin');
    const region = '331023';
    for (let i = 0; i < 23; i++) {
      const n = String(i).padStart(2, '0');
      await createdId(
        postOrg(env(), admin, {
          name: `天台分页企业${n}`,
          kind: i % 2 === 0 ? 'enterprise' : 'contractor',
          regionCode: region,
          creditCode: creditCodeFor(500 + i, region),
        }),
      );
    }
    await createdId(postOrg(env(), admin, { name: '天台分页工坊', kind: 'workshop', regionCode: region }));

    const page = (query: string) => getJson(env(), admin, `/api/orgs?regionCode=${region}&${query}`);
    const p1 = (await page('q=分页企业&pageSize=10')).json();
    expect(p1).toMatchObject({ total: 23, page: 1, pageSize: 10 });
    expect((p1.items as Item[]).map((o) => o.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `天台分页企业${String(i).padStart(2, '0')}`),
    );
    expect(p1.items[0]).toMatchObject({ regionName: '天台县', parentId: null, parentName: null });
    const p3 = (await page('q=分页企业&pageSize=10&page=3')).json();
    expect(p3.total).toBe(23);
    expect((p3.items as Item[]).map((o) => o.name)).toEqual([
      '天台分页企业20',
      '天台分页企业21',
      '天台分页企业22',
    ]);
    expect((await page('q=分页企业&pageSize=10&page=4')).json()).toMatchObject({ items: [], total: 23 });

    expect((await page('kind=enterprise')).json().total).toBe(12);
    expect((await page('kind=contractor')).json().total).toBe(11);
    expect((await page('q=分页')).json().total).toBe(24);
    expect((await getJson(env(), admin, '/api/orgs?regionCode=3310&q=分页')).json().total).toBe(24);
    expect((await getJson(env(), admin, '/api/orgs?regionCode=3305&q=分页')).json().total).toBe(0);
    // Credit code prefix, any case.
    const code = creditCodeFor(507, region);
    const byCode = (await page(`q=${code.slice(0, 16).toLowerCase()}`)).json();
    expect(byCode.items.map((o: Item) => o.name)).toEqual(['天台分页企业07']);
    // LIKE wildcards in q are taken literally.
    expect((await page('q=%25')).json().total).toBe(0);

    const ws = (await page('kind=workshop')).json().items[0] as Item;
    await patchOrg(env(), admin, ws.id, { status: 'closed' });
    expect((await page('q=分页&status=closed')).json().total).toBe(1);
    expect((await page('q=分页&status=active')).json().total).toBe(23);
    expect((await page('pageSize=500')).json()).toMatchObject({ field: 'pageSize' });
    expect((await page('kind=bank')).statusCode).toBe(400);
  });
});
