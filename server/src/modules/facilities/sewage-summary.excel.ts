import type { ExcelListDef, ExportColumn } from '../../platform/kit/index.ts';
import { FACILITIES_READ, FACILITIES_WRITE } from './facilities.scope.ts';
import { SummaryQuery } from './sewage.schemas.ts';
import type { YearRow } from './sewage-summary.repo.ts';
import { yearExportPages } from './sewage-summary.service.ts';

/** The figures per year as Excel: the computed result, not a list of records. */

type YearItem = YearRow & { rate: string | null };

const yuanWan = (fen: number) => Number((fen / 1_000_000).toFixed(2));

const YEAR_COLUMNS: ExportColumn<YearItem>[] = [
  { key: 'year', header: { zh: '年度', en: 'Year' }, width: 8, value: (y) => y.year },
  { key: 'built', header: { zh: '新建设施（座）', en: 'Built' }, width: 10, value: (y) => y.built },
  { key: 'rebuilt', header: { zh: '改建设施（座）', en: 'Rebuilt' }, width: 10, value: (y) => y.rebuilt },
  {
    key: 'investment',
    header: { zh: '投资（万元）', en: 'Investment (10k yuan)' },
    width: 12,
    kind: 'money',
    value: (y) => yuanWan(y.investmentFen),
  },
  {
    key: 'tested',
    header: { zh: '检测设施数', en: 'Facilities tested' },
    width: 10,
    value: (y) => y.testedFacilities,
  },
  {
    key: 'compliant',
    header: { zh: '达标设施数', en: 'Facilities compliant' },
    width: 10,
    value: (y) => y.compliantFacilities,
  },
  {
    key: 'rate',
    header: { zh: '水质达标率（%）', en: 'Compliance rate (%)' },
    width: 12,
    kind: 'number',
    value: (y) => y.rate,
  },
  { key: 'tests', header: { zh: '检测次数', en: 'Tests' }, width: 8, value: (y) => y.tests },
  {
    key: 'compliantTests',
    header: { zh: '达标次数', en: 'Compliant tests' },
    width: 8,
    value: (y) => y.compliantTests,
  },
];

export const sewageYearExcel: ExcelListDef<YearItem> = {
  target: 'sewage-years',
  basePath: '/api/facilities/sewage/summary',
  tag: 'facilities',
  title: { zh: '农村污水治理年度指标', en: 'Sewage figures by year' },
  entityType: 'renewal_sewage_summary',
  permissions: { read: FACILITIES_READ, write: FACILITIES_WRITE },
  export: {
    query: SummaryQuery,
    audit: 'renewal.sewage_summary.export',
    columns: YEAR_COLUMNS,
    open: (s, ctx, q) => yearExportPages(s, ctx, q as SummaryQuery),
  },
};
