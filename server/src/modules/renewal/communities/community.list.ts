import { type SqlBool, sql } from 'kysely';
import { Type } from 'typebox';
import {
  defineList,
  type ExportColumn,
  escapeLike,
  filter,
  IdParams,
  regionScopeSql,
  regionSubtreeSql,
  Uuid,
} from '../../../platform/kit/index.ts';
import { HOUSEHOLD_HEADERS, householdImport } from './community.excel.ts';
import { communityToRead } from './community.policy.ts';
import { acceptanceOf, communityItem, unitItem } from './community.present.ts';
import { type CommunityListRow, communitiesWithTotals, unitsWithOwners } from './community.repo.ts';
import {
  areaText,
  COMMUNITY_STATUS_NAMES,
  labelOf,
  OWNER_KIND_NAMES,
  ownerNameFor,
} from './community.rules.ts';
import { CommunityItem, CommunityStatusSchema, RegionCode, UnitItem } from './community.schemas.ts';
import { COMMUNITY_READ, COMMUNITY_WRITE } from './community.scope.ts';
import { residentList } from './resident-list.ts';

/**
 * The register's lists: the communities (老旧小区改造台账) in the caller's region grants, by
 * region then name, with their totals, renovation status and residents' satisfaction at
 * acceptance; and a community's units (住户清册) with their owners — names masked unless the
 * caller keeps the register. Each exported to Excel with the same filters; the units also
 * imported from the export's own columns.
 */

const area = (centi: number) => Number(areaText(centi));

const COMMUNITY_COLUMNS: ExportColumn<CommunityListRow>[] = [
  { key: 'name', header: { zh: '小区名称', en: 'Community' }, width: 20, value: (c) => c.name },
  {
    key: 'regionName',
    header: { zh: '所在乡镇（街道）', en: 'Town' },
    width: 14,
    value: (c) => c.region_name,
  },
  { key: 'address', header: { zh: '地址', en: 'Address' }, width: 28, value: (c) => c.address },
  { key: 'yearBuilt', header: { zh: '建成年份', en: 'Year built' }, width: 10, value: (c) => c.year_built },
  { key: 'batch', header: { zh: '改造批次', en: 'Batch' }, width: 16, value: (c) => c.batch },
  {
    key: 'status',
    header: { zh: '改造状态', en: 'Status' },
    width: 10,
    value: (c, lang) => labelOf(COMMUNITY_STATUS_NAMES[c.status], lang),
  },
  {
    key: 'project',
    header: { zh: '改造工程项目', en: 'Project' },
    width: 28,
    value: (c) => (c.project_id ? (c.project_name ?? '') : null),
  },
  {
    key: 'buildings',
    header: { zh: '楼栋数', en: 'Buildings' },
    width: 8,
    value: (c) => Number(c.building_count ?? 0),
  },
  { key: 'units', header: { zh: '户数', en: 'Units' }, width: 8, value: (c) => Number(c.unit_count ?? 0) },
  {
    key: 'owners',
    header: { zh: '业主数', en: 'Owners' },
    width: 8,
    value: (c) => Number(c.owner_count ?? 0),
  },
  {
    key: 'area',
    header: { zh: '专有部分总面积（㎡）', en: 'Exclusive area (m²)' },
    width: 14,
    kind: 'number',
    numFmt: '0.00',
    value: (c) => area(Number(c.area_centi ?? 0)),
  },
  {
    key: 'acceptedOn',
    header: { zh: '验收日期', en: 'Accepted on' },
    width: 12,
    kind: 'date',
    value: (c) => acceptanceOf(c)?.acceptedOn ?? null,
  },
  {
    key: 'satisfaction',
    header: { zh: '居民满意率（%）', en: 'Satisfaction (%)' },
    width: 12,
    kind: 'number',
    value: (c) => acceptanceOf(c)?.satisfactionRate ?? null,
  },
];

/** Part of the name or address (trimmed; blank: no condition). */
function nameOrAddress(text: string) {
  const q = text.trim();
  if (!q) return sql<SqlBool>`true`;
  const like = `%${escapeLike(q)}%`;
  return sql<SqlBool>`(c.name like ${like} or coalesce(c.address, '') like ${like})`;
}

export const communityList = defineList({
  path: '/api/renewal/communities',
  tag: 'renewal-communities',
  summary: '老旧小区改造台账 Communities under renovation, with units, owners, area and satisfaction',
  permission: COMMUNITY_READ,
  rows: communitiesWithTotals,
  scope: (scope) => regionScopeSql(scope, 'c.region_code'),
  filters: {
    regionCode: filter(RegionCode, (code) => regionSubtreeSql('c.region_code', code)),
    batch: filter(
      Type.String({ minLength: 1, maxLength: 50, description: 'renovation batch (改造批次)' }),
      (batch) => sql<SqlBool>`c.batch = ${batch}`,
    ),
    status: filter(CommunityStatusSchema, (status) => sql<SqlBool>`c.status = ${status}`),
    q: filter(
      Type.String({ minLength: 1, maxLength: 50, description: 'part of the name or address' }),
      nameOrAddress,
    ),
  },
  // the totals are the select list's correlated counts, sorted by their output names
  sorts: {
    region: ['c.region_code', 'c.name'],
    name: ['c.name'],
    units: ['unit_count', 'c.name'],
    area: ['area_centi', 'c.name'],
  },
  defaultSort: 'region',
  key: 'c.id',
  item: CommunityItem,
  present: (c, { lang }) => communityItem(c, lang),
  excel: {
    target: 'renewal-communities',
    title: { zh: '老旧小区改造台账', en: 'Communities under renovation' },
    entityType: 'renewal_community',
    audit: 'renewal.community.export',
    columns: COMMUNITY_COLUMNS,
  },
});

// ---------------------------------------------------------------- a community's units

type UnitListRow = Awaited<ReturnType<ReturnType<typeof unitsWithOwners>['execute']>>[number];

const UNIT_COLUMNS: ExportColumn<UnitListRow>[] = [
  { key: 'building', header: HOUSEHOLD_HEADERS.building, width: 10, value: (u) => u.building_name },
  { key: 'entrance', header: HOUSEHOLD_HEADERS.entrance, width: 8, value: (u) => u.entrance || null },
  { key: 'room', header: HOUSEHOLD_HEADERS.room, width: 8, value: (u) => u.room },
  {
    key: 'area',
    header: HOUSEHOLD_HEADERS.area,
    width: 14,
    kind: 'number',
    numFmt: '0.00',
    value: (u) => area(u.area_centi),
  },
  { key: 'ownerName', header: HOUSEHOLD_HEADERS.ownerName, width: 24, value: (u) => u.owner_name },
  {
    key: 'ownerKind',
    header: HOUSEHOLD_HEADERS.ownerKind,
    width: 12,
    value: (u, lang) => labelOf(OWNER_KIND_NAMES[u.owner_kind], lang),
  },
];

/** The unit as callers who may not see owners' names see it: a person's name masked (张*). */
const maskUnit = (u: UnitListRow): UnitListRow => ({
  ...u,
  owner_name: ownerNameFor(u.owner_name, u.owner_kind, false),
});

const SearchText = Type.String({
  minLength: 1,
  maxLength: 50,
  description: 'part of the room, or of the owner’s name for those who see owners’ names',
});

/** The units list as those who see owners' names (`full`) or not see it: the search reads names only for the former. */
const unitListOf = (full: boolean) =>
  defineList({
    path: '/api/renewal/communities/:id/units',
    tag: 'renewal-communities',
    summary: '住户 Units (楼栋/单元/室) with exclusive area and owner',
    permission: COMMUNITY_READ,
    rows: unitsWithOwners,
    parent: {
      params: IdParams,
      open: async (s, ctx, params) => {
        const { community } = await communityToRead(s, ctx, params.id ?? '');
        return sql<SqlBool>`u.community_id = ${community.id}`;
      },
    },
    filters: {
      buildingId: filter(Uuid, (id) => sql<SqlBool>`u.building_id = ${id}`),
      q: filter(SearchText, (text) => {
        const q = text.trim();
        if (!q) return sql<SqlBool>`true`;
        const like = `%${escapeLike(q)}%`;
        return full
          ? sql<SqlBool>`(u.room like ${like} or o.name like ${like})`
          : sql<SqlBool>`u.room like ${like}`;
      }),
    },
    // building order, then entrance and room in natural order (2 before 10)
    sorts: {
      unit: ['b.position', 'b.name', 'entrance_length', 'u.entrance', 'room_length', 'u.room'],
      area: ['u.area_centi'],
    },
    defaultSort: 'unit',
    key: 'u.id',
    item: UnitItem,
    present: (u, { lang }) => unitItem(full ? u : maskUnit(u), true, lang),
    excel: {
      target: 'renewal-community-units',
      title: { zh: '住户清册', en: 'Households' },
      entityType: 'renewal_community',
      audit: 'renewal.community.units.export',
      columns: UNIT_COLUMNS,
      import: { write: COMMUNITY_WRITE, def: householdImport },
    },
  });

/** 住户: a community's units with their areas and owners; owners' names in full for those who keep the register. */
export const unitList = residentList({
  full: unitListOf(true),
  masked: unitListOf(false),
  mask: maskUnit,
  summary:
    '住户 Units (楼栋/单元/室) with exclusive area and owner (names masked unless the caller keeps the register)',
  params: IdParams,
  seesNames: async (s, ctx, params) => (await communityToRead(s, ctx, params.id ?? '')).mayName,
});
