import { type Static, Type } from 'typebox';
import {
  actorOf,
  type Bilingual,
  type ExcelListDef,
  type ExportColumn,
  IdParams,
  type ImportColumn,
  type ListParams,
  listStagedRows,
  type PreparedRow,
  type RowImporter,
  type RowProblem,
} from '../../../platform/kit/index.ts';
import { communityPolicy, communityToChange, communityToRead } from './community.policy.ts';
import { findUnitPage } from './community.repo.ts';
import { presentCommunity, presentUnit } from './community.routes.ts';
import {
  areaText,
  normaliseEntrance,
  normaliseRoom,
  parseAreaCenti,
  parseOwnerKind,
} from './community.rules.ts';
import { CommunityListQuery, type CommunityView, type UnitView } from './community.schemas.ts';
import { COMMUNITY_READ, COMMUNITY_WRITE } from './community.scope.ts';
import { addHouseholds, communityExportPages, type HouseholdRow } from './community.service.ts';

/**
 * The register as Excel: the list of communities (export), and a community's households
 * (楼栋, 单元, 室, 专有部分面积, 业主, 业主类型) exported in the import template's own columns
 * and imported from it as a background job, all rows or none.
 */

type CommunityItem = Static<typeof CommunityView>;
type UnitItem = Static<typeof UnitView>;

const area = (centi: number) => Number(areaText(centi));

const COMMUNITY_COLUMNS: ExportColumn<CommunityItem>[] = [
  { key: 'name', header: { zh: '小区名称', en: 'Community' }, width: 20, value: (c) => c.name },
  {
    key: 'regionName',
    header: { zh: '所在乡镇（街道）', en: 'Town' },
    width: 14,
    value: (c) => c.regionName,
  },
  { key: 'address', header: { zh: '地址', en: 'Address' }, width: 28, value: (c) => c.address },
  { key: 'yearBuilt', header: { zh: '建成年份', en: 'Year built' }, width: 10, value: (c) => c.yearBuilt },
  { key: 'batch', header: { zh: '改造批次', en: 'Batch' }, width: 16, value: (c) => c.batch },
  { key: 'status', header: { zh: '改造状态', en: 'Status' }, width: 10, value: (c) => c.statusName },
  {
    key: 'project',
    header: { zh: '改造工程项目', en: 'Project' },
    width: 28,
    value: (c) => c.project?.name ?? null,
  },
  { key: 'buildings', header: { zh: '楼栋数', en: 'Buildings' }, width: 8, value: (c) => c.buildingCount },
  { key: 'units', header: { zh: '户数', en: 'Units' }, width: 8, value: (c) => c.unitCount },
  { key: 'owners', header: { zh: '业主数', en: 'Owners' }, width: 8, value: (c) => c.ownerCount },
  {
    key: 'area',
    header: { zh: '专有部分总面积（㎡）', en: 'Exclusive area (m²)' },
    width: 14,
    kind: 'number',
    numFmt: '0.00',
    value: (c) => area(c.areaCenti),
  },
  {
    key: 'acceptedOn',
    header: { zh: '验收日期', en: 'Accepted on' },
    width: 12,
    kind: 'date',
    value: (c) => c.acceptance?.acceptedOn ?? null,
  },
  {
    key: 'satisfaction',
    header: { zh: '居民满意率（%）', en: 'Satisfaction (%)' },
    width: 12,
    kind: 'number',
    value: (c) => c.acceptance?.satisfactionRate ?? null,
  },
];

export const communityExcel: ExcelListDef<CommunityItem> = {
  target: 'renewal-communities',
  basePath: '/api/renewal/communities',
  tag: 'renewal-communities',
  title: { zh: '老旧小区改造台账', en: 'Communities under renovation' },
  entityType: 'renewal_community',
  permissions: { read: COMMUNITY_READ, write: COMMUNITY_WRITE },
  export: {
    query: CommunityListQuery,
    audit: 'renewal.community.export',
    columns: COMMUNITY_COLUMNS,
    async open(s, ctx, query, pageSize) {
      const found = await communityExportPages(s, ctx, query as CommunityListQuery, pageSize);
      const actor = await actorOf(s, ctx);
      async function* pages() {
        for await (const rows of found.pages)
          yield rows.map((c) => presentCommunity(c, communityPolicy.can(actor, c), ctx.lang));
      }
      return { total: found.total, filters: found.filters, pages: pages() };
    },
  },
};

// ---------------------------------------------------------------- households

const header = {
  building: { zh: '楼栋', en: 'Building' },
  entrance: { zh: '单元', en: 'Entrance' },
  room: { zh: '室', en: 'Room' },
  area: { zh: '专有部分面积(㎡)', en: 'Exclusive area (m²)' },
  ownerName: { zh: '业主', en: 'Owner' },
  ownerKind: { zh: '业主类型(个人/单位)', en: 'Owner type (person/organisation)' },
} satisfies Record<string, Bilingual>;

const UNIT_COLUMNS: ExportColumn<UnitItem>[] = [
  { key: 'building', header: header.building, width: 10, value: (u) => u.buildingName },
  { key: 'entrance', header: header.entrance, width: 8, value: (u) => u.entrance || null },
  { key: 'room', header: header.room, width: 8, value: (u) => u.room },
  {
    key: 'area',
    header: header.area,
    width: 14,
    kind: 'number',
    numFmt: '0.00',
    value: (u) => area(u.areaCenti),
  },
  { key: 'ownerName', header: header.ownerName, width: 24, value: (u) => u.owner.name },
  { key: 'ownerKind', header: header.ownerKind, width: 12, value: (u) => u.owner.kindName },
];

/** At most this many households per file (a large community is imported in parts). */
export const MAX_HOUSEHOLD_ROWS = 10_000;

const IMPORT_COLUMNS: ImportColumn[] = [
  {
    key: 'building',
    header: header.building,
    aliases: ['楼号', '幢', '楼栋号', '幢号'],
    required: true,
    kind: 'code',
    help: {
      zh: '楼栋名称，按居民习惯写，例如 3幢、5号楼；新的楼栋会自动添加',
      en: 'Building, as residents say it (3幢, 5号楼); new buildings are added',
    },
    example: '3幢',
    width: 10,
  },
  {
    key: 'entrance',
    header: header.entrance,
    aliases: ['单元号'],
    required: false,
    kind: 'code',
    help: {
      zh: '单元号，例如 1 或 1单元；只有一个单元的楼栋可不填',
      en: 'Entrance, e.g. 1; leave empty for a building with one entrance',
    },
    example: '1',
    width: 8,
  },
  {
    key: 'room',
    header: header.room,
    aliases: ['室号', '房号', '门牌号'],
    required: true,
    kind: 'code',
    help: { zh: '室号，例如 302', en: 'Room, e.g. 302' },
    example: '302',
    width: 8,
  },
  {
    key: 'area',
    header: header.area,
    aliases: ['专有部分面积', '专有面积', '建筑面积', '面积', '专有部分面积（㎡）', '专有部分面积(平方米)'],
    required: true,
    kind: 'number',
    help: {
      zh: '专有部分面积，单位平方米，最多两位小数，例如 89.37（以不动产权证为准）',
      en: 'Exclusive area in square metres with at most two decimals, e.g. 89.37 (as on the title certificate)',
    },
    example: '89.37',
    width: 14,
  },
  {
    key: 'ownerName',
    header: header.ownerName,
    aliases: ['业主姓名', '产权人', '业主名称', '所有权人'],
    required: true,
    kind: 'text',
    help: {
      zh: '业主姓名或单位名称；同一业主有多套房（如开发商未售房屋）请写同一名称，计为一名业主',
      en: 'The owner’s name or organisation; write the same name for an owner of several units (e.g. the developer’s unsold units): they count as one owner',
    },
    example: '张伟',
    width: 24,
  },
  {
    key: 'ownerKind',
    header: header.ownerKind,
    aliases: ['业主类型', '类型'],
    required: false,
    kind: 'text',
    help: { zh: '个人 或 单位，不填为个人', en: '个人 (person) or 单位 (organisation); empty means person' },
    example: '个人',
    width: 12,
  },
];

const NOTES: Bilingual[] = [
  {
    zh: '每行一户（一套房），表头请保持不变（带 * 的列必须有），可以删除说明页',
    en: 'One unit per row; keep the header row (columns marked * are required); the instructions sheet may be deleted',
  },
  {
    zh: '全部正确才导入：任何一行有错误就不导入，错误报告会列出每一行的问题；已登记的房号会跳过',
    en: 'All or nothing: if any row has a problem nothing is imported and the error report lists them; units already registered are skipped',
  },
  {
    zh: `一次最多导入 ${MAX_HOUSEHOLD_ROWS} 户`,
    en: `At most ${MAX_HOUSEHOLD_ROWS} units per file`,
  },
];

const communityIdOf = (params: ListParams): string => params.id ?? '';

const problem = (column: string, zh: string, en: string): RowProblem => ({ column, text: { zh, en } });

/** Reads each row into a household; a room named twice in the file is refused on its second row. */
function householdRows(): RowImporter['prepare'] {
  const seen = new Map<string, number>();
  let count = 0;
  return async (rows) => {
    return rows.map((r): PreparedRow => {
      const v = r.values;
      const problems: RowProblem[] = [];
      if (++count > MAX_HOUSEHOLD_ROWS)
        return {
          rowNo: r.rowNo,
          problems: [
            {
              text: {
                zh: `一次最多导入 ${MAX_HOUSEHOLD_ROWS} 户：请分成几个文件导入`,
                en: `At most ${MAX_HOUSEHOLD_ROWS} units per file: split the file`,
              },
            },
          ],
        };
      const building = (v.building ?? '').trim();
      const entrance = normaliseEntrance(v.entrance ?? '');
      const room = normaliseRoom(v.room ?? '');
      const areaCenti = parseAreaCenti(v.area ?? '');
      const ownerName = (v.ownerName ?? '').trim();
      const ownerKind = parseOwnerKind(v.ownerKind ?? '');
      if (!building || building.length > 30)
        problems.push(
          problem('building', '请填写楼栋（不超过 30 个字）', 'Give the building (at most 30 characters)'),
        );
      if (!room || room.length > 20)
        problems.push(
          problem('room', '请填写室号（不超过 20 个字）', 'Give the room (at most 20 characters)'),
        );
      if (entrance.length > 10)
        problems.push(problem('entrance', '单元不能超过 10 个字', 'The entrance is at most 10 characters'));
      if (areaCenti === null)
        problems.push(
          problem(
            'area',
            `专有部分面积「${v.area ?? ''}」应为大于 0 的数，最多两位小数，例如 89.37`,
            `The exclusive area "${v.area ?? ''}" must be a number above 0 with at most two decimals, e.g. 89.37`,
          ),
        );
      if (!ownerName || ownerName.length > 100)
        problems.push(
          problem('ownerName', '请填写业主姓名或单位名称', 'Give the owner’s name or organisation'),
        );
      if (ownerKind === null)
        problems.push(
          problem(
            'ownerKind',
            `业主类型「${v.ownerKind ?? ''}」应为 个人 或 单位`,
            `Owner type "${v.ownerKind ?? ''}" must be 个人 or 单位`,
          ),
        );
      const key = `${building}|${entrance}|${room}`;
      const first = seen.get(key);
      if (building && room) {
        if (first !== undefined)
          problems.push(
            problem(
              'room',
              `与第 ${first} 行是同一户，请删除重复的行`,
              `The same unit as row ${first}; remove the duplicate`,
            ),
          );
        else seen.set(key, r.rowNo);
      }
      if (problems.length > 0) return { rowNo: r.rowNo, problems };
      const row: HouseholdRow = {
        building,
        entrance,
        room,
        areaCenti: areaCenti!,
        ownerName,
        ownerKind: ownerKind!,
      };
      return { rowNo: r.rowNo, payload: { ...row } };
    });
  };
}

export const householdExcel: ExcelListDef<UnitItem> = {
  target: 'renewal-community-units',
  basePath: '/api/renewal/communities/:id/units',
  parent: { params: IdParams, entityId: communityIdOf },
  tag: 'renewal-communities',
  title: { zh: '住户清册', en: 'Households' },
  entityType: 'renewal_community',
  permissions: { read: COMMUNITY_READ, write: COMMUNITY_WRITE },
  export: {
    query: Type.Object({}, { additionalProperties: false }),
    audit: 'renewal.community.units.export',
    columns: UNIT_COLUMNS,
    async open(s, ctx, _query, pageSize, params) {
      const { community, mayName } = await communityToRead(s, ctx, communityIdOf(params));
      const { total } = await findUnitPage(s.db, community.id, {}, { limit: 1, offset: 0 });
      async function* pages() {
        for (let offset = 0; offset < total; offset += pageSize) {
          const { rows } = await findUnitPage(s.db, community.id, {}, { limit: pageSize, offset });
          if (rows.length === 0) return;
          yield rows.map((u) => presentUnit(u, mayName, ctx.lang));
        }
      }
      return { total, filters: { communityId: community.id }, pages: pages() };
    },
  },
  import: {
    audit: 'renewal.community.import',
    columns: IMPORT_COLUMNS,
    notes: NOTES,
    allOrNothing: true,
    async check(s, ctx, params) {
      await communityToChange(s, ctx, communityIdOf(params));
    },
    async begin(s, ctx, params) {
      const access = await communityToChange(s, ctx, communityIdOf(params));
      return {
        prepare: householdRows(),
        async commit(tx, jobId) {
          const staged = await listStagedRows(tx, jobId);
          // the batch's own audit entry (renewal.community.import) is written by the engine
          const noAudit = async () => {};
          const r = await addHouseholds(
            s,
            tx,
            noAudit,
            access.community.id,
            staged.map((x) => x.payload as unknown as HouseholdRow),
          );
          // rooms already registered are skipped, as the template says: counted, never a conflict
          return {
            imported: r.units,
            skipped: r.skipped,
            audit: {
              buildings: r.buildings,
              units: r.units,
              skipped: r.skipped,
              area: areaText(r.areaCenti),
            },
          };
        },
      };
    },
  },
};
