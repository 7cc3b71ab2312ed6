import { hundredthsText } from '@gongfu/domain/renewal/sewage';
import type { ExcelListDef, ExportColumn } from '../../../platform/excel/excel-list.ts';
import type { DistrictRow } from './district.repo.ts';
import { presentDistrict } from './district.routes.ts';
import { DistrictListQuery } from './district.schemas.ts';
import { districtExportPages } from './district.service.ts';
import { FACILITY_READ, FACILITY_WRITE } from './facility.scope.ts';
import { presentFacility, presentVillage, presentWaterTest } from './sewage.present.ts';
import type { FacilityRow, VillageRow, WaterTestRow } from './sewage.repo.ts';
import { FacilityListQuery, SummaryQuery, VillageListQuery, WaterTestListQuery } from './sewage.schemas.ts';
import {
  facilityExportPages,
  villageExportPages,
  waterTestExportPages,
  yearExportPages,
} from './sewage.service.ts';
import type { YearRow } from './sewage-summary.repo.ts';

/**
 * The part's lists as Excel exports (export only): facilities, village coverage, water tests,
 * landscape districts, and the figures per year (the computed result). Cells come from the
 * same presenters as the screens; numbers stored as hundredths / tenths / fen are written as
 * decimals in their natural unit (mg/L, t/d, 万元).
 */

const yuanWan = (fen: number) => Number((fen / 1_000_000).toFixed(2));
const tenths = (v: number) => v / 10;
const hundredths = (v: number | null) => (v === null ? null : Number(hundredthsText(v)));

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
    value: (f) => tenths(f.capacity_tenths),
  },
  {
    key: 'kind',
    header: { zh: '建设类型', en: 'Kind' },
    width: 8,
    value: (f, l) => presentFacility(f, l).kindName,
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
    value: (f, l) => (l === 'en' ? `Grade ${f.discharge_grade}` : f.discharge_grade === 1 ? '一级' : '二级'),
  },
  { key: 'operator', header: { zh: '运维单位', en: 'Operator' }, width: 20, value: (f) => f.operator_name },
  {
    key: 'status',
    header: { zh: '状态', en: 'Status' },
    width: 8,
    value: (f, l) => presentFacility(f, l).statusName,
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
    value: (f, l) =>
      f.last_compliant === null
        ? null
        : f.last_compliant
          ? l === 'en'
            ? 'Yes'
            : '达标'
          : l === 'en'
            ? 'No'
            : '超标',
  },
];

export const facilityExcel: ExcelListDef<FacilityRow> = {
  target: 'renewal-sewage-facilities',
  basePath: '/api/renewal/sewage/facilities',
  tag: 'renewal-facilities',
  title: { zh: '农村生活污水处理设施', en: 'Rural sewage facilities' },
  entityType: 'renewal_sewage_facility',
  permissions: { read: FACILITY_READ, write: FACILITY_WRITE },
  export: {
    query: FacilityListQuery,
    audit: 'renewal.facility.export',
    columns: FACILITY_COLUMNS,
    open: (s, ctx, q, pageSize) => facilityExportPages(s, ctx, q as FacilityListQuery, pageSize),
  },
};

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
    value: (v, l) => presentVillage(v, l).coverageName,
  },
  { key: 'facility', header: { zh: '处理设施', en: 'Facility' }, width: 26, value: (v) => v.facility_name },
  { key: 'note', header: { zh: '备注', en: 'Note' }, width: 24, value: (v) => v.note },
];

export const villageExcel: ExcelListDef<VillageRow> = {
  target: 'renewal-sewage-villages',
  basePath: '/api/renewal/sewage/villages',
  tag: 'renewal-facilities',
  title: { zh: '村污水治理覆盖情况', en: 'Village sewage coverage' },
  entityType: 'renewal_sewage_village',
  permissions: { read: FACILITY_READ, write: FACILITY_WRITE },
  export: {
    query: VillageListQuery,
    audit: 'renewal.sewage_village.export',
    columns: VILLAGE_COLUMNS,
    open: (s, ctx, q, pageSize) => villageExportPages(s, ctx, q as VillageListQuery, pageSize),
  },
};

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
  {
    key: 'grade',
    header: { zh: '执行标准', en: 'Grade' },
    width: 8,
    value: (t, l) => (l === 'en' ? `Grade ${t.grade}` : t.grade === 1 ? '一级' : '二级'),
  },
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
    value: (t, l) => (t.compliant ? (l === 'en' ? 'Yes' : '达标') : l === 'en' ? 'No' : '超标'),
  },
  {
    key: 'exceeded',
    header: { zh: '超标项目', en: 'Exceeded' },
    width: 20,
    value: (t, l) => presentWaterTest(t, l).exceededNames.join('、') || null,
  },
];

export const waterTestExcel: ExcelListDef<WaterTestRow> = {
  target: 'renewal-water-tests',
  basePath: '/api/renewal/sewage/tests',
  tag: 'renewal-facilities',
  title: { zh: '出水水质检测', en: 'Water-quality tests' },
  entityType: 'renewal_water_test',
  permissions: { read: FACILITY_READ, write: FACILITY_WRITE },
  export: {
    query: WaterTestListQuery,
    audit: 'renewal.water_test.export',
    columns: TEST_COLUMNS,
    open: (s, ctx, q, pageSize) => waterTestExportPages(s, ctx, q as WaterTestListQuery, pageSize),
  },
};

const DISTRICT_COLUMNS: ExportColumn<DistrictRow>[] = [
  { key: 'name', header: { zh: '风貌区名称', en: 'District' }, width: 40, value: (d) => d.name },
  {
    key: 'kind',
    header: { zh: '类型', en: 'Kind' },
    width: 12,
    value: (d, l) => presentDistrict(d, l).kindName,
  },
  { key: 'region', header: { zh: '所在区域', en: 'Region' }, width: 12, value: (d) => d.region_name },
  {
    key: 'area',
    header: { zh: '面积（公顷）', en: 'Area (ha)' },
    width: 10,
    kind: 'number',
    value: (d) => (d.area_hundredths === null ? null : Number(d.area_hundredths) / 1_000_000),
  },
  {
    key: 'lead',
    header: { zh: '牵头单位', en: 'Lead department' },
    width: 22,
    value: (d) => d.lead_organisation_name,
  },
  {
    key: 'pilotYear',
    header: { zh: '列入试点年度', en: 'Pilot list year' },
    width: 10,
    value: (d) => d.pilot_year,
  },
  {
    key: 'status',
    header: { zh: '状态', en: 'Status' },
    width: 12,
    value: (d, l) => presentDistrict(d, l).statusName,
  },
  {
    key: 'acceptedOn',
    header: { zh: '验收日期', en: 'Accepted on' },
    width: 12,
    kind: 'date',
    value: (d) => d.accepted_on,
  },
];

export const districtExcel: ExcelListDef<DistrictRow> = {
  target: 'renewal-districts',
  basePath: '/api/renewal/districts',
  tag: 'renewal-facilities',
  title: { zh: '城乡风貌区', en: 'Landscape districts' },
  entityType: 'renewal_landscape_district',
  permissions: { read: FACILITY_READ, write: FACILITY_WRITE },
  export: {
    query: DistrictListQuery,
    audit: 'renewal.district.export',
    columns: DISTRICT_COLUMNS,
    open: (s, ctx, q, pageSize) => districtExportPages(s, ctx, q as DistrictListQuery, pageSize),
  },
};

type YearItem = YearRow & { rate: string | null };

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
  target: 'renewal-sewage-years',
  basePath: '/api/renewal/sewage/summary',
  tag: 'renewal-facilities',
  title: { zh: '农村污水治理年度指标', en: 'Sewage figures by year' },
  entityType: 'renewal_sewage_summary',
  permissions: { read: FACILITY_READ, write: FACILITY_WRITE },
  export: {
    query: SummaryQuery,
    audit: 'renewal.sewage_summary.export',
    columns: YEAR_COLUMNS,
    open: (s, ctx, q) => yearExportPages(s, ctx, q as SummaryQuery),
  },
};

export const facilityExcels = [facilityExcel, villageExcel, waterTestExcel, districtExcel, sewageYearExcel];
