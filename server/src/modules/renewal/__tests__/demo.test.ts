import { beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../demo/demo-accounts.ts';
import { shanghaiDate } from '../../../platform/kit/index.ts';
import { verifyAuditChain } from '../../../platform/kit/testing.ts';
import { describeEachDb } from '../../../test/harness.ts';
import { renewalModule } from '../manifest.ts';
import { FINANCE_BUREAU_BUILDINGS, toppingOutWbs } from '../projects/demo/demo-networks.ts';
import { call, expectStatus } from './renewal-factory.ts';

type Item = {
  id: string;
  name: string;
  regionName: string;
  daysLate: number | null;
  atRisk: boolean;
};
type Sched = {
  statusDate: string;
  startDate: string;
  deadline: string;
  projectFinish: string;
  feasible: boolean;
  daysLate: number;
  tasks: Array<{
    id: string;
    wbsCode: string | null;
    name: string;
    summary: boolean;
    status: string;
    earlyFinish: string;
    actualFinish: string | null;
  }>;
};

const dayDiff = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describeEachDb(
  'renewal demo data',
  (env) => {
    // read-only fixtures: anji's session and the project list (no test changes the demo data)
    let anji = '';
    let projects: Item[] = [];
    const byName = (part: string) => {
      const p = projects.find((x) => x.name.includes(part));
      if (!p) throw new Error(`no demo project named like ${part}`);
      return p;
    };

    beforeAll(async () => {
      anji = env().cookieOf(await env().login('anji', DEMO_PASSWORD));
      projects = (
        await expectStatus<{ items: Item[] }>(
          call(env(), anji, 'GET', '/api/renewal/projects?pageSize=50'),
          200,
        )
      ).items;
    });

    it('loads on a fresh database through audited services', async () => {
      expect(env().demoLog.find((l) => l.startsWith('renewal: '))).toMatch(
        /^renewal: 7 projects, \d+ daily reports, \d+ issues/,
      );
      expect((await verifyAuditChain(env().services.db)).ok).toBe(true);
      expect(projects.map((p) => p.name).sort()).toEqual(
        [
          '“两山”未来科技城国际会展中心项目',
          '“两山”未来科技城数智产业中心项目',
          '“两山”未来科技城文化艺术中心项目',
          '“两山”未来科技城科技人才中心项目',
          '“两山”未来科技城财富中心项目',
          '安吉县城市有机更新新财政局地块住有宜居项目',
        ].sort(),
      );
    });

    it('has the housing project: 8 buildings over 360 days, 1# and 4# topping out last, on track', async () => {
      const p = byName('新财政局地块');
      const detail = await expectStatus<{ budgetFen: number }>(
        call(env(), anji, 'GET', `/api/renewal/projects/${p.id}`),
        200,
      );
      expect(detail.budgetFen).toBe(36_200_000_000);
      const s = await expectStatus<Sched>(
        call(env(), anji, 'GET', `/api/renewal/projects/${p.id}/schedule`),
        200,
      );
      expect(dayDiff(s.startDate, s.deadline) + 1).toBe(360);
      const toppings = FINANCE_BUREAU_BUILDINGS.map(
        (b) => s.tasks.find((t) => t.wbsCode === toppingOutWbs(b.no))!,
      );
      expect(toppings).toHaveLength(8);
      const finishes = toppings.map((t) => t.earlyFinish);
      const last = finishes.sort().at(-1);
      const lastOnes = toppings.filter((t) => t.earlyFinish === last).map((t) => t.name.slice(0, 3));
      expect(lastOnes.sort()).toEqual(['1#楼', '4#楼']);
      // the six others are topped out already, as the daily reports recorded
      expect(toppings.filter((t) => t.status === 'done')).toHaveLength(6);
      expect(
        toppings
          .filter((t) => t.status === 'done')
          .every((t) => t.actualFinish !== null && t.actualFinish < s.statusDate),
      ).toBe(true);
      expect(s).toMatchObject({ feasible: true, daysLate: 0 });
      expect(s.projectFinish <= s.deadline).toBe(true);
      const dash = await expectStatus<Record<string, unknown> & { trend: unknown[] }>(
        call(env(), anji, 'GET', `/api/renewal/projects/${p.id}/dashboard`),
        200,
      );
      expect(dash).toMatchObject({ todayReportFiled: true, daysLate: 0, lateTaskCount: 0 });
      expect(dash.trend.length).toBeGreaterThanOrEqual(13);
      const reports = await expectStatus<{ total: number }>(
        call(env(), anji, 'GET', `/api/renewal/projects/${p.id}/reports`),
        200,
      );
      expect(reports.total).toBe(14);
    });

    it('has five landmark buildings in main structure, the culture centre topped out, the expo centre late', async () => {
      const landmarks = projects.filter((p) => p.name.startsWith('“两山”'));
      expect(landmarks).toHaveLength(5);
      for (const p of landmarks) {
        const s = await expectStatus<Sched>(
          call(env(), anji, 'GET', `/api/renewal/projects/${p.id}/schedule`),
          200,
        );
        const structure = s.tasks.filter((t) => t.wbsCode?.startsWith('5.') && !t.summary);
        expect(structure.length).toBeGreaterThan(3);
        expect(s.tasks.length).toBeGreaterThanOrEqual(18);
        const topping = s.tasks.find((t) => t.wbsCode === '6')!;
        if (p.name.includes('文化艺术中心')) expect(topping.status).toBe('done');
        else {
          expect(topping.status).toBe('not-started');
          expect(structure.some((t) => t.status === 'in-progress')).toBe(true);
        }
      }
      const expo = byName('国际会展中心');
      expect(expo.daysLate).toBe(5);
      expect(expo.atRisk).toBe(true);
      const lateList = await expectStatus<{ items: Item[] }>(
        call(env(), anji, 'GET', '/api/renewal/projects?atRisk=true'),
        200,
      );
      expect(lateList.items.map((x) => x.id)).toContain(expo.id);
      expect(lateList.items.map((x) => x.id)).not.toContain(byName('新财政局地块').id);
      const missing = await expectStatus<{ items: Array<{ projectName: string }> }>(
        call(env(), anji, 'GET', '/api/renewal/reports/missing'),
        200,
      );
      expect(missing.items.map((m) => m.projectName).sort()).toEqual(
        ['“两山”未来科技城国际会展中心项目', '“两山”未来科技城文化艺术中心项目'].sort(),
      );
      const issues = await expectStatus<{ items: Array<{ status: string; overdue: boolean }> }>(
        call(env(), anji, 'GET', '/api/renewal/issues?pageSize=50'),
        200,
      );
      expect(issues.items.some((i) => i.status === 'resolved')).toBe(true);
      expect(issues.items.some((i) => i.overdue)).toBe(true);
    });

    it('offers the module’s figures as metrics, computed from the records, within the caller’s scope', async () => {
      const s = env().services;
      const today = shanghaiDate(s.clock.now());
      const leader = env().cookieOf(await env().login('leader', DEMO_PASSWORD));
      type Value = {
        value: number;
        regionCode: string | null;
        breakdown?: { regionCode: string; value: number }[];
      };
      const read = (who: string, key: string, q = '') =>
        expectStatus<Value>(call(env(), who, 'GET', `/api/metrics/${key}${q}`), 200);
      const value = async (who: string, key: string, q = '') => (await read(who, key, q)).value;
      // the county's staff: their county, whatever they ask for inside it
      expect(await value(anji, 'renewal.projects.active')).toBe(6);
      expect(await value(anji, 'renewal.projects.active', '?regionCode=330523')).toBe(6);
      expect(await value(anji, 'renewal.projects.late')).toBe(1);
      expect(await value(anji, 'renewal.reports.filed', `?from=${today}&to=${today}`)).toBe(4);
      expect(await value(anji, 'renewal.reports.missing', `?to=${today}`)).toBe(2);
      // the province's leader: everywhere, and by city
      expect(await value(leader, 'renewal.projects.active')).toBe(7);
      expect(await value(leader, 'renewal.projects.late', '?regionCode=331023')).toBe(0);
      const byCity = await read(leader, 'renewal.projects.active', '?regionCode=33&by=region');
      expect(byCity.breakdown?.find((b) => b.regionCode === '3305')?.value).toBe(6);
      expect(byCity.breakdown?.reduce((n, b) => n + b.value, 0)).toBe(byCity.value);
      // another county is outside anji's scope: not found; an unknown metric: not found
      await expectStatus(
        call(env(), anji, 'GET', '/api/metrics/renewal.projects.active?regionCode=331023'),
        404,
      );
      await expectStatus(call(env(), anji, 'GET', '/api/metrics/renewal.nothing'), 404);
      // the list names what the caller may read, in the caller's language
      const list = await expectStatus<{ items: { key: string }[] }>(
        call(env(), anji, 'GET', '/api/metrics'),
        200,
      );
      expect(list.items.map((m) => m.key)).toContain('renewal.projects.active');
    });

    it('has the 104 national road in Tiantai Fuxi for the Tiantai account only', async () => {
      const tiantai = env().cookieOf(await env().login('tiantai', DEMO_PASSWORD));
      const list = await expectStatus<{ items: Item[] }>(
        call(env(), tiantai, 'GET', '/api/renewal/projects'),
        200,
      );
      expect(list.items.map((p) => [p.name, p.regionName])).toEqual([
        ['104国道天台福溪段改建工程', '福溪街道'],
      ]);
      const s = await expectStatus<Sched & { tasks: unknown[] }>(
        call(env(), tiantai, 'GET', `/api/renewal/projects/${list.items[0]!.id}/schedule`),
        200,
      );
      expect(s.tasks.length).toBeGreaterThanOrEqual(19);
      const dash = await expectStatus<{ trend: Array<{ daysLate: number }> }>(
        call(env(), tiantai, 'GET', `/api/renewal/projects/${list.items[0]!.id}/dashboard`),
        200,
      );
      // re-plans start with the first report: none shows a project late for want of records
      expect(dash.trend.length).toBeGreaterThan(0);
      expect(dash.trend.every((p) => p.daysLate === 0)).toBe(true);
      expect(s.feasible).toBe(true);
      expect(s.tasks.some((t) => (t as { status: string }).status === 'done')).toBe(true);
    });
  },
  { modules: [renewalModule], demo: true },
);
