import { Type } from 'typebox';
import {
  type Bilingual,
  type ExcelListDef,
  type ExportColumn,
  IdParams,
  type ImportColumn,
  type ImportRow,
  type ListParams,
  listStagedRows,
  type PlatformServices,
  type PreparedRow,
  type RequestContext,
  type RowImporter,
  type RowProblem,
} from '../../../platform/kit/index.ts';
import { findActiveOrganisationsNamed } from '../shared/reference.repo.ts';
import { RENEWAL_READ, RENEWAL_WRITE } from '../shared/renewal.scope.ts';
import type { ProjectRow } from './project.repo.ts';
import { tasksForRead, tasksForWrite } from './task.policy.ts';
import {
  countTasks,
  type LinkRow,
  listPredecessorsOf,
  listTasksAfter,
  type TaskExportRow,
} from './task.repo.ts';
import type { TaskImportRow } from './task-import.rules.ts';
import { addImportedTasks, checkTaskImport } from './task-import.service.ts';

/**
 * A project's task list as an Excel list at /api/renewal/projects/:id/tasks: the export in the
 * template's own columns (so one project's list can be filled into another's), and the import
 * of a task list (WBS code, name, duration, predecessors such as `1.1, 1.2SS+2`, responsible
 * organisation) as a background job: the rows are checked together against the project
 * (`checkTaskImport`: WBS codes, predecessors, parents, link cycles) and written all or
 * nothing in one transaction (`addImportedTasks`, as the API's own import).
 */

/** More rows than a Gantt chart stays readable with, and than one transaction should carry. */
export const MAX_TASK_ROWS = 10_000;

export interface TaskListItem {
  wbsCode: string | null;
  name: string;
  duration: number;
  predecessors: string;
  responsibleOrganisation: string | null;
  parentWbsCode: string | null;
}

const header = {
  wbsCode: { zh: 'WBS编码', en: 'WBS code' },
  name: { zh: '任务名称', en: 'Task name' },
  duration: { zh: '工期（天）', en: 'Duration (days)' },
  predecessors: { zh: '前置任务', en: 'Predecessors' },
  responsibleOrganisation: { zh: '责任单位', en: 'Responsible organisation' },
  parentWbsCode: { zh: '上级WBS编码', en: 'Parent WBS code' },
} satisfies Record<keyof TaskListItem, Bilingual>;

const EXPORT_COLUMNS: ExportColumn<TaskListItem>[] = [
  { key: 'wbsCode', header: header.wbsCode, width: 12, value: (t) => t.wbsCode },
  { key: 'name', header: header.name, width: 32, value: (t) => t.name },
  { key: 'duration', header: header.duration, width: 10, value: (t) => t.duration },
  { key: 'predecessors', header: header.predecessors, width: 24, value: (t) => t.predecessors || null },
  {
    key: 'responsibleOrganisation',
    header: header.responsibleOrganisation,
    width: 30,
    value: (t) => t.responsibleOrganisation,
  },
  { key: 'parentWbsCode', header: header.parentWbsCode, width: 12, value: (t) => t.parentWbsCode },
];

export const TASK_IMPORT_COLUMNS: ImportColumn[] = [
  {
    key: 'wbsCode',
    header: header.wbsCode,
    aliases: ['WBS', 'WBS 编码', '任务编码', '编码', '编号'],
    required: true,
    kind: 'code',
    help: {
      zh: '任务的 WBS 编码，项目内唯一、不含空格，例如 1、1.1、2.3.1。请保持本列为“文本”格式，否则 Excel 会把 1.10 变成 1.1',
      en: 'The WBS code, unique in the project, without spaces, e.g. 1, 1.1, 2.3.1. Keep the column formatted as text, or Excel turns 1.10 into 1.1',
    },
    example: '2.1',
    width: 12,
  },
  {
    key: 'name',
    header: header.name,
    aliases: ['任务', '工作内容', '工作名称', '名称'],
    required: true,
    kind: 'text',
    help: { zh: '任务名称，1–100 个字', en: 'Task name, 1–100 characters' },
    example: '3号楼主体结构',
    width: 32,
  },
  {
    key: 'duration',
    header: header.duration,
    aliases: ['工期', '工期(天)', '工期（工作日）', '持续时间', '天数'],
    required: true,
    kind: 'number',
    help: {
      zh: '按项目的工期日历计的天数（日历天或工作日），1–3650 的整数；汇总任务（有下级任务）的工期由下级任务决定，可填 1',
      en: 'Days on the project calendar (calendar days or workdays), a whole number 1–3650; a summary task (one with sub-tasks) spans its sub-tasks, so 1 will do',
    },
    example: '30',
    width: 10,
  },
  {
    key: 'predecessors',
    header: header.predecessors,
    aliases: ['紧前任务', '紧前工作', '前置工作', '前置'],
    required: false,
    kind: 'code',
    help: {
      zh: '本任务之前须完成（或开始）的任务的 WBS 编码，多个用逗号或顿号分隔；可在编码后加关联类型 FS（完成-开始，默认）、SS、FF、SF 和间隔天数，例如 1.1, 1.2SS+2, 3FF-1。可引用本文件中的任务和项目中已有的任务',
      en: 'WBS codes of the tasks that must finish (or start) before this one, separated by commas; a code may be followed by the link type FS (finish to start, the default), SS, FF or SF and a lag in days, e.g. 1.1, 1.2SS+2, 3FF-1. Tasks in this file and tasks the project already has may be named',
    },
    example: '1.1, 1.2SS+2',
    width: 24,
  },
  {
    key: 'responsibleOrganisation',
    header: header.responsibleOrganisation,
    aliases: ['责任主体', '实施单位', '责任单位名称'],
    required: false,
    kind: 'text',
    help: {
      zh: '组织机构中登记的单位全称，或其统一社会信用代码（同名单位有多个时请填代码）；可不填',
      en: 'Full name of an organisation registered in the system, or its unified social credit code (needed when several share the name); optional',
    },
    example: '湖州某某建设工程有限公司',
    width: 30,
  },
  {
    key: 'parentWbsCode',
    header: header.parentWbsCode,
    aliases: ['上级编码', '上级任务', '父任务'],
    required: false,
    kind: 'code',
    help: {
      zh: '上级（汇总）任务的 WBS 编码，可不填；汇总任务不能设置前置任务',
      en: 'WBS code of the parent (summary) task; optional. Summary tasks cannot have predecessors',
    },
    example: '2',
    width: 12,
  },
];

const NOTES: Bilingual[] = [
  {
    zh: '每行一个任务，导入的任务排在项目现有任务之后；表头请保持不变（带 * 的列必须有），可以删除说明页',
    en: 'One task per row, added after the project’s existing tasks; keep the header row (columns marked * are required); the instructions sheet may be deleted',
  },
  {
    zh: '全部正确才导入：任何一行有错误（包括前置任务无法识别、任务关联形成循环）就不导入任何任务，错误报告会列出每一行的问题',
    en: 'All or nothing: if any row has a problem (an unknown predecessor or a link cycle included) no task is imported, and the error report lists the problems row by row',
  },
  {
    zh: `导入后立即按承诺完工日期重新倒排工期；一次最多导入 ${MAX_TASK_ROWS} 个任务`,
    en: `The schedule is re-planned backwards from the deadline at once; at most ${MAX_TASK_ROWS} tasks per file`,
  },
];

/** `1.2`, `1.2SS+2`, `3FF-1`: as the import reads them (FS with no lag is the code alone). */
export function predecessorText(p: {
  type: LinkRow['type'];
  lag: number;
  from_wbs_code: string | null;
  from_name: string;
}): string {
  // A task without a WBS code cannot be named in the import: its name tells the reader which.
  const ref = p.from_wbs_code ?? `「${p.from_name}」`;
  if (p.type === 'FS' && p.lag === 0) return ref;
  return `${ref}${p.type}${p.lag > 0 ? `+${p.lag}` : p.lag < 0 ? String(p.lag) : ''}`;
}

const projectIdOf = (params: ListParams): string => params.id ?? '';

/** The project's tasks in list order, a page at a time, with their predecessors. */
async function openTaskExport(
  s: PlatformServices,
  ctx: RequestContext,
  pageSize: number,
  params: ListParams,
) {
  const { project } = await tasksForRead(s, ctx, projectIdOf(params));
  const total = await countTasks(s.db, project.id);
  async function* pages(): AsyncIterable<TaskListItem[]> {
    let after: { position: number; id: string } | undefined;
    for (;;) {
      const rows: TaskExportRow[] = await listTasksAfter(s.db, project.id, after, pageSize);
      if (rows.length === 0) return;
      const preds = new Map<string, string[]>();
      for (const p of await listPredecessorsOf(
        s.db,
        rows.map((r) => r.id),
      )) {
        const list = preds.get(p.to_task_id) ?? [];
        list.push(predecessorText(p));
        preds.set(p.to_task_id, list);
      }
      yield rows.map((t) => ({
        wbsCode: t.wbs_code,
        name: t.name,
        duration: t.duration,
        predecessors: (preds.get(t.id) ?? []).join(', '),
        responsibleOrganisation: t.responsible_org_name,
        parentWbsCode: t.parent_wbs_code,
      }));
      const last = rows[rows.length - 1]!;
      after = { position: last.position, id: last.id };
      if (rows.length < pageSize) return;
    }
  }
  return { total, filters: { projectId: project.id }, pages: pages() };
}

const unknownOrganisation = (name: string): RowProblem => ({
  column: 'responsibleOrganisation',
  text: {
    zh: `单位「${name}」不存在或已撤销：请填写组织机构中登记的单位全称或统一社会信用代码`,
    en: `Organisation "${name}" does not exist or is closed: give the full name of a registered organisation or its unified social credit code`,
  },
});

const ambiguousOrganisation = (name: string, n: number): RowProblem => ({
  column: 'responsibleOrganisation',
  text: {
    zh: `有 ${n} 个单位名为「${name}」：请改填该单位的统一社会信用代码`,
    en: `${n} organisations are named "${name}": give the unified social credit code of the one meant`,
  },
});

const tooManyRows = (): RowProblem => ({
  text: {
    zh: `一次最多导入 ${MAX_TASK_ROWS} 个任务：请把任务清单分成几个文件导入`,
    en: `At most ${MAX_TASK_ROWS} tasks can be imported at once: split the task list into several files`,
  },
});

/** A whole number of days, or NaN (the rules then name the duration). */
const durationOf = (text: string): number => (/^\d{1,6}$/.test(text) ? Number(text) : Number.NaN);

/** The column of the sheet that holds a field of the rules. */
const COLUMN_OF: Record<keyof TaskImportRow, string> = {
  wbsCode: 'wbsCode',
  name: 'name',
  duration: 'duration',
  parentWbsCode: 'parentWbsCode',
  predecessors: 'predecessors',
  responsibleOrganisationId: 'responsibleOrganisation',
};

/**
 * One import into one project. `prepare` reads each row and finds its responsible
 * organisation; the rows are held, because they name each other: `checkAcross` checks them
 * together against the project, and `commit` writes the staged rows in one go.
 */
function taskImporter(s: PlatformServices, ctx: RequestContext, project: ProjectRow): RowImporter {
  const held: Array<{ rowNo: number; row: TaskImportRow }> = [];
  /** Organisation by name or credit code as typed: its id, or how many organisations it matches. */
  const orgs = new Map<string, string | number>();

  async function findOrganisations(rows: ImportRow[]) {
    const keys = [...new Set(rows.map((r) => r.values.responsibleOrganisation ?? ''))].filter(
      (k) => k !== '' && !orgs.has(k),
    );
    if (keys.length === 0) return;
    const found = await findActiveOrganisationsNamed(s.db, keys);
    for (const k of keys) {
      const ids = new Set(
        found.filter((o) => o.name === k || o.credit_code === k.toUpperCase()).map((o) => o.id),
      );
      orgs.set(k, ids.size === 1 ? [...ids][0]! : ids.size);
    }
  }

  return {
    async prepare(rows) {
      await findOrganisations(rows);
      return rows.map((r): PreparedRow => {
        if (held.length >= MAX_TASK_ROWS) return { rowNo: r.rowNo, problems: [tooManyRows()] };
        const v = r.values;
        const orgName = v.responsibleOrganisation ?? '';
        const org = orgName ? orgs.get(orgName) : null;
        const row: TaskImportRow = {
          wbsCode: v.wbsCode ?? '',
          name: v.name ?? '',
          duration: durationOf(v.duration ?? ''),
          parentWbsCode: v.parentWbsCode || null,
          predecessors: v.predecessors || null,
          responsibleOrganisationId: typeof org === 'string' ? org : null,
        };
        held.push({ rowNo: r.rowNo, row });
        if (typeof org === 'number') {
          const problem = org === 0 ? unknownOrganisation(orgName) : ambiguousOrganisation(orgName, org);
          return { rowNo: r.rowNo, problems: [problem] };
        }
        return { rowNo: r.rowNo, payload: { ...row } };
      });
    },

    async checkAcross() {
      const problems = await checkTaskImport(
        s,
        ctx,
        project.id,
        held.map((h) => h.row),
      );
      const byRow = new Map<number, RowProblem[]>();
      for (const p of problems) {
        const rowNo = held[p.row]?.rowNo;
        if (rowNo === undefined) continue;
        const list = byRow.get(rowNo) ?? [];
        list.push({ column: COLUMN_OF[p.field], text: p.text });
        byRow.set(rowNo, list);
      }
      return [...byRow].map(([rowNo, list]) => ({ rowNo, problems: list }));
    },

    async commit(tx, jobId) {
      const staged = await listStagedRows(tx, jobId);
      const r = await addImportedTasks(
        s,
        tx,
        project,
        staged.map((x) => x.payload as TaskImportRow),
      );
      return { imported: r.created, audit: { tasks: r.created, links: r.links, wbsCodes: r.wbsCodes } };
    },
  };
}

export const taskExcel: ExcelListDef<TaskListItem> = {
  target: 'renewal-tasks',
  basePath: '/api/renewal/projects/:id/tasks',
  parent: { params: IdParams, entityId: projectIdOf },
  tag: 'renewal',
  title: { zh: '任务清单', en: 'Task list' },
  entityType: 'renewal_project',
  permissions: { read: RENEWAL_READ, write: RENEWAL_WRITE },
  export: {
    query: Type.Object({}, { additionalProperties: false }),
    audit: 'renewal.task.export',
    columns: EXPORT_COLUMNS,
    open: (s, ctx, _query, pageSize, params) => openTaskExport(s, ctx, pageSize, params),
  },
  import: {
    audit: 'renewal.task.import',
    columns: TASK_IMPORT_COLUMNS,
    notes: NOTES,
    allOrNothing: true,
    async check(s, ctx, params) {
      await tasksForWrite(s, ctx, projectIdOf(params));
    },
    async begin(s, ctx, params) {
      const { project } = await tasksForWrite(s, ctx, projectIdOf(params));
      return taskImporter(s, ctx, project);
    },
  },
};
