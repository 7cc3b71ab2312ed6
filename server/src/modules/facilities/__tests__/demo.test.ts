import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../demo/demo-accounts.ts';
import { seedDemo } from '../../../demo/seed-demo.ts';
import { sheetsOf, typedSheetsOf, verifyAuditChain } from '../../../platform/kit/testing.ts';
import { describeEachDb } from '../../../test/harness.ts';
import { facilityMetrics } from '../facility.metrics.ts';
import { facilitiesModule } from '../manifest.ts';
import { call, get } from './facilities-factory.ts';

interface Summary {
  year: number;
  builtOrRebuilt: { count: number; built: number; rebuilt: number; investmentFen: number };
  coverage: { registered: number; onNetwork: number; inScope: number; covered: number; rate: string };
  compliance: { testedFacilities: number; compliantFacilities: number; rate: string };
  facilities: { underConstruction: number };
}

describeEachDb(
  'facilities demo: the source’s 2023 figures come out of the records',
  (env) => {
    let anji = '';

    it('loads through audited services', async () => {
      const lines: string[] = [];
      await seedDemo(env().services, env().manifests, (l) => lines.push(l));
      expect(lines.some((l) => l.includes('sewage facilities (21 built or rebuilt in 2023)'))).toBe(true);
      expect((await verifyAuditChain(env().services.db)).ok).toBe(true);
      anji = env().cookieOf(await env().login('anji', DEMO_PASSWORD));
    });

    it('reproduces 21 facilities, 5,000万元, 91.72 % and 93.18 % for 2023', async () => {
      const s = await get<Summary>(env(), anji, '/api/facilities/sewage/summary?year=2023');
      expect(s.builtOrRebuilt).toEqual({ count: 21, built: 13, rebuilt: 8, investmentFen: 5_000_000_000 });
      expect(s.coverage).toMatchObject({
        registered: 168,
        onNetwork: 23,
        inScope: 145,
        covered: 133,
        rate: '91.72',
      });
      expect(s.compliance).toMatchObject({ testedFacilities: 44, compliantFacilities: 41, rate: '93.18' });
      expect(s.facilities.underConstruction).toBe(3);
      // the default year is the latest monitoring year
      expect((await get<Summary>(env(), anji, '/api/facilities/sewage/summary')).year).toBe(2023);
      const built = await get<{ total: number }>(env(), anji, '/api/facilities/sewage/facilities?year=2023');
      expect(built.total).toBe(21);
    });

    it('offers the figures as metrics (percent with two decimals)', async () => {
      const m = Object.fromEntries(
        await Promise.all(
          facilityMetrics.map(async (d) => [
            d.key,
            await d.compute(env().services, { regions: ['330523'], from: '2023-01-01', to: '2023-12-31' }),
          ]),
        ),
      );
      expect(m).toEqual({
        'facilities.sewage.coverage_rate': 91.72,
        'facilities.sewage.compliance_rate': 93.18,
        'facilities.sewage.built_or_rebuilt': 21,
        'facilities.sewage.investment': 5000,
      });
    });

    it('has the three landscape districts of the source, one accepted', async () => {
      const d = await get<{
        items: Array<{
          name: string;
          status: string;
          pilotYear: number | null;
          areaHundredths: number | null;
        }>;
      }>(env(), anji, '/api/facilities/districts');
      // every district has its area (hundredths of m²), as the register shows it
      expect(d.items.map((x) => x.areaHundredths)).not.toContain(null);
      expect(d.items.map((x) => [x.name, x.status]).sort()).toEqual(
        [
          ['孝丰—递铺“山水古韵·共同富裕”县域风貌区', 'accepted'],
          ['“白茶飘香·一叶共富”县域风貌区', 'under_construction'],
          ['“七彩灵峰—乐活浒溪”城市风貌区', 'under_construction'],
        ].sort(),
      );
    });

    it('exports the figures per year', async () => {
      const res = await call(env(), anji, 'GET', '/api/facilities/sewage/summary/export.xlsx');
      expect(res.statusCode, res.body).toBe(200);
      const rows = (await sheetsOf(res.rawPayload)).get('农村污水治理年度指标') ?? [];
      const y2023 = rows.find((r) => r[0] === '2023');
      expect(y2023?.slice(0, 7)).toEqual(['2023', '13', '8', '5000', '44', '41', '93.18']);
      // figures are number cells (the compliance rate too), investment as money
      const typed = (await typedSheetsOf(res.rawPayload)).get('农村污水治理年度指标') ?? [];
      const t2023 = typed.find((r) => r[0]?.shown === '2023');
      expect(t2023?.[6]).toMatchObject({ type: 'number', shown: '93.18' });
      expect(t2023?.[3]).toMatchObject({ type: 'number', numFmt: '#,##0.00' });
    });
  },
  { modules: [facilitiesModule] },
);
