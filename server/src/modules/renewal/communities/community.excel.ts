import {
  type Bilingual,
  type ExcelListDef,
  type ImportColumn,
  type ListParams,
  listStagedRows,
  type PreparedRow,
  type RowImporter,
  type RowProblem,
} from '../../../platform/kit/index.ts';
import { communityToChange } from './community.policy.ts';
import {
  areaText,
  normaliseEntrance,
  normaliseRoom,
  parseAreaCenti,
  parseOwnerKind,
} from './community.rules.ts';
import { addHouseholds, type HouseholdRow } from './community.service.ts';

/**
 * A community's households (楼栋, 单元, 室, 专有部分面积, 业主, 业主类型) imported from the
 * template as a background job, all rows or none. The units list (community.list.ts) exports
 * them in the template's own columns (`HOUSEHOLD_HEADERS`) and offers this import.
 */

export const HOUSEHOLD_HEADERS = {
  building: { zh: '楼栋', en: 'Building' },
  entrance: { zh: '单元', en: 'Entrance' },
  room: { zh: '室', en: 'Room' },
  area: { zh: '专有部分面积(㎡)', en: 'Exclusive area (m²)' },
  ownerName: { zh: '业主', en: 'Owner' },
  ownerKind: { zh: '业主类型(个人/单位)', en: 'Owner type (person/organisation)' },
} satisfies Record<string, Bilingual>;

/** At most this many households per file (a large community is imported in parts). */
export const MAX_HOUSEHOLD_ROWS = 10_000;

const IMPORT_COLUMNS: ImportColumn[] = [
  {
    key: 'building',
    header: HOUSEHOLD_HEADERS.building,
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
    header: HOUSEHOLD_HEADERS.entrance,
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
    header: HOUSEHOLD_HEADERS.room,
    aliases: ['室号', '房号', '门牌号'],
    required: true,
    kind: 'code',
    help: { zh: '室号，例如 302', en: 'Room, e.g. 302' },
    example: '302',
    width: 8,
  },
  {
    key: 'area',
    header: HOUSEHOLD_HEADERS.area,
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
    header: HOUSEHOLD_HEADERS.ownerName,
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
    header: HOUSEHOLD_HEADERS.ownerKind,
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

/** Households imported into a community from the template, all rows or none (the units list's import). */
export const householdImport: NonNullable<ExcelListDef['import']> = {
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
};
