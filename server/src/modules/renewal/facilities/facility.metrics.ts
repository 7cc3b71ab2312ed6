import type { MetricDef } from '../../../platform/module/manifest.ts';
import { sewageFigures } from './sewage.service.ts';

/**
 * Figures over the sewage records for targets and dashboards, within a region subtree.
 * Rates are percentages with two decimals (rounded half up from integer counts), e.g. 91.72
 * for 91.72 %: unit '%'. Coverage is the register's present state (no history is kept);
 * compliance and builds are for the year of `asOf`. Investment is in 万元 (10,000 yuan).
 * A rate with nothing to measure (no village in scope, no facility tested) reads 0.
 */
const figures = (s: Parameters<MetricDef['compute']>[0], regionCode: string | null, asOf: string) =>
  sewageFigures(s, regionCode === null ? null : [regionCode], Number(asOf.slice(0, 4)));

const percent = (bp: number | null) => (bp === null ? 0 : bp / 100);

export const facilityMetrics: MetricDef[] = [
  {
    key: 'renewal.sewage.coverage_rate',
    name: { zh: '农村生活污水处理设施覆盖率', en: 'Rural sewage treatment coverage rate' },
    unit: { zh: '%', en: '%' },
    compute: async (s, { regionCode, asOf }) =>
      percent((await figures(s, regionCode, asOf)).coverage.rateBasisPoints),
  },
  {
    key: 'renewal.sewage.compliance_rate',
    name: { zh: '农村生活污水处理设施出水水质达标率', en: 'Rural sewage outfall compliance rate' },
    unit: { zh: '%', en: '%' },
    compute: async (s, { regionCode, asOf }) =>
      percent((await figures(s, regionCode, asOf)).compliance.rateBasisPoints),
  },
  {
    key: 'renewal.sewage.built_or_rebuilt',
    name: { zh: '当年新建改建农村生活污水处理设施数', en: 'Sewage facilities built or rebuilt in the year' },
    unit: { zh: '座', en: 'facilities' },
    compute: async (s, { regionCode, asOf }) => (await figures(s, regionCode, asOf)).builtOrRebuilt.count,
  },
  {
    key: 'renewal.sewage.investment',
    name: { zh: '当年农村生活污水设施投资', en: 'Investment in sewage facilities in the year' },
    unit: { zh: '万元', en: '10k yuan' },
    compute: async (s, { regionCode, asOf }) =>
      (await figures(s, regionCode, asOf)).builtOrRebuilt.investmentFen / 1_000_000,
  },
];
