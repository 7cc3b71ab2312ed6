import { randomUUID } from 'node:crypto';
import type { OrganisationKind } from '../db/schema.ts';
import { shanghaiDateTime } from '../excel/cell-text.ts';
import type {
  ExcelListDef,
  ExportColumn,
  ImportColumn,
  ImportRow,
  PreparedRow,
  RowImporter,
  RowProblem,
} from '../excel/excel-list.ts';
import { normaliseHeader } from '../excel/header-match.ts';
import { check, problemOf, schemaCheck } from '../excel/row-problems.ts';
import type { Bilingual } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { findRegions } from '../regions/region.repo.ts';
import {
  canSee,
  ensureMayPlaceIn,
  ORG_READ,
  ORG_WRITE,
  readScope,
  writeScope,
} from './organisation.policy.ts';
import {
  countOrganisations,
  existingCreditCodes,
  findOrganisationsByCodeOrName,
  insertOrganisationsFromStaging,
  listOrganisationsAfter,
  type OrganisationRow,
} from './organisation.repo.ts';
import { presentOrganisation } from './organisation.routes.ts';
import { KIND_KEYS, ORGANISATION_KINDS } from './organisation.rules.ts';
import { CreateOrganisationBody, OrganisationListQuery } from './organisation.schemas.ts';
import {
  checkParent,
  creditCodeTaken,
  organisationsMatching,
  regionMissing,
  validateNewOrganisation,
} from './organisation.service.ts';

/** Organisations as an Excel list: export of the list view, import through the API's own rules. */

type OrgView = ReturnType<typeof presentOrganisation>;

const EXPORT_COLUMNS: ExportColumn<OrgView>[] = [
  { key: 'name', header: { zh: '名称', en: 'Name' }, width: 30, value: (o) => o.name },
  { key: 'kind', header: { zh: '类型', en: 'Kind' }, width: 14, value: (o) => o.kindName },
  {
    key: 'creditCode',
    header: { zh: '统一社会信用代码', en: 'Unified social credit code' },
    width: 22,
    value: (o) => o.creditCode,
  },
  {
    key: 'regionCode',
    header: { zh: '所在地区划代码', en: 'Region code' },
    width: 14,
    value: (o) => o.regionCode,
  },
  { key: 'regionName', header: { zh: '所在地', en: 'Region' }, width: 14, value: (o) => o.regionName },
  {
    key: 'parentName',
    header: { zh: '上级组织', en: 'Parent organisation' },
    width: 24,
    value: (o) => o.parentName,
  },
  { key: 'address', header: { zh: '地址', en: 'Address' }, width: 30, value: (o) => o.address },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 8, value: (o) => o.statusName },
  {
    key: 'createdAt',
    header: { zh: '登记时间', en: 'Registered at' },
    width: 20,
    value: (o) => shanghaiDateTime(new Date(o.createdAt)),
  },
  {
    key: 'updatedAt',
    header: { zh: '更新时间', en: 'Updated at' },
    width: 20,
    value: (o) => shanghaiDateTime(new Date(o.updatedAt)),
  },
];

const kindList = (lang: 'zh' | 'en') => KIND_KEYS.map((k) => ORGANISATION_KINDS[k][lang]);

/** Column keys are the API's field names, so the API's errors land on the right column. */
export const ORGANISATION_IMPORT_COLUMNS: ImportColumn[] = [
  {
    key: 'name',
    header: { zh: '名称', en: 'Name' },
    aliases: ['组织名称', '单位名称'],
    required: true,
    help: { zh: '组织全称，最多 100 个字', en: 'Full name, at most 100 characters' },
    example: '安吉县人力资源和社会保障局',
    width: 30,
  },
  {
    key: 'kind',
    header: { zh: '类型', en: 'Kind' },
    aliases: ['组织类型'],
    required: true,
    help: {
      zh: `填写以下之一：${kindList('zh').join('、')}`,
      en: `One of: ${kindList('en').join(', ')}`,
    },
    example: '部门',
    width: 14,
  },
  {
    key: 'regionCode',
    header: { zh: '所在地区划代码', en: 'Region code' },
    aliases: ['区划代码'],
    required: true,
    help: {
      zh: '所在地的行政区划代码（例如安吉县 330523），须在您的管辖范围内',
      en: 'Region code of where it is (e.g. 330523 for Anji), within your regions',
    },
    example: '330523',
    text: true,
    width: 16,
  },
  {
    key: 'creditCode',
    header: { zh: '统一社会信用代码', en: 'Unified social credit code' },
    aliases: ['信用代码'],
    required: false,
    help: {
      zh: '18 位统一社会信用代码（见营业执照）；企业和施工单位必填，其他可不填',
      en: '18-character unified social credit code (see the business licence); required for enterprises and contractors',
    },
    example: '91330523MA2B3C4D5E',
    text: true,
    width: 22,
  },
  {
    key: 'parentId',
    header: { zh: '上级组织', en: 'Parent organisation' },
    required: false,
    help: {
      zh: '上级组织的统一社会信用代码或全称，可不填；可以是已登记的组织，也可以是本文件中靠前的行',
      en: 'Credit code or full name of the parent organisation; optional; a registered one or an earlier row of this file',
    },
    example: '安吉县人民政府',
    width: 24,
  },
  {
    key: 'address',
    header: { zh: '地址', en: 'Address' },
    required: false,
    help: { zh: '地址，最多 200 个字，可不填', en: 'Address, at most 200 characters; optional' },
    example: '安吉县递铺街道胜利西路 1 号',
    width: 30,
  },
];

const NOTES: Bilingual[] = [
  {
    zh: '每行登记一个组织；表头请保持不变（带 * 的列必须有），可以删除说明页',
    en: 'One organisation per row; keep the header row (columns marked * are required); the instructions sheet may be deleted',
  },
  {
    zh: '已登记的统一社会信用代码、文件内重复的代码都会被列为错误；有多个同名上级组织时请填写其信用代码',
    en: 'Credit codes already registered, and codes repeated within the file, are reported as problems; where several parents share a name, give its credit code',
  },
];

const KIND_BY_LABEL = new Map<string, OrganisationKind>(
  KIND_KEYS.flatMap((k) => [
    [normaliseHeader(ORGANISATION_KINDS[k].zh), k],
    [normaliseHeader(ORGANISATION_KINDS[k].en), k],
    [k, k],
  ]),
);

const unknownKind = (text: string): RowProblem => ({
  column: 'kind',
  text: {
    zh: `类型「${text}」无效，请填写：${kindList('zh').join('、')}`,
    en: `"${text}" is not a kind; use one of: ${kindList('en').join(', ')}`,
  },
});

const duplicateInFile = (rowNo: number): RowProblem => ({
  column: 'creditCode',
  text: {
    zh: `与第 ${rowNo} 行的统一社会信用代码重复`,
    en: `Same unified social credit code as row ${rowNo}`,
  },
});

const ambiguousParent = (ref: string): RowProblem => ({
  column: 'parentId',
  text: {
    zh: `有多个名为「${ref}」的组织，请改填上级组织的统一社会信用代码`,
    en: `Several organisations are named "${ref}"; give the parent's unified social credit code instead`,
  },
});

const regionCodeOf = (cell: string) => /^(\d{2,12})\s+\S/.exec(cell)?.[1] ?? cell;
const looksLikeCreditCode = (ref: string) => /^[0-9A-Z]{18}$/i.test(ref);

const checkBody = schemaCheck(CreateOrganisationBody);

interface Candidate {
  kind: OrganisationKind;
  values: { name: string; creditCode: string | null; address: string | null };
  regionCode: string;
  parentRef: string;
}

/** One import: the caller's scopes, regions seen, organisations of earlier rows (by code and by name). */
function organisationImporter(
  s: PlatformServices,
  scopes: { read: string[] | null; write: string[] | null },
): RowImporter {
  const regions = new Map<string, boolean>();
  const fileByCode = new Map<string, { id: string; rowNo: number }>();
  const fileByName = new Map<string, string[]>();

  function validate(row: ImportRow): { candidate?: Candidate; problems: RowProblem[] } {
    const v = row.values;
    const kindText = v.kind ?? '';
    const kind = KIND_BY_LABEL.get(normaliseHeader(kindText));
    const input = {
      name: v.name ?? '',
      kind: kind ?? 'other',
      regionCode: regionCodeOf(v.regionCode ?? ''),
      creditCode: v.creditCode ? v.creditCode : null,
      address: v.address ? v.address : null,
    };
    // The service's rules first (their messages are the more specific), then the request schema's.
    const problems: RowProblem[] = kind ? [] : [unknownKind(kindText)];
    const org = validateNewOrganisation(input);
    for (const e of org.problems)
      if (!problems.some((p) => p.column === e.field)) problems.push(problemOf(e));
    for (const p of checkBody(input)) if (!problems.some((q) => q.column === p.column)) problems.push(p);
    const flagged = new Set(problems.map((p) => p.column));
    if (!flagged.has('regionCode')) {
      if (!regions.get(input.regionCode)) problems.push(problemOf(regionMissing(input.regionCode)));
      else check(problems, () => ensureMayPlaceIn(scopes.write, input.regionCode), 'regionCode');
    }
    if (problems.length > 0 || !org.values || !kind) return { problems };
    return {
      candidate: { kind, values: org.values, regionCode: input.regionCode, parentRef: v.parentId ?? '' },
      problems,
    };
  }

  /** The parent's id: a registered organisation the caller may see (and active), or an earlier row. */
  function parentOf(ref: string, registered: OrganisationRow[]): { id: string | null } | RowProblem {
    if (ref === '') return { id: null };
    const byCode = looksLikeCreditCode(ref);
    const key = ref.toUpperCase();
    const inDb = registered.filter((o) => (byCode ? o.credit_code === key : o.name === ref));
    const visible = inDb.filter((o) => canSee(scopes.read, o));
    const inFile = byCode
      ? [fileByCode.get(key)?.id].filter((x): x is string => !!x)
      : (fileByName.get(ref) ?? []);
    if (visible.length + inFile.length > 1) return ambiguousParent(ref);
    if (inFile[0]) return { id: inFile[0] };
    try {
      checkParent(scopes.read, visible[0]);
    } catch (err) {
      return problemOf(err, 'parentId');
    }
    return { id: visible[0]?.id ?? null };
  }

  return {
    async prepare(rows) {
      const codes = [...new Set(rows.map((r) => regionCodeOf(r.values.regionCode ?? '')))].filter(
        (c) => c !== '' && !regions.has(c),
      );
      for (const c of codes) regions.set(c, false);
      for (const r of await findRegions(s.db, codes)) regions.set(r.code, true);
      const checked = rows.map((row) => ({ row, ...validate(row) }));
      const refs = checked.flatMap((c) => (c.candidate?.parentRef ? [c.candidate.parentRef] : []));
      const registered = await findOrganisationsByCodeOrName(
        s.db,
        refs.filter(looksLikeCreditCode).map((r) => r.toUpperCase()),
        refs.filter((r) => !looksLikeCreditCode(r)),
      );
      const taken = await existingCreditCodes(
        s.db,
        checked.flatMap((c) => (c.candidate?.values.creditCode ? [c.candidate.values.creditCode] : [])),
      );
      const now = s.clock.now();
      return checked.map(({ row, candidate, problems }): PreparedRow => {
        if (!candidate) return { rowNo: row.rowNo, problems };
        const { creditCode, name, address } = candidate.values;
        if (creditCode && taken.has(creditCode)) {
          return { rowNo: row.rowNo, problems: [problemOf(creditCodeTaken(creditCode))] };
        }
        const earlier = creditCode ? fileByCode.get(creditCode) : undefined;
        if (earlier) return { rowNo: row.rowNo, problems: [duplicateInFile(earlier.rowNo)] };
        const parent = parentOf(candidate.parentRef, registered);
        if ('text' in parent) return { rowNo: row.rowNo, problems: [parent] };
        const id = randomUUID();
        if (creditCode) fileByCode.set(creditCode, { id, rowNo: row.rowNo });
        fileByName.set(name, [...(fileByName.get(name) ?? []), id]);
        return {
          rowNo: row.rowNo,
          payload: {
            id,
            parent_id: parent.id,
            kind: candidate.kind,
            name,
            region_code: candidate.regionCode,
            credit_code: creditCode,
            address,
            created_at: now,
            updated_at: now,
          },
        };
      });
    },
    commit: (tx, jobId) => insertOrganisationsFromStaging(tx, jobId),
  };
}

export const organisationsExcel: ExcelListDef<OrgView> = {
  target: 'organisations',
  basePath: '/api/orgs',
  tag: 'organisations',
  title: { zh: '组织机构', en: 'Organisations' },
  entityType: 'organisation',
  permissions: { read: ORG_READ, write: ORG_WRITE },
  export: {
    query: OrganisationListQuery,
    audit: 'org.export',
    columns: EXPORT_COLUMNS,
    async open(s, ctx, query: OrganisationListQuery, pageSize) {
      const filter = organisationsMatching(readScope(s, ctx), query);
      const total = await countOrganisations(s.db, filter);
      async function* pages() {
        let after: { name: string; id: string } | undefined;
        for (;;) {
          const rows = await listOrganisationsAfter(s.db, filter, after, pageSize);
          if (rows.length > 0) yield rows.map((o) => presentOrganisation(o, ctx.lang));
          const last = rows.at(-1);
          if (!last || rows.length < pageSize) return;
          after = { name: last.name, id: last.id };
        }
      }
      const { page: _page, pageSize: _size, ...filters } = query;
      return { total, filters, pages: pages() };
    },
  },
  import: {
    audit: 'org.import',
    columns: ORGANISATION_IMPORT_COLUMNS,
    notes: NOTES,
    async begin(s, ctx) {
      return organisationImporter(s, { write: writeScope(s, ctx), read: readScope(s, ctx) });
    },
  },
};
