import { expect, it } from 'vitest';
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

interface District {
  id: string;
  name: string;
  regionName: string;
  status: string;
  statusName: string;
  acceptedOn: string | null;
  leadOrganisation: { id: string } | null;
}

describeEachDb(
  'facilities: landscape districts (风貌区) and their acceptance',
  (env) => {
    let w: World;
    let d: District;
    const body = {
      name: '“七彩灵峰—乐活浒溪”城市风貌区',
      regionCode: '330523003',
      kind: 'urban',
      pilotYear: 2024,
      status: 'under_construction',
    };

    it('registers a district, audited', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'ds');
      d = await post<District>(
        env(),
        w.anji,
        '/api/facilities/districts',
        { ...body, leadOrganisationId: w.anjiDept },
        201,
      );
      expect(d).toMatchObject({
        regionName: '灵峰街道',
        kindName: '城市风貌区',
        statusName: '建设中',
        acceptedOn: null,
        leadOrganisation: { id: w.anjiDept },
      });
      expect(await auditOf(env(), d.id)).toEqual(['renewal.district.create']);
    });

    it('records the acceptance with its date, and refuses it without one', async () => {
      const url = `/api/facilities/districts/${d.id}`;
      const noDate = await call(env(), w.anji, 'PUT', url, { ...body, status: 'accepted' });
      expect(noDate.statusCode).toBe(400);
      expect(noDate.json().field).toBe('acceptedOn');
      const future = await call(env(), w.anji, 'PUT', url, {
        ...body,
        status: 'accepted',
        acceptedOn: '2026-04-01',
      });
      expect(future.json().field).toBe('acceptedOn');
      const early = await call(env(), w.anji, 'PUT', url, { ...body, acceptedOn: '2026-01-01' });
      expect(early.json().field).toBe('acceptedOn');
      const ok = await call(env(), w.anji, 'PUT', url, {
        ...body,
        status: 'accepted',
        acceptedOn: '2026-02-28',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({
        status: 'accepted',
        statusName: '已通过验收',
        acceptedOn: '2026-02-28',
      });
      expect(await auditOf(env(), d.id)).toEqual(['renewal.district.create', 'renewal.district.accept']);
      const accepted = await get<{ items: District[] }>(
        env(),
        w.leader,
        '/api/facilities/districts?status=accepted',
      );
      expect(accepted.items.map((x) => x.id)).toEqual([d.id]);
    });

    it('refuses bad input and other regions', async () => {
      const bad = await call(env(), w.anji, 'POST', '/api/facilities/districts', {
        ...body,
        name: '新风貌区',
        regionCode: '3305',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toBe('regionCode');
      const dup = await call(env(), w.anji, 'POST', '/api/facilities/districts', body);
      expect(dup.statusCode).toBe(409);
      expect((await call(env(), w.tiantai, 'GET', `/api/facilities/districts/${d.id}`)).statusCode).toBe(404);
      const outside = await call(env(), w.tiantai, 'POST', '/api/facilities/districts', {
        ...body,
        name: '越界风貌区',
      });
      expect(outside.statusCode).toBe(403);
      expect((await get<{ total: number }>(env(), w.tiantai, '/api/facilities/districts')).total).toBe(0);
      // optional numbers sent as null stay empty (never coerced to 0)
      const planned = await post<District & { pilotYear: number | null; areaHundredths: number | null }>(
        env(),
        w.anji,
        '/api/facilities/districts',
        {
          ...body,
          name: '规划风貌区',
          status: 'planning',
          pilotYear: null,
          areaHundredths: null,
          acceptedOn: null,
        },
        201,
      );
      expect(planned).toMatchObject({ pilotYear: null, areaHundredths: null, statusName: '规划中' });
      const xlsx = await call(env(), w.anji, 'GET', '/api/facilities/districts/export.xlsx');
      expect(xlsx.statusCode).toBe(200);
    });
  },
  { modules: [facilitiesModule], config: LONG_SESSIONS },
);
