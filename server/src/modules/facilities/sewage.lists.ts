import { hundredthsText } from '@gongfu/domain/renewal/sewage';
import { type SqlBool, sql } from 'kysely';
import { Type } from 'typebox';
import {
  defineList,
  type ExportColumn,
  escapeLike,
  filter,
  regionScopeSql,
  regionSubtreeSql,
  regionWithin,
  say,
  uuid,
} from '../../platform/kit/index.ts';
import { FACILITIES_READ, FACILITIES_WRITE } from './facilities.scope.ts';
import { COVERAGE_NAMES, FACILITY_KIND_NAMES, FACILITY_STATUS_NAMES } from './facility.rules.ts';
import { coverageOf, facilityItem, villageItem, waterTestItem } from './sewage.present.ts';
import {
  COVERED,
  type FacilityRow,
  facilitiesWithNames,
  testsWithNames,
  type VillageRow,
  villagesWithNames,
  type WaterTestRow,
} from './sewage.repo.ts';
import {
  CoverageSchema,
  FacilityItem,
  FacilityKindSchema,
  FacilityStatusSchema,
  RegionCode,
  VillageItem,
  WaterTestItem,
} from './sewage.schemas.ts';

/**
 * The registers behind the figures — facilities, village coverage, water tests — each declared
 * once: scope by the record's village, filters, sorts, the row as the table shows it, and its
 * Excel export (cells in natural units: t/d, 万元, mg/L, from the same records).
 */

const tag = 'facilities';
const BASE = '/api/facilities/sewage';
const Year = Type.Integer({ minimum: 2000, maximum: 2099 });
const yuanWan = (fen: number) => Number((fen / 1_000_000).toFixed(2));
const hundredths = (v: number | null) => (v === null ? null : Number(hundredthsText(v)));
const gradeName = (grade: number, lang: string) =>
  lang === 'en' ? `Grade ${grade}` : grade === 1 ? '一级' : '二级';
const verdict = (ok: boolean, lang: string) =>
  ok ? (lang === 'en' ? 'Yes' : '达标') : lang === 'en' ? 'No' : '超标';

const FACILITY_COLUMNS: ExportColumn<FacilityRow>[] = [
  { key: 'name', header: { zh: '设施名称', en: 'Facility' }, width: 28, value: (f) => f.name },
  { key: 'town', header: { zh: '乡镇（街道）', en: 'Town' }, width: 12, value: (f) => f.town_name },
  { key: 'village', header: { zh: '村（社区）', en: 'Village' }, width: 14, value: (f) => f.village_name },
  {
    key: 'villageCode',
    header: { zh: '村区划代码', en: 'Village code' },
    width: 14,
    value: (f) => f.village_code,
  },
  {
    key: 'capacity',
    header: { zh: '设计规模（吨/日）', en: 'Capacity (t/d)' },
    width: 10,
    kind: 'number',
    value: (f) => f.capacity_tenths / 10,
  },
  {
    key: 'kind',
    header: { zh: '建设类型', en: 'Kind' },
    width: 8,
    value: (f, l) => say(FACILITY_KIND_NAMES[f.kind], l),
  },
  { key: 'year', header: { zh: '建成（改建）年份', en: 'Year' }, width: 8, value: (f) => f.year },
  {
    key: 'investment',
    header: { zh: '投资（万元）', en: 'Investment (10k yuan)' },
    width: 12,
    kind: 'money',
    value: (f) => yuanWan(Number(f.investment_fen)),
  },
  { key: 'process', header: { zh: '处理工艺', en: 'Process' }, width: 18, value: (f) => f.process },
  {
    key: 'grade',
    header: { zh: '执行标准', en: 'Standard grade' },
    width: 10,
    value: (f, l) => gradeName(f.discharge_grade, l),
  },
  { key: 'operator', header: { zh: '运维单位', en: 'Operator' }, width: 20, value: (f) => f.operator_name },
  {
    key: 'status',
    header: { zh: '状态', en: 'Status' },
    width: 8,
    value: (f, l) => say(FACILITY_STATUS_NAMES[f.status], l),
  },
  {
    key: 'villages',
    header: { zh: '服务村数', en: 'Villages served' },
    width: 8,
    value: (f) => Number(f.village_count),
  },
  { key: 'tests', header: { zh: '检测次数', en: 'Tests' }, width: 8, value: (f) => Number(f.test_count) },
  {
    key: 'lastSampledOn',
    header: { zh: '最近检测', en: 'Last sampled' },
    width: 12,
    kind: 'date',
    value: (f) => f.last_sampled_on,
  },
  {
    key: 'lastCompliant',
    header: { zh: '最近检测是否达标', en: 'Last test compliant' },
    width: 10,
    value: (f, l) => (f.last_compliant === null ? null : verdict(f.last_compliant, l)),
  },
];

/** 污水处理设施台账: by village (the default) or by year (`-year`: the newest first). */
export const facilityList = defineList({
  path: `${BASE}/facilities`,
  tag,
  summary: '污水处理设施台账 Sewage facilities, by village',
  permission: FACILITIES_READ,
  rows: facilitiesWithNames,
  scope: (scope) => regionScopeSql(scope, 'f.village_code'),
  filters: {
    regionCode: filter(RegionCode('only facilities within this region'), (code) =>
      regionSubtreeSql('f.village_code', code),
    ),
    kind: filter(FacilityKindSchema, (kind) => sql<SqlBool>`f.kind = ${kind}`),
    year: filter(Year, (year) => sql<SqlBool>`f.year = ${year}`),
    status: filter(FacilityStatusSchema, (status) => sql<SqlBool>`f.status = ${status}`),
    q: filter(Type.String({ maxLength: 50, description: 'name or village contains' }), (q) => {
      const like = `%${escapeLike(q.trim())}%`;
      return sql<SqlBool>`(f.name ilike ${like} or v.name ilike ${like})`;
    }),
  },
  sorts: { village: ['f.village_code', 'f.name'], year: ['f.year', 'f.village_code', 'f.name'] },
  defaultSort: 'village',
  key: 'f.id',
  item: FacilityItem,
  present: (f, { lang }) => facilityItem(f, lang),
  can: { edit: { permission: FACILITIES_WRITE, allows: (scope, f) => regionWithin(scope, f.village_code) } },
  excel: {
    target: 'sewage-facilities',
    title: { zh: '农村生活污水处理设施', en: 'Rural sewage facilities' },
    entityType: 'renewal_sewage_facility',
    audit: 'renewal.facility.export',
    columns: FACILITY_COLUMNS,
  },
});

const VILLAGE_COLUMNS: ExportColumn<VillageRow>[] = [
  { key: 'town', header: { zh: '乡镇（街道）', en: 'Town' }, width: 12, value: (v) => v.town_name },
  { key: 'village', header: { zh: '村（社区）', en: 'Village' }, width: 14, value: (v) => v.village_name },
  {
    key: 'villageCode',
    header: { zh: '村区划代码', en: 'Village code' },
    width: 14,
    value: (v) => v.village_code,
  },
  { key: 'households', header: { zh: '户数', en: 'Households' }, width: 8, value: (v) => v.households },
  {
    key: 'connected',
    header: { zh: '接户数', en: 'Connected' },
    width: 8,
    value: (v) => v.connected_households,
  },
  {
    key: 'coverage',
    header: { zh: '覆盖情况', en: 'Coverage' },
    width: 14,
    value: (v, l) => say(COVERAGE_NAMES[coverageOf(v)], l),
  },
  { key: 'facility', header: { zh: '处理设施', en: 'Facility' }, width: 26, value: (v) => v.facility_name },
  { key: 'note', header: { zh: '备注', en: 'Note' }, width: 24, value: (v) => v.note },
];

/** 村污水治理覆盖情况: by village code. */
export const villageList = defineList({
  path: `${BASE}/villages`,
  tag,
  summary: '村污水覆盖情况 Villages of the register and whether a facility in operation treats them',
  permission: FACILITIES_READ,
  rows: villagesWithNames,
  scope: (scope) => regionScopeSql(scope, 'sv.village_code'),
  filters: {
    regionCode: filter(RegionCode('only villages within this region'), (code) =>
      regionSubtreeSql('sv.village_code', code),
    ),
    coverage: filter(CoverageSchema, (c) =>
      c === 'network'
        ? sql<SqlBool>`sv.on_network`
        : c === 'covered'
          ? sql<SqlBool>`${COVERED}`
          : sql<SqlBool>`(not sv.on_network and not ${COVERED})`,
    ),
    facilityId: filter(
      uuid('only villages served by this facility'),
      (id) => sql<SqlBool>`sv.facility_id = ${id}`,
    ),
  },
  sorts: { villageCode: [] },
  defaultSort: 'villageCode',
  key: 'sv.village_code',
  item: VillageItem,
  present: (v, { lang }) => villageItem(v, lang),
  can: { edit: { permission: FACILITIES_WRITE, allows: (scope, v) => regionWithin(scope, v.village_code) } },
  excel: {
    target: 'sewage-villages',
    title: { zh: '村污水治理覆盖情况', en: 'Village sewage coverage' },
    entityType: 'renewal_sewage_village',
    audit: 'renewal.sewage_village.export',
    columns: VILLAGE_COLUMNS,
  },
});

const TEST_COLUMNS: ExportColumn<WaterTestRow>[] = [
  {
    key: 'sampledOn',
    header: { zh: '采样日期', en: 'Sampled on' },
    width: 12,
    kind: 'date',
    value: (t) => t.sampled_on,
  },
  { key: 'facility', header: { zh: '设施', en: 'Facility' }, width: 26, value: (t) => t.facility_name },
  { key: 'town', header: { zh: '乡镇（街道）', en: 'Town' }, width: 12, value: (t) => t.town_name },
  { key: 'village', header: { zh: '村', en: 'Village' }, width: 12, value: (t) => t.village_name },
  { key: 'lab', header: { zh: '检测机构', en: 'Laboratory' }, width: 22, value: (t) => t.lab },
  { key: 'grade', header: { zh: '执行标准', en: 'Grade' }, width: 8, value: (t, l) => gradeName(t.grade, l) },
  { key: 'ph', header: { zh: 'pH', en: 'pH' }, width: 6, value: (t) => hundredths(t.ph) },
  { key: 'cod', header: { zh: 'COD（mg/L）', en: 'COD (mg/L)' }, width: 9, value: (t) => hundredths(t.cod) },
  {
    key: 'nh3n',
    header: { zh: '氨氮（mg/L）', en: 'NH3-N (mg/L)' },
    width: 9,
    value: (t) => hundredths(t.nh3n),
  },
  { key: 'tp', header: { zh: '总磷（mg/L）', en: 'TP (mg/L)' }, width: 9, value: (t) => hundredths(t.tp) },
  { key: 'tn', header: { zh: '总氮（mg/L）', en: 'TN (mg/L)' }, width: 9, value: (t) => hundredths(t.tn) },
  { key: 'ss', header: { zh: '悬浮物（mg/L）', en: 'SS (mg/L)' }, width: 9, value: (t) => hundredths(t.ss) },
  {
    key: 'oil',
    header: { zh: '动植物油（mg/L）', en: 'Oils (mg/L)' },
    width: 9,
    value: (t) => hundredths(t.oil),
  },
  {
    key: 'temp',
    header: { zh: '水温（℃）', en: 'Water °C' },
    width: 7,
    value: (t) => (t.water_temp_tenths === null ? null : t.water_temp_tenths / 10),
  },
  {
    key: 'compliant',
    header: { zh: '是否达标', en: 'Compliant' },
    width: 8,
    value: (t, l) => verdict(t.compliant, l),
  },
  {
    key: 'exceeded',
    header: { zh: '超标项目', en: 'Exceeded' },
    width: 20,
    value: (t, l) => waterTestItem(t, l).exceededNames.join('、') || null,
  },
];

/** 出水水质检测: latest samples first. */
export const waterTestList = defineList({
  path: `${BASE}/tests`,
  tag,
  summary: '出水水质检测 Water-quality tests, latest first',
  permission: FACILITIES_READ,
  rows: testsWithNames,
  scope: (scope) => regionScopeSql(scope, 'f.village_code'),
  filters: {
    regionCode: filter(RegionCode('only facilities within this region'), (code) =>
      regionSubtreeSql('f.village_code', code),
    ),
    facilityId: filter(uuid('only this facility'), (id) => sql<SqlBool>`wt.facility_id = ${id}`),
    year: filter(
      Type.Integer({ minimum: 2000, maximum: 2099, description: 'sampled in this year' }),
      (y) => sql<SqlBool>`(wt.sampled_on >= ${`${y}-01-01`} and wt.sampled_on <= ${`${y}-12-31`})`,
    ),
    compliant: filter(Type.Boolean(), (ok) => sql<SqlBool>`wt.compliant = ${ok}`),
  },
  sorts: { sampledOn: ['wt.sampled_on', 'wt.created_at'] },
  defaultSort: '-sampledOn',
  key: 'wt.id',
  item: WaterTestItem,
  present: (t, { lang }) => waterTestItem(t, lang),
  excel: {
    target: 'water-tests',
    title: { zh: '出水水质检测', en: 'Water-quality tests' },
    entityType: 'renewal_water_test',
    audit: 'renewal.water_test.export',
    columns: TEST_COLUMNS,
  },
});
