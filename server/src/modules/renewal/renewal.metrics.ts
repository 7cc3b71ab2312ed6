import type { MetricDef } from '../../platform/module/manifest.ts';
import { countReportsOn, findMissingPage } from './daily-report.repo.ts';
import { countActiveProjects, countLateProjects } from './project-metrics.repo.ts';

/** Named figures over renewal records, for the targets module and dashboards (scope: region subtree, as of a date). */
export const renewalMetrics: MetricDef[] = [
  {
    key: 'renewal.projects.active',
    name: { zh: '在建城市更新项目数', en: 'Renewal projects under way' },
    unit: { zh: '个', en: 'projects' },
    compute: (s, { regionCode, asOf }) => countActiveProjects(s.db, regionCode, asOf),
  },
  {
    key: 'renewal.projects.late',
    name: { zh: '预计逾期项目数', en: 'Renewal projects forecast late' },
    unit: { zh: '个', en: 'projects' },
    compute: (s, { regionCode, asOf }) => countLateProjects(s.db, regionCode, asOf),
  },
  {
    key: 'renewal.reports.filed_today',
    name: { zh: '当日已报工程日报数', en: 'Daily reports filed for the day' },
    unit: { zh: '份', en: 'reports' },
    compute: (s, { regionCode, asOf }) => countReportsOn(s.db, regionCode, asOf),
  },
  {
    key: 'renewal.reports.missing_today',
    name: { zh: '当日缺报项目数', en: 'Projects missing the day’s report' },
    unit: { zh: '个', en: 'projects' },
    compute: async (s, { regionCode, asOf }) =>
      (
        await findMissingPage(
          s.db,
          { all: true, regions: [], organisations: [] },
          asOf,
          regionCode ?? undefined,
          { limit: 1, offset: 0 },
        )
      ).total,
  },
];
