import type { RequestContext } from '../audit/audit.service.ts';
import { shanghaiDate } from '../clock.ts';
import type {
  ExcelListDef,
  ExportColumn,
  ImportColumn,
  ImportRow,
  PreparedRow,
  RowImporter,
  RowProblem,
} from '../excel/excel-list.ts';
import { check, problemOf, schemaCheck } from '../excel/row-problems.ts';
import type { Bilingual } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { findRegions } from '../regions/region.repo.ts';
import { personExists, unknownRegion } from './person.errors.ts';
import { checkResidence, PERSON_PERMISSIONS, personScope } from './person.policy.ts';
import {
  countPersons,
  existingCitizenIndexes,
  insertPersonsFromStaging,
  listPersonsAfter,
  type PersonCursor,
  type PersonInsert,
} from './person.repo.ts';
import {
  CreatePersonBody,
  type CreatePersonInput,
  type ListPeopleFilter,
  ListPeopleQuery,
  type PersonViewT,
} from './person.schemas.ts';
import { peopleMatching, presentPerson, validateNewPerson } from './person.service.ts';

/** People as an Excel list: export of the masked view, import through the API's own rules. */

const GENDER: Record<PersonViewT['gender'], Bilingual> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};

/** The columns of the masked view, as on the People page; never a clear ID or mobile. */
const EXPORT_COLUMNS: ExportColumn<PersonViewT>[] = [
  { key: 'name', header: { zh: '姓名', en: 'Name' }, width: 12, value: (p) => p.name },
  {
    key: 'citizenIdMasked',
    header: { zh: '身份证号码（脱敏）', en: 'Citizen ID (masked)' },
    width: 22,
    value: (p) => p.citizenIdMasked,
  },
  {
    key: 'mobileMasked',
    header: { zh: '手机号码（脱敏）', en: 'Mobile (masked)' },
    width: 16,
    value: (p) => p.mobileMasked,
  },
  {
    key: 'gender',
    header: { zh: '性别', en: 'Gender' },
    width: 8,
    value: (p, lang) => (lang === 'en' ? GENDER[p.gender].en : GENDER[p.gender].zh),
  },
  { key: 'birthYear', header: { zh: '出生年份', en: 'Year of birth' }, width: 10, value: (p) => p.birthYear },
  { key: 'age', header: { zh: '年龄', en: 'Age' }, width: 8, value: (p) => p.age },
  {
    key: 'nativeRegionCode',
    header: { zh: '籍贯区划代码', en: 'Native region code' },
    width: 14,
    value: (p) => p.nativeRegionCode,
  },
  {
    key: 'regionCode',
    header: { zh: '居住地区划代码', en: 'Residence region code' },
    width: 16,
    value: (p) => p.regionCode,
  },
  { key: 'regionName', header: { zh: '居住地', en: 'Residence' }, width: 16, value: (p) => p.regionName },
  {
    key: 'createdAt',
    header: { zh: '登记时间', en: 'Registered at' },
    width: 20,
    kind: 'datetime',
    value: (p) => new Date(p.createdAt),
  },
  {
    key: 'updatedAt',
    header: { zh: '更新时间', en: 'Updated at' },
    width: 20,
    kind: 'datetime',
    value: (p) => new Date(p.updatedAt),
  },
];

/** Column keys are the API's field names, so the API's errors land on the right column. */
export const PERSON_IMPORT_COLUMNS: ImportColumn[] = [
  {
    key: 'name',
    header: { zh: '姓名', en: 'Name' },
    required: true,
    kind: 'text',
    help: { zh: '姓名，最多 50 个字', en: 'Full name, at most 50 characters' },
    example: '王伟',
    width: 12,
  },
  {
    key: 'citizenId',
    header: { zh: '身份证号码', en: 'Citizen ID' },
    aliases: ['身份证号', '公民身份号码', '身份证'],
    required: true,
    kind: 'code',
    help: {
      zh: '18 位居民身份证号码，末位可为 X；出生日期、性别和籍贯由号码自动推算。请保持本列为“文本”格式，否则 Excel 会丢失末尾几位',
      en: '18-character citizen ID, the last may be X; birth date, gender and native region are derived from it. Keep the column formatted as text, or Excel drops the last digits',
    },
    example: '330523199001011234',
    width: 22,
  },
  {
    key: 'mobile',
    header: { zh: '手机号码', en: 'Mobile' },
    aliases: ['手机号', '手机', '联系电话'],
    required: false,
    kind: 'text',
    help: { zh: '11 位手机号码，可不填', en: '11-digit mobile number; optional' },
    example: '13800131234',
    width: 16,
  },
  {
    key: 'regionCode',
    header: { zh: '居住地区划代码', en: 'Residence region code' },
    aliases: ['居住地代码', '区划代码'],
    required: true,
    kind: 'text',
    help: {
      zh: '居住地的行政区划代码（6、9 或 12 位，例如安吉县 330523），须在您的管辖范围内；只有不限地区的账号可以留空',
      en: 'Region code of the place of residence (6, 9 or 12 digits, e.g. 330523 for Anji), within your regions; only accounts without a region limit may leave it empty',
    },
    example: '330523',
    width: 16,
  },
];

const NOTES: Bilingual[] = [
  {
    zh: '每行登记一人；表头请保持不变（带 * 的列必须有），可以删除说明页',
    en: 'One person per row; keep the header row (columns marked * are required); the instructions sheet may be deleted',
  },
  {
    zh: '已登记的身份证号码、文件内重复的身份证号码都会被列为错误',
    en: 'Citizen IDs already registered, and IDs repeated within the file, are reported as problems',
  },
  {
    zh: '“全部正确才导入”：有任何一行错误就不导入；“只导入正确的行”：跳过有错误的行。有错误的行会列在错误报告中，改正后可直接重新导入错误报告',
    en: '"All or nothing" imports nothing if any row has a problem; "valid rows only" skips rows with problems. Rows with problems are listed in the error report, which can be fixed and imported again as it is',
  },
];

const checkBody = schemaCheck(CreatePersonBody);

const duplicateInFile = (rowNo: number): RowProblem => ({
  column: 'citizenId',
  text: {
    zh: `与第 ${rowNo} 行的身份证号码重复，同一人只能登记一次`,
    en: `Same citizen ID as row ${rowNo}; a person is registered once`,
  },
});

/** "330523 安吉县" (a code with its name, as region pickers copy it) reads as "330523". */
const regionCodeOf = (cell: string) => /^(\d{2,12})\s+\S/.exec(cell)?.[1] ?? cell;

/** One import: the caller's write scope, regions seen so far, citizen IDs of earlier rows. */
function personImporter(s: PlatformServices, scope: string[] | null): RowImporter {
  const regions = new Map<string, boolean>();
  const firstRowOf = new Map<string, number>();

  async function loadRegions(rows: ImportRow[]) {
    const codes = [...new Set(rows.map((r) => regionCodeOf(r.values.regionCode ?? '')))].filter(
      (c) => c !== '' && !regions.has(c),
    );
    for (const c of codes) regions.set(c, false);
    for (const r of await findRegions(s.db, codes)) regions.set(r.code, true);
  }

  function validate(row: ImportRow): { values?: PersonInsert; problems: RowProblem[] } {
    const v = row.values;
    const input: CreatePersonInput = {
      name: v.name ?? '',
      citizenId: v.citizenId ?? '',
      mobile: v.mobile ? v.mobile : null,
      regionCode: v.regionCode ? regionCodeOf(v.regionCode) : null,
    };
    // The service's rules first (their messages are the more specific), then the request schema's.
    const problems: RowProblem[] = [];
    const person = validateNewPerson(s, input);
    for (const e of person.problems)
      if (!problems.some((p) => p.column === e.field)) problems.push(problemOf(e));
    for (const p of checkBody(input)) if (!problems.some((q) => q.column === p.column)) problems.push(p);
    const flagged = new Set(problems.map((p) => p.column));
    const code = input.regionCode ?? null;
    if (!flagged.has('regionCode')) {
      if (code !== null && !regions.get(code)) problems.push(problemOf(unknownRegion()));
      else check(problems, () => checkResidence(scope, code), 'regionCode');
    }
    return problems.length === 0 && person.values ? { values: person.values, problems } : { problems };
  }

  return {
    async prepare(rows) {
      await loadRegions(rows);
      const checked = rows.map((row) => ({ row, ...validate(row) }));
      const indexes = checked.flatMap((c) => (c.values ? [c.values.citizen_id_index] : []));
      const existing = await existingCitizenIndexes(s.db, indexes);
      return checked.map(({ row, values, problems }): PreparedRow => {
        if (!values) return { rowNo: row.rowNo, problems };
        const index = values.citizen_id_index;
        if (existing.has(index)) return { rowNo: row.rowNo, problems: [problemOf(personExists())] };
        const first = firstRowOf.get(index);
        if (first !== undefined) return { rowNo: row.rowNo, problems: [duplicateInFile(first)] };
        firstRowOf.set(index, row.rowNo);
        return { rowNo: row.rowNo, payload: values };
      });
    },
    commit: (tx, jobId) => insertPersonsFromStaging(tx, jobId),
  };
}

export const peopleExcel: ExcelListDef<PersonViewT> = {
  target: 'people',
  basePath: '/api/people',
  tag: 'people',
  title: { zh: '人员', en: 'People' },
  entityType: 'person',
  permissions: { read: PERSON_PERMISSIONS.read, write: PERSON_PERMISSIONS.write },
  export: {
    query: ListPeopleQuery,
    audit: 'person.export',
    columns: EXPORT_COLUMNS,
    async open(s: PlatformServices, ctx: RequestContext, query: ListPeopleFilter, pageSize: number) {
      const scope = personScope(s, ctx, 'read');
      const match = peopleMatching(s, scope, query);
      const total = await countPersons(s.db, match);
      const today = shanghaiDate(s.clock.now());
      async function* pages() {
        let after: PersonCursor | undefined;
        for (;;) {
          const rows = await listPersonsAfter(s.db, match, after, pageSize);
          if (rows.length > 0) yield rows.map((r) => presentPerson(r, today));
          const last = rows.at(-1);
          if (!last || rows.length < pageSize) return;
          after = { at: last.cursor_at, id: last.id };
        }
      }
      const { page: _page, pageSize: _size, ...filters } = query;
      return { total, filters, pages: pages() };
    },
  },
  import: {
    audit: 'person.import',
    columns: PERSON_IMPORT_COLUMNS,
    notes: NOTES,
    async begin(s, ctx) {
      return personImporter(s, personScope(s, ctx, 'write'));
    },
  },
};
