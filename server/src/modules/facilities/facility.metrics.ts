import type { MetricDef } from '../../platform/kit/index.ts';
import { FACILITIES_READ } from './facilities.scope.ts';
import { buildsBetween, complianceBetween, coverageCounts } from './sewage-summary.repo.ts';
import { rateOf, withinRegions } from './sewage-summary.service.ts';

/**
 * Figures over the sewage records for targets and home pages (GET /api/metrics/:key), within
 * the regions asked for. Rates are percentages with two decimals (rounded half up from integer
 * counts), e.g. 91.72 for 91.72 %; a rate with nothing to measure reads 0.
 * - coverage is the register's present state (no history is kept);
 * - compliance: facilities sampled in the period, of them those whose every sample in the
 *   period met the standard (for a calendar year: the reported yearly rate);
 * - builds and investment: facilities built or rebuilt in the years the period touches (a
 *   facility records its year only). Investment is in 万元 (10,000 yuan).
 */
const percent = (n: number, d: number) => (rateOf(n, d).rateBasisPoints ?? 0) / 100;
const year = (date: string) => Number(date.slice(0, 4));

export const facilityMetrics: MetricDef[] = [
  {
    key: 'facilities.sewage.coverage_rate',
    name: { zh: '农村生活污水处理设施覆盖率', en: 'Rural sewage treatment coverage rate' },
    unit: { zh: '%', en: '%' },
    kind: 'stock',
    permission: FACILITIES_READ,
    compute: async (s, { regions }) => {
      const c = await coverageCounts(s.db, withinRegions(regions));
      return percent(c.covered, c.inScope);
    },
  },
  {
    key: 'facilities.sewage.compliance_rate',
    name: { zh: '农村生活污水处理设施出水水质达标率', en: 'Rural sewage outfall compliance rate' },
    unit: { zh: '%', en: '%' },
    kind: 'flow',
    permission: FACILITIES_READ,
    compute: async (s, { regions, from, to }) => {
      const c = await complianceBetween(s.db, withinRegions(regions), from, to);
      return percent(c.compliant, c.tested);
    },
  },
  {
    key: 'facilities.sewage.built_or_rebuilt',
    name: { zh: '新建改建农村生活污水处理设施数', en: 'Sewage facilities built or rebuilt' },
    unit: { zh: '座', en: 'facilities' },
    kind: 'flow',
    permission: FACILITIES_READ,
    compute: async (s, { regions, from, to }) =>
      (await buildsBetween(s.db, withinRegions(regions), year(from), year(to))).count,
  },
  {
    key: 'facilities.sewage.investment',
    name: { zh: '农村生活污水设施投资', en: 'Investment in sewage facilities' },
    unit: { zh: '万元', en: '10k yuan' },
    kind: 'flow',
    permission: FACILITIES_READ,
    compute: async (s, { regions, from, to }) =>
      (await buildsBetween(s.db, withinRegions(regions), year(from), year(to))).investmentFen / 1_000_000,
  },
];
