import { type SqlBool, sql } from 'kysely';
import {
  defineList,
  type ExportColumn,
  filter,
  regionScopeSql,
  regionSubtreeSql,
  regionWithin,
  say,
} from '../../platform/kit/index.ts';
import { districtItem } from './district.present.ts';
import { type DistrictRow, districtsWithNames } from './district.repo.ts';
import { DistrictItem, DistrictKindSchema, DistrictStatusSchema } from './district.schemas.ts';
import { FACILITIES_READ, FACILITIES_WRITE } from './facilities.scope.ts';
import { DISTRICT_KIND_NAMES, DISTRICT_STATUS_NAMES } from './facility.rules.ts';
import { RegionCode } from './sewage.schemas.ts';

const DISTRICT_COLUMNS: ExportColumn<DistrictRow>[] = [
  { key: 'name', header: { zh: '风貌区名称', en: 'District' }, width: 40, value: (d) => d.name },
  {
    key: 'kind',
    header: { zh: '类型', en: 'Kind' },
    width: 12,
    value: (d, l) => say(DISTRICT_KIND_NAMES[d.kind], l),
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
    value: (d, l) => say(DISTRICT_STATUS_NAMES[d.status], l),
  },
  {
    key: 'acceptedOn',
    header: { zh: '验收日期', en: 'Accepted on' },
    width: 12,
    kind: 'date',
    value: (d) => d.accepted_on,
  },
];

/** 城乡风貌区: by region, then name. */
export const districtList = defineList({
  path: '/api/facilities/districts',
  tag: 'facilities',
  summary: '城乡风貌区 Landscape districts with their acceptance status',
  permission: FACILITIES_READ,
  rows: districtsWithNames,
  scope: (scope) => regionScopeSql(scope, 'd.region_code'),
  filters: {
    regionCode: filter(RegionCode('only districts within this region'), (code) =>
      regionSubtreeSql('d.region_code', code),
    ),
    status: filter(DistrictStatusSchema, (status) => sql<SqlBool>`d.status = ${status}`),
    kind: filter(DistrictKindSchema, (kind) => sql<SqlBool>`d.kind = ${kind}`),
  },
  sorts: { region: ['d.region_code', 'd.name'], name: ['d.name'] },
  defaultSort: 'region',
  key: 'd.id',
  item: DistrictItem,
  present: (d, { lang }) => districtItem(d, lang),
  can: { edit: { permission: FACILITIES_WRITE, allows: (scope, d) => regionWithin(scope, d.region_code) } },
  excel: {
    target: 'landscape-districts',
    title: { zh: '城乡风貌区', en: 'Landscape districts' },
    entityType: 'renewal_landscape_district',
    audit: 'renewal.district.export',
    columns: DISTRICT_COLUMNS,
  },
});
