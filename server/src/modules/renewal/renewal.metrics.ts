import type { MetricDef } from '../../platform/kit/index.ts';
import { countActiveProjects, countLateProjects } from './projects/project-metrics.repo.ts';
import { countReportsBetween, findMissingPage } from './reports/daily-report.repo.ts';
import { RENEWAL_READ } from './shared/renewal.scope.ts';

/** Named figures over renewal records, for the targets spine and home pages (GET /api/metrics/:key). */
export const renewalMetrics: MetricDef[] = [
  {
    key: 'renewal.projects.active',
    name: { zh: '在建城市更新项目数', en: 'Renewal projects under way' },
    unit: { zh: '个', en: 'projects' },
    kind: 'stock',
    permission: RENEWAL_READ,
    compute: (s, { regions, to }) => countActiveProjects(s.db, regions, to),
  },
  {
    key: 'renewal.projects.late',
    name: { zh: '预计逾期项目数', en: 'Renewal projects forecast late' },
    unit: { zh: '个', en: 'projects' },
    kind: 'stock',
    permission: RENEWAL_READ,
    compute: (s, { regions, to }) => countLateProjects(s.db, regions, to),
  },
  {
    key: 'renewal.reports.filed',
    name: { zh: '已报工程日报数', en: 'Daily reports filed' },
    unit: { zh: '份', en: 'reports' },
    kind: 'flow',
    permission: RENEWAL_READ,
    compute: (s, { regions, from, to }) => countReportsBetween(s.db, regions, from, to),
  },
  {
    key: 'renewal.reports.missing',
    name: { zh: '当日缺报项目数', en: 'Projects missing the day’s report' },
    unit: { zh: '个', en: 'projects' },
    kind: 'stock',
    permission: RENEWAL_READ,
    // projects under way without a report for the period's last day
    compute: async (s, { regions, to }) =>
      (
        await findMissingPage(
          s.db,
          { all: regions === null, regions: regions ?? [], organisations: [] },
          to,
          undefined,
          {
            limit: 1,
            offset: 0,
          },
        )
      ).total,
  },
];
