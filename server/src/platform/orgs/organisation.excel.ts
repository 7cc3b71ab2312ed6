import type { ExcelListDef, ExportColumn, ImportColumn } from '../excel/excel-list.ts';
import type { Bilingual } from '../http/errors.ts';
import { organisationImporter } from './organisation.import.ts';
import { ORG_READ, ORG_WRITE, readScope, writeScope } from './organisation.policy.ts';
import { countOrganisations, listOrganisationsAfter } from './organisation.repo.ts';
import { presentOrganisation } from './organisation.routes.ts';
import { KIND_KEYS, ORGANISATION_KINDS } from './organisation.rules.ts';
import { OrganisationListQuery } from './organisation.schemas.ts';
import { organisationsMatching } from './organisation.service.ts';

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
    kind: 'datetime',
    value: (o) => new Date(o.createdAt),
  },
  {
    key: 'updatedAt',
    header: { zh: '更新时间', en: 'Updated at' },
    width: 20,
    kind: 'datetime',
    value: (o) => new Date(o.updatedAt),
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
    kind: 'text',
    help: { zh: '组织全称，最多 100 个字', en: 'Full name, at most 100 characters' },
    example: '安吉县人力资源和社会保障局',
    width: 30,
  },
  {
    key: 'kind',
    header: { zh: '类型', en: 'Kind' },
    aliases: ['组织类型'],
    required: true,
    kind: 'text',
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
    kind: 'text',
    help: {
      zh: '所在地的行政区划代码（例如安吉县 330523），须在您的管辖范围内',
      en: 'Region code of where it is (e.g. 330523 for Anji), within your regions',
    },
    example: '330523',
    width: 16,
  },
  {
    key: 'creditCode',
    header: { zh: '统一社会信用代码', en: 'Unified social credit code' },
    aliases: ['信用代码'],
    required: false,
    kind: 'code',
    help: {
      zh: '18 位统一社会信用代码（见营业执照）；企业和施工单位必填，其他可不填',
      en: '18-character unified social credit code (see the business licence); required for enterprises and contractors',
    },
    example: '91330523MA2B3C4D5E',
    width: 22,
  },
  {
    key: 'parentId',
    header: { zh: '上级组织', en: 'Parent organisation' },
    required: false,
    kind: 'text',
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
    kind: 'text',
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
    zh: '已登记的组织（统一社会信用代码相同，没有代码时为同一地区的同名组织）不会重复登记：内容有变化的更新为文件中的内容，没有变化的跳过；可不填的列留空时保留已登记的内容。导入结果会列出新增、更新和跳过的行数',
    en: 'Registered organisations (the same credit code or, without one, the same name in the same region) are never registered twice: changed ones are updated to the row, unchanged ones skipped; an empty optional cell keeps the registered value. The result counts the new, updated and skipped rows',
  },
  {
    zh: '文件内重复的信用代码（或同一地区的同名组织）会被列为错误；有多个同名上级组织时请填写其信用代码',
    en: 'Codes repeated within the file (or the same name in the same region twice) are reported as problems; where several parents share a name, give its credit code',
  },
];

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
