import { randomUUID } from 'node:crypto';
import type { Bilingual } from '../../../platform/kit/index.ts';
import type { LinkTypeName } from '../shared/renewal.tables.ts';

/**
 * A task list as clerks keep it (one row per task: WBS code, name, duration, parent WBS code,
 * predecessors such as `1.2, 2.1SS+3, 3FF-1`), checked row by row against itself and the
 * project's existing tasks (pure). The Excel import and the demo data both come through here.
 */

export interface TaskImportRow {
  wbsCode: string;
  name: string;
  duration: number;
  parentWbsCode?: string | null | undefined;
  /** Predecessors: WBS codes, each optionally followed by FS/SS/FF/SF and a lag (+n/-n working days). */
  predecessors?: string | null | undefined;
  responsibleOrganisationId?: string | null | undefined;
}

export interface ExistingTask {
  id: string;
  wbs_code: string | null;
  parent_id: string | null;
  /** Has links or reported progress: cannot become a summary. */
  locked: boolean;
}

export interface RowProblem {
  /** Row index from 0. */
  row: number;
  field: keyof TaskImportRow;
  /** What is wrong with the row, without naming it (the caller says which row: index or sheet row). */
  text: Bilingual;
  /** Error code when not the general one (a link cycle: RENEWAL_LINK_CYCLE). */
  code?: string;
}

/** The problem as one message naming the row by its place in the list (第 3 行：…). */
export const rowProblemText = (p: RowProblem): Bilingual => ({
  zh: `第 ${p.row + 1} 行：${p.text.zh}`,
  en: `Row ${p.row + 1}: ${p.text.en}`,
});

export interface PreparedImport {
  tasks: Array<{
    id: string;
    wbs_code: string;
    name: string;
    duration: number;
    parent_id: string | null;
    responsible_org_id: string | null;
    /** Row index: the task's place after the project's existing tasks. */
    order: number;
  }>;
  links: Array<{ from: string; to: string; type: LinkTypeName; lag: number }>;
  problems: RowProblem[];
}

const PRED = /^(.+?)(FS|SS|FF|SF)?([+-]\d{1,4})?$/i;
const SEPARATOR = /[,;，；、\s]+/;

export function prepareTaskImport(
  rows: readonly TaskImportRow[],
  existing: readonly ExistingTask[],
  existingLinks: ReadonlyArray<{ from: string; to: string }>,
): PreparedImport {
  const problems: RowProblem[] = [];
  const problem = (row: number, field: keyof TaskImportRow, zh: string, en: string) =>
    problems.push({ row, field, text: { zh, en } });
  const idByWbs = new Map<string, string>();
  for (const t of existing) if (t.wbs_code) idByWbs.set(t.wbs_code, t.id);
  const lockedIds = new Set(existing.filter((t) => t.locked).map((t) => t.id));
  const ids = rows.map(() => randomUUID());

  rows.forEach((r, i) => {
    const wbs = r.wbsCode.trim();
    if (!wbs || /\s/.test(wbs))
      problem(i, 'wbsCode', 'WBS编码不能为空且不能含空格', 'the WBS code must be given, without spaces');
    else if (idByWbs.has(wbs))
      problem(i, 'wbsCode', `WBS编码「${wbs}」重复`, `WBS code "${wbs}" is used twice`);
    else idByWbs.set(wbs, ids[i]!);
    if (!r.name.trim() || r.name.trim().length > 100) {
      problem(i, 'name', '任务名称应为 1–100 个字符', 'the task name needs 1–100 characters');
    }
    if (!Number.isInteger(r.duration) || r.duration < 1 || r.duration > 3650) {
      problem(
        i,
        'duration',
        '工期应为 1–3650 的整数（天）',
        'the duration must be a whole number of days, 1–3650',
      );
    }
  });

  const parentIds = new Set(existing.flatMap((t) => (t.parent_id ? [t.parent_id] : [])));
  const parentOf = new Map<string, string | null>(existing.map((t) => [t.id, t.parent_id]));
  rows.forEach((r, i) => {
    const code = r.parentWbsCode?.trim();
    if (!code) {
      parentOf.set(ids[i]!, null);
      return;
    }
    const parent = idByWbs.get(code);
    if (!parent || parent === ids[i]) {
      problem(i, 'parentWbsCode', `上级任务「${code}」不存在`, `parent task "${code}" does not exist`);
    } else if (lockedIds.has(parent)) {
      problem(
        i,
        'parentWbsCode',
        `上级任务「${code}」已有关联或进度，不能作为汇总任务`,
        `parent task "${code}" has links or progress, so it cannot become a summary`,
      );
    } else {
      parentIds.add(parent);
      parentOf.set(ids[i]!, parent);
    }
  });
  // parents must not loop
  rows.forEach((_, i) => {
    let p = parentOf.get(ids[i]!) ?? null;
    for (let steps = 0; p && steps <= rows.length + existing.length; steps++) {
      if (p === ids[i]) {
        problem(i, 'parentWbsCode', '上级任务形成循环', 'the parent tasks form a loop');
        return;
      }
      p = parentOf.get(p) ?? null;
    }
  });

  const links: PreparedImport['links'] = [];
  const seen = new Set(existingLinks.map((l) => `${l.from}>${l.to}`));
  rows.forEach((r, i) => {
    for (const token of (r.predecessors ?? '').split(SEPARATOR).filter(Boolean)) {
      let from = idByWbs.get(token);
      let type: LinkTypeName = 'FS';
      let lag = 0;
      if (!from) {
        const m = PRED.exec(token);
        from = m ? idByWbs.get(m[1]!) : undefined;
        if (m && from) {
          type = (m[2]?.toUpperCase() ?? 'FS') as LinkTypeName;
          lag = m[3] ? Number(m[3]) : 0;
        }
      }
      if (!from) {
        problem(
          i,
          'predecessors',
          `前置任务「${token}」无法识别（应为 WBS编码，可带 FS/SS/FF/SF 与 +/-天数）`,
          `predecessor "${token}" is not understood (a WBS code, optionally with FS/SS/FF/SF and +/- days)`,
        );
        continue;
      }
      if (from === ids[i]) {
        problem(i, 'predecessors', '任务不能以自己为前置任务', 'a task cannot be its own predecessor');
        continue;
      }
      if (parentIds.has(from) || parentIds.has(ids[i]!)) {
        problem(
          i,
          'predecessors',
          `「${token}」或本任务是汇总任务，不能设置关联`,
          `"${token}" or this task is a summary task and cannot be linked`,
        );
        continue;
      }
      const key = `${from}>${ids[i]}`;
      if (seen.has(key)) {
        problem(i, 'predecessors', `前置任务「${token}」重复`, `predecessor "${token}" is given twice`);
        continue;
      }
      seen.add(key);
      links.push({ from, to: ids[i]!, type, lag });
    }
  });

  // parents before children, so one insert satisfies the self-reference
  const depth = (id: string) => {
    let d = 0;
    for (let p = parentOf.get(id); p && d <= rows.length; p = parentOf.get(p)) d++;
    return d;
  };
  const tasks = rows
    .map((r, i) => ({
      id: ids[i]!,
      wbs_code: r.wbsCode.trim(),
      name: r.name.trim(),
      duration: r.duration,
      parent_id: parentOf.get(ids[i]!) ?? null,
      responsible_org_id: r.responsibleOrganisationId ?? null,
      order: i,
    }))
    .sort((a, b) => depth(a.id) - depth(b.id) || a.order - b.order);
  return { tasks, links, problems };
}
