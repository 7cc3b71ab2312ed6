import { expect, it } from 'vitest';
import { sheetsOf } from '../../../platform/kit/testing.ts';
import { describeEachDb } from '../../../test/harness.ts';
import { facilitiesModule } from '../manifest.ts';
import {
  auditOf,
  call,
  get,
  LONG_SESSIONS,
  makeWorld,
  post,
  setToday,
  type World,
} from './facilities-factory.ts';

interface Facility {
  id: string;
  name: string;
  villageName: string;
  townName: string;
  status: string;
  statusName: string;
  villageCount: number;
  testCount: number;
  lastCompliant: boolean | null;
}
interface Test {
  id: string;
  compliant: boolean;
  exceeded: string[];
  exceededNames: string[];
  grade: number;
}
interface Summary {
  year: number;
  builtOrRebuilt: { count: number; investmentFen: number };
  coverage: {
    inScope: number;
    covered: number;
    onNetwork: number;
    rate: string | null;
    rateBasisPoints: number | null;
  };
  compliance: { testedFacilities: number; compliantFacilities: number; rate: string | null };
}

const HUANGDU = '330523201202'; // 黄杜村, 溪龙乡, 安吉县
const HOUHE = '330523201201'; // 后河村
const XINFENG = '330523201204'; // 新丰村
const TIANTAI_VILLAGE = '331023001040'; // 妙山社区, 天台县

describeEachDb(
  'facilities: sewage facilities, village coverage and water tests',
  (env) => {
    let w: World;
    let huangdu: Facility;
    const facility = {
      name: '黄杜村污水处理终端',
      villageCode: HUANGDU,
      capacityTenths: 500,
      kind: 'built',
      year: 2023,
      investmentFen: 3_800_000_00,
      process: 'A/O + 人工湿地',
      dischargeGrade: 1,
      status: 'operating',
    };
    const sample = { sampledOn: '2026-02-10', lab: '测试检测站', ph: 720, cod: 4500, nh3n: 600, tp: 80 };
    const put = (cookie: string, url: string, body: unknown) => call(env(), cookie, 'PUT', url, body);
    const count = async (table: string) =>
      Number(
        (
          await env()
            .services.db.selectFrom(table as 'audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('registers a facility through the API, audited, and lists it', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'sw');
      huangdu = await post<Facility>(env(), w.anji, '/api/facilities/sewage/facilities', facility, 201);
      expect(huangdu).toMatchObject({
        name: '黄杜村污水处理终端',
        villageName: '黄杜村委会',
        townName: '溪龙乡',
        statusName: '运行中',
        kindName: '新建',
        investmentFen: 380_000_000,
        villageCount: 0,
        testCount: 0,
        lastCompliant: null,
      });
      expect(await auditOf(env(), huangdu.id)).toEqual(['renewal.facility.create']);
      const list = await get<{ items: Facility[]; total: number }>(
        env(),
        w.anji,
        '/api/facilities/sewage/facilities?q=黄杜',
      );
      expect(list.items.map((f) => f.id)).toEqual([huangdu.id]);
      const leader = await get<{ total: number }>(env(), w.leader, '/api/facilities/sewage/facilities');
      expect(leader.total).toBe(1);
    });

    it('refuses bad input with 400 naming the field, writing nothing', async () => {
      const before = [await count('renewal_sewage_facilities'), await count('audit_log')];
      const bad = async (
        patch: Record<string, unknown>,
        field: string,
        url = '/api/facilities/sewage/facilities',
      ) => {
        const r = await call(env(), w.anji, 'POST', url, { ...facility, name: '另一个终端', ...patch });
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json().field).toBe(field);
      };
      await bad({ villageCode: '330523201' }, 'villageCode'); // a town, not a village
      await bad({ villageCode: '330523201999' }, 'villageCode'); // no such village
      await bad({ name: '   ' }, 'name');
      await bad({ operatorOrganisationId: '00000000-0000-4000-8000-000000000000' }, 'operatorOrganisationId');
      const r = await call(env(), w.anji, 'POST', '/api/facilities/sewage/facilities', {
        ...facility,
        capacityTenths: 0,
      });
      expect(r.statusCode).toBe(400);
      const dup = await call(env(), w.anji, 'POST', '/api/facilities/sewage/facilities', facility);
      expect(dup.statusCode).toBe(409);
      expect(dup.json().field).toBe('name');
      expect([await count('renewal_sewage_facilities'), await count('audit_log')]).toEqual(before);
    });

    it('keeps other regions out: 404 to read, 403 to write there', async () => {
      expect(
        (await call(env(), w.tiantai, 'GET', `/api/facilities/sewage/facilities/${huangdu.id}`)).statusCode,
      ).toBe(404);
      const put404 = await put(w.tiantai, `/api/facilities/sewage/facilities/${huangdu.id}`, facility);
      expect(put404.statusCode).toBe(404);
      const list = await get<{ total: number }>(env(), w.tiantai, '/api/facilities/sewage/facilities');
      expect(list.total).toBe(0);
      const create = await call(env(), w.tiantai, 'POST', '/api/facilities/sewage/facilities', {
        ...facility,
        name: '越界终端',
      });
      expect(create.statusCode).toBe(403);
      // a leader reads everywhere but writes nowhere; a partner has no access at all
      expect(
        (await put(w.leader, `/api/facilities/sewage/facilities/${huangdu.id}`, facility)).statusCode,
      ).toBe(403);
      expect((await call(env(), w.partner, 'GET', '/api/facilities/sewage/facilities')).statusCode).toBe(403);
      const tiantai = await post<Facility>(
        env(),
        w.tiantai,
        '/api/facilities/sewage/facilities',
        { ...facility, name: '妙山污水终端', villageCode: TIANTAI_VILLAGE },
        201,
      );
      expect(
        (await call(env(), w.anji, 'GET', `/api/facilities/sewage/facilities/${tiantai.id}`)).statusCode,
      ).toBe(404);
    });

    it('lists what the table shows, with what the caller may do to each row, sorted and paged', async () => {
      type Row = Record<string, unknown> & { id: string; can: { edit: boolean } };
      const mine = await get<{ items: Row[]; total: number }>(
        env(),
        w.anji,
        '/api/facilities/sewage/facilities',
      );
      expect(mine.items.map((f) => [f.id, f.can])).toEqual([[huangdu.id, { edit: true }]]);
      // the operator and process are the record's (GET by id), not the table's
      expect(mine.items[0]).not.toHaveProperty('process');
      expect(mine.items[0]).not.toHaveProperty('operatorOrganisation');
      // a leader reads both counties, may edit neither; pages never overlap
      const url = '/api/facilities/sewage/facilities?sort=-year&pageSize=1';
      const first = await get<{ items: Row[]; total: number }>(env(), w.leader, `${url}&page=1`);
      const second = await get<{ items: Row[]; total: number }>(env(), w.leader, `${url}&page=2`);
      expect([first.total, second.total]).toEqual([2, 2]);
      // the same year: the later village code first (every key of the sort reversed)
      expect([...first.items, ...second.items].map((f) => [f.name, f.can.edit])).toEqual([
        ['妙山污水终端', false],
        ['黄杜村污水处理终端', false],
      ]);
      expect((await call(env(), w.anji, 'GET', '/api/facilities/sewage/facilities?sort=x')).statusCode).toBe(
        400,
      );
      // a region filter narrows the scope, never widens it
      const outside = await get<{ total: number }>(
        env(),
        w.tiantai,
        '/api/facilities/sewage/facilities?regionCode=330523',
      );
      expect(outside.total).toBe(0);
    });

    it('corrects a facility with the before and after in the audit log', async () => {
      const r = await put(w.anji, `/api/facilities/sewage/facilities/${huangdu.id}`, {
        ...facility,
        capacityTenths: 600,
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().capacityTenths).toBe(600);
      const row = await env()
        .services.db.selectFrom('audit_log')
        .select(['before', 'after'])
        .where('entity_id', '=', huangdu.id)
        .where('action', '=', 'renewal.facility.update')
        .executeTakeFirstOrThrow();
      expect(row.before).toMatchObject({ capacityTenths: 500 });
      expect(row.after).toMatchObject({ capacityTenths: 600 });
    });

    it('records village coverage and computes the coverage rate from it', async () => {
      const v = await put(w.anji, `/api/facilities/sewage/villages/${HUANGDU}`, {
        households: 420,
        connectedHouseholds: 401,
        onNetwork: false,
        facilityId: huangdu.id,
      });
      expect(v.statusCode, v.body).toBe(200);
      expect(v.json()).toMatchObject({
        coverage: 'covered',
        coverageName: '已覆盖',
        facility: { id: huangdu.id },
      });
      expect(await auditOf(env(), HUANGDU)).toEqual(['renewal.sewage_village.create']);
      // 后河 shares the terminal, 新丰 has none yet, 溪龙 drains to the network
      await put(w.anji, `/api/facilities/sewage/villages/${HOUHE}`, {
        onNetwork: false,
        facilityId: huangdu.id,
      });
      await put(w.anji, `/api/facilities/sewage/villages/${XINFENG}`, { onNetwork: false, facilityId: null });
      await put(w.anji, '/api/facilities/sewage/villages/330523201206', {
        onNetwork: true,
        facilityId: null,
      });
      const s = await get<Summary>(env(), w.anji, '/api/facilities/sewage/summary?year=2026');
      expect(s.coverage).toMatchObject({
        inScope: 3,
        covered: 2,
        onNetwork: 1,
        rate: '66.67',
        rateBasisPoints: 6667,
      });
      const uncovered = await get<{ items: Array<{ villageCode: string }> }>(
        env(),
        w.anji,
        '/api/facilities/sewage/villages?coverage=uncovered',
      );
      expect(uncovered.items.map((x) => x.villageCode)).toEqual([XINFENG]);
      // bad input: 400 naming the field
      const bad = async (code: string, body: Record<string, unknown>, field: string) => {
        const r = await put(w.anji, `/api/facilities/sewage/villages/${code}`, body);
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json().field).toBe(field);
      };
      await bad(XINFENG, { onNetwork: true, facilityId: huangdu.id }, 'facilityId');
      await bad(
        XINFENG,
        { households: 10, connectedHouseholds: 11, onNetwork: false, facilityId: null },
        'connectedHouseholds',
      );
      await bad('330523201000', { onNetwork: false, facilityId: null }, 'code');
      // other regions
      expect(
        (
          await put(w.tiantai, `/api/facilities/sewage/villages/${XINFENG}`, {
            onNetwork: true,
            facilityId: null,
          })
        ).statusCode,
      ).toBe(404);
      // a suspended facility no longer covers its villages
      await put(w.anji, `/api/facilities/sewage/facilities/${huangdu.id}`, {
        ...facility,
        status: 'suspended',
      });
      const after = await get<Summary>(env(), w.anji, '/api/facilities/sewage/summary?year=2026');
      expect(after.coverage).toMatchObject({ covered: 0, rate: '0.00' });
      await put(w.anji, `/api/facilities/sewage/facilities/${huangdu.id}`, facility);
    });

    it('computes compliance from the values, never from a typed verdict', async () => {
      const ok = await post<Test>(
        env(),
        w.anji,
        '/api/facilities/sewage/tests',
        { ...sample, facilityId: huangdu.id },
        201,
      );
      expect(ok).toMatchObject({ compliant: true, exceeded: [], grade: 1 });
      expect(await auditOf(env(), ok.id)).toEqual(['renewal.water_test.create']);
      let s = await get<Summary>(env(), w.anji, '/api/facilities/sewage/summary?year=2026');
      expect(s.compliance).toMatchObject({ testedFacilities: 1, compliantFacilities: 1, rate: '100.00' });
      // a typed "compliant" is refused: the schema has no such field
      const typed = await call(env(), w.anji, 'POST', '/api/facilities/sewage/tests', {
        ...sample,
        facilityId: huangdu.id,
        compliant: true,
      });
      expect(typed.statusCode).toBe(400);
      const bad = await post<Test>(
        env(),
        w.anji,
        '/api/facilities/sewage/tests',
        { ...sample, facilityId: huangdu.id, nh3n: 1260, sampledOn: '2026-02-20' },
        201,
      );
      expect(bad).toMatchObject({ compliant: false, exceeded: ['nh3n'], exceededNames: ['氨氮（NH₃-N）'] });
      // optional values sent as null stay unmeasured (never coerced to 0, i.e. 0 °C water)
      const nulls = await post<Test & { waterTempTenths: number | null; tn: number | null }>(
        env(),
        w.anji,
        '/api/facilities/sewage/tests',
        {
          ...sample,
          facilityId: huangdu.id,
          nh3n: 1360,
          tn: null,
          ss: null,
          oil: null,
          waterTempTenths: null,
          note: null,
        },
        201,
      );
      expect(nulls).toMatchObject({ compliant: false, waterTempTenths: null, tn: null });
      // measured cold water takes the winter ammonia limit (15 mg/L)
      const cold = await post<Test>(
        env(),
        w.anji,
        '/api/facilities/sewage/tests',
        { ...sample, facilityId: huangdu.id, nh3n: 1360, waterTempTenths: 95 },
        201,
      );
      expect(cold.compliant).toBe(true);
      s = await get<Summary>(env(), w.anji, '/api/facilities/sewage/summary?year=2026');
      expect(s.compliance).toMatchObject({ testedFacilities: 1, compliantFacilities: 0, rate: '0.00' });
      const f = await get<Facility>(env(), w.anji, `/api/facilities/sewage/facilities/${huangdu.id}`);
      expect(f).toMatchObject({ testCount: 4 });
      // without a year, the summary reports the latest year with tests
      expect((await get<Summary>(env(), w.anji, '/api/facilities/sewage/summary')).year).toBe(2026);
    });

    it('refuses bad tests naming the field, writing nothing', async () => {
      const before = [await count('renewal_water_tests'), await count('audit_log')];
      const bad = async (patch: Record<string, unknown>, field: string, status = 400) => {
        const r = await call(env(), w.anji, 'POST', '/api/facilities/sewage/tests', {
          ...sample,
          facilityId: huangdu.id,
          ...patch,
        });
        expect(r.statusCode, r.body).toBe(status);
        expect(r.json().field).toBe(field);
      };
      await bad({ sampledOn: '2026-03-03' }, 'sampledOn'); // tomorrow
      await bad({ lab: '  ' }, 'lab');
      await bad({ facilityId: '00000000-0000-4000-8000-000000000000' }, 'facilityId');
      const r = await call(env(), w.anji, 'POST', '/api/facilities/sewage/tests', {
        ...sample,
        facilityId: huangdu.id,
        tp: undefined,
      });
      expect(r.statusCode).toBe(400);
      expect([await count('renewal_water_tests'), await count('audit_log')]).toEqual(before);
      // another region's staff cannot test Anji's facility
      const other = await call(env(), w.tiantai, 'POST', '/api/facilities/sewage/tests', {
        ...sample,
        facilityId: huangdu.id,
      });
      expect(other.statusCode).toBe(400);
      expect(other.json().field).toBe('facilityId');
    });

    it('exports facilities and tests within scope', async () => {
      const res = await call(env(), w.anji, 'GET', '/api/facilities/sewage/tests/export.xlsx');
      expect(res.statusCode, res.body).toBe(200);
      const rows = (await sheetsOf(res.rawPayload)).get('出水水质检测') ?? [];
      expect(rows).toHaveLength(5); // header + 4 tests
      expect(rows.some((row) => row.includes('超标'))).toBe(true);
      const other = await call(env(), w.tiantai, 'GET', '/api/facilities/sewage/facilities/export.xlsx');
      const tiantaiRows = (await sheetsOf(other.rawPayload)).get('农村生活污水处理设施') ?? [];
      expect(tiantaiRows.map((row) => row[0])).toEqual(['设施名称', '妙山污水终端']);
    });
  },
  { modules: [facilitiesModule], config: LONG_SESSIONS },
);
