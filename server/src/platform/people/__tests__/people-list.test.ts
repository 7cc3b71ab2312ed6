import { citizenIdCheckChar } from '@gongfu/domain/cn/citizen-id';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { COUNT_STEP, type PersonInsert, prefixSuccessor, regionRoots } from '../person.repo.ts';
import { validateNewPerson } from '../person.service.ts';

describe('region subtrees as ranges', () => {
  it('takes the next text after every code with the prefix', () => {
    expect(prefixSuccessor('330523')).toBe('330524');
    expect(prefixSuccessor('3309')).toBe('331');
    expect(prefixSuccessor('339')).toBe('34');
    expect(prefixSuccessor('99')).toBeUndefined();
  });

  it("narrows the caller's scope by the filter's region, and drops what lies within another root", () => {
    expect(regionRoots(null)).toBeNull();
    expect(regionRoots(null, '330523')).toEqual(['330523']);
    expect(regionRoots(['330523'])).toEqual(['330523']);
    expect(regionRoots(['330523'], '3305')).toEqual(['330523']);
    expect(regionRoots(['330523'], '330523101')).toEqual(['330523101']);
    expect(regionRoots(['330523'], '330681')).toEqual([]);
    expect(regionRoots(['33', '330523', '330523'])).toEqual(['33']);
    expect(regionRoots(['330523', '330681'], '33')).toEqual(['330523', '330681']);
  });

  it('lets a code of no region level contain nothing, as the policy does', () => {
    expect(regionRoots(null, '33052')).toEqual([]);
    expect(regionRoots(['33'], '3305231')).toEqual([]);
    expect(regionRoots(['33052'])).toEqual([]);
  });
});

/** A valid citizen ID: region (6) + birth date (8) + sequence (3) + check character. */
const cid = (region: string, birth: string, seq: number) => {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17);
};

describeEachDb('the people list: scope, order, pages and totals', (env) => {
  const cookies = new Map<string, string>();
  const as = async (who: 'anji' | 'town' | 'province' | 'all') => {
    const known = cookies.get(who);
    if (known) return known;
    const regionCode = { anji: '330523', town: regions.town, province: '33', all: null }[who];
    const role = who === 'anji' || who === 'town' ? 'staff' : 'leader';
    const cookie = await env().userWith(role, { regionCode, programmes: [] }, `list.${who}`);
    cookies.set(who, cookie);
    return cookie;
  };
  const list = async (who: Parameters<typeof as>[0], query = '') => {
    const res = await env().app.inject({ url: `/api/people?${query}`, headers: { cookie: await as(who) } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: Array<{ id: string; regionCode: string | null; createdAt: string; gender: string }>;
      total: number;
      totalIsLowerBound: boolean;
      page: number;
      pageSize: number;
    };
  };
  /** Every page of a list, in order, with the totals each page gave. */
  const allPages = async (who: Parameters<typeof as>[0], query: string, pageSize: number) => {
    const ids: string[] = [];
    const totals = new Set<number>();
    for (let page = 1; page < 100; page++) {
      const r = await list(who, `${query}&page=${page}&pageSize=${pageSize}`);
      totals.add(r.total);
      expect(r.totalIsLowerBound).toBe(false);
      ids.push(...r.items.map((i) => i.id));
      if (r.items.length < pageSize) break;
    }
    return { ids, totals: [...totals] };
  };

  const regions = { town: '', village: '', otherTown: '', neighbour: '', zhuji: '' };
  /** Every person inserted, with where they live and when they were registered. */
  const people: Array<{ id: string; region: string | null; at: Date; female: boolean }> = [];

  /** The expected list: those whose residence `visible` accepts, newest first, id breaking ties. */
  const expected = (visible: (region: string | null) => boolean) =>
    people
      .filter((p) => visible(p.region))
      .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .map((p) => p.id);

  let seq = 0;
  /** Inserts persons as an import does: one multi-row statement, registration times chosen. */
  const insert = async (rows: Array<{ region: string | null; at: Date; female?: boolean }>) => {
    const values: PersonInsert[] = rows.map((r) => {
      seq++;
      const female = r.female ?? seq % 2 === 0;
      const birth = `19${String(50 + (seq % 40))}0${1 + (seq % 9)}1${seq % 10}`;
      const v = validateNewPerson(env().services, {
        name: `测试${seq}`,
        citizenId: cid('330523', birth, (Math.floor(seq / 10) * 2 + (female ? 0 : 1)) % 1000),
        regionCode: r.region,
      });
      if (!v.values) throw new Error(`test person ${seq} invalid: ${v.problems[0]?.message}`);
      return { ...v.values, created_at: r.at, updated_at: r.at };
    });
    const ids = await env().services.db.insertInto('persons').values(values).returning('id').execute();
    for (const [i, row] of ids.entries()) {
      people.push({
        id: row.id,
        region: rows[i]!.region,
        at: rows[i]!.at,
        female: values[i]!.gender === 'female',
      });
    }
  };

  beforeAll(async () => {
    const db = env().services.db;
    const children = async (code: string) =>
      (
        await db
          .selectFrom('regions')
          .select('code')
          .where('parent_code', '=', code)
          .orderBy('code')
          .execute()
      ).map((r) => r.code);
    const towns = await children('330523');
    regions.town = towns[0]!;
    regions.otherTown = towns[1]!;
    regions.village = (await children(regions.town))[0]!;
    regions.neighbour = (await children('330522'))[0]!;
    regions.zhuji = '330681';
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    // interleaved in time; every third pair shares one instant, so the id decides their order
    const places = [
      '330523',
      regions.town,
      regions.village,
      regions.otherTown,
      regions.neighbour,
      regions.zhuji,
      '3305',
      null,
    ];
    await insert(
      Array.from({ length: 64 }, (_, i) => ({
        region: places[i % places.length]!,
        at: new Date(t0 + (i % 6 < 2 ? i - (i % 2) : i) * 1000),
      })),
    );
  });

  const inAnji = (r: string | null) => r?.startsWith('330523') === true;

  it('shows county staff exactly the county, the county itself and its villages included', async () => {
    const { ids, totals } = await allPages('anji', '', 7);
    expect(ids).toEqual(expected(inAnji));
    expect(totals).toEqual([expected(inAnji).length]);
    // neither the neighbouring county nor the city above it
    expect(ids.length).toBe(4 * 8);
  });

  it('shows town staff their town and its villages only', async () => {
    const { ids, totals } = await allPages('town', '', 5);
    const inTown = (r: string | null) => r?.startsWith(regions.town) === true;
    expect(ids).toEqual(expected(inTown));
    expect(totals).toEqual([expected(inTown).length]);
  });

  it('shows a province leader every resident of the province, and an unrestricted one everyone', async () => {
    const province = await allPages('province', '', 9);
    expect(province.ids).toEqual(expected((r) => r?.startsWith('33') === true));
    expect(province.totals).toEqual([56]);
    const all = await allPages('all', '', 20);
    expect(all.ids).toEqual(expected(() => true));
    expect(all.totals).toEqual([64]);
  });

  it('narrows by region within the scope: subtrees only, never a code of no level', async () => {
    expect((await allPages('all', 'regionCode=330523', 10)).ids).toEqual(expected(inAnji));
    expect((await allPages('anji', 'regionCode=3305', 10)).ids).toEqual(expected(inAnji));
    expect((await list('anji', 'regionCode=330681')).total).toBe(0);
    // '33052' is a prefix of 330522 and 330523, but no region: it contains nobody
    expect(await list('all', 'regionCode=33052')).toMatchObject({ items: [], total: 0 });
    const village = await allPages('anji', `regionCode=${regions.village}`, 3);
    expect(village.ids).toEqual(expected((r) => r === regions.village));
    expect(village.totals).toEqual([8]);
  });

  it('counts a page past the end from the kept counts', async () => {
    const r = await list('anji', 'page=50&pageSize=10');
    expect(r).toMatchObject({ items: [], total: 32, totalIsLowerBound: false });
    const g = await list('anji', 'gender=female&page=50&pageSize=10');
    expect(g).toMatchObject({ items: [], total: people.filter((p) => inAnji(p.region) && p.female).length });
  });

  it('filters by gender with exact totals below the cap', async () => {
    const women = await allPages('anji', 'gender=female', 4);
    expect(women.ids).toEqual(expected(inAnji).filter((id) => people.find((p) => p.id === id)!.female));
    expect(women.totals).toEqual([women.ids.length]);
  });

  it('keeps the counts exact through inserts, moves and deletes', async () => {
    const db = env().services.db;
    const moved = people.find((p) => p.region === regions.village)!;
    await db
      .updateTable('persons')
      .set({ region_code: regions.neighbour })
      .where('id', '=', moved.id)
      .execute();
    await db.updateTable('persons').set({ name: '改名' }).where('region_code', '=', '330523').execute();
    const recount = await sql<{ region_prefix: string; persons: number }>`
      select k.prefix as region_prefix, count(*)::int as persons
      from persons p cross join lateral person_region_prefixes(p.region_code) k(prefix)
      group by k.prefix`.execute(db);
    const kept = await db.selectFrom('person_region_counts').selectAll().where('persons', '<>', 0).execute();
    const asMap = (rows: Array<{ region_prefix: string; persons: number }>) =>
      Object.fromEntries(rows.map((r) => [r.region_prefix, Number(r.persons)]));
    expect(asMap(kept)).toEqual(asMap(recount.rows));
    expect(asMap(kept)['']).toBe(64);
    expect((await list('anji')).total).toBe(31);
    await db
      .updateTable('persons')
      .set({ region_code: regions.village })
      .where('id', '=', moved.id)
      .execute();
    expect((await list('anji')).total).toBe(32);
  });

  it('stops a narrowed count at the next thousand past the page, and says so', async () => {
    const t0 = Date.parse('2025-06-01T00:00:00Z');
    await insert(
      Array.from({ length: COUNT_STEP + 20 }, (_, i) => ({
        region: regions.otherTown,
        at: new Date(t0 + i * 1000),
        female: true,
      })),
    );
    const women = people.filter((p) => inAnji(p.region) && p.female).length;
    expect(women).toBeGreaterThan(COUNT_STEP);
    const first = await list('anji', 'gender=female&pageSize=20');
    expect(first).toMatchObject({ total: COUNT_STEP, totalIsLowerBound: true });
    expect(first.items.map((i) => i.id)).toEqual(
      expected(inAnji)
        .filter((id) => people.find((p) => p.id === id)!.female)
        .slice(0, 20),
    );
    // the last page before the cap: counting goes on to the next thousand, which is enough
    const later = await list('anji', `gender=female&pageSize=20&page=${COUNT_STEP / 20}`);
    expect(later).toMatchObject({ total: women, totalIsLowerBound: false });
    // only the residence: exact from the kept counts, however many
    expect(await list('anji', 'pageSize=20')).toMatchObject({
      total: people.filter((p) => inAnji(p.region)).length,
      totalIsLowerBound: false,
    });
  });
});
