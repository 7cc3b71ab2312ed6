import { expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/harness.ts';
import {
  createProject,
  LONG_SESSIONS,
  makeWorld,
  setToday,
  type World,
} from '../../__tests__/renewal-factory.ts';
import { get, oversightTestModule, post } from './oversight-module.ts';

interface Finding {
  id: string;
  projectId: string;
  contractor: { id: string } | null;
  category: string;
  severity: string;
  status: string;
  foundOn: string;
  closedOn: string | null;
  overdue: boolean;
}
type Count = { code: string; count: number };
interface Stats {
  total: number;
  unclosed: number;
  closed: number;
  overdue: number;
  avgDaysToClose: number | null;
  byCategory: Count[];
  bySeverity: Count[];
  byStatus: Count[];
}
type ProjectStats = { asOf: string; rows: Array<Stats & { project: { id: string; name: string } }> };
type ContractorStats = {
  asOf: string;
  rows: Array<Stats & { contractor: { id: string } | null; projectCount: number }>;
};

const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

/** The statistics recomputed in the test from the listed records. */
function expected(list: Finding[]): Omit<Stats, 'byCategory' | 'bySeverity' | 'byStatus'> & {
  byCategory: Record<string, number>;
  bySeverity: Record<string, number>;
  byStatus: Record<string, number>;
} {
  const closed = list.filter((f) => f.status === 'closed');
  const tally = (key: 'category' | 'severity' | 'status') => {
    const m: Record<string, number> = {};
    for (const f of list) m[f[key]] = (m[f[key]] ?? 0) + 1;
    return m;
  };
  const avg = closed.length
    ? Math.round((closed.reduce((n, f) => n + days(f.foundOn, f.closedOn!), 0) / closed.length) * 10) / 10
    : null;
  return {
    total: list.length,
    unclosed: list.length - closed.length,
    closed: closed.length,
    overdue: list.filter((f) => f.overdue).length,
    avgDaysToClose: avg,
    byCategory: tally('category'),
    bySeverity: tally('severity'),
    byStatus: tally('status'),
  };
}

const nonZero = (counts: Count[]) =>
  Object.fromEntries(counts.filter((c) => c.count > 0).map((c) => [c.code, c.count]));
const comparable = (s: Stats) => ({
  total: s.total,
  unclosed: s.unclosed,
  closed: s.closed,
  overdue: s.overdue,
  avgDaysToClose: s.avgDaysToClose,
  byCategory: nonZero(s.byCategory),
  bySeverity: nonZero(s.bySeverity),
  byStatus: nonZero(s.byStatus),
});

describeEachDb(
  'renewal oversight: finding statistics and overdue alerts',
  (env) => {
    let w: World;
    const p: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
    const f: Record<string, string> = {};
    /** Every finding the caller lists, as its own page shows it (the list shows fewer fields). */
    const records = async () => {
      const page = await get<{ items: Array<{ id: string }> }>(
        env(),
        w.anji,
        '/api/renewal/findings?pageSize=200',
      );
      return Promise.all(
        page.items.map(
          async (x) =>
            (await get<{ finding: Finding }>(env(), w.anji, `/api/renewal/findings/${x.id}`)).finding,
        ),
      );
    };

    it('records visits and moves findings through their lives', async () => {
      setToday(env(), '2026-03-10');
      w = await makeWorld(env(), 'st');
      p.a = (await createProject(env(), w.anji, w, { name: '甲项目' })).id;
      p.b = (await createProject(env(), w.anji, w, { name: '乙项目' })).id;
      p.c = (await createProject(env(), w.anji, w, { name: '丙项目', contractorId: w.otherContractor })).id;
      p.d = (await createProject(env(), w.anji, w, { name: '丁项目', contractorId: null })).id;
      const visit = async (projectId: string, list: Array<[string, string, string]>) => {
        const v = await post<{ findings: Array<{ id: string }> }>(
          env(),
          w.anji,
          '/api/renewal/inspections',
          {
            projectId,
            inspectedOn: '2026-03-02',
            inspectorNames: ['陆晓峰'],
            findings: list.map(([, category, severity]) => ({
              category,
              severity,
              location: '现场',
              description: '隐患',
            })),
          },
          201,
        );
        list.forEach(([key], i) => {
          f[key] = v.findings[i]!.id;
        });
      };
      await visit(p.a, [
        ['f1', 'fall_from_height', 'critical'],
        ['f2', 'temporary_electricity', 'major'],
        ['f3', 'site_order', 'minor'],
      ]);
      await visit(p.b, [
        ['f4', 'scaffolding', 'major'],
        ['f5', 'fire', 'minor'],
      ]);
      await visit(p.c, [['f6', 'excavation', 'critical']]);
      await visit(p.d, [['f7', 'other', 'minor']]);
      const step = (key: string, action: string, body: Record<string, unknown>) =>
        post(env(), w.anji, `/api/renewal/findings/${f[key]}/${action}`, body);
      await step('f1', 'reply', { text: '已整改', repliedOn: '2026-03-02' });
      await step('f1', 'reinspect', { result: 'pass', note: '合格', inspectedOn: '2026-03-03' });
      await step('f1', 'close', { closedOn: '2026-03-03' });
      await step('f2', 'reply', { text: '已整改', repliedOn: '2026-03-03' });
      await step('f2', 'reinspect', { result: 'fail', note: '不合格', inspectedOn: '2026-03-04' });
      await step('f2', 'reply', { text: '再整改', repliedOn: '2026-03-05' });
      await step('f2', 'reinspect', { result: 'pass', note: '合格', inspectedOn: '2026-03-06' });
      await step('f2', 'close', { closedOn: '2026-03-07' });
      await step('f4', 'reply', { text: '已整改', repliedOn: '2026-03-04' });
      await step('f4', 'reinspect', { result: 'pass', note: '合格', inspectedOn: '2026-03-05' });
      await step('f4', 'close', { closedOn: '2026-03-06' });
      await step('f6', 'reply', { text: '已整改', repliedOn: '2026-03-03' });
    });

    it('computes per-project statistics that match the records', async () => {
      const stats = await get<ProjectStats>(env(), w.anji, '/api/renewal/findings/stats/projects');
      expect(stats.asOf).toBe('2026-03-10');
      const list = await records();
      expect(list).toHaveLength(7);
      expect(stats.rows.map((r) => r.project.name).sort()).toEqual(['丁项目', '丙项目', '乙项目', '甲项目']);
      for (const row of stats.rows) {
        expect(comparable(row), row.project.name).toEqual(
          expected(list.filter((x) => x.projectId === row.project.id)),
        );
        expect(row.byCategory).toHaveLength(9);
        expect(row.bySeverity.map((c) => c.code)).toEqual(['minor', 'major', 'critical']);
      }
      // and by hand, for project 甲: f1 closed in 1 day, f2 in 5; f3 (minor, due 03-09) overdue on 03-10
      const a = stats.rows.find((r) => r.project.id === p.a)!;
      expect(comparable(a)).toEqual({
        total: 3,
        unclosed: 1,
        closed: 2,
        overdue: 1,
        avgDaysToClose: 3,
        byCategory: { fall_from_height: 1, temporary_electricity: 1, site_order: 1 },
        bySeverity: { critical: 1, major: 1, minor: 1 },
        byStatus: { closed: 2, open: 1 },
      });
      expect(a.byStatus.find((c) => c.code === 'closed')).toEqual({
        code: 'closed',
        name: '已销号',
        count: 2,
      });
      // filters: one project; a window of finding dates that holds none
      const one = await get<ProjectStats>(
        env(),
        w.anji,
        `/api/renewal/findings/stats/projects?projectId=${p.c}`,
      );
      expect(one.rows.map((r) => [r.project.name, r.total, r.overdue, r.avgDaysToClose])).toEqual([
        ['丙项目', 1, 1, null],
      ]);
      expect(
        (await get<ProjectStats>(env(), w.anji, '/api/renewal/findings/stats/projects?from=2026-03-03')).rows,
      ).toEqual([]);
    });

    it('computes per-contractor statistics that match the records', async () => {
      const stats = await get<ContractorStats>(env(), w.anji, '/api/renewal/findings/stats/contractors');
      const list = await records();
      expect(stats.rows.map((r) => [r.contractor?.id ?? null, r.projectCount, r.total])).toEqual([
        [w.contractor, 2, 5],
        [w.otherContractor, 1, 1],
        [null, 1, 1],
      ]);
      for (const row of stats.rows) {
        const mine = list.filter((x) => (x.contractor?.id ?? null) === (row.contractor?.id ?? null));
        expect(comparable(row)).toEqual(expected(mine));
      }
      // f1 1 day, f2 5 days, f4 4 days: (1 + 5 + 4) / 3 = 3.3
      expect(stats.rows[0]).toMatchObject({ closed: 3, overdue: 2, avgDaysToClose: 3.3 });
    });

    it('keeps statistics and alerts within the caller’s scope', async () => {
      const partner = await get<ProjectStats>(env(), w.partner, '/api/renewal/findings/stats/projects');
      expect(partner.rows.map((r) => r.project.id).sort()).toEqual([p.a, p.b].sort());
      const other = await get<ContractorStats>(
        env(),
        w.otherPartner,
        '/api/renewal/findings/stats/contractors',
      );
      expect(other.rows.map((r) => [r.contractor?.id, r.total])).toEqual([[w.otherContractor, 1]]);
      expect(
        (await get<ProjectStats>(env(), w.tiantai, '/api/renewal/findings/stats/projects')).rows,
      ).toEqual([]);
      expect(
        (await get<ProjectStats>(env(), w.leader, '/api/renewal/findings/stats/projects')).rows,
      ).toHaveLength(4);
    });

    it('lists overdue findings per project as alerts', async () => {
      type Group = {
        projectId: string;
        overdueCount: number;
        criticalCount: number;
        findings: Array<{ id: string; daysOverdue: number }>;
      };
      const groups = await get<Group[]>(env(), w.anji, '/api/renewal/findings/overdue');
      const byProject = Object.fromEntries(groups.map((g) => [g.projectId, g]));
      expect(Object.keys(byProject).sort()).toEqual([p.a, p.b, p.c, p.d].sort());
      expect(byProject[p.a]!.findings.map((x) => [x.id, x.daysOverdue])).toEqual([[f.f3, 1]]);
      expect(byProject[p.c]).toMatchObject({
        overdueCount: 1,
        criticalCount: 1,
        findings: [{ id: f.f6, daysOverdue: 7 }],
      });
      const onlyB = await get<Group[]>(env(), w.anji, `/api/renewal/findings/overdue?projectId=${p.b}`);
      expect(onlyB.map((g) => g.findings.map((x) => x.id))).toEqual([[f.f5]]);
      const partner = await get<Group[]>(env(), w.partner, '/api/renewal/findings/overdue');
      expect(partner.map((g) => g.projectId).sort()).toEqual([p.a, p.b].sort());
    });
  },
  { modules: [oversightTestModule], config: LONG_SESSIONS },
);
