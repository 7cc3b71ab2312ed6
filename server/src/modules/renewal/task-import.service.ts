import type { RequestContext } from '../../platform/audit/audit.service.ts';
import { invalid } from '../../platform/http/errors.ts';
import type { PlatformServices } from '../../platform/module/app-types.ts';
import { lockProject } from './project.repo.ts';
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
import { checkNoCycle } from './task.rules.ts';
import { prepareTaskImport, type RowProblem, type TaskImportRow } from './task-import.rules.ts';

/**
 * Adds a task list (rows with WBS codes, parents and predecessors) to a project in one
 * transaction: all rows or none. `checkTaskImport` reports every problem row by row (for an
 * Excel error report); `importTasks` refuses the first as a 400 naming `rows.<i>.<field>`.
 */

async function prepared(tx: PlatformServices['db'], projectId: string, rows: readonly TaskImportRow[]) {
  const [tasks, links, reported] = await Promise.all([
    listTasks(tx, projectId),
    listLinks(tx, projectId),
    tasksWithProgress(tx, projectId),
  ]);
  const linked = new Set(links.flatMap((l) => [l.from_task_id, l.to_task_id]));
  const plan = prepareTaskImport(
    rows,
    tasks.map((t) => ({
      id: t.id,
      wbs_code: t.wbs_code,
      parent_id: t.parent_id,
      locked: linked.has(t.id) || reported.has(t.id),
    })),
    links.map((l) => ({ from: l.from_task_id, to: l.to_task_id })),
  );
  return { plan, tasks, links };
}

/** Every problem of the rows against the project as it is (no writes). */
export async function checkTaskImport(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  rows: readonly TaskImportRow[],
): Promise<RowProblem[]> {
  await tasksForWrite(s, ctx, projectId);
  return (await prepared(s.db, projectId, rows)).plan.problems;
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
    await lockProject(tx, projectId);
    const { plan, tasks, links } = await prepared(tx, projectId, rows);
    const first = plan.problems[0];
    if (first) throw invalid(`rows.${first.row}.${first.field}`, first.text, 'RENEWAL_TASK_IMPORT_INVALID');
    checkNoCycle(
      [...tasks, ...plan.tasks],
      [...links.map((l) => ({ from: l.from_task_id, to: l.to_task_id })), ...plan.links],
      'rows',
    );
    const base = await nextTaskPosition(tx, projectId);
    const now = s.clock.now();
    await insertTasks(
      tx,
      plan.tasks.map(({ order, ...t }) => ({
        ...t,
        project_id: projectId,
        position: base + order,
        created_at: now,
        updated_at: now,
      })),
    );
    await insertLinks(
      tx,
      plan.links.map((l) => ({ projectId, ...l })),
    );
    await refreshSnapshot(s, tx, project);
    await audit({
      action: 'renewal.task.import',
      entityType: 'renewal_project',
      entityId: projectId,
      after: {
        tasks: plan.tasks.length,
        links: plan.links.length,
        wbsCodes: plan.tasks.map((t) => t.wbs_code),
      },
    });
    return { created: plan.tasks.length, links: plan.links.length };
  });
}
