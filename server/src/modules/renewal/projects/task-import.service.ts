import { type Db, invalid, type PlatformServices, type RequestContext } from '../../../platform/kit/index.ts';
import { lockProject, type ProjectRow } from './project.repo.ts';
import { checkActiveOrganisation } from './project.rules.ts';
import { refreshSnapshot } from './schedule.service.ts';
import { tasksForWrite } from './task.policy.ts';
import {
  insertLinks,
  insertTasks,
  listLinks,
  listTasks,
  nextTaskPosition,
  tasksWithProgress,
} from './task.repo.ts';
import { cycleText, findCycle, LINK_CYCLE } from './task.rules.ts';
import {
  prepareTaskImport,
  type RowProblem,
  rowProblemText,
  type TaskImportRow,
} from './task-import.rules.ts';

/**
 * Adds a task list (rows with WBS codes, parents and predecessors) to a project in one
 * transaction: all rows or none. `checkTaskImport` reports every problem row by row (for an
 * Excel error report), a link cycle on each row of a task in it; `importTasks` refuses the
 * first as a 400 naming `rows.<i>.<field>`. The Excel import job checks with the first and
 * writes with `addImportedTasks`, the transactional core of the second.
 */

/** The rows planned against the project as it is: the new tasks and links, and every problem. */
async function planImport(db: Db, projectId: string, rows: readonly TaskImportRow[]) {
  const [tasks, links, reported] = await Promise.all([
    listTasks(db, projectId),
    listLinks(db, projectId),
    tasksWithProgress(db, projectId),
  ]);
  const linked = new Set(links.flatMap((l) => [l.from_task_id, l.to_task_id]));
  const existingLinks = links.map((l) => ({ from: l.from_task_id, to: l.to_task_id }));
  const plan = prepareTaskImport(
    rows,
    tasks.map((t) => ({
      id: t.id,
      wbs_code: t.wbs_code,
      parent_id: t.parent_id,
      locked: linked.has(t.id) || reported.has(t.id),
    })),
    existingLinks,
  );
  const problems: RowProblem[] = [...plan.problems];
  // The project's own network has no cycle, so a cycle runs through at least one new task.
  const all = [...tasks, ...plan.tasks];
  const cycle = findCycle(all, [...existingLinks, ...plan.links]);
  if (cycle) {
    const text = cycleText(all, cycle);
    const rowOf = new Map(plan.tasks.map((t) => [t.id, t.order]));
    for (const id of new Set(cycle)) {
      const row = rowOf.get(id);
      if (row !== undefined) problems.push({ row, field: 'predecessors', text, code: LINK_CYCLE });
    }
    problems.sort((a, b) => a.row - b.row);
  }
  return { plan, problems };
}

/** Every problem of the rows against the project as it is (no writes). */
export async function checkTaskImport(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  rows: readonly TaskImportRow[],
): Promise<RowProblem[]> {
  await tasksForWrite(s, ctx, projectId);
  return (await planImport(s.db, projectId, rows)).problems;
}

/**
 * Inside the caller's transaction: locks the project, checks the rows against it as it now is
 * (the first problem is a 400 naming `rows.<i>.<field>`), adds the tasks after the existing
 * ones with their links, and re-plans the project.
 */
export async function addImportedTasks(
  s: PlatformServices,
  tx: Db,
  project: ProjectRow,
  rows: readonly TaskImportRow[],
): Promise<{ created: number; links: number; wbsCodes: string[] }> {
  await lockProject(tx, project.id);
  const { plan, problems } = await planImport(tx, project.id, rows);
  const first = problems[0];
  if (first) {
    throw invalid(
      `rows.${first.row}.${first.field}`,
      rowProblemText(first),
      first.code ?? 'RENEWAL_TASK_IMPORT_INVALID',
    );
  }
  const base = await nextTaskPosition(tx, project.id);
  const now = s.clock.now();
  await insertTasks(
    tx,
    plan.tasks.map(({ order, ...t }) => ({
      ...t,
      project_id: project.id,
      position: base + order,
      created_at: now,
      updated_at: now,
    })),
  );
  await insertLinks(
    tx,
    plan.links.map((l) => ({ projectId: project.id, ...l })),
  );
  await refreshSnapshot(s, tx, project);
  const inRowOrder = [...plan.tasks].sort((a, b) => a.order - b.order);
  return {
    created: plan.tasks.length,
    links: plan.links.length,
    wbsCodes: inRowOrder.map((t) => t.wbs_code),
  };
}

export async function importTasks(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  rows: readonly TaskImportRow[],
): Promise<{ created: number; links: number }> {
  const { project } = await tasksForWrite(s, ctx, projectId);
  const orgIds = [
    ...new Set(rows.flatMap((r) => (r.responsibleOrganisationId ? [r.responsibleOrganisationId] : []))),
  ];
  for (const id of orgIds) {
    const row = rows.findIndex((r) => r.responsibleOrganisationId === id);
    await checkActiveOrganisation(s.db, id, `rows.${row}.responsibleOrganisationId`, {
      zh: '责任单位',
      en: 'responsible organisation',
    });
  }
  return s.write(ctx, async (tx, audit) => {
    const r = await addImportedTasks(s, tx, project, rows);
    await audit({
      action: 'renewal.task.import',
      entityType: 'renewal_project',
      entityId: projectId,
      after: { tasks: r.created, links: r.links, wbsCodes: r.wbsCodes },
    });
    return { created: r.created, links: r.links };
  });
}
